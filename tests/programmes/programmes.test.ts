import { afterEach, describe, expect, it } from "vitest";
import { catalogues } from "../../src/pages/i18n/index.js";
import { PageClient } from "../pages/page-client.js";
import { seedRequested, testApp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
afterEach(async () => t?.close());

const keyProjects = { name: "Lastensuojelun kärkihanke (keksitty)", description: "Invented for the tests" };

describe("programmes", () => {
  it("are kept by the coordinator, and a consultation can be filed under one and taken out again", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const created = await t.call("POST", "/api/programmes", { token: t.coordinator, body: keyProjects });
    expect(created.status).toBe(201);
    expect((await t.call("POST", "/api/programmes", { token: t.coordinator, body: { name: keyProjects.name.toUpperCase() } })).status).toBe(409);
    expect((await t.call("POST", "/api/programmes", { token: s.memberToken, body: { name: "Toinen" } })).status).toBe(403);
    expect((await t.call("GET", "/api/programmes", { token: s.memberToken })).status).toBe(403);
    expect((await t.call("POST", "/api/programmes", { token: t.coordinator, body: { name: "" } })).status).toBe(400);

    const put = (programmeId: string | null, token = t.coordinator, id = s.consultationId) => t.call("PUT", `/api/consultations/${id}/programme`, { token, body: { programmeId } });
    expect((await put(created.body.id)).body).toEqual({ consultationId: s.consultationId, programmeId: created.body.id });
    expect((await put(created.body.id, s.memberToken)).status).toBe(403);
    expect((await put(crypto.randomUUID())).status).toBe(400);
    expect((await put(created.body.id, t.coordinator, crypto.randomUUID())).status).toBe(404);
    expect((await put(null)).body.programmeId).toBeNull();
    const listed = await t.call("GET", "/api/programmes", { token: t.coordinator });
    expect(listed.body.items.map((p: { name: string }) => p.name)).toEqual([keyProjects.name]);
  });

  it("are added on their page and chosen on the consultation's page", async () => {
    t = await testApp();
    const s = await seedRequested(t);
    const page = new PageClient(t, { acceptLanguage: "fi" });
    await page.post("/coordinator/login", { token: t.coordinator });
    const k = catalogues.fi.programmeList;
    // No programme yet: the consultation page offers none.
    expect((await page.get(`/coordinator/consultations/${s.consultationId}`)).html).not.toContain('id="programmeId"');
    const empty = await page.post("/coordinator/programmes", { name: " ", description: "Kuvaus jää" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('id="name-error"');
    expect(empty.html).toContain("Kuvaus jää");
    expect((await page.post("/coordinator/programmes", keyProjects, { csrf: null })).status).toBe(403);
    expect((await page.post("/coordinator/programmes", keyProjects)).location).toBe("/coordinator/programmes?saved=1");
    expect((await page.post("/coordinator/programmes", keyProjects)).html).toContain(`id="name-error">${k.duplicate}`);

    const programmeId = (await t.call("GET", "/api/programmes", { token: t.coordinator })).body.items[0].id as string;
    const set = await page.post(`/coordinator/consultations/${s.consultationId}/programme`, { programmeId });
    expect(set.location).toBe(`/coordinator/consultations/${s.consultationId}?done=programme`);
    const shown = await page.get(set.location!);
    expect(shown.html).toContain(k.set);
    expect(shown.html).toContain(`<option value="${programmeId}" selected="">`);
    expect((await page.post(`/coordinator/consultations/${s.consultationId}/programme`, { programmeId: "nonsense" })).status).toBe(400);
    expect((await page.post(`/coordinator/consultations/${s.consultationId}/programme`, { programmeId }, { csrf: null })).status).toBe(403);
  });
});
