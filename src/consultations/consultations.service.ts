import type { CompiledQuery } from "kysely";
import type { Deps } from "../deps.js";
import type { ConsultationStatus } from "../db/schema.js";
import { auditIfChanged } from "../audit/audit.repo.js";
import { findExpert } from "../directory/directory.repo.js";
import { actorOf, groupScope, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { newId } from "../lib/secrets.js";
import { deliverNowFor } from "../outbox/outbox.processor.js";
import { enqueueIfChanged } from "../outbox/outbox.repo.js";
import { findBrief, findTopic } from "../topics/topics.repo.js";
import { findConsultation, findConsultationRow } from "./consultations.repo.js";
import type { Consultation, CreateConsultation } from "./consultations.schemas.js";
import { planProposedSlots } from "./proposed-slots.js";
import { slotsWriteQueries } from "./slots.repo.js";

type Member = Extract<Principal, { role: "member" }>;

export async function createConsultation(deps: Deps, by: Member, input: CreateConsultation): Promise<Result<Consultation>> {
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
  const plan = planProposedSlots(input.slots.map((s) => s.start), input.durationMinutes, now);
  if (!plan.ok) return fail("VALIDATION_FAILED", `Invalid body: ${plan.issues[0]!.path}: ${plan.issues[0]!.message}`, plan.issues);

  const id = newId();
  const changeId = newId();
  const at = now.toISOString();
  await deps.atomic([
    deps.db
      .insertInto("consultations")
      .values({
        id,
        groupId: by.groupId,
        topicId: topic.id,
        briefId: brief.id,
        expertId: expert.id,
        createdBy: by.memberId,
        durationMinutes: input.durationMinutes,
        status: "draft",
        slotRound: 0,
        confirmedSlotId: null,
        requestedAt: null,
        confirmedAt: null,
        closedAt: null,
        closeReason: null,
        changeId,
        createdAt: at,
        updatedAt: at,
      })
      .compile(),
    ...slotsWriteQueries(deps.db, id, plan.slots, { round: 0 }),
    auditIfChanged(deps.db, { consultationId: id, changeId }, { ...actorOf(by), at, action: "consultation.created" }),
  ]);
  return ok((await findConsultation(deps.db, id, by.groupId, now))!);
}

/** Explains why a conditional write changed nothing: missing, or not allowed in its state. */
export async function whyUnchanged(deps: Pick<Deps, "db" | "clock">, id: string, groupId: string | null, action: string): Promise<Result<never>> {
  const current = await findConsultation(deps.db, id, groupId, deps.clock.now());
  if (!current) return fail("NOT_FOUND", `No consultation with id ${id}`);
  return fail("CONFLICT", `Cannot ${action} a consultation that is ${current.status}`);
}

export async function cancelConsultation(deps: Deps, by: Principal, id: string, reason: string): Promise<Result<Consultation>> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const changeId = newId();
  const groupId = groupScope(by);
  let update = deps.db
    .updateTable("consultations")
    .set({ status: "cancelled", closedAt: at, closeReason: reason, changeId, updatedAt: at })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("status", "in", ["draft", "requested"] satisfies ConsultationStatus[]),
        // A confirmed consultation can be cancelled until its session has ended (then it is held).
        eb.and([
          eb("status", "=", "confirmed"),
          eb.exists(
            eb
              .selectFrom("proposed_slots as s")
              .select("s.id")
              .whereRef("s.id", "=", "consultations.confirmedSlotId")
              .where("s.end", ">", at),
          ),
        ]),
      ]),
    );
  if (groupId) update = update.where("groupId", "=", groupId);
  const [result] = await deps.atomic([
    update.compile(),
    auditIfChanged(deps.db, { consultationId: id, changeId }, { ...actorOf(by), at, action: "consultation.cancelled" }),
    enqueueIfChanged(deps.db, { consultationId: id, changeId, kind: "meeting.sync", payload: {}, now: at, onlyIfWasConfirmed: true }),
  ]);
  if (result!.changes === 0) return whyUnchanged(deps, id, groupId, "cancel");
  await deliverNowFor(deps, id);
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
): Promise<Result<Consultation>> {
  const now = deps.clock.now();
  const groupId = groupScope(by);
  const row = await findConsultationRow(deps.db, id);
  if (!row || (groupId && row.groupId !== groupId)) return fail("NOT_FOUND", `No consultation with id ${id}`);
  const plan = planProposedSlots(starts, row.durationMinutes, now);
  if (!plan.ok) return fail("VALIDATION_FAILED", `Invalid body: ${plan.issues[0]!.path}: ${plan.issues[0]!.message}`, plan.issues);
  const at = now.toISOString();
  const changeId = newId();
  const queries: CompiledQuery[] = [
    deps.db
      .updateTable("consultations")
      .set((eb) => ({ status: "requested", slotRound: eb("slotRound", "+", 1), changeId, updatedAt: at }))
      .where("id", "=", id)
      // Keyed on the round we validated against, so two reschedules cannot interleave.
      .where("slotRound", "=", row.slotRound)
      .where((eb) =>
        eb.or([
          eb("status", "=", "requested"),
          eb.and([
            eb("status", "=", "confirmed"),
            eb.exists(eb.selectFrom("proposed_slots as s").select("s.id").whereRef("s.id", "=", "consultations.confirmedSlotId").where("s.end", ">", at)),
          ]),
        ]),
      )
      .compile(),
    ...slotsWriteQueries(deps.db, id, plan.slots, { round: row.slotRound + 1, changeId }),
    auditIfChanged(deps.db, { consultationId: id, changeId }, { ...actorOf(by), at, action: "consultation.rescheduled" }),
  ];
  const [result] = await deps.atomic(queries);
  if (result!.changes === 0) return whyUnchanged(deps, id, groupId, "reschedule");
  return ok((await findConsultation(deps.db, id, groupId, deps.clock.now()))!);
}

