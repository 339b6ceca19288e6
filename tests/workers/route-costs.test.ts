/**
 * The statements and round trips of the main routes on D1, counted at the binding inside workerd:
 * each prepared statement run is a round trip, a batch one. Same scenario and same figures as
 * tests/db/route-costs.test.ts on SQLite.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/entry.worker.js";
import { countingD1, type Counts } from "../helpers/counting-d1.js";
import { cookiesOf, measureRouteCosts, requestFor, type CostTarget } from "../helpers/route-costs.js";
import { EXPECTED_ROUTE_COSTS } from "../helpers/route-costs.expected.js";
import { coordinatorToken } from "./seed.js";

let tally: Counts = { statements: 0, roundTrips: 0 };
// One env object for the whole file: the Worker keeps its app (and its caches) per env.
const countedEnv = { ...env, DB: countingD1(env.DB, () => tally) };

const target: CostTarget = {
  now: () => new Date(),
  coordinatorToken,
  async send(method, path, init) {
    tally = { statements: 0, roundTrips: 0 };
    const ctx = createExecutionContext();
    const res = await worker.fetch(requestFor(`http://samrad.test${path}`, method, init), countedEnv, ctx);
    // The request path ends with the answer: what ctx.waitUntil runs after it is counted apart.
    const counts = tally;
    tally = { statements: 0, roundTrips: 0 };
    const text = await res.text();
    await waitOnExecutionContext(ctx);
    const after = tally;
    return {
      status: res.status,
      text,
      cookies: cookiesOf(res),
      body: (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text,
      counts,
      ...(after.roundTrips > 0 ? { afterAnswer: after } : {}),
    };
  },
};

describe("statements and round trips of the main routes on D1", () => {
  it("are what tests/helpers/route-costs.expected.ts says", async () => {
    const costs = await measureRouteCosts(target);
    const measured = Object.fromEntries(costs.map((c) => [c.route, { statements: c.statements, roundTrips: c.roundTrips }]));
    expect(measured).toEqual(EXPECTED_ROUTE_COSTS);
  });
});
