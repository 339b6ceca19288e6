import { CsrfField, ErrorSummary, fieldsOf, Notice, RadioGroup, TextArea, TextInput, type FieldErrors } from "../components/form.js";
import type { Messages } from "../i18n/index.js";
import { FOLLOW_UP_TOPIC_MAX, FREE_TEXT_MAX, SCORE_FIELDS, type EvaluationFormValues } from "./evaluation-input.js";

export interface EvaluationFormProps {
  t: Messages;
  csrfToken: string;
  action: string;
  side: "member" | "expert";
  /** Whether evaluations are accepted now; when they are not, the form is not shown. */
  open: boolean;
  /** The closing moment, already formatted for the page. */
  closes: string | null;
  /** True when this person has evaluated before: sending again replaces it. */
  replaces: boolean;
  saved: boolean;
  values: EvaluationFormValues;
  errors: FieldErrors;
}

export function EvaluationForm(p: EvaluationFormProps) {
  const { t, values, errors } = p;
  const e = t.evaluation;
  const field = fieldsOf(values, errors);
  const questions: Record<(typeof SCORE_FIELDS)[number], string> = {
    usefulness: e.usefulness,
    preparation: p.side === "expert" ? e.preparationExpert : e.preparationMember,
    technicalQuality: e.technicalQuality,
  };
  const labels: Record<string, string> = {
    ...questions,
    durationFit: e.durationFit,
    actualMinutes: e.actualMinutes,
    wouldRecommend: e.wouldRecommend,
    followUpInterest: e.followUpInterest,
    followUpTopic: e.followUpTopic,
    learnings: e.learnings,
    improvements: e.improvements,
  };
  const yesNo = [
    { value: "yes", label: t.common.yes },
    { value: "no", label: t.common.no },
  ];
  return (
    <section aria-labelledby="evaluation-title" class="panel" id="evaluation">
      <h2 id="evaluation-title">{e.title}</h2>
      {p.saved && p.closes ? <Notice>{e.saved(p.closes)}</Notice> : null}
      {!p.open ? (
        <p>{e.closed}</p>
      ) : (
        <>
          <p>{e.intro}</p>
          {p.replaces && !p.saved && p.closes ? <p>{e.replaceNote(p.closes)}</p> : null}
          <ErrorSummary t={t} errors={errors} labels={labels} />
          <form method="post" action={p.action} novalidate>
            <CsrfField token={p.csrfToken} />
            {SCORE_FIELDS.map((f) => (
              <RadioGroup
                id={f}
                name={f}
                legend={questions[f]}
                inline
                value={values[f]}
                error={errors[f]}
                options={e.scale.map((label, i) => ({ value: String(i + 1), label }))}
              />
            ))}
            <RadioGroup
              {...field("durationFit")}
              legend={e.durationFit}
              inline
              options={(["too_short", "right", "too_long"] as const).map((v) => ({ value: v, label: e.fit[v] }))}
            />
            <TextInput
              t={t}
              {...field("actualMinutes")}
              label={e.actualMinutes}
              hint={e.actualMinutesHint}
              optional
              inputmode="numeric"
              width="short"
            />
            <RadioGroup
              {...field("wouldRecommend")}
              legend={e.wouldRecommend}
              inline
              options={yesNo}
            />
            <RadioGroup
              {...field("followUpInterest")}
              legend={e.followUpInterest}
              inline
              options={yesNo}
            />
            <TextArea
              t={t}
              {...field("followUpTopic")}
              label={e.followUpTopic}
              optional
              rows={2}
              max={FOLLOW_UP_TOPIC_MAX}
            />
            <TextArea
              t={t}
              {...field("learnings")}
              label={e.learnings}
              hint={e.freeTextHint}
              optional
              rows={4}
              max={FREE_TEXT_MAX}
            />
            <TextArea
              t={t}
              {...field("improvements")}
              label={e.improvements}
              hint={e.freeTextHint}
              optional
              rows={4}
              max={FREE_TEXT_MAX}
            />
            <button type="submit">{e.submit}</button>
          </form>
        </>
      )}
    </section>
  );
}
