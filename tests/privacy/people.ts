import { advanceLifecycle } from "../../src/consultations/lifecycle-sweep.js";
import type { OutgoingMail } from "../../src/meetings/scheduler.js";
import { answerFeedback, submitFeedback } from "../../src/accessibility/feedback.service.js";
import { AFTER_SESSION, evaluationBody } from "../evaluations/fixtures.js";
import { testApp, twoSlots, type TestApp } from "../helpers/test-app.js";

/** A mailer that sends nothing, so that request mails stay in the outbox as the service wrote them. */
export const keepingMailer = { canSend: true, provider: "smtp" as const, send: async (_mail: OutgoingMail) => {} };

/** Invented people; each marks what they write with a tag no one else uses. */
export const TUULA = { name: "Tuula Testinen", email: "tuula.testinen@example.fi", tag: "⟦tuula⟧" };
export const EIRA = { name: "Eira Esimerkkinen", email: "eira.esimerkkinen@example.org", tag: "⟦eira⟧" };
export const FREJA = { name: "Freja Påhittad", email: "freja.pahittad@example.se", tag: "⟦freja⟧" };

async function ok<T = any>(p: Promise<{ status: number; body: T; text: string }>, expected: number, what: string): Promise<T> {
  const res = await p;
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * A group where Tuula (a member) and Eira (an expert) leave data in every place a person can:
 * a topic, a brief, a consultation she creates and one she cancels, one Eira declines, a held
 * session both evaluate, request mails, accessibility feedback; Freja only sends feedback.
 * Others (Niko, Olli) take part too, so that erasure must tell people apart.
 */
export async function seedPeople(t: TestApp) {
  const c = t.coordinator;
  const org = await ok(t.call("POST", "/api/organisations", { token: c, body: { name: "Nordic Welfare Centre", country: "SE", criteria: { nationallySignificant: true, innovative: true, evidenceBased: false } } }), 201, "organisation");
  const expert = (name: string, email: string) =>
    ok(t.call("POST", "/api/experts", { token: c, body: { organisationId: org.id, name, email, languages: ["sv", "en"], timeZone: "Europe/Stockholm", themes: ["child protection"] } }), 201, "expert");
  const eira = await expert(EIRA.name, EIRA.email);
  const olli = await expert("Olli Keksitty", "olli.keksitty@example.org");
  const group = await ok(t.call("POST", "/api/groups", { token: c, body: { name: "Perhetyön kehittäjät", organisation: "Pohjanmaan hyvinvointialue" } }), 201, "group");
  const member = (name: string, email: string) => ok(t.call("POST", `/api/groups/${group.id}/members`, { token: c, body: { name, email } }), 201, "member");
  const tuula = await member(TUULA.name, TUULA.email);
  const niko = await member("Niko Kuviteltu", "niko.kuviteltu@example.fi");

  const topicOf = async (token: string, tag: string) => {
    const topic = await ok(t.call("POST", "/api/topics", { token, body: { title: `Kotikäynnit ${tag}`, theme: "child protection", description: `Miten ${tag} tavoittaa perheet?` } }), 201, "topic");
    const brief = await ok(
      t.call("POST", `/api/topics/${topic.id}/briefs`, { token, body: { challenge: `Haaste ${tag}: lähetteet tulevat myöhään.`, questions: [`Mikä toimii ${tag}?`, "Miten mittaatte?"], language: "sv" } }),
      201,
      "brief",
    );
    return { topicId: topic.id as string, briefId: brief.id as string };
  };
  const tuulas = await topicOf(tuula.token, TUULA.tag);
  const nikos = await topicOf(niko.token, "");

  const requested = async (token: string, writing: { topicId: string; briefId: string }, expertId: string) => {
    const created = await ok(t.call("POST", "/api/consultations", { token, body: { ...writing, expertId, durationMinutes: 45, slots: twoSlots } }), 201, "consultation");
    const req = await ok(t.call("POST", `/api/consultations/${created.id}/request`, { token }), 200, "request");
    return { id: created.id as string, secret: String(req.expertLink).split("/e/")[1]!, slotId: created.slots[0].id as string };
  };
  // Held: Tuula's, with Eira; both evaluate, and so does Niko.
  const held = await requested(tuula.token, tuulas, eira.id);
  await ok(t.call("POST", `/api/expert/${held.secret}/confirm`, { body: { slotId: held.slotId } }), 200, "confirm");
  // Eira switches her page to Finnish: the choice is remembered (experts.preferredLanguage).
  const page = await t.app.request(`/e/${held.secret}?lang=fi`);
  if (page.status !== 200) throw new Error(`expert page: ${page.status}`);
  // Declined by Eira, with her reason; Niko's consultation.
  const declined = await requested(niko.token, nikos, eira.id);
  await ok(t.call("POST", `/api/expert/${declined.secret}/decline`, { body: { reason: `${EIRA.tag} on leave that week` } }), 200, "decline");
  // Cancelled by Tuula, with her reason; with Olli.
  const cancelled = await requested(tuula.token, tuulas, olli.id);
  await ok(t.call("POST", `/api/consultations/${cancelled.id}/cancel`, { token: tuula.token, body: { reason: `${TUULA.tag} budget moved` } }), 200, "cancel");

  t.clock.set(AFTER_SESSION);
  await advanceLifecycle(t.deps);
  const written = (tag: string) => evaluationBody({ followUpInterest: true, followUpTopic: `Jatko ${tag}`, learnings: `Opimme ${tag}`, improvements: `Parannus ${tag}` });
  await ok(t.call("POST", `/api/consultations/${held.id}/evaluations`, { token: tuula.token, body: written(TUULA.tag) }), 201, "Tuula's evaluation");
  await ok(t.call("POST", `/api/consultations/${held.id}/evaluations`, { token: niko.token, body: evaluationBody({ usefulness: 3 }) }), 201, "Niko's evaluation");
  await ok(t.call("POST", `/api/expert/${held.secret}/evaluation`, { body: written(EIRA.tag) }), 201, "Eira's evaluation");

  for (const p of [TUULA, EIRA, FREJA]) {
    const sent = await submitFeedback(t.deps, { message: `Kontrasti ${p.tag}`, pageUrl: `/app ${p.tag}`, name: p.name, email: p.email }, "fi");
    if (!sent.ok) throw new Error("feedback refused");
    // The coordinator's note on how it was answered may repeat what the person wrote.
    const noted = await answerFeedback(t.deps, sent.feedback.id, `Vastattu ${p.tag}`);
    if (!noted.ok) throw new Error("feedback answer refused");
  }
  return {
    tuula: { ...TUULA, id: tuula.id as string, token: tuula.token as string },
    niko: { id: niko.id as string, token: niko.token as string },
    eira: { ...EIRA, id: eira.id as string },
    olliId: olli.id as string,
    groupId: group.id as string,
    consultations: { held: held.id, declined: declined.id, cancelled: cancelled.id },
  };
}

export const peopleApp = () => testApp({ mailer: keepingMailer });
