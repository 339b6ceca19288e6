import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectSqlite } from "../../src/db/connect-sqlite.js";
import { hashSecret } from "../../src/lib/secrets.js";

const root = new URL("../../", import.meta.url).pathname;
const cli = (dbPath: string, ...args: string[]) =>
  execFileSync("npm", ["run", "--silent", "cli", "--", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: dbPath },
    encoding: "utf8",
  });

describe("npm run cli", () => {
  it("token create prints a new coordinator token alone on the last line, stored only as its hash", async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "samrad-cli-")), "db.sqlite");
    const out = cli(dbPath, "token", "create", "--role", "coordinator", "--label", "Nordic coordinator");
    const lines = out.trim().split("\n");
    const token = lines[lines.length - 1]!;
    expect(token).toMatch(/^smr_c_[A-Za-z0-9_-]{43}$/);
    const h = connectSqlite(dbPath);
    const rows = await h.db.selectFrom("api_tokens").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: "coordinator", label: "Nordic coordinator", tokenHash: await hashSecret(token) });
    expect(JSON.stringify(rows)).not.toContain(token);
    await h.close();
  }, 60_000);

  it("refuses a missing label or a member role with a clear message", () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "samrad-cli-")), "db.sqlite");
    expect(() => cli(dbPath, "token", "create", "--role", "coordinator")).toThrow(/--label/);
    expect(() => cli(dbPath, "token", "create", "--role", "member", "--label", "x")).toThrow(/--role coordinator/);
  }, 60_000);
});
