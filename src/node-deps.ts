import type { AppConfig } from "./config.js";
import { buildDeps } from "./build-deps.js";
import { connectSqlite } from "./db/connect-sqlite.js";
import { migrateSqlite } from "./db/migrate-sqlite.js";
import type { Deps } from "./deps.js";
import type { Clock } from "./lib/clock.js";
import type { Logger } from "./lib/log.js";

/** Node: a migrated SQLite file behind Kysely, plus the chosen scheduler and mailer. */
export async function buildNodeDeps(
  config: AppConfig,
  overrides: { clock?: Clock; log?: Logger } = {},
): Promise<{ deps: Deps; close: () => Promise<void>; applied: string[] }> {
  const handle = connectSqlite(config.databasePath);
  const applied = migrateSqlite(handle.raw);
  const deps = buildDeps({ db: handle.db, atomic: handle.atomic, config, ...overrides });
  return { deps, close: handle.close, applied };
}
