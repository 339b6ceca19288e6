import { describe, expect, it } from "vitest";
import { isWorkingDay, type NordicCountry } from "./working-days.js";

describe("isWorkingDay", () => {
  it.each<[NordicCountry, string, boolean, string]>([
    ["FI", "2027-01-12", true, "an ordinary Tuesday"],
    ["FI", "2027-01-09", false, "Saturday"],
    ["FI", "2027-01-10", false, "Sunday"],
    ["FI", "2027-06-25", false, "Midsummer Eve (a 'bank' holiday in the library)"],
    ["SE", "2027-06-25", false, "Midsommarafton"],
    ["AX", "2027-06-25", false, "Midsummer Eve in Åland"],
    ["NO", "2027-06-25", true, "Norway works on Midsummer Eve"],
    ["NO", "2027-05-17", false, "Constitution Day"],
    ["SE", "2027-05-17", true, "Whit Monday, no longer a Swedish holiday"],
    ["IS", "2027-06-17", false, "Icelandic National Day"],
    ["IS", "2027-04-22", false, "First Day of Summer"],
    ["DK", "2027-04-23", true, "Great Prayer Day, abolished in Denmark from 2024"],
    ["FO", "2027-04-23", false, "Great Prayer Day in the Faroes"],
    ["GL", "2027-04-23", false, "Great Prayer Day in Greenland"],
    ["GL", "2027-06-21", false, "Greenland National Day"],
    ["AX", "2027-12-06", false, "Finnish Independence Day applies in Åland"],
    ["FI", "2027-12-24", false, "Christmas Eve"],
    ["IS", "2027-12-31", false, "a half-day holiday blocks the whole day"],
    ["FI", "2026-12-31", false, "New Year's Eve in another year"],
  ])("%s %s is %s: %s", (country, date, expected) => {
    expect(isWorkingDay(country, date)).toBe(expected);
  });

  it.each([
    ["FI", "2027-02-30"],
    ["FI", "2027-1-5"],
    ["FI", "2027-01-12T00:00:00Z"],
    ["XX", "2027-01-12"],
  ])("throws RangeError for %s %s", (country, date) => {
    expect(() => isWorkingDay(country as NordicCountry, date)).toThrow(RangeError);
  });
});
