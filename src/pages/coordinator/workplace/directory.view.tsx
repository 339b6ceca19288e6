import type { Expert, Organisation } from "../../../directory/directory.schemas.js";
import { NORDIC_COUNTRIES } from "../../../lib/common-schemas.js";
import { themeKey } from "../../../themes/themes.service.js";
import { DataTable } from "../../components/data-table.js";
import { CsrfField, ErrorSummary, Notice, Select, TextArea, TextInput, type FieldErrors } from "../../components/form.js";
import { countryName, zoneCity } from "../../i18n/format.js";
import type { Lang, Messages } from "../../i18n/index.js";
import { CheckboxGroup, TimeZoneSelect } from "./controls.js";

interface ViewBase {
  t: Messages;
  lang: Lang;
  csrfToken: string;
}

const criteriaKeys = ["nationallySignificant", "innovative", "evidenceBased"] as const;

const countryOptions = (lang: Lang) => NORDIC_COUNTRIES.map((c) => ({ value: c, label: countryName(c, lang) }));

export function DirectoryView(
  p: ViewBase & {
    organisations: Organisation[];
    experts: Expert[];
    query: { q: string; country: string; state: string };
    notice?: string;
    /** A stored theme's name in the page's language (the managed list). */
    themeName: (stored: string) => string;
  },
) {
  const { t, lang } = p;
  const k = t.workplace;
  return (
    <>
      <h1>{k.directoryTitle}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <section>
        <h2 id="orgs-title">{k.organisationsTitle}</h2>
        <p>
          <a href="/coordinator/directory/organisations/new">{k.addOrganisation}</a>
        </p>
        {p.organisations.length === 0 ? (
          <p>{k.noOrganisations}</p>
        ) : (
          <DataTable labelledBy="orgs-title" columns={[{ label: k.orgName }, { label: k.country }, { label: k.criteriaLegend }, { label: k.edit }]}>
            {p.organisations.map((o) => (
              <tr>
                <td>{o.name}</td>
                <td>{countryName(o.country, lang)}</td>
                <td>{criteriaKeys.filter((c) => o.criteria[c]).map((c) => k.criteria[c]).join(", ")}</td>
                <td>
                  <a href={`/coordinator/directory/organisations/${o.id}`} aria-label={`${k.edit}: ${o.name}`}>
                    {k.edit}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section>
        <h2 id="experts-title">{k.expertsTitle}</h2>
        <p>
          <a href="/coordinator/directory/experts/new">{k.addExpert}</a>
        </p>
        <form method="get" action="/coordinator/directory" class="filters">
          <TextInput t={t} id="q" name="q" label={k.searchLabel} hint={k.searchHint} optional value={p.query.q} />
          <Select t={t} id="country" name="country" label={k.country} value={p.query.country} options={[{ value: "", label: k.all }, ...countryOptions(lang)]} />
          <Select
            t={t}
            id="state"
            name="state"
            label={k.state}
            value={p.query.state}
            options={[
              { value: "active", label: k.active },
              { value: "all", label: k.all },
            ]}
          />
          <button type="submit">{k.filter}</button>
        </form>
        {p.experts.length === 0 ? (
          <p>{k.noExperts}</p>
        ) : (
          <DataTable
            labelledBy="experts-title"
            columns={[{ label: k.expertName }, { label: k.organisation }, { label: k.timeZone }, { label: k.themes }, { label: k.state }, { label: k.edit }]}
          >
            {p.experts.map((e) => (
              <tr>
                <td>{e.name}</td>
                <td>
                  {e.organisation.name} ({countryName(e.organisation.country, lang)})
                </td>
                <td>{zoneCity(e.timeZone, lang)}</td>
                <td>{e.themes.map(p.themeName).join(", ")}</td>
                <td>{e.active ? k.active : k.inactive}</td>
                <td>
                  <a href={`/coordinator/directory/experts/${e.id}`} aria-label={`${k.edit}: ${e.name}`}>
                    {k.edit}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}

export interface OrganisationFormValues {
  name: string;
  country: string;
  website: string;
  criteria: Record<(typeof criteriaKeys)[number], boolean>;
  criteriaNote: string;
}

export function OrganisationForm(p: ViewBase & { action: string; title: string; values: OrganisationFormValues; errors: FieldErrors; notice?: string }) {
  const { t, lang } = p;
  const k = t.workplace;
  const labels = { name: k.orgName, country: k.country, website: k.website, criteria: k.criteriaLegend, criteriaNote: k.criteriaNote };
  return (
    <>
      <p>
        <a href="/coordinator/directory">{k.directoryTitle}</a>
      </p>
      <h1>{p.title}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <ErrorSummary t={t} errors={p.errors} labels={labels} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextInput t={t} id="name" name="name" label={k.orgName} value={p.values.name} error={p.errors.name} autocomplete="organization" />
        <Select t={t} id="country" name="country" label={k.country} value={p.values.country} error={p.errors.country} options={countryOptions(lang)} />
        <TextInput t={t} id="website" name="website" type="url" inputmode="url" label={k.website} hint={k.websiteHint} optional value={p.values.website} error={p.errors.website} />
        <CheckboxGroup
          id="criteria"
          legend={k.criteriaLegend}
          error={p.errors.criteria}
          options={criteriaKeys.map((c) => ({ name: c, label: k.criteria[c], checked: p.values.criteria[c] }))}
        />
        <TextArea t={t} id="criteriaNote" name="criteriaNote" label={k.criteriaNote} optional rows={3} max={2000} value={p.values.criteriaNote} error={p.errors.criteriaNote} />
        <button type="submit">{k.save}</button>
      </form>
    </>
  );
}

export interface ExpertFormValues {
  organisationId: string;
  name: string;
  email: string;
  languages: string;
  timeZone: string;
  /** The ticked themes' keys. */
  themes: string[];
}

/**
 * The list's themes as boxes, the expert's ticked; a ticked theme not on the list (stored before
 * it) is shown too, as stored, so that saving does not drop it unseen.
 */
function themeOptions(choices: { value: string; label: string }[], ticked: string[]) {
  const key = themeKey;
  const tickedKeys = new Set(ticked.map(key));
  const listed = new Set(choices.map((c) => key(c.value)));
  return [...choices, ...ticked.filter((s) => !listed.has(key(s))).map((s) => ({ value: s, label: s }))].map((c) => ({
    name: "themes",
    value: c.value,
    label: c.label,
    checked: tickedKeys.has(key(c.value)),
  }));
}

export function ExpertForm(
  p: ViewBase & {
    action: string;
    title: string;
    organisations: Organisation[];
    /** The managed list of themes, named in the page's language. */
    themes: { value: string; label: string }[];
    values: ExpertFormValues;
    errors: FieldErrors;
    notice?: string;
    /** Present when editing: the deactivate / activate button. */
    existing?: { id: string; active: boolean };
  },
) {
  const { t, lang } = p;
  const k = t.workplace;
  const labels = { organisationId: k.organisation, name: k.expertName, email: k.email, languages: k.languages, timeZone: k.timeZone, themes: k.themes };
  return (
    <>
      <p>
        <a href="/coordinator/directory">{k.directoryTitle}</a>
      </p>
      <h1>{p.title}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <ErrorSummary t={t} errors={p.errors} labels={labels} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        <Select
          t={t}
          id="organisationId"
          name="organisationId"
          label={k.organisation}
          value={p.values.organisationId}
          error={p.errors.organisationId}
          options={p.organisations.map((o) => ({ value: o.id, label: `${o.name} (${countryName(o.country, lang)})` }))}
        />
        <TextInput t={t} id="name" name="name" label={k.expertName} value={p.values.name} error={p.errors.name} />
        <TextInput t={t} id="email" name="email" type="email" inputmode="email" autocomplete="off" label={k.email} value={p.values.email} error={p.errors.email} />
        <TextInput t={t} id="languages" name="languages" label={k.languages} hint={k.languagesHint} value={p.values.languages} error={p.errors.languages} />
        <TimeZoneSelect t={t} lang={lang} value={p.values.timeZone} error={p.errors.timeZone} />
        <CheckboxGroup
          id="themes"
          legend={k.themes}
          hint={p.themes.length === 0 ? t.themeChoice.emptyForCoordinator : t.themeChoice.expertHint}
          error={p.errors.themes}
          options={themeOptions(p.themes, p.values.themes)}
        />
        <p>
          <a href="/coordinator/themes">{t.themeChoice.manage}</a>
        </p>
        <button type="submit">{k.save}</button>
      </form>
      {p.existing ? (
        <section aria-labelledby="state-title">
          <h2 id="state-title">{k.state}: {p.existing.active ? k.active : k.inactive}</h2>
          <p>{k.deactivateHint}</p>
          <form method="post" action={`/coordinator/directory/experts/${p.existing.id}/active`}>
            <CsrfField token={p.csrfToken} />
            <input type="hidden" name="active" value={p.existing.active ? "0" : "1"} />
            <button type="submit" class={p.existing.active ? "button-danger" : undefined}>
              {p.existing.active ? k.deactivate : k.reactivate}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
