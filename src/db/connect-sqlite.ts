import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import type { AtomicWrite, StatementResult } from "./atomic.js";
import { checkpointEverySecond } from "./checkpoints.js";
import type { DB } from "./schema.js";

const D1_MAX_BOUND_PARAMETERS = 100;

export interface SqliteHandle {
  db: Kysely<DB>;
  atomic: AtomicWrite;
  raw: Database.Database;
  close(): Promise<void>;
}

export interface SqliteOptions {
  /**
   * Called once per round trip to the database with the statements it carried: 1 for a query,
   * the batch's length for an atomic write. On D1 each round trip crosses the network, so the
   * statement-count test and the bench count them here to see what a route would wait on D1.
   */
  onRoundTrip?: (statements: number) => void;
}

/**
 * The file holds personal data: readable and writable by its owner only. SQLite creates the -wal
 * and -shm files with the database file's mode, so creating that one 0600 is enough; files made
 * before this rule are narrowed too.
 */
export function ownerOnly(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

/** Opens (and creates, with its directory) the SQLite file; ":memory:" works for tests. */
export function connectSqlite(path: string, options: SqliteOptions = {}): SqliteHandle {
  if (path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
    ownerOnly(path);
  }
  const raw = new Database(path);
  raw.pragma("journal_mode = WAL");
  raw.pragma("busy_timeout = 5000");
  // WAL with synchronous = NORMAL: a commit appends to the log without waiting for the disk, and the
  // log reaches the disk (fsync) when it is checkpointed. A process crash loses nothing; a power
  // failure may lose what was committed since the last checkpoint.
  raw.pragma("synchronous = NORMAL");
  const checkpoints = path === ":memory:" ? undefined : checkpointEverySecond(raw, path);
  // D1 always enforces foreign keys; so must the embedded engine, or the two would drift apart.
  raw.pragma("foreign_keys = ON");

  // Kysely prepares every query anew; preparing is a large share of a small read's cost, so
  // statements are cached by SQL text (the set of distinct SQL texts the service emits is small).
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      // D1 refuses more than 100 bound parameters per statement; refuse here too, so that
      // such a query fails in the Node tests rather than only on Workers.
      const bound = sql.match(/\?/g)?.length ?? 0;
      if (bound > D1_MAX_BOUND_PARAMETERS) throw new Error(`A statement binds ${bound} parameters; D1 allows ${D1_MAX_BOUND_PARAMETERS}`);
      stmt = raw.prepare(sql);
      if (statements.size > 2000) statements.clear();
      statements.set(sql, stmt);
    }
    return stmt;
  };
  const onRoundTrip = options.onRoundTrip;
  // Kysely prepares once per query it runs, so counting here counts its queries.
  const prepareForKysely = onRoundTrip
    ? (sql: string) => {
        onRoundTrip(1);
        return prepare(sql);
      }
    : prepare;
  // The handle owns the file and closes it in close(): Kysely's driver would close it only if it had ever run a query.
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: { prepare: prepareForKysely, close: () => undefined } }) });

  const totalChanges = raw.prepare("SELECT total_changes()").pluck();
  const runAll = raw.transaction((queries: readonly CompiledQuery[]) =>
    queries.map((q): StatementResult => {
      const stmt = prepare(q.sql);
      const params = q.parameters as unknown[];
      if (stmt.reader) {
        // RETURNING makes a write a reader: count its changes as D1 does, by a total_changes() delta.
        const before = totalChanges.get() as number;
        const rows = stmt.all(...params) as Record<string, unknown>[];
        return { changes: (totalChanges.get() as number) - before, rows };
      }
      return { changes: stmt.run(...params).changes, rows: [] };
    }),
  );
  // better-sqlite3 is synchronous: the whole batch runs before any other query can interleave.
  const atomic: AtomicWrite = async (queries) => {
    if (queries.length > 0) onRoundTrip?.(queries.length);
    return runAll(queries);
  };

  return {
    db,
    atomic,
    raw,
    close: async () => {
      await checkpoints?.stop();
      await db.destroy();
      raw.close();
    },
  };
}
