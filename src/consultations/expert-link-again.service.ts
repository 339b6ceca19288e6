import type { Deps } from "../deps.js";
import { expertLinkUrl, newestLiveLink, reissueLinkWrites } from "../expert-access/expert-links.repo.js";
import type { Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { hashSecret, newSecret } from "../lib/secrets.js";
import { findConsultation } from "./consultations.repo.js";
import { atomicOncePerForm } from "./form-submissions.repo.js";
import type { Consultation } from "./consultations.schemas.js";
import { requestMessage, type RequestedConsultation } from "./request-consultation.js";

type Member = Extract<Principal, { role: "member" }>;

/** A consultation the expert still answers through their link: requested or confirmed. */
const linkStillNeeded = (c: Consultation) => c.status === "requested" || c.status === "confirmed";

export type SentAgain =
  | { kind: "shown"; consultation: RequestedConsultation }
  /** The link was not kept (no server key) or no longer works: only a new link helps. */
  | { kind: "gone"; consultation: Consultation };

/**
 * The request message again, for any member of the group: the link is opened from its sealed
 * form. Nothing is sent or written; without a kept link the page offers a new one instead.
 */
export async function requestAgain(deps: Deps, by: Member, id: string): Promise<Result<SentAgain>> {
  const now = deps.clock.now();
  const consultation = await findConsultation(deps.db, id, by.groupId, now);
  if (!consultation) return fail("NOT_FOUND", `No consultation with id ${id}`);
  if (!linkStillNeeded(consultation)) return fail("CONFLICT", `The consultation is ${consultation.status}`);
  const link = await newestLiveLink(deps.db, id);
  const live = link?.secretSealed && !link.revokedAt && Date.parse(link.expiresAt) > now.getTime();
  if (!live) return ok({ kind: "gone", consultation });
  const secret = await deps.sealer.open(link.secretSealed!, "expert-link").catch(() => null);
  if (!secret) return ok({ kind: "gone", consultation });
  const url = expertLinkUrl(deps.config.publicBaseUrl, secret);
  return ok({ kind: "shown", consultation: { ...consultation, expertLink: url, linkKept: true, expertMessage: await requestMessage(deps, id, url, deps.mailer.canSend) } });
}

/**
 * A new link for the expert: every earlier link of the consultation stops working in the same
 * atomic batch. The group sends the message with the new link itself.
 */
export async function issueNewExpertLink(
  deps: Deps,
  by: Member,
  id: string,
  opts: { formKey?: string } = {},
): Promise<Result<{ repeated: true } | { repeated: false; consultation: RequestedConsultation }>> {
  const now = deps.clock.now();
  const consultation = await findConsultation(deps.db, id, by.groupId, now);
  if (!consultation) return fail("NOT_FOUND", `No consultation with id ${id}`);
  const secret = newSecret("smr_e");
  const secretSealed = await deps.sealer.seal(secret, "expert-link").catch(() => null);
  const writes = reissueLinkWrites(deps.db, { consultationId: id, groupId: by.groupId, memberId: by.memberId, secretHash: await hashSecret(secret), secretSealed, issuedAt: now });
  // The same form sent again (a reload, a second click) issues no second link.
  const once = await atomicOncePerForm(deps, { formKey: opts.formKey, groupId: by.groupId, resultId: id }, writes);
  if (once.repeatOf) return ok({ repeated: true });
  if (once.results[1]!.changes === 0) return fail("CONFLICT", `The consultation is ${consultation.status}: its expert needs no link`);
  const url = expertLinkUrl(deps.config.publicBaseUrl, secret);
  return ok({ repeated: false, consultation: { ...consultation, expertLink: url, linkKept: secretSealed !== null, expertMessage: await requestMessage(deps, id, url, false) } });
}
