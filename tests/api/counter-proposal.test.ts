import { describe, expect, it } from "vitest";
import { seedRequested, testApp, type TestApp } from "../helpers/test-app.js";

/** Two times of the expert's own, on Tuesday 9 March 2027, entered in Stockholm time (UTC+1). */
const expertTimes = [{ start: "2027-03-09T09:00:00+01:00" }, { start: "2027-03-09T14:30:00+01:00" }];

async function proposed(t: TestApp) {
  const s = await seedRequested(t);
  const res = await t.call("POST", `/api/expert/${s.secret}/propose`, { body: { slots: expertTimes } });
  expect(res.status).toBe(200);
  return { ...s, view: res.body };
}

describe("the expert proposes other times", () => {
  it("replaces the group's times with the expert's, shown to the group in UTC and the expert's zone", async () => {
    const t = await testApp();
    const s = await proposed(t);
    expect(s.view.status).toBe("requested");
    expect(s.view.slotsProposedBy).toBe("expert");
    expect(s.view.slots.map((x: { local: { start: string } }) => x.local.start)).toEqual(["2027-03-09T09:00:00.000+01:00", "2027-03-09T14:30:00.000+01:00"]);
    const seen = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(seen.body.slotsProposedBy).toBe("expert");
    expect(seen.body.slots.map((x: { start: string }) => x.start)).toEqual(["2027-03-09T08:00:00.000Z", "2027-03-09T13:30:00.000Z"]);
    // The group's earlier times are withdrawn: the expert can no longer confirm one.
    const confirmOld = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });
    expect(confirmOld.status).toBe(409);
    expect((await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken })).body.status).toBe("requested");
    const again = await t.call("POST", `/api/expert/${s.secret}/propose`, { body: { slots: expertTimes } });
    expect(again.status).toBe(409);
  });

  it.each([
    ["off the 5-minute grid", [{ start: "2027-03-09T09:03:00+01:00" }], "grid"],
    ["in the past", [{ start: "2027-02-20T09:00:00+01:00" }], "past"],
    ["without an offset", [{ start: "2027-03-09T09:00:00" }], "format"],
    ["overlapping (45 minutes each)", [{ start: "2027-03-09T09:00:00+01:00" }, { start: "2027-03-09T09:30:00+01:00" }], "overlap"],
  ])("refuses a time %s, naming the rule", async (_name, slots, rule) => {
    const t = await testApp();
    const s = await seedRequested(t);
    const res = await t.call("POST", `/api/expert/${s.secret}/propose`, { body: { slots } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.issues.map((i: { rule?: string }) => i.rule)).toContain(rule);
    const seen = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(seen.body.slotsProposedBy).toBe("group");
  });

  it("takes 1 to 3 times, no more", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const four = ["09:00", "10:00", "11:00", "12:00"].map((h) => ({ start: `2027-03-09T${h}:00+01:00` }));
    expect((await t.call("POST", `/api/expert/${s.secret}/propose`, { body: { slots: four } })).status).toBe(400);
    expect((await t.call("POST", `/api/expert/${s.secret}/propose`, { body: { slots: [] } })).status).toBe(400);
  });

  it("only the expert's link can propose: a member's token or a wrong link cannot", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const wrong = await t.call("POST", `/api/expert/smr_e_${"x".repeat(40)}/propose`, { body: { slots: expertTimes } });
    expect(wrong.status).toBe(404);
    const asMember = await t.call("POST", `/api/consultations/${s.consultationId}/propose`, { token: s.memberToken, body: { slots: expertTimes } });
    expect(asMember.status).toBe(404);
    const seen = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(seen.body.slotsProposedBy).toBe("group");
  });
});

describe("the group accepts one of the expert's times", () => {
  it("confirms the consultation at that time and creates the meeting", async () => {
    const t = await testApp();
    const s = await proposed(t);
    const chosen = s.view.slots[1].id as string;
    const res = await t.call("POST", `/api/consultations/${s.consultationId}/accept`, { token: s.member2Token, body: { slotId: chosen } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("confirmed");
    expect(res.body.confirmedSlot.start).toBe("2027-03-09T13:30:00.000Z");
    expect(res.body.meeting?.start).toBe("2027-03-09T13:30:00.000Z");
    const expert = await t.call("GET", `/api/expert/${s.secret}`);
    expect(expert.body.status).toBe("confirmed");
    expect(expert.body.confirmedSlot.local.start).toBe("2027-03-09T14:30:00.000+01:00");
  });

  it("only the group can accept: the expert's link cannot confirm its own proposal, another group cannot see it", async () => {
    const t = await testApp();
    const s = await proposed(t);
    const chosen = s.view.slots[0].id as string;
    const byExpert = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: chosen } });
    expect(byExpert.status).toBe(409);
    const other = await seedRequested(t, { groupName: "Toinen kehittäjäryhmä" });
    const byOther = await t.call("POST", `/api/consultations/${s.consultationId}/accept`, { token: other.memberToken, body: { slotId: chosen } });
    expect(byOther.status).toBe(404);
    const seen = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(seen.body.status).toBe("requested");
  });

  it("refuses to accept the group's own times, before the expert has proposed any", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const res = await t.call("POST", `/api/consultations/${s.consultationId}/accept`, { token: s.memberToken, body: { slotId: s.slots[0]!.id } });
    expect(res.status).toBe(409);
  });

  it("20 concurrent accepts of the same counter-proposal → exactly one succeeds, one meeting", async () => {
    const t = await testApp();
    const s = await proposed(t);
    const ids = s.view.slots.map((x: { id: string }) => x.id) as string[];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.call("POST", `/api/consultations/${s.consultationId}/accept`, { token: i % 2 ? s.memberToken : s.member2Token, body: { slotId: ids[i % 2]! } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const events = await t.deps.db.selectFrom("consultation_events").select("type").where("type", "=", "consultation.counter_accepted").execute();
    expect(events).toHaveLength(1);
    expect(await t.deps.db.selectFrom("meetings").selectAll().execute()).toHaveLength(1);
  });

  it("the group may answer with new times instead; the expert confirms one of those", async () => {
    const t = await testApp();
    const s = await proposed(t);
    const res = await t.call("POST", `/api/consultations/${s.consultationId}/reschedule`, {
      token: s.memberToken,
      body: { slots: [{ start: "2027-03-10T10:00:00+02:00" }, { start: "2027-03-10T12:00:00+02:00" }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.slotsProposedBy).toBe("group");
    const confirmed = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: res.body.slots[0].id } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe("confirmed");
  });
});

describe("the expert's decline reason", () => {
  it("reaches the group in GET /api/consultations/:id", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const res = await t.call("POST", `/api/expert/${s.secret}/decline`, { body: { reason: "Away on parental leave that month." } });
    expect(res.status).toBe(200);
    const seen = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(seen.body.status).toBe("declined");
    expect(seen.body.closeReason).toBe("Away on parental leave that month.");
  });
});

describe("GET /api/me and suggestions for a member", () => {
  it("names the member and the group; suggestions default to the group, spread, never on a Samråd time", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const me = await t.call("GET", "/api/me", { token: s.memberToken });
    expect(me.status).toBe(200);
    expect(me.body.member.name).toBe("Mikko Keksitty");
    expect(me.body.group.name).toBe("Lastensuojelun kehittäjäryhmä");
    expect(me.body.members).toHaveLength(2);
    const r = await t.call("GET", `/api/consultations/suggestions?expertId=${s.expertId}&durationMinutes=45&from=2027-03-08T00:00:00Z&to=2027-03-13T00:00:00Z`, {
      token: s.memberToken,
    });
    expect(r.status).toBe(200);
    const starts = r.body.slots.map((x: { start: string }) => x.start) as string[];
    expect(starts).toHaveLength(10);
    expect(new Set(starts.map((x) => x.slice(0, 10))).size).toBeGreaterThan(1);
    expect(new Set(starts.map((x) => x.slice(0, 13))).size).toBe(10);
    // The open request's times (8 March 08:00 and 11:00 UTC, 45 minutes) are not offered again.
    for (const x of starts) {
      const start = Date.parse(x);
      for (const taken of s.slots) expect(start + 45 * 60_000 <= Date.parse(taken.start) || start >= Date.parse(taken.end)).toBe(true);
    }
    const coordinator = await t.call("GET", `/api/consultations/suggestions?expertId=${s.expertId}&durationMinutes=45`, { token: t.coordinator });
    expect(coordinator.status).toBe(400);
  });
});
