import type { NordicCountry } from "./working-days.js";

/*
 * The days off of the Nordic countries and territories, written as rules.
 * Why by hand: date-holidays carries every country of the world and moment-timezone's data with it,
 * about half of the Worker's gzipped bundle, while Samråd needs eight short lists. The rules follow
 * date-holidays 3.x (the library Samråd used before), and nordic-holidays.test.ts compares them with
 * it for every year from 2010 to 2045, so a difference fails a test rather than a booking.
 *
 * Policy, unchanged from the library-based version:
 * - A day off is a "public" or "bank" holiday in the library's terms. "bank" covers Midsummer Eve,
 *   Christmas Eve and New Year's Eve in FI, SE and AX, when offices close. "observance" and
 *   "optional" days are working days: SE Whit Monday (abolished 2005), NO Midsummer Eve,
 *   DK Constitution Day and Christmas Eve, Åland's Autonomy Day.
 * - Half-day holidays (IS Christmas Eve from 13:00, NO New Year's Eve from 14:00, FO Constitution Day
 *   from 12:00 ...) block the whole day: a half-day is no day to propose a consultation.
 * - FO and GL keep Great Prayer Day (Easter + 26), which Denmark abolished from 2024.
 * - AX has its own list: like FI's on weekdays, without All Saints' Day (always a Saturday anyway).
 */

type Rule =
  | { fixed: [month: number, day: number]; since?: number; before?: number }
  | { easter: number; before?: number }
  /** The first `weekday` (0 Sunday … 6 Saturday) on or after month-day, e.g. Midsummer Eve. */
  | { weekdayFrom: [weekday: number, month: number, day: number] };

const NEW_YEAR: Rule = { fixed: [1, 1] };
const EPIPHANY: Rule = { fixed: [1, 6] };
const MAUNDY_THURSDAY: Rule = { easter: -3 };
const GOOD_FRIDAY: Rule = { easter: -2 };
const EASTER_SUNDAY: Rule = { easter: 0 };
const EASTER_MONDAY: Rule = { easter: 1 };
const MAY_DAY: Rule = { fixed: [5, 1] };
const ASCENSION: Rule = { easter: 39 };
const WHIT_SUNDAY: Rule = { easter: 49 };
const WHIT_MONDAY: Rule = { easter: 50 };
const GREAT_PRAYER_DAY: Rule = { easter: 26 };
const MIDSUMMER_EVE: Rule = { weekdayFrom: [5, 6, 19] };
const MIDSUMMER_DAY: Rule = { weekdayFrom: [6, 6, 20] };
const ALL_SAINTS: Rule = { weekdayFrom: [6, 10, 31] };
const CHRISTMAS_EVE: Rule = { fixed: [12, 24] };
const CHRISTMAS: Rule = { fixed: [12, 25] };
const BOXING_DAY: Rule = { fixed: [12, 26] };
const NEW_YEARS_EVE: Rule = { fixed: [12, 31] };

const CHRISTMAS_DAYS = [CHRISTMAS_EVE, CHRISTMAS, BOXING_DAY, NEW_YEARS_EVE];
const EASTER_DAYS = [GOOD_FRIDAY, EASTER_SUNDAY, EASTER_MONDAY];

const RULES: Record<NordicCountry, readonly Rule[]> = {
  FI: [NEW_YEAR, EPIPHANY, ...EASTER_DAYS, MAY_DAY, ASCENSION, WHIT_SUNDAY, MIDSUMMER_EVE, MIDSUMMER_DAY, ALL_SAINTS, { fixed: [12, 6] }, ...CHRISTMAS_DAYS],
  AX: [NEW_YEAR, EPIPHANY, GOOD_FRIDAY, EASTER_MONDAY, MAY_DAY, ASCENSION, MIDSUMMER_EVE, MIDSUMMER_DAY, { fixed: [12, 6] }, ...CHRISTMAS_DAYS],
  // National Day became a day off in 2005, when Whit Monday stopped being one.
  SE: [NEW_YEAR, EPIPHANY, ...EASTER_DAYS, MAY_DAY, ASCENSION, WHIT_SUNDAY, { fixed: [6, 6], since: 2005 }, MIDSUMMER_EVE, MIDSUMMER_DAY, ALL_SAINTS, ...CHRISTMAS_DAYS],
  NO: [NEW_YEAR, MAUNDY_THURSDAY, ...EASTER_DAYS, MAY_DAY, ASCENSION, { fixed: [5, 17] }, WHIT_SUNDAY, WHIT_MONDAY, CHRISTMAS_EVE, CHRISTMAS, BOXING_DAY, NEW_YEARS_EVE],
  DK: [NEW_YEAR, MAUNDY_THURSDAY, ...EASTER_DAYS, { ...GREAT_PRAYER_DAY, before: 2024 }, ASCENSION, WHIT_SUNDAY, WHIT_MONDAY, CHRISTMAS, BOXING_DAY],
  // First Day of Summer: the library takes the Thursday on or after 18 April (Iceland's rule says
  // after, so in a year when 18 April is a Thursday the library, and so Samråd, is a week early);
  // Commerce Day: the first Monday in August.
  IS: [NEW_YEAR, MAUNDY_THURSDAY, ...EASTER_DAYS, { weekdayFrom: [4, 4, 18] }, MAY_DAY, ASCENSION, WHIT_SUNDAY, WHIT_MONDAY, { fixed: [6, 17] }, { weekdayFrom: [1, 8, 1] }, ...CHRISTMAS_DAYS],
  // Flag Day as the library dates it (24 April; the Faroes fly the flag on the 25th), Constitution Day 5 June (afternoon).
  FO: [NEW_YEAR, MAUNDY_THURSDAY, ...EASTER_DAYS, { fixed: [4, 24] }, GREAT_PRAYER_DAY, ASCENSION, WHIT_SUNDAY, WHIT_MONDAY, { fixed: [6, 5] }, ...CHRISTMAS_DAYS],
  // National Day 21 June.
  GL: [NEW_YEAR, EPIPHANY, MAUNDY_THURSDAY, ...EASTER_DAYS, GREAT_PRAYER_DAY, ASCENSION, WHIT_SUNDAY, WHIT_MONDAY, { fixed: [6, 21] }, CHRISTMAS_EVE, CHRISTMAS, BOXING_DAY],
};

/** Easter Sunday (Gregorian) as a UTC midnight, by the anonymous Gregorian algorithm (Meeus). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const DAY_MS = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function dateOf(rule: Rule, year: number, easter: Date): Date | null {
  if ("fixed" in rule) {
    if ((rule.since !== undefined && year < rule.since) || (rule.before !== undefined && year >= rule.before)) return null;
    return new Date(Date.UTC(year, rule.fixed[0] - 1, rule.fixed[1]));
  }
  if ("easter" in rule) {
    if (rule.before !== undefined && year >= rule.before) return null;
    return new Date(easter.getTime() + rule.easter * DAY_MS);
  }
  const [weekday, month, day] = rule.weekdayFrom;
  const from = new Date(Date.UTC(year, month - 1, day));
  return new Date(from.getTime() + ((weekday - from.getUTCDay() + 7) % 7) * DAY_MS);
}

/** The local calendar dates ("YYYY-MM-DD") that are days off in `country` in `year`, weekends aside. */
export function nordicDaysOff(country: NordicCountry, year: number): Set<string> {
  const easter = easterSunday(year);
  const dates = new Set<string>();
  for (const rule of RULES[country]) {
    const date = dateOf(rule, year, easter);
    if (date) dates.add(isoDate(date));
  }
  return dates;
}
