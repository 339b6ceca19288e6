import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { connectSqlite } from "../../src/db/connect-sqlite.js";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";
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
  expect(sortedBy(fromTable.groups)).toEqual(sortedBy(fromRecords.groups));
  expect(fromTable.sessions).toEqual(fromRecords.sessions);
  expect({ ...fromTable, statuses: null, groups: null }).toEqual({ ...fromRecords, statuses: null, groups: null });
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

describe("the report's own table follows the directory", () => {
  it("moves an expert's consultations to another country when the organisation moves, or the expert moves to another organisation", async () => {
    t = await testApp();
    const seeded = await seedReportData(t);
    const countries = async () => (await expectSameReport(t, {})).outcomes.byExpertCountry.map((g) => g.key);
    expect(await countries()).toEqual(["DK", "SE"]);
    const organisationOf = async (expertId: string) =>
      (await t.deps.db.selectFrom("experts").select("organisationId").where("id", "=", expertId).executeTakeFirstOrThrow()).organisationId;
    const expert = { organisationId: await organisationOf(seeded.seExpertId) };
    const moved = await t.call("PATCH", `/api/organisations/${expert.organisationId}`, { token: t.coordinator, body: { country: "NO" } });
    expect(moved.status).toBe(200);
    expect(await countries()).toEqual(["DK", "NO"]);
    const other = { organisationId: await organisationOf(seeded.expertId) };
    const changed = await t.call("PATCH", `/api/experts/${seeded.seExpertId}`, { token: t.coordinator, body: { organisationId: other.organisationId } });
    expect(changed.status).toBe(200);
    expect(await countries()).toEqual(["DK"]);
  });
});

describe("migration 0016", () => {
  it("fills the report's table from what a database on 0015 holds, so an upgraded database reports the same figures", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "samrad-0016-")), "db.sqlite");
    t = await testApp({ now: "2027-10-12T09:00:00.000Z", databasePath: path });
    const seeded = await seedDemo(t.deps);
    if (!seeded.ok) throw new Error(seeded.message);
    const before = (await t.call("GET", "/api/reports/concept", { token: t.coordinator })).body;
    await t.close();

    // The database as 0015 left it: the same source tables, no report table.
    const old = connectSqlite(path);
    old.raw.exec("DROP TABLE report_consultations; DROP TABLE report_cells; DELETE FROM d1_migrations WHERE name = '0016_report_rows.sql'");
    expect(old.raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'report_consultations'").pluck().get()).toBe(0);
    expect(migrateSqlite(old.raw)).toEqual(["0016_report_rows.sql"]);
    expect(Number(old.raw.prepare("SELECT count(*) FROM report_consultations").pluck().get())).toBeGreaterThan(10);
    await old.close();

    t = await testApp({ now: "2027-10-12T09:00:00.000Z", databasePath: path });
    const after = (await t.call("GET", "/api/reports/concept", { token: t.coordinator })).body;
    expect({ ...after, generatedAt: null }).toEqual({ ...before, generatedAt: null });
    expect(after.outcomes.overall.suppressed).toBe(false);
    await expectSameReport(t, {});
    await expectSameReport(t, { country: "SE" });
  });
});
