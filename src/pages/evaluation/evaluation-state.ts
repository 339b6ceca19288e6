import type { Deps } from "../../deps.js";
import { evaluationState, type EvaluationAuthor } from "../../evaluations/evaluation-state.service.js";
import type { EvaluationFormProps } from "../evaluation/evaluation-form.js";
import { valuesOf } from "../evaluation/evaluation-input.js";
import { formatDateTime, zoneCity } from "../i18n/format.js";
import type { Lang } from "../i18n/index.js";

export type EvaluationState = Pick<EvaluationFormProps, "open" | "closes" | "replaces" | "values"> & { followUpAsked: boolean };

/**
 * The evaluation form's state for one author (the evaluations service decides the window), with
 * the closing time in the reader's zone; the author's earlier evaluation is what the form starts
 * from, so a resubmission replaces it.
 */
export async function evaluationFormState(deps: Pick<Deps, "db" | "clock"> & Partial<Pick<Deps, "atomic">>, consultationId: string, author: EvaluationAuthor, lang: Lang, zone: string): Promise<EvaluationState> {
  const state = await evaluationState(deps, consultationId, author);
  if (!state) return { open: false, closes: null, replaces: false, values: {}, followUpAsked: false };
  return {
    open: state.open,
    closes: state.closesAt ? `${formatDateTime(state.closesAt, lang, zone)} (${zoneCity(zone, lang)})` : null,
    replaces: state.existing !== undefined,
    values: state.existing ? valuesOf(state.existing) : {},
    followUpAsked: state.followUpAsked,
  };
}

export const expertEvaluationState = (deps: Pick<Deps, "db" | "clock"> & Partial<Pick<Deps, "atomic">>, consultationId: string, lang: Lang, zone: string) =>
  evaluationFormState(deps, consultationId, { side: "expert" }, lang, zone);
