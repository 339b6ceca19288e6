import type { Expert } from "../../directory/directory.schemas.js";
import { CsrfField, ErrorSummary, HintAndError, Notice, Select, type FieldErrors } from "../components/form.js";
import { formatDateTime, languageName, zoneCity } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";
import { SLOT_ROWS, expertTimeLabel, slotFieldId, wallTimeToInstant } from "./slot-input.js";

export const DURATIONS = [30, 35, 40, 45] as const;

export interface TimesFormValues {
  duration: string;
  slots: string[];
  /** The form's one-time key: sent twice, the second send creates nothing. */
  formKey: string;
  /** The consultation this one follows up, when started from an evaluation that asked for more. */
  followUp?: { id: string; topicTitle: string };
}

interface Props {
  t: Messages;
  lang: Lang;
  csrfToken: string;
  briefId: string;
  topicTitle: string;
  expert: Expert;
  groupZone: string;
  /** Times the members' calendars leave free (Microsoft 365), or why there are none. */
  suggestions: { kind: "none" } | { kind: "unavailable" } | { kind: "some"; starts: string[] };
  /** The brief's language, to say before sending when the expert does not read it. */
  briefLanguage: string;
  values: TimesFormValues;
  errors: FieldErrors;
}

function SlotRow({ p, row }: { p: Props; row: number }) {
  const { t, lang } = p;
  const id = slotFieldId(row);
  const value = p.values.slots[row] ?? "";
  const error = p.errors[id];
  const instant = wallTimeToInstant(value.trim(), p.groupZone);
  const describedBy = [error ? `${id}-error` : "", `${id}-expert`].filter(Boolean).join(" ");
  return (
    <div class="slot-row">
      <div class={error ? "field field-invalid" : "field"}>
        <label for={id}>
          {t.newFlow.timeLabel(row + 1)}
          {row >= 2 ? <span class="optional"> ({t.common.optional})</span> : null}
        </label>
        <HintAndError id={id} error={error} />
        <input
          id={id}
          name="slot"
          type="datetime-local"
          class="input"
          value={value}
          step={300}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
          data-own-zone={p.groupZone}
          data-expert-zone={p.expert.timeZone}
          data-locale={t.meta.locale}
          data-time-format={t.meta.timeFormat}
          data-template={t.common.inCity("{time}", zoneCity(p.expert.timeZone, lang))}
        />
      </div>
      {/* The expert's local time: rendered here after a preview, kept live by enhance.js. */}
      <output id={`${id}-expert`} class="expert-time" for={id}>
        {instant ? expertTimeLabel(instant, lang, p.expert.timeZone) : ""}
      </output>
    </div>
  );
}

/** Each suggestion fills the first empty time with one click (a submit, so it works without JavaScript). */
function Suggested({ p }: { p: Props }) {
  const g = p.t.groupPages;
  const s = p.suggestions;
  if (s.kind !== "some") return <p class="hint">{s.kind === "none" ? g.suggestNone : g.suggestUnavailable}</p>;
  if (s.starts.length === 0) return <p class="hint">{g.suggestEmpty}</p>;
  return (
    <fieldset>
      <legend>{g.suggestTitle}</legend>
      <p class="hint">{g.suggestIntro(zoneCity(p.groupZone, p.lang))}</p>
      <ul class="suggestions">
        {s.starts.map((start) => (
          <li>
            <button type="submit" name="suggest" value={start} class="button-secondary">
              {formatDateTime(start, p.lang, p.groupZone)}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function TimesStep(p: Props) {
  const { t, lang, values, errors } = p;
  const n = t.newFlow;
  const labels: Record<string, string> = { duration: n.durationLabel };
  for (let i = 0; i < SLOT_ROWS; i++) labels[slotFieldId(i)] = n.timeLabel(i + 1);
  return (
    <>
      <p class="step">{n.step(3, 3, n.stepTimes)}</p>
      <h1>{n.title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      {values.followUp ? <p>{t.groupPages.followUpNote(values.followUp.topicTitle)}</p> : null}
      {p.expert.languages.includes(p.briefLanguage) ? null : (
        <Notice kind="warning">
          {t.groupPages.briefLanguage(languageName(p.briefLanguage, lang), p.expert.name, p.expert.languages.map((l) => languageName(l, lang)).join(", "))}
        </Notice>
      )}
      <dl class="summary-list">
        <dt>{t.expert.topic}</dt>
        <dd>{p.topicTitle}</dd>
        <dt>{t.group.expert}</dt>
        <dd>
          {p.expert.name}, {p.expert.organisation.name} ({zoneCity(p.expert.timeZone, lang)})
        </dd>
      </dl>
      <form method="post" action="/app/new/times" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="brief" value={p.briefId} />
        <input type="hidden" name="expert" value={p.expert.id} />
        <input type="hidden" name="formKey" value={values.formKey} />
        {values.followUp ? <input type="hidden" name="followUp" value={values.followUp.id} /> : null}
        <Select
          t={t}
          id="duration"
          name="duration"
          label={n.durationLabel}
          hint={n.durationHint}
          value={values.duration}
          error={errors.duration}
          options={DURATIONS.map((d) => ({ value: String(d), label: t.common.minutes(d) }))}
        />
        <Suggested p={p} />
        <fieldset>
          <legend>{n.timesLegend}</legend>
          <p class="hint">{n.timesHint(zoneCity(p.groupZone, lang), zoneCity(p.expert.timeZone, lang))}</p>
          {Array.from({ length: SLOT_ROWS }, (_, row) => (
            <SlotRow p={p} row={row} />
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" name="action" value="send">
            {n.sendRequest}
          </button>
          <button type="submit" name="action" value="preview" class="button-secondary">
            {n.preview}
          </button>
        </div>
      </form>
    </>
  );
}
