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
  // Seven grouped reads of the report's own table and the programmes' names, in one batch (issue 16).
  "GET /api/reports/concept": { statements: 8, roundTrips: 1 },
  // Each page: its session's (or, for the expert, the link guard's) read, then one batch with the
  // frame (who is signed in, the group's zone) and everything the page shows.
  "GET /e/:secret (page)": { statements: 6, roundTrips: 2 },
  "GET /app (page)": { statements: 3, roundTrips: 2 },
  "GET /app/consultations/:id (page)": { statements: 5, roundTrips: 2 },
  // The report (8), recent evaluations, open feedback (page and count), the theme filter's choices and the theme names.
  "GET /coordinator (page)": { statements: 14, roundTrips: 2 },
  // The coordinator's workplace (issue 11): the session's read, then the page's reads in one batch.
  "GET /coordinator/directory (page)": { statements: 4, roundTrips: 2 },
  "GET /coordinator/groups (page)": { statements: 2, roundTrips: 2 },
  "GET /coordinator/tokens (page)": { statements: 2, roundTrips: 2 },
  // Both also read the managed list of themes in their batch, to name the themes in the page's language.
  "GET /coordinator/consultations (page)": { statements: 6, roundTrips: 2 },
  "GET /coordinator/consultations/:id (page)": { statements: 9, roundTrips: 2 },
  "GET /coordinator/outbox (page)": { statements: 2, roundTrips: 2 },
  "GET /coordinator/feedback (page)": { statements: 3, roundTrips: 2 },
  "GET /coordinator/themes (page)": { statements: 2, roundTrips: 2 },
  "GET /coordinator/programmes (page)": { statements: 2, roundTrips: 2 },
  "GET /coordinator/privacy (page)": { statements: 1, roundTrips: 1 },
  "GET /coordinator/security-events (page)": { statements: 2, roundTrips: 2 },
  // The request path only: the link guard's read, the link, then one batch with the write and the
  // answer's reads. Mail and webhooks run after the answer (src/lib/after-answer.ts). The batch
  // also refreshes the consultation's row of the report's table: three statements, no round trip.
  "POST /api/expert/:secret/confirm": { statements: 17, roundTrips: 3 },
};
