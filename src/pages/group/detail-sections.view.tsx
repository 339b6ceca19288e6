import { SLOT_RULES } from "../../consultations/proposed-slots.js";
import { CsrfField, TextInput } from "../components/form.js";
import { TimeRows } from "../components/time-rows.js";
import { zoneCity } from "../i18n/format.js";
import type { DetailProps } from "./detail.view.js";

/** The consultation page's sections that change its times or say why it closed. */
export function OwnMeetingLink({ p }: { p: DetailProps }) {
  const { t, consultation: c } = p;
  const l = t.lifecycle;
  return (
    <section aria-labelledby="own-link-title">
      <h2 id="own-link-title">{l.ownLinkTitle}</h2>
      <form method="post" action={`/app/consultations/${c.id}/meeting-link`} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextInput t={t} id="meetingUrl" name="url" type="url" label={l.ownLinkLabel} hint={l.ownLinkHint} optional value={p.ownLink?.value ?? c.ownMeetingUrl ?? ""} error={p.ownLink?.error} />
        <button type="submit" class="button-secondary">
          {l.ownLinkSave}
        </button>
      </form>
    </section>
  );
}

export function Reschedule({ p }: { p: DetailProps }) {
  const { t, consultation: c } = p;
  const l = t.lifecycle;
  return (
    <section aria-labelledby="reschedule-title">
      <h2 id="reschedule-title">{l.rescheduleTitle}</h2>
      <p class="hint">{l.rescheduleIntro(zoneCity(p.zone, p.lang))}</p>
      <form method="post" action={`/app/consultations/${c.id}/reschedule`} novalidate>
        <CsrfField token={p.csrfToken} />
        {/* The round this form answers: sent twice, the second finds the round moved on and changes nothing. */}
        <input type="hidden" name="round" value={String(c.round)} />
        <fieldset>
          <legend>{l.rescheduleTitle}</legend>
          <TimeRows t={t} rows={SLOT_RULES.maxSlots} required={SLOT_RULES.minSlots} values={p.reschedule?.values ?? []} errors={p.reschedule?.errors ?? {}} label={t.newFlow.timeLabel} />
        </fieldset>
        <button type="submit" class="button-secondary">
          {l.rescheduleSubmit}
        </button>
      </form>
    </section>
  );
}

export function Closed({ p }: { p: DetailProps }) {
  const { t, consultation: c } = p;
  const l = t.lifecycle;
  if (c.status === "declined") {
    return (
      <section aria-labelledby="declined-title" class="panel">
        <h2 id="declined-title">{l.declinedTitle}</h2>
        <p>
          <strong>{l.declineReason}: </strong>
          <span id="decline-reason">{c.closeReason ?? l.noReason}</span>
        </p>
      </section>
    );
  }
  if (c.status === "expired") {
    return (
      <section aria-labelledby="again-title" class="panel">
        <h2 id="again-title">{l.proposeAgainTitle}</h2>
        <p>{l.proposeAgainBody}</p>
        <p>
          <a class="button" href={`/app/new/times?brief=${encodeURIComponent(c.briefId)}&expert=${encodeURIComponent(c.expert.id)}`}>
            {l.proposeAgain}
          </a>
        </p>
      </section>
    );
  }
  if (c.status === "cancelled") {
    return (
      <section aria-labelledby="cancelled-title" class="panel">
        <h2 id="cancelled-title">{l.cancelledTitle}</h2>
        {c.meeting ? (
          <>
            <p>{l.cancelledBody}</p>
            <p>
              <a class="button button-secondary" href={`/app/consultations/${c.id}/invite.ics`} download="samrad-cancel.ics">
                {l.downloadCancel}
              </a>
            </p>
          </>
        ) : null}
      </section>
    );
  }
  return null;
}
