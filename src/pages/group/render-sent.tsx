import type { Context } from "hono";
import type { RequestedConsultation } from "../../consultations/request-consultation.js";
import { findExpert } from "../../directory/directory.repo.js";
import { expertLanguage } from "../../mail/languages.js";
import type { PageEnv } from "../page-env.js";
import { renderPage } from "../render.js";
import { SentPage } from "./sent.view.js";

/** The page right after a request: the link and the message, marked with the message's language. */
export async function renderSent(c: Context<PageEnv>, requested: RequestedConsultation) {
  const expert = await findExpert(c.var.deps.db, requested.expert.id);
  const messageLang = expertLanguage(expert?.languages ?? []);
  return renderPage(c, {
    title: c.var.t.newFlow.sentTitle,
    body: <SentPage t={c.var.t} requested={requested} messageLang={messageLang} />,
    frame: { area: "member" },
  });
}
