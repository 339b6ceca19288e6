/**
 * The statements and round trips (a batch is one) of the main routes and pages, asserted on both
 * engines by tests/db/route-costs.test.ts and tests/workers/route-costs.test.ts, so that a change
 * that adds a round trip fails a test and not only the bench. Lower a figure when a change saves one.
 */
import type { Counts } from "./counting-d1.js";

export const EXPECTED_ROUTE_COSTS: Record<string, Counts> = {
  "GET /api/consultations/:id": { statements: 0, roundTrips: 0 },
  "GET /api/consultations": { statements: 0, roundTrips: 0 },
  "GET /api/experts": { statements: 0, roundTrips: 0 },
  "GET /api/expert/:secret": { statements: 0, roundTrips: 0 },
  "GET /api/reports/concept": { statements: 0, roundTrips: 0 },
  "GET /app (page)": { statements: 0, roundTrips: 0 },
  "GET /app/consultations/:id (page)": { statements: 0, roundTrips: 0 },
  "GET /e/:secret (page)": { statements: 0, roundTrips: 0 },
  "GET /coordinator (page)": { statements: 0, roundTrips: 0 },
  // The confirmation's write path belongs to the lifecycle rewrite (issue 9): adjust this figure with it.
  "POST /api/expert/:secret/confirm": { statements: 0, roundTrips: 0 },
};
