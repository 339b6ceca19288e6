import { afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed-demo.js";
import { buildConceptReport, buildConceptReportFromAggregates } from "../../src/reports/concept-model.js";
import { tallyEvaluations } from "../../src/reports/evaluation-tally.js";
import { aggregateRecords } from "../../src/reports/report-aggregates.js";
import { loadReportAggregates } from "../../src/reports/report-aggregates.repo.js";
import { loadConceptRecords, type ReportFilter } from "../../src/reports/reports.repo.js";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { seedReportData } from "./report-fixture.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const sortedBy = <T>(rows: readonly T[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/**
 * The report from its own table (report_consultations, kept by the writes) must be the report
 * from the source tables read record by record, aggregate for aggregate.
 */
export async function expectSameReport(app: TestApp, filter: ReportFilter, now = app.clock.now()) {
  const records = await loadConceptRecords(app.deps.db, filter, now);
  const fromRecords = aggregateRecords(records.consultations, tallyEvaluations(records.evaluations));
  const { aggregates: fromTable } = await loadReportAggregates(app.deps.db, filter, now, app.deps.atomic);
  // The status rows may come split differently (stored and as of now); what they add up to is checked below.
  expect(sortedBy(fromTable.cells)).toEqual(sortedBy(fromRecords.cells));
  expect(fromTable.sessions).toEqual(fromRecords.sessions);
  expect({ ...fromTable, statuses: null, cells: null }).toEqual({ ...fromRecords, statuses: null, cells: null });
  const report = buildConceptReportFromAggregates(fromTable);
  expect(report).toEqual(buildConceptReport(records));
  return report;
}

describe("the report's own table", () => {
  it("gives the same report as the records on the demo data, with and without filters, now and later", async () => {
    t = await testApp({ now: "2027-10-12T09:00:00.000Z" });
    const seeded = await seedDemo(t.deps);
    if (!seeded.ok) throw new Error(seeded.message);
    const all = await expectSameReport(t, {});
    expect(all.outcomes.overall.suppressed).toBe(false);
    await expectSameReport(t, { country: "SE" });
    await expectSameReport(t, { theme: "CHILD PROTECTION" });
    await expectSameReport(t, { from: "2027-06-01T00:00:00.000Z" });
    await expectSameReport(t, { programme: "none" });
    // Time alone turns confirmed sessions into held ones and requests into expired ones.
    await expectSameReport(t, {}, new Date("2028-06-01T00:00:00.000Z"));
  });

  it("gives the same report as the records on the report fixture, by programme too", async () => {
    t = await testApp();
    const seeded = await seedReportData(t);
    await expectSameReport(t, {});
    await expectSameReport(t, { consultationId: seeded.ids[0]! });
    await expectSameReport(t, { theme: "elderly care" });
    await expectSameReport(t, { programme: seeded.programmeId });
    await expectSameReport(t, { programme: "none" });
  });
});
