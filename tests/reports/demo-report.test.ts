import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed-demo.js";
import { testApp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe("seedDemo", () => {
  it("fills an empty database with consultations in every state and a report worth reading", async () => {
    t = await testApp({ now: "2027-10-12T09:00:00.000Z" });
    const seeded = await seedDemo(t.deps);
    if (!seeded.ok) throw new Error(seeded.message);
    const { counts, members } = seeded.value;
    expect(Object.keys(counts.consultations).sort()).toEqual(["cancelled", "confirmed", "declined", "draft", "evaluated", "expired", "held", "requested"]);
    expect(counts.evaluations.expert).toBeGreaterThan(15);
    expect(counts.followUps).toBeGreaterThan(0);
    expect(members).toHaveLength(12);

    const experts = await t.call("GET", "/api/experts", { token: t.coordinator });
    const countries = new Set(experts.body.items.map((e: { organisation: { country: string } }) => e.organisation.country));
    expect([...countries].sort()).toEqual(["AX", "DK", "FI", "FO", "GL", "IS", "NO", "SE"]);

    const report = (await t.call("GET", "/api/reports/concept", { token: t.coordinator })).body;
    expect(report.funnel.evaluated).toBe(counts.consultations.evaluated);
    expect(report.outcomes.overall.suppressed).toBe(false);
    expect(report.outcomes.byTheme.filter((g: { suppressed: boolean }) => !g.suppressed).length).toBeGreaterThanOrEqual(4);
    expect(report.sessions.durationFit.suppressed).toBe(false);
    expect(report.followUps.followUpsCreated).toBe(counts.followUps);

    // The members' tokens work, and a held session in the last 14 days is still open for evaluation.
    const mine = await t.call("GET", "/api/consultations?status=held", { token: members[0]!.token });
    expect(mine.status).toBe(200);
    const views = await Promise.all(
      mine.body.items.map((c: { id: string }) => t.call("GET", `/api/consultations/${c.id}/evaluations`, { token: members[0]!.token })),
    );
    expect(views.some((v) => v.body.evaluation.open)).toBe(true);
  });

  it("tells its history in order and hands out the expert's side of the open consultations", async () => {
    t = await testApp({ now: "2027-10-12T09:00:00.000Z" });
    const seeded = await seedDemo(t.deps);
    if (!seeded.ok) throw new Error(seeded.message);
    // No evaluation, outcome or funding comes before the session was marked held.
    const events = await t.deps.db.selectFrom("consultation_events").select(["consultationId", "type", "at"]).orderBy("id").execute();
    const heldAt = new Map(events.filter((e) => e.type === "consultation.held").map((e) => [e.consultationId, e.at]));
    const early = events.filter((e) => {
      if (!["evaluation.submitted", "consultation.outcome_recorded", "evaluation.closed"].includes(e.type)) return false;
      const held = heldAt.get(e.consultationId);
      return held === undefined || e.at < held;
    });
    expect(early).toEqual([]);
    expect(heldAt.size).toBeGreaterThan(10);

    // The first pilots belong to the child-protection key projects.
    const filed = await t.deps.db.selectFrom("consultation_programmes").select("consultationId").execute();
    expect(filed.length).toBeGreaterThan(3);
    const { expertLinks } = seeded.value;
    expect(new Set(expertLinks.map((e) => e.fate))).toEqual(new Set(["requested", "confirmed", "held_open"]));
    for (const e of expertLinks) {
      const res = await t.app.request(new URL(e.link).pathname);
      expect(res.status, e.link).toBe(200);
    }
  });

  it("refuses a database that already has data", async () => {
    t = await testApp();
    await t.call("POST", "/api/organisations", {
      token: t.coordinator,
      body: { name: "VISO", country: "DK", criteria: { nationallySignificant: true, innovative: false, evidenceBased: true } },
    });
    const again = await seedDemo(t.deps);
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});
