import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sweepRetention } from "../../src/privacy/retention.js";
import { issueToken } from "../../src/tokens/tokens.repo.js";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { seedReportData } from "../reports/report-fixture.js";

/** Free text leaves with its author or with time; every other cell of the CSV must stay as it was. */
const FREE_TEXT = ["followUpTopic", "learnings", "improvements"];

async function figures(t: TestApp) {
  const report = await t.call("GET", "/api/reports/concept", { token: t.coordinator });
  const csv = await t.call("GET", "/api/reports/evaluations.csv", { token: t.coordinator });
  expect(report.status).toBe(200);
  expect(csv.status).toBe(200);
  const rows = parse(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  const withoutText = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !FREE_TEXT.includes(k))));
  const text = rows.flatMap((r) => FREE_TEXT.map((k) => r[k]).filter(Boolean));
  return { report: report.body, csv: withoutText, text, rawCsv: csv.text };
}

describe("the concept report under erasure and retention", () => {
  it("is identical after a member and an expert are erased; only their words leave the CSV", async () => {
    const t = await testApp();
    const d = await seedReportData(t);
    const before = await figures(t);
    expect(before.report.funnel.requested).toBeGreaterThan(0);
    expect(before.text.length).toBeGreaterThan(0);

    for (const body of [{ memberId: d.memberId }, { expertId: d.expertId }]) {
      const res = await t.call("POST", "/api/privacy/erasure", { token: t.coordinator, body });
      expect(res.status, res.text).toBe(200);
    }
    const after = await figures(t);
    expect(after.report).toEqual(before.report);
    expect(after.csv).toEqual(before.csv);
    // The first member's follow-up topic and the expert's evaluations had text; it is gone, the others' stays.
    expect(after.text).not.toContain('Measuring, with commas, "quotes"');
    expect(after.text.length).toBeLessThan(before.text.length);
    expect(after.text).toContain("Första raden\nandra raden; med semikolon");
  });

  it("is identical after the retention sweep anonymises every consultation, which then holds no free text", async () => {
    const t = await testApp();
    await seedReportData(t);
    t.clock.set("2029-06-01T08:00:00.000Z"); // over 24 months after every session
    // Tokens expire (TOKEN_TTL_DAYS); the coordinator of 2029 has a token of 2029.
    t.coordinator = (await issueToken(t.deps.db, { role: "coordinator", label: "coordinator in 2029", now: t.clock.now().toISOString() })).token;
    const before = await figures(t);
    const swept = await sweepRetention(t.deps);
    expect(swept.consultations).toBe(6);
    const after = await figures(t);
    expect(after.report).toEqual(before.report);
    expect(after.csv).toEqual(before.csv);
    expect(after.text).toEqual([]);
    const raw = t.handle.raw;
    expect(raw.prepare("SELECT count(*) FROM briefs WHERE challenge != ''").pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM brief_questions WHERE text != ''").pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM topics WHERE title != '' OR description != ''").pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM evaluations WHERE authorId NOT LIKE 'unlinked-%'").pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM consultations WHERE closeReason IS NOT NULL").pluck().get()).toBe(0);
    // A second sweep finds nothing left to do.
    expect((await sweepRetention(t.deps)).consultations).toBe(0);
  });
});
