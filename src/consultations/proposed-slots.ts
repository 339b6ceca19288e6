import { DateTime } from "luxon";
import { INSTANT_WITH_OFFSET } from "../lib/common-schemas.js";
import type { FieldIssue } from "../lib/errors.js";

/** maxMonthsAhead: a consultation is planned weeks ahead, not years; it also keeps every time a four-digit year. */
export const SLOT_RULES = { minDuration: 30, maxDuration: 45, minSlots: 2, maxSlots: 5, gridMinutes: 5, maxMonthsAhead: 12, minCounterSlots: 1, maxCounterSlots: 3 } as const;

/** The machine codes of the slot rules (FieldIssue.rule): pages translate these, never the English message. */
export type SlotRule = "format" | "invalid" | "grid" | "past" | "overlap" | "too_far";

export type SlotIssue = FieldIssue & { rule: SlotRule };

export interface ProposedSlot {
  start: string;
  end: string;
}

export function toUtcIso(dt: DateTime): string {
  return dt.toUTC().toISO({ suppressMilliseconds: false })!;
}

/**
 * Checks proposed start times against the concept's rules and returns them as UTC slots:
 * each an instant with an offset, in the future, on a 5-minute grid, not overlapping another.
 */
export function planProposedSlots(
  starts: readonly string[],
  durationMinutes: number,
  now: Date,
): { ok: true; slots: ProposedSlot[] } | { ok: false; issues: SlotIssue[] } {
  const issues: SlotIssue[] = [];
  const parsed: { index: number; start: DateTime }[] = [];
  starts.forEach((raw, index) => {
    const path = `slots.${index}.start`;
    if (raw.length > 40 || !INSTANT_WITH_OFFSET.test(raw)) {
      issues.push({ path, rule: "format", message: "must be an ISO 8601 instant with an offset or Z, e.g. 2027-03-29T10:00:00+03:00" });
      return;
    }
    const start = DateTime.fromISO(raw, { setZone: true });
    if (!start.isValid) {
      issues.push({ path, rule: "invalid", message: `is not a valid date and time (${start.invalidExplanation ?? "invalid"})` });
      return;
    }
    const utc = start.toUTC();
    if (utc.second !== 0 || utc.millisecond !== 0 || utc.minute % SLOT_RULES.gridMinutes !== 0) {
      issues.push({ path, rule: "grid", message: "must be on a 5-minute grid (e.g. 10:00, 10:05)" });
      return;
    }
    if (utc.toMillis() <= now.getTime()) {
      issues.push({ path, rule: "past", message: "must be in the future" });
      return;
    }
    if (utc > DateTime.fromJSDate(now).plus({ months: SLOT_RULES.maxMonthsAhead })) {
      issues.push({ path, rule: "too_far", message: `must be at most ${SLOT_RULES.maxMonthsAhead} months ahead` });
      return;
    }
    parsed.push({ index, start: utc });
  });
  const ms = durationMinutes * 60_000;
  const sorted = [...parsed].sort((a, b) => a.start.toMillis() - b.start.toMillis());
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.start.toMillis() < prev.start.toMillis() + ms) {
      const related = `slots.${prev.index}.start`;
      issues.push({ path: `slots.${cur.index}.start`, rule: "overlap", related, message: `overlaps ${related}` });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    slots: sorted.map(({ start }) => ({ start: toUtcIso(start), end: toUtcIso(start.plus({ minutes: durationMinutes })) })),
  };
}

/** A slot as seen in one time zone, for the expert's view ("10:00 in Stockholm"). */
export function slotInZone(slot: ProposedSlot, timeZone: string): { start: string; end: string; timeZone: string } {
  const start = DateTime.fromISO(slot.start, { zone: "utc" }).setZone(timeZone);
  const end = DateTime.fromISO(slot.end, { zone: "utc" }).setZone(timeZone);
  return { start: start.toISO()!, end: end.toISO()!, timeZone };
}
