import { FUNDING_SOURCES } from "../../evaluations/consultation-outcome.schemas.js";
import { CsrfField, Select } from "../components/form.js";
import { EvaluationForm } from "../evaluation/evaluation-form.js";
import type { EvaluationState } from "../evaluation/evaluation-state.js";
import type { FieldErrors } from "../components/form.js";
import type { DetailProps } from "./detail.view.js";

export type MemberEvaluation = EvaluationState & { saved: boolean; errors: FieldErrors };

/** The member's own evaluation once the session has ended: sent, or changed until it closes. */
export function MemberEvaluationPanel({ p }: { p: DetailProps }) {
  const e = p.evaluation;
  if (!e || (!e.open && !e.replaces)) return null;
  return (
    <EvaluationForm
      t={p.t}
      csrfToken={p.csrfToken}
      action={`/app/consultations/${p.consultation.id}/evaluation`}
      side="member"
      open={e.open}
      closes={e.closes}
      replaces={e.replaces}
      saved={e.saved}
      values={e.values}
      errors={e.errors}
    />
  );
}

/** An evaluation asked for more: a follow-up from the same brief, with the same expert, linked to this one. */
export function FollowUpPanel({ p }: { p: DetailProps }) {
  const { t, consultation: c } = p;
  if (!p.evaluation?.followUpAsked) return null;
  const g = t.groupPages;
  const href = `/app/new/times?brief=${encodeURIComponent(c.briefId)}&expert=${encodeURIComponent(c.expert.id)}&followUp=${encodeURIComponent(c.id)}`;
  return (
    <section aria-labelledby="follow-up-title" class="panel">
      <h2 id="follow-up-title">{g.followUpTitle}</h2>
      <p>{g.followUpBody(c.expert.name)}</p>
      <p>
        <a class="button" href={href}>
          {g.followUpStart}
        </a>
      </p>
    </section>
  );
}

/** Where support came from, from the fixed list the report sums (setFunding in the lifecycle table). */
export function FundingPanel({ p }: { p: DetailProps }) {
  const { t, consultation: c } = p;
  if (!p.allowed.includes("setFunding")) return null;
  const g = t.groupPages;
  const options = [{ value: "", label: g.fundingNone }, ...FUNDING_SOURCES.map((s) => ({ value: s, label: g.fundingSources[s] }))];
  return (
    <section aria-labelledby="funding-title">
      <h2 id="funding-title">{g.fundingTitle}</h2>
      <form method="post" action={`/app/consultations/${c.id}/funding`} novalidate>
        <CsrfField token={p.csrfToken} />
        <Select t={t} id="funding" name="source" label={g.fundingLabel} hint={g.fundingHint} value={c.fundingSource ?? ""} error={p.errors?.funding} options={options} />
        <button type="submit" class="button-secondary">
          {g.fundingSave}
        </button>
      </form>
    </section>
  );
}
