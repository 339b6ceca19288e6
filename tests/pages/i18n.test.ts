import { describe, expect, it } from "vitest";
import { formatTime, timeInCity, zoneCity } from "../../src/pages/i18n/format.js";
import { catalogues, fromAcceptLanguage, resolveLanguage } from "../../src/pages/i18n/index.js";

/** Every leaf of a catalogue as "path: kind", functions called with sample arguments. */
function leaves(value: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "function") out.set(path, String((value as (...a: unknown[]) => unknown)(7, 9, "x")));
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`).forEach((s, k) => out.set(k, s)));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k).forEach((s, p) => out.set(p, s));
  else out.set(path, String(value));
  return out;
}

describe("message catalogues", () => {
  const en = leaves(catalogues.en);

  it.each(["fi", "sv"] as const)("%s has exactly the keys of en, none of them empty", (lang) => {
    const other = leaves(catalogues[lang]);
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of other) expect(text.trim(), key).not.toBe("");
  });

  it("says the same thing in different words, not the English text copied", () => {
    // Brand names and numbers may coincide; most sentences must not.
    const same = [...en].filter(([k, v]) => v.length > 25 && leaves(catalogues.fi).get(k) === v);
    expect(same).toEqual([]);
  });
});

describe("choosing the page language", () => {
  it("takes an explicit choice over everything else", () => {
    expect(resolveLanguage({ query: "fi", cookie: "sv", preferred: ["en"], acceptLanguage: "sv" })).toBe("fi");
    expect(resolveLanguage({ query: "de", cookie: "sv", preferred: ["en"] })).toBe("sv");
  });

  it("uses the expert's first supported language before the browser's", () => {
    expect(resolveLanguage({ preferred: ["da", "sv", "en"], acceptLanguage: "fi-FI" })).toBe("sv");
    expect(resolveLanguage({ preferred: ["da"], acceptLanguage: "fi-FI,fi;q=0.9" })).toBe("fi");
  });

  it("reads Accept-Language by weight and falls back to English", () => {
    expect(fromAcceptLanguage("de-DE,de;q=0.9,sv;q=0.8,fi;q=0.9")).toBe("fi");
    expect(fromAcceptLanguage("en;q=0,sv-FI")).toBe("sv");
    expect(resolveLanguage({ acceptLanguage: "de-DE" })).toBe("en");
    expect(resolveLanguage({})).toBe("en");
  });
});

describe("times for people", () => {
  const monday10Helsinki = "2027-03-08T08:00:00.000Z";

  it("names the group's city in the page's language beside the time", () => {
    expect(timeInCity(monday10Helsinki, "sv", "Europe/Helsinki")).toBe("10:00 i Helsingfors");
    expect(timeInCity(monday10Helsinki, "en", "Europe/Helsinki")).toBe("10:00 in Helsinki");
    expect(timeInCity(monday10Helsinki, "fi", "Europe/Stockholm")).toBe("9.00 (Tukholma)");
  });

  it("adds the day when the other zone is already on another date", () => {
    // 00:30 in Helsinki is still the previous evening in Nuuk (UTC-2 in winter).
    expect(timeInCity("2027-03-07T22:30:00.000Z", "en", "America/Nuuk", "Europe/Helsinki")).toMatch(/^Sun 7 Mar 20:30 in Nuuk$/);
  });

  it("follows summer time: Stockholm is an hour behind Helsinki on both sides of the change", () => {
    expect(formatTime("2027-03-26T08:00:00.000Z", "en", "Europe/Stockholm")).toBe("09:00");
    expect(formatTime("2027-03-29T07:00:00.000Z", "en", "Europe/Stockholm")).toBe("09:00");
  });

  it("falls back to the zone's own city for zones outside the catalogue", () => {
    expect(zoneCity("America/Los_Angeles", "en")).toBe("Los Angeles");
  });
});
