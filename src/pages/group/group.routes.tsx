import type { Context } from "hono";
import { auditTrail } from "../../audit/audit.repo.js";
import { findConsultation, listConsultations } from "../../consultations/consultations.repo.js";
import { cancelConsultation } from "../../consultations/consultations.service.js";
import { requestConsultation } from "../../consultations/request-consultation.js";
import { invitationFor } from "../../meetings/meetings.service.js";
import { readTogether } from "../../db/read-together.js";
import { groupTimeZoneQuery } from "../../groups/groups.repo.js";
import { briefOf, briefQuery } from "../../topics/topics.repo.js";
import { sendIcs } from "../ics.js";
import { finish, pageApp } from "../page-app.js";
import type { PageEnv } from "../page-env.js";
import { renderMessage, renderNotFound, renderPage } from "../render.js";
import { readForm } from "../security.js";
import { memberOf, requireSignIn } from "../session.js";
import { addSignIn } from "../sign-in.js";
import { groupZone, zoneOfRow } from "./group-zone.js";
import { ConsultationDetail, type DetailProps } from "./detail.view.js";
import { allowedActions } from "../../consultations/transitions.js";
import { ConsultationList } from "./list.view.js";
import { addNewFlow } from "./new-flow.routes.js";
import { renderSent } from "./render-sent.js";

const REASON_MAX = 1000;
const member = requireSignIn("member");
const memberArea = { area: "member" as const };

type Extra = Pick<DetailProps, "notice" | "problem" | "errors" | "reason">;

async function renderDetail(c: Context<PageEnv>, id: string, extra: Extra = {}, status: 200 | 400 | 409 = 200) {
  const { deps, t, lang, csrfToken } = c.var;
  const consultation = await findConsultation(deps.db, id, memberOf(c).groupId, deps.clock.now());
  if (!consultation) return renderNotFound(c);
  // The brief and the group's zone in one round trip (a D1 batch), the history beside it.
  const [[[briefRow], [group]], history] = await Promise.all([
    readTogether(deps, [briefQuery(deps.db, consultation.briefId).compile(), groupTimeZoneQuery(deps.db, memberOf(c).groupId).compile()]),
    auditTrail(deps.db, "consultation", id),
  ]);
  if (!briefRow) throw new Error(`consultation ${id} lost its brief`);
  const allowed = allowedActions(consultation, "member", deps.clock.now());
  const mail = { mailOn: deps.mailer.canSend, makesMeetings: deps.scheduler.provider === "graph" };
  const props: DetailProps = { t, lang, csrfToken, zone: zoneOfRow(group), consultation, brief: briefOf(briefRow), history, allowed, ...mail, ...extra };
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

  app.get("/", member, async (c) => {
    const { deps, t, lang } = c.var;
    const { items } = await listConsultations(deps.db, { groupId: memberOf(c).groupId }, { limit: 200 }, deps.clock.now());
    const zone = await groupZone(c);
    return renderPage(c, {
      title: t.group.listTitle,
      body: <ConsultationList t={t} lang={lang} zone={zone} items={items} />,
      frame: memberArea,
    });
  });

  app.get("/consultations/:id", member, async (c) => {
    const notice = c.req.query("done") === "cancelled" ? c.var.t.group.cancelled : undefined;
    return renderDetail(c, c.req.param("id"), { notice });
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

  app.post("/consultations/:id/request", member, async (c) => {
    const id = c.req.param("id");
    const result = await requestConsultation(c.var.deps, memberOf(c), id);
    if (result.ok) return renderSent(c, result.value);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return renderDetail(c, id, { problem: c.var.t.errors.conflict }, 409);
  });

  app.get("/consultations/:id/invite.ics", member, async (c) => {
    const { deps, t } = c.var;
    const id = c.req.param("id");
    const visible = await findConsultation(deps.db, id, memberOf(c).groupId, deps.clock.now());
    if (!visible) return renderNotFound(c);
    const ics = await invitationFor(deps, id, { kind: "member", lang: c.var.lang });
    if (!ics.ok) return renderMessage(c, { title: t.errors.notFoundTitle, lines: [t.errors.conflict], frame: memberArea }, 409);
    return sendIcs(c, ics.value);
  });

  return finish(app);
};
