import { evaluationClosesAt } from "../evaluations/evaluation-window.js";
import {
  answerReminderDue,
  answerReminderGroupDue,
  evaluationReminderDue,
  evaluationRequestDue,
  sessionReminderDue,
} from "./human-hours.js";
import { everyone, type MailContext, type Recipient } from "./mail-context.js";
import type { MailKind } from "./mail-kinds.js";

/** One message to record: sent when due, if it is still wanted then. */
export interface PlannedMail {
  kind: MailKind;
  to: Recipient;
  round: number;
  dueAt: Date;
}

export interface EventFacts {
  type: string;
  fromStatus: string | null;
  at: Date;
}

/**
 * The messages an event calls for (pure: the consultation as read, the event, the clock). Messages
 * sent now are due at the event; reminders are due at a human hour of their reader. Reminders
 * already past when planned are left out: the message that planned them says the same.
 */
export function planMail(ctx: MailContext, event: EventFacts, now: Date): PlannedMail[] {
  const plan: PlannedMail[] = [];
  const add = (kind: MailKind, to: Recipient, dueAt: Date) => plan.push({ kind, to, round: ctx.round, dueAt });
  const future = (kind: MailKind, to: Recipient, dueAt: Date) => {
    if (dueAt.getTime() > now.getTime()) add(kind, to, dueAt);
  };
  switch (event.type) {
    case "consultation.requested":
    case "consultation.rescheduled": {
      add("request", ctx.expert, event.at);
      const expertDue = answerReminderDue(event.at, ctx.expert);
      future("reminder.answer", ctx.expert, expertDue);
      for (const m of ctx.members) future("reminder.answer.group", m, answerReminderGroupDue(expertDue, m));
      break;
    }
    case "consultation.confirmed": {
      for (const r of everyone(ctx)) add("confirmed", r, event.at);
      if (ctx.confirmedSlot) for (const r of everyone(ctx)) future("reminder.session", r, sessionReminderDue(new Date(ctx.confirmedSlot.start), r));
      break;
    }
    case "consultation.cancelled":
    case "consultation.declined":
    case "consultation.expired": {
      // Those who did not act are told; with a meeting everyone gets the cancellation for their calendar.
      const told = ctx.meeting ? everyone(ctx) : event.type === "consultation.cancelled" ? [ctx.expert] : ctx.members;
      for (const r of told) add("closed", r, event.at);
      break;
    }
    case "consultation.held": {
      if (!ctx.confirmedSlot || ctx.noShow) break;
      // From the session's end, or from now when the sweep came late: the request still goes, at a human hour.
      const end = new Date(Math.max(Date.parse(ctx.confirmedSlot.end), now.getTime()));
      for (const r of everyone(ctx)) {
        add("evaluation.request", r, evaluationRequestDue(end, r));
        future("evaluation.reminder", r, evaluationReminderDue(end, r));
      }
      break;
    }
  }
  return plan;
}

export type Wanted = "send" | "skip" | "wait";

/**
 * At send time: is the message still right? The consultation may have moved on since it was
 * planned (answered, moved, cancelled, evaluated). "wait": not yet sendable (the meeting the
 * invitation describes is still being made).
 */
export function stillWanted(kind: MailKind, round: number, ctx: MailContext, to: Recipient, now: Date): Wanted {
  const sameRound = round === ctx.round;
  switch (kind) {
    case "request":
    case "reminder.answer":
    case "reminder.answer.group":
      return ctx.status === "requested" && sameRound ? "send" : "skip";
    case "confirmed": {
      if (!sameRound || !["confirmed", "held", "evaluated"].includes(ctx.status) || !ctx.confirmedSlot) return "skip";
      const m = ctx.meeting;
      return m && m.externalId !== "" && !m.cancelledAt && m.start === ctx.confirmedSlot.start ? "send" : "wait";
    }
    case "closed":
      return "send";
    case "reminder.session":
      return ctx.status === "confirmed" && sameRound && ctx.confirmedSlot !== null && Date.parse(ctx.confirmedSlot.start) > now.getTime() ? "send" : "skip";
    case "evaluation.request":
    case "evaluation.reminder": {
      const closesAt = evaluationClosesAt({ sessionEnd: ctx.confirmedSlot?.end ?? null, evaluationClosedAt: ctx.evaluationClosedAt });
      const open = !ctx.noShow && closesAt !== null && closesAt > now.toISOString() && ["confirmed", "held", "evaluated"].includes(ctx.status);
      const evaluated = ctx.evaluatedBy.has(to.role === "expert" ? "expert" : to.id);
      return open && !evaluated ? "send" : "skip";
    }
  }
}
