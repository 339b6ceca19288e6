import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed-demo.js";
import { buildConceptReport, buildConceptReportFromTallies } from "../../src/reports/concept-model.js";
import { tallyEvaluations } from "../../src/reports/evaluation-tally.js";
import { loadConceptRecords, loadConceptTallies, type ReportFilter } from "../../src/reports/reports.repo.js";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { seedReportData } from "./report-fixture.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

/** The report from evaluations tallied by the database must be the report from the evaluations one by one. */
async function expectSameReport(filter: ReportFilter) {
  const now = t.clock.now();
  const records = await loadConceptRecords(t.deps.db, filter, now);
  const tallied = await loadConceptTallies(t.deps.db, filter, now);
  expect(tallied.consultations).toEqual(records.consultations);
  const byId = (a: { consultationId: string }, b: { consultationId: string }) => (a.consultationId < b.consultationId ? -1 : 1);
  expect([...tallied.tallies].sort(byId)).toEqual(tallyEvaluations(records.evaluations).sort(byId));
  const fromTallies = buildConceptReportFromTallies(tallied);
  expect(fromTallies).toEqual(buildConceptReport(records));
  return fromTallies;
}

describe("loadConceptTallies", () => {
  it("gives the same report as the records on the demo data, with and without filters", async () => {
    t = await testApp({ now: "2027-10-12T09:00:00.000Z" });
    const seeded = await seedDemo(t.deps);
    if (!seeded.ok) throw new Error(seeded.message);
    const all = await expectSameReport({});
    expect(all.outcomes.overall.suppressed).toBe(false);
    await expectSameReport({ country: "SE" });
    await expectSameReport({ theme: "CHILD PROTECTION" });
    await expectSameReport({ from: "2027-06-01T00:00:00.000Z" });
  });

  it("gives the same report as the records on the report fixture", async () => {
    t = await testApp();
    const seeded = await seedReportData(t);
    await expectSameReport({});
    await expectSameReport({ consultationId: seeded.ids[0]! });
    await expectSameReport({ theme: "elderly care" });
  });
});
