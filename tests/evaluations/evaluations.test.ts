import { afterEach, describe, expect, it } from "vitest";
import { auditTrail } from "../../src/audit/audit.repo.js";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { AFTER_SESSION, confirmedConsultation, evaluate, evaluateAsExpert, evaluationBody, seedConfirmed } from "./fixtures.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe("submitting evaluations", () => {
  it("refuses an evaluation before the session has ended, from either side", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    t.clock.set("2027-03-08T08:44:00.000Z"); // one minute before the end of the 45-minute session
    const member = await evaluate(t, c.consultationId, c.memberToken);
    expect(member.status).toBe(409);
    expect(member.body.error.code).toBe("CONFLICT");
    expect(member.body.error.message).toMatch(/not ended/);
    expect((await evaluateAsExpert(t, c.secret)).status).toBe(409);

    t.clock.set("2027-03-08T08:45:00.000Z");
    expect((await evaluate(t, c.consultationId, c.memberToken)).status).toBe(201);
  });

  it("replaces a person's first evaluation with the second", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    t.clock.set(AFTER_SESSION);
    const first = await evaluate(t, c.consultationId, c.memberToken, { usefulness: 2, learnings: "first" });
    expect(first.status).toBe(201);
    t.clock.advanceMinutes(30);
    const second = await evaluate(t, c.consultationId, c.memberToken, { usefulness: 5, learnings: "second" });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, usefulness: 5, learnings: "second", submittedAt: AFTER_SESSION });
    expect(second.body.updatedAt > second.body.submittedAt).toBe(true);

    const view = await t.call("GET", `/api/consultations/${c.consultationId}/evaluations`, { token: t.coordinator });
    expect(view.body.items).toHaveLength(1);
    expect(view.body.items[0]).toMatchObject({ usefulness: 5, learnings: "second", side: "member" });
    // Another member's evaluation is a second one, not a replacement.
    expect((await evaluate(t, c.consultationId, c.member2Token)).status).toBe(201);
  });

  it("hides another group's consultation: neither evaluating nor reading it", async () => {
    t = await testApp();
    const a = await seedConfirmed(t, { groupName: "Group A" });
    const b = await seedGroup(t, { groupName: "Group B" });
    t.clock.set(AFTER_SESSION);
    const write = await evaluate(t, a.consultationId, b.memberToken);
    expect(write.status).toBe(404);
    expect(write.body.error.code).toBe("NOT_FOUND");
    const read = await t.call("GET", `/api/consultations/${a.consultationId}/evaluations`, { token: b.memberToken });
    expect(read.status).toBe(404);
    const funding = await t.call("POST", `/api/consultations/${a.consultationId}/funding`, { token: b.memberToken, body: { source: "pilot_grant" } });
    expect(funding.status).toBe(404);
    const view = await t.call("GET", `/api/consultations/${a.consultationId}/evaluations`, { token: t.coordinator });
    expect(view.body.items).toEqual([]);
  });

  it("lets the expert's link evaluate its own consultation only", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const a = await confirmedConsultation(t, g);
    const b = await confirmedConsultation(t, g);
    t.clock.set(AFTER_SESSION);
    expect((await evaluateAsExpert(t, a.secret, { preparation: 2 })).status).toBe(201);

    const viewA = await t.call("GET", `/api/consultations/${a.consultationId}/evaluations`, { token: t.coordinator });
    const viewB = await t.call("GET", `/api/consultations/${b.consultationId}/evaluations`, { token: t.coordinator });
    expect(viewA.body.items).toMatchObject([{ side: "expert", preparation: 2 }]);
    expect(viewB.body.items).toEqual([]);
    expect((await evaluateAsExpert(t, `${a.secret.slice(0, -4)}AAAA`)).status).toBe(404);
  });

  it("keeps the expert's link working for evaluation after its 60 days, until the evaluation closes", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    // Requested on 1 March; the session is on 28 April, 58 days later.
    const c = await confirmedConsultation(t, g, { slots: [{ start: "2027-04-28T10:00:00+03:00" }, { start: "2027-04-29T10:00:00+03:00" }] });
    t.clock.set("2027-05-03T08:00:00.000Z"); // 63 days after the link was issued
    expect((await t.call("GET", `/api/expert/${c.secret}`)).status).toBe(410);
    const form = await t.call("GET", `/api/expert/${c.secret}/evaluation`);
    expect(form.body).toMatchObject({ consultationId: c.consultationId, status: "held", evaluation: { open: true }, mine: null });
    expect((await evaluateAsExpert(t, c.secret, { usefulness: 3 })).status).toBe(201);
    expect((await t.call("GET", `/api/expert/${c.secret}/evaluation`)).body.mine).toMatchObject({ side: "expert", usefulness: 3 });
  });

  it("names the field of every bad value", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    t.clock.set(AFTER_SESSION);
    const cases: [Record<string, unknown>, string][] = [
      [{ usefulness: 6 }, "usefulness"],
      [{ preparation: 0 }, "preparation"],
      [{ technicalQuality: 3.5 }, "technicalQuality"],
      [{ durationFit: "fine" }, "durationFit"],
      [{ actualMinutes: 181 }, "actualMinutes"],
      [{ wouldRecommend: "yes" }, "wouldRecommend"],
      [{ learnings: "x".repeat(2001) }, "learnings"],
      [{ improvements: "x".repeat(2001) }, "improvements"],
      [{ followUpInterest: false, followUpTopic: "More on the Bikva method" }, "followUpTopic"],
      [{ rating: 5 }, "rating"],
    ];
    for (const [overrides, field] of cases) {
      const res = await evaluate(t, c.consultationId, c.memberToken, overrides);
      expect(res.status, field).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(res.body.error.issues.map((i: { path: string }) => i.path), field).toContain(field);
    }
    const { usefulness: _omitted, ...missing } = evaluationBody();
    const res = await t.call("POST", `/api/expert/${c.secret}/evaluation`, { body: missing });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe("usefulness");
  });

  it("makes the consultation evaluated once both sides have evaluated, and audits without free text", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    t.clock.set(AFTER_SESSION);
    const status = async () => (await t.call("GET", `/api/consultations/${c.consultationId}`, { token: c.memberToken })).body.status;
    await evaluate(t, c.consultationId, c.memberToken, { learnings: "SECRET-LEARNING" });
    await evaluate(t, c.consultationId, c.member2Token);
    expect(await status()).toBe("held");
    await evaluateAsExpert(t, c.secret);
    expect(await status()).toBe("evaluated");
    // A replacement after that keeps it evaluated.
    expect((await evaluate(t, c.consultationId, c.memberToken, { usefulness: 1 })).status).toBe(200);
    expect(await status()).toBe("evaluated");

    const trail = await auditTrail(t.deps.db, "consultation", c.consultationId);
    const actions = trail.map((e) => e.action);
    expect(actions.filter((a) => a === "evaluation.submitted")).toHaveLength(4);
    expect(actions.filter((a) => a === "consultation.evaluated")).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain("SECRET-LEARNING");
  });
});

describe("closing the evaluation", () => {
  it("refuses submissions after the coordinator closes it", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    t.clock.set(AFTER_SESSION);
    expect((await evaluate(t, c.consultationId, c.memberToken)).status).toBe(201);
    const byMember = await t.call("POST", `/api/consultations/${c.consultationId}/evaluation/close`, { token: c.memberToken });
    expect(byMember.status).toBe(403);
    const closed = await t.call("POST", `/api/consultations/${c.consultationId}/evaluation/close`, { token: t.coordinator });
    expect(closed.status).toBe(200);
    expect(closed.body.evaluation).toEqual({ open: false, closesAt: AFTER_SESSION });

    const late = await evaluate(t, c.consultationId, c.member2Token);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/closed/);
    expect((await evaluate(t, c.consultationId, c.memberToken, { usefulness: 1 })).status).toBe(409);
    expect((await evaluateAsExpert(t, c.secret)).status).toBe(409);
    expect((await t.call("POST", `/api/consultations/${c.consultationId}/evaluation/close`, { token: t.coordinator })).status).toBe(409);
    // Refused means nothing was stored or replaced.
    const view = await t.call("GET", `/api/consultations/${c.consultationId}/evaluations`, { token: t.coordinator });
    expect(view.body.items).toMatchObject([{ side: "member", usefulness: 4 }]);
  });

  it("closes by itself 14 days after the session", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    const end = Date.parse(c.slot.end);
    const at = (ms: number) => new Date(ms).toISOString();
    t.clock.set(at(end + 14 * 86_400_000 - 60_000));
    expect((await evaluate(t, c.consultationId, c.memberToken)).status).toBe(201);
    const view = await t.call("GET", `/api/consultations/${c.consultationId}/evaluations`, { token: c.memberToken });
    expect(view.body.evaluation).toEqual({ open: true, closesAt: at(end + 14 * 86_400_000) });

    t.clock.set(at(end + 14 * 86_400_000));
    expect((await evaluate(t, c.consultationId, c.member2Token)).status).toBe(409);
    expect((await evaluateAsExpert(t, c.secret)).status).toBe(409);
  });
});
