import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";

export const defaultMigrationsDir = new URL("../../migrations/", import.meta.url).pathname;

/**
 * Applies pending migrations/NNNN_name.sql files in order, recording each in the same
 * `d1_migrations` table that `wrangler d1 migrations apply` uses, so both tools agree.
 * Returns the names applied now.
 */
export function migrateSqlite(raw: Database.Database, dir = defaultMigrationsDir): string[] {
  raw.exec(`CREATE TABLE IF NOT EXISTS d1_migrations(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
  )`);
  const done = new Set(
    (raw.prepare("SELECT name FROM d1_migrations").all() as { name: string }[]).map((r) => r.name),
  );
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const name of files) {
    if (done.has(name)) continue;
    const sql = readFileSync(join(dir, name), "utf8");
    raw.transaction(() => {
      raw.exec(sql);
      raw.prepare("INSERT INTO d1_migrations (name) VALUES (?)").run(name);
    })();
    applied.push(name);
  }
  return applied;
}
