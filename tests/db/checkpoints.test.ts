import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectSqlite, type SqliteHandle } from "../../src/db/connect-sqlite.js";
import { CHECKPOINT_EVERY_MS } from "../../src/db/checkpoints.js";
import { until } from "../mail/mail-support.js";

/** Rows of `t` that have reached the database file itself: a copy of it without its log. */
function rowsInTheFile(path: string, copies: string): number {
  const copy = join(copies, `copy-${Date.now()}-${Math.random()}.sqlite`);
  copyFileSync(path, copy);
  // Opened writable: a database in WAL mode needs its -shm file, which a read-only open cannot make.
  const db = new Database(copy);
  try {
    const table = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get() as { n: number };
    return table.n === 0 ? 0 : (db.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("checkpoints of the write-ahead log", () => {
  let dir = "";
  let handle: SqliteHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("bring the commits into the database file within about a second, from a thread of their own", async () => {
    dir = mkdtempSync(join(tmpdir(), "samrad-checkpoints-"));
    const path = join(dir, "db.sqlite");
    handle = connectSqlite(path);
    const pragma = vi.spyOn(handle.raw, "pragma");
    handle.raw.exec("CREATE TABLE t (n INTEGER)");
    const insert = handle.raw.prepare("INSERT INTO t (n) VALUES (?)");
    for (let i = 0; i < 100; i++) insert.run(i);
    // Committed, but only in the log so far.
    expect(rowsInTheFile(path, dir)).toBe(0);

    await until(() => rowsInTheFile(path, dir) === 100, "the first 100 rows in the database file", 8 * CHECKPOINT_EVERY_MS);
    // Later commits follow on the next checkpoints.
    for (let i = 100; i < 150; i++) insert.run(i);
    await until(() => rowsInTheFile(path, dir) === 150, "the later 50 rows in the database file", 6 * CHECKPOINT_EVERY_MS);
    // None of it ran on this thread's connection: its requests never wait for a checkpoint's writes.
    expect(pragma.mock.calls.filter(([sql]) => /checkpoint/i.test(String(sql)))).toEqual([]);
  });

  it("stop with the connection: close returns promptly and leaves a database that opens whole", async () => {
    dir = mkdtempSync(join(tmpdir(), "samrad-checkpoints-"));
    const path = join(dir, "db.sqlite");
    const h = connectSqlite(path);
    h.raw.exec("CREATE TABLE t (n INTEGER)");
    h.raw.prepare("INSERT INTO t (n) VALUES (1)").run();
    // Past the thread's start.
    await new Promise((resolve) => setTimeout(resolve, 1.5 * CHECKPOINT_EVERY_MS));
    const started = Date.now();
    await h.close();
    // A thread that did not answer would hold close() for the full 2 s before being terminated.
    expect(Date.now() - started).toBeLessThan(1800);
    // The last connection closed has checkpointed everything into the file.
    expect(rowsInTheFile(path, dir)).toBe(1);
  });

  it("are not started for an in-memory database", async () => {
    const h = connectSqlite(":memory:");
    const pragma = vi.spyOn(h.raw, "pragma");
    await new Promise((resolve) => setTimeout(resolve, 1.2 * CHECKPOINT_EVERY_MS));
    expect(pragma).not.toHaveBeenCalled();
    await h.close();
  });
});
