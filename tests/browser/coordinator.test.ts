import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedReportData } from "../reports/report-fixture.js";
import { expectedText, reportValue } from "../pages/report-figures.js";
import { AxeLog } from "./support/axe.js";
import { launchBrowser, newVisitor, screenshots, watchProblems } from "./support/browser.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

/** The coordinator's page on demo-like data: charts really drawn, and the report's own figures. */
let browser: Browser;
let app: ServedApp;
const axe = new AxeLog();

beforeAll(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startServedApp()]);
  await seedReportData(app);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  axe.print("coordinator.test.ts");
});

describe("the coordinator's page in a browser", () => {
  it("signs in, draws every chart and shows the same numbers as GET /api/reports/concept", async () => {
    const context = await newVisitor(browser, app.baseUrl, "en-GB");
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto("/coordinator");
    expect(new URL(page.url()).pathname).toBe("/coordinator/login");
    await page.locator("#token").fill(app.coordinator);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("h1", { hasText: "Concept report" }).waitFor();

    // Chart.js has drawn on every canvas: each has pixels that are not transparent.
    const canvases = page.locator("canvas[data-chart]");
    const count = await canvases.count();
    // Funnel and duration fit; the outcome groups are server-drawn bars (tests/browser/report-phone.test.ts).
    expect(count).toBe(2);
    expect(await page.locator(".bars").count()).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.locator("canvas[data-drawn]").count()).toBe(count);
    const inked = await canvases.evaluateAll((list) =>
      (list as HTMLCanvasElement[]).map((canvas) => {
        const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return { id: canvas.id, share: painted / (canvas.width * canvas.height) };
      }),
    );
    for (const c of inked) expect(c.share, c.id).toBeGreaterThan(0.01);

    const report = (await app.call("GET", "/api/reports/concept", { token: app.coordinator })).body;
    const figures = await page
      .locator("[data-key]")
      .evaluateAll((cells) => cells.map((c) => [c.getAttribute("data-key")!, c.textContent!.trim()] as const));
    expect(figures.length).toBeGreaterThan(20);
    for (const [key, text] of figures) expect(text, key).toBe(expectedText(key, reportValue(report, key)));
    // The chart draws the table's figures, not figures of its own.
    const funnelChart = JSON.parse((await page.locator("#funnel-chart").getAttribute("data-chart"))!);
    expect(funnelChart.datasets[0].data.slice(0, 4)).toEqual([
      report.funnel.requested,
      report.funnel.confirmed,
      report.funnel.held,
      report.funnel.evaluated,
    ]);

    expect(await axe.check(page, "coordinator report")).toEqual([]);
    await screenshots(page, "coordinator-en-report");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /comma-separated/ }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFevaluation,consultation,/);
    // Response.text() drops the byte order mark; the rows are the API's evaluations in the same order, with codes in words.
    const api = (await app.call("GET", "/api/reports/evaluations.csv", { token: app.coordinator })).text;
    const firstCells = (text: string) => text.split("\r\n").slice(1).map((line) => line.split(",")[0]);
    expect(firstCells(csv.slice(1))).toEqual(firstCells(api));
    expect(csv).not.toContain(",member,");

    // The page fits a laptop and a phone: wide tables scroll inside their own region, never the page.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const lang of ["en", "sv", "fi"] as const) {
        await page.goto(`/coordinator?lang=${lang}`);
        await expect.poll(() => page.locator("canvas[data-drawn]").count()).toBe(count);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${lang} at ${width} px`).toBeLessThanOrEqual(0);
        if (width === 390) expect(await axe.check(page, `coordinator report ${lang} at 390 px`)).toEqual([]);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
