/**
 * `wrangler d1 migrations apply DB --local` and the Node migrator share migrations/ and the
 * d1_migrations table: whichever runs first, the other finds nothing left to do, and both
 * leave the same schema. Runs the real wrangler against a throwaway --persist-to directory
 * (about 2 s per wrangler call here, offline).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";

const root = new URL("../../", import.meta.url).pathname;
const run = promisify(execFile);
const migrationFiles = readdirSync(join(root, "migrations")).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();

async function wrangler(persistTo: string, ...args: string[]): Promise<string> {
  const { stdout, stderr } = await run(join(root, "node_modules/.bin/wrangler"), [...args, "--local", "--persist-to", persistTo], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
    timeout: 180_000,
  });
  return stdout + stderr;
}

/** The file wrangler's local D1 keeps the database in (named by a hash of the database id). */
function d1File(persistTo: string): string {
  const dir = join(persistTo, "v3/d1/miniflare-D1DatabaseObject");
  const files = readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

function withFile<T>(path: string, use: (raw: Database.Database) => T): T {
  const raw = new Database(path);
  try {
    raw.pragma("foreign_keys = ON");
    return use(raw);
  } finally {
    raw.close();
  }
}

const applied = (raw: Database.Database) =>
  (raw.prepare("SELECT name FROM d1_migrations ORDER BY id").all() as { name: string }[]).map((r) => r.name);

/** Tables, columns and indexes: what the app relies on, without workerd's own _cf_ tables. */
function schemaOf(raw: Database.Database) {
  const objects = raw
    .prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY type, name")
    .all() as { type: string; name: string; tbl_name: string }[];
  return objects.map((o) => ({
    ...o,
    columns: o.type === "table" ? raw.pragma(`table_info(${JSON.stringify(o.name)})`) : raw.pragma(`index_info(${JSON.stringify(o.name)})`),
  }));
}

describe("wrangler's local D1 and the Node migrator agree", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "samrad-d1-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("wrangler first: the Node migrator has nothing left to do", async () => {
    const persist = tempDir();
    await wrangler(persist, "d1", "migrations", "apply", "DB");
    const file = d1File(persist);

    const result = withFile(file, (raw) => ({ before: applied(raw), now: migrateSqlite(raw), after: applied(raw) }));
    expect(result.before).toEqual(migrationFiles);
    expect(result.now).toEqual([]);
    expect(result.after).toEqual(migrationFiles);
  }, 240_000);

  it("Node first: wrangler has nothing left to do, and the schema is the same as wrangler's", async () => {
    const persist = tempDir();
    // An empty local database, created by wrangler so that the file sits where wrangler looks.
    await wrangler(persist, "d1", "execute", "DB", "--command", "SELECT 1");
    const file = d1File(persist);
    expect(withFile(file, (raw) => migrateSqlite(raw))).toEqual(migrationFiles);

    const output = await wrangler(persist, "d1", "migrations", "apply", "DB");
    expect(output).toContain("No migrations to apply");
    const nodeFirst = withFile(file, (raw) => ({ applied: applied(raw), schema: schemaOf(raw) }));
    expect(nodeFirst.applied).toEqual(migrationFiles);
    expect(nodeFirst.schema.map((o) => o.name)).toEqual(expect.arrayContaining(["consultations", "d1_migrations", "consultations_status"]));

    const other = tempDir();
    await wrangler(other, "d1", "migrations", "apply", "DB");
    expect(nodeFirst.schema).toEqual(withFile(d1File(other), schemaOf));
  }, 240_000);
});
