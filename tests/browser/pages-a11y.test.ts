import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogues, type Lang } from "../../src/pages/i18n/index.js";
import { AxeLog, axeViolations } from "./support/axe.js";
import { launchBrowser, newVisitor, screenshots, watchProblems } from "./support/browser.js";
import { seedScenario, type Scenario } from "./support/scenario.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

/**
 * axe-core on every page the walk does not pass through, in every language, including pages
 * with validation errors, thank-you pages, link problems, 404s and the coordinator's report;
 * each page is also photographed at phone and desktop width.
 */
let browser: Browser;
let app: ServedApp;
let s: Scenario;
const axe = new AxeLog();

beforeAll(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startServedApp()]);
  s = await seedScenario(app);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  axe.print("pages-a11y.test.ts");
});

const submit = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();

describe.each(["fi", "sv", "en"] as const)("every page in %s", (lang: Lang) => {
  const t = catalogues[lang];

  it("has no axe violations, no script errors and nothing blocked by the CSP", async () => {
    const context = await newVisitor(browser, app.baseUrl);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const failures: string[] = [];
    const check = async (label: string) => {
      await page.waitForLoadState("load");
      expect(await page.evaluate(() => document.documentElement.lang), label).toBe(lang);
      const violations = await axe.check(page, label);
      if (violations.length > 0) failures.push(`${label}: ${JSON.stringify(violations, null, 1)}`);
      await screenshots(page, `page-${lang}-${label.replace(/\W+/g, "-")}`);
    };

    await page.goto(`/?lang=${lang}`);
    await check("home");
    await page.goto("/accessibility");
    await check("accessibility statement");
    await page.locator("#email").fill("not an address");
    await submit(page, t.accessibility.submit);
    await check("accessibility: errors");
    await page.locator("#message").fill("The calendar button is hard to find.");
    await page.locator("#email").fill("reader@example.org");
    await submit(page, t.accessibility.submit);
    await check("accessibility: thanks");

    await page.goto("/app/login");
    await submit(page, t.login.submit);
    await check("sign-in: error");
    await page.locator("#token").fill(s.memberToken);
    await submit(page, t.login.submit);
    await check("consultation list");
    await page.goto("/app/new");
    await submit(page, t.newFlow.saveTopic);
    await check("new: topic errors");
    await page.goto(`/app/new/times?brief=${s.briefId}&expert=${s.expertId}`);
    await page.locator("#slot-0").fill("2027-01-01T10:00");
    await submit(page, t.newFlow.sendRequest);
    await check("new: times errors");
    await page.goto(`/app/consultations/${s.held.consultationId}`);
    await check("consultation: held");
    await page.goto(`/app/consultations/${s.cancelled.id}`);
    await check("consultation: cancelled");
    await page.goto(`/app/consultations/${s.open.id}`);
    await submit(page, t.group.cancel);
    await check("consultation: cancel error");
    await page.goto("/app/no-such-page");
    await check("not found");

    await page.goto(`/e/${s.toDecline[lang].secret}`);
    await page.locator("#reason").fill("x".repeat(1001));
    await submit(page, t.expert.decline);
    await check("expert: decline error");
    await page.locator("#reason").fill("On leave that week.");
    await submit(page, t.expert.decline);
    await check("expert: declined");
    await page.goto(`/e/${s.held.secret}`);
    await check("expert: held, evaluation form");
    // Minutes out of range fail even when an earlier language's run left the choices filled in.
    await page.locator("#actualMinutes").fill("999");
    await submit(page, t.evaluation.submit);
    expect(await page.locator("#actualMinutes-error").textContent()).toBe(t.validation.minutesRange);
    await check("expert: evaluation errors");
    for (const f of ["usefulness-3", "preparation-4", "technicalQuality-3", "durationFit-1", "wouldRecommend", "followUpInterest-1"])
      await page.locator(`#${f}`).check();
    await page.locator("#actualMinutes").fill("40");
    await submit(page, t.evaluation.submit);
    await check("expert: evaluation saved");
    await page.goto(`/e/${s.cancelled.secret}`);
    await check("link: cancelled");
    await page.goto(`/e/smr_e_${"q".repeat(43)}`);
    await check("link: unknown");

    await page.goto("/coordinator/login");
    await check("coordinator sign-in");
    await page.locator("#token").fill(app.coordinator);
    await submit(page, t.login.submit);
    await page.locator("canvas[data-drawn]").first().waitFor();
    await check("coordinator report");

    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 600_000);
});

describe("the axe check itself", () => {
  it("notices a violation, so its zeros mean something: a field that loses its label fails", async () => {
    const context = await newVisitor(browser, app.baseUrl);
    const page = await context.newPage();
    await page.goto("/app/login");
    await page.evaluate(() => document.querySelector('label[for="token"]')!.remove());
    expect((await axeViolations(page)).map((v) => v.id)).toContain("label");
    await context.close();
  }, 120_000);
});
