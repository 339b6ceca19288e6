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
  // The link guard's read, then the link with the brief and the group in one batch.
  "GET /api/expert/:secret": { statements: 4, roundTrips: 2 },
  "GET /api/reports/concept": { statements: 7, roundTrips: 1 },
  // The topic's theme named in the page's language from the managed list (issue 11): one read more.
  "GET /e/:secret (page)": { statements: 6, roundTrips: 5 },
  // The group's pages name who is signed in and for which group (issue 12): one statement more each.
  "GET /app (page)": { statements: 4, roundTrips: 4 },
  "GET /app/consultations/:id (page)": { statements: 6, roundTrips: 5 },
  // The workplace's report page (issue 11): the report, recent evaluations, open feedback, the theme
  // filter's choices and the theme names, each its own read (concurrent, but one connection answers
  // them in turn): 4 round trips over the aim of 3, not reached yet (one readTogether batch would).
  "GET /coordinator (page)": { statements: 13, roundTrips: 7 },
  // The request path only: the link guard's read, the link, then one batch with the write and the
  // answer's reads. Mail and webhooks run after the answer (src/lib/after-answer.ts).
  "POST /api/expert/:secret/confirm": { statements: 14, roundTrips: 3 },
};
