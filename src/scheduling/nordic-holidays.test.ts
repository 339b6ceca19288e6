import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { easterSunday, nordicDaysOff } from "./nordic-holidays.js";
import { NORDIC_COUNTRIES } from "./working-days.js";

/** What the library-based version counted as a day off: "public" and "bank" holidays. */
function libraryDaysOff(calendar: Holidays, year: number): string[] {
  return calendar
    .getHolidays(year)
    .filter((h) => h.type === "public" || h.type === "bank")
    .map((h) => h.date.slice(0, 10));
}

const weekday = (iso: string) => {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

describe("nordicDaysOff agrees with date-holidays", () => {
  it.each(NORDIC_COUNTRIES)("%s, every year 2010-2045", (country) => {
    const calendar = new Holidays(country);
    for (let year = 2010; year <= 2045; year++) {
      const ours = [...nordicDaysOff(country, year)].sort();
      const theirs = [...new Set(libraryDaysOff(calendar, year))].sort();
      // Every date, weekends included, so a rule that drifts onto a Saturday is caught too.
      expect({ country, year, dates: ours }).toEqual({ country, year, dates: theirs });
      expect(ours.filter(weekday).length).toBeGreaterThan(5);
    }
  });
});

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
  ])("%i is %s", (year, date) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(date);
  });
});
