import { afterEach, describe, expect, it } from "vitest";
import { catalogues } from "../../src/pages/i18n/index.js";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

async function signedIn(lang: string) {
  t = await testApp();
  const g = await seedGroup(t, { languages: ["sv"] });
  const member = new PageClient(t);
  await member.get(`/app/login?lang=${lang}`);
  expect((await member.post("/app/login", { token: g.memberToken })).status).toBe(303);
  return { g, member };
}

describe.each(["sv", "fi", "en"] as const)("the new consultation's hints, in %s", (lang) => {
  it("says before sending that the expert does not read the brief's language", async () => {
    const { g, member } = await signedIn(lang);
    const page = await member.get(`/app/new/times?brief=${g.briefId}&expert=${g.expertId}`);
    expect(page.status).toBe(200);
    const expected = catalogues[lang].groupPages.briefLanguage("§", "Astrid", "§").split("§")[0]!;
    expect(page.html).toContain(expected.trim());
  });

  it("opens the directory filtered by the topic's theme, and a search without a theme shows everyone", async () => {
    const { g, member } = await signedIn(lang);
    const page = await member.get(`/app/new/expert?brief=${g.briefId}`);
    expect(page.html).toMatch(/<option value="child protection" selected/);
    const all = await member.get(`/app/new/expert?brief=${g.briefId}&theme=&country=&language=`);
    expect(all.html).not.toMatch(/<option value="child protection" selected/);
  });

  it("lists the group's topics with their briefs, each starting a new consultation from that brief", async () => {
    const { g, member } = await signedIn(lang);
    const page = await member.get("/app/new");
    expect(page.html).toContain(catalogues[lang].newFlow.existingTitle);
    expect(page.html).toContain("Early support for families");
    expect(page.html).toContain(`href="/app/new/expert?brief=${g.briefId}"`);
    expect(page.html).toContain("Referrals arrive late; we want earlier contact.");
  });
});
