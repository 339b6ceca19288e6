import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogues, type Lang } from "../../src/pages/i18n/index.js";
import { launchBrowser, newVisitor, watchProblems } from "./support/browser.js";
import { seedScenario, type Scenario } from "./support/scenario.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

/**
 * Every form, sent with mistakes in a real browser: each error appears right by its own field,
 * in the page's language, the field points to it (aria-describedby), and what was typed is kept.
 */
let browser: Browser;
let app: ServedApp;
let s: Scenario;

beforeAll(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startServedApp()]);
  s = await seedScenario(app);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The error is visible, says `message`, sits in the field's own box just above the control, and the control names it. */
async function expectErrorAt(page: Page, fieldId: string, message: string) {
  const error = page.locator(`#${fieldId}-error`);
  expect(await error.textContent(), fieldId).toBe(message);
  expect(await error.isVisible(), fieldId).toBe(true);
  const placement = await page.evaluate((id) => {
    const control = document.getElementById(id) as HTMLInputElement;
    const error = document.getElementById(`${id}-error`)!;
    // A radio group is described as a whole by its fieldset.
    const described = control.type === "radio" ? control.closest("fieldset")! : control;
    const box = control.closest(".field")!;
    return {
      sameBox: box.contains(error),
      describedBy: (described.getAttribute("aria-describedby") ?? "").split(" ").includes(`${id}-error`),
      gap: control.getBoundingClientRect().top - error.getBoundingClientRect().bottom,
    };
  }, fieldId);
  expect(placement.sameBox, `${fieldId} error in the field's box`).toBe(true);
  expect(placement.describedBy, `${fieldId} aria-describedby`).toBe(true);
  expect(placement.gap, `${fieldId} error just above its control`).toBeGreaterThanOrEqual(-1);
  expect(placement.gap, `${fieldId} error just above its control`).toBeLessThan(80);
}

const send = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();

describe.each(["en", "fi", "sv"] as const)("forms in %s", (lang: Lang) => {
  const t = catalogues[lang];
  const v = t.validation;

  it("show each error next to its field and keep what was typed", async () => {
    const context = await newVisitor(browser, app.baseUrl);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`/app/login?lang=${lang}`);

    await send(page, t.login.submit);
    await expectErrorAt(page, "token", v.required);
    // The summary at the top takes the focus, and its link takes it on to the field.
    expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    await page.locator(".error-summary a").first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("token");
    await page.locator("#token").fill(s.memberToken);
    await send(page, t.login.submit);

    // Topic and brief.
    await page.goto("/app/new");
    const long = "Ä".repeat(2001);
    await page.locator("#theme").selectOption("child protection");
    await page.locator("#description").fill("Family centre");
    await page.locator("#challenge").fill(long);
    await expect.poll(() => page.locator("#challenge-count").textContent()).toBe(t.common.charOver(1));
    await page.locator("#question-0").fill("Q".repeat(501));
    await page.locator("#question-1").fill("How do you measure it?");
    await send(page, t.newFlow.saveTopic);
    await expectErrorAt(page, "title", v.required);
    await expectErrorAt(page, "challenge", v.tooLong(2000));
    await expectErrorAt(page, "question-0", v.tooLong(500));
    expect(await page.locator("#challenge").inputValue()).toBe(long);
    expect(await page.locator("#theme").inputValue()).toBe("child protection");
    expect(await page.locator("#question-1").inputValue()).toBe("How do you measure it?");

    // Times.
    await page.goto(`/app/new/times?brief=${s.briefId}&expert=${s.expertId}`);
    await page.locator("#duration").selectOption("30");
    await page.locator("#slot-0").fill("2027-03-20T10:00");
    await page.locator("#slot-1").fill("2027-03-20T10:10");
    await page.locator("#slot-2").fill("2027-01-10T10:00");
    await send(page, t.newFlow.sendRequest);
    await expectErrorAt(page, "slot-1", v.slotOverlap(1));
    await expectErrorAt(page, "slot-2", v.slotPast);
    expect(await page.locator("#slot-1").inputValue()).toBe("2027-03-20T10:10");
    expect(await page.locator("#duration").inputValue()).toBe("30");

    // Cancelling needs a reason.
    await page.goto(`/app/consultations/${s.open.id}`);
    await send(page, t.group.cancel);
    await expectErrorAt(page, "reason", v.required);

    // The expert's decline and evaluation.
    await page.goto(`/e/${s.toDecline[lang].secret}`);
    await page.locator("#reason").fill("R".repeat(1001));
    await send(page, t.expert.decline);
    await expectErrorAt(page, "reason", v.tooLong(1000));
    expect(await page.locator("#reason").inputValue()).toBe("R".repeat(1001));
    await page.goto(`/e/${s.held.secret}`);
    await page.locator("#actualMinutes").fill("0");
    await page.locator("#followUpTopic").fill("Measuring outcomes");
    await page.locator("#learnings").fill("Families came earlier when called.");
    await send(page, t.evaluation.submit);
    await expectErrorAt(page, "actualMinutes", v.minutesRange);
    if (lang === "en") {
      // The first language's run meets an empty form; later runs start from its saved answers.
      for (const f of ["usefulness", "preparation", "technicalQuality", "durationFit", "wouldRecommend"])
        await expectErrorAt(page, f, v.invalidChoice);
      await expectErrorAt(page, "followUpInterest", v.invalidChoice);
    }
    expect(await page.locator("#learnings").inputValue()).toBe("Families came earlier when called.");
    expect(await page.locator("#followUpTopic").inputValue()).toBe("Measuring outcomes");
    if (lang === "en") {
      for (const f of ["usefulness-4", "preparation-3", "technicalQuality-4", "durationFit-1", "wouldRecommend", "followUpInterest-1"])
        await page.locator(`#${f}`).check();
      await page.locator("#actualMinutes").fill("42");
      await send(page, t.evaluation.submit);
      await expectErrorAt(page, "followUpTopic", v.followUpTopicWithoutInterest);
      expect(await page.locator("#preparation-3").isChecked()).toBe(true);
    }

    // Accessibility feedback.
    await page.goto("/accessibility");
    await page.locator("#name").fill("Åsa Exempel");
    await page.locator("#email").fill("asa@");
    await send(page, t.accessibility.submit);
    await expectErrorAt(page, "message", v.required);
    await expectErrorAt(page, "email", v.email);
    expect(await page.locator("#name").inputValue()).toBe("Åsa Exempel");
    expect(await page.locator("#email").inputValue()).toBe("asa@");

    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
