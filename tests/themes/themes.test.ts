import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "../../src/db/migrate-sqlite.js";
import { IdSchema } from "../../src/lib/common-schemas.js";
import { catalogues } from "../../src/pages/i18n/index.js";
import { PageClient } from "../pages/page-client.js";
import { seedGroup, testApp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
afterEach(async () => t?.close());

// Not one of the test themes a test database starts with (tests/helpers/test-themes.ts).
const integration = { nameFi: "Maahanmuuttajien kotoutuminen", nameSv: "Integration av invandrare", nameEn: "Immigrant integration" };

describe("themes as a managed list", () => {
  it("is kept by the coordinator, read by everyone, and refuses duplicates and bad names", async () => {
    t = await testApp();
    const g = await seedGroup(t);
    const created = await t.call("POST", "/api/themes", { token: t.coordinator, body: integration });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: "immigrant integration", ...integration });
    expect((await t.call("POST", "/api/themes", { token: t.coordinator, body: { ...integration, nameEn: " IMMIGRANT integration " } })).status).toBe(409);
    expect((await t.call("POST", "/api/themes", { token: g.memberToken, body: { nameFi: "A", nameSv: "B", nameEn: "C" } })).status).toBe(403);
    const bad = await t.call("POST", "/api/themes", { token: t.coordinator, body: { nameFi: " ", nameSv: "Äldreomsorg", nameEn: "Elderly care", extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["extra", "nameFi"]);

    const renamed = await t.call("PATCH", `/api/themes/${created.body.id}`, { token: t.coordinator, body: { nameSv: "Integration av nyanlända" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ key: "immigrant integration", nameSv: "Integration av nyanlända", nameFi: "Maahanmuuttajien kotoutuminen" });
    expect((await t.call("PATCH", `/api/themes/${created.body.id}`, { token: t.coordinator, body: {} })).status).toBe(400);
    expect((await t.call("PATCH", `/api/themes/${crypto.randomUUID()}`, { token: t.coordinator, body: { nameFi: "X" } })).status).toBe(404);

    const listed = await t.call("GET", "/api/themes?limit=1", { token: g.memberToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
  });

  it("names a stored theme in each page's language, and its page keeps typed values next to their errors", async () => {
    t = await testApp();
    await seedGroup(t);
    const page = new PageClient(t, { acceptLanguage: "sv" });
    await page.post("/coordinator/login", { token: t.coordinator });
    const missing = await page.post("/coordinator/themes", { nameFi: "", nameSv: "Integration av invandrare", nameEn: "Immigrant integration" });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('id="nameFi-error"');
    expect(missing.html).toContain('value="Integration av invandrare"');
    expect((await page.post("/coordinator/themes", integration, { csrf: null })).status).toBe(403);
    expect((await page.post("/coordinator/themes", integration)).location).toBe("/coordinator/themes?saved=1");
    const dup = await page.post("/coordinator/themes", { ...integration, nameFi: "Toinen" });
    expect(dup.status).toBe(409);
    expect(dup.html).toContain(`id="nameEn-error">${catalogues.sv.themeList.duplicate}`);

    // The seeded expert's "child protection" is shown as the Swedish name in the Swedish directory.
    const directory = await page.get("/coordinator/directory");
    expect(directory.html).toContain("Barnskydd");
    const fi = await page.get("/coordinator/directory?lang=fi");
    expect(fi.html).toContain("Lastensuojelu");
  });

  it("migrates the free-text themes already stored into the list, one entry per theme whatever its case", async () => {
    const all = readdirSync(new URL("../../migrations/", import.meta.url).pathname).filter((f) => f.endsWith(".sql")).sort();
    const dir = mkdtempSync(join(tmpdir(), "samrad-themes-"));
    for (const f of all.filter((f) => f < "0015")) copyFileSync(new URL(`../../migrations/${f}`, import.meta.url).pathname, join(dir, f));
    const raw = new Database(":memory:");
    raw.pragma("foreign_keys = ON");
    migrateSqlite(raw, dir);
    const at = "2026-05-01T08:00:00.000Z";
    raw.prepare("INSERT INTO organisations (id, name, country, nationallySignificant, innovative, evidenceBased, createdAt) VALUES ('o1', 'VISO', 'DK', 1, 0, 1, ?)").run(at);
    raw.prepare("INSERT INTO experts (id, organisationId, name, email, languages, themes, timeZone, createdAt) VALUES ('e1', 'o1', 'Astrid Testesen', 'a@example.org', '[\"sv\"]', '[\"Child protection\",\"elderly care\"]', 'Europe/Stockholm', ?)").run(at);
    raw.prepare("INSERT INTO dev_groups (id, name, organisation, createdAt) VALUES ('g1', 'Ryhmä', 'Keksitty', ?)").run(at);
    raw.prepare("INSERT INTO topics (id, groupId, title, theme, description, createdAt) VALUES ('t1', 'g1', 'Aihe', ' child protection ', 'Kuvaus', ?)").run(at);
    copyFileSync(new URL("../../migrations/0015_themes.sql", import.meta.url).pathname, join(dir, "0015_themes.sql"));
    expect(migrateSqlite(raw, dir)).toEqual(["0015_themes.sql"]);
    const themes = raw.prepare("SELECT id, key, nameFi, nameSv, nameEn FROM themes ORDER BY key").all() as { id: string; key: string; nameEn: string; nameFi: string }[];
    expect(themes.map((x) => x.key)).toEqual(["child protection", "elderly care"]);
    expect(themes[0]).toMatchObject({ nameEn: "Child protection", nameFi: "Child protection" });
    for (const x of themes) expect(IdSchema.safeParse(x.id).success, x.id).toBe(true);
    raw.close();
  });
});
