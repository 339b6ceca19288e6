import { afterEach, describe, expect, it } from "vitest";
import { catalogues } from "../../src/pages/i18n/index.js";
import { selectedOf, signedIn, textOf, valueOf } from "../pages/page-client.js";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
afterEach(async () => t?.close());

const topic = { title: "Tidigt stöd", description: "Att nå familjer tidigare." };
const brief = { challenge: "Remisserna kommer sent.", question: ["Vad fungerar?", "", "", "", "", "", ""], language: "sv" };

const expertForm = (orgId: string, themes: string[]) => ({
  organisationId: orgId,
  name: "Hedda Påhittad",
  email: "hedda.pahittad@example.se",
  languages: "sv, en",
  timeZone: "Europe/Stockholm",
  themes,
});

describe("topics and experts choose their themes from the managed list", () => {
  it("the API refuses a theme not on the list with the field named, and stores the list's key for one that is", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const refused = await t.call("POST", "/api/topics", { token: g.memberToken, body: { ...topic, theme: "knitting circles" } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "theme", rule: "themeList" }] });
    // Case and spaces do not matter: the English name is the key.
    const created = await t.call("POST", "/api/topics", { token: g.memberToken, body: { ...topic, theme: " Elderly Care " } });
    expect(created.status).toBe(201);
    expect(created.body.theme).toBe("elderly care");

    const expert = { organisationId: g.orgId, name: "Hedda Påhittad", email: "hedda@example.se", languages: ["sv"], timeZone: "Europe/Stockholm" };
    const bad = await t.call("POST", "/api/experts", { token: t.coordinator, body: { ...expert, themes: ["Child protection", "knitting circles"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([{ path: "themes.1", message: expect.any(String), rule: "themeList" }]);
    const made = await t.call("POST", "/api/experts", { token: t.coordinator, body: { ...expert, themes: ["Child protection", "child protection "] } });
    expect(made.status).toBe(201);
    expect(made.body.themes).toEqual(["child protection"]);
    const patched = await t.call("PATCH", `/api/experts/${made.body.id}`, { token: t.coordinator, body: { themes: ["youth work"] } });
    expect(patched.status).toBe(400);
    expect(patched.body.error.issues[0]).toMatchObject({ path: "themes.0", rule: "themeList" });
    const unchanged = await t.call("GET", `/api/experts?q=hedda`, { token: t.coordinator });
    expect(unchanged.body.items[0].themes).toEqual(["child protection"]);

    // The rule and its refusal are in the OpenAPI document.
    const doc = (await t.call("GET", "/openapi.json")).body;
    expect(doc.paths["/api/topics"].post.responses["400"]).toBeDefined();
    expect(doc.paths["/api/experts/{id}"].patch.responses["400"]).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.CreateTopic)).toContain("themeList");
    expect(JSON.stringify(doc.components.schemas.CreateExpert)).toContain("themeList");
  });

  it("a Swedish topic form offers the list by its Swedish names and puts the refusal next to the field, keeping what was typed", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const page = await signedIn(t, "/app/login", g.memberToken, "sv");
    const form = await page.get("/app/new");
    expect(form.html).toContain('<option value="child protection">Barnskydd</option>');
    expect(form.html).toContain('<option value="elderly care">Äldreomsorg</option>');
    expect(form.html).not.toContain(">Child protection<");

    const sent = await page.post("/app/new", { ...topic, ...brief, theme: "knitting circles", formKey: crypto.randomUUID() });
    expect(sent.status).toBe(400);
    expect(textOf(sent.html, "theme-error")).toBe(catalogues.sv.themeChoice.notOnList);
    expect(valueOf(sent.html, "title")).toBe("Tidigt stöd");
    expect(sent.html).toContain(">Remisserna kommer sent.</textarea>");

    expect((await page.post("/app/new", { ...topic, ...brief, theme: "child protection" }, { csrf: null })).status).toBe(403);
    const fine = await page.post("/app/new", { ...topic, ...brief, theme: "child protection", formKey: crypto.randomUUID() });
    expect(fine.status).toBe(303);
    // The next form lists the new topic under the theme's Swedish name; an empty choice is "Välj ett tema".
    const again = await page.get("/app/new");
    expect(again.html).toContain("Tidigt stöd</strong> <span class=\"hint\">(Barnskydd)</span>");
    expect(selectedOf(again.html, "theme")).toBe("");
  });

  it("the expert form ticks themes from the list, refuses one not on it next to the field, and old free text shows as stored", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const page = await signedIn(t, "/coordinator/login", t.coordinator, "fi");
    const form = await page.get("/coordinator/directory/experts/new");
    expect(form.html).toMatch(/<input type="checkbox" id="themes(-\d+)?" name="themes" value="child protection"\/?>\s*<label for="themes(-\d+)?">Lastensuojelu<\/label>/);

    const refused = await page.post("/coordinator/directory/experts/new", expertForm(g.orgId, ["child protection", "knitting circles"]));
    expect(refused.status).toBe(400);
    expect(textOf(refused.html, "themes-error")).toBe(catalogues.fi.themeChoice.notOnList);
    expect(valueOf(refused.html, "name")).toBe("Hedda Påhittad");
    expect(refused.html).toMatch(/name="themes" value="child protection" checked=""/);
    const none = await page.post("/coordinator/directory/experts/new", expertForm(g.orgId, []));
    expect(textOf(none.html, "themes-error")).toBe(catalogues.fi.validation.required);
    expect((await page.post("/coordinator/directory/experts/new", expertForm(g.orgId, ["elderly care"]), { csrf: null })).status).toBe(403);

    const saved = await page.post("/coordinator/directory/experts/new", expertForm(g.orgId, ["elderly care", "youth services"]));
    expect(saved.location).toBe("/coordinator/directory?saved=1");
    const directory = await page.get("/coordinator/directory");
    expect(directory.html).toContain("Ikääntyneiden palvelut, Nuorisopalvelut");

    // A theme stored before the list (no entry for it) is shown as it was stored.
    await t.handle.db.updateTable("experts").set({ themes: JSON.stringify(["Barnavård förr"]) }).where("id", "=", g.expertId).execute();
    expect((await page.get("/coordinator/directory")).html).toContain("<td>Barnavård förr</td>");
    const edit = await page.get(`/coordinator/directory/experts/${g.expertId}`);
    expect(edit.html).toMatch(/name="themes" value="Barnavård förr" checked=""/);
  });
});
