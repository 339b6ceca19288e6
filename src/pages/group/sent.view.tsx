import type { RequestedConsultation } from "../../consultations/request-consultation.js";
import { Notice } from "../components/form.js";
import type { Messages } from "../i18n/index.js";

/** Shown once, right after the request: the link is not stored anywhere it could be shown again. */
/** `messageLang` is the language the message was written in (the expert's), for screen readers. */
export function SentPage({ t, requested, messageLang }: { t: Messages; requested: RequestedConsultation; messageLang: string }) {
  const m = requested.expertMessage;
  const mailto = `mailto:${encodeURIComponent(m.to.email)}?subject=${encodeURIComponent(m.subject)}&body=${encodeURIComponent(m.body)}`;
  return (
    <>
      <h1>{t.newFlow.sentTitle}</h1>
      <Notice>
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
    </>
  );
}
