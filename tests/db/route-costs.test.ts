import { describe, expect, it } from "vitest";
import type { OutgoingMail } from "../../src/meetings/scheduler.js";
import { measureRouteCosts, seedForCosts } from "../helpers/route-costs.js";
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

  it("keep mail off the confirmation's request path when mail can be sent: it goes out right after the answer", async () => {
    const sent: OutgoingMail[] = [];
    const target = sqliteCostTarget(TEST_NOW, { mailer: { canSend: true, provider: "smtp", send: async (m) => void sent.push(m) } });
    try {
      const { requested } = await seedForCosts(target, 2);
      const [warm, counted] = requested as [(typeof requested)[0], (typeof requested)[0]];
      await target.send("POST", `/api/expert/${warm.secret}/confirm`, { body: { slotId: warm.slotId } });
      const before = sent.length;
      const confirmed = await target.send("POST", `/api/expert/${counted.secret}/confirm`, { body: { slotId: counted.slotId } });
      expect(confirmed.status).toBe(200);
      expect(confirmed.counts.roundTrips).toBe(EXPECTED_ROUTE_COSTS["POST /api/expert/:secret/confirm"]!.roundTrips);
      // The mail consumer's work and the sending ran after the answer, and the group was told.
      expect(confirmed.afterAnswer?.roundTrips).toBeGreaterThan(0);
      expect(sent.length).toBeGreaterThan(before);
    } finally {
      await target.close();
    }
  });
});
