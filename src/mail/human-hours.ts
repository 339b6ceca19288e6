import { DateTime } from "luxon";
import { isWorkingDay, NORDIC_COUNTRIES, type NordicCountry } from "../scheduling/working-days.js";

/**
 * When a reminder may arrive: during office hours in the reader's own zone, on one of their
 * working days (their country's public holidays, as the time suggestions know them). Pure: the
 * instants come in, nothing reads a clock.
 */
export interface Reader {
  zone: string;
  /** ISO 3166 code; outside the Nordic set only weekends are days off. */
  country: string;
}

/** Office hours: a reminder arrives from 09:00 and no later than 15:59 local time. */
export const WORKDAY_START_HOUR = 9;
export const WORKDAY_END_HOUR = 16;

function workingDay(reader: Reader, day: DateTime): boolean {
  const iso = day.toISODate()!;
  if ((NORDIC_COUNTRIES as readonly string[]).includes(reader.country)) return isWorkingDay(reader.country as NordicCountry, iso);
  return day.weekday <= 5;
}

const local = (instant: Date, reader: Reader) => DateTime.fromJSDate(instant, { zone: reader.zone });

/** Whether `instant` falls in the reader's office hours on one of their working days. */
export function isHumanHour(instant: Date, reader: Reader): boolean {
  const t = local(instant, reader);
  return workingDay(reader, t) && t.hour >= WORKDAY_START_HOUR && t.hour < WORKDAY_END_HOUR;
}

/** The first moment at or after `instant` that is a human hour for the reader. */
export function humanHourAtOrAfter(instant: Date, reader: Reader): Date {
  if (isHumanHour(instant, reader)) return instant;
  let day = local(instant, reader).startOf("day");
  if (local(instant, reader).hour >= WORKDAY_START_HOUR) day = day.plus({ days: 1 });
  // At most a fortnight of days off in a row (Christmas to Epiphany is the longest).
  for (let i = 0; i < 30 && !workingDay(reader, day); i++) day = day.plus({ days: 1 });
  return day.set({ hour: WORKDAY_START_HOUR }).toJSDate();
}

/** The last moment at or before `instant` that is a human hour for the reader (15:00 on an earlier day). */
export function humanHourAtOrBefore(instant: Date, reader: Reader): Date {
  if (isHumanHour(instant, reader)) return instant;
  const t = local(instant, reader);
  let day = t.startOf("day");
  if (!(workingDay(reader, day) && t.hour >= WORKDAY_END_HOUR)) {
    day = day.minus({ days: 1 });
    for (let i = 0; i < 30 && !workingDay(reader, day); i++) day = day.minus({ days: 1 });
  }
  return day.set({ hour: WORKDAY_END_HOUR - 1 }).toJSDate();
}

/** `days` working days after `instant` in the reader's calendar (same local time), then at a human hour. */
export function afterWorkingDays(instant: Date, days: number, reader: Reader): Date {
  const start = local(instant, reader);
  let day = start;
  for (let counted = 0; counted < days; ) {
    day = day.plus({ days: 1 });
    if (workingDay(reader, day)) counted++;
  }
  return humanHourAtOrAfter(day.toJSDate(), reader);
}

/** The rules of when each reminder is due (issue 10). */
export const REMINDER_RULES = {
  /** An unanswered request: three working days after it was sent, in the expert's calendar. */
  answerAfterWorkingDays: 3,
  /** Before the session: a day ahead, moved earlier to a human hour. */
  sessionHoursBefore: 24,
  /** The evaluation reminder: three days after the evaluation request. */
  evaluationReminderDays: 3,
} as const;

export function answerReminderDue(requestedAt: Date, expert: Reader): Date {
  return afterWorkingDays(requestedAt, REMINDER_RULES.answerAfterWorkingDays, expert);
}

/** The group hears that the expert was reminded at its own next human hour. */
export function answerReminderGroupDue(expertReminderDue: Date, member: Reader): Date {
  return humanHourAtOrAfter(expertReminderDue, member);
}

export function sessionReminderDue(start: Date, reader: Reader): Date {
  return humanHourAtOrBefore(new Date(start.getTime() - REMINDER_RULES.sessionHoursBefore * 3_600_000), reader);
}

export function evaluationRequestDue(sessionEnd: Date, reader: Reader): Date {
  return humanHourAtOrAfter(sessionEnd, reader);
}

export function evaluationReminderDue(sessionEnd: Date, reader: Reader): Date {
  const request = evaluationRequestDue(sessionEnd, reader);
  return humanHourAtOrAfter(new Date(request.getTime() + REMINDER_RULES.evaluationReminderDays * 86_400_000), reader);
}
