import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { catalogues } from "../../src/pages/i18n/index.js";
import { signedIn } from "../pages/page-client.js";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { seedReportData } from "./report-fixture.js";

let t: TestApp;
afterEach(async () => t?.close());

/** The report page's download, parsed by its own (translated) header row. */
async function pageCsv(lang: "fi" | "sv", query = "") {
  const page = await signedIn(t, "/coordinator/login", t.coordinator);
  const res = await page.get(`/coordinator/evaluations.csv?lang=${lang}${query}`);
  expect(res.status).toBe(200);
  const delimiter = query.includes("semicolon") ? ";" : ",";
  return parse(res.html, { bom: true, columns: true, delimiter }) as Record<string, string>[];
}

describe("the report page's CSV speaks the page's language", () => {
  it("in Swedish: the codes of side, theme, country, funding, duration fit and yes/no are Swedish words; text and figures stay", async () => {
    t = await testApp();
    await seedReportData(t);
    const col = catalogues.sv.reportPage.csvColumns;
    const rows = await pageCsv("sv", "&separator=semicolon");
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((r) => r[col.side]))).toEqual(new Set(["Utvecklingsgrupp", "Expert"]));
    expect(new Set(rows.map((r) => r[col.theme]))).toEqual(new Set(["Barnskydd", "Äldreomsorg", "Funktionshinderservice"]));
    expect(new Set(rows.map((r) => r[col.expertCountry]))).toEqual(new Set(["Danmark", "Sverige"]));
    const first = rows.find((r) => r[col.followUpTopic] === 'Measuring, with commas, "quotes"')!;
    expect(first).toMatchObject({
      [col.wouldRecommend]: "Nej",
      [col.followUpInterest]: "Ja",
      [col.fundingSource]: "Pilotbidrag",
      [col.plannedMinutes]: "45",
    });
    const fits = rows.map((r) => r[col.durationFit]).filter(Boolean);
    expect(fits.length).toBeGreaterThan(0);
    for (const fit of fits) expect(Object.values(catalogues.sv.evaluation.fit)).toContain(fit);
    expect(rows.flatMap((r) => [r[col.side], r[col.theme], r[col.fundingSource]])).not.toContain("member");
    expect(rows.map((r) => r[col.fundingSource])).not.toContain("pilot_grant");
  });

  it("in Finnish, and the API's CSV keeps the codes", async () => {
    t = await testApp();
    await seedReportData(t);
    const col = catalogues.fi.reportPage.csvColumns;
    const rows = await pageCsv("fi");
    expect(new Set(rows.map((r) => r[col.side]))).toEqual(new Set(["Kehittäjäryhmä", "Asiantuntija"]));
    expect(new Set(rows.map((r) => r[col.theme]))).toEqual(new Set(["Lastensuojelu", "Ikääntyneiden palvelut", "Vammaispalvelut"]));
    expect(new Set(rows.map((r) => r[col.expertCountry]))).toEqual(new Set(["Tanska", "Ruotsi"]));
    const first = rows.find((r) => r[col.followUpTopic] === 'Measuring, with commas, "quotes"')!;
    expect(first).toMatchObject({ [col.wouldRecommend]: "Ei", [col.followUpInterest]: "Kyllä", [col.fundingSource]: "Pilottiavustus" });
    const fits = rows.map((r) => r[col.durationFit]).filter(Boolean);
    expect(fits.length).toBeGreaterThan(0);
    for (const fit of fits) expect(Object.values(catalogues.fi.evaluation.fit)).toContain(fit);

    const api = await t.call("GET", "/api/reports/evaluations.csv", { token: t.coordinator });
    const coded = parse(api.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(coded.map((r) => r.side))).toEqual(new Set(["member", "expert"]));
    expect(coded.find((r) => r.followUpInterest === "1")).toMatchObject({ wouldRecommend: "0", theme: "child protection", expertCountry: "DK", fundingSource: "pilot_grant" });
  });
});
