import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/**
 * Counts one event in the key's current fixed window and returns the count: one conditional
 * upsert, so concurrent requests, processes and Worker isolates all count in the same row.
 */
export async function countInWindow(db: Kysely<DB>, key: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto("rate_limit_counters")
    .values({ key, windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        // SQLite evaluates every SET expression against the old row.
        count: sql<number>`CASE WHEN rate_limit_counters.windowStart = excluded.windowStart THEN rate_limit_counters.count + 1 ELSE 1 END`,
        windowStart: sql<number>`excluded.windowStart`,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function countSoFar(db: Kysely<DB>, key: string, windowStart: number): Promise<number> {
  const row = await db
    .selectFrom("rate_limit_counters")
    .select("count")
    .where("key", "=", key)
    .where("windowStart", "=", windowStart)
    .executeTakeFirst();
  return row ? Number(row.count) : 0;
}

export async function pruneCounters(db: Kysely<DB>, olderThan: number): Promise<void> {
  await db.deleteFrom("rate_limit_counters").where("windowStart", "<", olderThan).execute();
}
