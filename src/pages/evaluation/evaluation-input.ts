import {
  FOLLOW_UP_TOPIC_MAX,
  FREE_TEXT_MAX,
  SubmitEvaluationSchema,
  type Evaluation,
  type SubmitEvaluation,
} from "../../evaluations/evaluations.schemas.js";
import type { FieldErrors } from "../components/form.js";
import { fieldErrorsFromZod } from "../forms/field-errors.js";
import type { Messages } from "../i18n/index.js";
import type { FormData } from "../security.js";

export const SCORE_FIELDS = ["usefulness", "preparation", "technicalQuality"] as const;
const CHOICE_FIELDS = [...SCORE_FIELDS, "durationFit", "wouldRecommend", "followUpInterest"] as const;
const TEXT_FIELDS = ["actualMinutes", "followUpTopic", "learnings", "improvements"] as const;
export const EVALUATION_FIELDS = [...CHOICE_FIELDS, ...TEXT_FIELDS] as const;

/** The form as typed: every value a string, so it can be written back after an error. */
export type EvaluationFormValues = Partial<Record<(typeof EVALUATION_FIELDS)[number], string>>;

export const readEvaluationForm = (form: FormData): EvaluationFormValues =>
  Object.fromEntries(EVALUATION_FIELDS.map((f) => [f, form.get(f)]));

/** A stored evaluation as form values, so a second submission starts from the first. */
export function valuesOf(e: Evaluation): EvaluationFormValues {
  const yesNo = (b: boolean) => (b ? "yes" : "no");
  return {
    usefulness: String(e.usefulness),
    preparation: String(e.preparation),
    technicalQuality: String(e.technicalQuality),
    durationFit: e.durationFit,
    wouldRecommend: yesNo(e.wouldRecommend),
    followUpInterest: yesNo(e.followUpInterest),
    actualMinutes: e.actualMinutes === null ? "" : String(e.actualMinutes),
    followUpTopic: e.followUpTopic ?? "",
    learnings: e.learnings ?? "",
    improvements: e.improvements ?? "",
  };
}

const whole = (s: string | undefined) => (s && /^\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : s?.trim() || undefined);
const yesNo = (s: string | undefined) => (s === "yes" ? true : s === "no" ? false : undefined);
const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * Checks the form with the API's own schema and says what is wrong in the page's language:
 * a missing choice asks to choose, minutes name their range, the follow-up topic needs a yes.
 */
export function parseEvaluation(
  values: EvaluationFormValues,
  t: Messages,
): { ok: true; input: SubmitEvaluation } | { ok: false; errors: FieldErrors } {
  const parsed = SubmitEvaluationSchema.safeParse({
    usefulness: whole(values.usefulness),
    preparation: whole(values.preparation),
    technicalQuality: whole(values.technicalQuality),
    durationFit: values.durationFit || undefined,
    actualMinutes: whole(values.actualMinutes),
    wouldRecommend: yesNo(values.wouldRecommend),
    followUpInterest: yesNo(values.followUpInterest),
    followUpTopic: text(values.followUpTopic),
    learnings: text(values.learnings),
    improvements: text(values.improvements),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const v = t.validation;
  const errors = fieldErrorsFromZod(parsed.error, v);
  for (const f of CHOICE_FIELDS) if (errors[f]) errors[f] = v.invalidChoice;
  if (errors.actualMinutes) errors.actualMinutes = v.minutesRange;
  const topicTooLong = (values.followUpTopic?.trim().length ?? 0) > FOLLOW_UP_TOPIC_MAX;
  if (errors.followUpTopic && !topicTooLong) errors.followUpTopic = v.followUpTopicWithoutInterest;
  return { ok: false, errors };
}

export { FOLLOW_UP_TOPIC_MAX, FREE_TEXT_MAX };
