import { confirmedConsultation } from "../../evaluations/fixtures.js";
import { seedGroup } from "../../helpers/test-app.js";
import { seedReportData } from "../../reports/report-fixture.js";
import type { ServedApp } from "./served-app.js";

/** Times a week after the held session, so these stay requested after the clock moves on. */
const LATER_SLOTS = [{ start: "2027-03-15T10:00:00+02:00" }, { start: "2027-03-16T13:00:00+02:00" }];

async function requested(app: ServedApp, g: Awaited<ReturnType<typeof seedGroup>>) {
  const created = await app.call("POST", "/api/consultations", {
    token: g.memberToken,
    body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 45, slots: LATER_SLOTS },
  });
  const sent = await app.call("POST", `/api/consultations/${created.body.id}/request`, { token: g.memberToken });
  if (sent.status !== 200) throw new Error(`request: ${sent.status} ${sent.text}`);
  return { id: created.body.id as string, secret: String(sent.body.expertLink).split("/e/")[1]! };
}

/**
 * Every state a page can be in, for the accessibility and form runs: consultations that are
 * requested, held (evaluation open), cancelled, one to decline per language, and the report's
 * demo-like data for the coordinator. Leaves the clock the day after the session.
 */
export async function seedScenario(app: ServedApp) {
  const g = await seedGroup(app);
  const held = await confirmedConsultation(app, g);
  const open = await requested(app, g);
  const cancelled = await requested(app, g);
  await app.call("POST", `/api/consultations/${cancelled.id}/cancel`, { token: g.memberToken, body: { reason: "Plans changed" } });
  const toDecline = { fi: await requested(app, g), sv: await requested(app, g), en: await requested(app, g) };
  // Demo-like figures for the coordinator; moves the clock to the day after the sessions.
  await seedReportData(app);
  return { ...g, held, open, cancelled, toDecline };
}

export type Scenario = Awaited<ReturnType<typeof seedScenario>>;
