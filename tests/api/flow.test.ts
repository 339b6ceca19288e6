import { describe, expect, it } from "vitest";
import { seedGroup, seedRequested, testApp, twoSlots } from "../helpers/test-app.js";

describe("from a topic to a confirmed consultation", () => {
  it("walks draft → requested → confirmed and shows the meeting", async () => {
    const t = await testApp();
    const g = await seedGroup(t);

    const created = await t.call("POST", "/api/consultations", {
      token: g.memberToken,
      body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 45, slots: twoSlots },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("draft");
    expect(created.body.durationMinutes).toBe(45);
    expect(created.body.slots).toEqual([
      { id: expect.any(String), start: "2027-03-08T08:00:00.000Z", end: "2027-03-08T08:45:00.000Z" },
      { id: expect.any(String), start: "2027-03-08T11:00:00.000Z", end: "2027-03-08T11:45:00.000Z" },
    ]);

    const requested = await t.call("POST", `/api/consultations/${created.body.id}/request`, { token: g.memberToken });
    expect(requested.status).toBe(200);
    expect(requested.body.status).toBe("requested");
    expect(requested.body.expertLink).toMatch(/^http:\/\/samrad\.test\/e\/smr_e_[A-Za-z0-9_-]{43}$/);
    // In ICS mode the service cannot send mail: the group gets the text, in the expert's language (sv first).
    expect(requested.body.expertMessage.sent).toBe(false);
    expect(requested.body.expertMessage.subject).toContain("Förfrågan");
    expect(requested.body.expertMessage.body).toContain(requested.body.expertLink);
    expect(requested.body.expertMessage.body).toContain("What works?");

    const secret = requested.body.expertLink.split("/e/")[1];
    const view = await t.call("GET", `/api/expert/${secret}`);
    expect(view.status).toBe(200);
    expect(view.body.topic.title).toBe("Early support for families");
    expect(view.body.brief.questions).toEqual(["What works?", "How do you measure it?"]);
    expect(view.body.group.name).toBe("Lastensuojelun kehittäjäryhmä");
    expect(view.body.slots[0].local).toEqual({
      start: "2027-03-08T09:00:00.000+01:00",
      end: "2027-03-08T09:45:00.000+01:00",
      timeZone: "Europe/Stockholm",
    });

    const confirm = await t.call("POST", `/api/expert/${secret}/confirm`, { body: { slotId: created.body.slots[1].id } });
    expect(confirm.status).toBe(200);
    expect(confirm.body.status).toBe("confirmed");
    expect(confirm.body.confirmedSlot.start).toBe("2027-03-08T11:00:00.000Z");

    const seen = await t.call("GET", `/api/consultations/${created.body.id}`, { token: g.member2Token });
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe("confirmed");
    expect(seen.body.confirmedSlot.start).toBe("2027-03-08T11:00:00.000Z");
    expect(seen.body.meeting).toMatchObject({ provider: "ics", state: "scheduled", start: "2027-03-08T11:00:00.000Z" });

    const list = await t.call("GET", "/api/consultations", { token: g.memberToken });
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);

    // Once the session has ended the consultation is held, and can no longer be cancelled.
    t.clock.set("2027-03-08T11:45:00Z");
    const held = await t.call("GET", `/api/consultations/${created.body.id}`, { token: g.memberToken });
    expect(held.body.status).toBe("held");
    const cancel = await t.call("POST", `/api/consultations/${created.body.id}/cancel`, { token: g.memberToken, body: { reason: "too late" } });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe("CONFLICT");
  });

  it("lets the expert decline, after which the link is refused", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const decline = await t.call("POST", `/api/expert/${s.secret}/decline`, { body: { reason: "On leave that week" } });
    expect(decline.status).toBe(200);
    expect(decline.body).toEqual({ status: "declined" });
    const c = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(c.body.status).toBe("declined");
    const again = await t.call("GET", `/api/expert/${s.secret}`);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe("GONE");
  });

  it("decline works without a body", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const decline = await t.call("POST", `/api/expert/${s.secret}/decline`);
    expect(decline.status).toBe(200);
  });

  it("cancels a requested consultation, which closes the expert link", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const cancel = await t.call("POST", `/api/consultations/${s.consultationId}/cancel`, { token: s.memberToken, body: { reason: "Topic moved" } });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe("cancelled");
    expect((await t.call("GET", `/api/expert/${s.secret}`)).status).toBe(410);
    const twice = await t.call("POST", `/api/consultations/${s.consultationId}/cancel`, { token: s.memberToken, body: { reason: "again" } });
    expect(twice.status).toBe(409);
  });

  it("refuses to request twice and to confirm twice", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    const again = await t.call("POST", `/api/consultations/${s.consultationId}/request`, { token: s.memberToken });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("requested");
    expect((await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } })).status).toBe(200);
    const second = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[1]!.id } });
    expect(second.status).toBe(409);
    const c = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(c.body.confirmedSlot.id).toBe(s.slots[0]!.id);
  });

  it("refuses a slot that has already started, and expires when all have", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    t.clock.set("2027-03-08T08:00:00Z");
    const late = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain("already started");
    t.clock.set("2027-03-08T11:00:00Z");
    expect((await t.call("GET", `/api/expert/${s.secret}`)).status).toBe(410);
    const c = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(c.body.status).toBe("expired");
  });

  it("refuses the link 60 days after it was issued", async () => {
    const t = await testApp();
    const s = await seedGroup(t);
    const far = [{ start: "2027-06-01T10:00:00+03:00" }, { start: "2027-06-02T10:00:00+03:00" }];
    const created = await t.call("POST", "/api/consultations", {
      token: s.memberToken,
      body: { topicId: s.topicId, briefId: s.briefId, expertId: s.expertId, durationMinutes: 30, slots: far },
    });
    const requested = await t.call("POST", `/api/consultations/${created.body.id}/request`, { token: s.memberToken });
    const secret = requested.body.expertLink.split("/e/")[1];
    t.clock.set("2027-04-30T07:59:00Z");
    expect((await t.call("GET", `/api/expert/${secret}`)).status).toBe(200);
    t.clock.set("2027-04-30T08:00:00Z");
    const expired = await t.call("GET", `/api/expert/${secret}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toContain("expired");
  });

  it("reschedules a confirmed consultation: same meeting, new time after the expert confirms again", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });
    const before = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    const moved = await t.call("POST", `/api/consultations/${s.consultationId}/reschedule`, {
      token: s.memberToken,
      body: { slots: [{ start: "2027-03-10T09:00:00+02:00" }, { start: "2027-03-11T09:00:00+02:00" }] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe("requested");
    expect(moved.body.slots.map((x: { start: string }) => x.start)).toEqual(["2027-03-10T07:00:00.000Z", "2027-03-11T07:00:00.000Z"]);
    const reconfirm = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: moved.body.slots[1].id } });
    expect(reconfirm.status).toBe(200);
    const after = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(after.body.meeting.iCalUId).toBe(before.body.meeting.iCalUId);
    expect(after.body.meeting.start).toBe("2027-03-11T07:00:00.000Z");
    // An old round's slot cannot be confirmed any more.
    const stale = await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[1]!.id } });
    expect(stale.status).toBe(409);
  });

  it("writes an audit entry for every state change, without free text", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });
    await t.call("POST", `/api/consultations/${s.consultationId}/cancel`, { token: s.memberToken, body: { reason: "Secret reason text" } });
    const rows = await t.deps.db.selectFrom("audit_entries").selectAll().where("entityId", "=", s.consultationId).orderBy("id").execute();
    expect(rows.map((r) => [r.action, r.actorType])).toEqual([
      ["consultation.created", "member"],
      ["consultation.requested", "member"],
      ["consultation.confirmed", "expert"],
      ["consultation.cancelled", "member"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("Secret reason text");
    expect(JSON.stringify(rows)).not.toContain(s.secret);
  });

  it("lists and filters the expert directory for members", async () => {
    const t = await testApp();
    const s = await seedGroup(t);
    const q = (query: string) => t.call("GET", `/api/experts${query}`, { token: s.memberToken });
    expect((await q("?theme=Child%20protection")).body.items).toHaveLength(1);
    expect((await q("?country=DK&language=sv")).body.items).toHaveLength(1);
    expect((await q("?country=NO")).body.items).toHaveLength(0);
    expect((await q("?language=fi")).body.items).toHaveLength(0);
    expect((await q("?theme=elderly%20care")).body.items).toHaveLength(0);
    const bad = await q("?country=DE");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("country");
  });

  it("serves health, OpenAPI with error responses, and docs", async () => {
    const t = await testApp();
    expect((await t.call("GET", "/healthz")).body).toEqual({ status: "ok" });
    const doc = await t.call("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of ["/api/organisations", "/api/experts", "/api/groups/{id}/members", "/api/topics/{id}/briefs", "/api/consultations/{id}/request", "/api/expert/{secret}/confirm", "/api/consultations/{id}/invite.ics"]) {
      expect(paths).toContain(p);
    }
    expect(doc.body.paths["/api/expert/{secret}/confirm"].post.responses["409"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    const docs = await t.call("GET", "/docs");
    expect(docs.status).toBe(200);
    expect(docs.text).toContain("swagger");
  });
});
