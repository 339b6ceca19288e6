import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { seedReportData } from "../reports/report-fixture.js";
import { catalogues } from "../../src/pages/i18n/index.js";
import { PageClient } from "./page-client.js";
import { expectedText, figuresOnPage, reportValue } from "./report-figures.js";

let t: TestApp;
afterEach(async () => t?.close());

describe("the coordinator's page", () => {
  it("shows the report's own numbers", async () => {
    t = await testApp();
    await seedReportData(t);
    const report = (await t.call("GET", "/api/reports/concept", { token: t.coordinator })).body;
    const client = new PageClient(t, { acceptLanguage: "en" });
    expect((await client.post("/coordinator/login", { token: t.coordinator })).location).toBe("/coordinator");
    const page = await client.get("/coordinator");
    expect(page.status).toBe(200);
    const figures = figuresOnPage(page.html);
    expect(figures.size).toBeGreaterThan(20);
    for (const [key, text] of figures) expect(text, key).toBe(expectedText(key, reportValue(report, key)));
    // Every group the report has is on the page, suppressed or not.
    const { bySide, byTheme, byExpertCountry, byProgramme, byDuration, byQuestionCount, byChallengeLength } = report.outcomes;
    expect(byProgramme.length).toBe(3);
    for (const g of [...bySide, ...byTheme, ...byExpertCountry, ...byProgramme, ...byDuration, ...byQuestionCount, ...byChallengeLength]) {
      expect(
        [...figures.keys()].some((k) => k.includes(`.${g.key}.`)),
        g.key,
      ).toBe(true);
    }
    // The whole model: response rates, session lengths, follow-ups and funding are on the page too.
    for (const key of ["responseRates.member.share", "responseRates.expert.received", "sessions.plannedMinutes.median", "sessions.noShows", "followUps.followUpsCreated", "outcomes.overall.evaluations"]) {
      expect(figures.has(key), key).toBe(true);
    }
    expect([...figures.keys()].some((k) => k.startsWith("funding."))).toBe(report.funding.length > 0);
    expect(page.html).toContain('data-chart="');
    expect(page.html).toMatch(/<script src="\/assets\/chart\.umd\.min\.js\?v=\w+" defer=""><\/script>/);
  });

  it("downloads the evaluations CSV with the coordinator's session only", async () => {
    t = await testApp();
    await seedReportData(t);
    const client = new PageClient(t);
    expect((await client.get("/coordinator/evaluations.csv")).location).toBe("/coordinator/login");
    await client.post("/coordinator/login", { token: t.coordinator });
    const csv = await client.get("/coordinator/evaluations.csv?separator=semicolon");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const api = await t.call("GET", "/api/reports/evaluations.csv?separator=semicolon", { token: t.coordinator });
    // The same evaluations as the API's, in the same order; header and codes are in the page's language (tests/reports/page-csv.test.ts).
    const [header, ...rows] = csv.html.replace(/^\uFEFF/, "").split("\r\n");
    const firstCells = (lines: string[]) => lines.map((line) => line.split(";")[0]);
    expect(firstCells(rows)).toEqual(firstCells(api.text.replace(/^\uFEFF/, "").split("\r\n").slice(1)));
    expect(header).toBe(Object.values(catalogues.en.reportPage.csvColumns).join(";"));
    const fi = await client.get("/coordinator/evaluations.csv?lang=fi");
    expect(fi.html.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(Object.values(catalogues.fi.reportPage.csvColumns).join(","));
    expect(fi.html.split("\r\n")[0]).toContain("hyödyllisyys");
  });

  it("breaks the outcomes down by programme with their names, and filters by programme as the API does", async () => {
    t = await testApp();
    const seeded = await seedReportData(t);
    const client = new PageClient(t, { acceptLanguage: "fi" });
    await client.post("/coordinator/login", { token: t.coordinator });
    const page = await client.get("/coordinator");
    const fi = catalogues.fi.reportProgrammes;
    const section = page.html.slice(page.html.indexOf('id="by-programme-title"'), page.html.indexOf('id="by-duration-title"'));
    expect(section).toContain(fi.byProgrammeTitle);
    // Named, shown or withheld, and the consultations in no programme as their own row.
    expect(section).toContain("Child protection key projects");
    expect(section).toContain("Personal assistance pilots");
    expect(section).toContain(fi.none);
    expect(figuresOnPage(page.html).get(`outcomes.byProgramme.${seeded.programmeId}.evaluations`)).toBe("7");
    // The filter offers every programme and "none".
    expect(page.html).toContain(`<option value="${seeded.programmeId}">Child protection key projects</option>`);
    expect(page.html).toContain(`<option value="none">${fi.none}</option>`);

    const api = (await t.call("GET", `/api/reports/concept?programme=${seeded.programmeId}`, { token: t.coordinator })).body;
    const filtered = await client.get(`/coordinator?programme=${seeded.programmeId}`);
    expect(filtered.status).toBe(200);
    expect(figuresOnPage(filtered.html).get("funnel.requested")).toBe(String(api.funnel.requested));
    expect(filtered.html).toContain(`<option value="${seeded.programmeId}" selected="">`);
    expect(filtered.html).toContain(`/coordinator/evaluations.csv?programme=${seeded.programmeId}`);

    const bad = await client.get("/coordinator?programme=not-an-id");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain(`id="programme-error">${fi.invalid}`);
  });

  it("filters the report by period, theme and country as the API does, and names a bad date by its field", async () => {
    t = await testApp();
    await seedReportData(t);
    const client = new PageClient(t, { acceptLanguage: "sv" });
    await client.post("/coordinator/login", { token: t.coordinator });
    const api = (await t.call("GET", "/api/reports/concept?country=SE&from=2027-01-01", { token: t.coordinator })).body;
    const all = (await t.call("GET", "/api/reports/concept", { token: t.coordinator })).body;
    expect(api.funnel.requested).not.toBe(all.funnel.requested);
    const page = await client.get("/coordinator?country=SE&from=2027-01-01");
    expect(page.status).toBe(200);
    const figures = figuresOnPage(page.html);
    expect(figures.get("funnel.requested")).toBe(String(api.funnel.requested));
    expect(page.html).toMatch(/<option value="SE" selected="">/);
    expect(page.html).toContain("/coordinator/evaluations.csv?from=2027-01-01&amp;country=SE");

    const bad = await client.get("/coordinator?from=1.3.2027&country=SE");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain(`id="from-error">${catalogues.sv.reportPage.invalidDate}`);
    expect(bad.html).toContain('value="1.3.2027"');
    const reversed = await client.get("/coordinator?from=2027-03-01&to=2027-02-01");
    expect(reversed.html).toContain(`id="to-error">${catalogues.sv.reportPage.toBeforeFrom}`);
  });
});
