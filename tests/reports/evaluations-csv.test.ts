import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../src/reports/evaluations-csv.js";
import { testApp, type TestApp } from "../helpers/test-app.js";
import { seedReportData } from "./report-fixture.js";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function download(query = "", token = t.coordinator) {
  const res = await t.app.request(`/api/reports/evaluations.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("GET /api/reports/evaluations.csv", () => {
  it("exports one row per evaluation that a CSV parser reads back, without names or e-mail addresses", async () => {
    t = await testApp();
    const g = await seedReportData(t);
    const { res, bytes, text } = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="samrad-evaluations-2027-03-09.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${CSV_COLUMNS.join(",")}`);

    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(rows).toHaveLength(13);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.filter((r) => r.side === "expert")).toHaveLength(4);
    expect(new Set(rows.map((r) => r.consultationId))).toEqual(new Set(g.ids));
    // Commas, quotes and line breaks survive the round trip; UTF-8 too.
    expect(rows.map((r) => r.followUpTopic)).toContain('Measuring, with commas, "quotes"');
    expect(rows.map((r) => r.learnings)).toContain("Första raden\nandra raden; med semikolon");
    // Text that Excel would run as a formula is defused.
    expect(rows.map((r) => r.learnings)).toContain("'=HYPERLINK(\"http://evil.example\")");
    const c1 = rows.find((r) => r.followUpInterest === "1")!;
    expect(c1).toMatchObject({ wouldRecommend: "0", theme: "child protection", expertCountry: "DK", plannedMinutes: "45", recordedMinutes: "40", fundingSource: "pilot_grant" });

    for (const personal of ["Mikko", "Sanna", "Kalle", "Astrid", "Sven", "Testesen", "@", g.memberId]) {
      expect(text, personal).not.toContain(personal);
    }
  });

  it("uses semicolons on request, filters like the report and is for the coordinator only", async () => {
    t = await testApp();
    const g = await seedReportData(t);
    const { text } = await download("?separator=semicolon");
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${CSV_COLUMNS.join(";")}`);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true, delimiter: ";" });
    expect(rows).toHaveLength(13);
    expect(rows.map((r) => r.learnings)).toContain("Första raden\nandra raden; med semikolon");

    const sweden: Record<string, string>[] = parse((await download("?country=SE")).text, { bom: true, columns: true });
    expect(sweden).toHaveLength(4);
    expect(sweden.every((r) => r.expertCountry === "SE")).toBe(true);

    expect((await download("", g.memberToken)).res.status).toBe(403);
    expect((await download("?separator=tab")).res.status).toBe(400);
  });
});
