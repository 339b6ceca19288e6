import { afterEach, describe, expect, it } from "vitest";
import { catalogues } from "../../src/pages/i18n/index.js";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";
import { PageClient } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

async function signedIn(lang: string) {
  const g = await seedGroup(t);
  const member = new PageClient(t);
  await member.get(`/app/login?lang=${lang}`);
  expect((await member.post("/app/login", { token: g.memberToken })).status).toBe(303);
  return { g, member };
}

describe.each(["sv", "fi", "en"] as const)("suggested times on the times step, in %s", (lang) => {
  const g12 = catalogues[lang].groupPages;

  it("without a tenant says why there are none", async () => {
    t = await testApp();
    const { g, member } = await signedIn(lang);
    const page = await member.get(`/app/new/times?brief=${g.briefId}&expert=${g.expertId}`);
    expect(page.html).toContain(g12.suggestNone);
    expect(page.html).not.toContain('name="suggest"');
  });

  it("with the members' calendars offers the API's suggestions, and one click fills the first empty time", async () => {
    t = await testApp();
    // Free/busy as a connected tenant answers it: everyone free.
    Object.assign(t.deps, { freeBusy: { available: true, busy: async (emails: string[]) => new Map(emails.map((e) => [e, []])) } });
    const { g, member } = await signedIn(lang);
    const page = await member.get(`/app/new/times?brief=${g.briefId}&expert=${g.expertId}`);
    expect(page.html).toContain(g12.suggestTitle);
    const starts = [...page.html.matchAll(/name="suggest" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(starts.length).toBeGreaterThan(1);
    const api = await t.call("GET", `/api/consultations/suggestions?expertId=${g.expertId}&durationMinutes=45`, { token: g.memberToken });
    expect(api.status, api.text).toBe(200);
    expect(starts).toEqual(api.body.slots.map((s: { start: string }) => s.start));
    const formKey = /name="formKey" value="([^"]+)"/.exec(page.html)![1]!;
    const filled = await member.post("/app/new/times", { brief: g.briefId, expert: g.expertId, duration: "45", slot: ["2027-03-20T10:00", "", ""], formKey, suggest: starts[1]! });
    expect(filled.status).toBe(200);
    const values = [...filled.html.matchAll(/name="slot" type="datetime-local" class="input" value="([^"]*)"/g)].map((m) => m[1]);
    expect(values[0]).toBe("2027-03-20T10:00");
    expect(values[1]).toMatch(/^2027-\d\d-\d\dT\d\d:\d\d$/);
    expect(await t.deps.db.selectFrom("consultations").select("id").execute()).toHaveLength(0);
  });
});
