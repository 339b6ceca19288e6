import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedReportData } from "../reports/report-fixture.js";
import { launchBrowser, newVisitor, watchProblems } from "./support/browser.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

/** The report page's charts on a phone: every label readable in full, nothing wider than the screen. */
let browser: Browser;
let app: ServedApp;

// Finnish makes the longest labels; the report fixture's child-protection group is large enough to be
// shown, so its name gets a compound longer than a phone is wide.
const LONG_NAMES = {
  "child protection": "Lastensuojelunkehittämisyhteistyöverkostojenyhteensovittaminen ja varhainen tuki",
  "elderly care": "Ikääntyneiden palvelujen asiakasvalinnan ja hankintojen kehittäminen",
};

beforeAll(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startServedApp()]);
  await seedReportData(app);
  const themes = (await app.call("GET", "/api/themes", { token: app.coordinator })).body.items as { id: string; key: string }[];
  for (const [key, nameFi] of Object.entries(LONG_NAMES)) {
    const id = themes.find((t) => t.key === key)!.id;
    expect((await app.call("PATCH", `/api/themes/${id}`, { token: app.coordinator, body: { nameFi } })).status).toBe(200);
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the report page at 390 px", () => {
  it("clips no chart label and does not scroll sideways, in Finnish and Swedish", async () => {
    const context = await newVisitor(browser, app.baseUrl, "fi-FI");
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto("/coordinator/login");
    await page.locator("#token").fill(app.coordinator);
    await page.locator("button[type=submit]").click();
    await page.locator("#by-theme-chart").waitFor();
    await page.setViewportSize({ width: 390, height: 844 });

    for (const lang of ["fi", "sv"] as const) {
      await page.goto(`/coordinator?lang=${lang}`);
      await page.locator("canvas[data-drawn]").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${lang}: the page scrolls sideways`).toBeLessThanOrEqual(0);

      const labels = await page.locator(".bars-label, .bars-legend li, .bars-value").evaluateAll((list) =>
        list.map((el) => {
          const box = el.getBoundingClientRect();
          return { text: el.textContent!.trim(), scroll: el.scrollWidth, client: el.clientWidth, left: box.left, right: box.right, viewport: window.innerWidth };
        }),
      );
      // Every outcome chart's groups (overall, side, theme, country, length, questions, description) are text.
      expect(labels.length, lang).toBeGreaterThan(20);
      if (lang === "fi") expect(labels.map((l) => l.text)).toContain(LONG_NAMES["child protection"]);
      for (const l of labels) {
        expect(l.scroll, `${lang}: "${l.text}" is cut`).toBeLessThanOrEqual(l.client);
        expect(l.left, `${lang}: "${l.text}" starts off screen`).toBeGreaterThanOrEqual(0);
        expect(l.right, `${lang}: "${l.text}" ends off screen`).toBeLessThanOrEqual(l.viewport);
      }
      // The long theme name wraps onto more lines instead of running past the screen's edge.
      const theme = page.locator("#by-theme-chart .bars-label", { hasText: lang === "fi" ? "Lastensuojelun" : "Barnskydd" });
      const { height, lineHeight } = await theme.evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) }));
      if (lang === "fi") expect(height).toBeGreaterThan(lineHeight * 1.5);

      // The two Chart.js canvases (funnel, duration fit) stay inside the screen too.
      const canvases = await page.locator("canvas[data-chart]").evaluateAll((list) => list.map((c) => ({ id: c.id, right: c.getBoundingClientRect().right, left: c.getBoundingClientRect().left })));
      expect(canvases.length).toBeGreaterThanOrEqual(2);
      for (const c of canvases) {
        expect(c.left, c.id).toBeGreaterThanOrEqual(0);
        expect(c.right, c.id).toBeLessThanOrEqual(390);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
