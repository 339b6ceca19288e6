import type { Context, Hono, MiddlewareHandler } from "hono";
import { createConsultation } from "../../consultations/consultations.service.js";
import { requestConsultation } from "../../consultations/request-consultation.js";
import { directoryExpert, searchDirectory } from "../../directory/directory.service.js";
import { NORDIC_COUNTRIES, type NordicCountry } from "../../lib/common-schemas.js";
import { CreateBriefSchema, CreateTopicSchema } from "../../topics/topics.schemas.js";
import { createTopicWithBrief, groupBrief, groupTopicsWithBriefs } from "../../topics/topics.service.js";
import { allThemes, themeChoicesOf, themeNamer, themeNamerOf, UNKNOWN_THEME_RULE } from "../../themes/themes.service.js";
import { fieldErrorsFromZod } from "../forms/field-errors.js";
import type { PageEnv } from "../page-env.js";
import { renderNotFound, renderPage } from "../render.js";
import { readForm } from "../security.js";
import { memberOf } from "../session.js";
import { CRITERIA, ExpertStep, type Criterion } from "./expert-step.view.js";
import { groupZone } from "./group-zone.js";
import { redirectToSent } from "./render-sent.js";
import { createFollowUp } from "../../evaluations/follow-up.service.js";
import { consultationTitle } from "../../consultations/consultations.service.js";
import { formKeyOf, newFormKey } from "../forms/form-key.js";
import { checkSlots, slotErrorsFromIssues } from "./slot-input.js";
import { DURATIONS, TimesStep, type TimesFormValues } from "./times-step.view.js";
import { suggestionsFor } from "../../scheduling/suggestions.service.js";
import { SLOT_ROWS, wallTimeOf } from "./slot-input.js";

type TimesProps = Parameters<typeof TimesStep>[0];
import { TopicStep, emptyTopicForm, questionId, type TopicFormValues } from "./topic-step.view.js";

const memberArea = { area: "member" as const };
const EXISTING_BRIEFS_SHOWN = 10;

async function renderTopicStep(c: Context<PageEnv>, values: TopicFormValues, errors: Record<string, string> = {}) {
  const { deps, t, lang, csrfToken } = c.var;
  // The list read once, beside the group's topics: the choices and the names of the topics' themes both come from it.
  const [list, topics] = await Promise.all([allThemes(deps), groupTopicsWithBriefs(deps, memberOf(c), EXISTING_BRIEFS_SHOWN)]);
  const themes = themeChoicesOf(list, lang);
  const themeName = themeNamerOf(list, lang);
  const existing = topics.map(({ topic, briefs }) => ({
    topicTitle: topic.title,
    theme: topic.theme,
    briefs: briefs.map((b) => ({ briefId: b.id, challenge: b.challenge, createdAt: b.createdAt })),
  }));
  const body = (
    <TopicStep t={t} lang={lang} zone={await groupZone(c)} csrfToken={csrfToken} values={values} errors={errors} existing={existing} themes={themes} themeName={themeName} />
  );
  return renderPage(
    c,
    { title: t.newFlow.title, body, frame: { ...memberArea, here: "/app/new" } },
    Object.keys(errors).length ? 400 : 200,
  );
}

/** The brief (and its topic) only when it belongs to the signed-in member's group. */
async function ownBrief(c: Context<PageEnv>, briefId: string) {
  return /^[0-9a-f-]{36}$/.test(briefId) ? groupBrief(c.var.deps, memberOf(c), briefId) : undefined;
}

async function renderTimesStep(
  c: Context<PageEnv>,
  briefId: string,
  expertId: string,
  values: TimesFormValues,
  errors: Record<string, string> = {},
) {
  const { deps, t, lang, csrfToken } = c.var;
  const own = await ownBrief(c, briefId);
  const expert = /^[0-9a-f-]{36}$/.test(expertId) ? await directoryExpert(deps, expertId) : undefined;
  if (!own || !expert) return renderNotFound(c);
  const zone = await groupZone(c);
  const body = (
    <TimesStep
      t={t}
      lang={lang}
      csrfToken={csrfToken}
      briefId={briefId}
      topicTitle={own.topic.title}
      expert={expert}
      groupZone={zone}
      suggestions={await suggestedStarts(c, expertId, Number(values.duration) || 45)}
      briefLanguage={own.brief.language}
      values={values}
      errors={errors}
    />
  );
  const here = `/app/new/times?brief=${briefId}&expert=${expertId}`;
  return renderPage(c, { title: t.newFlow.title, body, frame: { ...memberArea, here } }, Object.keys(errors).length ? 400 : 200);
}

/** The suggestions the API computes, for the signed-in member's group; without a tenant, none. */
async function suggestedStarts(c: Context<PageEnv>, expertId: string, durationMinutes: number): Promise<TimesProps["suggestions"]> {
  if (!c.var.deps.freeBusy.available) return { kind: "none" };
  const found = await suggestionsFor(c.var.deps, memberOf(c), { expertId, durationMinutes: (DURATIONS as readonly number[]).includes(durationMinutes) ? durationMinutes : 45 });
  return found.ok ? { kind: "some", starts: found.value.slots.map((s) => s.start) } : { kind: "unavailable" };
}

/** The group's own consultation a follow-up continues, named by its topic; anything else is none. */
async function followUpOf(c: Context<PageEnv>, id: string | undefined) {
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const title = await consultationTitle(c.var.deps, memberOf(c), id);
  return title ? { id, topicTitle: title } : undefined;
}

/** Step 1 creates the topic and brief, step 2 picks an expert, step 3 proposes times and sends. */
export function addNewFlow(app: Hono<PageEnv>, member: MiddlewareHandler<PageEnv>) {
  app.get("/new", member, (c) => renderTopicStep(c, emptyTopicForm(c.var.lang)));

  app.post("/new", member, async (c) => {
    const form = await readForm(c);
    const values: TopicFormValues = {
      title: form.get("title"),
      theme: form.get("theme"),
      description: form.get("description"),
      challenge: form.get("challenge"),
      questions: form.all("question"),
      language: form.get("language"),
      formKey: formKeyOf(form) ?? newFormKey(),
    };
    // Empty question inputs are skipped; `rows` remembers which input each question came from.
    const rows = values.questions.map((q, i) => (q.trim() ? i : -1)).filter((i) => i >= 0);
    const v = c.var.t.validation;
    const topic = CreateTopicSchema.safeParse({ title: values.title, theme: values.theme, description: values.description });
    const brief = CreateBriefSchema.safeParse({
      challenge: values.challenge,
      questions: rows.map((i) => values.questions[i]),
      language: values.language,
    });
    const errors = {
      ...(topic.success ? {} : fieldErrorsFromZod(topic.error, v)),
      ...(brief.success
        ? {}
        : fieldErrorsFromZod(brief.error, v, (path) => {
            const m = /^questions(?:\.(\d+))?$/.exec(path);
            return m ? questionId(m[1] === undefined ? 0 : (rows[Number(m[1])] ?? 0)) : path;
          })),
    };
    if (!topic.success || !brief.success) return renderTopicStep(c, values, errors);
    const written = await createTopicWithBrief(c.var.deps, memberOf(c), topic.data, brief.data, { formKey: values.formKey });
    // The service's one refusal a member can correct: a theme that is not (or no longer) on the list.
    if (!written.ok && written.issues?.some((i) => i.rule === UNKNOWN_THEME_RULE)) return renderTopicStep(c, values, { theme: c.var.t.themeChoice.notOnList });
    if (!written.ok) throw new Error(`brief for a topic just created failed: ${written.message}`);
    return c.redirect(`/app/new/expert?brief=${written.value.briefId}`, 303);
  });

  app.get("/new/expert", member, async (c) => {
    const { deps, t, lang } = c.var;
    const briefId = c.req.query("brief") ?? "";
    const own = await ownBrief(c, briefId);
    if (!own) return renderNotFound(c);
    const [all, themeName] = await Promise.all([searchDirectory(deps, {}), themeNamer(deps, lang)]);
    const themes = [...new Set(all.flatMap((e) => e.themes))].sort((a, b) => themeName(a).localeCompare(themeName(b), lang));
    const languages = [...new Set(all.flatMap((e) => e.languages))].sort();
    const country = c.req.query("country") ?? "";
    // On arrival (no search sent yet) the directory starts filtered by the topic's theme.
    const theme = c.req.query("theme") ?? (c.req.query("country") === undefined && c.req.query("language") === undefined ? own.topic.theme : "");
    const filters = {
      theme: themes.includes(theme) ? theme : "",
      country: (NORDIC_COUNTRIES as readonly string[]).includes(country) ? country : "",
      language: languages.includes(c.req.query("language") ?? "") ? c.req.query("language")! : "",
      criteria: c.req.queries("criteria")?.filter((x): x is Criterion => (CRITERIA as readonly string[]).includes(x)) ?? [],
    };
    const found = await searchDirectory(deps, {
      theme: filters.theme || undefined,
      country: (filters.country || undefined) as NordicCountry | undefined,
      language: filters.language || undefined,
    });
    // The directory query filters by theme, country and language; the criteria are the organisation's.
    const experts = found.filter((e) => filters.criteria.every((k) => e.organisation.criteria[k]));
    const body = (
      <ExpertStep
        t={t}
        lang={lang}
        briefId={briefId}
        topicTitle={own.topic.title}
        filters={filters}
        themes={themes}
        themeName={themeName}
        languages={languages}
        experts={experts}
      />
    );
    return renderPage(c, { title: t.newFlow.title, body, frame: memberArea });
  });

  app.get("/new/times", member, async (c) => {
    const followUp = await followUpOf(c, c.req.query("followUp"));
    return renderTimesStep(c, c.req.query("brief") ?? "", c.req.query("expert") ?? "", { duration: String(DURATIONS.at(-1)), slots: [], formKey: newFormKey(), followUp });
  });

  app.post("/new/times", member, async (c) => {
    const form = await readForm(c);
    const briefId = form.get("brief");
    const expertId = form.get("expert");
    const values: TimesFormValues = {
      duration: form.get("duration"),
      slots: form.all("slot"),
      formKey: formKeyOf(form) ?? newFormKey(),
      followUp: await followUpOf(c, form.get("followUp")),
    };
    const v = c.var.t.validation;
    const duration = Number(values.duration);
    const durationOk = (DURATIONS as readonly number[]).includes(duration);
    const zone = await groupZone(c);
    // A suggestion fills the first empty time and shows the step again; nothing is sent.
    const suggested = form.get("suggest");
    if (suggested) {
      const wall = wallTimeOf(suggested, zone);
      const rows = Array.from({ length: SLOT_ROWS }, (_, i) => values.slots[i] ?? "");
      const empty = rows.findIndex((r) => !r.trim());
      if (wall && empty >= 0) rows[empty] = wall;
      return renderTimesStep(c, briefId, expertId, { ...values, slots: rows });
    }
    const sending = form.get("action") !== "preview";
    const check = checkSlots(values.slots, {
      zone,
      durationMinutes: durationOk ? duration : 45,
      now: c.var.deps.clock.now(),
      v,
      requireCount: sending,
    });
    const errors = { ...(durationOk ? {} : { duration: v.invalidChoice }), ...(check.ok ? {} : check.errors) };
    if (!sending || !check.ok || !durationOk) return renderTimesStep(c, briefId, expertId, values, errors);

    const own = await ownBrief(c, briefId);
    if (!own) return renderNotFound(c);
    const by = memberOf(c);
    const input = { topicId: own.topic.id, briefId, expertId, durationMinutes: duration, slots: check.starts.map((start) => ({ start })) };
    const opts = { formKey: values.formKey };
    const created = values.followUp ? await createFollowUp(c.var.deps, by, values.followUp.id, input, opts) : await createConsultation(c.var.deps, by, input, opts);
    if (!created.ok && created.code === "VALIDATION_FAILED") {
      return renderTimesStep(c, briefId, expertId, values, slotErrorsFromIssues(created.issues ?? [], values.slots, v));
    }
    if (!created.ok) return created.code === "CONFLICT" ? renderTimesStep(c, briefId, expertId, values, {}) : renderNotFound(c);
    // The same form again (a reload, a double click, the back button): nothing new, the first one's page.
    if (created.value.repeated) return c.redirect(`/app/consultations/${created.value.id}/sent?again=1`, 303);
    const requested = await requestConsultation(c.var.deps, by, created.value.id);
    // A draft that could not be sent stays visible on its page, with the button to send it.
    if (!requested.ok) return c.redirect(`/app/consultations/${created.value.id}`, 303);
    return redirectToSent(c, requested.value);
  });
}
