import { afterEach, describe, expect, it } from "vitest";
import { testApp, twoSlots, type TestApp } from "../helpers/test-app.js";
import { PageClient, textOf, valueOf } from "./page-client.js";

let t: TestApp;
afterEach(async () => t?.close());

const idFrom = (location: string | null, prefix: string) => location!.slice(prefix.length).split(/[?/]/)[0]!;

describe("the coordinator's workplace pages", () => {
  for (const lang of ["en", "sv", "fi"] as const) {
    it(`runs the directory, a group and a consultation's outcome and funding from the pages (${lang})`, async () => {
      t = await testApp();
      const page = new PageClient(t, { acceptLanguage: lang });
      expect((await page.post("/coordinator/login", { token: t.coordinator })).location).toBe("/coordinator");
      const k = (await import("../../src/pages/i18n/index.js")).catalogues[lang].workplace;

      // An organisation without a criterion comes back with the error by the field and the name kept.
      const noCriterion = await page.post("/coordinator/directory/organisations/new", { name: "Nordisk Välfärd Testcenter", country: "NO" });
      expect(noCriterion.status).toBe(400);
      expect(noCriterion.html).toContain(`id="criteria-error">${k.criteriaRequired}`);
      expect(valueOf(noCriterion.html, "name")).toBe("Nordisk Välfärd Testcenter");
      const org = await page.post("/coordinator/directory/organisations/new", { name: "Nordisk Välfärd Testcenter", country: "NO", nationallySignificant: "1", innovative: "1", criteriaNote: "Kjent for sitt arbeid" });
      expect(org.location).toBe("/coordinator/directory?saved=1");
      const orgs = (await t.call("GET", "/api/organisations", { token: t.coordinator })).body.items;
      expect(orgs[0]).toMatchObject({ country: "NO", criteria: { nationallySignificant: true, innovative: true, evidenceBased: false } });

      // An expert in Oslo; a bad e-mail is named by the field and the other values stay.
      const expertFields = { organisationId: orgs[0].id, name: "Ola Oppdiktet", email: "not-an-address", languages: "no, en", timeZone: "Europe/Oslo", themes: "child protection" };
      const bad = await page.post("/coordinator/directory/experts/new", expertFields);
      expect(bad.status).toBe(400);
      expect(bad.html).toContain('id="email-error"');
      expect(valueOf(bad.html, "languages")).toBe("no, en");
      expect(bad.html).toMatch(/<option value="Europe\/Oslo" selected="">/);
      expect((await page.post("/coordinator/directory/experts/new", { ...expertFields, email: "ola.oppdiktet@example.no" })).location).toBe("/coordinator/directory?saved=1");
      const dup = await page.post("/coordinator/directory/experts/new", { ...expertFields, name: "Ola Again", email: "OLA.oppdiktet@example.no" });
      expect(dup.status).toBe(400);
      expect(dup.html).toContain(`id="email-error">${k.duplicateExpert}`);
      const expert = (await t.call("GET", "/api/experts", { token: t.coordinator })).body.items[0];
      expect(expert).toMatchObject({ timeZone: "Europe/Oslo", languages: ["no", "en"] });

      // A group and a member: the token is shown once and works for the member's pages.
      const group = await page.post("/coordinator/groups", { name: "Barnskyddets utvecklingsgrupp", organisation: "Österbottens välfärdsområde" });
      const groupId = idFrom(group.location, "/coordinator/groups/");
      const added = await page.post(`/coordinator/groups/${groupId}/members`, { name: "Maja Påhittad", email: "maja.pahittad@example.fi", language: lang });
      expect(added.status).toBe(200);
      const token = valueOf(added.html, "issued-token")!;
      expect(token).toMatch(/^smr_m_/);
      expect((await page.get(`/coordinator/groups/${groupId}`)).html).not.toContain(token);
      const member = new PageClient(t, { acceptLanguage: lang });
      expect((await member.post("/app/login", { token })).location).toBe("/app");

      // The member's request and the expert's confirmation (their pages have their own tests), then the session ends.
      const topic = await t.call("POST", "/api/topics", { token, body: { title: "Tidigt stöd", theme: "child protection", description: "Att nå familjer tidigare." } });
      const brief = await t.call("POST", `/api/topics/${topic.body.id}/briefs`, { token, body: { challenge: "Anmälningar kommer sent.", questions: ["Vad fungerar?"], language: "sv" } });
      const draft = await t.call("POST", "/api/consultations", { token, body: { topicId: topic.body.id, briefId: brief.body.id, expertId: expert.id, durationMinutes: 45, slots: twoSlots } });
      const requested = await t.call("POST", `/api/consultations/${draft.body.id}/request`, { token });
      const secret = String(requested.body.expertLink).split("/e/")[1];
      expect((await t.call("POST", `/api/expert/${secret}/confirm`, { body: { slotId: draft.body.slots[0].id } })).status).toBe(200);
      t.clock.set("2027-03-08T12:00:00.000Z");
      // A week later the session of the first day has ended: sign in again.
      await page.post("/coordinator/login", { token: t.coordinator });

      const id = draft.body.id as string;
      const listed = await page.get(`/coordinator/consultations?country=NO&group=${groupId}`);
      expect(listed.html).toContain(`/coordinator/consultations/${id}`);
      expect((await page.get("/coordinator/consultations?country=SE")).html).not.toContain(`/coordinator/consultations/${id}`);

      const wrongMinutes = await page.post(`/coordinator/consultations/${id}/outcome`, { outcome: "held", actualStart: "2027-03-08 10:05", actualMinutes: "0" });
      expect(wrongMinutes.status).toBe(400);
      expect(wrongMinutes.html).toContain(`id="actualMinutes-error">${k.minutesInvalid}`);
      expect(valueOf(wrongMinutes.html, "actualStart")).toBe("2027-03-08 10:05");
      expect((await page.post(`/coordinator/consultations/${id}/outcome`, { outcome: "held", actualStart: "2027-03-08 10:05", actualMinutes: "40" })).status).toBe(303);
      expect((await page.post(`/coordinator/consultations/${id}/funding`, { source: "ministry_international_unit" })).status).toBe(303);
      const done = await page.get(`/coordinator/consultations/${id}?done=funding`);
      expect(done.html).toContain(k.fundingSources.ministry_international_unit);
      expect(textOf(done.html, "outcome-recorded")).toContain("40");

      // Removing the member from the page ends their sign-in.
      const members = (await t.call("GET", `/api/groups/${groupId}/members`, { token: t.coordinator })).body.items;
      expect((await page.post(`/coordinator/groups/${groupId}/members/${members[0].id}/remove`, {})).status).toBe(303);
      expect((await t.call("GET", `/api/groups/${groupId}/members`, { token: t.coordinator })).body.items).toEqual([]);
    });
  }

  it("refuses every workplace form without the CSRF token, and the pages without a coordinator session", async () => {
    t = await testApp();
    const page = new PageClient(t, { acceptLanguage: "en" });
    expect((await page.get("/coordinator/directory")).location).toBe("/coordinator/login");
    await page.post("/coordinator/login", { token: t.coordinator });
    for (const path of ["/coordinator/directory/organisations/new", "/coordinator/directory/experts/new", "/coordinator/groups", "/coordinator/feedback/x/answer", "/coordinator/outbox/x/retry", "/coordinator/tokens/x/revoke"]) {
      expect((await page.post(path, { name: "X" }, { csrf: null })).status, path).toBe(403);
      expect((await page.post(path, { name: "X" }, { origin: "https://evil.example" })).status, path).toBe(403);
    }
    expect((await t.call("GET", "/api/groups", { token: t.coordinator })).body.items).toEqual([]);
    for (const path of ["/coordinator/directory", "/coordinator/groups", "/coordinator/consultations", "/coordinator/outbox", "/coordinator/feedback", "/coordinator/tokens", "/coordinator/directory/experts/new"]) {
      expect((await page.get(path)).status, path).toBe(200);
    }
  });
});
