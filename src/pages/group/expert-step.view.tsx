import type { Expert } from "../../directory/directory.schemas.js";
import { NORDIC_COUNTRIES } from "../../lib/common-schemas.js";
import { Select } from "../components/form.js";
import { countryName, languageName, zoneCity } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";

export const CRITERIA = ["nationallySignificant", "innovative", "evidenceBased"] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface ExpertFilters {
  theme: string;
  country: string;
  language: string;
  criteria: Criterion[];
}

interface Props {
  t: Messages;
  lang: Lang;
  briefId: string;
  topicTitle: string;
  filters: ExpertFilters;
  themes: string[];
  /** A stored theme's name in the page's language (the managed list). */
  themeName: (stored: string) => string;
  languages: string[];
  experts: Expert[];
}

function Filters({ p }: { p: Props }) {
  const { t, lang, filters } = p;
  const n = t.newFlow;
  return (
    <form method="get" action="/app/new/expert" class="panel">
      <h2>{n.filtersTitle}</h2>
      <input type="hidden" name="brief" value={p.briefId} />
      <Select
        t={t}
        id="theme"
        name="theme"
        label={t.newFlow.themeLabel}
        value={filters.theme}
        options={[{ value: "", label: n.anyTheme }, ...p.themes.map((th) => ({ value: th, label: p.themeName(th) }))]}
      />
      <Select
        t={t}
        id="country"
        name="country"
        label={n.country}
        value={filters.country}
        options={[{ value: "", label: n.anyCountry }, ...NORDIC_COUNTRIES.map((c) => ({ value: c, label: countryName(c, lang) }))]}
      />
      <Select
        t={t}
        id="language"
        name="language"
        label={n.language}
        value={filters.language}
        options={[{ value: "", label: n.anyLanguage }, ...p.languages.map((l) => ({ value: l, label: languageName(l, lang) }))]}
      />
      <fieldset>
        <legend>{n.criteria}</legend>
        {CRITERIA.map((c) => (
          <div class="checkbox">
            <input type="checkbox" id={`criteria-${c}`} name="criteria" value={c} checked={filters.criteria.includes(c)} />
            <label for={`criteria-${c}`}>{n[c]}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit">{n.search}</button>
    </form>
  );
}

function ExpertCard({ p, expert }: { p: Props; expert: Expert }) {
  const { t, lang } = p;
  const n = t.newFlow;
  const criteria = CRITERIA.filter((c) => expert.organisation.criteria[c]);
  return (
    <li class="card">
      <h3>{expert.name}</h3>
      <p>
        {expert.organisation.name}, {countryName(expert.organisation.country, lang)}
      </p>
      <dl class="summary-list">
        <dt>{n.languages}</dt>
        <dd>{expert.languages.map((l) => languageName(l, lang)).join(", ")}</dd>
        <dt>{n.themes}</dt>
        <dd>{expert.themes.map(p.themeName).join(", ")}</dd>
        <dt>{n.timeZone}</dt>
        <dd>{zoneCity(expert.timeZone, lang)}</dd>
      </dl>
      {criteria.length > 0 ? (
        <ul class="tags" aria-label={n.criteria}>
          {criteria.map((c) => (
            <li class="tag">{n[c]}</li>
          ))}
        </ul>
      ) : null}
      <a class="button" href={`/app/new/times?brief=${p.briefId}&expert=${expert.id}`}>
        {n.choose(expert.name)}
      </a>
    </li>
  );
}

export function ExpertStep(p: Props) {
  const n = p.t.newFlow;
  return (
    <>
      <p class="step">{n.step(2, 3, n.stepExpert)}</p>
      <h1>{n.title}</h1>
      <p class="lead">
        {p.t.expert.topic}: {p.topicTitle}
      </p>
      <Filters p={p} />
      <h2 id="results-title" aria-live="polite">
        {n.found(p.experts.length)}
      </h2>
      {p.experts.length === 0 ? (
        <p>{n.noExperts}</p>
      ) : (
        <ul class="cards" aria-labelledby="results-title">
          {p.experts.map((e) => (
            <ExpertCard p={p} expert={e} />
          ))}
        </ul>
      )}
    </>
  );
}
