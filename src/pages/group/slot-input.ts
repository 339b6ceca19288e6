import { DateTime } from "luxon";
import { planProposedSlots, SLOT_RULES, type SlotRule } from "../../consultations/proposed-slots.js";
import type { FieldIssue } from "../../lib/errors.js";
import type { FieldErrors } from "../components/form.js";
import { formatShortDate, formatTime, zoneCity } from "../i18n/format.js";
import { catalogues, type Lang, type Messages } from "../i18n/index.js";

/** How many time inputs the form shows: the most a request may carry. */
export const SLOT_ROWS = SLOT_RULES.maxSlots;

export const slotFieldId = (row: number) => `slot-${row}`;
/** The error for the set of times as a whole sits on the first input. */
export const SLOTS_FIELD = slotFieldId(0);

/** What <input type="datetime-local"> sends: a wall time without a zone. */
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A wall time read in the group's zone, as an instant with its offset ("…T10:00:00.000+02:00"). */
export function wallTimeToInstant(wall: string, zone: string): string | null {
  if (!WALL_TIME.test(wall)) return null;
  const dt = DateTime.fromISO(wall, { zone });
  return dt.isValid ? dt.toISO() : null;
}

/** An instant as the wall time a datetime-local input shows in `zone` ("2027-03-08T10:00"), or null. */
export function wallTimeOf(instant: string, zone: string): string | null {
  if (instant.length > 40) return null;
  const dt = DateTime.fromISO(instant, { setZone: true });
  return dt.isValid ? dt.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm") : null;
}

/** "Mon 8 Mar 09:00 in Stockholm": the same text enhance.js writes while the user types. */
export function expertTimeLabel(instant: string, lang: Lang, expertZone: string): string {
  const utc = DateTime.fromISO(instant).toUTC().toISO()!;
  const when = `${formatShortDate(utc, lang, expertZone)} ${formatTime(utc, lang, expertZone)}`;
  return catalogues[lang].common.inCity(when, zoneCity(expertZone, lang));
}

/** Each slot rule's machine code (FieldIssue.rule) has a message in the catalogues; the English text is never read. */
function slotMessage(issue: FieldIssue, v: Messages["validation"], rowOf: (planIndex: number) => number): string {
  switch (issue.rule as SlotRule | undefined) {
    case "overlap": {
      const other = /^slots\.(\d+)\.start$/.exec(issue.related ?? "");
      return v.slotOverlap(rowOf(Number(other?.[1] ?? 0)) + 1);
    }
    case "grid":
      return v.slotGrid;
    case "past":
      return v.slotPast;
    default:
      return v.slotFormat;
  }
}

export type SlotCheck = { ok: true; starts: string[] } | { ok: false; errors: FieldErrors };

/**
 * Checks the times the group typed: empty rows are skipped, each filled row must be a date and
 * time, there must be 2–5 of them (unless only previewing), and the domain's own rules apply.
 * Errors are keyed by the input's id, so each shows next to its own row.
 */
export function checkSlots(
  rows: readonly string[],
  input: {
    zone: string;
    durationMinutes: number;
    now: Date;
    v: Messages["validation"];
    requireCount: boolean;
    /** How many times are allowed and their messages; the group's 2–5 unless given (the expert's are 1–3). */
    count?: { min: number; max: number; tooFew: string; tooMany: string };
  },
): SlotCheck {
  const { v } = input;
  const count = input.count ?? { min: SLOT_RULES.minSlots, max: SLOT_RULES.maxSlots, tooFew: v.slotsTooFew, tooMany: v.slotsTooMany };
  const errors: FieldErrors = {};
  const filled: { row: number; start: string }[] = [];
  rows.forEach((raw, row) => {
    const value = raw.trim();
    if (!value) return;
    const start = wallTimeToInstant(value, input.zone);
    if (start) filled.push({ row, start });
    else errors[slotFieldId(row)] = v.slotFormat;
  });
  if (input.requireCount && filled.length + Object.keys(errors).length < count.min) errors[SLOTS_FIELD] ??= count.tooFew;
  if (filled.length > count.max) errors[SLOTS_FIELD] ??= count.tooMany;
  const plan = planProposedSlots(
    filled.map((f) => f.start),
    input.durationMinutes,
    input.now,
  );
  const rowOf = (planIndex: number) => filled[planIndex]?.row ?? 0;
  if (!plan.ok) {
    for (const issue of plan.issues) {
      const index = Number(/^slots\.(\d+)\.start$/.exec(issue.path)?.[1] ?? 0);
      errors[slotFieldId(rowOf(index))] ??= slotMessage(issue, v, rowOf);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, starts: filled.map((f) => f.start) };
}

/** Maps issues the service returns for `slots.N.start` onto the rows they came from. */
export function slotErrorsFromIssues(issues: readonly FieldIssue[], rows: readonly string[], v: Messages["validation"]): FieldErrors {
  const filledRows = rows.map((r, i) => (r.trim() ? i : -1)).filter((i) => i >= 0);
  const rowOf = (planIndex: number) => filledRows[planIndex] ?? 0;
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const index = /^slots\.(\d+)\.start$/.exec(issue.path)?.[1];
    if (index !== undefined) errors[slotFieldId(rowOf(Number(index)))] ??= slotMessage(issue, v, rowOf);
  }
  return errors;
}
