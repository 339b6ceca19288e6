import { BRIEF_LIMITS } from "../../topics/topics.schemas.js";
import { CsrfField, ErrorSummary, Notice, Select, TextArea, TextInput, type FieldErrors } from "../components/form.js";
import { formatDateTime, languageName } from "../i18n/format.js";
import { LANGUAGES, type Lang, type Messages } from "../i18n/index.js";

export interface TopicFormValues {
  title: string;
  theme: string;
  description: string;
  challenge: string;
  questions: string[];
  language: string;
  /** The form's one-time key: sent twice, the second send creates nothing. */
  formKey: string;
}

export const emptyTopicForm = (lang: Lang): TopicFormValues => ({
  title: "",
  theme: "",
  description: "",
  challenge: "",
  questions: [],
  language: lang,
  formKey: crypto.randomUUID(),
});

/** Three question inputs are in view; the rest of the seven wait behind "More questions". */
const VISIBLE_QUESTIONS = 3;

export const questionId = (i: number) => `question-${i}`;

/** One of the group's topics with its briefs, newest first: any of them starts a new consultation. */
export interface ExistingBrief {
  topicTitle: string;
  theme: string;
  briefs: { briefId: string; challenge: string; createdAt: string }[];
}

const EXCERPT = 140;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text);

interface Props {
  t: Messages;
  lang: Lang;
  zone: string;
  csrfToken: string;
  values: TopicFormValues;
  errors: FieldErrors;
  existing: ExistingBrief[];
  /** The managed list of themes, named in the page's language. */
  themes: { value: string; label: string }[];
  /** A stored theme's name in the page's language. */
  themeName: (stored: string) => string;
}

function fieldLabels(t: Messages): Record<string, string> {
  const n = t.newFlow;
  const labels: Record<string, string> = {
    title: n.titleLabel,
    theme: n.themeLabel,
    description: n.descriptionLabel,
    challenge: n.challengeLabel,
    [questionId(0)]: n.questionsLegend,
    language: n.briefLanguage,
  };
  for (let i = 1; i < BRIEF_LIMITS.maxQuestions; i++) labels[questionId(i)] = n.questionLabel(i + 1);
  return labels;
}

function Questions({ p }: { p: Props }) {
  const n = p.t.newFlow;
  const input = (i: number) => (
    <TextInput
      t={p.t}
      id={questionId(i)}
      name="question"
      label={n.questionLabel(i + 1)}
      optional={i > 0}
      value={p.values.questions[i]}
      error={p.errors[questionId(i)]}
    />
  );
  const hidden = Array.from({ length: BRIEF_LIMITS.maxQuestions - VISIBLE_QUESTIONS }, (_, k) => k + VISIBLE_QUESTIONS);
  // Open the extra questions when one of them has text or an error, so nothing typed is hidden.
  const open = hidden.some((i) => p.values.questions[i] || p.errors[questionId(i)]);
  return (
    <fieldset>
      <legend>{n.questionsLegend}</legend>
      <p class="hint">{n.questionsHint(BRIEF_LIMITS.maxQuestions, BRIEF_LIMITS.question)}</p>
      {Array.from({ length: VISIBLE_QUESTIONS }, (_, i) => input(i))}
      <details open={open}>
        <summary>{n.moreQuestions}</summary>
        {hidden.map(input)}
      </details>
    </fieldset>
  );
}

export function TopicStep(p: Props) {
  const { t, values, errors } = p;
  const n = t.newFlow;
  return (
    <>
      <p class="step">{n.step(1, 3, n.stepTopic)}</p>
      <h1>{n.title}</h1>
      <ErrorSummary t={t} errors={errors} labels={fieldLabels(t)} />
      <form method="post" action="/app/new" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="formKey" value={values.formKey} />
        <h2>{n.topicSection}</h2>
        <TextInput t={t} id="title" name="title" label={n.titleLabel} hint={n.titleHint} value={values.title} error={errors.title} />
        {p.themes.length === 0 ? <Notice kind="warning">{t.themeChoice.emptyForMember}</Notice> : null}
        <Select
          t={t}
          id="theme"
          name="theme"
          label={n.themeLabel}
          hint={t.themeChoice.topicHint}
          value={values.theme}
          error={errors.theme}
          options={[{ value: "", label: t.themeChoice.choose }, ...p.themes]}
        />
        <TextArea
          t={t}
          id="description"
          name="description"
          label={n.descriptionLabel}
          hint={n.descriptionHint}
          rows={3}
          value={values.description}
          error={errors.description}
        />
        <h2>{n.briefSection}</h2>
        <p>{n.briefIntro}</p>
        <TextArea
          t={t}
          id="challenge"
          name="challenge"
          label={n.challengeLabel}
          hint={n.challengeHint(BRIEF_LIMITS.challenge)}
          rows={8}
          max={BRIEF_LIMITS.challenge}
          value={values.challenge}
          error={errors.challenge}
        />
        <Questions p={p} />
        <Select
          t={t}
          id="language"
          name="language"
          label={n.briefLanguage}
          value={values.language}
          error={errors.language}
          options={LANGUAGES.map((l) => ({ value: l, label: languageName(l, p.lang) }))}
        />
        <button type="submit">{n.saveTopic}</button>
      </form>
      {p.existing.length > 0 ? (
        <section aria-labelledby="existing-title">
          <h2 id="existing-title">{n.existingTitle}</h2>
          <ul class="topic-briefs">
            {p.existing.map((topic) => (
              <li>
                <strong>{topic.topicTitle}</strong> <span class="hint">({p.themeName(topic.theme)})</span>
                <ul>
                  {topic.briefs.map((b) => (
                    <li>
                      <a href={`/app/new/expert?brief=${b.briefId}`}>{t.groupPages.useBrief(formatDateTime(b.createdAt, p.lang, p.zone))}</a>
                      <p class="hint">{excerpt(b.challenge)}</p>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
