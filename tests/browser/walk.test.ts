import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expertTimeLabel } from "../../src/pages/group/slot-input.js";
import { formatSlot } from "../../src/pages/i18n/format.js";
import { catalogues, type Lang } from "../../src/pages/i18n/index.js";
import { seedGroup } from "../helpers/test-app.js";
import { AxeLog } from "./support/axe.js";
import { launchBrowser, newVisitor, screenshots, watchProblems } from "./support/browser.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

/**
 * The whole flow through the pages, once per language: a member signs in, writes a topic and a
 * brief, picks an expert, proposes times and sends; the expert opens the link, sees the times in
 * Europe/Stockholm and confirms; the member sees the confirmed time and downloads the invitation.
 */
let browser: Browser;
const axe = new AxeLog();
beforeAll(async () => {
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  axe.print("walk.test.ts");
});

const SLOTS = [
  { wall: "2027-03-08T10:00", utc: { start: "2027-03-08T08:00:00.000Z", end: "2027-03-08T08:45:00.000Z" } },
  { wall: "2027-03-08T13:00", utc: { start: "2027-03-08T11:00:00.000Z", end: "2027-03-08T11:45:00.000Z" } },
];
const languageLink = (page: Page, lang: Lang) =>
  page.locator("nav.lang-switch").getByRole("link", { name: catalogues[lang].meta.languageName, exact: false });

async function accessible(page: Page, label: string, shot: string) {
  expect(await axe.check(page, label), `${label}: axe violations`).toEqual([]);
  await screenshots(page, shot);
}

describe.each(["sv", "fi", "en"] as const)("the walk in %s", (lang) => {
  const t = catalogues[lang];
  let app: ServedApp;
  beforeAll(async () => {
    app = await startServedApp();
  }, 60_000);
  afterAll(async () => app?.stop());

  it("goes from sign-in to a confirmed consultation and its calendar file", async () => {
    const g = await seedGroup(app);
    const member = await newVisitor(browser, app.baseUrl);
    const page = await member.newPage();
    const problems = watchProblems(page);

    // Sign in, switching the language first as a user would.
    await page.goto("/app/login");
    await languageLink(page, lang).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await accessible(page, "sign-in", `walk-${lang}-01-login`);
    await page.locator("#token").fill(g.memberToken);
    await page.getByRole("button", { name: t.login.submit }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe(t.group.listTitle);
    await accessible(page, "consultation list (empty)", `walk-${lang}-02-list-empty`);

    // Topic and brief, with the live character count.
    await page.locator(".area-nav").getByRole("link", { name: t.layout.newConsultation }).click();
    const challenge = "Referrals reach child protection late; we want to meet families earlier.";
    await page.locator("#title").fill("Earlier support for families");
    await page.locator("#theme").selectOption("child protection");
    await page.locator("#description").fill("Our wellbeing services county builds a family centre.");
    await page.locator("#challenge").fill(challenge);
    await expect.poll(() => page.locator("#challenge-count").textContent()).toBe(t.common.charCount(challenge.length, 2000));
    await page.locator("#question-0").fill("What made families come early?");
    await page.locator("#question-1").fill("How do you measure it?");
    await page.locator("#language").selectOption(lang);
    await accessible(page, "new: topic and brief", `walk-${lang}-03-topic`);
    await page.getByRole("button", { name: t.newFlow.saveTopic }).click();

    // The directory, filtered by theme.
    await page.locator("#theme").selectOption("child protection");
    await page.getByRole("button", { name: t.newFlow.search }).click();
    await expect.poll(() => page.locator("#results-title").textContent()).toBe(t.newFlow.found(1));
    await accessible(page, "new: find an expert", `walk-${lang}-04-expert`);
    await page.getByRole("link", { name: t.newFlow.choose("Astrid Testesen") }).click();

    // Two times; enhance.js shows the expert's local time beside each while typing.
    await page.locator("#duration").selectOption("45");
    for (const [i, slot] of SLOTS.entries()) await page.locator(`#slot-${i}`).fill(slot.wall);
    const instant = `${SLOTS[0]!.wall}:00.000+02:00`;
    await expect.poll(() => page.locator("#slot-0-expert").textContent()).toBe(expertTimeLabel(instant, lang, "Europe/Stockholm"));
    await accessible(page, "new: propose times", `walk-${lang}-05-times`);
    await page.getByRole("button", { name: t.newFlow.sendRequest }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe(t.newFlow.sentTitle);
    await accessible(page, "new: request ready", `walk-${lang}-06-sent`);
    const expertLink = await page.locator("#expert-link").inputValue();
    expect(expertLink.startsWith(`${app.baseUrl}/e/smr_e_`)).toBe(true);

    // The expert, in a browser of their own: Swedish is their first language.
    const expert = await newVisitor(browser, app.baseUrl);
    const expertPage = await expert.newPage();
    const expertProblems = watchProblems(expertPage);
    await expertPage.goto(expertLink);
    expect(await expertPage.evaluate(() => document.documentElement.lang)).toBe("sv");
    if (lang !== "sv") await languageLink(expertPage, lang).click();
    await expect.poll(() => expertPage.evaluate(() => document.documentElement.lang)).toBe(lang);
    const firstInStockholm = `${formatSlot(SLOTS[0]!.utc, lang, "Europe/Stockholm")} (${t.zones["Europe/Stockholm"]})`;
    const slots = expertPage.locator(".slot");
    await expect.poll(() => slots.first().locator(".slot-when").textContent()).toBe(firstInStockholm);
    expect(await slots.first().locator(".slot-other").textContent()).toBe(
      t.common.inCity(lang === "fi" ? "10.00" : "10:00", t.zones["Europe/Helsinki"]),
    );
    await accessible(expertPage, "expert: request", `walk-${lang}-07-expert-request`);
    await expertPage.getByRole("button", { name: t.expert.confirmLabel(firstInStockholm) }).click();
    await expect.poll(() => expertPage.locator("#confirmed-title").textContent()).toBe(t.expert.confirmedTitle);
    expect(await expertPage.locator("[data-testid=confirmed-time]").textContent()).toBe(firstInStockholm);
    await accessible(expertPage, "expert: confirmed", `walk-${lang}-08-expert-confirmed`);

    // Back to the member: the confirmed time in Helsinki and the invitation file.
    await page.goto("/app");
    await accessible(page, "consultation list", `walk-${lang}-09-list`);
    await page.getByRole("link", { name: "Earlier support for families" }).click();
    const confirmedInHelsinki = `${formatSlot(SLOTS[0]!.utc, lang, "Europe/Helsinki")} (${t.zones["Europe/Helsinki"]})`;
    await expect.poll(() => page.locator("[data-testid=confirmed-time] .slot-when").textContent()).toBe(confirmedInHelsinki);
    await accessible(page, "consultation page", `walk-${lang}-10-consultation`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.common.downloadIcs }).click()]);
    const ics = readFileSync((await download.path())!, "utf8");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTART:20270308T080000Z");
    expect(ics).toContain("SUMMARY:Samråd: Earlier support for families");

    expect([...problems, ...expertProblems]).toEqual([]);
    await member.close();
    await expert.close();
  }, 300_000);
});
