import { describe, expect, it } from "vitest";
import { measureRouteCosts } from "../helpers/route-costs.js";
import { EXPECTED_ROUTE_COSTS } from "../helpers/route-costs.expected.js";
import { sqliteCostTarget } from "../helpers/sqlite-cost-target.js";
import { TEST_NOW } from "../helpers/test-app.js";

describe("statements and round trips of the main routes on SQLite", () => {
  it("are what tests/helpers/route-costs.expected.ts says", async () => {
    const target = sqliteCostTarget(TEST_NOW);
    try {
      const costs = await measureRouteCosts(target);
      const measured = Object.fromEntries(costs.map((c) => [c.route, { statements: c.statements, roundTrips: c.roundTrips }]));
      expect(measured).toEqual(EXPECTED_ROUTE_COSTS);
    } finally {
      await target.close();
    }
  });
});
