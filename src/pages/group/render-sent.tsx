import type { Context } from "hono";
import type { RequestedConsultation } from "../../consultations/request-consultation.js";
import type { PageEnv } from "../page-env.js";
import { renderPage } from "../render.js";
import { LinkGone, SentPage } from "./sent.view.js";

/** The request's link and message (right after sending, again later, or with a new link). */
export function renderSent(c: Context<PageEnv>, requested: RequestedConsultation, notice?: string) {
  const { t, csrfToken } = c.var;
  return renderPage(c, {
    title: t.newFlow.sentTitle,
    body: <SentPage t={t} csrfToken={csrfToken} requested={requested} notice={notice} newLinkKey={crypto.randomUUID()} />,
    frame: { area: "member", here: `/app/consultations/${requested.id}/sent` },
  });
}

/** The link was not kept: only a new one helps. */
export function renderLinkGone(c: Context<PageEnv>, consultationId: string) {
  const { t, csrfToken } = c.var;
  return renderPage(c, {
    title: t.groupPages.linkGoneTitle,
    body: <LinkGone t={t} csrfToken={csrfToken} consultationId={consultationId} newLinkKey={crypto.randomUUID()} />,
    frame: { area: "member", here: `/app/consultations/${consultationId}/sent` },
  });
}

/**
 * Post/redirect/get after a send: a kept link is shown by the page a reload lands on. Without a
 * server key the link exists only now, so it is shown in this answer (a reload sends the same
 * form key again, which creates nothing and lands on the page that offers a new link).
 */
export function redirectToSent(c: Context<PageEnv>, requested: RequestedConsultation) {
  if (requested.linkKept) return c.redirect(`/app/consultations/${requested.id}/sent`, 303);
  return renderSent(c, requested);
}
