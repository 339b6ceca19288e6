import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countryName, formatSlot } from "../../src/pages/i18n/format.js";
import { catalogues, type Lang } from "../../src/pages/i18n/index.js";
import { AxeLog } from "./support/axe.js";
import { launchBrowser, newVisitor, watchProblems } from "./support/browser.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

/**
 * The coordinator's job from an empty database, through the pages only, once per language: the
 * coordinator signs in with the first token and sets up the directory, a group and a member; the
 * member signs in with the token handed over and sends a request; the expert confirms; the
 * coordinator records the outcome and the funding and revokes the member's token, after which
 * the member's next page load is refused.
 */
let browser: Browser;
const axe = new AxeLog();
beforeAll(async () => {
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  axe.print("coordinator-walk.test.ts");
});

async function noViolations(page: Page, label: string) {
  expect(await axe.check(page, label), `${label}: axe violations`).toEqual([]);
}

async function signInCoordinator(page: Page, lang: Lang, token: string) {
  await page.goto(`/coordinator/login?lang=${lang}`);
  await page.locator("#token").fill(token);
  await page.getByRole("button", { name: catalogues[lang].login.submit, exact: true }).click();
  await page.waitForURL(/\/coordinator$/);
}

describe.each(["en", "sv", "fi"] as const)("the coordinator's walk in %s", (lang) => {
  const t = catalogues[lang];
  const k = t.workplace;
  let app: ServedApp;
  beforeAll(async () => {
    app = await startServedApp({ themes: false });
  }, 60_000);
  afterAll(async () => app?.stop());

  it("sets up the service, follows a consultation to its outcome and ends a member's access", async () => {
    // Nothing but the first coordinator token is in the database.
    expect((await app.call("GET", "/api/organisations", { token: app.coordinator })).body.items).toEqual([]);
    expect((await app.call("GET", "/api/themes", { token: app.coordinator })).body.items).toEqual([]);
    const coordinatorContext = await newVisitor(browser, app.baseUrl);
    const page = await coordinatorContext.newPage();
    const problems = watchProblems(page);
    await signInCoordinator(page, lang, app.coordinator);

    // The theme the expert and the topic choose, named in the three languages.
    await page.goto(`/coordinator/themes?lang=${lang}`);
    await page.locator("#nameFi").fill("Lastensuojelu");
    await page.locator("#nameSv").fill("Barnskydd");
    await page.locator("#nameEn").fill("Child protection");
    await page.getByRole("button", { name: t.themeList.add, exact: true }).click();
    await page.waitForURL(/\/coordinator\/themes\?saved=1$/);
    const themeName = { fi: "Lastensuojelu", sv: "Barnskydd", en: "Child protection" }[lang];

    // An organisation with its criteria.
    await page.locator(".area-nav").getByRole("link", { name: k.nav.directory }).click();
    await page.getByRole("link", { name: k.addOrganisation }).click();
    await page.locator("#name").fill("Nordisk Barnevern Testsenter");
    await page.locator("#country").selectOption("NO");
    await page.getByLabel(k.criteria.nationallySignificant).check();
    await page.getByLabel(k.criteria.evidenceBased).check();
    await page.locator("#criteriaNote").fill("Invented for the test: a national knowledge centre.");
    await page.getByRole("button", { name: k.save, exact: true }).click();
    await page.waitForURL(/\/coordinator\/directory\?saved=1$/);

    // An expert in Oslo.
    await page.getByRole("link", { name: k.addExpert }).click();
    await page.locator("#organisationId").selectOption({ label: `Nordisk Barnevern Testsenter (${countryName("NO", lang)})` });
    await page.locator("#name").fill("Oda Oppdiktet");
    await page.locator("#email").fill(`oda.oppdiktet.${lang}@example.no`);
    await page.locator("#languages").fill("no, en");
    await page.locator("#timeZone").selectOption("Europe/Oslo");
    await page.getByRole("checkbox", { name: themeName, exact: true }).check();
    await page.getByRole("button", { name: k.save, exact: true }).click();
    await page.waitForURL(/\/coordinator\/directory\?saved=1$/);
    await expect.poll(() => page.getByRole("cell", { name: "Oda Oppdiktet", exact: true }).count()).toBe(1);

    // A group and a member; the member's token is shown once.
    await page.locator(".area-nav").getByRole("link", { name: k.nav.groups }).click();
    await page.locator("#name").fill("Lastensuojelun kehittäjäryhmä");
    await page.locator("#organisation").fill("Pohjanmaan hyvinvointialue (keksitty)");
    await page.getByRole("button", { name: k.createGroup, exact: true }).click();
    await page.waitForURL(/\/coordinator\/groups\/[0-9a-f-]{36}$/);
    await page.locator("#name").fill("Mirja Mielikuva");
    await page.locator("#email").fill(`mirja.mielikuva.${lang}@example.fi`);
    await page.locator("#language").selectOption(lang);
    await page.getByRole("button", { name: k.addMember, exact: true }).click();
    const memberToken = await page.locator("#issued-token").inputValue();
    expect(memberToken).toMatch(/^smr_m_/);
    await noViolations(page, "group: token shown");

    // The member signs in with what the coordinator handed over and sends a request.
    const memberContext = await newVisitor(browser, app.baseUrl);
    const member = await memberContext.newPage();
    const memberProblems = watchProblems(member);
    await member.goto(`/app/login?lang=${lang}`);
    await member.locator("#token").fill(memberToken);
    await member.getByRole("button", { name: t.login.submit, exact: true }).click();
    await expect.poll(() => member.locator("h1").textContent()).toBe(t.group.listTitle);
    await member.locator(".area-nav").getByRole("link", { name: t.layout.newConsultation }).click();
    await member.locator("#title").fill("Earlier support for families");
    await member.locator("#theme").selectOption({ label: themeName });
    await member.locator("#description").fill("Our wellbeing services county builds a family centre.");
    await member.locator("#challenge").fill("Referrals reach child protection late; we want to meet families earlier.");
    await member.locator("#question-0").fill("What made families come early?");
    await member.locator("#language").selectOption(lang);
    await member.getByRole("button", { name: t.newFlow.saveTopic }).click();
    await member.locator("#theme").selectOption("child protection");
    await member.getByRole("button", { name: t.newFlow.search }).click();
    await member.getByRole("link", { name: t.newFlow.choose("Oda Oppdiktet") }).click();
    await member.locator("#duration").selectOption("45");
    await member.locator("#slot-0").fill("2027-03-08T10:00");
    await member.locator("#slot-1").fill("2027-03-08T13:00");
    await member.getByRole("button", { name: t.newFlow.sendRequest }).click();
    await expect.poll(() => member.locator("h1").textContent()).toBe(t.newFlow.sentTitle);
    const expertLink = await member.locator("#expert-link").inputValue();

    // The expert confirms the first time (shown in Oslo time).
    const expertContext = await newVisitor(browser, app.baseUrl);
    const expert = await expertContext.newPage();
    await expert.goto(`${expertLink}?lang=${lang}`);
    const slot = { start: "2027-03-08T08:00:00.000Z", end: "2027-03-08T08:45:00.000Z" };
    const inOslo = `${formatSlot(slot, lang, "Europe/Oslo")} (${t.zones["Europe/Oslo"]})`;
    await expert.getByRole("button", { name: t.expert.confirmLabel(inOslo) }).click();
    await expect.poll(() => expert.locator("#confirmed-title").textContent()).toBe(t.expert.confirmedTitle);

    // After the session: both sign in again (a week has passed) and the member's token still works.
    app.clock.set("2027-03-08T12:00:00.000Z");
    await signInCoordinator(page, lang, app.coordinator);
    await member.goto(`/app/login?lang=${lang}`);
    await member.locator("#token").fill(memberToken);
    await member.getByRole("button", { name: t.login.submit, exact: true }).click();
    await expect.poll(() => member.locator("h1").textContent()).toBe(t.group.listTitle);

    // The coordinator records the outcome and the funding source.
    await page.locator(".area-nav").getByRole("link", { name: k.nav.consultations }).click();
    await page.getByRole("link", { name: "Earlier support for families" }).click();
    await page.locator("#actualStart").fill("2027-03-08 10:03");
    await page.locator("#actualMinutes").fill("41");
    await page.getByRole("button", { name: k.recordOutcome, exact: true }).click();
    await expect.poll(() => page.locator("#outcome-recorded").textContent()).toContain("41");
    await page.locator("#source").selectOption("ministry_international_unit");
    await page.getByRole("button", { name: k.setFunding, exact: true }).click();
    await expect.poll(() => page.locator("[data-testid=funding]").textContent()).toBe(k.fundingSources.ministry_international_unit);
    await noViolations(page, "consultation: outcome and funding");

    // The coordinator revokes the member's token; the member's next page load is refused.
    await page.locator(".area-nav").getByRole("link", { name: t.tokenList.nav }).click();
    await noViolations(page, "tokens");
    await page.getByRole("button", { name: t.tokenList.revokeNamed("Mirja Mielikuva") }).click();
    await expect.poll(() => page.locator(".notice, [role=status]").first().textContent()).toContain(t.tokenList.revoked);
    await member.reload();
    await member.waitForURL(/\/app\/login/);
    await expect.poll(() => member.locator("#token").count()).toBe(1);

    expect([...problems, ...memberProblems]).toEqual([]);
    await Promise.all([coordinatorContext.close(), memberContext.close(), expertContext.close()]);
  }, 300_000);
});
