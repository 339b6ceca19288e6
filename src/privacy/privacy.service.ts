import type { CompiledQuery } from "kysely";
import type { Deps } from "../deps.js";
import { actorOf, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { expertErasure, feedbackErasure, liveConsultationsOfExperts, liveConsultationsOfMembers, memberErasure } from "./erasure.js";
import { expertData, feedbackFrom, findSubject, memberData, messagesTo } from "./export.repo.js";
import type { ErasureResult, PersonalDataExport, Subject } from "./privacy.schemas.js";

type PrivacyDeps = Pick<Deps, "db" | "atomic" | "clock">;

const nobody = (s: Subject) => `The service holds nothing under ${s.email ? "that e-mail address" : s.memberId ? "that member id" : "that expert id"}`;

/**
 * A request mail holds the expert's personal link: its secret is a credential, not data about
 * anyone, and must not travel in an export that may be handed to someone else.
 */
export const withoutLinkSecrets = <T extends { payload: string }>(row: T): T => ({ ...row, payload: row.payload.replace(/\/e\/smr_e_[\w-]+/g, "/e/…") });

/** Everything the service holds about a person: member, expert or feedback sender. */
export async function exportPersonalData(deps: PrivacyDeps, by: Subject): Promise<Result<PersonalDataExport>> {
  const subject = await findSubject(deps.db, by);
  const [members, experts, accessibilityFeedback, messages] = await Promise.all([
    Promise.all(subject.memberIds.map((id) => memberData(deps.db, id))),
    Promise.all(subject.expertIds.map((id) => expertData(deps.db, id))),
    subject.email ? feedbackFrom(deps.db, subject.email) : [],
    subject.email ? messagesTo(deps.db, subject.email) : [],
  ]);
  if (members.length + experts.length + accessibilityFeedback.length === 0) return fail("NOT_FOUND", nobody(by));
  return ok({
    exportedAt: deps.clock.now().toISOString(),
    subject,
    members: members.map((m) => ({ ...m, messages: m.messages.map(withoutLinkSecrets) })),
    experts,
    accessibilityFeedback,
    messages: messages.map(withoutLinkSecrets),
  });
}

/**
 * GDPR Art. 17: erases everyone the subject names, in one atomic batch. A person who takes part in
 * a requested or confirmed consultation is not erased (the meeting still needs their address):
 * the answer is 409 and nothing changes.
 */
export async function erasePerson(deps: PrivacyDeps, by: Principal, request: Subject): Promise<Result<ErasureResult>> {
  const subject = await findSubject(deps.db, request);
  const [members, experts, feedback] = await Promise.all([
    deps.db.selectFrom("group_members").select(["id", "name", "email", "erasedAt"]).where("id", "in", ["", ...subject.memberIds]).execute(),
    deps.db.selectFrom("experts").select(["id", "name", "email", "erasedAt"]).where("id", "in", ["", ...subject.expertIds]).execute(),
    subject.email ? feedbackFrom(deps.db, subject.email) : [],
  ]);
  const toErase = { members: members.filter((m) => !m.erasedAt), experts: experts.filter((e) => !e.erasedAt) };
  if (toErase.members.length + toErase.experts.length + feedback.length === 0) {
    return members.length + experts.length > 0 ? fail("CONFLICT", "Already erased") : fail("NOT_FOUND", nobody(request));
  }
  const ctx = { mark: deps.clock.now().toISOString(), actorId: actorOf(by).actorId };
  const statements: CompiledQuery[] = [];
  // The first statement of each person's list is the conditional one: its count tells whether they were erased.
  const guards: { kind: "member" | "expert"; id: string; at: number }[] = [];
  for (const m of toErase.members) {
    guards.push({ kind: "member", id: m.id, at: statements.length });
    statements.push(...memberErasure(deps.db, m, ctx));
  }
  for (const e of toErase.experts) {
    guards.push({ kind: "expert", id: e.id, at: statements.length });
    statements.push(...expertErasure(deps.db, e, ctx));
  }
  // Feedback under a member's or expert's address goes with them; a sender who is neither is erased here.
  if (guards.length === 0 && subject.email) statements.push(...feedbackErasure(deps.db, subject.email, ctx));
  const results = await deps.atomic(statements);
  const refused = guards.filter((g) => results[g.at]!.changes === 0);
  if (refused.length > 0) {
    // Nothing else of a refused person changed (every later statement keys on the mark); others may have been erased.
    const live = await liveConsultationIds(deps, refused, ctx.mark);
    const erasedNone = refused.length === guards.length;
    return fail(
      "CONFLICT",
      `${erasedNone ? "Not erased" : `Erased only in part: ${refused.map((r) => `${r.kind} ${r.id}`).join(", ")} not erased`}: ` +
        `cancel or finish the requested or confirmed consultations first (${live.join(", ") || "they changed meanwhile; try again"})`,
    );
  }
  const after = subject.email ? await feedbackFrom(deps.db, subject.email) : [];
  return ok({
    erasedAt: ctx.mark,
    memberIds: toErase.members.map((m) => m.id),
    expertIds: toErase.experts.map((e) => e.id),
    accessibilityFeedback: feedback.length - after.length,
  });
}

async function liveConsultationIds(deps: PrivacyDeps, people: { kind: "member" | "expert"; id: string }[], now: string): Promise<string[]> {
  const ids = (kind: "member" | "expert") => ["", ...people.filter((p) => p.kind === kind).map((p) => p.id)];
  const rows = await liveConsultationsOfMembers(deps.db, ids("member"), now)
    .union(liveConsultationsOfExperts(deps.db, ids("expert"), now))
    .execute();
  return rows.map((r) => r.id).sort();
}
