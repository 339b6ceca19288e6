import type { Context } from "hono";
import {
  confirmSlot,
  declineRequest,
  expertPageView,
  languagesOfExpert,
  rememberExpertLanguage,
  resolveLink,
  type ExpertView,
  type LinkProblem,
} from "../../expert-access/expert-access.service.js";
import { submitExpertEvaluation } from "../../evaluations/evaluations.service.js";
import { invitationFor } from "../../meetings/meetings.service.js";
import { parseEvaluation, readEvaluationForm } from "../evaluation/evaluation-input.js";
import { finish, pageApp, setLanguage } from "../page-app.js";
import { expertLinkPageGuard } from "../rate-limited.js";
import type { PageEnv } from "../page-env.js";
import { isLang } from "../i18n/vocabulary.js";
import { renderMessage, renderPage } from "../render.js";
import { readForm } from "../security.js";
import { sendIcs } from "../ics.js";
import { expertEvaluationState } from "../evaluation/evaluation-state.js";
import { ExpertPage, type ExpertPageProps } from "./expert.view.js";
import { allowedActions } from "../../consultations/transitions.js";
import { proposeOtherTimes } from "../../consultations/counter-proposal.service.js";
import { SLOT_RULES } from "../../consultations/proposed-slots.js";
import { checkSlots, slotErrorsFromIssues } from "../group/slot-input.js";
import { themeNamerOf } from "../../themes/themes.service.js";

const REASON_MAX = 1000;

/**
 * The same page for every bad link: it says what is wrong and nothing about the consultation,
 * except that a cancelled one offers its calendar cancellation (the holder learns nothing new).
 */
async function renderLinkProblem(c: Context<PageEnv>, problem: LinkProblem, secret?: string, consultationId?: string) {
  const t = c.var.t.linkProblem;
  if (problem === "cancelled" && secret && consultationId) {
    const l = c.var.t.lifecycle;
    const ics = await invitationFor(c.var.deps, consultationId, { kind: "expert", secret });
    const body = (
      <>
        <h1>{l.cancelledTitle}</h1>
        <p>{t.cancelled}</p>
        <p>{l.cancelledExpert}</p>
        {ics.ok ? (
          <>
            <p>{l.cancelledBody}</p>
            <p>
              <a class="button button-secondary" href={`/e/${secret}/invite.ics`} download="samrad-cancel.ics">
                {l.downloadCancel}
              </a>
            </p>
          </>
        ) : null}
      </>
    );
    return renderPage(c, { title: l.cancelledTitle, body, frame: { here: `/e/${secret}` } }, 410);
  }
  return renderMessage(c, { title: t.title, lines: [t[problem], t.help] }, problem === "unknown" ? 404 : 410);
}

type Loaded = { ok: true; view: ExpertView } | { ok: false; response: Response | Promise<Response> };

/** Resolves the link, switches to the expert's language unless the user chose one, loads the view. */
async function load(c: Context<PageEnv>, secret: string): Promise<Loaded> {
  const deps = c.var.deps;
  // The link, the view and the expert's languages in one round trip.
  const read = await expertPageView(deps, secret);
  if (!read.ok) return { ok: false, response: renderLinkProblem(c, read.problem, secret, read.consultationId) };
  const chosen = c.req.query("lang");
  // A language chosen now is remembered for the mails; this page already speaks it (the query wins).
  if (isLang(chosen)) await rememberExpertLanguage(deps, read.expertId, chosen);
  setLanguage(c, read.languages);
  // The topic's theme as the list names it in the page's language (the view carries the stored key).
  const theme = themeNamerOf(read.themes, c.var.lang)(read.view.topic.theme);
  return { ok: true, view: { ...read.view, topic: { ...read.view.topic, theme } } };
}

async function renderExpert(c: Context<PageEnv>, input: Omit<ExpertPageProps, "t" | "lang" | "csrfToken" | "allowed" | "mailOn">, status: 200 | 400 | 409 = 200) {
  const { t, lang, csrfToken, deps } = c.var;
  let props: Omit<ExpertPageProps, "t" | "lang" | "csrfToken"> = { ...input, allowed: allowedActions(input.view, "expert", deps.clock.now()), mailOn: deps.mailer.canSend };
  const held = props.view.status === "held" || props.view.status === "evaluated";
  if (held && !props.evaluation) {
    const state = await expertEvaluationState(deps, props.view.consultationId, lang, props.view.expert.timeZone);
    props = { ...props, evaluation: { ...state, saved: c.req.query("evaluated") === "1", errors: {} } };
  }
  return renderPage(
    c,
    {
      title: t.expert.title(props.view.topic.title),
      body: <ExpertPage {...props} t={t} lang={lang} csrfToken={csrfToken} />,
      frame: { here: `/e/${props.secret}` },
    },
    status,
  );
}

/** After a failed action: a bad link gets the link page, anything else the page with a notice. */
async function afterFailure(c: Context<PageEnv>, secret: string, message: string) {
  const loaded = await load(c, secret);
  if (!loaded.ok) return loaded.response;
  return renderExpert(c, { secret, view: loaded.view, problem: message }, 409);
}

export const expertPageRoutes = () => {
  const app = pageApp("/e");
  app.use("*", expertLinkPageGuard);

  app.get("/:secret", async (c) => {
    const secret = c.req.param("secret");
    const loaded = await load(c, secret);
    if (!loaded.ok) return loaded.response;
    return renderExpert(c, { secret, view: loaded.view });
  });

  app.post("/:secret/confirm", async (c) => {
    const secret = c.req.param("secret");
    const slotId = (await readForm(c)).get("slotId");
    const result = await confirmSlot(c.var.deps, secret, slotId);
    // Post/redirect/get: reloading the confirmed page does not send the form again.
    if (result.ok) return c.redirect(`/e/${secret}`, 303);
    return afterFailure(c, secret, c.var.t.errors.slotTaken);
  });

  app.post("/:secret/propose", async (c) => {
    const secret = c.req.param("secret");
    const loaded = await load(c, secret);
    if (!loaded.ok) return loaded.response;
    const { deps, t } = c.var;
    const rows = (await readForm(c)).all("slot").slice(0, SLOT_RULES.maxCounterSlots);
    const l = t.lifecycle;
    const checked = checkSlots(rows, {
      zone: loaded.view.expert.timeZone,
      durationMinutes: loaded.view.durationMinutes,
      now: deps.clock.now(),
      v: t.validation,
      requireCount: true,
      count: { min: SLOT_RULES.minCounterSlots, max: SLOT_RULES.maxCounterSlots, tooFew: l.proposeTooFew, tooMany: l.proposeTooMany },
    });
    if (!checked.ok) return renderExpert(c, { secret, view: loaded.view, proposal: { values: rows, errors: checked.errors } }, 400);
    const result = await proposeOtherTimes(deps, secret, checked.starts);
    if (result.ok) return c.redirect(`/e/${secret}`, 303);
    if (result.code === "VALIDATION_FAILED") {
      const errors = slotErrorsFromIssues(result.issues ?? [], rows, t.validation);
      return renderExpert(c, { secret, view: loaded.view, proposal: { values: rows, errors } }, 400);
    }
    // Already proposed (a double click or a reload): the page as it is now says so.
    return c.redirect(`/e/${secret}`, 303);
  });

  app.post("/:secret/decline", async (c) => {
    const secret = c.req.param("secret");
    const reason = (await readForm(c)).get("reason").trim();
    if (reason.length > REASON_MAX) {
      const loaded = await load(c, secret);
      if (!loaded.ok) return loaded.response;
      return renderExpert(c, { secret, view: loaded.view, reason, errors: { reason: c.var.t.validation.tooLong(REASON_MAX) } }, 400);
    }
    const link = await resolveLink(c.var.deps, secret);
    if (link.ok) setLanguage(c, await languagesOfExpert(c.var.deps, link.consultation.expert.id));
    const result = await declineRequest(c.var.deps, secret, reason || undefined);
    if (!result.ok) return afterFailure(c, secret, c.var.t.errors.conflict);
    // The link stops working now, so the thank-you is rendered here rather than redirected to.
    const t = c.var.t.expert;
    return renderMessage(c, { title: t.declinedTitle, lines: [t.declinedBody], frame: { here: "/" } });
  });

  app.post("/:secret/evaluation", async (c) => {
    const secret = c.req.param("secret");
    const loaded = await load(c, secret);
    if (!loaded.ok) return loaded.response;
    const values = readEvaluationForm(await readForm(c));
    const parsed = parseEvaluation(values, c.var.t);
    if (!parsed.ok) {
      const { deps, lang } = c.var;
      const state = await expertEvaluationState(deps, loaded.view.consultationId, lang, loaded.view.expert.timeZone);
      const evaluation = { ...state, values, errors: parsed.errors, saved: false };
      return renderExpert(c, { secret, view: loaded.view, evaluation }, 400);
    }
    const result = await submitExpertEvaluation(c.var.deps, secret, parsed.input);
    if (result.ok) return c.redirect(`/e/${secret}?evaluated=1#evaluation`, 303);
    return afterFailure(c, secret, c.var.t.errors.conflict);
  });

  app.get("/:secret/invite.ics", async (c) => {
    const link = await resolveLink(c.var.deps, c.req.param("secret"));
    // After a cancel the invitation is the METHOD:CANCEL one, which removes the calendar entry.
    const id = link.ok ? link.consultation.id : link.consultationId;
    if (!id) return renderLinkProblem(c, link.ok ? "unknown" : link.problem);
    const ics = await invitationFor(c.var.deps, id, { kind: "expert", secret: c.req.param("secret") });
    if (!ics.ok && !link.ok) return renderLinkProblem(c, link.problem);
    if (!ics.ok) return renderMessage(c, { title: c.var.t.errors.notFoundTitle, lines: [c.var.t.errors.conflict] }, 409);
    return sendIcs(c, ics.value);
  });

  return finish(app);
};
