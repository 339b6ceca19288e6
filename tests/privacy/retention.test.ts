import { describe, expect, it } from "vitest";
import { insertFeedback } from "../../src/pages/accessibility/feedback.repo.js";
import { backgroundTick } from "../../src/background.js";
import { sweepRetention } from "../../src/privacy/retention.js";
import { seedConfirmed } from "../evaluations/fixtures.js";
import { testApp } from "../helpers/test-app.js";

const feedback = (id: string, receivedAt: string, answeredAt: string | null) => ({
  id,
  receivedAt,
  answerBy: receivedAt,
  language: "en" as const,
  message: `Feedback ${id}`,
  pageUrl: null,
  name: "Ilmari Keksitty",
  email: "ilmari.keksitty@example.fi",
  answeredAt,
});

describe("the retention sweep", () => {
  it("deletes accessibility feedback answered longer ago than RETENTION_MONTHS, and keeps the rest", async () => {
    const t = await testApp({ now: "2027-03-01T08:00:00.000Z", env: { RETENTION_MONTHS: "12" } });
    await insertFeedback(t.deps.db, feedback("answered-long-ago", "2025-12-01T08:00:00.000Z", "2026-02-01T08:00:00.000Z"));
    await insertFeedback(t.deps.db, feedback("answered-lately", "2026-01-01T08:00:00.000Z", "2026-04-01T08:00:00.000Z"));
    await insertFeedback(t.deps.db, feedback("never-answered", "2025-01-01T08:00:00.000Z", null));
    expect(await sweepRetention(t.deps)).toEqual({ consultations: 0, feedback: 1 });
    const left = t.handle.raw.prepare("SELECT id FROM accessibility_feedback ORDER BY id").pluck().all();
    expect(left).toEqual(["answered-lately", "never-answered"]);
  });

  it("leaves a consultation alone until its session is RETENTION_MONTHS past", async () => {
    const t = await testApp({ env: { RETENTION_MONTHS: "24" } });
    const s = await seedConfirmed(t); // the session ends 2027-03-08T08:45Z
    t.clock.set("2029-03-08T08:00:00.000Z");
    expect((await sweepRetention(t.deps)).consultations).toBe(0);
    expect(t.handle.raw.prepare("SELECT challenge FROM briefs WHERE id = ?").pluck().get(s.briefId)).not.toBe("");
    t.clock.set("2029-03-08T09:00:00.000Z");
    expect((await sweepRetention(t.deps)).consultations).toBe(1);
    expect(t.handle.raw.prepare("SELECT challenge, challengeLength FROM briefs WHERE id = ?").get(s.briefId)).toEqual({
      challenge: "",
      challengeLength: "Referrals arrive late; we want earlier contact.".length,
    });
    const audit = t.handle.raw.prepare("SELECT actorType, entityId FROM audit_entries WHERE action = 'consultation.anonymised'").all();
    expect(audit).toEqual([{ actorType: "system", entityId: s.consultationId }]);
  });

  it("runs in the background round, at most every ten minutes", async () => {
    const t = await testApp({ now: "2027-03-01T08:00:00.000Z" });
    const count = () => t.handle.raw.prepare("SELECT count(*) FROM accessibility_feedback").pluck().get();
    await insertFeedback(t.deps.db, feedback("first", "2024-01-01T08:00:00.000Z", "2024-01-02T08:00:00.000Z"));
    await backgroundTick(t.deps);
    expect(count()).toBe(0);
    await insertFeedback(t.deps.db, feedback("second", "2024-01-01T08:00:00.000Z", "2024-01-02T08:00:00.000Z"));
    t.clock.advanceMinutes(5);
    await backgroundTick(t.deps);
    expect(count()).toBe(1);
    t.clock.advanceMinutes(6);
    await backgroundTick(t.deps);
    expect(count()).toBe(0);
  });

  it("refuses a RETENTION_MONTHS that is not a whole number of months", async () => {
    await expect(testApp({ env: { RETENTION_MONTHS: "0" } })).rejects.toThrow(/RETENTION_MONTHS/);
    await expect(testApp({ env: { RETENTION_MONTHS: "two years" } })).rejects.toThrow(/RETENTION_MONTHS/);
  });
});
