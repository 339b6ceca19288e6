/** The contract suites against the Workers engine: D1 in workerd, through SELF.fetch. */
import { SELF } from "cloudflare:test";
import { describe } from "vitest";
import { apiContract } from "../contract/api.contract.js";
import { atomicContract } from "../contract/atomic.contract.js";
import { callThrough } from "../contract/target.js";
import { transitionsContract } from "../contract/transitions.contract.js";
import { coordinatorToken, d1 } from "./seed.js";

describe("workers-d1", () => {
  apiContract(async () => ({
    name: "workers-d1",
    now: () => new Date(),
    call: (method, path, init) => callThrough((p, req) => SELF.fetch(new URL(p, "http://samrad.test").href, req), method, path, init),
    coordinatorToken,
  }));

  atomicContract(async () => d1());
  transitionsContract(async () => d1());
});
