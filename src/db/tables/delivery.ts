import type { Generated } from "kysely";

/**
 * What leaves the service and the record of it: the audit trail, the outbox (consumers' delivery
 * records and commands), webhook endpoints and deliveries, and mail messages.
 */
export interface AuditEntriesTable {
  id: Generated<number>;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail: string | null;
}

export interface OutboxTable {
  id: string;
  kind: string;
  consultationId: string | null;
  payload: string;
  status: Generated<"pending" | "done" | "failed">;
  attempts: Generated<number>;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** 0005_lifecycle_events: the event this delivery record is for (null for legacy commands). */
  eventId: number | null;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  events: string;
  secretSealed: string;
  state: Generated<"active" | "failing" | "deleted">;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** 0010: set by each registration, deletion or rotation; the audit entry in its batch keys on it. */
  changeId: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpointId: string;
  eventId: number;
  consultationId: string;
  status: Generated<"pending" | "done" | "failed">;
  attempts: Generated<number>;
  nextAttemptAt: string;
  lockedUntil: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** 0010: set by the first claim; retries go on for at least 24 hours from it. */
  firstAttemptAt: string | null;
}

/* 0011_mail: member languages, sealed expert links, one row per message. */
export type MailLanguage = "fi" | "sv" | "en";
export type MailRecipientRole = "expert" | "member";
export type MailStatus = "pending" | "sent" | "skipped" | "failed";

export interface MailMessagesTable {
  id: string;
  /** consultation:kind:recipient:round; unique, so a message is recorded once. */
  messageKey: string;
  consultationId: string;
  kind: string;
  recipientRole: MailRecipientRole;
  recipientId: string;
  round: number;
  dueAt: string;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  nextAttemptAt: string;
  lockedUntil: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}
