import type { CompiledQuery, Kysely } from "kysely";
import type { AtomicWrite } from "./atomic.js";
import type { DB } from "./schema.js";

export type RowsOf<Q extends readonly CompiledQuery<unknown>[]> = { [K in keyof Q]: Q[K] extends CompiledQuery<infer Row> ? Row[] : never };

/**
 * Several reads that do not depend on each other, in one round trip: through the atomic port they
 * go as one D1 batch (on Workers every statement would otherwise cross the network on its own) or
 * one better-sqlite3 transaction, and see one snapshot. Without the port (scripts, tests that
 * build only a Kysely), they run side by side.
 *
 * @example const [briefs, groups] = await readTogether(deps, [briefQ.compile(), groupQ.compile()]);
 */
export async function readTogether<const Q extends readonly CompiledQuery<unknown>[]>(
  source: { db: Kysely<DB>; atomic?: AtomicWrite },
  queries: Q,
): Promise<RowsOf<Q>> {
  if (source.atomic) return (await source.atomic([...queries])).map((r) => r.rows) as RowsOf<Q>;
  return (await Promise.all(queries.map(async (q) => (await source.db.executeQuery(q)).rows))) as RowsOf<Q>;
}
