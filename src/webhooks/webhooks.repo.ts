import { sql, type CompiledQuery, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

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

export async function insertEndpoint(
  db: Kysely<DB>,
  row: { id: string; url: string; events: string[]; secretSealed: string; now: string },
): Promise<void> {
  await db
    .insertInto("webhook_endpoints")
    .values({ id: row.id, url: row.url, events: JSON.stringify(row.events), secretSealed: row.secretSealed, createdAt: row.now, updatedAt: row.now })
    .execute();
}

const countOf = (status: "pending" | "failed") =>
  sql<number>`(select count(*) from webhook_deliveries d where d.endpointId = w.id and d.status = ${status})`;

/** Endpoints that are not deleted, newest first, with their delivery counts; never the secret. */
export async function listEndpoints(db: Kysely<DB>, only?: { id: string }): Promise<EndpointView[]> {
  let q = db
    .selectFrom("webhook_endpoints as w")
    .select(["w.id", "w.url", "w.events", "w.state", "w.lastSuccessAt", "w.lastFailureAt", "w.createdAt", "w.updatedAt"])
    .select([countOf("pending").as("pendingDeliveries"), countOf("failed").as("failedDeliveries")])
    .where("w.state", "!=", "deleted")
    .orderBy("w.createdAt", "desc")
    .orderBy("w.id");
  if (only) q = q.where("w.id", "=", only.id);
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
export function deleteEndpointQueries(db: Kysely<DB>, id: string, now: string): CompiledQuery[] {
  return [
    db.updateTable("webhook_endpoints").set({ state: "deleted", updatedAt: now }).where("id", "=", id).where("state", "!=", "deleted").compile(),
    db
      .updateTable("webhook_deliveries")
      .set({ status: "failed", lockedUntil: null, lastError: "endpoint_deleted", updatedAt: now })
      .where("endpointId", "=", id)
      .where("status", "=", "pending")
      .compile(),
  ];
}

/** Replaces the sealed secret of an endpoint that is not deleted; false when there is none. */
export async function replaceSecret(db: Kysely<DB>, id: string, secretSealed: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable("webhook_endpoints")
    .set({ secretSealed, updatedAt: now })
    .where("id", "=", id)
    .where("state", "!=", "deleted")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function endpointExists(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db.selectFrom("webhook_endpoints").select("id").where("id", "=", id).where("state", "!=", "deleted").executeTakeFirst();
  return row !== undefined;
}
