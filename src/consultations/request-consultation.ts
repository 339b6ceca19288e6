import type { Deps } from "../deps.js";
import { expertLinkInsert, expertLinkUrl } from "../expert-access/expert-links.repo.js";
import { groupScope, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { hashSecret, newSecret } from "../lib/secrets.js";
import { composeMail } from "../mail/compose.js";
import { loadMailContext } from "../mail/mail-context.js";
import { organizerOf } from "../meetings/meetings.service.js";
import { findConsultation } from "./consultations.repo.js";
import { whyUnchanged } from "./consultations.service.js";
import { applyTransition, principalActor } from "./transition-writes.js";
import type { Consultation } from "./consultations.schemas.js";

export interface RequestedConsultation extends Consultation {
  expertLink: string;
  /** Kept sealed under the server key: the pages can show the message again. */
  linkKept: boolean;
  /** `lang`: the language the message is written in (the expert's). */
  expertMessage: { to: { name: string; email: string }; subject: string; body: string; sent: boolean; lang: string };
}

/**
 * Sends the brief and the proposed times to the expert: draft → requested, with a fresh
 * single-consultation link. The link (its hash, and with mail its sealed form) is written in the
 * same atomic batch as the state change; the mail consumer of the requested event sends the message.
 */
export async function requestConsultation(deps: Deps, by: Principal, id: string): Promise<Result<RequestedConsultation>> {
  const now = deps.clock.now();
  const groupId = groupScope(by);
  const draft = await findConsultation(deps.db, id, groupId, now);
  if (!draft) return fail("NOT_FOUND", `No consultation with id ${id}`);
  if (draft.status !== "draft") return fail("CONFLICT", `Cannot request a consultation that is ${draft.status}`);
  const secret = newSecret("smr_e");
  const link = expertLinkUrl(deps.config.publicBaseUrl, secret);
  const secretHash = await hashSecret(secret);
  // The link is kept sealed under the server key, never in plain text: the mail consumer puts it in
  // the message, and any member of the group may show the message again (issue 12).
  // Without a server key (SECRET_KEY) it cannot be kept: the group sends the message itself, once.
  const secretSealed = await deps.sealer.seal(secret, "expert-link").catch(() => null);
  const applied = await applyTransition(deps, { action: "request", actor: principalActor(by), at: now, consultationId: id, groupId }, (changeId) => [
    expertLinkInsert(deps.db, { consultationId: id, changeId, secretHash, secretSealed, issuedAt: now }),
  ]);
  if (applied.changed === 0) {
    const current = await findConsultation(deps.db, id, groupId, deps.clock.now());
    if (current?.status === "draft") return fail("CONFLICT", "Every proposed time has already started: propose new times");
    return whyUnchanged(deps, id, groupId, "request");
  }
  const requested = (await findConsultation(deps.db, id, groupId, deps.clock.now()))!;
  // The same message the mail consumer sends, from the one catalogue: shown to the group to send itself without mail.
  return ok({ ...requested, expertLink: link, linkKept: secretSealed !== null, expertMessage: await requestMessage(deps, id, link, deps.mailer.canSend && secretSealed !== null) });
}

/** The request message as the mail consumer writes it, from the one catalogue. */
export async function requestMessage(deps: Deps, id: string, link: string, sent: boolean): Promise<RequestedConsultation["expertMessage"]> {
  const ctx = (await loadMailContext(deps.db, id))!;
  const now = deps.clock.now();
  const message = await composeMail({ kind: "request", ctx, to: ctx.expert, link, now, publicBaseUrl: deps.config.publicBaseUrl, organizer: (d) => organizerOf(deps, d), db: deps.db });
  return { to: message.to, subject: message.subject, body: message.body, sent, lang: ctx.expert.lang };
}
