import type { D1Database, D1Result } from "@cloudflare/workers-types";
import { Kysely, type CompiledQuery } from "kysely";
import { D1Dialect } from "kysely-d1";
import type { AtomicWrite, StatementResult } from "./atomic.js";
import type { DB } from "./schema.js";

export interface D1Handle {
  db: Kysely<DB>;
  atomic: AtomicWrite;
}

/**
 * One batch result in the port's terms, the same as the better-sqlite3 implementation gives:
 * `rows` are what the statement returned (SELECT or RETURNING), `changes` the rows it wrote.
 */
function statementResult(query: CompiledQuery, result: D1Result): StatementResult {
  const rows = (result.results ?? []) as Record<string, unknown>[];
  // D1 counts changes as a total_changes() delta, so a SELECT reports 0; pinned anyway, so that
  // a count left over from an earlier statement could never turn a read into a "write".
  if (query.query.kind === "SelectQueryNode") return { changes: 0, rows };
  return { changes: result.meta.changes ?? 0, rows };
}

/**
 * Kysely over a D1 binding, and the atomic-write port over `D1Database.batch()`,
 * which D1 runs as one transaction: all statements or none.
 *
 * @example const { db, atomic } = connectD1(env.DB);
 */
export function connectD1(database: D1Database): D1Handle {
  const db = new Kysely<DB>({ dialect: new D1Dialect({ database }) });
  const atomic: AtomicWrite = async (queries) => {
    // D1 rejects an empty batch; better-sqlite3 commits an empty transaction.
    if (queries.length === 0) return [];
    const statements = queries.map((q) => database.prepare(q.sql).bind(...q.parameters));
    const results = await database.batch(statements);
    return results.map((result, i) => statementResult(queries[i]!, result));
  };
  return { db, atomic };
}
