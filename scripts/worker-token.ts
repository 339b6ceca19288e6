/**
 * Creates a coordinator token in the Worker's D1 database (the Node server prints one on first
 * start; a Worker cannot). Only the token's SHA-256 goes into D1; the token is printed once.
 *
 *   npm run token:worker -- --label "Nordic coordinator"            # local D1 (wrangler dev)
 *   npm run token:worker -- --label "Nordic coordinator" --remote   # the deployed database
 *
 * Further arguments go to `wrangler d1 execute` as they are (e.g. --persist-to DIR, --env NAME).
 */
import { execFileSync } from "node:child_process";
import { DEFAULT_TOKEN_TTL_DAYS } from "../src/config.js";
import { hashSecret, newId, newSecret } from "../src/lib/secrets.js";

// --label and --remote are ours; every other argument goes to wrangler as it is (e.g. --persist-to DIR).
let label = "";
let remote = false;
const passThrough: string[] = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--label") label = (args[++i] ?? "").trim();
  else if (arg.startsWith("--label=")) label = arg.slice("--label=".length).trim();
  else if (arg === "--remote") remote = true;
  else if (arg === "--local") remote = false;
  else passThrough.push(arg);
}
if (!label || passThrough.includes("--help")) {
  console.error('Usage: npm run token:worker -- --label "Nordic coordinator" [--remote] [wrangler d1 execute options]');
  process.exit(2);
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const token = newSecret("smr_c");
const now = new Date();
// The Worker's TOKEN_TTL_DAYS is not known here: the default applies.
const expiresAt = new Date(now.getTime() + DEFAULT_TOKEN_TTL_DAYS * 86_400_000).toISOString();
const sql = `INSERT INTO api_tokens (id, tokenHash, role, memberId, label, createdAt, revokedAt, expiresAt) VALUES (${[
  quote(newId()),
  quote(await hashSecret(token)),
  quote("coordinator"),
  "NULL",
  quote(label),
  quote(now.toISOString()),
  "NULL",
  quote(expiresAt),
].join(", ")})`;

execFileSync("npx", ["--no-install", "wrangler", "d1", "execute", "DB", remote ? "--remote" : "--local", ...passThrough, "--command", sql], {
  stdio: ["inherit", "ignore", "inherit"],
  env: { ...process.env, WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? "false" },
});
console.log(`Coordinator token "${label}" created in the ${remote ? "remote" : "local"} D1 database (expires ${expiresAt}). It is shown only now:`);
console.log(token);
