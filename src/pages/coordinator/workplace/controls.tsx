import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { describedBy, HintAndError } from "../../components/form.js";
import { zoneCity } from "../../i18n/format.js";
import type { Lang, Messages } from "../../i18n/index.js";
import { NORDIC_ZONES } from "../../i18n/vocabulary.js";
import type { PageEnv } from "../../page-env.js";
import { renderPage } from "../../render.js";

/** Every coordinator page is drawn in the coordinator's frame, with its navigation. */
export const coordinatorFrame = { area: "coordinator" as const };

export function renderWorkplace(c: Context<PageEnv>, title: string, body: Child, status: 200 | 400 | 404 | 409 = 200) {
  return renderPage(c, { title, body, frame: coordinatorFrame }, status);
}

/** Checkboxes in a fieldset whose legend is the question; the first box carries the group's id for the error summary. */
export function CheckboxGroup(p: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  /** Each box sends `name=value` when ticked ("1" unless given). */
  options: { name: string; label: string; checked: boolean; value?: string }[];
}) {
  return (
    <fieldset class={p.error ? "field field-invalid" : "field"} aria-describedby={describedBy(p)}>
      <legend class="legend-question">{p.legend}</legend>
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      {p.options.map((o, i) => {
        const id = i === 0 ? p.id : `${p.id}-${i}`;
        return (
          <div class="checkbox">
            <input type="checkbox" id={id} name={o.name} value={o.value ?? "1"} checked={o.checked} />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

const otherZones = (): string[] => {
  const all = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return all.filter((z) => z.includes("/") && !(NORDIC_ZONES as readonly string[]).includes(z));
};

/** The Nordic zones first (named by their city in the page's language), then every other IANA zone. */
export function TimeZoneSelect(p: { t: Messages; lang: Lang; value?: string; error?: string }) {
  const k = p.t.workplace;
  return (
    <div class={p.error ? "field field-invalid" : "field"}>
      <label for="timeZone">{k.timeZone}</label>
      <HintAndError id="timeZone" error={p.error} />
      <select id="timeZone" name="timeZone" class="input" aria-invalid={p.error ? "true" : undefined} aria-describedby={p.error ? "timeZone-error" : undefined}>
        <optgroup label={k.nordicZones}>
          {NORDIC_ZONES.map((z) => (
            <option value={z} selected={z === (p.value ?? "Europe/Helsinki")}>
              {zoneCity(z, p.lang)} ({z})
            </option>
          ))}
        </optgroup>
        <optgroup label={k.otherZones}>
          {otherZones().map((z) => (
            <option value={z} selected={z === p.value}>
              {z}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

/** Previous / next links for a paged list; the query of the current filter is kept. */
export function Pager(p: { t: Messages; base: string; query: URLSearchParams; offset: number; limit: number; total: number }) {
  const pages = Math.max(1, Math.ceil(p.total / p.limit));
  const page = Math.floor(p.offset / p.limit) + 1;
  const href = (offset: number) => {
    const q = new URLSearchParams(p.query);
    q.set("offset", String(offset));
    return `${p.base}?${q}`;
  };
  return (
    <nav class="pager" aria-label={p.t.workplace.pageOf(page, pages, p.total)}>
      <p>{p.t.workplace.pageOf(page, pages, p.total)}</p>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(Math.max(0, p.offset - p.limit))} rel="prev">
              {p.t.workplace.previous}
            </a>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <a href={href(p.offset + p.limit)} rel="next">
              {p.t.workplace.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A non-negative whole offset from the query, or 0. */
export const offsetFrom = (raw: string | undefined): number => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : 0;
};

/** "sv, en" → ["sv", "en"]; empty parts dropped. */
export const listFromText = (raw: string): string[] =>
  raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
