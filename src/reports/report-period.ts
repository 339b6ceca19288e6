import { DateTime } from "luxon";
import { INSTANT_YEARS, parseInstant } from "../lib/common-schemas.js";
import type { ReportFilter } from "./reports.repo.js";

/** Calendar dates in report filters are days in the coordinator's zone (the competence centre is in Finland). */
export const REPORT_ZONE = "Europe/Helsinki";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date (2027-03-01) or an instant with an offset; null when it is neither. */
export function parsePeriodBound(value: string, bound: "from" | "to"): string | null {
  if (DATE.test(value)) {
    const day = DateTime.fromISO(value, { zone: REPORT_ZONE });
    if (!day.isValid || day.year < INSTANT_YEARS.earliest || day.year > INSTANT_YEARS.latest) return null;
    // "to" names the last day of the period: the period runs until that day's end.
    return (bound === "to" ? day.plus({ days: 1 }) : day).startOf("day").toUTC().toISO();
  }
  return parseInstant(value)?.toISO() ?? null;
}

export interface ReportQuery {
  from?: string;
  to?: string;
  theme?: string;
  country?: string;
  programme?: string;
}

/** The query as validated by the route (bounds already parse) to the repository's filter in UTC. */
export function toReportFilter(q: ReportQuery): ReportFilter {
  const filter: ReportFilter = {};
  if (q.from) filter.from = parsePeriodBound(q.from, "from")!;
  if (q.to) filter.to = parsePeriodBound(q.to, "to")!;
  if (q.theme) filter.theme = q.theme;
  if (q.country) filter.country = q.country;
  if (q.programme) filter.programme = q.programme;
  return filter;
}
