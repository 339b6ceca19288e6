import type { Deps } from "../deps.js";
import type { ConsultationStatus } from "../db/schema.js";
import type { Expression } from "kysely";
import {
  consultationByLinkHashQuery,
  consultationFromRow,
  consultationQuery,
  findConsultation,
  findConsultationByLinkHash,
  linkedConsultationFromRow,
} from "../consultations/consultations.repo.js";
import type { Consultation } from "../consultations/consultations.schemas.js";
import { slotInZone } from "../consultations/proposed-slots.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { constantTimeEqual, hashSecret } from "../lib/secrets.js";
import { applyTransition } from "../consultations/transition-writes.js";
import { readTogether } from "../db/read-together.js";
import { briefOf, briefQuery } from "../topics/topics.repo.js";
import { expertLanguages, expertLanguagesOf, expertLanguagesQuery, storeExpertLanguage, type PageLanguage } from "./expert-language.repo.js";
import { allThemesQuery } from "../themes/themes.repo.js";
import type { Theme } from "../themes/themes.schemas.js";

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
  if (!plausibleSecret(secret)) return { ok: false, problem: "unknown" };
  const hash = await hashSecret(secret);
  const now = deps.clock.now();
  return checkLink(await findConsultationByLinkHash(deps.db, hash, now), hash, now);
}

const plausibleSecret = (secret: string) => secret.length >= 20 && secret.length <= 200;

/** Whether a link found by its hash still opens its consultation. */
function checkLink(
  found: { link: { secretHash: string; expiresAt: string; revokedAt: string | null }; consultation: Consultation } | undefined,
  hash: string,
  now: Date,
): { ok: true; consultation: Consultation } | { ok: false; problem: LinkProblem; consultationId?: string } {
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

/**
 * The expert's view through the link, in one round trip: the brief and the group are read by
 * subqueries on the link's hash beside the link itself (they are shown only if the link holds).
 */
export async function expertView(deps: Deps, secret: string) {
  const read = await viewThroughLink(deps, secret, false);
  return read.ok ? ok(read.view) : linkFailure(read.problem);
}

/**
 * What the expert's page needs, in one round trip: the view through the link, and the expert's
 * languages (the page speaks the one they chose, else one they list), read by subquery likewise.
 */
export async function expertPageView(deps: Deps, secret: string) {
  const read = await viewThroughLink(deps, secret, true);
  if (!read.ok) return read;
  const { listed, chosen } = read.languages!;
  return { ok: true as const, view: read.view, expertId: read.expertId, languages: chosen ? [chosen, ...listed] : listed, themes: read.themes ?? [] };
}

async function viewThroughLink(
  deps: Deps,
  secret: string,
  withLanguages: boolean,
): Promise<{ ok: true; view: ExpertView; expertId: string; languages?: ReturnType<typeof expertLanguagesOf>; themes?: Theme[] } | { ok: false; problem: LinkProblem; consultationId?: string }> {
  if (!plausibleSecret(secret)) return { ok: false, problem: "unknown" };
  const hash = await hashSecret(secret);
  const linked = deps.db.selectFrom("expert_links as l").innerJoin("consultations as c", "c.id", "l.consultationId").where("l.secretHash", "=", hash);
  const [linkRows, briefRows, groupRows, languageRows, themeRows] = await readTogether(deps, [
    consultationByLinkHashQuery(deps.db, hash),
    briefQuery(deps.db, linked.select("c.briefId").$asScalar()).compile(),
    groupQuery(deps, linked.select("c.groupId").$asScalar()),
    // The page also names the topic's theme in its language from the managed list.
    ...(withLanguages ? [expertLanguagesQuery(deps.db, linked.select("c.expertId").$asScalar()), allThemesQuery(deps.db)] : []),
  ]);
  const now = deps.clock.now();
  const link = checkLink(linkRows[0] ? linkedConsultationFromRow(linkRows[0], now) : undefined, hash, now);
  if (!link.ok) return link;
  const view = assembleView(link.consultation, briefRows, groupRows);
  return {
    ok: true,
    view,
    expertId: link.consultation.expert.id,
    ...(languageRows ? { languages: expertLanguagesOf(languageRows as unknown as Parameters<typeof expertLanguagesOf>[0]) } : {}),
    ...(themeRows ? { themes: themeRows as unknown as Theme[] } : {}),
  };
}

/** The expert's view of a consultation whose link has already been resolved. */
export async function expertViewOf(deps: Deps, c: Consultation) {
  // One round trip for both (a D1 batch): the page already waited for the link's.
  const [briefRows, groupRows] = await readTogether(deps, viewQueries(deps, c));
  return assembleView(c, briefRows, groupRows);
}

/** The brief and the group the expert's view shows besides the consultation. */
function viewQueries(deps: Pick<Deps, "db">, c: Consultation) {
  return [
    briefQuery(deps.db, c.briefId).compile(),
    groupQuery(deps, c.groupId),
  ] as const;
}

const groupQuery = (deps: Pick<Deps, "db">, id: string | Expression<string>) =>
  deps.db.selectFrom("dev_groups").select(["name", "organisation", "timeZone"]).where("id", "=", id).compile();

function assembleView(c: Consultation, [briefRow]: unknown[], [group]: { name: string; organisation: string; timeZone: string }[]) {
  if (!briefRow || !group) throw new Error(`consultation ${c.id} lost its brief or group`);
  const brief = briefOf(briefRow as Parameters<typeof briefOf>[0]);
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

/**
 * One atomic conditional write: of many concurrent confirmations exactly one changes the row.
 * The reads of the answer ride at the end of the same batch (they see the row as the write left
 * it), unless the answer waits for a consumer outside the batch (Microsoft 365 making the meeting).
 */
export async function confirmSlot(deps: Deps, secret: string, slotId: string): Promise<Result<ExpertView>> {
  const link = await resolveLink(deps, secret);
  if (!link.ok) return linkFailure(link.problem);
  const id = link.consultation.id;
  const readInBatch = !deps.effects.answerWaitsOutsideBatch("confirm");
  const reads = readInBatch ? [consultationQuery(deps.db, id), ...viewQueries(deps, link.consultation)] : [];
  const applied = await applyTransition(
    deps,
    { action: "confirm", actor: { kind: "expert", id: link.consultation.expert.id }, at: deps.clock.now(), consultationId: id, slotId, detail: { slotId } },
    () => reads,
  );
  const [consultationRows, briefRows, groupRows] = applied.results.slice(applied.results.length - reads.length).map((r) => r.rows);
  const now = deps.clock.now();
  const current = consultationRows?.[0] ? consultationFromRow(consultationRows[0], now) : await findConsultation(deps.db, id, null, now);
  if (applied.changed === 0) {
    const slot = current?.slots.find((s) => s.id === slotId);
    if (current?.status === "requested" && current.slotsProposedBy === "expert") return fail("CONFLICT", "You proposed these times: the group confirms one of them");
    if (current?.status === "requested" && !slot) return fail("NOT_FOUND", `No proposed time with id ${slotId} in this consultation`);
    if (current?.status === "requested") return fail("CONFLICT", "This time has already started: choose another");
    return fail("CONFLICT", `This consultation is already ${current?.status ?? "closed"}`);
  }
  if (!current) throw new Error(`consultation ${id} vanished after its confirmation`);
  if (briefRows && groupRows) return ok(assembleView(current, briefRows, groupRows as { name: string; organisation: string; timeZone: string }[]));
  return ok(await expertViewOf(deps, current));
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
