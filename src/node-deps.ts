import { readFileSync, writeFileSync } from "node:fs";
import type { AppConfig } from "./config.js";
import { newServerKey } from "./lib/sealed.js";
import { buildDeps } from "./build-deps.js";
import { connectSqlite } from "./db/connect-sqlite.js";
import { migrateSqlite } from "./db/migrate-sqlite.js";
import type { Deps } from "./deps.js";
import type { Clock } from "./lib/clock.js";
import type { Logger } from "./lib/log.js";
import { nodeTransport } from "./webhooks/node-transport.js";
import { createSmtpMailer } from "./mail/smtp-mailer.js";
import type { AfterAnswer } from "./lib/after-answer.js";
import { nodeStaticFiles } from "./pages/assets/node-static-files.js";

/** Node: a migrated SQLite file behind Kysely, plus the chosen scheduler and mailer. */
export async function buildNodeDeps(
  config: AppConfig,
  overrides: { clock?: Clock; log?: Logger; afterAnswer?: AfterAnswer } = {},
): Promise<{ deps: Deps; close: () => Promise<void>; applied: string[] }> {
  const handle = connectSqlite(config.databasePath);
  config = { ...config, secretKey: config.secretKey ?? serverKeyBeside(config.databasePath) };
  const applied = migrateSqlite(handle.raw);
  const smtp = config.smtp ? createSmtpMailer(config.smtp) : null;
  const deps = buildDeps({ db: handle.db, atomic: handle.atomic, config, webhookTransport: nodeTransport, staticFiles: nodeStaticFiles, promptWebhooks: true, ...(smtp ? { mailer: smtp } : {}), ...overrides });
  const close = async () => {
    smtp?.close();
    await handle.close();
  };
  return { deps, close, applied };
}

/**
 * Without SECRET_KEY, the embedded default keeps its server key in a file beside the database,
 * readable by the owner only, made once ('wx': two processes starting at once agree on one key).
 * Back it up with the database: sealed secrets do not open without it.
 */
function serverKeyBeside(databasePath: string): string | null {
  if (databasePath === ":memory:") return null;
  const path = `${databasePath}.key`;
  try {
    writeFileSync(path, `${newServerKey()}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return readFileSync(path, "utf8").trim();
}
