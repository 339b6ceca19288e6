import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/entry.worker.js";
import { connectD1 } from "../../src/db/connect-d1.js";
import { issueToken } from "../../src/tokens/tokens.repo.js";
import { callThrough, type ContractTarget } from "../contract/target.js";

/** The Worker's own D1, as the tests see it: same binding, same storage as SELF. */
export const d1 = () => connectD1(env.DB);

/** A coordinator token written straight into D1, the way the Node server's first start does. */
export async function coordinatorToken(): Promise<string> {
  return (await issueToken(d1().db, { role: "coordinator", label: "workers test", now: new Date().toISOString() })).token;
}

/**
 * The contract suite's target for the Worker called directly with its own env (a tenant, a server
 * key), waiting for what it left to ctx.waitUntil, as the runtime would before the isolate sleeps.
 */
export function workerTarget(name: string, workerEnv: Cloudflare.Env): ContractTarget {
  return {
    name,
    now: () => new Date(),
    call: (method, path, init) =>
      callThrough(
        async (p, req) => {
          const ctx = createExecutionContext();
          const res = await worker.fetch(new Request(new URL(p, "http://samrad.test"), req), workerEnv, ctx);
          await waitOnExecutionContext(ctx);
          return res;
        },
        method,
        path,
        init,
      ),
    coordinatorToken,
  };
}
