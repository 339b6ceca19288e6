import type { Deps } from "../deps.js";
import type { ConsultationStatus } from "../db/schema.js";
import { findConsultation, findConsultationByLinkHash } from "../consultations/consultations.repo.js";
import type { Consultation } from "../consultations/consultations.schemas.js";
import { slotInZone } from "../consultations/proposed-slots.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { constantTimeEqual, hashSecret } from "../lib/secrets.js";
import { applyTransition } from "../consultations/transition-writes.js";
import { readTogether } from "../db/read-together.js";
import { briefOf, briefQuery } from "../topics/topics.repo.js";
import { expertLanguages, storeExpertLanguage, type PageLanguage } from "./expert-language.repo.js";

export type LinkProblem = "unknown" | "expired" | "used" | "cancelled";

export const linkFailure = (problem: LinkProblem) =>
  problem === "unknown"
    ? fail("NOT_FOUND", "This link is not valid")
    : fail("GONE", problem === "used" ? "This link has already been used to decline" : problem === "expired" ? "This link has expired" : "This consultation has been cancelled");

/**
 * The secret in the link is the credential: it opens only its own consultation, and stops
 * working when the consultation is cancelled, declined, expired, or 60 days after issue.
 */
export async function resolveLink(
  deps: Pick<Deps, "db" | "clock">,
  secret: string,
): Promise<{ ok: true; consultation: Consultation } | { ok: false; problem: LinkProblem; consultationId?: string }> {
  if (secret.length < 20 || secret.length > 200) return { ok: false, problem: "unknown" };
  const hash = await hashSecret(secret);
  const now = deps.clock.now();
  const found = await findConsultationByLinkHash(deps.db, hash, now);
  if (!found || !constantTimeEqual(found.link.secretHash, hash)) return { ok: false, problem: "unknown" };
  const { link, consultation } = found;
  if (link.revokedAt) return { ok: false, problem: "used" };
  if (Date.parse(link.expiresAt) <= now.getTime()) return { ok: false, problem: "expired" };
  const closed: Partial<Record<ConsultationStatus, LinkProblem>> = { cancelled: "cancelled", declined: "used", expired: "expired" };
  const problem = closed[consultation.status];
  // A cancelled consultation's link still names it, so its page can offer the calendar cancellation.
  if (problem === "cancelled") return { ok: false, problem, consultationId: consultation.id };
  return problem ? { ok: false, problem } : { ok: true, consultation };
}

export async function expertView(deps: Deps, secret: string) {
  const link = await resolveLink(deps, secret);
  if (!link.ok) return linkFailure(link.problem);
  return ok(await expertViewOf(deps, link.consultation));
}

/** The expert's view of a consultation whose link has already been resolved. */
export async function expertViewOf(deps: Deps, c: Consultation) {
  // One round trip for both (a D1 batch): the page already waited for the link's.
  const [[briefRow], [group]] = await readTogether(deps, [
    briefQuery(deps.db, c.briefId).compile(),
    deps.db.selectFrom("dev_groups").select(["name", "organisation", "timeZone"]).where("id", "=", c.groupId).compile(),
  ]);
  if (!briefRow || !group) throw new Error(`consultation ${c.id} lost its brief or group`);
  const brief = briefOf(briefRow);
  const zone = c.expert.timeZone;
  const withLocal = (s: { id: string; start: string; end: string }) => ({ ...s, local: slotInZone(s, zone), groupLocal: slotInZone(s, group.timeZone) });
  return {
    consultationId: c.id,
    status: c.status,
    durationMinutes: c.durationMinutes,
    group: { name: group.name, organisation: group.organisation, timeZone: group.timeZone },
    topic: c.topic,
    brief: { challenge: brief.challenge, questions: brief.questions, language: brief.language },
    expert: { name: c.expert.name, timeZone: zone },
    slots: c.slots.map(withLocal),
    slotsProposedBy: c.slotsProposedBy,
    round: c.round,
    confirmedSlot: c.confirmedSlot ? withLocal(c.confirmedSlot) : null,
    meeting: c.meeting && c.meeting.state === "scheduled" ? { joinUrl: c.meeting.joinUrl, start: c.meeting.start, end: c.meeting.end } : null,
  };
}

export type ExpertView = Awaited<ReturnType<typeof expertViewOf>>;

/** One atomic conditional write: of many concurrent confirmations exactly one changes the row. */
export async function confirmSlot(deps: Deps, secret: string, slotId: string): Promise<Result<ExpertView>> {
  const link = await resolveLink(deps, secret);
  if (!link.ok) return linkFailure(link.problem);
  const id = link.consultation.id;
  const applied = await applyTransition(deps, {
    action: "confirm",
    actor: { kind: "expert", id: link.consultation.expert.id },
    at: deps.clock.now(),
    consultationId: id,
    slotId,
    detail: { slotId },
  });
  if (applied.changed === 0) {
    const current = await findConsultation(deps.db, id, null, deps.clock.now());
    const slot = current?.slots.find((s) => s.id === slotId);
    if (current?.status === "requested" && current.slotsProposedBy === "expert") return fail("CONFLICT", "You proposed these times: the group confirms one of them");
    if (current?.status === "requested" && !slot) return fail("NOT_FOUND", `No proposed time with id ${slotId} in this consultation`);
    if (current?.status === "requested") return fail("CONFLICT", "This time has already started: choose another");
    return fail("CONFLICT", `This consultation is already ${current?.status ?? "closed"}`);
  }
  // The link was resolved above; read the consultation as it is now, not the link again.
  const confirmed = await findConsultation(deps.db, id, null, deps.clock.now());
  return ok(await expertViewOf(deps, confirmed!));
}

export async function declineRequest(deps: Deps, secret: string, reason: string | undefined): Promise<Result<{ status: "declined" }>> {
  const link = await resolveLink(deps, secret);
  if (!link.ok) return linkFailure(link.problem);
  const applied = await applyTransition(deps, {
    action: "decline",
    actor: { kind: "expert", id: link.consultation.expert.id },
    at: deps.clock.now(),
    consultationId: link.consultation.id,
    set: { closeReason: reason ?? null },
  });
  if (applied.changed === 0) return fail("CONFLICT", `This consultation is already ${link.consultation.status}`);
  return ok({ status: "declined" });
}

/** Remembers the expert's language choice on their page; mails to them then use it first. */
export async function rememberExpertLanguage(deps: Pick<Deps, "db">, expertId: string, lang: PageLanguage): Promise<void> {
  await storeExpertLanguage(deps.db, expertId, lang);
}

/** The expert's languages with the one they chose on their page first. */
export async function languagesOfExpert(deps: Pick<Deps, "db">, expertId: string): Promise<string[]> {
  const { listed, chosen } = await expertLanguages(deps.db, expertId);
  return chosen ? [chosen, ...listed] : listed;
}
