/** The contract suites against the Node engine: better-sqlite3 in memory, through app.request. */
import { afterAll, describe } from "vitest";
import { connectSqlite } from "../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";
import { issueToken } from "../../src/tokens/tokens.repo.js";
import { testApp } from "../helpers/test-app.js";
import { apiContract } from "./api.contract.js";
import { atomicContract } from "./atomic.contract.js";
import { boundsContract } from "./bounds.contract.js";
import { callThrough, type ContractTarget } from "./target.js";
import { transitionsContract } from "./transitions.contract.js";

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe("node-sqlite", () => {
  const nodeTarget = async (): Promise<ContractTarget> => {
    const app = await testApp();
    closers.push(app.close);
    return {
      name: "node-sqlite",
      now: () => app.clock.now(),
      call: (method, path, init) => callThrough(async (p, req) => app.app.request(p, req), method, path, init),
      coordinatorToken: async () =>
        (await issueToken(app.deps.db, { role: "coordinator", label: "contract", now: app.clock.now().toISOString() })).token,
    };
  };
  apiContract(nodeTarget);
  boundsContract(nodeTarget);

  const migratedMemory = async () => {
    const handle = connectSqlite(":memory:");
    migrateSqlite(handle.raw);
    closers.push(handle.close);
    return handle;
  };
  atomicContract(migratedMemory);
  transitionsContract(migratedMemory);
});
