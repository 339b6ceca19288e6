import { afterEach, describe, expect, it } from "vitest";
import { createFollowUp } from "../../src/evaluations/follow-up.service.js";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { AFTER_SESSION, addMember, evaluate, evaluateAsExpert, seedConfirmed } from "./fixtures.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const evaluationsOf = (id: string, token: string) => t.call("GET", `/api/consultations/${id}/evaluations`, { token });

describe("what members see of their group's evaluations", () => {
  it("shows counts and, from 3 member evaluations, figures: never free text or who wrote what", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    const third = await addMember(t, c.groupId, "Kalle Keksitty");
    t.clock.set(AFTER_SESSION);
    await evaluate(t, c.consultationId, c.memberToken, { usefulness: 5, learnings: "FREE-TEXT-1", durationFit: "too_short" });
    await evaluate(t, c.consultationId, c.member2Token, { usefulness: 3, wouldRecommend: false, followUpInterest: true, followUpTopic: "Bikva" });
    await evaluateAsExpert(t, c.secret, { usefulness: 1, improvements: "FREE-TEXT-2" });

    const two = await evaluationsOf(c.consultationId, c.memberToken);
    expect(two.status).toBe(200);
    expect(two.body).toMatchObject({
      view: "group",
      status: "evaluated",
      responses: { member: { received: 2, possible: 3 }, expert: { received: 1, possible: 1 } },
      memberFigures: { suppressed: true },
    });

    await evaluate(t, c.consultationId, third, { usefulness: 4 });
    const three = await evaluationsOf(c.consultationId, c.memberToken);
    expect(three.body.memberFigures).toEqual({
      suppressed: false,
      evaluations: 3,
      usefulness: { mean: 4, median: 4, n: 3 },
      preparation: { mean: 4, median: 4, n: 3 },
      technicalQuality: { mean: 5, median: 5, n: 3 },
      wouldRecommendShare: 0.667,
      durationFit: { tooShort: 1, right: 2, tooLong: 0 },
      followUpInterest: 1,
    });
    const text = three.text;
    for (const secret of ["FREE-TEXT", "Bikva", "learnings", "authorId", "items"]) expect(text).not.toContain(secret);

    const coordinator = await evaluationsOf(c.consultationId, t.coordinator);
    expect(coordinator.body.view).toBe("coordinator");
    expect(coordinator.body.items).toHaveLength(4);
    expect(coordinator.text).toContain("FREE-TEXT-1");
    expect(coordinator.text).not.toContain(c.memberId);
  });
});

describe("recording the outcome", () => {
  it("records the actual start and length, and refuses bad or early input", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    const post = (body: unknown, token = t.coordinator) => t.call("POST", `/api/consultations/${c.consultationId}/outcome`, { token, body });
    const early = await post({ actualStart: "2027-03-08T10:00:00+02:00", actualMinutes: 40 });
    expect(early.status).toBe(409);

    t.clock.set(AFTER_SESSION);
    expect((await post({ noShow: true }, c.memberToken)).status).toBe(403);
    const bad: [unknown, string][] = [
      [{ actualStart: "2027-03-08 10:00", actualMinutes: 40 }, "actualStart"],
      [{ actualStart: "2027-03-08T10:02:00+02:00" }, "actualMinutes"],
      [{ noShow: true, actualMinutes: 40 }, "actualMinutes"],
      // "Held" with nothing about the session says too little: the time and length are asked for.
      [{ noShow: false }, "actualStart"],
      [{ noShow: "no", actualStart: "2027-03-08T10:02:00+02:00", actualMinutes: 40 }, "noShow"],
      [{ actualStart: "2027-03-10T10:00:00+02:00", actualMinutes: 40 }, "actualStart"],
      [{ actualStart: "2027-03-08T10:02:00+02:00", actualMinutes: 40, late: true }, "late"],
    ];
    for (const [body, field] of bad) {
      const res = await post(body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path), field).toContain(field);
    }
    // A client that always sends the flag may say noShow: false with the session's time and length.
    const ok = await post({ noShow: false, actualStart: "2027-03-08T10:02:00+02:00", actualMinutes: 38 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "held", outcome: { noShow: false, actualStart: "2027-03-08T08:02:00.000Z", actualMinutes: 38 } });
  });

  it("marks a no-show, after which nobody can evaluate", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    t.clock.set(AFTER_SESSION);
    const res = await t.call("POST", `/api/consultations/${c.consultationId}/outcome`, { token: t.coordinator, body: { noShow: true } });
    expect(res.body).toMatchObject({ outcome: { noShow: true, actualStart: null, actualMinutes: null }, evaluation: { open: false } });
    const member = await evaluate(t, c.consultationId, c.memberToken);
    expect(member.status).toBe(409);
    expect(member.body.error.message).toMatch(/no-show/);
    expect((await evaluateAsExpert(t, c.secret)).status).toBe(409);
  });
});

describe("funding", () => {
  it("takes a source from the closed list, from the group or the coordinator", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    const post = (token: string, body: unknown) => t.call("POST", `/api/consultations/${c.consultationId}/funding`, { token, body });
    expect((await post(c.memberToken, { source: "pilot_grant" })).body.fundingSource).toBe("pilot_grant");
    expect((await post(t.coordinator, { source: "ministry_international_unit" })).body.fundingSource).toBe("ministry_international_unit");
    const bad = await post(c.memberToken, { source: "the ministry" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("source");
  });
});

describe("follow-up consultations", () => {
  const followUpBody = (c: { briefId: string }) => ({
    briefId: c.briefId,
    durationMinutes: 30,
    slots: [{ start: "2027-04-05T10:00:00+03:00" }, { start: "2027-04-06T10:00:00+03:00" }],
  });

  it("are created only from an evaluation that asked for one, and link to their origin", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    t.clock.set(AFTER_SESSION);
    const post = (token: string, body: unknown) => t.call("POST", `/api/consultations/${c.consultationId}/follow-up`, { token, body });
    await evaluate(t, c.consultationId, c.memberToken, { followUpInterest: false });
    const refused = await post(c.memberToken, followUpBody(c));
    expect(refused.status).toBe(409);

    await evaluateAsExpert(t, c.secret, { followUpInterest: true, followUpTopic: "Measuring early support" });
    expect((await post(t.coordinator, followUpBody(c))).status).toBe(403);
    const created = await post(c.member2Token, followUpBody(c));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "draft", followUpOf: c.consultationId, durationMinutes: 30, topic: { id: c.topicId } });
    expect(created.body.expert.id).toBe(c.expertId);
    expect(created.body.slots).toHaveLength(2);
    const record = await evaluationsOf(created.body.id, t.coordinator);
    expect(record.body.followUpOf).toBe(c.consultationId);

    const badSlot = await post(c.memberToken, { ...followUpBody(c), slots: [{ start: "2027-03-01T10:00:00+02:00" }, { start: "2027-04-06T10:00:00+03:00" }] });
    expect(badSlot.status).toBe(400);
    expect(badSlot.body.error.issues[0].path).toBe("slots.0.start");
  });

  it("a page form refused for want of follow-up interest creates the follow-up when sent again once an evaluation asks for one", async () => {
    t = await testApp();
    const c = await seedConfirmed(t);
    t.clock.set(AFTER_SESSION);
    const member = { role: "member" as const, memberId: c.memberId, groupId: c.groupId };
    const send = () => createFollowUp(t.deps, member, c.consultationId, followUpBody(c), { formKey: "form-key-of-one-page" });
    const refused = await send();
    expect(refused.ok || refused.code).toBe("CONFLICT");
    await evaluateAsExpert(t, c.secret, { followUpInterest: true, followUpTopic: "Measuring early support" });
    const created = await send();
    expect(created.ok && created.value).toMatchObject({ status: "draft", followUpOf: c.consultationId });
    // The same form once more is the same follow-up, not a second one.
    const again = await send();
    expect(again.ok && again.value.id).toBe(created.ok && created.value.id);
  });
});
