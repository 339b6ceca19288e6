import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { ownerOnly } from "./connect-sqlite.js";

/** A backup or restore that was refused or failed, with a message for the terminal. */
export class BackupError extends Error {
  override name = "BackupError";
}

function checkIntegrity(path: string, opts: { singleFile?: boolean } = {}): void {
  const db = new Database(path, { readonly: !opts.singleFile, fileMustExist: true });
  try {
    // The copy takes the source's WAL mode; a backup should be one self-contained file.
    if (opts.singleFile) db.pragma("journal_mode = DELETE");
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new BackupError(`${path} is damaged: integrity_check says ${String(result)}`);
    const migrations = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'").pluck().get();
    if (migrations !== 1) throw new BackupError(`${path} is not a Samråd database (it has no d1_migrations table)`);
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the database while the server keeps running: SQLite's online backup
 * copies the pages of one snapshot, so writes that land meanwhile are either wholly in it or not.
 * The copy is created owner-only, like the database, and checked before this returns.
 */
export async function backupDatabase(databasePath: string, target: string): Promise<{ pages: number }> {
  if (resolve(target) === resolve(databasePath)) throw new BackupError("The backup file must not be the database itself");
  if (existsSync(target)) throw new BackupError(`${target} exists already: choose a new file name`);
  if (!existsSync(databasePath)) throw new BackupError(`No database at ${databasePath} (DATABASE_PATH)`);
  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    ownerOnly(target);
    const { totalPages } = await source.backup(target);
    checkIntegrity(target, { singleFile: true });
    return { pages: totalPages };
  } catch (err) {
    for (const file of [target, `${target}-wal`, `${target}-shm`]) rmSync(file, { force: true });
    throw err;
  } finally {
    source.close();
  }
}

/**
 * Whether another connection (the server, a CLI) has the database open. In WAL mode every open
 * connection holds a shared lock, so an exclusive lock is granted only when no one else has the
 * file open. The operating system drops a dead process's locks, so unlike a lock file this can
 * never be left stale by a crash.
 */
function inUse(databasePath: string): boolean {
  const probe = new Database(databasePath, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE; COMMIT");
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === "SQLITE_BUSY") return true;
    throw err;
  } finally {
    // The last connection to close checkpoints the write-ahead log into the file and removes it.
    probe.close();
  }
}

/**
 * Puts a backup in place of the database at `databasePath`. Refuses while the database is in
 * use (stop the server first). The backup is checked, copied next to the target and renamed over
 * it, so a failure midway leaves the old database as it was.
 */
export async function restoreDatabase(backup: string, databasePath: string): Promise<{ pages: number }> {
  if (resolve(backup) === resolve(databasePath)) throw new BackupError("The backup file is the database itself");
  if (!existsSync(backup)) throw new BackupError(`No backup at ${backup}`);
  checkIntegrity(backup);
  if (existsSync(databasePath) && inUse(databasePath)) {
    throw new BackupError(`${databasePath} is in use (is the server running?): stop it, then restore`);
  }
  mkdirSync(dirname(databasePath), { recursive: true });
  const staging = `${databasePath}.restoring`;
  rmSync(staging, { force: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  let pages: number;
  try {
    ownerOnly(staging);
    pages = (await source.backup(staging)).totalPages;
  } finally {
    source.close();
  }
  // A write-ahead log left beside the old file would be replayed into the restored one.
  for (const leftover of [`${databasePath}-wal`, `${databasePath}-shm`, `${staging}-wal`, `${staging}-shm`]) rmSync(leftover, { force: true });
  renameSync(staging, databasePath);
  return { pages };
}
