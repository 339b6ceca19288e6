import type { Deps } from "../deps.js";
import { findExpert } from "../directory/directory.repo.js";
import { groupScope, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { findBrief, findTopic } from "../topics/topics.repo.js";
import { findConsultation, findConsultationRow } from "./consultations.repo.js";
import type { Consultation, CreateConsultation } from "./consultations.schemas.js";
import { planProposedSlots } from "./proposed-slots.js";
import { slotsWriteQueries } from "./slots.repo.js";
import { atomicOncePerForm } from "./form-submissions.repo.js";
import { applyTransition, planDraft, principalActor } from "./transition-writes.js";

type Member = Extract<Principal, { role: "member" }>;

/** With `formKey` (a page form's), the same form sent again creates nothing and answers the first one's draft with `repeated`. */
export async function createConsultation(deps: Deps, by: Member, input: CreateConsultation, opts: { formKey?: string } = {}): Promise<Result<Consultation & { repeated?: true }>> {
  const now = deps.clock.now();
  const topic = await findTopic(deps.db, input.topicId, by.groupId);
  if (!topic) return fail("NOT_FOUND", `No topic with id ${input.topicId}`);
  const brief = await findBrief(deps.db, input.briefId);
  if (!brief || brief.groupId !== by.groupId) return fail("NOT_FOUND", `No brief with id ${input.briefId}`);
  if (brief.topicId !== topic.id) {
    return fail("VALIDATION_FAILED", "briefId: the brief belongs to another topic", [{ path: "briefId", message: "belongs to another topic" }]);
  }
  const expert = await findExpert(deps.db, input.expertId);
  if (!expert) return fail("NOT_FOUND", `No expert with id ${input.expertId}`);
  if (!expert.active) {
    return fail("CONFLICT", "The expert has been deactivated in the directory", [{ path: "expertId", message: "no longer in the directory" }]);
  }
  const plan = planProposedSlots(input.slots.map((s) => s.start), input.durationMinutes, now);
  if (!plan.ok) return fail("VALIDATION_FAILED", `Invalid body: ${plan.issues[0]!.path}: ${plan.issues[0]!.message}`, plan.issues);

  const id = newId();
  const draft = planDraft(
    deps.db,
    { id, groupId: by.groupId, topicId: topic.id, briefId: brief.id, expertId: expert.id, createdBy: by.memberId, durationMinutes: input.durationMinutes },
    { at: now, actor: principalActor(by) },
  );
  const once = await atomicOncePerForm(deps, { formKey: opts.formKey, groupId: by.groupId, resultId: id }, [draft.insert, ...slotsWriteQueries(deps.db, id, plan.slots, { round: 0 }), ...draft.records]);
  if (once.repeatOf) return repeated(deps, once.repeatOf, by.groupId);
  return ok((await findConsultation(deps.db, id, by.groupId, now))!);
}

/** What the first send of a form created, as that form's answer. */
export async function repeated(deps: Pick<Deps, "db" | "clock">, id: string, groupId: string): Promise<Result<Consultation & { repeated: true }>> {
  const first = await findConsultation(deps.db, id, groupId, deps.clock.now());
  return first ? ok({ ...first, repeated: true }) : fail("NOT_FOUND", `No consultation with id ${id}`);
}

/** Explains why a conditional write changed nothing: missing, or not allowed in its state. */
export async function whyUnchanged(deps: Pick<Deps, "db" | "clock">, id: string, groupId: string | null, action: string): Promise<Result<never>> {
  const current = await findConsultation(deps.db, id, groupId, deps.clock.now());
  if (!current) return fail("NOT_FOUND", `No consultation with id ${id}`);
  return fail("CONFLICT", `Cannot ${action} a consultation that is ${current.status}`);
}

export async function cancelConsultation(deps: Deps, by: Principal, id: string, reason: string): Promise<Result<Consultation>> {
  const groupId = groupScope(by);
  const applied = await applyTransition(deps, {
    action: "cancel",
    actor: principalActor(by),
    at: deps.clock.now(),
    consultationId: id,
    groupId,
    set: { closeReason: reason },
  });
  if (applied.changed === 0) return whyUnchanged(deps, id, groupId, "cancel");
  return ok((await findConsultation(deps.db, id, groupId, deps.clock.now()))!);
}

/**
 * New proposed times for a requested or confirmed consultation: a new round of slots, back to
 * requested; the expert confirms again through the same link, and the same meeting is moved.
 */
export async function rescheduleConsultation(
  deps: Deps,
  by: Principal,
  id: string,
  starts: string[],
  /** The round the caller saw (a page form carries it): a repeated send of the same form then changes nothing. */
  seenRound?: number,
): Promise<Result<Consultation>> {
  const now = deps.clock.now();
  const groupId = groupScope(by);
  const row = await findConsultationRow(deps.db, id);
  if (!row || (groupId && row.groupId !== groupId)) return fail("NOT_FOUND", `No consultation with id ${id}`);
  const plan = planProposedSlots(starts, row.durationMinutes, now);
  if (!plan.ok) return fail("VALIDATION_FAILED", `Invalid body: ${plan.issues[0]!.path}: ${plan.issues[0]!.message}`, plan.issues);
  if (seenRound !== undefined && seenRound !== row.slotRound) return fail("CONFLICT", "The times have changed since this form was shown");
  const applied = await applyTransition(
    deps,
    { action: "reschedule", actor: principalActor(by), at: now, consultationId: id, groupId, expectedRound: seenRound ?? row.slotRound },
    (changeId) => slotsWriteQueries(deps.db, id, plan.slots, { round: row.slotRound + 1, changeId }),
  );
  if (applied.changed === 0) return whyUnchanged(deps, id, groupId, "reschedule");
  return ok((await findConsultation(deps.db, id, groupId, deps.clock.now()))!);
}


/** The group's own meeting link (no tenant): shown to the expert and put in the invitation. */
export async function setOwnMeetingLink(deps: Deps, by: Principal, id: string, url: string | null): Promise<Result<Consultation>> {
  const groupId = groupScope(by);
  const applied = await applyTransition(deps, {
    action: "setMeetingLink",
    actor: principalActor(by),
    at: deps.clock.now(),
    consultationId: id,
    groupId,
    set: { ownMeetingUrl: url },
  });
  if (applied.changed === 0) return whyUnchanged(deps, id, groupId, "set the meeting link of");
  return ok((await findConsultation(deps.db, id, groupId, deps.clock.now()))!);
}

/** A consultation's topic title, when it is the member's group's (what a follow-up names). */
export async function consultationTitle(deps: Pick<Deps, "db" | "clock">, by: Member, id: string): Promise<string | undefined> {
  return (await findConsultation(deps.db, id, by.groupId, deps.clock.now()))?.topic.title;
}
