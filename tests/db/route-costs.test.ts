import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { buildDeps } from "../../src/build-deps.js";
import { loadConfig } from "../../src/config.js";
import { connectSqlite } from "../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";
import { fixedClock } from "../../src/lib/clock.js";
import { silentLogger } from "../../src/lib/log.js";
import { issueToken } from "../../src/tokens/tokens.repo.js";
import type { Counts } from "../helpers/counting-d1.js";
import { measureRouteCosts, requestFor, type CostTarget } from "../helpers/route-costs.js";
import { EXPECTED_ROUTE_COSTS } from "../helpers/route-costs.expected.js";
import { TEST_NOW } from "../helpers/test-app.js";

/** The app over SQLite in memory, counting every round trip the engine makes. */
function sqliteTarget(): CostTarget & { close(): Promise<void> } {
  let tally: Counts = { statements: 0, roundTrips: 0 };
  const handle = connectSqlite(":memory:", {
    onRoundTrip: (statements) => {
      tally.roundTrips += 1;
      tally.statements += statements;
    },
  });
  migrateSqlite(handle.raw);
  const clock = fixedClock(TEST_NOW);
  const config = loadConfig({ PUBLIC_BASE_URL: "http://samrad.test", LOG_LEVEL: "silent" });
  const app = createApp(buildDeps({ db: handle.db, atomic: handle.atomic, config, clock, log: silentLogger }));
  return {
    now: () => clock.now(),
    coordinatorToken: async () => (await issueToken(handle.db, { role: "coordinator", label: "costs", now: TEST_NOW })).token,
    async send(method, path, init) {
      tally = { statements: 0, roundTrips: 0 };
      const res = await app.request(requestFor(`http://samrad.test${path}`, method, init));
      const text = await res.text();
      const counts = tally;
      return { status: res.status, text, body: (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text, counts };
    },
    close: handle.close,
  };
}

describe("statements and round trips of the main routes on SQLite", () => {
  it("are what tests/helpers/route-costs.expected.ts says", async () => {
    const target = sqliteTarget();
    try {
      const costs = await measureRouteCosts(target);
      const measured = Object.fromEntries(costs.map((c) => [c.route, { statements: c.statements, roundTrips: c.roundTrips }]));
      expect(measured).toEqual(EXPECTED_ROUTE_COSTS);
    } finally {
      await target.close();
    }
  });
});
