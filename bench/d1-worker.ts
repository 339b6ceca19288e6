/**
 * The Worker as deployed (src/entry.worker.ts), with its D1 binding counted (tests/helpers/counting-d1.ts),
 * for bench/costs.bench.ts: each response carries the statements and round trips its request made.
 * Two bench-only endpoints: /__bench/migrate (the migrations' statements, as one batch) and
 * /__bench/coordinator (a coordinator token, as the first start on Node prints one).
 */
import type { D1Database, ExecutionContext } from "@cloudflare/workers-types";
import { connectD1 } from "../src/db/connect-d1.js";
import worker, { type WorkerEnv } from "../src/entry.worker.js";
import { issueToken } from "../src/tokens/tokens.repo.js";
import { countingD1, type Counts } from "../tests/helpers/counting-d1.js";

let tally: Counts = { statements: 0, roundTrips: 0 };
// The Worker keeps its app per env object: one counted env per real one.
const counted = new WeakMap<WorkerEnv, WorkerEnv>();

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/__bench/migrate") {
      const statements = (await request.json()) as string[];
      await (env.DB as D1Database).batch(statements.map((s) => env.DB.prepare(s)));
      return Response.json({ applied: statements.length });
    }
    if (pathname === "/__bench/coordinator") {
      const { token } = await issueToken(connectD1(env.DB).db, { role: "coordinator", label: "bench", now: new Date().toISOString() });
      return Response.json({ token });
    }
    let countedEnv = counted.get(env);
    if (!countedEnv) counted.set(env, (countedEnv = { ...env, DB: countingD1(env.DB, () => tally) }));
    tally = { statements: 0, roundTrips: 0, sequential: 0 };
    const response = await worker.fetch(request, countedEnv, ctx);
    // The request path ends with the answer; what ctx.waitUntil runs after it is not the user's wait.
    const answered = { ...tally };
    const body = await response.arrayBuffer();
    const headers = new Headers(response.headers);
    headers.set("x-bench-statements", String(answered.statements));
    headers.set("x-bench-round-trips", String(answered.roundTrips));
    headers.set("x-bench-sequential", String(answered.sequential ?? 0));
    return new Response(body, { status: response.status, headers });
  },
};
