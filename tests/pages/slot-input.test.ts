import { describe, expect, it } from "vitest";
import { catalogues } from "../../src/pages/i18n/index.js";
import { checkSlots, expertTimeLabel, wallTimeToInstant } from "../../src/pages/group/slot-input.js";

const v = catalogues.en.validation;
const now = new Date("2027-03-01T08:00:00.000Z");
const check = (rows: string[], requireCount = true) =>
  checkSlots(rows, { zone: "Europe/Helsinki", durationMinutes: 45, now, v, requireCount });

describe("reading the group's typed times", () => {
  it("reads a wall time in the group's zone, summer time included", () => {
    expect(wallTimeToInstant("2027-03-26T10:00", "Europe/Helsinki")).toBe("2027-03-26T10:00:00.000+02:00");
    expect(wallTimeToInstant("2027-03-29T10:00", "Europe/Helsinki")).toBe("2027-03-29T10:00:00.000+03:00");
    expect(wallTimeToInstant("29.3.2027 10:00", "Europe/Helsinki")).toBeNull();
  });

  it("labels the expert's time the way enhance.js does", () => {
    expect(expertTimeLabel("2027-03-29T10:00:00.000+03:00", "sv", "Europe/Stockholm")).toBe("mån 29 mars 09:00 i Stockholm");
  });

  it("skips empty rows and returns the filled ones as instants", () => {
    expect(check(["", "2027-03-08T10:00", "", "2027-03-08T13:00", ""])).toEqual({
      ok: true,
      starts: ["2027-03-08T10:00:00.000+02:00", "2027-03-08T13:00:00.000+02:00"],
    });
  });

  it("names each problem on the row it was typed in, counting overlaps by the rows people see", () => {
    const result = check(["2027-03-08T13:00", "not a time", "", "2027-03-08T13:30", "2027-02-28T10:00"]);
    expect(result).toEqual({
      ok: false,
      errors: {
        "slot-1": v.slotFormat,
        "slot-3": v.slotOverlap(1),
        "slot-4": v.slotPast,
      },
    });
  });

  it("wants two times to send but not to preview", () => {
    expect(check(["2027-03-08T10:00", "", "", "", ""])).toEqual({ ok: false, errors: { "slot-0": v.slotsTooFew } });
    expect(check(["2027-03-08T10:00", "", "", "", ""], false).ok).toBe(true);
  });
});
