import { describe, expect, it } from "vitest";
import type { FreeBusyLookup } from "../../src/scheduling/free-busy.port.js";
import { expectStatus, seedGroup, testApp } from "../helpers/test-app.js";

describe("GET /api/consultations/suggestions", () => {
  it("without a tenant: office hours on both sides, working days only, 15-minute grid", async () => {
    const t = await testApp({ now: "2027-06-21T06:00:00Z" }); // Monday of Midsummer week 2027
    const g = await seedGroup(t);
    const r = await t.call(
      "GET",
      `/api/consultations/suggestions?memberIds=${g.memberId}&expertId=${g.expertId}&durationMinutes=45&from=2027-06-24T00:00:00Z&to=2027-06-29T00:00:00Z`,
      { token: g.memberToken },
    );
    expect(r.status).toBe(200);
    expect(r.body.freeBusyChecked).toBe(false);
    expect(r.body.slots).toHaveLength(10);
    for (const s of r.body.slots) {
      // Midsummer Eve (Fri 25 June) is a holiday in Finland; the weekend is not a working day.
      expect(s.start.slice(0, 10)).not.toBe("2027-06-25");
      expect(["2027-06-24", "2027-06-28"]).toContain(s.start.slice(0, 10));
      expect(new Date(s.start).getUTCMinutes() % 15).toBe(0);
      // 08:00–16:00 in Helsinki (UTC+3) and in Stockholm (UTC+2) overlap 06:00–13:00 UTC.
      expect(s.start >= `${s.start.slice(0, 10)}T06:00:00.000Z`).toBe(true);
      expect(s.end <= `${s.start.slice(0, 10)}T13:00:00.000Z`).toBe(true);
    }
  });

  it("with free/busy: one lookup for all members, busy times avoided", async () => {
    const calls: string[][] = [];
    const freeBusy: FreeBusyLookup = {
      available: true,
      busy: async (emails) => {
        calls.push(emails);
        return new Map([[emails[0]!, [{ start: "2027-06-24T06:00:00.000Z", end: "2027-06-24T12:00:00.000Z" }]]]);
      },
    };
    const t = await testApp({ now: "2027-06-21T06:00:00Z" });
    const g = await seedGroup(t);
    t.deps.freeBusy = freeBusy;
    const r = await t.call(
      "GET",
      `/api/consultations/suggestions?memberIds=${g.memberId}&expertId=${g.expertId}&durationMinutes=30&from=2027-06-24T00:00:00Z&to=2027-06-25T00:00:00Z`,
      { token: g.memberToken },
    );
    expect(r.status).toBe(200);
    expect(calls).toEqual([[expect.stringMatching(/^mikko\.keksitty(\.\d+)?@example\.fi$/)]]);
    expect(r.body.freeBusyChecked).toBe(true);
    expect(r.body.slots.map((s: { start: string }) => s.start)).toEqual(["2027-06-24T12:00:00.000Z", "2027-06-24T12:15:00.000Z", "2027-06-24T12:30:00.000Z"]);
  });

  it("without memberIds: the group's current members, not one the coordinator has removed", async () => {
    const asked: string[][] = [];
    const t = await testApp({ now: "2027-06-21T06:00:00Z" });
    const g = await seedGroup(t);
    t.deps.freeBusy = { available: true, busy: async (emails) => (asked.push(emails), new Map()) };
    expectStatus("remove", await t.call("DELETE", `/api/groups/${g.groupId}/members/${g.member2Id}`, { token: t.coordinator }), 200);
    const r = await t.call("GET", `/api/consultations/suggestions?expertId=${g.expertId}&durationMinutes=30&from=2027-06-24T00:00:00Z&to=2027-06-25T00:00:00Z`, {
      token: g.memberToken,
    });
    expect(r.status).toBe(200);
    expect(r.body.slots.length).toBeGreaterThan(0);
    expect(asked).toEqual([[expect.stringMatching(/^mikko\.keksitty(\.\d+)?@example\.fi$/)]]);
  });

  it("refuses another group's member, a bad duration and a too-long range", async () => {
    const t = await testApp();
    const a = await seedGroup(t);
    const b = await seedGroup(t, { groupName: "B" });
    const q = (query: string) => t.call("GET", `/api/consultations/suggestions?${query}`, { token: a.memberToken });
    expect((await q(`memberIds=${b.memberId}&expertId=${a.expertId}&durationMinutes=30`)).status).toBe(404);
    const bad = await q(`memberIds=${a.memberId}&expertId=${a.expertId}&durationMinutes=60`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("durationMinutes");
    const long = await q(`memberIds=${a.memberId}&expertId=${a.expertId}&durationMinutes=30&from=2027-03-01T00:00:00Z&to=2027-05-01T00:00:00Z`);
    expect(long.status).toBe(400);
    expect(long.body.error.issues[0].path).toBe("to");
    const noMembers = await q(`memberIds=&expertId=${a.expertId}&durationMinutes=30`);
    expect(noMembers.status).toBe(400);
  });
});
