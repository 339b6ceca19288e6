import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogues, type Lang } from "../../src/pages/i18n/index.js";
import { AFTER_SESSION, confirmedConsultation } from "../evaluations/fixtures.js";
import { seedGroup, TEST_NOW } from "../helpers/test-app.js";
import { AxeLog } from "./support/axe.js";
import { launchBrowser, newVisitor, watchProblems } from "./support/browser.js";
import { startServedApp, type ServedApp } from "./support/served-app.js";

/**
 * Issue 12's walks through the pages, in each language, one browser for all: a reschedule the
 * expert confirms (one meeting, moved); the expert's own times, one of which the member confirms;
 * an evaluation and a follow-up; the group's own meeting link. Every page state is checked with
 * axe-core and for width at 390 px; every form is sent twice (a double click) and every page after
 * a post is reloaded, and the API then shows that nothing was created twice.
 */
let browser: Browser;
const axe = new AxeLog();
beforeAll(async () => {
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  axe.print("group-expert-walks.test.ts");
});

const PHONE = 390;

/** axe-core finds nothing, and at 390 px nothing is wider than the viewport. */
async function pageState(page: Page, label: string) {
  const violations = await axe.check(page, label);
  expect(violations, `${label}: axe violations ${JSON.stringify(violations)}`).toEqual([]);
  await page.setViewportSize({ width: PHONE, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${label}: ${width} px wide at ${PHONE} px`).toBeLessThanOrEqual(PHONE);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A double click on a form's button: the form is sent twice before the first answer arrives. */
async function submitTwice(page: Page, formSelector: string) {
  const form = page.locator(formSelector);
  await Promise.all([
    page.waitForNavigation(),
    form.evaluate((f: HTMLFormElement) => {
      // The second send replaces the first navigation, as a double click does; both reach the server.
      f.requestSubmit();
      f.requestSubmit();
    }),
  ]);
  await page.waitForLoadState("load");
}

async function signIn(context: BrowserContext, token: string, lang: Lang): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/app/login?lang=${lang}`);
  await page.locator("#token").fill(token);
  await page.getByRole("button", { name: catalogues[lang].login.submit }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe(catalogues[lang].group.listTitle);
  return page;
}

describe.each(["sv", "fi", "en"] as const)("issue 12's walks in %s", (lang) => {
  const t = catalogues[lang];
  let app: ServedApp;
  beforeAll(async () => {
    app = await startServedApp();
  }, 60_000);
  afterAll(async () => app?.stop());

  async function requested(g: Awaited<ReturnType<typeof seedGroup>>) {
    const created = await app.call("POST", "/api/consultations", {
      token: g.memberToken,
      body: { topicId: g.topicId, briefId: g.briefId, expertId: g.expertId, durationMinutes: 45, slots: [{ start: "2027-03-08T10:00:00+02:00" }, { start: "2027-03-08T13:00:00+02:00" }] },
    });
    expect(created.status, created.text).toBe(201);
    const sent = await app.call("POST", `/api/consultations/${created.body.id}/request`, { token: g.memberToken });
    expect(sent.status, sent.text).toBe(200);
    return { id: created.body.id as string, secret: String(sent.body.expertLink).split("/e/")[1]!, slots: created.body.slots as { id: string }[] };
  }

  const read = async (token: string, id: string) => {
    const res = await app.call("GET", `/api/consultations/${id}`, { token });
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  it("a member reschedules a confirmed consultation and the expert confirms the new time: one meeting, moved", async () => {
    app.clock.set(TEST_NOW);
    const g = await seedGroup(app);
    const r = await requested(g);
    expect((await app.call("POST", `/api/expert/${r.secret}/confirm`, { body: { slotId: r.slots[0]!.id } })).status).toBe(200);
    const before = (await read(g.memberToken, r.id)).meeting;

    const member = await newVisitor(browser, app.baseUrl);
    const page = await signIn(member, g.memberToken, lang);
    const problems = watchProblems(page);
    await page.goto(`/app/consultations/${r.id}`);
    await pageState(page, "confirmed, with new times form");
    await page.locator("#slot-0").fill("2027-03-10T10:00");
    await page.locator("#slot-1").fill("2027-03-10T14:00");
    await submitTwice(page, `form[action="/app/consultations/${r.id}/reschedule"]`);
    expect(await page.locator(".notice").first().textContent()).toContain(t.lifecycle.rescheduled);
    await page.reload();
    await pageState(page, "rescheduled");
    // The old time is no longer offered as confirmed, nor its invitation.
    expect(await page.locator("[data-testid=confirmed-time]").count()).toBe(0);
    const moved = await read(g.memberToken, r.id);
    expect(moved).toMatchObject({ status: "requested", round: 1 });
    expect(moved.slots).toHaveLength(2);

    const expert = await newVisitor(browser, app.baseUrl);
    const expertPage = await expert.newPage();
    const expertProblems = watchProblems(expertPage);
    await expertPage.goto(`/e/${r.secret}?lang=${lang}`);
    await pageState(expertPage, "expert: new times");
    // The expert's page says the earlier time was withdrawn.
    expect(await expertPage.locator("main").textContent()).toContain(t.groupPages.expertNewTimes("Lastensuojelun kehittäjäryhmä"));
    await submitTwice(expertPage, "form[action$='/confirm'] >> nth=0");
    await expertPage.reload();
    await expect.poll(() => expertPage.locator("#confirmed-title").textContent()).toBe(t.expert.confirmedTitle);
    await pageState(expertPage, "expert: new time confirmed");

    const after = await read(g.memberToken, r.id);
    expect(after.status).toBe("confirmed");
    expect(after.confirmedSlot.start).toBe("2027-03-10T08:00:00.000Z");
    // One meeting, the same one, moved: the same UID with a higher sequence.
    expect(after.meeting.iCalUId).toBe(before.iCalUId);
    expect(after.meeting.start).toBe("2027-03-10T08:00:00.000Z");
    expect(await app.deps.db.selectFrom("meetings").select("consultationId").where("consultationId", "=", r.id).execute()).toHaveLength(1);
    expect([...problems, ...expertProblems]).toEqual([]);
    await member.close();
    await expert.close();
  }, 300_000);

  it("the expert proposes two other times and the member confirms one", async () => {
    app.clock.set(TEST_NOW);
    const g = await seedGroup(app);
    const r = await requested(g);
    const expert = await newVisitor(browser, app.baseUrl);
    const expertPage = await expert.newPage();
    const expertProblems = watchProblems(expertPage);
    await expertPage.goto(`/e/${r.secret}?lang=${lang}`);
    await pageState(expertPage, "expert: request with other-times form");
    // Wall times in the expert's zone (Stockholm): 09:00 and 14:30 there.
    await expertPage.locator("#slot-0").fill("2027-03-09T09:00");
    await expertPage.locator("#slot-1").fill("2027-03-09T14:30");
    await submitTwice(expertPage, "form[action$='/propose']");
    await expertPage.reload();
    await expect.poll(() => expertPage.locator("#proposed-title").textContent()).toBe(t.lifecycle.proposedTitle);
    await pageState(expertPage, "expert: other times proposed");
    const proposed = await read(g.memberToken, r.id);
    expect(proposed).toMatchObject({ status: "requested", slotsProposedBy: "expert", round: 1 });
    expect(proposed.slots.map((s: { start: string }) => s.start)).toEqual(["2027-03-09T08:00:00.000Z", "2027-03-09T13:30:00.000Z"]);

    const member = await newVisitor(browser, app.baseUrl);
    const page = await signIn(member, g.memberToken, lang);
    const problems = watchProblems(page);
    await page.goto(`/app/consultations/${r.id}`);
    await expect.poll(() => page.locator("#counter-title").textContent()).toBe(t.lifecycle.counterTitle);
    await pageState(page, "the expert's times to confirm");
    await submitTwice(page, `form[action="/app/consultations/${r.id}/accept"] >> nth=1`);
    await page.goto(`/app/consultations/${r.id}`);
    await page.reload();
    await pageState(page, "expert's time confirmed");
    const after = await read(g.memberToken, r.id);
    expect(after.status).toBe("confirmed");
    expect(after.confirmedSlot.start).toBe("2027-03-09T13:30:00.000Z");
    // 14:30 in Stockholm is 15:30 in Helsinki, the group's zone.
    expect(await page.locator("[data-testid=confirmed-time] .slot-when").textContent()).toMatch(/15[.:]30/);
    expect(await app.deps.db.selectFrom("meetings").select("consultationId").where("consultationId", "=", r.id).execute()).toHaveLength(1);
    expect([...problems, ...expertProblems]).toEqual([]);
    await member.close();
    await expert.close();
  }, 300_000);

  it("a member evaluates a held session and starts a follow-up, linked to the first", async () => {
    app.clock.set(TEST_NOW);
    const g = await seedGroup(app);
    const held = await confirmedConsultation(app, g);
    app.clock.set(AFTER_SESSION);
    const member = await newVisitor(browser, app.baseUrl);
    const page = await signIn(member, g.memberToken, lang);
    const problems = watchProblems(page);
    await page.goto(`/app/consultations/${held.consultationId}`);
    await pageState(page, "held, evaluation form");
    for (const f of ["usefulness", "preparation", "technicalQuality"]) await page.locator(`input[name=${f}][value="4"]`).check();
    await page.locator("input[name=durationFit]").first().check();
    await page.locator("input[name=wouldRecommend][value=yes]").check();
    await page.locator("input[name=followUpInterest][value=yes]").check();
    await page.locator("#followUpTopic").fill("How the family centre measures early contact");
    await submitTwice(page, `form[action="/app/consultations/${held.consultationId}/evaluation"]`);
    await page.reload();
    expect(await page.locator(".notice").first().textContent()).toContain(t.groupPages.evaluated);
    await pageState(page, "evaluation received");
    const stored = await app.deps.db.selectFrom("evaluations").select(["side", "followUpInterest"]).where("consultationId", "=", held.consultationId).execute();
    expect(stored).toEqual([{ side: "member", followUpInterest: 1 }]);

    await page.getByRole("link", { name: t.groupPages.followUpStart }).click();
    await pageState(page, "follow-up: times");
    expect(await page.locator("main").textContent()).toContain(t.groupPages.followUpNote("Early support for families"));
    await page.locator("#slot-0").fill("2027-03-22T10:00");
    await page.locator("#slot-1").fill("2027-03-23T13:00");
    await submitTwice(page, "form[action='/app/new/times']");
    await expect.poll(() => page.locator("h1").textContent()).toBe(t.newFlow.sentTitle);
    await page.reload();
    await pageState(page, "follow-up: request ready");
    const followUps = await app.deps.db.selectFrom("consultations").select(["id", "status"]).where("followUpOf", "=", held.consultationId).execute();
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.status).toBe("requested");
    expect(problems).toEqual([]);
    await member.close();
  }, 300_000);

  it("the list, the directory, the topic step and the request pages fit 390 px and pass axe", async () => {
    app.clock.set(TEST_NOW);
    const g = await seedGroup(app);
    const r = await requested(g);
    const member = await newVisitor(browser, app.baseUrl);
    const page = await signIn(member, g.memberToken, lang);
    const problems = watchProblems(page);
    await pageState(page, "consultation list");
    await page.goto("/app/new");
    await pageState(page, "new: topic and brief");
    await page.goto(`/app/new/expert?brief=${g.briefId}`);
    await pageState(page, "new: directory, by the topic's theme");
    await page.goto(`/app/new/times?brief=${g.briefId}&expert=${g.expertId}`);
    await pageState(page, "new: times");
    await page.goto(`/app/consultations/${r.id}/sent`);
    await pageState(page, "the request again");
    await page.goto("/no-such-page");
    await pageState(page, "unknown address");
    expect(problems).toEqual([]);
    await member.close();
  }, 300_000);

  it("closed consultations, the funding source and a new link: every state passes axe and fits 390 px", async () => {
    app.clock.set(TEST_NOW);
    const g = await seedGroup(app);
    const declined = await requested(g);
    expect((await app.call("POST", `/api/expert/${declined.secret}/decline`, { body: { reason: "Not my field this spring" } })).status).toBe(200);
    const cancelled = await requested(g);
    expect((await app.call("POST", `/api/expert/${cancelled.secret}/confirm`, { body: { slotId: cancelled.slots[0]!.id } })).status).toBe(200);
    expect((await app.call("POST", `/api/consultations/${cancelled.id}/cancel`, { token: g.memberToken, body: { reason: "Plans changed" } })).status).toBe(200);
    const open = await requested(g);
    const member = await newVisitor(browser, app.baseUrl);
    const page = await signIn(member, g.memberToken, lang);
    const expert = await newVisitor(browser, app.baseUrl);
    const expertPage = await expert.newPage();
    const problems = [...watchProblems(page), ...watchProblems(expertPage)];

    await page.goto(`/app/consultations/${declined.id}`);
    expect(await page.locator("#decline-reason").textContent()).toBe("Not my field this spring");
    await pageState(page, "declined, with the reason");
    await page.goto(`/app/consultations/${cancelled.id}`);
    await expect.poll(() => page.locator("#cancelled-title").textContent()).toBe(t.lifecycle.cancelledTitle);
    await pageState(page, "cancelled, with the cancelling invitation");
    await expertPage.goto(`/e/${cancelled.secret}?lang=${lang}`);
    await pageState(expertPage, "expert: cancelled");

    await page.goto(`/app/consultations/${open.id}`);
    await page.locator("#funding").selectOption("pilot_grant");
    await submitTwice(page, `form[action="/app/consultations/${open.id}/funding"]`);
    await page.reload();
    expect(await page.locator(".notice").first().textContent()).toContain(t.groupPages.fundingSaved);
    await pageState(page, "funding source saved");
    expect((await read(g.memberToken, open.id)).fundingSource).toBe("pilot_grant");

    await page.goto(`/app/consultations/${open.id}/sent`);
    await submitTwice(page, `form[action="/app/consultations/${open.id}/new-link"]`);
    await page.reload();
    await pageState(page, "a new link issued");
    const links = await app.deps.db.selectFrom("expert_links").select("revokedAt").where("consultationId", "=", open.id).execute();
    expect(links).toHaveLength(2);
    expect(links.filter((l) => l.revokedAt === null)).toHaveLength(1);

    // Every time has started: expired, and the page offers a new round from the same brief.
    app.clock.set("2027-03-09T08:00:00.000Z");
    // A week later the session has ended too: sign in again, as the member would.
    const later = await signIn(await newVisitor(browser, app.baseUrl), g.memberToken, lang);
    problems.push(...watchProblems(later));
    await later.goto(`/app/consultations/${open.id}`);
    await expect.poll(() => later.locator("#again-title").textContent()).toBe(t.lifecycle.proposeAgainTitle);
    await pageState(later, "expired, ask again");
    await later.context().close();
    expect(problems).toEqual([]);
    await member.close();
    await expert.close();
  }, 300_000);

  it("a group without a tenant pastes its own meeting link; the expert's page and the invitation carry it", async () => {
    app.clock.set(TEST_NOW);
    const g = await seedGroup(app);
    const r = await requested(g);
    const url = `https://teams.microsoft.com/l/meetup-join/invented-${lang}`;
    const member = await newVisitor(browser, app.baseUrl);
    const page = await signIn(member, g.memberToken, lang);
    const problems = watchProblems(page);
    await page.goto(`/app/consultations/${r.id}`);
    await page.locator("#meetingUrl").fill("not a link");
    await page.locator(`form[action="/app/consultations/${r.id}/meeting-link"] button`).click();
    await pageState(page, "own meeting link, refused");
    await page.locator("#meetingUrl").fill(url);
    await submitTwice(page, `form[action="/app/consultations/${r.id}/meeting-link"]`);
    await page.reload();
    expect(await page.locator(".notice").first().textContent()).toContain(t.lifecycle.ownLinkSaved);
    await pageState(page, "own meeting link saved");

    const expert = await newVisitor(browser, app.baseUrl);
    const expertPage = await expert.newPage();
    const expertProblems = watchProblems(expertPage);
    await expertPage.goto(`/e/${r.secret}?lang=${lang}`);
    await expertPage.locator("form[action$='/confirm'] button").first().click();
    await expect.poll(() => expertPage.locator("#confirmed-title").textContent()).toBe(t.expert.confirmedTitle);
    expect(await expertPage.locator(`a[href="${url}"]`).count()).toBeGreaterThan(0);
    await pageState(expertPage, "expert: confirmed with the group's link");
    const [download] = await Promise.all([expertPage.waitForEvent("download"), expertPage.getByRole("link", { name: t.common.downloadIcs }).click()]);
    const ics = readFileSync((await download.path())!, "utf8").replace(/\r?\n[ \t]/g, "");
    expect(ics).toContain(`LOCATION:${url}`);
    expect([...problems, ...expertProblems]).toEqual([]);
    await member.close();
    await expert.close();
  }, 300_000);
});
