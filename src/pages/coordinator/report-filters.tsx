import { NORDIC_COUNTRIES } from "../../lib/common-schemas.js";
import { ReportQuerySchema, type ReportQueryInput } from "../../reports/reports.schemas.js";
import { ErrorSummary, fieldsOf, Select, TextInput, type FieldErrors } from "../components/form.js";
import { countryName } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";

/** The report's filters as the form sends them: every field a string, empty meaning "no limit". */
export interface ReportFilterValues {
  from: string;
  to: string;
  theme: string;
  country: string;
  /** A programme's id, or "none". */
  programme: string;
}

const FIELDS = ["from", "to", "theme", "country", "programme"] as const;

/** No filter at all, as the form sends it. */
export const NO_FILTERS: ReportFilterValues = { from: "", to: "", theme: "", country: "", programme: "" };

export function filterValues(query: (name: string) => string | undefined): ReportFilterValues {
  const read = (name: string) => (query(name) ?? "").trim().slice(0, 100);
  return { from: read("from"), to: read("to"), theme: read("theme"), country: read("country"), programme: read("programme") };
}

/**
 * The filters through the report's own query schema (the API's rule); on a bad value the errors
 * name their fields and the report is shown unfiltered.
 */
export function parseFilters(values: ReportFilterValues, t: Messages): { query: ReportQueryInput; errors: FieldErrors } {
  const given = Object.fromEntries(FIELDS.filter((f) => values[f] !== "").map((f) => [f, values[f]]));
  const parsed = ReportQuerySchema.safeParse(given);
  if (parsed.success) return { query: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "from");
    errors[field] ??=
      field === "to" && issue.message.includes("after")
        ? t.reportPage.toBeforeFrom
        : field === "country"
          ? t.validation.required
          : field === "programme"
            ? t.reportProgrammes.invalid
            : t.reportPage.invalidDate;
  }
  return { query: {}, errors };
}

/** The filters as a query string, for the CSV link and the language switch. */
export function filterQuery(values: ReportFilterValues): string {
  const q = new URLSearchParams();
  for (const f of FIELDS) if (values[f]) q.set(f, values[f]);
  return q.toString();
}

export function ReportFilters(p: {
  t: Messages;
  lang: Lang;
  values: ReportFilterValues;
  errors: FieldErrors;
  themes: string[];
  themeName: (stored: string) => string;
  programmes: readonly { id: string; name: string }[];
}) {
  const k = p.t.reportPage;
  const pr = p.t.reportProgrammes;
  const field = fieldsOf({ ...p.values }, p.errors);
  return (
    <section aria-labelledby="filter-title" class="panel">
      <h2 id="filter-title">{k.filterTitle}</h2>
      <ErrorSummary t={p.t} errors={p.errors} labels={{ from: k.from, to: k.to, theme: k.theme, country: k.country, programme: pr.label }} />
      <form method="get" action="/coordinator" novalidate class="filters">
        <TextInput t={p.t} {...field("from")} label={k.from} hint={k.dateHint} optional width="short" />
        <TextInput t={p.t} {...field("to")} label={k.to} hint={k.dateHint} optional width="short" />
        <Select
          t={p.t}
          {...field("theme")}
          label={k.theme}
          options={[{ value: "", label: k.allThemes }, ...p.themes.map((th) => ({ value: th, label: p.themeName(th) }))]}
        />
        <Select
          t={p.t}
          {...field("country")}
          label={k.country}
          options={[{ value: "", label: k.allCountries }, ...NORDIC_COUNTRIES.map((c) => ({ value: c, label: countryName(c, p.lang) }))]}
        />
        <Select
          t={p.t}
          {...field("programme")}
          label={pr.label}
          options={[{ value: "", label: pr.all }, ...p.programmes.map((pg) => ({ value: pg.id, label: pg.name })), { value: "none", label: pr.none }]}
        />
        <button type="submit">{k.apply}</button> <a href="/coordinator">{k.clear}</a>
      </form>
    </section>
  );
}
