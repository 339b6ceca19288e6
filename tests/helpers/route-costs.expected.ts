/**
 * The statements and round trips (a batch is one) of the main routes and pages, asserted on both
 * engines by tests/db/route-costs.test.ts and tests/workers/route-costs.test.ts, so that a change
 * that adds a round trip fails a test and not only the bench. Lower a figure when a change saves one.
 */
import type { Counts } from "./counting-d1.js";

export const EXPECTED_ROUTE_COSTS: Record<string, Counts> = {
  "GET /api/consultations/:id": { statements: 1, roundTrips: 1 },
  "GET /api/consultations": { statements: 1, roundTrips: 1 },
  "GET /api/experts": { statements: 1, roundTrips: 1 },
  "GET /api/expert/:secret": { statements: 4, roundTrips: 3 },
  "GET /api/reports/concept": { statements: 7, roundTrips: 1 },
  "GET /e/:secret (page)": { statements: 5, roundTrips: 4 },
  // The confirmation's write path belongs to the lifecycle rewrite (issue 9): adjust this figure with it.
  "POST /api/expert/:secret/confirm": { statements: 17, roundTrips: 8 },
};
