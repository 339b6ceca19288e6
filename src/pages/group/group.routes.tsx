import type { Context, MiddlewareHandler } from "hono";
import { memberFrame, type MemberFrame } from "../../groups/groups.service.js";
import { cancelConsultation, rescheduleConsultation, setOwnMeetingLink } from "../../consultations/consultations.service.js";
import { MeetingLinkSchema } from "../../consultations/consultations.schemas.js";
import { acceptCounterProposal } from "../../consultations/counter-proposal.service.js";
import { SLOT_RULES } from "../../consultations/proposed-slots.js";
import { checkSlots, slotErrorsFromIssues } from "./slot-input.js";
import { requestConsultation } from "../../consultations/request-consultation.js";
import { invitationFor } from "../../meetings/meetings.service.js";
import { FundingSchema } from "../../evaluations/consultation-outcome.schemas.js";
import { setFunding } from "../../evaluations/consultation-outcome.service.js";
import { submitMemberEvaluation } from "../../evaluations/evaluations.service.js";
import { evaluationFormState } from "../evaluation/evaluation-state.js";
import { parseEvaluation, readEvaluationForm } from "../evaluation/evaluation-input.js";
import { sendIcs } from "../ics.js";
import { finish, pageApp } from "../page-app.js";
import type { PageEnv } from "../page-env.js";
import { renderMessage, renderNotFound, renderPage } from "../render.js";
import { readForm } from "../security.js";
import { memberOf, requireSignIn } from "../session.js";
import { addSignIn } from "../sign-in.js";
import { groupZone } from "./group-zone.js";
import { consultationPage, groupConsultation, groupHomePage } from "../../consultations/consultation-page.service.js";
import { ConsultationDetail, type DetailProps } from "./detail.view.js";
import { allowedActions } from "../../consultations/transitions.js";
import { ConsultationList } from "./list.view.js";
import { addNewFlow } from "./new-flow.routes.js";
import { redirectToSent, renderLinkGone, renderSent } from "./render-sent.js";
import { issueNewExpertLink, requestAgain } from "../../consultations/expert-link-again.service.js";
import { formKeyOf } from "../forms/form-key.js";

const REASON_MAX = 1000;
/** Signed in as a member; the page reads its frame (who, which group, its zone) in its own batch (useFrame). */
const memberPage = requireSignIn("member");
/** Signed in as a member, and the frame names who and for which group. */
const member: MiddlewareHandler<PageEnv> = (c, next) =>
  memberPage(c, async () => {
    useFrame(c, await memberFrame(c.var.deps, memberOf(c)));
    await next();
  });

function useFrame(c: Context<PageEnv>, frame: MemberFrame) {
  c.set("signedIn", frame.signedIn);
  c.set("memberZone", frame.zone);
}
const memberArea = { area: "member" as const };

type Extra = Pick<DetailProps, "notice" | "problem" | "errors" | "reason" | "reschedule" | "ownLink" | "evaluation">;

async function renderDetail(c: Context<PageEnv>, id: string, extra: Extra = {}, status: 200 | 400 | 409 = 200) {
  const { deps, t, lang, csrfToken } = c.var;
  const by = memberOf(c);
  const { frame, found } = await consultationPage(deps, by, id);
  useFrame(c, frame);
  if (!found) return renderNotFound(c);
  const { consultation, brief, zone, history } = found;
  const allowed = allowedActions(consultation, "member", deps.clock.now());
  const mail = { mailOn: deps.mailer.canSend, makesMeetings: deps.scheduler.provider === "graph" };
  // Without a tenant making Teams meetings, the group may give a meeting link of its own.
  const ownLinkOffered = !mail.makesMeetings;
  const evaluation =
    extra.evaluation ??
    // Only once the session has ended can there be an evaluation to send or to show.
    (allowed.includes("evaluate") || consultation.status === "held" || consultation.status === "evaluated"
      ? { ...(await evaluationFormState(deps, id, { side: "member", memberId: by.memberId, groupId: by.groupId }, lang, zone)), saved: c.req.query("done") === "evaluated", errors: {} }
      : undefined);
  const props: DetailProps = { t, lang, csrfToken, zone, consultation, brief, history, allowed, ownLinkOffered, ...mail, ...extra, evaluation };
  return renderPage(
    c,
    {
      title: consultation.topic.title,
      body: <ConsultationDetail {...props} />,
      frame: { ...memberArea, here: `/app/consultations/${id}` },
    },
    status,
  );
}

export const groupPageRoutes = () => {
  const app = pageApp("/app");
  addSignIn(app, "member", "/app");
  addNewFlow(app, member);

  app.get("/", memberPage, async (c) => {
    const { deps, t, lang } = c.var;
    const { frame, items } = await groupHomePage(deps, memberOf(c), 200);
    useFrame(c, frame);
    const zone = frame.zone;
    return renderPage(c, {
      title: t.group.listTitle,
      body: <ConsultationList t={t} lang={lang} zone={zone} items={items} />,
      frame: memberArea,
    });
  });

  app.get("/consultations/:id", memberPage, async (c) => {
    const { t } = c.var;
    const done: Record<string, string> = {
      cancelled: t.group.cancelled,
      accepted: t.lifecycle.accepted,
      rescheduled: t.lifecycle.rescheduled,
      link: t.lifecycle.ownLinkSaved,
      funding: t.groupPages.fundingSaved,
      evaluated: t.groupPages.evaluated,
    };
    return renderDetail(c, c.req.param("id"), { notice: done[c.req.query("done") ?? ""] });
  });

  app.post("/consultations/:id/meeting-link", member, async (c) => {
    const id = c.req.param("id");
    const value = (await readForm(c)).get("url").trim();
    const parsed = MeetingLinkSchema.shape.url.safeParse(value || null);
    if (!parsed.success) return renderDetail(c, id, { ownLink: { value, error: c.var.t.lifecycle.ownLinkInvalid } }, 400);
    const result = await setOwnMeetingLink(c.var.deps, memberOf(c), id, parsed.data);
    if (result.ok) return c.redirect(`/app/consultations/${id}?done=link`, 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return renderDetail(c, id, { problem: c.var.t.errors.conflict }, 409);
  });

  app.post("/consultations/:id/evaluation", member, async (c) => {
    const { deps, t, lang } = c.var;
    const id = c.req.param("id");
    const by = memberOf(c);
    const values = readEvaluationForm(await readForm(c));
    const parsed = parseEvaluation(values, t);
    if (!parsed.ok) {
      const state = await evaluationFormState(deps, id, { side: "member", memberId: by.memberId, groupId: by.groupId }, lang, await groupZone(c));
      return renderDetail(c, id, { evaluation: { ...state, values, errors: parsed.errors, saved: false } }, 400);
    }
    const result = await submitMemberEvaluation(deps, by, id, parsed.input);
    // Sending again replaces the member's evaluation: a reload or a second click stores no second one.
    if (result.ok) return c.redirect(`/app/consultations/${id}?done=evaluated#evaluation`, 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return renderDetail(c, id, { problem: result.message }, 409);
  });

  app.post("/consultations/:id/funding", member, async (c) => {
    const id = c.req.param("id");
    const parsed = FundingSchema.safeParse({ source: (await readForm(c)).get("source") });
    if (!parsed.success) return renderDetail(c, id, { errors: { funding: c.var.t.validation.invalidChoice } }, 400);
    const result = await setFunding(c.var.deps, memberOf(c), id, parsed.data.source);
    if (result.ok) return c.redirect(`/app/consultations/${id}?done=funding`, 303);
    return renderNotFound(c);
  });

  app.post("/consultations/:id/accept", member, async (c) => {
    const id = c.req.param("id");
    const slotId = (await readForm(c)).get("slotId");
    const result = await acceptCounterProposal(c.var.deps, memberOf(c), id, slotId);
    // Post/redirect/get; a second click finds it confirmed and is shown the page as it is.
    if (result.ok) return c.redirect(`/app/consultations/${id}?done=accepted`, 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return renderDetail(c, id, { problem: c.var.t.errors.conflict }, 409);
  });

  app.post("/consultations/:id/reschedule", member, async (c) => {
    const { deps, t } = c.var;
    const id = c.req.param("id");
    const form = await readForm(c);
    const rows = form.all("slot").slice(0, SLOT_RULES.maxSlots);
    const seenRound = Number.parseInt(form.get("round"), 10);
    const current = await groupConsultation(deps, memberOf(c), id);
    if (!current) return renderNotFound(c);
    const zone = await groupZone(c);
    const checked = checkSlots(rows, { zone, durationMinutes: current.durationMinutes, now: deps.clock.now(), v: t.validation, requireCount: true });
    if (!checked.ok) return renderDetail(c, id, { reschedule: { values: rows, errors: checked.errors } }, 400);
    const result = await rescheduleConsultation(deps, memberOf(c), id, checked.starts, Number.isNaN(seenRound) ? undefined : seenRound);
    if (result.ok) return c.redirect(`/app/consultations/${id}?done=rescheduled`, 303);
    // The same form sent again (reload, double click, back): already done, show the page as it is.
    if (result.code === "CONFLICT" && !Number.isNaN(seenRound) && seenRound !== current.round) return c.redirect(`/app/consultations/${id}`, 303);
    if (result.code === "VALIDATION_FAILED") {
      return renderDetail(c, id, { reschedule: { values: rows, errors: slotErrorsFromIssues(result.issues ?? [], rows, t.validation) } }, 400);
    }
    return renderDetail(c, id, { problem: t.errors.conflict }, 409);
  });

  app.post("/consultations/:id/cancel", member, async (c) => {
    const id = c.req.param("id");
    const reason = (await readForm(c)).get("reason").trim();
    const v = c.var.t.validation;
    const error = !reason ? v.required : reason.length > REASON_MAX ? v.tooLong(REASON_MAX) : undefined;
    if (error) return renderDetail(c, id, { errors: { reason: error }, reason }, 400);
    const result = await cancelConsultation(c.var.deps, memberOf(c), id, reason);
    if (result.ok) return c.redirect(`/app/consultations/${id}?done=cancelled`, 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return renderDetail(c, id, { problem: c.var.t.errors.conflict, reason }, 409);
  });

  app.get("/consultations/:id/sent", member, async (c) => {
    const id = c.req.param("id");
    const result = await requestAgain(c.var.deps, memberOf(c), id);
    if (!result.ok) return result.code === "NOT_FOUND" ? renderNotFound(c) : c.redirect(`/app/consultations/${id}`, 303);
    if (result.value.kind === "gone") return renderLinkGone(c, id);
    const notice = c.req.query("again") === "1" ? c.var.t.groupPages.alreadySent : c.req.query("new") === "1" ? c.var.t.groupPages.newLinkIssued : undefined;
    return renderSent(c, result.value.consultation, notice);
  });

  app.post("/consultations/:id/new-link", member, async (c) => {
    const id = c.req.param("id");
    const formKey = formKeyOf(await readForm(c));
    const result = await issueNewExpertLink(c.var.deps, memberOf(c), id, { formKey });
    if (!result.ok) return result.code === "NOT_FOUND" ? renderNotFound(c) : renderDetail(c, id, { problem: c.var.t.errors.conflict }, 409);
    // Kept sealed, the new link is shown by the page a reload lands on; without a server key only now.
    if (result.value.repeated || result.value.consultation.linkKept) return c.redirect(`/app/consultations/${id}/sent?new=1`, 303);
    return renderSent(c, result.value.consultation, c.var.t.groupPages.newLinkIssued);
  });

  app.post("/consultations/:id/request", member, async (c) => {
    const id = c.req.param("id");
    const result = await requestConsultation(c.var.deps, memberOf(c), id);
    // Post/redirect/get: the message is shown by a page a reload does not send again.
    if (result.ok) return redirectToSent(c, result.value);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return renderDetail(c, id, { problem: c.var.t.errors.conflict }, 409);
  });

  app.get("/consultations/:id/invite.ics", member, async (c) => {
    const { deps, t } = c.var;
    const id = c.req.param("id");
    const visible = await groupConsultation(deps, memberOf(c), id);
    if (!visible) return renderNotFound(c);
    const ics = await invitationFor(deps, id, { kind: "member", lang: c.var.lang });
    if (!ics.ok) return renderMessage(c, { title: t.errors.notFoundTitle, lines: [t.errors.conflict], frame: memberArea }, 409);
    return sendIcs(c, ics.value);
  });

  return finish(app);
};
