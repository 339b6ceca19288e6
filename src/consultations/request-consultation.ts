import type { Deps } from "../deps.js";
import { findExpert } from "../directory/directory.repo.js";
import { expertRequestMessage, messageLanguage } from "../expert-access/expert-message.js";
import { expertLinkInsert, expertLinkUrl } from "../expert-access/expert-links.repo.js";
import { languagesOfExpert } from "../expert-access/expert-access.service.js";
import { groupScope, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { hashSecret, newSecret } from "../lib/secrets.js";
import { enqueueIfChanged } from "../outbox/outbox.repo.js";
import { findBrief } from "../topics/topics.repo.js";
import { findConsultation } from "./consultations.repo.js";
import { whyUnchanged } from "./consultations.service.js";
import { applyTransition, principalActor } from "./transition-writes.js";
import type { Consultation } from "./consultations.schemas.js";

export interface RequestedConsultation extends Consultation {
  expertLink: string;
  expertMessage: { to: { name: string; email: string }; subject: string; body: string; sent: boolean };
}

/**
 * Sends the brief and the proposed times to the expert: draft → requested, with a fresh
 * single-consultation link. The link, the audit entry and (with a mailer) the e-mail are
 * written in the same atomic batch as the state change.
 */
export async function requestConsultation(deps: Deps, by: Principal, id: string): Promise<Result<RequestedConsultation>> {
  const now = deps.clock.now();
  const groupId = groupScope(by);
  const draft = await findConsultation(deps.db, id, groupId, now);
  if (!draft) return fail("NOT_FOUND", `No consultation with id ${id}`);
  if (draft.status !== "draft") return fail("CONFLICT", `Cannot request a consultation that is ${draft.status}`);
  const [expert, brief, group] = await Promise.all([
    findExpert(deps.db, draft.expert.id),
    findBrief(deps.db, draft.briefId),
    deps.db.selectFrom("dev_groups").select(["name", "organisation"]).where("id", "=", draft.groupId).executeTakeFirstOrThrow(),
  ]);
  if (!expert || !brief) return fail("NOT_FOUND", `No consultation with id ${id}`);

  const secret = newSecret("smr_e");
  const link = expertLinkUrl(deps.config.publicBaseUrl, secret);
  const message = expertRequestMessage({
    language: messageLanguage(await languagesOfExpert(deps, expert.id, expert.languages)),
    expertName: expert.name,
    expertTimeZone: expert.timeZone,
    groupName: group.name,
    organisation: group.organisation,
    topicTitle: draft.topic.title,
    durationMinutes: draft.durationMinutes,
    challenge: brief.challenge,
    questions: brief.questions,
    slots: draft.slots,
    link,
  });
  const to = { name: expert.name, email: expert.email };
  const secretHash = await hashSecret(secret);
  const applied = await applyTransition(deps, { action: "request", actor: principalActor(by), at: now, consultationId: id, groupId }, (changeId) => [
    expertLinkInsert(deps.db, { consultationId: id, changeId, secretHash, issuedAt: now }),
    // Until mail is a consumer of the requested event, the message goes as a command of its own.
    ...(deps.mailer.canSend
      ? [enqueueIfChanged(deps.db, { consultationId: id, changeId, kind: "mail.send", payload: { to, ...message }, now: now.toISOString() })]
      : []),
  ]);
  if (applied.changed === 0) {
    const current = await findConsultation(deps.db, id, groupId, deps.clock.now());
    if (current?.status === "draft") return fail("CONFLICT", "Every proposed time has already started: propose new times");
    return whyUnchanged(deps, id, groupId, "request");
  }
  const requested = (await findConsultation(deps.db, id, groupId, deps.clock.now()))!;
  return ok({ ...requested, expertLink: link, expertMessage: { to, ...message, sent: deps.mailer.canSend } });
}
