/**
 * The API contract: one suite, run against SQLite on Node (tests/contract/node.test.ts) and
 * D1 on workerd (tests/workers/contract.test.ts). A difference between the engines fails here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { documentChecked } from "./openapi-check.js";
import { seedGroup, seedRequested } from "./seed.js";
import { expectEnvelope, slotsAfter, type ContractTarget } from "./target.js";

/** 20270308T100000Z, the form an ICS file gives a UTC instant. */
const icsUtc = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

export function apiContract(makeTarget: () => Promise<ContractTarget>): void {
  let t: ContractTarget;
  beforeAll(async () => {
    t = await documentChecked(await makeTarget());
  });

  describe("the consultation flow", () => {
    it("goes from directory entries to a confirmed meeting, and every read agrees", async () => {
      const s = await seedRequested(t);
      expect(s.requested.body.status).toBe("requested");
      expect(s.requested.body.expertLink).toMatch(/\/e\/smr_e_/);
      expect(s.slots).toHaveLength(2);

      const found = await t.call("GET", `/api/experts?theme=${encodeURIComponent(s.theme)}&language=sv`, { token: s.coordinator });
      expect(found.status).toBe(200);
      expect(found.body.items.map((e: { id: string }) => e.id)).toEqual([s.expertId]);
      expect(found.body.items[0].organisation.criteria).toEqual({ nationallySignificant: true, innovative: false, evidenceBased: true });

      const view = await t.call("GET", `/api/expert/${s.secret}`);
      expect(view.status).toBe(200);
      expect(view.body.brief.questions).toEqual(["What works?", "How do you measure it?"]);
      expect(view.body.slots.map((x: { id: string }) => x.id)).toEqual(s.slots.map((x) => x.id));

      const confirmed = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[1]!.id } });
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(confirmed.body.status).toBe("confirmed");
      expect(confirmed.body.confirmedSlot.id).toBe(s.slots[1]!.id);
      expect(confirmed.body.meeting).toMatchObject({ start: s.slots[1]!.start, end: s.slots[1]!.end });

      const read = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        status: "confirmed",
        confirmedSlot: { id: s.slots[1]!.id },
        meeting: { provider: "ics", state: "scheduled", iCalUId: `${s.consultationId}@samrad`, start: s.slots[1]!.start },
      });

      const listed = await t.call("GET", "/api/consultations?status=confirmed", { token: s.memberToken });
      expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([s.consultationId]);
    });

    it("turns away a second answer once the expert has confirmed", async () => {
      const s = await seedRequested(t);
      expect((await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } })).status).toBe(200);
      expectEnvelope(await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[1]!.id } }), 409, "CONFLICT");
    });

    it("stops the link once the expert declines", async () => {
      const s = await seedRequested(t);
      const declined = await t.call("POST", `/api/expert/${s.secret}/decline`, { body: { reason: "Not my field" } });
      expect(declined.status).toBe(200);
      expect(declined.body).toEqual({ status: "declined" });
      expectEnvelope(await t.call("GET", `/api/expert/${s.secret}`), 410, "GONE");
    });
  });

  describe("the expert's other times (issue 12)", () => {
    it("the expert proposes, the group accepts one: confirmed with a meeting, on every engine", async () => {
      const s = await seedRequested(t);
      const own = slotsAfter(new Date(t.now().getTime() + 7 * 86_400_000)).slice(0, 2);
      const proposed = await t.call("POST", `/api/expert/${s.secret}/propose`, { body: { slots: own } });
      expect(proposed.status, proposed.text).toBe(200);
      expect(proposed.body.slotsProposedBy).toBe("expert");
      expect(proposed.body.slots).toHaveLength(2);
      // The expert cannot confirm their own time, nor propose again before the group answers.
      expectEnvelope(await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: proposed.body.slots[0].id } }), 409, "CONFLICT");
      expectEnvelope(await t.call("POST", `/api/expert/${s.secret}/propose`, { body: { slots: own } }), 409, "CONFLICT");
      const accepted = await t.call("POST", `/api/consultations/${s.consultationId}/accept`, { token: s.memberToken, body: { slotId: proposed.body.slots[1].id } });
      expect(accepted.status, accepted.text).toBe(200);
      expect(accepted.body).toMatchObject({ status: "confirmed", slotsProposedBy: "expert", confirmedSlot: { id: proposed.body.slots[1].id } });
      // The meeting itself is made by the calendar consumer (after the answer on Workers): tests/api covers it.
      expectEnvelope(await t.call("POST", `/api/consultations/${s.consultationId}/accept`, { token: s.memberToken, body: { slotId: proposed.body.slots[0].id } }), 409, "CONFLICT");
    });

    it("keeps the group's own meeting link, names the caller in GET /api/me", async () => {
      const s = await seedRequested(t);
      const url = "https://teams.microsoft.com/l/meetup-join/invented-example";
      const saved = await t.call("PUT", `/api/consultations/${s.consultationId}/meeting-link`, { token: s.memberToken, body: { url } });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body.ownMeetingUrl).toBe(url);
      expectEnvelope(await t.call("PUT", `/api/consultations/${s.consultationId}/meeting-link`, { token: s.memberToken, body: { url: "http://plain.example" } }), 400, "VALIDATION_FAILED");
      const me = await t.call("GET", "/api/me", { token: s.memberToken });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ role: "member", member: { id: s.memberId }, group: { id: s.groupId } });
      expect(me.body.members.map((m: { id: string }) => m.id)).toContain(s.memberId);
    });
  });

  describe("concurrency", () => {
    it("lets exactly one of 10 concurrent confirmations through", async () => {
      const s = await seedRequested(t);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[i % 2]!.id } }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
      for (const lost of answers.filter((a) => a.status !== 200)) expectEnvelope(lost, 409, "CONFLICT");

      const winner = answers.find((a) => a.status === 200)!;
      const read = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
      expect(read.body.confirmedSlot.id).toBe(winner.body.confirmedSlot.id);
      expect(read.body.meeting.start).toBe(winner.body.confirmedSlot.start);
    });
  });

  describe("the ICS invitation", () => {
    it("is a conflict before confirmation and the confirmed UTC times after, for the group and the expert", async () => {
      const s = await seedRequested(t);
      expectEnvelope(await t.call("GET", `/api/consultations/${s.consultationId}/invite.ics`, { token: s.memberToken }), 409, "CONFLICT");
      await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });

      const ics = await t.call("GET", `/api/consultations/${s.consultationId}/invite.ics`, { token: s.memberToken });
      expect(ics.status).toBe(200);
      expect(ics.headers.get("content-type")).toContain("text/calendar");
      expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics.text).toContain("METHOD:REQUEST");
      expect(ics.text).toContain(`UID:${s.consultationId}@samrad`);
      expect(ics.text).toContain(`DTSTART:${icsUtc(s.slots[0]!.start)}`);
      expect(ics.text).toContain(`DTEND:${icsUtc(s.slots[0]!.end)}`);
      const unfolded = ics.text.replace(/\r\n[ \t]/g, "");
      expect(unfolded).toMatch(/\r\nATTENDEE;[^\r]*:mailto:astrid\.testesen\.[0-9a-f]{8}@example\.org\r\n/i);

      const viaLink = await t.call("GET", `/api/expert/${s.secret}/invite.ics`);
      expect(viaLink.status).toBe(200);
      expect(viaLink.text).toContain(`UID:${s.consultationId}@samrad`);
    });
  });

  describe("errors, in the one envelope", () => {
    it("names an unknown field", async () => {
      const coordinator = await t.coordinatorToken();
      const res = await t.call("POST", "/api/groups", { token: coordinator, body: { name: "Ryhmä", organisation: "Kunta", colour: "blue" } });
      expectEnvelope(res, 400, "VALIDATION_FAILED");
      expect(res.body.error.issues).toEqual([{ path: "colour", message: 'Unknown field "colour"' }]);
    });

    it("rejects malformed JSON", async () => {
      const coordinator = await t.coordinatorToken();
      const res = await t.call("POST", "/api/groups", { token: coordinator, rawBody: '{"name": "Ryhmä",' });
      expectEnvelope(res, 400, "VALIDATION_FAILED");
      expect(res.body.error.message).toBe("Malformed JSON in request body");
    });

    it("rejects proposed times in the past, naming the slot", async () => {
      const g = await seedGroup(t);
      const past = new Date(t.now().getTime() - 86_400_000);
      past.setUTCMinutes(0, 0, 0);
      const res = await t.call("POST", "/api/consultations", {
        token: g.memberToken,
        body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 30, slots: [{ start: past.toISOString() }, slotsAfter(t.now())[0]!] },
      });
      expectEnvelope(res, 400, "VALIDATION_FAILED");
      expect(res.body.error.issues).toEqual([{ path: "slots.0.start", rule: "past", message: "must be in the future" }]);
    });

    it("asks for a token, and refuses an unknown one", async () => {
      expectEnvelope(await t.call("GET", "/api/groups"), 401, "UNAUTHENTICATED");
      expectEnvelope(await t.call("GET", "/api/groups", { token: "smr_c_not-a-real-token-at-all" }), 401, "UNAUTHENTICATED");
    });

    it("answers an unknown route and an unknown id with 404", async () => {
      const coordinator = await t.coordinatorToken();
      expectEnvelope(await t.call("GET", "/api/no-such-thing", { token: coordinator }), 404, "NOT_FOUND");
      expectEnvelope(await t.call("GET", `/api/consultations/${crypto.randomUUID()}`, { token: coordinator }), 404, "NOT_FOUND");
      expectEnvelope(await t.call("GET", `/api/expert/smr_e_${"x".repeat(43)}`), 404, "NOT_FOUND");
    });

    it("hides another group's consultation and invitation behind 404", async () => {
      const mine = await seedRequested(t);
      const other = await seedGroup(t);
      await t.call("POST", `/api/expert/${mine.secret}/confirm`, { body: { slotId: mine.slots[0]!.id } });
      expectEnvelope(await t.call("GET", `/api/consultations/${mine.consultationId}`, { token: other.memberToken }), 404, "NOT_FOUND");
      expectEnvelope(
        await t.call("GET", `/api/consultations/${mine.consultationId}/invite.ics`, { token: other.memberToken }),
        404,
        "NOT_FOUND",
      );
      expectEnvelope(await t.call("POST", `/api/consultations/${mine.consultationId}/request`, { token: other.memberToken }), 404, "NOT_FOUND");
      const theirs = await t.call("GET", "/api/consultations", { token: other.memberToken });
      expect(theirs.body.items).toEqual([]);
    });
  });
}
