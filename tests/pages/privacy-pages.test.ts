import { describe, expect, it } from "vitest";
import { catalogues } from "../../src/pages/i18n/index.js";
import { seedGroup, testApp } from "../helpers/test-app.js";
import { PageClient } from "./page-client.js";

describe("the privacy notice", () => {
  it("speaks fi, sv and en, with the organisation's name, contact and retention period from the settings", async () => {
    const t = await testApp({
      env: { RETENTION_MONTHS: "18", PRIVACY_CONTROLLER_NAME: "Pohjanmaan hyvinvointialue (keksitty)", PRIVACY_CONTACT: "tietosuoja@example.fi" },
    });
    const client = new PageClient(t);
    for (const lang of ["fi", "sv", "en"] as const) {
      const page = await client.get(`/privacy?lang=${lang}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain(`<html lang="${lang}"`);
      expect(page.html).toContain(`<h1>${catalogues[lang].privacy.title}</h1>`);
      expect(page.html).toContain("Pohjanmaan hyvinvointialue (keksitty)");
      expect(page.html).toContain(catalogues[lang].privacy.rightsContact("tietosuoja@example.fi"));
      expect(page.html).toContain(catalogues[lang].privacy.howLong(18));
    }
  });

  it("says that the controller has not filled in its details, until it does", async () => {
    const t = await testApp();
    const page = await new PageClient(t).get("/privacy?lang=en");
    expect(page.html).toContain(catalogues.en.privacy.controllerUnset);
    expect(page.html).toContain(catalogues.en.privacy.howLong(24));
  });

  it("is linked from every page's footer", async () => {
    const t = await testApp();
    const client = new PageClient(t);
    for (const path of ["/", "/accessibility", "/privacy", "/app/login", "/coordinator/login", "/app/no-such-page"]) {
      expect((await client.get(path)).html, path).toMatch(/<footer[\s\S]*<a href="\/privacy">/);
    }
  });
});

describe("the coordinator's personal data page", () => {
  it("downloads a person's data and erases them, asking for confirmation first", async () => {
    const t = await testApp();
    await seedGroup(t);
    const client = new PageClient(t);
    expect((await client.get("/coordinator/privacy")).location).toBe("/coordinator/login");
    await client.post("/coordinator/login", { token: t.coordinator });
    const page = await client.get("/coordinator/privacy?lang=sv");
    expect(page.status).toBe(200);
    expect(page.html).toContain(catalogues.sv.privacy.adminTitle);

    const exported = await client.post("/coordinator/privacy/export", { email: "Mikko.Keksitty@example.fi" });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(/attachment; filename="samrad-personal-data-\d{4}-\d{2}-\d{2}\.json"/);
    expect(JSON.parse(exported.html).members[0].record.name).toBe("Mikko Keksitty");

    const unconfirmed = await client.post("/coordinator/privacy/erase", { email: "mikko.keksitty@example.fi" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain(catalogues.sv.privacy.confirmRequired);

    const erased = await client.post("/coordinator/privacy/erase", { email: "mikko.keksitty@example.fi", confirm: "yes" });
    expect(erased.status).toBe(200);
    expect(erased.html).toContain(catalogues.sv.privacy.erased(1, 0, 0));
    const again = await client.post("/coordinator/privacy/export", { email: "mikko.keksitty@example.fi" });
    expect(again.status).toBe(404);
    expect(again.html).toContain(catalogues.sv.privacy.notFound);
    const bad = await client.post("/coordinator/privacy/export", { email: "not an address" });
    expect(bad.status).toBe(400);
  });
});
