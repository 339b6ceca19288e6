/** The contract suites against the Workers engine: D1 in workerd, through SELF.fetch. */
import { SELF } from "cloudflare:test";
import { describe } from "vitest";
import { apiContract } from "../contract/api.contract.js";
import { atomicContract } from "../contract/atomic.contract.js";
import { boundsContract } from "../contract/bounds.contract.js";
import { callThrough, type CallInit } from "../contract/target.js";
import { transitionsContract } from "../contract/transitions.contract.js";
import { coordinatorToken, d1 } from "./seed.js";

describe("workers-d1", () => {
  const workersTarget = async () => ({
    name: "workers-d1",
    now: () => new Date(),
    call: (method: string, path: string, init?: CallInit) =>
      callThrough((p, req) => SELF.fetch(new URL(p, "http://samrad.test").href, req), method, path, init),
    coordinatorToken,
  });
  apiContract(workersTarget);
  boundsContract(workersTarget);

  atomicContract(async () => d1());
  transitionsContract(async () => d1());
});
