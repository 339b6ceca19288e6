import { nordicDaysOff } from "./nordic-holidays.js";

export type NordicCountry = "FI" | "SE" | "NO" | "DK" | "IS" | "FO" | "GL" | "AX";

export const NORDIC_COUNTRIES: readonly NordicCountry[] = ["FI", "SE", "NO", "DK", "IS", "FO", "GL", "AX"];

// The rules (and the holiday policy) live in nordic-holidays.ts; a year's set is kept for the
// process lifetime, since the rules never change while it runs.
const daysOffByCountryYear = new Map<string, ReadonlySet<string>>();

function daysOff(country: NordicCountry, year: number): ReadonlySet<string> {
  const cacheKey = `${country}:${year}`;
  let dates = daysOffByCountryYear.get(cacheKey);
  if (!dates) daysOffByCountryYear.set(cacheKey, (dates = nordicDaysOff(country, year)));
  return dates;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `isoDate` (a local calendar date, "YYYY-MM-DD") is a working day in `country`:
 * Monday to Friday and not a public or bank holiday there.
 *
 * @example isWorkingDay("FI", "2027-06-25") // false: Midsummer Eve
 */
export function isWorkingDay(country: NordicCountry, isoDate: string): boolean {
  if (!NORDIC_COUNTRIES.includes(country)) {
    throw new RangeError(`Unknown Nordic country: ${country}`);
  }
  const match = ISO_DATE.exec(isoDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  // Date.UTC rolls 2027-02-30 over to March; comparing back catches impossible dates.
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (!match || utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  }
  const weekday = utc.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !daysOff(country, year).has(isoDate);
}
