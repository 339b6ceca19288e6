import type { Action } from "../../consultations/transitions.js";
import type { ExpertView } from "../../expert-access/expert-access.service.js";
import { BriefBody } from "../components/brief.js";
import { CsrfField, ErrorSummary, Notice, TextArea, type FieldErrors } from "../components/form.js";
import { formatSlot, timeInCity, zoneCity } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";
import { EvaluationForm } from "../evaluation/evaluation-form.js";
import type { EvaluationState } from "../evaluation/evaluation-state.js";
import { SLOT_RULES } from "../../consultations/proposed-slots.js";
import { TimeRows } from "../components/time-rows.js";
import { slotFieldId } from "../group/slot-input.js";

export interface ExpertPageProps {
  t: Messages;
  lang: Lang;
  csrfToken: string;
  secret: string;
  view: ExpertView;
  /** A failed action's message, shown above everything else. */
  problem?: string;
  errors?: FieldErrors;
  reason?: string;
  /** After the session: the evaluation form's state, and whether it was just saved. */
  evaluation?: EvaluationState & { saved: boolean; errors: FieldErrors };
  /** From the lifecycle table (allowedActions): what the expert may do now. */
  allowed: readonly Action[];
  /** The other-times form as sent, after a refusal. */
  proposal?: { values: string[]; errors: FieldErrors };
  /** Whether the service sends mail itself: the page says who was told, or what happens instead. */
  mailOn: boolean;
}

function ProposeOther({ p }: { p: ExpertPageProps }) {
  const { t, lang, view } = p;
  const l = t.lifecycle;
  const errors = p.proposal?.errors ?? {};
  return (
    <section aria-labelledby="propose-title">
      <h2 id="propose-title">{l.proposeTitle}</h2>
      <p>{l.proposeIntro(zoneCity(view.expert.timeZone, lang))}</p>
      <form method="post" action={`/e/${p.secret}/propose`} novalidate>
        <CsrfField token={p.csrfToken} />
        <fieldset>
          <legend>{l.proposeTitle}</legend>
          <TimeRows t={t} rows={SLOT_RULES.maxCounterSlots} required={SLOT_RULES.minCounterSlots} values={p.proposal?.values ?? []} errors={errors} label={l.timeLabel} />
        </fieldset>
        <button type="submit" class="button-secondary">
          {l.proposeSubmit}
        </button>
      </form>
    </section>
  );
}

/** After proposing: the expert's own times, waiting for the group. */
function Proposed({ p }: { p: ExpertPageProps }) {
  const { t, lang, view } = p;
  const own = view.expert.timeZone;
  return (
    <section aria-labelledby="proposed-title" class="notice">
      <h2 id="proposed-title">{t.lifecycle.proposedTitle}</h2>
      <p>{t.lifecycle.proposedBody}</p>
      <ul class="slots">
        {view.slots.map((slot) => (
          <li class="slot">
            <div>
              <span class="slot-when">
                {formatSlot(slot, lang, own)} ({zoneCity(own, lang)})
              </span>
              <span class="slot-other">{timeInCity(slot.start, lang, view.group.timeZone, own)}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Details({ t, view }: { t: Messages; view: ExpertView }) {
  return (
    <dl class="summary-list">
      <dt>{t.expert.from}</dt>
      <dd>
        {view.group.name}, {view.group.organisation}
      </dd>
      <dt>{t.expert.topic}</dt>
      <dd>{view.topic.title}</dd>
      <dt>{t.expert.theme}</dt>
      <dd>{view.topic.theme}</dd>
      <dt>{t.expert.length}</dt>
      <dd>{t.expert.lengthValue(view.durationMinutes)}</dd>
    </dl>
  );
}

function Brief({ t, view }: { t: Messages; view: ExpertView }) {
  return (
    <section aria-labelledby="brief-title" class="panel">
      <h2 id="brief-title">{t.expert.brief}</h2>
      <BriefBody t={t} brief={view.brief} />
    </section>
  );
}

function SlotChoice({ p }: { p: ExpertPageProps }) {
  const { t, lang, view } = p;
  const own = view.expert.timeZone;
  return (
    <section aria-labelledby="choose-title">
      <h2 id="choose-title">{t.expert.chooseTitle}</h2>
      <p>{t.expert.chooseIntro(zoneCity(own, lang))}</p>
      <ul class="slots">
        {view.slots.map((slot) => {
          const when = `${formatSlot(slot, lang, own)} (${zoneCity(own, lang)})`;
          return (
            <li class="slot">
              <div>
                <span class="slot-when">{when}</span>
                <span class="slot-other">{timeInCity(slot.start, lang, view.group.timeZone, own)}</span>
              </div>
              <form method="post" action={`/e/${p.secret}/confirm`}>
                <CsrfField token={p.csrfToken} />
                <input type="hidden" name="slotId" value={slot.id} />
                <button type="submit" aria-label={t.expert.confirmLabel(when)}>
                  {t.expert.confirm}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Confirmed({ p }: { p: ExpertPageProps }) {
  const { t, lang, view } = p;
  const slot = view.confirmedSlot;
  if (!slot) return null;
  const own = view.expert.timeZone;
  return (
    <section aria-labelledby="confirmed-title" class="notice">
      <h2 id="confirmed-title">{t.expert.confirmedTitle}</h2>
      <p>{p.mailOn ? t.mail.pages.expertConfirmedTold : t.mail.pages.expertConfirmedNoMail}</p>
      <p>
        <strong>{t.expert.time}: </strong>
        <span data-testid="confirmed-time">
          {formatSlot(slot, lang, own)} ({zoneCity(own, lang)})
        </span>
        <br />
        <span class="slot-other">{timeInCity(slot.start, lang, view.group.timeZone, own)}</span>
      </p>
      {view.meeting?.joinUrl ? (
        <p>
          <a href={view.meeting.joinUrl} rel="noopener noreferrer">
            {t.common.joinMeeting}
          </a>
        </p>
      ) : (
        <p>{p.mailOn ? t.mail.pages.meetingLinkMail : t.mail.pages.meetingLinkNoMail}</p>
      )}
      {view.meeting ? (
        <p>
          <a class="button button-secondary" href={`/e/${p.secret}/invite.ics`} download="samrad-invite.ics">
            {t.common.downloadIcs}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function Decline({ p }: { p: ExpertPageProps }) {
  const { t } = p;
  const confirmed = p.view.status === "confirmed";
  return (
    <section aria-labelledby="decline-title">
      <h2 id="decline-title">{confirmed ? t.lifecycle.withdrawTitle : t.expert.declineTitle}</h2>
      <form method="post" action={`/e/${p.secret}/decline`} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextArea
          t={t}
          id="reason"
          name="reason"
          label={t.expert.reasonLabel}
          hint={confirmed ? t.lifecycle.withdrawHint : t.expert.reasonHint}
          optional
          rows={3}
          max={1000}
          value={p.reason}
          error={p.errors?.reason}
        />
        <button type="submit" class="button-secondary">
          {confirmed ? t.lifecycle.withdraw : t.expert.decline}
        </button>
      </form>
    </section>
  );
}

const proposalLabels = (t: Messages) =>
  Object.fromEntries(Array.from({ length: SLOT_RULES.maxCounterSlots }, (_, i) => [slotFieldId(i), t.lifecycle.timeLabel(i + 1)]));

export function ExpertPage(p: ExpertPageProps) {
  const { t, view } = p;
  const held = view.status === "held" || view.status === "evaluated";
  return (
    <>
      <h1>{t.expert.title(view.topic.title)}</h1>
      <ErrorSummary t={t} errors={{ ...p.errors, ...p.proposal?.errors }} labels={{ reason: t.expert.reasonLabel, ...proposalLabels(t) }} />
      {p.problem ? <Notice kind="warning">{p.problem}</Notice> : null}
      {view.status === "confirmed" ? <Confirmed p={p} /> : null}
      {/* After a reschedule the earlier times, and a time confirmed among them, no longer hold. */}
      {view.status === "requested" && view.slotsProposedBy === "group" && view.round > 0 ? <Notice kind="info">{t.groupPages.expertNewTimes(view.group.name)}</Notice> : null}
      {held ? (
        <Notice kind="info">
          <h2>{t.expert.heldTitle}</h2>
          <p>{t.expert.heldBody}</p>
        </Notice>
      ) : null}
      {held && p.evaluation ? (
        <EvaluationForm t={t} csrfToken={p.csrfToken} action={`/e/${p.secret}/evaluation`} side="expert" {...p.evaluation} />
      ) : null}
      <Details t={t} view={view} />
      <Brief t={t} view={view} />
      {view.status === "requested" && view.slotsProposedBy === "expert" ? <Proposed p={p} /> : null}
      {p.allowed.includes("confirm") ? <SlotChoice p={p} /> : null}
      {p.allowed.includes("counterPropose") ? <ProposeOther p={p} /> : null}
      {p.allowed.includes("decline") ? <Decline p={p} /> : null}
    </>
  );
}
