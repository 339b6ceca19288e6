import type { Consultation } from "../../consultations/consultations.schemas.js";
import type { Action } from "../../consultations/transitions.js";
import { BriefBody } from "../components/brief.js";
import { DataTable } from "../components/data-table.js";
import { CsrfField, ErrorSummary, Notice, TextArea, type FieldErrors } from "../components/form.js";
import { countryName, formatDateTime, formatSlot, timeInCity, zoneCity } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";
import type { Actor, HistoryAction } from "../i18n/vocabulary.js";
import { StatusBadge } from "./list.view.js";
import { SLOT_RULES } from "../../consultations/proposed-slots.js";
import { slotFieldId } from "./slot-input.js";
import { FollowUpPanel, FundingPanel, MemberEvaluationPanel, type MemberEvaluation } from "./after-session.view.js";
import { Closed, OwnMeetingLink, Reschedule } from "./detail-sections.view.js";

export interface HistoryEntry {
  at: string;
  actorType: string;
  action: string;
}

export interface DetailProps {
  t: Messages;
  lang: Lang;
  csrfToken: string;
  zone: string;
  consultation: Consultation;
  brief: { challenge: string; questions: string[]; language: string };
  history: HistoryEntry[];
  notice?: string;
  problem?: string;
  errors?: FieldErrors;
  reason?: string;
  /** From the lifecycle table (allowedActions): the page offers exactly what the API accepts. */
  allowed: readonly Action[];
  /** The new-times form as sent, after a refusal. */
  reschedule?: { values: string[]; errors: FieldErrors };
  /** No tenant creates the meeting: the group may give its own link. */
  ownLinkOffered: boolean;
  ownLink?: { value: string; error?: string };
  /** After the session: this member's evaluation form, and whether an evaluation asked for a follow-up. */
  evaluation?: MemberEvaluation;
  /** Whether the service sends mail itself: the page says who was told, or what to do. */
  mailOn: boolean;
  /** Whether meetings are Teams meetings made by the service (a join link will come). */
  makesMeetings: boolean;
}

/** The expert's own times, each confirmable with one click (acceptCounter). */
function CounterProposal({ p }: { p: DetailProps }) {
  const { t, consultation: c } = p;
  const l = t.lifecycle;
  return (
    <section aria-labelledby="counter-title" class="panel">
      <h2 id="counter-title">{l.counterTitle}</h2>
      <p>{l.counterIntro(c.expert.name)}</p>
      <ul class="slots">
        {c.slots.map((s) => {
          const when = `${formatSlot(s, p.lang, p.zone)} (${zoneCity(p.zone, p.lang)})`;
          return (
            <li class="slot">
              <div>
                <SlotLine p={p} slot={s} />
              </div>
              <form method="post" action={`/app/consultations/${c.id}/accept`}>
                <CsrfField token={p.csrfToken} />
                <input type="hidden" name="slotId" value={s.id} />
                <button type="submit" aria-label={l.acceptLabel(when)}>
                  {l.acceptSubmit}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SlotLine({ p, slot }: { p: DetailProps; slot: { start: string; end: string } }) {
  const expertZone = p.consultation.expert.timeZone;
  return (
    <>
      <span class="slot-when">
        {formatSlot(slot, p.lang, p.zone)} ({zoneCity(p.zone, p.lang)})
      </span>
      <span class="slot-other">{p.t.group.expertTime(timeInCity(slot.start, p.lang, expertZone, p.zone))}</span>
    </>
  );
}

function Facts({ p }: { p: DetailProps }) {
  const { t, consultation: c } = p;
  return (
    <dl class="summary-list">
      <dt>{t.group.status}</dt>
      <dd>
        <StatusBadge t={t} status={c.status} />
      </dd>
      <dt>{t.group.expert}</dt>
      <dd>
        {c.expert.name}, {c.expert.organisation} ({countryName(c.expert.country, p.lang)})
      </dd>
      <dt>{t.group.duration}</dt>
      <dd>{t.common.minutes(c.durationMinutes)}</dd>
      {c.confirmedSlot && !closed(c) ? (
        <>
          <dt>{t.group.confirmedTime}</dt>
          <dd data-testid="confirmed-time">
            <SlotLine p={p} slot={c.confirmedSlot} />
          </dd>
        </>
      ) : null}
      {/* After a reschedule there is no confirmed time, so the old invitation is not offered. */}
      {c.meeting && c.meeting.state === "scheduled" && c.confirmedSlot && !closed(c) ? (
        <>
          <dt>{t.common.joinMeeting}</dt>
          <dd>
            {c.meeting.joinUrl ? (
              <a href={c.meeting.joinUrl} rel="noopener noreferrer">
                {t.common.joinMeeting}
              </a>
            ) : p.makesMeetings ? (
              t.mail.pages.joinLinkLater
            ) : (
              t.mail.pages.joinLinkNone
            )}
            <br />
            <a href={`/app/consultations/${c.id}/invite.ics`} download="samrad-invite.ics">
              {t.common.downloadIcs}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function History({ p }: { p: DetailProps }) {
  const { t } = p;
  return (
    <section>
      <h2 id="history-title">{t.group.history}</h2>
      {/* Named by its heading through the table's region only: a named section too would be a second landmark of that name. */}
      <DataTable labelledBy="history-title" columns={[{ label: t.group.when }, { label: t.group.what }, { label: t.group.who }]}>
        {p.history.map((h) => (
          <tr>
            <td>{formatDateTime(h.at, p.lang, p.zone)}</td>
            <td>{t.audit.actions[h.action as HistoryAction] ?? t.lifecycle.history[h.action] ?? t.lifecycle.historyOther}</td>
            <td>{t.audit.actors[h.actorType as Actor] ?? h.actorType}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Cancel({ p }: { p: DetailProps }) {
  const { t, consultation: c } = p;
  if (!p.allowed.includes("cancel")) return null;
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t.group.cancelTitle}</h2>
      <form method="post" action={`/app/consultations/${c.id}/cancel`} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextArea
          t={t}
          id="reason"
          name="reason"
          label={t.group.cancelReason}
          hint={c.status === "draft" ? t.lifecycle.draftCancelHint : p.mailOn ? t.mail.pages.cancelTold : t.mail.pages.cancelNoMail}
          rows={3}
          max={1000}
          value={p.reason}
          error={p.errors?.reason}
        />
        <button type="submit" class="button-danger">
          {t.group.cancel}
        </button>
      </form>
    </section>
  );
}

const closed = (c: Consultation) => c.status === "declined" || c.status === "cancelled" || c.status === "expired";
const timeLabels = (t: Messages) => Object.fromEntries(Array.from({ length: SLOT_RULES.maxSlots }, (_, i) => [slotFieldId(i), t.newFlow.timeLabel(i + 1)]));

export function ConsultationDetail(p: DetailProps) {
  const { t, consultation: c } = p;
  return (
    <>
      <p>
        <a href="/app">{t.layout.myConsultations}</a>
      </p>
      <h1>{c.topic.title}</h1>
      <ErrorSummary
        t={t}
        errors={{ ...p.errors, ...p.reschedule?.errors, ...(p.ownLink?.error ? { meetingUrl: p.ownLink.error } : {}) }}
        labels={{ reason: t.group.cancelReason, funding: t.groupPages.fundingLabel, meetingUrl: t.lifecycle.ownLinkLabel, ...timeLabels(t) }}
      />
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      {p.problem ? <Notice kind="warning">{p.problem}</Notice> : null}
      <Facts p={p} />
      {c.status === "requested" || c.status === "confirmed" ? (
        <p>
          <a href={`/app/consultations/${c.id}/sent`}>{t.groupPages.showMessage}</a>
        </p>
      ) : null}
      <Closed p={p} />
      {p.allowed.includes("acceptCounter") ? <CounterProposal p={p} /> : null}
      {p.allowed.includes("request") ? (
        <section aria-labelledby="send-title" class="panel">
          <h2 id="send-title">{t.group.sendTitle}</h2>
          <p>{t.group.sendBody}</p>
          <form method="post" action={`/app/consultations/${c.id}/request`}>
            <CsrfField token={p.csrfToken} />
            <button type="submit">{t.group.send}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="brief-title">
        <h2 id="brief-title">{t.group.brief}</h2>
        <BriefBody t={t} brief={p.brief} />
      </section>
      {c.slotsProposedBy === "group" && c.status !== "confirmed" ? (
      <section aria-labelledby="times-title">
        <h2 id="times-title">{t.group.proposedTimes}</h2>
        <ul class="slots">
          {c.slots.map((s) => (
            <li class="slot">
              <div>
                <SlotLine p={p} slot={s} />
              </div>
            </li>
          ))}
        </ul>
      </section>
      ) : null}
      {p.allowed.includes("reschedule") ? <Reschedule p={p} /> : null}
      {p.ownLinkOffered && p.allowed.includes("setMeetingLink") ? <OwnMeetingLink p={p} /> : null}
      <MemberEvaluationPanel p={p} />
      <FollowUpPanel p={p} />
      <FundingPanel p={p} />
      <History p={p} />
      <Cancel p={p} />
    </>
  );
}
