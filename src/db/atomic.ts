import type { CompiledQuery } from "kysely";

/** Rows written (INSERT, UPDATE, DELETE, with or without RETURNING; 0 for SELECT) and rows returned (SELECT or RETURNING) by one statement. */
export interface StatementResult {
  changes: number;
  rows: Record<string, unknown>[];
}

/**
 * Runs a list of compiled queries as one atomic unit: all or nothing.
 * D1 has no interactive transactions, so there is no read-then-write inside:
 * later statements key on what earlier ones changed (see consultations.changeId).
 * Implemented with D1Database.batch() on Workers and a better-sqlite3 transaction on Node.
 */
export type AtomicWrite = (queries: CompiledQuery[]) => Promise<StatementResult[]>;
