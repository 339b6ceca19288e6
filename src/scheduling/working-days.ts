import Holidays from "date-holidays";

export type NordicCountry = "FI" | "SE" | "NO" | "DK" | "IS" | "FO" | "GL" | "AX";

export const NORDIC_COUNTRIES: readonly NordicCountry[] = ["FI", "SE", "NO", "DK", "IS", "FO", "GL", "AX"];

/*
 * Holiday policy (date-holidays 3.x data):
 * - A local date is a day off when the library lists a "public" or "bank" holiday on it.
 *   "bank" is needed because the library types Midsummer Eve, Christmas Eve and New Year's Eve
 *   in FI, SE and AX as "bank", though offices close on them. "observance" and "optional" are
 *   working days: SE Whit Monday (abolished 2005), NO Midsummer Eve, DK Constitution Day and
 *   Christmas Eve, Åland Autonomy Day.
 * - Half-day holidays (IS Christmas Eve from 13:00, NO New Year's Eve from 14:00, FO Constitution
 *   Day from 12:00 ...) block the whole day: a half-day is no day to propose a consultation.
 * - Every Nordic country and territory has its own data set in the library, FO and GL included
 *   (both keep Great Prayer Day, which DK abolished from 2024), so no fallback to DK is needed.
 * - AX uses the library's own Åland set. Its weekday days off match FI's for 2020–2040 (it lacks
 *   All Saints' Day, which always falls on a Saturday); Åland's Autonomy Day is an "observance".
 */
const DAY_OFF_TYPES: ReadonlySet<string> = new Set(["public", "bank"]);

// Building a Holidays instance parses the country's rules, which is slow; the data never changes
// while the process runs, so instances and per-year results are kept for the process lifetime.
const calendars = new Map<NordicCountry, Holidays>();
const daysOffByCountryYear = new Map<string, ReadonlySet<string>>();

function calendarFor(country: NordicCountry): Holidays {
  let calendar = calendars.get(country);
  if (!calendar) {
    calendar = new Holidays(country);
    calendars.set(country, calendar);
  }
  return calendar;
}

function daysOff(country: NordicCountry, year: number): ReadonlySet<string> {
  const cacheKey = `${country}:${year}`;
  const cached = daysOffByCountryYear.get(cacheKey);
  if (cached) return cached;
  const dates = new Set<string>();
  for (const holiday of calendarFor(country).getHolidays(year)) {
    // `date` is the local calendar date in the country, "YYYY-MM-DD hh:mm:ss".
    if (DAY_OFF_TYPES.has(holiday.type)) dates.add(holiday.date.slice(0, 10));
  }
  daysOffByCountryYear.set(cacheKey, dates);
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
