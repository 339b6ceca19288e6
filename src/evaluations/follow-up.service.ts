import type { Deps } from "../deps.js";
import { findConsultation } from "../consultations/consultations.repo.js";
import { planProposedSlots } from "../consultations/proposed-slots.js";
import { slotsWriteQueries } from "../consultations/slots.repo.js";
import { atomicOncePerForm } from "../consultations/form-submissions.repo.js";
import { repeated } from "../consultations/consultations.service.js";
import { planDraft, principalActor } from "../consultations/transition-writes.js";
import { findExpert } from "../directory/directory.repo.js";
import type { Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { findBrief, findTopic } from "../topics/topics.repo.js";
import { findConsultationFacts } from "./consultation-facts.repo.js";
import type { CreateFollowUp } from "./consultation-outcome.schemas.js";
import type { Consultation } from "../consultations/consultations.schemas.js";

type Member = Extract<Principal, { role: "member" }>;

/**
 * A new draft consultation that continues one whose evaluation asked for more ("follow-up
 * interest"), linked through followUpOf so the report can count what consultations led to.
 * The link is written only if, at that moment, an evaluation of the origin asks for a follow-up.
 */
export async function createFollowUp(
  deps: Pick<Deps, "db" | "atomic" | "clock">,
  by: Member,
  originId: string,
  input: CreateFollowUp,
  opts: { formKey?: string } = {},
): Promise<Result<Consultation & { followUpOf: string; repeated?: true }>> {
  const now = deps.clock.now();
  const origin = await findConsultationFacts(deps.db, originId, by.groupId);
  if (!origin) return fail("NOT_FOUND", `No consultation with id ${originId}`);
  const topicId = input.topicId ?? origin.topicId;
  const expertId = input.expertId ?? origin.expertId;
  const [topic, brief, expert] = await Promise.all([findTopic(deps.db, topicId, by.groupId), findBrief(deps.db, input.briefId), findExpert(deps.db, expertId)]);
  if (!topic) return fail("NOT_FOUND", `No topic with id ${topicId}`);
  if (!brief || brief.groupId !== by.groupId) return fail("NOT_FOUND", `No brief with id ${input.briefId}`);
  if (brief.topicId !== topic.id) {
    return fail("VALIDATION_FAILED", "Invalid body: briefId: belongs to another topic", [{ path: "briefId", message: "belongs to another topic" }]);
  }
  if (!expert) return fail("NOT_FOUND", `No expert with id ${expertId}`);
  const plan = planProposedSlots(input.slots.map((s) => s.start), input.durationMinutes, now);
  if (!plan.ok) return fail("VALIDATION_FAILED", `Invalid body: ${plan.issues[0]!.path}: ${plan.issues[0]!.message}`, plan.issues);

  const id = newId();
  const { db } = deps;
  const draft = planDraft(
    db,
    { id, groupId: by.groupId, topicId: topic.id, briefId: brief.id, expertId: expert.id, createdBy: by.memberId, durationMinutes: input.durationMinutes },
    { at: now, actor: principalActor(by), followUpOf: originId, detail: { followUpOf: originId } },
  );
  const once = await atomicOncePerForm(deps, { formKey: opts.formKey, groupId: by.groupId, resultId: id, conditional: true }, [
    draft.insert,
    ...slotsWriteQueries(db, id, plan.slots, { round: 0, changeId: draft.changeId }),
    ...draft.records,
  ]);
  if (once.repeatOf) {
    const first = await repeated(deps, once.repeatOf, by.groupId);
    return first.ok ? ok({ ...first.value, followUpOf: originId }) : first;
  }
  const [inserted] = once.results;
  if (inserted!.changes === 0) return fail("CONFLICT", "No evaluation of this consultation asked for a follow-up");
  const created = await findConsultation(db, id, by.groupId, deps.clock.now());
  return created ? ok({ ...created, followUpOf: originId }) : fail("INTERNAL", "The follow-up was not stored");
}
