import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/** How often the write-ahead log is checkpointed (and so reaches the disk): the most a power failure may lose. */
export const CHECKPOINT_EVERY_MS = 1000;
/** A cap on the log between timed checkpoints (about 40 MB), should the checkpoints fall behind. */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * The checkpointer's thread: its own connection to the same file, a PASSIVE checkpoint on every
 * tick. Plain CommonJS evaluated as the worker's script (no file of its own, so the ahead-of-time
 * build and tsx need nothing extra); the driver's path comes resolved from the main thread.
 * A failure ends the thread, and the main thread then checkpoints itself.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
const tick = () => db.pragma("wal_checkpoint(PASSIVE)");
const timer = setInterval(() => {
  try {
    tick();
  } catch (err) {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
}, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpoints {
  /** Stops checkpointing; the thread has closed its connection (or, silent for 2 s, been ended) when this resolves. */
  stop(): Promise<void>;
}

/**
 * SQLite checkpoints every 1000 pages by default, inside whichever commit crosses the mark: under
 * load one confirmation in about fifty waited for the checkpoint's writes and two fsyncs. A timer
 * once a second took that off the commits, but a checkpoint on the main thread still stopped every
 * request for its writes and fsyncs: 19–25 ms once a second under a confirmation load (the bench's
 * per-statement times), a wait for whatever request arrived meanwhile. So the checkpoint runs on a thread
 * of its own with its own connection: PASSIVE copies what no reader still needs and never blocks
 * the main connection's readers or writer, which then only appends to the log.
 *
 * The thread starts on the first tick, a second after the database opens, so that a CLI command
 * done sooner never starts it. Should it fail (or not start), the main thread checkpoints on the
 * same timer instead, as before. When the service is quiet, the last commits are on the disk a
 * second later; the last connection to close checkpoints the rest.
 */
export function checkpointEverySecond(raw: Database.Database, path: string): Checkpoints {
  raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  let worker: Worker | undefined;
  let onMainThread: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  const checkpointHere = () => {
    if (stopped || onMainThread) return;
    onMainThread = setInterval(() => {
      if (raw.open) raw.pragma("wal_checkpoint(PASSIVE)");
    }, CHECKPOINT_EVERY_MS);
    onMainThread.unref();
  };
  const start = setTimeout(() => {
    try {
      worker = new Worker(CHECKPOINTER, {
        eval: true,
        workerData: { driver: createRequire(import.meta.url).resolve("better-sqlite3"), path, everyMs: CHECKPOINT_EVERY_MS },
      });
    } catch {
      checkpointHere();
      return;
    }
    worker.unref();
    // Ended by stop(), or by a failure (reported as a message or an error): then the main thread checkpoints.
    worker.once("exit", checkpointHere);
    worker.on("error", () => undefined);
  }, CHECKPOINT_EVERY_MS);
  start.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(start);
      if (onMainThread) clearInterval(onMainThread);
      const w = worker;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
      w.postMessage("stop");
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
      await w.terminate();
    },
  };
}
