import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { evaluationClosesAt } from "../evaluations/evaluation-window.js";
import { inviteIcs } from "../meetings/invite-ics.js";
import { loadMeetingDetails } from "../meetings/meeting-details.js";
import type { Attendee, OutgoingMail } from "../meetings/scheduler.js";
import { formatDateTime, formatSlot, timeInCity, zoneCity } from "../pages/i18n/format.js";
import { catalogues } from "../pages/i18n/index.js";
import type { MailContext, Recipient } from "./mail-context.js";
import { renderHtml, renderText, type Block, type MailDocument } from "./mail-document.js";
import type { MailKind } from "./mail-kinds.js";

export interface ComposeInput {
  kind: MailKind;
  ctx: MailContext;
  to: Recipient;
  /** The recipient's own page: the expert's link (opened from its sealed form) or the member page. */
  link: string | null;
  now: Date;
  publicBaseUrl: string;
  organizer: (details: NonNullable<Awaited<ReturnType<typeof loadMeetingDetails>>>) => Attendee;
  db: Kysely<DB>;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** The message for one recipient in their language, with an invitation attached where it belongs. */
export async function composeMail(input: ComposeInput): Promise<Omit<OutgoingMail, "messageId">> {
  const { kind, ctx, to, link } = input;
  const t = catalogues[to.lang].mail;
  const topic = ctx.topicTitle;
  const blocks: Block[] = [{ kind: "p", text: t.greeting(firstName(to.name)) }];
  const when = (slot: { start: string; end: string }) => `${formatSlot(slot, to.lang, to.zone)} (${zoneCity(to.zone, to.lang)})`;
  const ownLink = (label: string) => (link ? [{ kind: "link", label, href: link } as Block] : []);
  const pageLabel = to.role === "expert" ? t.expertPage : t.consultationPage;
  const joinOrNot = (): Block[] =>
    ctx.meeting?.joinUrl
      ? [{ kind: "link", label: t.join, href: ctx.meeting.joinUrl }]
      : [{ kind: "p", text: to.role === "expert" ? t.noJoinLinkExpert : t.noJoinLinkMember }];
  const closes = () => {
    const at = evaluationClosesAt({ sessionEnd: ctx.confirmedSlot?.end ?? null, evaluationClosedAt: ctx.evaluationClosedAt });
    return at ? formatDateTime(at, to.lang, to.zone) : "";
  };
  let subject: string;
  let calendar: OutgoingMail["calendar"];

  switch (kind) {
    case "request": {
      subject = ctx.round > 0 ? t.rescheduleSubject(topic) : t.requestSubject(topic);
      blocks.push({ kind: "p", text: ctx.round > 0 ? t.rescheduleIntro(ctx.group.name) : t.requestIntro(ctx.group.name, ctx.group.organisation, ctx.durationMinutes) });
      blocks.push({ kind: "h2", text: t.challenge }, { kind: "p", text: ctx.challenge });
      blocks.push({ kind: "h2", text: t.questions }, { kind: "ol", items: ctx.questions });
      blocks.push({ kind: "h2", text: t.timesIn(zoneCity(to.zone, to.lang)) });
      blocks.push({
        kind: "ul",
        items: ctx.slots.map((s) => `${formatSlot(s, to.lang, to.zone)} ${t.groupTime(timeInCity(s.start, to.lang, ctx.group.zone, to.zone))}`),
      });
      blocks.push(...ownLink(t.chooseLink));
      break;
    }
    case "confirmed": {
      const updated = (ctx.meeting?.sequence ?? 0) > 0;
      subject = updated ? t.updatedSubject(topic) : t.confirmedSubject(topic);
      blocks.push({ kind: "p", text: updated ? t.updatedIntro : to.role === "expert" ? t.confirmedIntroExpert : t.confirmedIntroMember(ctx.expert.name) });
      if (ctx.confirmedSlot) blocks.push({ kind: "h2", text: t.time }, { kind: "p", text: when(ctx.confirmedSlot) });
      blocks.push(...joinOrNot(), { kind: "p", text: t.invitationAttached }, ...ownLink(pageLabel));
      calendar = await invitation(input, "REQUEST");
      break;
    }
    case "closed": {
      subject = t.cancelledSubject(topic);
      const withdrew = ctx.status === "declined" && ctx.meeting !== null;
      const intro =
        ctx.status === "declined" ? (withdrew ? t.withdrawnIntro(ctx.expert.name) : t.declinedIntro(ctx.expert.name)) : ctx.status === "expired" ? t.expiredIntro : t.cancelledIntro;
      blocks.push({ kind: "p", text: intro });
      if (ctx.meeting) {
        blocks.push({ kind: "p", text: t.cancellationAttached });
        calendar = await invitation(input, "CANCEL");
      }
      break;
    }
    case "reminder.answer":
      subject = t.answerReminderSubject(topic);
      blocks.push({ kind: "p", text: t.answerReminderIntro(ctx.group.name) }, ...ownLink(t.chooseLink));
      break;
    case "reminder.answer.group":
      subject = t.answerReminderGroupSubject(topic);
      blocks.push({ kind: "p", text: t.answerReminderGroupIntro(ctx.expert.name) }, ...ownLink(pageLabel));
      break;
    case "reminder.session":
      subject = t.sessionReminderSubject(topic);
      blocks.push({ kind: "p", text: t.sessionReminderIntro });
      if (ctx.confirmedSlot) blocks.push({ kind: "h2", text: t.time }, { kind: "p", text: when(ctx.confirmedSlot) });
      blocks.push(...joinOrNot(), ...ownLink(pageLabel));
      break;
    case "evaluation.request":
      subject = t.evaluationSubject(topic);
      blocks.push({ kind: "p", text: t.evaluationIntro(closes()) }, ...ownLink(t.evaluationLink));
      break;
    case "evaluation.reminder":
      subject = t.evaluationReminderSubject(topic);
      blocks.push({ kind: "p", text: t.evaluationReminderIntro(closes()) }, ...ownLink(t.evaluationLink));
      break;
  }
  blocks.push({ kind: "p", text: t.signature });
  const doc: MailDocument = { lang: to.lang, subject, blocks, footer: t.footer };
  return { to: { name: to.name, email: to.email }, subject, body: renderText(doc), html: renderHtml(doc), language: to.lang, ...(calendar ? { calendar } : {}) };
}

async function invitation(input: ComposeInput, method: "REQUEST" | "CANCEL"): Promise<OutgoingMail["calendar"]> {
  const meeting = input.ctx.meeting;
  if (!meeting) return undefined;
  const details = await loadMeetingDetails(input.db, input.ctx.consultationId, input.publicBaseUrl);
  if (!details) return undefined;
  const reader = { lang: input.to.lang, link: input.link ?? details.link };
  return { method, content: inviteIcs(details, meeting, input.organizer(details), input.now, reader, { cancel: method === "CANCEL" }) };
}
