import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectSqlite } from "../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";

describe("migrations", () => {
  it("apply once, then find nothing left to do, recording files like wrangler does", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "samrad-mig-")), "nested", "db.sqlite");
    const first = connectSqlite(path);
    const applied = migrateSqlite(first.raw);
    expect(applied[0]).toBe("0001_init.sql");
    expect(migrateSqlite(first.raw)).toEqual([]);
    await first.close();
    const again = connectSqlite(path);
    expect(migrateSqlite(again.raw)).toEqual([]);
    const rows = again.raw.prepare("SELECT name FROM d1_migrations ORDER BY id").all() as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(applied);
    expect(again.raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(again.raw.pragma("foreign_keys", { simple: true })).toBe(1);
    await again.close();
  });

  it("enforces foreign keys like D1 does", () => {
    const h = connectSqlite(":memory:");
    migrateSqlite(h.raw);
    expect(() =>
      h.raw
        .prepare("INSERT INTO experts (id, organisationId, name, email, languages, themes, timeZone, createdAt) VALUES ('e','missing','n','e','[]','[]','UTC','now')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("contains no transaction statements, which D1 refuses", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL("../../migrations/", import.meta.url).pathname;
    for (const f of readdirSync(dir)) {
      expect(readFileSync(join(dir, f), "utf8"), f).not.toMatch(/^\s*(BEGIN|COMMIT)\b/im);
    }
  });
});
