import type { Generated, Insertable, Selectable } from "kysely";

/** Kysely table types, mirroring migrations/*.sql. Booleans are 0/1, JSON arrays are text. */
export interface OrganisationsTable {
  id: string;
  name: string;
  country: string;
  website: string | null;
  nationallySignificant: number;
  innovative: number;
  evidenceBased: number;
  criteriaNote: string | null;
  createdAt: string;
}

export interface ExpertsTable {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  languages: string;
  themes: string;
  timeZone: string;
  createdAt: string;
  /** migrations/0012: 0 once deactivated. */
  active: Generated<number>;
}

export interface DevGroupsTable {
  id: string;
  name: string;
  organisation: string;
  timeZone: Generated<string>;
  country: Generated<string>;
  createdAt: string;
}

export interface GroupMembersTable {
  id: string;
  groupId: string;
  name: string;
  email: string;
  createdAt: string;
  /** migrations/0012: set when the coordinator removes the member. */
  removedAt: Generated<string | null>;
  /** migrations/0011_mail.sql */
  language: Generated<MailLanguage>;
}

export interface ApiTokensTable {
  id: string;
  tokenHash: string;
  role: "coordinator" | "member";
  memberId: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /** migrations/0006_sign_in.sql */
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface TopicsTable {
  id: string;
  groupId: string;
  title: string;
  theme: string;
  description: string;
  createdAt: string;
}

export interface BriefsTable {
  id: string;
  topicId: string;
  groupId: string;
  challenge: string;
  language: string;
  createdAt: string;
}

export interface BriefQuestionsTable {
  briefId: string;
  position: number;
  text: string;
}

export type ConsultationStatus =
  | "draft"
  | "requested"
  | "confirmed"
  | "held"
  | "evaluated"
  | "declined"
  | "cancelled"
  | "expired";

export interface ConsultationsTable {
  id: string;
  groupId: string;
  topicId: string;
  briefId: string;
  expertId: string;
  createdBy: string | null;
  durationMinutes: number;
  status: ConsultationStatus;
  slotRound: Generated<number>;
  confirmedSlotId: string | null;
  requestedAt: string | null;
  confirmedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  changeId: string;
  createdAt: string;
  updatedAt: string;
  /** migrations/0002_evaluations.sql */
  noShow: Generated<number>;
  actualStart: string | null;
  actualMinutes: number | null;
  evaluationClosedAt: string | null;
  followUpOf: string | null;
  fundingSource: string | null;
  /** migrations/0005_lifecycle_events.sql: the state the last transition started from. */
  previousStatus: string | null;
}

export interface ProposedSlotsTable {
  id: string;
  consultationId: string;
  round: number;
  start: string;
  end: string;
}

export interface ExpertLinksTable {
  id: string;
  consultationId: string;
  secretHash: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** migrations/0011_mail.sql: the secret sealed for the mail that carries the link. */
  secretSealed: string | null;
}

export interface MeetingsTable {
  consultationId: string;
  provider: "ics" | "graph";
  externalId: string;
  iCalUId: string;
  joinUrl: string | null;
  start: string;
  end: string;
  sequence: Generated<number>;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

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
  /** migrations/0005_lifecycle_events.sql: the event this delivery record is for (null for legacy commands). */
  eventId: number | null;
}

/** One per person and consultation; authorId is a member's or the expert's id (never shown). */
export interface EvaluationsTable {
  id: string;
  consultationId: string;
  side: "member" | "expert";
  authorId: string;
  usefulness: number;
  preparation: number;
  technicalQuality: number;
  durationFit: "too_short" | "right" | "too_long";
  actualMinutes: number | null;
  wouldRecommend: number;
  followUpInterest: number;
  followUpTopic: string | null;
  learnings: string | null;
  improvements: string | null;
  submittedAt: string;
  updatedAt: string;
}

// --- migrations/0006_sign_in.sql: sessions, sign-in, rate limits, security events ---
export interface SessionsTable {
  idHash: string;
  role: "coordinator" | "member";
  memberId: string | null;
  tokenId: string | null;
  coordinatorKey: string | null;
  method: "token" | "oidc" | "email";
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  endedAt: string | null;
}

export interface SignInIdentitiesTable {
  issuer: string;
  subject: string;
  role: "coordinator" | "member";
  memberId: string | null;
  coordinatorKey: string | null;
  linkedAt: string;
}

export interface OidcFlowsTable {
  keyHash: string;
  state: string;
  nonce: string;
  audience: "coordinator" | "member";
  expiresAt: string;
}

export interface EmailSignInLinksTable {
  secretHash: string;
  role: "coordinator" | "member";
  memberId: string | null;
  coordinatorKey: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface RateLimitCountersTable {
  key: string;
  windowStart: number;
  count: number;
}

export interface SecurityEventsTable {
  id: Generated<number>;
  at: string;
  kind: string;
  method: string | null;
  actorType: string | null;
  actorId: string | null;
  detail: string | null;
}
// --- end of 0006 ---
/* migrations/0005_lifecycle_events.sql */
export interface ConsultationEventsTable {
  id: Generated<number>;
  consultationId: string;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actorType: string;
  at: string;
  payload: string;
  changeId: string;
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
}

// 0010_webhook_delivery.sql: the columns webhooks add.
export interface WebhookDeliveriesTable {
  /** Set by the first claim; retries go on for at least 24 hours from it. */
  firstAttemptAt: string | null;
}
export interface WebhookEndpointsTable {
  /** Set by each registration, deletion or rotation; the audit entry in its batch keys on it. */
  changeId: string | null;
}

/* migrations/0011_mail.sql: member languages, sealed expert links, one row per message. */
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

export interface DB {
  organisations: OrganisationsTable;
  experts: ExpertsTable;
  dev_groups: DevGroupsTable;
  group_members: GroupMembersTable;
  api_tokens: ApiTokensTable;
  topics: TopicsTable;
  briefs: BriefsTable;
  brief_questions: BriefQuestionsTable;
  consultations: ConsultationsTable;
  proposed_slots: ProposedSlotsTable;
  expert_links: ExpertLinksTable;
  meetings: MeetingsTable;
  audit_entries: AuditEntriesTable;
  outbox: OutboxTable;
  evaluations: EvaluationsTable;
  // 0006_sign_in.sql
  sessions: SessionsTable;
  sign_in_identities: SignInIdentitiesTable;
  oidc_flows: OidcFlowsTable;
  email_sign_in_links: EmailSignInLinksTable;
  rate_limit_counters: RateLimitCountersTable;
  security_events: SecurityEventsTable;
  consultation_events: ConsultationEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  mail_messages: MailMessagesTable;
  themes: ThemesTable;
  programmes: ProgrammesTable;
  consultation_programmes: ConsultationProgrammesTable;
}

/**
 * migrations/0007_personal_data.sql (issue 14). Interface declarations merge with the ones above;
 * what each column holds about a person is listed in src/privacy/personal-data.ts.
 */
export interface ExpertsTable {
  /** Set on erasure; name and email are then placeholders. */
  erasedAt: string | null;
}
export interface GroupMembersTable {
  erasedAt: string | null;
}
export interface TopicsTable {
  /** The member who wrote it (null when unknown or erased). */
  createdBy: string | null;
}
export interface BriefsTable {
  createdBy: string | null;
  /** The challenge's length once its text has been removed; null while the text is there. */
  challengeLength: number | null;
}
export interface AnonymisedConsultationsTable {
  consultationId: string;
  anonymisedAt: string;
}
export interface DB {
  anonymised_consultations: AnonymisedConsultationsTable;
}

export type ConsultationRow = Selectable<ConsultationsTable>;
export type SlotRow = Selectable<ProposedSlotsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type NewAuditEntry = Insertable<AuditEntriesTable>;

/* migrations/0015_themes.sql (issue 11): the managed list of themes, named in fi, sv and en. */
export interface ThemesTable {
  id: string;
  /** What topics and experts store: the lower-cased text of the theme. */
  key: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  createdAt: string;
}

/* migrations/0015_themes.sql (issue 11): programmes a consultation may belong to. */
export interface ProgrammesTable {
  id: string;
  name: string;
  /** The name in lower case (JavaScript's, which knows Ä, Ö and Å): the unique key. */
  nameKey: string;
  description: string | null;
  createdAt: string;
}

export interface ConsultationProgrammesTable {
  consultationId: string;
  programmeId: string;
  setAt: string;
}

/** migrations/0013_counter_proposals_and_pages.sql (issue 12); declaration merging keeps these together. */
export interface ConsultationsTable {
  /** Who proposed the current round of times: the group, or the expert (a counter-proposal). */
  slotsProposedBy: Generated<"group" | "expert">;
  /** The group's own meeting link, used until a tenant's meeting has a join link. */
  ownMeetingUrl: string | null;
}
export interface ExpertsTable {
  preferredLanguage: "fi" | "sv" | "en" | null;
}
export interface FormSubmissionsTable {
  formKey: string;
  groupId: string;
  resultId: string;
  createdAt: string;
}
export interface DB {
  form_submissions: FormSubmissionsTable;
}
