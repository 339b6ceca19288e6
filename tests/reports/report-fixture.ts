import { seedGroup, twoSlots, type TestApp } from "../helpers/test-app.js";
import { AFTER_SESSION, addMember, confirmedConsultation, evaluate, evaluateAsExpert } from "../evaluations/fixtures.js";

async function topicWithBrief(t: TestApp, token: string, title: string, theme: string) {
  const topic = await t.call("POST", "/api/topics", { token, body: { title, theme, description: `${title}: what we want to learn.` } });
  const brief = await t.call("POST", `/api/topics/${topic.body.id}/briefs`, {
    token,
    body: { challenge: `${title} is our challenge.`, questions: ["What works?", "How do you know?"], language: "sv" },
  });
  return { topicId: topic.body.id as string, briefId: brief.body.id as string };
}

async function swedishExpert(t: TestApp) {
  const org = await t.call("POST", "/api/organisations", {
    token: t.coordinator,
    body: { name: "Dalarna Research Council", country: "SE", criteria: { nationallySignificant: false, innovative: true, evidenceBased: true } },
  });
  const expert = await t.call("POST", "/api/experts", {
    token: t.coordinator,
    body: { organisationId: org.body.id, name: "Sven Exempelsson", email: "sven.exempelsson@example.se", languages: ["sv"], timeZone: "Europe/Stockholm", themes: ["disability services"] },
  });
  return expert.body.id as string;
}

/**
 * A small dataset with known figures (tests/reports/reports.test.ts spells them out):
 * one group of 3 members; C1 and C2 on child protection (Danish expert, 45 and 30 minutes),
 * C3 on elderly care (Danish, 45), C4 on disability services (Swedish expert, 40), C5 declined,
 * and a follow-up draft of C1. Members rate usefulness 4, the experts 5. C1 and C2 belong to the
 * programme "Child protection key projects", C4 to "Personal assistance pilots", the rest to none.
 */
export async function seedReportData(t: TestApp) {
  const g = await seedGroup(t);
  const m3 = await addMember(t, g.groupId, "Kalle Keksitty");
  const elderly = await topicWithBrief(t, g.memberToken, "Customer choice in home care", "elderly care");
  const disability = await topicWithBrief(t, g.memberToken, "Personal assistance", "disability services");
  const seExpertId = await swedishExpert(t);
  const childProtection = { topicId: g.topicId, briefId: g.briefId };
  const base = { memberToken: g.memberToken, expertId: g.expertId };

  const c1 = await confirmedConsultation(t, { ...base, ...childProtection }, { durationMinutes: 45 });
  const c2 = await confirmedConsultation(t, { ...base, ...childProtection }, { durationMinutes: 30 });
  const c3 = await confirmedConsultation(t, { ...base, ...elderly }, { durationMinutes: 45 });
  const c4 = await confirmedConsultation(t, { ...base, ...disability, expertId: seExpertId }, { durationMinutes: 40 });
  const c5 = await t.call("POST", "/api/consultations", {
    token: g.memberToken,
    body: { ...childProtection, expertId: g.expertId, durationMinutes: 45, slots: twoSlots },
  });
  const requested = await t.call("POST", `/api/consultations/${c5.body.id}/request`, { token: g.memberToken });
  await t.call("POST", `/api/expert/${String(requested.body.expertLink).split("/e/")[1]}/decline`, { body: {} });

  const fund = (id: string, source: string) => t.call("POST", `/api/consultations/${id}/funding`, { token: t.coordinator, body: { source } });
  await fund(c1.consultationId, "pilot_grant");
  await fund(c2.consultationId, "pilot_grant");
  await fund(c3.consultationId, "competence_centre");

  const programme = async (name: string) => {
    const res = await t.call("POST", "/api/programmes", { token: t.coordinator, body: { name } });
    if (res.status !== 201) throw new Error(`programme: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const programmeId = await programme("Child protection key projects");
  const otherProgrammeId = await programme("Personal assistance pilots");
  const file = async (id: string, into: string) => {
    const res = await t.call("PUT", `/api/consultations/${id}/programme`, { token: t.coordinator, body: { programmeId: into } });
    if (res.status !== 200) throw new Error(`programme of ${id}: ${res.status} ${res.text}`);
  };
  await file(c1.consultationId, programmeId);
  await file(c2.consultationId, programmeId);
  await file(c4.consultationId, otherProgrammeId);

  t.clock.set(AFTER_SESSION);
  const member = { usefulness: 4 };
  const expert = { usefulness: 5 };
  await evaluate(t, c1.consultationId, g.memberToken, { ...member, wouldRecommend: false, followUpInterest: true, followUpTopic: "Measuring, with commas, \"quotes\"" });
  await evaluate(t, c1.consultationId, g.member2Token, { ...member, learnings: "=HYPERLINK(\"http://evil.example\")" });
  await evaluate(t, c1.consultationId, m3, { ...member, learnings: "Första raden\nandra raden; med semikolon" });
  await evaluateAsExpert(t, c1.secret, expert);
  await evaluate(t, c2.consultationId, g.memberToken, { ...member, durationFit: "too_short" });
  await evaluate(t, c2.consultationId, g.member2Token, { ...member, durationFit: "too_short" });
  await evaluateAsExpert(t, c2.secret, expert);
  await evaluate(t, c3.consultationId, g.memberToken, member);
  await evaluateAsExpert(t, c3.secret, expert);
  for (const token of [g.memberToken, g.member2Token, m3]) await evaluate(t, c4.consultationId, token, member);
  await evaluateAsExpert(t, c4.secret, expert);
  await t.call("POST", `/api/consultations/${c1.consultationId}/outcome`, {
    token: t.coordinator,
    body: { actualStart: "2027-03-08T08:05:00Z", actualMinutes: 40 },
  });
  const followUp = await t.call("POST", `/api/consultations/${c1.consultationId}/follow-up`, {
    token: g.memberToken,
    body: { briefId: g.briefId, durationMinutes: 30, slots: [{ start: "2027-04-05T10:00:00+03:00" }, { start: "2027-04-06T10:00:00+03:00" }] },
  });
  if (followUp.status !== 201) throw new Error(`follow-up: ${followUp.status} ${followUp.text}`);
  return { ...g, m3, seExpertId, programmeId, otherProgrammeId, ids: [c1, c2, c3, c4].map((c) => c.consultationId), declinedId: c5.body.id as string, followUpId: followUp.body.id as string };
}
