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

  it("token list shows every token and token revoke refuses one from then on", async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "samrad-cli-")), "db.sqlite");
    const token = cli(dbPath, "token", "create", "--role", "coordinator", "--label", "Keksitty koordinaattori").trim().split("\n").pop()!;
    const listed = cli(dbPath, "token", "list").trim().split("\n");
    expect(listed[0]).toBe("id\trole\twhose\tcreated\tlast used\texpires\tstate");
    const [id, role, whose, , lastUsed, , state] = listed[1]!.split("\t");
    expect({ role, whose, lastUsed, state }).toEqual({ role: "coordinator", whose: "Keksitty koordinaattori", lastUsed: "never", state: "active" });
    expect(listed.join("\n")).not.toContain(token);

    expect(cli(dbPath, "token", "revoke", id!)).toContain(`Token ${id} (coordinator) revoked`);
    expect(cli(dbPath, "token", "list").trim().split("\n")[1]!.split("\t")[6]).toBe("revoked");
    expect(() => cli(dbPath, "token", "revoke", "no-such-token")).toThrow(/No token with id no-such-token/);
    expect(() => cli(dbPath, "token", "revoke")).toThrow(/token id is required/);
  }, 120_000);
});
