import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { seedReportData } from "../reports/report-fixture.js";
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
    for (const g of [...report.outcomes.byTheme, ...report.outcomes.byExpertCountry]) {
      expect(
        [...figures.keys()].some((k) => k.includes(`.${g.key}.`)),
        g.key,
      ).toBe(true);
    }
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
    expect(csv.html).toBe(api.text);
  });
});
