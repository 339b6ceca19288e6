import { DateTime, IANAZone } from "luxon";
import { isWorkingDay, type NordicCountry } from "./working-days.js";

export type { NordicCountry } from "./working-days.js";

export interface SuggestTimesInput {
  /** Earliest start, ISO instant with offset (inclusive). */
  from: string;
  /** Latest end, ISO instant with offset (exclusive). */
  to: string;
  durationMinutes: number;
  groupZone: string;
  groupCountry: NordicCountry;
  expertZone: string;
  expertCountry: NordicCountry;
  /** Busy intervals of any participant, group and expert alike; half-open [start, end). */
  busy: ReadonlyArray<{ start: string; end: string }>;
  /** The clock: only slots that start after this instant are offered. */
  now: string;
  /** Local office hours applied in both zones, "HH:mm". Defaults to 08:00–16:00. */
  workingHours?: { start: string; end: string };
  limit?: number;
  /** Start-time grid in minutes; must divide an hour. Defaults to 15. */
  gridMinutes?: number;
}

export interface SuggestedSlot {
  /** UTC ISO instant, e.g. "2027-03-30T07:00:00.000Z". */
  start: string;
  end: string;
}

/** The concept: "a real-time Teams meeting of 30 to 45 minutes". */
export const MIN_DURATION_MINUTES = 30;
export const MAX_DURATION_MINUTES = 45;
const DEFAULT_WORKING_HOURS = { start: "08:00", end: "16:00" } as const;
const DEFAULT_LIMIT = 10;
const DEFAULT_GRID_MINUTES = 15;
const MINUTE_MS = 60_000;

/** Half-open [start, end) in epoch milliseconds. */
interface Interval {
  start: number;
  end: number;
}

/**
 * Times a development group can propose to an expert: inside office hours on a working day for
 * both sides (each by its own zone and country), clear of everyone's busy time, after `now`.
 * Sorted by start, at most `limit` long.
 *
 * @example
 * suggestTimes({
 *   from: "2027-03-30T00:00:00Z", to: "2027-03-31T00:00:00Z", durationMinutes: 30,
 *   groupZone: "Europe/Helsinki", groupCountry: "FI",
 *   expertZone: "Europe/Stockholm", expertCountry: "SE",
 *   busy: [], now: "2027-03-01T00:00:00Z", limit: 1,
 * }) // [{ start: "2027-03-30T06:00:00.000Z", end: "2027-03-30T06:30:00.000Z" }]
 */
export function suggestTimes(input: SuggestTimesInput): SuggestedSlot[] {
  const durationMs = checkDuration(input.durationMinutes) * MINUTE_MS;
  const limit = checkLimit(input.limit ?? DEFAULT_LIMIT);
  const gridMs = checkGrid(input.gridMinutes ?? DEFAULT_GRID_MINUTES) * MINUTE_MS;
  const hours = parseWorkingHours(input.workingHours ?? DEFAULT_WORKING_HOURS);
  checkZone("groupZone", input.groupZone);
  checkZone("expertZone", input.expertZone);
  const from = parseInstant("from", input.from);
  const to = parseInstant("to", input.to);
  // "After now" is strict: a slot starting this very millisecond can no longer be proposed.
  const earliest = Math.max(from, parseInstant("now", input.now) + 1);
  const busy = mergeIntervals(input.busy.map((b, i) => parseBusy(b, i)));
  if (earliest >= to) return [];

  const open = subtractIntervals(
    intersectIntervals(
      workingWindows(input.groupZone, input.groupCountry, hours, earliest, to),
      workingWindows(input.expertZone, input.expertCountry, hours, earliest, to),
    ),
    busy,
  );

  const slots: SuggestedSlot[] = [];
  for (const window of open) {
    // Epoch-aligned grid equals the local quarter-hour grid: every Nordic zone is a whole-hour offset.
    for (let start = Math.ceil(window.start / gridMs) * gridMs; start + durationMs <= window.end; start += gridMs) {
      slots.push({ start: toUtcIso(start), end: toUtcIso(start + durationMs) });
      if (slots.length === limit) return slots;
    }
  }
  return slots;
}

/** Office hours on each working local date of `zone`, clipped to [lower, upper). */
function workingWindows(
  zone: string,
  country: NordicCountry,
  hours: LocalHours,
  lower: number,
  upper: number,
): Interval[] {
  const windows: Interval[] = [];
  for (
    let day = DateTime.fromMillis(lower, { zone }).startOf("day");
    day.toMillis() < upper;
    day = day.plus({ days: 1 })
  ) {
    if (!isWorkingDay(country, day.toISODate() ?? "")) continue;
    const start = Math.max(lower, day.set(hours.start).toMillis());
    const end = Math.min(upper, day.set(hours.end).toMillis());
    if (start < end) windows.push({ start, end });
  }
  return windows;
}

/** Both inputs sorted and non-overlapping; so is the result. */
function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/** `windows` sorted and non-overlapping, `busy` merged; returns the parts of windows outside busy. */
function subtractIntervals(windows: readonly Interval[], busy: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const window of windows) {
    let cursor = window.start;
    for (const b of busy) {
      if (b.end <= cursor) continue;
      if (b.start >= window.end) break;
      if (b.start > cursor) result.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
      if (cursor >= window.end) break;
    }
    if (cursor < window.end) result.push({ start: cursor, end: window.end });
  }
  return result;
}

function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((x) => x.start < x.end).sort((x, y) => x.start - y.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

function toUtcIso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

interface LocalHours {
  start: { hour: number; minute: number };
  end: { hour: number; minute: number };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseWorkingHours(hours: { start: string; end: string }): LocalHours {
  const parse = (name: string, value: string) => {
    const match = HH_MM.exec(value);
    if (!match) throw new RangeError(`workingHours.${name} must be HH:mm, got "${value}"`);
    return { hour: Number(match[1]), minute: Number(match[2]) };
  };
  const start = parse("start", hours.start);
  const end = parse("end", hours.end);
  if (start.hour * 60 + start.minute >= end.hour * 60 + end.minute) {
    throw new RangeError(`workingHours must start before they end: ${hours.start}–${hours.end}`);
  }
  return { start, end };
}

// Without an explicit offset luxon would read the host's zone, which makes results machine-dependent.
const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function parseInstant(name: string, value: string): number {
  const parsed = DateTime.fromISO(value);
  if (!HAS_OFFSET.test(value) || !parsed.isValid) {
    throw new RangeError(`${name} must be an ISO instant with an offset, got "${value}"`);
  }
  return parsed.toMillis();
}

function parseBusy(busy: { start: string; end: string }, index: number): Interval {
  const start = parseInstant(`busy.${index}.start`, busy.start);
  const end = parseInstant(`busy.${index}.end`, busy.end);
  if (end < start) throw new RangeError(`busy.${index} ends before it starts`);
  return { start, end };
}

function checkDuration(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
    throw new RangeError(
      `durationMinutes must be a whole number from ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES}, got ${minutes}`,
    );
  }
  return minutes;
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return limit;
}

function checkGrid(minutes: number): number {
  // Only divisors of 60 keep the UTC grid and every Nordic local grid the same.
  if (!Number.isInteger(minutes) || minutes < 1 || 60 % minutes !== 0) {
    throw new RangeError(`gridMinutes must divide 60, got ${minutes}`);
  }
  return minutes;
}

function checkZone(name: string, zone: string): void {
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`${name} is not an IANA time zone: "${zone}"`);
}
