import type { Child } from "hono/jsx";
import type { Messages } from "../i18n/index.js";

/** Field name → message in the page's language. */
export type FieldErrors = Record<string, string>;

/**
 * A field's id, name, typed value and error from the form's values and errors, so that a form
 * names each field once: `<TextInput {...field("email")} label={…} />`.
 */
export const fieldsOf =
  <V extends Partial<Record<string, string>>>(values: V, errors: FieldErrors) =>
  (name: keyof V & string) => ({ id: name, name, value: values[name], error: errors[name] });

export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;

/**
 * Listed at the top of a form that came back with errors: each line names its field by the
 * field's label (from `labels`, keyed like `errors` by the field's id) and links to it.
 */
export function ErrorSummary({ t, errors, labels }: { t: Messages; errors: FieldErrors; labels: Record<string, string> }) {
  const items = Object.entries(errors).map(([id, message]) => ({ id, label: labels[id] ?? id, message }));
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-autofocus="">
      <h2 id="error-summary-title">{t.common.errorSummaryTitle}</h2>
      <ul>
        {items.map((i) => (
          <li>
            <a href={`#${i.id}`}>
              {i.label}: {i.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  t: Messages;
}

/** What a control's aria-describedby names: its hint and error (as HintAndError gives them ids), and any extra. */
export const describedBy = (p: { id: string; hint?: string; error?: string }, extra?: string) =>
  [p.hint ? `${p.id}-hint` : "", p.error ? `${p.id}-error` : "", extra ?? ""].filter(Boolean).join(" ") || undefined;

/** The hint and the error between a label and its control; their ids are what aria-describedby names. */
export function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Label, hint and error in the order a screen reader should meet them, then the control. */
function FieldFrame({ p, children }: { p: FieldProps; children?: Child }) {
  return (
    <div class={p.error ? "field field-invalid" : "field"}>
      <label for={p.id}>
        {p.label}
        {p.optional ? <span class="optional"> ({p.t.common.optional})</span> : null}
      </label>
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      {children}
    </div>
  );
}

export function TextInput(
  p: FieldProps & {
    value?: string;
    type?: string;
    autocomplete?: string;
    inputmode?: "numeric" | "email" | "url" | "text";
    width?: "short" | "full";
  },
) {
  return (
    <FieldFrame p={p}>
      <input
        id={p.id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.value ?? ""}
        class={p.width === "short" ? "input input-short" : "input"}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        aria-required={p.optional ? undefined : "true"}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldFrame>
  );
}

/** A textarea; with `max` it gets a character count that enhance.js keeps live. */
export function TextArea(p: FieldProps & { value?: string; rows?: number; max?: number }) {
  const count = p.value?.length ?? 0;
  const counterId = p.max ? `${p.id}-count` : undefined;
  return (
    <FieldFrame p={p}>
      <textarea
        id={p.id}
        name={p.name}
        rows={p.rows ?? 5}
        class="input"
        aria-required={p.optional ? undefined : "true"}
        aria-invalid={p.error ? "true" : undefined}
        aria-describedby={describedBy(p, counterId)}
        data-max={p.max}
      >
        {p.value ?? ""}
      </textarea>
      {p.max ? <CharCount id={counterId!} count={count} max={p.max} t={p.t} /> : null}
    </FieldFrame>
  );
}

/** The count as of the last render; enhance.js updates it while typing, in the same words. */
export function CharCount({ id, count, max, t }: { id: string; count: number; max: number; t: Messages }) {
  const over = count > max;
  return (
    <p
      id={id}
      class={over ? "char-count char-count-over" : "char-count"}
      data-template={t.common.charCount(Number.MAX_SAFE_INTEGER, max)}
      data-over-template={t.common.charOver(Number.MAX_SAFE_INTEGER)}
    >
      {over ? t.common.charOver(count - max) : t.common.charCount(count, max)}
    </p>
  );
}

export function Select(p: FieldProps & { value?: string; options: { value: string; label: string }[] }) {
  return (
    <FieldFrame p={p}>
      <select id={p.id} name={p.name} class="input" aria-invalid={p.error ? "true" : undefined} aria-describedby={describedBy(p)}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * Radio buttons in a fieldset whose legend is the question. The first button carries the group's
 * id, so the error summary's link lands on it.
 */
export function RadioGroup(p: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  value?: string;
  inline?: boolean;
  options: { value: string; label: string }[];
}) {
  return (
    <fieldset class={p.error ? "field field-invalid" : "field"} aria-describedby={describedBy(p)}>
      <legend class="legend-question">{p.legend}</legend>
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      <div class={p.inline ? "radios radios-inline" : "radios"}>
        {p.options.map((o, i) => {
          const id = i === 0 ? p.id : `${p.id}-${i}`;
          return (
            <div class="radio">
              <input type="radio" id={id} name={p.name} value={o.value} checked={o.value === p.value} />
              <label for={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A notice after a successful action, e.g. "The consultation has been cancelled." */
export function Notice({ children, kind = "success" }: { children?: Child; kind?: "success" | "info" | "warning" }) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      {children}
    </div>
  );
}
