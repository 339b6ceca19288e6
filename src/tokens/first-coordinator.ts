import { chmodSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Deps } from "../deps.js";
import { hasCoordinator } from "./tokens.repo.js";
import { issueApiToken } from "./tokens.service.js";

export const FIRST_TOKEN_FILE = "first-coordinator-token.txt";

/**
 * A new database (or one whose coordinator tokens have all expired or been revoked) gets a
 * coordinator token at start. On a terminal it is printed; under a service manager or in a
 * container stdout ends up in a log that others read, so it goes to a file only the owner
 * can read, beside the database, and the log names the file, never the token.
 */
export async function ensureFirstCoordinator(
  deps: Deps,
  out: { isTTY: boolean; print: (text: string) => void },
): Promise<{ issued: false } | { issued: true; file: string | null }> {
  if (await hasCoordinator(deps.db, deps.clock.now().toISOString())) return { issued: false };
  const { token, expiresAt } = await issueApiToken(deps, null, { role: "coordinator", label: "first coordinator" });
  const base = deps.config.publicBaseUrl;
  if (out.isTTY) {
    out.print(
      [
        "",
        "No coordinator yet: this one-time coordinator token was created. Keep it safe; it is not shown again.",
        `Sign in at ${base}/coordinator/login, or use it as 'Authorization: Bearer <token>', e.g.`,
        `  curl -H 'Authorization: Bearer ${token}' ${base}/api/organisations`,
        `It expires at ${expiresAt}.`,
        token,
        "",
      ].join("\n"),
    );
    return { issued: true, file: null };
  }
  const file = join(dirname(resolve(deps.config.databasePath)), FIRST_TOKEN_FILE);
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of a file that was already there.
  chmodSync(file, 0o600);
  // Printed whatever LOG_LEVEL says: without it nobody could find the token.
  out.print(`No coordinator yet: a one-time coordinator token (expires ${expiresAt}) was written to ${file}, readable only by its owner. Read it, then delete the file.`);
  return { issued: true, file };
}
