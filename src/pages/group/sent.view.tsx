import type { RequestedConsultation } from "../../consultations/request-consultation.js";
import { CsrfField, Notice } from "../components/form.js";
import type { Messages } from "../i18n/index.js";

/** A new link ends the old one; the form's key makes a reload or a second click issue no second one. */
function NewLink({ t, csrfToken, consultationId, newLinkKey }: { t: Messages; csrfToken: string; consultationId: string; newLinkKey: string }) {
  const g = t.groupPages;
  return (
    <section aria-labelledby="new-link-title">
      <h2 id="new-link-title">{g.newLinkTitle}</h2>
      <p>{g.newLinkBody}</p>
      <form method="post" action={`/app/consultations/${consultationId}/new-link`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="formKey" value={newLinkKey} />
        <button type="submit" class="button-secondary">
          {g.newLink}
        </button>
      </form>
    </section>
  );
}

export function LinkGone(p: { t: Messages; csrfToken: string; consultationId: string; newLinkKey: string }) {
  const g = p.t.groupPages;
  return (
    <>
      <h1>{g.linkGoneTitle}</h1>
      <p>{g.linkGoneBody}</p>
      <NewLink {...p} />
      <p class="actions">
        <a class="button" href={`/app/consultations/${p.consultationId}`}>
          {p.t.newFlow.goToConsultation}
        </a>
      </p>
    </>
  );
}

/**
 * The expert's link and the message: right after the request, or again for any member of the
 * group (the link is opened from its sealed form). The message is marked with its language.
 */
export function SentPage({ t, csrfToken, requested, notice, newLinkKey }: { t: Messages; csrfToken: string; requested: RequestedConsultation; notice?: string; newLinkKey: string }) {
  const m = requested.expertMessage;
  const messageLang = m.lang;
  const mailto = `mailto:${encodeURIComponent(m.to.email)}?subject=${encodeURIComponent(m.subject)}&body=${encodeURIComponent(m.body)}`;
  return (
    <>
      <h1>{t.newFlow.sentTitle}</h1>
      <Notice>
        {notice ? <p>{notice}</p> : null}
        <p>{m.sent ? t.newFlow.sentByMail(m.to.email) : t.newFlow.sendYourself}</p>
      </Notice>
      <div class="field">
        <label for="expert-link">{t.newFlow.linkLabel}</label>
        <p class="hint" id="expert-link-hint">
          {t.newFlow.linkHint}
        </p>
        <input
          id="expert-link"
          class="input copy-field"
          type="text"
          readonly
          value={requested.expertLink}
          aria-describedby="expert-link-hint"
        />
      </div>
      {m.sent ? null : (
        <>
          <div class="field">
            <label for="message-subject">{t.newFlow.subjectLabel}</label>
            <input id="message-subject" class="input" type="text" readonly value={m.subject} lang={messageLang} />
          </div>
          <div class="field">
            <label for="message-body">{t.newFlow.messageLabel}</label>
            <textarea id="message-body" class="input" rows={14} readonly lang={messageLang}>
              {m.body}
            </textarea>
          </div>
          <p>
            <a href={mailto}>{t.newFlow.openMail}</a>
          </p>
        </>
      )}
      <p class="actions">
        <a class="button" href={`/app/consultations/${requested.id}`}>
          {t.newFlow.goToConsultation}
        </a>
      </p>
      <NewLink t={t} csrfToken={csrfToken} consultationId={requested.id} newLinkKey={newLinkKey} />
    </>
  );
}
