import { describe, expect, it } from "vitest";
import { advanceLifecycle } from "../../src/consultations/lifecycle-sweep.js";
import { seedRequested, testApp } from "../helpers/test-app.js";

describe("the lifecycle sweep persists what time has done", () => {
  it("confirmed → held after the session; requested → expired after every slot started; once each", async () => {
    const t = await testApp();
    const confirmed = await seedRequested(t);
    const waiting = await seedRequested(t, { groupName: "Other group" });
    await t.call("POST", `/api/expert/${confirmed.secret}/confirm`, { body: { slotId: confirmed.slots[0]!.id } });

    expect(await advanceLifecycle(t.deps)).toEqual({ held: 0, expired: 0 });
    t.clock.set("2027-03-08T12:00:00Z"); // after both proposed slots of the day
    expect(await advanceLifecycle(t.deps)).toEqual({ held: 1, expired: 1 });
    expect(await advanceLifecycle(t.deps)).toEqual({ held: 0, expired: 0 });

    const rows = await t.deps.db.selectFrom("consultations").select(["id", "status", "closedAt"]).execute();
    expect(rows.find((r) => r.id === confirmed.consultationId)?.status).toBe("held");
    expect(rows.find((r) => r.id === waiting.consultationId)).toMatchObject({ status: "expired", closedAt: "2027-03-08T12:00:00.000Z" });
    const audit = await t.deps.db
      .selectFrom("audit_entries")
      .select(["entityId", "action", "actorType"])
      .where("action", "in", ["consultation.held", "consultation.expired"])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { entityId: confirmed.consultationId, action: "consultation.held", actorType: "system" },
        { entityId: waiting.consultationId, action: "consultation.expired", actorType: "system" },
      ]),
    );
    expect(audit).toHaveLength(2);
  });

  it("an expired reschedule cancels the meeting left from before", async () => {
    const t = await testApp();
    const s = await seedRequested(t);
    await t.call("POST", `/api/expert/${s.secret}/confirm`, { body: { slotId: s.slots[0]!.id } });
    await t.call("POST", `/api/consultations/${s.consultationId}/reschedule`, {
      token: s.memberToken,
      body: { slots: [{ start: "2027-03-05T09:00:00Z" }, { start: "2027-03-05T10:00:00Z" }] },
    });
    t.clock.set("2027-03-05T10:00:00Z");
    expect(await advanceLifecycle(t.deps)).toEqual({ held: 0, expired: 1 });
    const { runOutbox } = await import("../../src/outbox/outbox.processor.js");
    await runOutbox(t.deps);
    const c = await t.call("GET", `/api/consultations/${s.consultationId}`, { token: s.memberToken });
    expect(c.body.status).toBe("expired");
    expect(c.body.meeting.state).toBe("cancelled");
  });
});
