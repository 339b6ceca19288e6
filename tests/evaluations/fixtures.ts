import { seedGroup, twoSlots, type TestApp } from "../helpers/test-app.js";

/** After both of twoSlots' sessions (8 March 2027) have ended, inside the 14-day window. */
export const AFTER_SESSION = "2027-03-09T08:00:00.000Z";

/** A valid evaluation body; override what a test is about. */
export function evaluationBody(overrides: Record<string, unknown> = {}) {
  return {
    usefulness: 4,
    preparation: 4,
    durationFit: "right",
    actualMinutes: 44,
    technicalQuality: 5,
    wouldRecommend: true,
    followUpInterest: false,
    learnings: "Väntelistan kortades när vi ringde familjerna själva.",
    improvements: "Send the brief a week earlier.",
    ...overrides,
  };
}

export type Group = Awaited<ReturnType<typeof seedGroup>>;

/** A confirmed consultation of the group's topic (or another topic and brief of the group); the first slot is confirmed. */
export async function confirmedConsultation(
  t: TestApp,
  g: Pick<Group, "memberToken" | "expertId"> & { topicId: string; briefId: string },
  opts: { durationMinutes?: number; slots?: { start: string }[] } = {},
) {
  const created = await t.call("POST", "/api/consultations", {
    token: g.memberToken,
    body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: opts.durationMinutes ?? 45, slots: opts.slots ?? twoSlots },
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  const requested = await t.call("POST", `/api/consultations/${created.body.id}/request`, { token: g.memberToken });
  if (requested.status !== 200) throw new Error(`request: ${requested.status} ${requested.text}`);
  const secret = String(requested.body.expertLink).split("/e/")[1]!;
  const slot = created.body.slots[0] as { id: string; start: string; end: string };
  const confirmed = await t.call("POST", `/api/expert/${secret}/confirm`, { body: { slotId: slot.id } });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${confirmed.text}`);
  return { consultationId: created.body.id as string, secret, slot };
}

/** A group (two members) with one confirmed consultation whose session ends 2027-03-08T08:45Z. */
export async function seedConfirmed(t: TestApp, opts: Parameters<typeof seedGroup>[1] = {}) {
  const g = await seedGroup(t, opts);
  return { ...g, ...(await confirmedConsultation(t, g)) };
}

export async function addMember(t: TestApp, groupId: string, name: string) {
  const res = await t.call("POST", `/api/groups/${groupId}/members`, {
    token: t.coordinator,
    body: { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.fi` },
  });
  return res.body.token as string;
}

export const evaluate = (t: TestApp, consultationId: string, token: string, overrides: Record<string, unknown> = {}) =>
  t.call("POST", `/api/consultations/${consultationId}/evaluations`, { token, body: evaluationBody(overrides) });

export const evaluateAsExpert = (t: TestApp, secret: string, overrides: Record<string, unknown> = {}) =>
  t.call("POST", `/api/expert/${secret}/evaluation`, { body: evaluationBody(overrides) });
