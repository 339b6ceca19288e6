import type { Deps } from "../../deps.js";
import { findConsultationFacts } from "../../evaluations/consultation-facts.repo.js";
import { recordView } from "../../evaluations/evaluations-view.service.js";
import { findEvaluationBy } from "../../evaluations/evaluations.repo.js";
import type { EvaluationFormProps } from "../evaluation/evaluation-form.js";
import { valuesOf } from "../evaluation/evaluation-input.js";
import { formatDateTime, zoneCity } from "../i18n/format.js";
import type { Lang } from "../i18n/index.js";

export type EvaluationState = Pick<EvaluationFormProps, "open" | "closes" | "replaces" | "values">;

/**
 * Whether the expert may evaluate now (the evaluations feature's own window), until when, and
 * the expert's earlier evaluation, which the form starts from so a resubmission replaces it.
 */
export async function expertEvaluationState(
  deps: Pick<Deps, "db" | "clock">,
  consultationId: string,
  lang: Lang,
  zone: string,
): Promise<EvaluationState> {
  const facts = await findConsultationFacts(deps.db, consultationId, null);
  if (!facts) return { open: false, closes: null, replaces: false, values: {} };
  const { evaluation } = recordView(facts, deps.clock.now());
  const existing = await findEvaluationBy(deps.db, consultationId, "expert", facts.expertId);
  return {
    open: evaluation.open,
    closes: evaluation.closesAt ? `${formatDateTime(evaluation.closesAt, lang, zone)} (${zoneCity(zone, lang)})` : null,
    replaces: existing !== undefined,
    values: existing ? valuesOf(existing) : {},
  };
}
