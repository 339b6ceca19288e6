import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogues, type Lang } from "../../src/pages/i18n/index.js";
import { confirmedConsultation } from "../evaluations/fixtures.js";
import { seedGroup } from "../helpers/test-app.js";
import { AxeLog } from "./support/axe.js";
import { launchBrowser, newVisitor, watchProblems } from "./support/browser.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

/**
 * The coordinator's workplace in a real browser: axe-core on every new page in every language
 * (with and without form errors), and the organisation form used with the keyboard alone.
 */
let browser: Browser;
let app: ServedApp;
let seeded: { groupId: string; expertId: string; heldId: string };
const axe = new AxeLog();

beforeAll(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startServedApp()]);
  const g = await seedGroup(app);
  const held = await confirmedConsultation(app, g);
  app.clock.set("2027-03-09T12:00:00.000Z");
  seeded = { groupId: g.groupId, expertId: g.expertId, heldId: held.consultationId };
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  axe.print("coordinator-workplace.test.ts");
});

async function signIn(page: Page, lang: Lang) {
  await page.goto(`/coordinator/login?lang=${lang}`);
  await page.locator("#token").fill(app.coordinator);
  await page.getByRole("button", { name: catalogues[lang].login.submit, exact: true }).click();
  await page.waitForURL(/\/coordinator$/);
}

describe.each(["en", "sv", "fi"] as const)("the workplace in %s", (lang: Lang) => {
  const k = catalogues[lang].workplace;

  it("has no axe violations on any of its pages", { timeout: 240_000 }, async () => {
    const context = await newVisitor(browser, app.baseUrl);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, lang);
    const failures: string[] = [];
    const check = async (label: string) => {
      await page.waitForLoadState("load");
      expect(await page.evaluate(() => document.documentElement.lang), label).toBe(lang);
      const violations = await axe.check(page, label);
      if (violations.length > 0) failures.push(`${label}: ${JSON.stringify(violations, null, 1)}`);
    };
    const visit = async (path: string, label: string) => {
      await page.goto(path);
      await check(label);
    };
    await visit("/coordinator/directory", "directory");
    await visit("/coordinator/directory/organisations/new", "new organisation");
    await page.getByRole("button", { name: k.save, exact: true }).click();
    await check("new organisation: errors");
    await visit("/coordinator/directory/experts/new", "new expert");
    await page.getByRole("button", { name: k.save, exact: true }).click();
    await check("new expert: errors");
    await visit(`/coordinator/directory/experts/${seeded.expertId}`, "edit expert");
    await visit("/coordinator/groups", "groups");
    await visit(`/coordinator/groups/${seeded.groupId}`, "group");
    await page.locator("#name").fill(`Testi Henkilö ${lang}`);
    await page.locator("#email").fill(`testi.${lang}@example.fi`);
    await page.getByRole("button", { name: k.addMember, exact: true }).click();
    await check("group: token shown");
    expect(await page.locator("#issued-token").inputValue()).toMatch(/^smr_m_/);
    await visit("/coordinator/consultations", "consultations");
    await visit(`/coordinator/consultations/${seeded.heldId}`, "held consultation");
    await page.getByRole("button", { name: k.recordOutcome, exact: true }).click();
    await check("outcome: errors");
    await visit("/coordinator/outbox", "deliveries");
    await visit("/coordinator/feedback", "feedback");
    await visit("/coordinator/tokens", "tokens");
    await visit("/coordinator/themes", "themes");
    await page.getByRole("button", { name: catalogues[lang].themeList.add, exact: true }).click();
    await check("themes: errors");
    await visit("/coordinator/programmes", "programmes");
    await page.getByRole("button", { name: catalogues[lang].programmeList.add, exact: true }).click();
    await check("programmes: errors");
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the directory forms with the keyboard only", () => {
  it("adds an organisation without a mouse", { timeout: 90_000 }, async () => {
    const context = await newVisitor(browser, app.baseUrl);
    const page = await context.newPage();
    await signIn(page, "en");
    await page.goto("/coordinator/directory/organisations/new");
    const tabTo = async (id: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await tabTo("name");
    await page.keyboard.type("Keyboard Institute");
    await tabTo("criteria");
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/coordinator\/directory\?saved=1$/);
    await page.locator("td", { hasText: "Keyboard Institute" }).waitFor();
    await context.close();
  });
});
