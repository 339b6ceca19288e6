import type { CoordinatorConsultation } from "../../../consultations/coordinator-view.service.js";
import type { Consultation } from "../../../consultations/consultations.schemas.js";
import { FUNDING_SOURCES } from "../../../evaluations/consultation-outcome.schemas.js";
import type { Group } from "../../../groups/groups.schemas.js";
import { NORDIC_COUNTRIES } from "../../../lib/common-schemas.js";
import { BriefBody } from "../../components/brief.js";
import { DataTable } from "../../components/data-table.js";
import { CsrfField, ErrorSummary, Notice, RadioGroup, Select, TextArea, TextInput, type FieldErrors } from "../../components/form.js";
import { countryName, formatDateTime, formatDay, formatSlot } from "../../i18n/format.js";
import type { Lang, Messages } from "../../i18n/index.js";
import type { Actor, HistoryAction } from "../../i18n/vocabulary.js";
import { StatusBadge } from "../../group/list.view.js";
import { Pager } from "./controls.js";

/** The coordinator works from the competence centre in Finland: times are shown in Helsinki time. */
export const COORDINATOR_ZONE = "Europe/Helsinki";
const STATUSES = ["draft", "requested", "confirmed", "held", "evaluated", "declined", "cancelled", "expired"] as const;

export interface ListFilter {
  status: string;
  theme: string;
  country: string;
  group: string;
  from: string;
  to: string;
}

export function ConsultationsView(p: {
  t: Messages;
  lang: Lang;
  items: Consultation[];
  total: number;
  offset: number;
  limit: number;
  filter: ListFilter;
  groups: Group[];
  themes: string[];
  /** A stored theme's name in the page's language (the managed list). */
  themeName: (stored: string) => string;
  errors: FieldErrors;
}) {
  const { t, lang } = p;
  const k = t.workplace;
  const groupName = new Map(p.groups.map((g) => [g.id, g.name]));
  const query = new URLSearchParams(Object.entries(p.filter).filter(([, v]) => v));
  return (
    <>
      <h1 id="consultations-title">{k.consultationsTitle}</h1>
      <ErrorSummary t={t} errors={p.errors} labels={{ from: k.from, to: k.to }} />
      <form method="get" action="/coordinator/consultations" class="filters" novalidate>
        <Select t={t} id="status" name="status" label={t.group.status} value={p.filter.status} options={[{ value: "", label: k.all }, ...STATUSES.map((s) => ({ value: s, label: t.status[s] }))]} />
        <Select t={t} id="theme" name="theme" label={k.theme} value={p.filter.theme} options={[{ value: "", label: k.all }, ...p.themes.map((x) => ({ value: x, label: p.themeName(x) }))]} />
        <Select t={t} id="country" name="country" label={k.country} value={p.filter.country} options={[{ value: "", label: k.all }, ...NORDIC_COUNTRIES.map((c) => ({ value: c, label: countryName(c, lang) }))]} />
        <Select t={t} id="group" name="group" label={k.group} value={p.filter.group} options={[{ value: "", label: k.all }, ...p.groups.map((g) => ({ value: g.id, label: g.name }))]} />
        <TextInput t={t} id="from" name="from" type="date" label={k.from} optional value={p.filter.from} error={p.errors.from} width="short" />
        <TextInput t={t} id="to" name="to" type="date" label={k.to} optional value={p.filter.to} error={p.errors.to} width="short" />
        <button type="submit">{k.filter}</button>
      </form>
      {p.items.length === 0 ? (
        <p>{k.noConsultations}</p>
      ) : (
        <DataTable labelledBy="consultations-title" columns={[{ label: t.group.topic }, { label: k.group }, { label: t.group.expert }, { label: t.group.status }, { label: k.created }]}>
          {p.items.map((c) => (
            <tr>
              <td>
                <a href={`/coordinator/consultations/${c.id}`}>{c.topic.title}</a>
                <br />
                <span class="hint">{p.themeName(c.topic.theme)}</span>
              </td>
              <td>{groupName.get(c.groupId) ?? ""}</td>
              <td>
                {c.expert.name} ({countryName(c.expert.country, lang)})
              </td>
              <td>
                <StatusBadge t={t} status={c.status} />
              </td>
              <td>{formatDay(c.createdAt, lang, COORDINATOR_ZONE)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager t={t} base="/coordinator/consultations" query={query} offset={p.offset} limit={p.limit} total={p.total} />
    </>
  );
}

export interface DetailForms {
  errors: FieldErrors;
  values: { outcome?: string; actualStart?: string; actualMinutes?: string; source?: string; reason?: string };
  notice?: string;
  problem?: string;
}

export function ConsultationView(p: { t: Messages; lang: Lang; csrfToken: string; view: CoordinatorConsultation; groupName: string; themeName: (stored: string) => string } & DetailForms) {
  const { t, lang, view } = p;
  const { consultation: c, record } = view;
  const k = t.workplace;
  const action = (name: string) => `/coordinator/consultations/${c.id}/${name}`;
  const labels = { reason: t.group.cancelReason, outcome: k.outcomeLegend, actualStart: k.actualStart, actualMinutes: k.actualMinutes, source: k.fundingLabel };
  return (
    <>
      <p>
        <a href="/coordinator/consultations">{k.consultationsTitle}</a>
      </p>
      <h1>{c.topic.title}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      {p.problem ? <Notice kind="warning">{p.problem}</Notice> : null}
      <ErrorSummary t={t} errors={p.errors} labels={labels} />
      <dl class="summary-list">
        <dt>{t.group.status}</dt>
        <dd>
          <StatusBadge t={t} status={c.status} />
        </dd>
        <dt>{k.group}</dt>
        <dd>{p.groupName}</dd>
        <dt>{k.theme}</dt>
        <dd>{p.themeName(c.topic.theme)}</dd>
        <dt>{t.group.expert}</dt>
        <dd>
          {c.expert.name}, {c.expert.organisation} ({countryName(c.expert.country, lang)})
        </dd>
        <dt>{t.group.duration}</dt>
        <dd>{t.common.minutes(c.durationMinutes)}</dd>
        {c.confirmedSlot ? (
          <>
            <dt>{t.group.confirmedTime}</dt>
            <dd data-testid="confirmed-time">{formatSlot(c.confirmedSlot, lang, COORDINATOR_ZONE)}</dd>
          </>
        ) : null}
        <dt>{k.outcomeTitle}</dt>
        <dd id="outcome-recorded" data-testid="outcome">
          {record.outcome.noShow
            ? k.outcomeNoShow
            : record.outcome.actualStart && record.outcome.actualMinutes
              ? k.outcomeSummary(formatDateTime(record.outcome.actualStart, lang, COORDINATOR_ZONE), record.outcome.actualMinutes)
              : k.outcomeNone}
        </dd>
        {record.evaluation.closesAt ? (
          <>
            <dt>{t.coordinator.evaluations}</dt>
            <dd>{record.evaluation.open ? k.evaluationOpenUntil(formatDay(record.evaluation.closesAt, lang, COORDINATOR_ZONE)) : k.evaluationClosed}</dd>
          </>
        ) : null}
        <dt>{k.fundingTitle}</dt>
        <dd data-testid="funding">{record.fundingSource ? k.fundingSources[record.fundingSource] : k.fundingNone}</dd>
      </dl>
      <section aria-labelledby="brief-title">
        <h2 id="brief-title">{t.group.brief}</h2>
        <BriefBody t={t} brief={view.brief} />
      </section>
      <section aria-labelledby="times-title">
        <h2 id="times-title">{t.group.proposedTimes}</h2>
        <ul class="slots">
          {c.slots.map((s) => (
            <li class="slot">{formatSlot(s, lang, COORDINATOR_ZONE)}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2 id="history-title">{t.group.history}</h2>
        <DataTable labelledBy="history-title" columns={[{ label: t.group.when }, { label: t.group.what }, { label: t.group.who }]}>
          {view.history.map((h) => (
            <tr>
              <td>{formatDateTime(h.at, lang, COORDINATOR_ZONE)}</td>
              <td>{t.audit.actions[h.action as HistoryAction] ?? h.action}</td>
              <td>{t.audit.actors[h.actorType as Actor] ?? h.actorType}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <h2>{k.actionsTitle}</h2>
      {view.allowed.some((a) => ["cancel", "recordOutcome", "closeEvaluation", "setFunding"].includes(a)) ? null : <p>{k.noActions}</p>}
      {view.allowed.includes("recordOutcome") ? (
        <section aria-labelledby="outcome-title" class="panel">
          <h3 id="outcome-title">{k.outcomeTitle}</h3>
          <form method="post" action={action("outcome")} novalidate>
            <CsrfField token={p.csrfToken} />
            <RadioGroup
              id="outcome"
              name="outcome"
              legend={k.outcomeLegend}
              error={p.errors.outcome}
              value={p.values.outcome ?? "held"}
              options={[
                { value: "held", label: k.outcomeHeld },
                { value: "noShow", label: k.outcomeNoShow },
              ]}
            />
            <TextInput t={t} id="actualStart" name="actualStart" label={k.actualStart} hint={k.actualStartHint} value={p.values.actualStart} error={p.errors.actualStart} width="short" />
            <TextInput t={t} id="actualMinutes" name="actualMinutes" inputmode="numeric" label={k.actualMinutes} value={p.values.actualMinutes} error={p.errors.actualMinutes} width="short" />
            <button type="submit">{k.recordOutcome}</button>
          </form>
        </section>
      ) : null}
      {view.allowed.includes("setFunding") ? (
        <section aria-labelledby="funding-title" class="panel">
          <h3 id="funding-title">{k.fundingTitle}</h3>
          <form method="post" action={action("funding")} novalidate>
            <CsrfField token={p.csrfToken} />
            <Select
              t={t}
              id="source"
              name="source"
              label={k.fundingLabel}
              value={p.values.source ?? record.fundingSource ?? ""}
              error={p.errors.source}
              options={FUNDING_SOURCES.map((s) => ({ value: s, label: k.fundingSources[s] }))}
            />
            <button type="submit">{k.setFunding}</button>
          </form>
        </section>
      ) : null}
      {view.allowed.includes("closeEvaluation") ? (
        <section aria-labelledby="close-title" class="panel">
          <h3 id="close-title">{k.closeEvaluationTitle}</h3>
          <p>{k.closeEvaluationBody}</p>
          <form method="post" action={action("close-evaluation")}>
            <CsrfField token={p.csrfToken} />
            <button type="submit">{k.closeEvaluation}</button>
          </form>
        </section>
      ) : null}
      {view.allowed.includes("cancel") ? (
        <section aria-labelledby="cancel-title" class="panel">
          <h3 id="cancel-title">{t.group.cancelTitle}</h3>
          <form method="post" action={action("cancel")} novalidate>
            <CsrfField token={p.csrfToken} />
            <TextArea t={t} id="reason" name="reason" label={t.group.cancelReason} rows={3} max={1000} value={p.values.reason} error={p.errors.reason} />
            <button type="submit" class="button-danger">
              {t.group.cancel}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
