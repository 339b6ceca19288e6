import { sql, type Kysely } from "kysely";
import { changedConsultations } from "../db/changed-consultations.js";
import type { DB, NewAuditEntry } from "../db/schema.js";

export interface AuditInput {
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** Ids and codes only: never secrets or free text. */
  detail?: Record<string, string | number | boolean | null>;
}

const row = (e: AuditInput): NewAuditEntry => ({
  at: e.at,
  actorType: e.actorType,
  actorId: e.actorId,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  detail: e.detail ? JSON.stringify(e.detail) : null,
});

export async function recordAudit(db: Kysely<DB>, e: AuditInput): Promise<void> {
  await db.insertInto("audit_entries").values(row(e)).execute();
}

/**
 * For an atomic batch: an audit entry for each consultation that carries `changeId`, so the entry
 * is written only if the state change in the same batch happened. Without a consultation id it
 * covers every consultation a sweep changed.
 */
export function auditIfChanged(
  db: Kysely<DB>,
  target: { consultationId?: string; changeId: string },
  e: Omit<AuditInput, "entityType" | "entityId">,
) {
  const r = row({ ...e, entityType: "consultation", entityId: "" });
  const select = changedConsultations(db, target).select([
    sql<string>`${r.at}`.as("at"),
    sql<string>`${r.actorType}`.as("actorType"),
    sql<string | null>`${r.actorId}`.as("actorId"),
    sql<string>`${r.action}`.as("action"),
    sql<string>`${"consultation"}`.as("entityType"),
    "consultations.id",
    sql<string | null>`${r.detail}`.as("detail"),
  ]);
  return db
    .insertInto("audit_entries")
    .columns(["at", "actorType", "actorId", "action", "entityType", "entityId", "detail"])
    .expression(select)
    .compile();
}

/** An entity's trail, oldest first, as a query to batch with the page's other reads. */
export function auditTrailQuery(db: Kysely<DB>, entityType: string, entityId: string) {
  return db
    .selectFrom("audit_entries")
    .select(["at", "actorType", "action", "detail"])
    .where("entityType", "=", entityType)
    .where("entityId", "=", entityId)
    .orderBy("id");
}

export async function auditTrail(db: Kysely<DB>, entityType: string, entityId: string) {
  return auditTrailQuery(db, entityType, entityId).execute();
}
