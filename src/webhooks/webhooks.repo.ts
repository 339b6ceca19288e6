import { afterKey, type PageRequest } from "../lib/paging.js";
import { sql, type CompiledQuery, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { newId } from "../lib/secrets.js";

export type EndpointState = "active" | "failing" | "deleted";

export interface EndpointView {
  id: string;
  url: string;
  events: string[];
  state: EndpointState;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  pendingDeliveries: number;
  failedDeliveries: number;
  createdAt: string;
  updatedAt: string;
}

/** Who changed an endpoint, for the audit trail (ids only: never the URL or the secret). */
export interface WebhookActor {
  actorType: string;
  actorId: string | null;
}

/**
 * An audit entry for the endpoint, written only if the statement before it in the same batch
 * marked it with `changeId` (so a delete or rotation that changed nothing leaves no entry).
 */
function auditIfChanged(db: Kysely<DB>, id: string, changeId: string, action: string, by: WebhookActor, at: string) {
  const select = db
    .selectFrom("webhook_endpoints")
    .select([
      sql<string>`${at}`.as("at"),
      sql<string>`${by.actorType}`.as("actorType"),
      sql<string | null>`${by.actorId}`.as("actorId"),
      sql<string>`${action}`.as("action"),
      sql<string>`'webhook_endpoint'`.as("entityType"),
      "id",
      sql<null>`null`.as("detail"),
    ])
    .where("id", "=", id)
    .where("changeId", "=", changeId);
  return db.insertInto("audit_entries").columns(["at", "actorType", "actorId", "action", "entityType", "entityId", "detail"]).expression(select).compile();
}

/** For one atomic batch: the endpoint and its audit entry. */
export function insertEndpointQueries(
  db: Kysely<DB>,
  row: { id: string; url: string; events: string[]; secretSealed: string; now: string },
  by: WebhookActor,
): CompiledQuery[] {
  const changeId = newId();
  return [
    db
      .insertInto("webhook_endpoints")
      .values({ id: row.id, url: row.url, events: JSON.stringify(row.events), secretSealed: row.secretSealed, changeId, createdAt: row.now, updatedAt: row.now })
      .compile(),
    auditIfChanged(db, row.id, changeId, "webhook.registered", by, row.now),
  ];
}

const countOf = (status: "pending" | "failed") =>
  sql<number>`(select count(*) from webhook_deliveries d where d.endpointId = w.id and d.status = ${status})`;

const NEWEST_FIRST = [{ column: "w.createdAt", desc: true }, { column: "w.id" }];

/** Endpoints that are not deleted, newest first, with their delivery counts; never the secret. */
export async function listEndpoints(db: Kysely<DB>, only?: { id: string }, page?: PageRequest): Promise<EndpointView[]> {
  let q = db
    .selectFrom("webhook_endpoints as w")
    .select(["w.id", "w.url", "w.events", "w.state", "w.lastSuccessAt", "w.lastFailureAt", "w.createdAt", "w.updatedAt"])
    .select([countOf("pending").as("pendingDeliveries"), countOf("failed").as("failedDeliveries")])
    .where("w.state", "!=", "deleted")
    .orderBy("w.createdAt", "desc")
    .orderBy("w.id");
  if (only) q = q.where("w.id", "=", only.id);
  if (page) q = q.limit(page.limit + 1);
  if (page?.after) q = q.where(afterKey(NEWEST_FIRST, page.after));
  const rows = await q.execute();
  return rows.map((r) => ({
    ...r,
    events: JSON.parse(r.events) as string[],
    pendingDeliveries: Number(r.pendingDeliveries),
    failedDeliveries: Number(r.failedDeliveries),
  }));
}

/**
 * For one atomic batch: the endpoint becomes deleted and its pending deliveries stop. The first
 * statement's row count says whether there was an endpoint to delete.
 */
export function deleteEndpointQueries(db: Kysely<DB>, id: string, now: string, by: WebhookActor): CompiledQuery[] {
  const changeId = newId();
  return [
    db.updateTable("webhook_endpoints").set({ state: "deleted", changeId, updatedAt: now }).where("id", "=", id).where("state", "!=", "deleted").compile(),
    db
      .updateTable("webhook_deliveries")
      .set({ status: "failed", lockedUntil: null, lastError: "endpoint_deleted", updatedAt: now })
      .where("endpointId", "=", id)
      .where("status", "=", "pending")
      .compile(),
    auditIfChanged(db, id, changeId, "webhook.deleted", by, now),
  ];
}

/** For one atomic batch: the new sealed secret of an endpoint that is not deleted, and its audit entry. */
export function replaceSecretQueries(db: Kysely<DB>, id: string, secretSealed: string, now: string, by: WebhookActor): CompiledQuery[] {
  const changeId = newId();
  return [
    db.updateTable("webhook_endpoints").set({ secretSealed, changeId, updatedAt: now }).where("id", "=", id).where("state", "!=", "deleted").compile(),
    auditIfChanged(db, id, changeId, "webhook.secret_rotated", by, now),
  ];
}

export async function endpointExists(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db.selectFrom("webhook_endpoints").select("id").where("id", "=", id).where("state", "!=", "deleted").executeTakeFirst();
  return row !== undefined;
}
