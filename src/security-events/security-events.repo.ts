import type { Kysely, Selectable } from "kysely";
import type { DB, SecurityEventsTable } from "../db/schema.js";

export type SecurityEventRow = Selectable<SecurityEventsTable>;

export async function insertSecurityEvent(db: Kysely<DB>, e: Omit<SecurityEventRow, "id">): Promise<void> {
  await db.insertInto("security_events").values(e).execute();
}

/** Newest first; `before` is the id of the last row of the previous page. */
export async function listSecurityEvents(db: Kysely<DB>, q: { before?: number; limit: number }): Promise<SecurityEventRow[]> {
  let query = db.selectFrom("security_events").selectAll().orderBy("id", "desc").limit(q.limit);
  if (q.before !== undefined) query = query.where("id", "<", q.before);
  return query.execute();
}
