import type { Deps } from "../deps.js";
import { resolveLink, linkFailure, expertViewOf, type ExpertView } from "../expert-access/expert-access.service.js";
import { groupScope, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { findConsultation, findConsultationRow } from "./consultations.repo.js";
import type { Consultation } from "./consultations.schemas.js";
import { planProposedSlots } from "./proposed-slots.js";
import { slotsWriteQueries } from "./slots.repo.js";
import { applyTransition, principalActor } from "./transition-writes.js";
import { whyUnchanged } from "./consultations.service.js";

/**
 * The expert's own times when none of the group's suits: a new round of 1–3 slots, checked by
 * the same rules as the group's (5-minute grid, future, no overlap, the consultation's length).
 * The consultation stays requested; the group accepts one of them or proposes again.
 */
export async function proposeOtherTimes(deps: Deps, secret: string, starts: string[]): Promise<Result<ExpertView>> {
  const link = await resolveLink(deps, secret);
  if (!link.ok) return linkFailure(link.problem);
  const now = deps.clock.now();
  const id = link.consultation.id;
  const row = await findConsultationRow(deps.db, id);
  if (!row) return fail("NOT_FOUND", "This link is not valid");
  const plan = planProposedSlots(starts, row.durationMinutes, now);
  if (!plan.ok) return fail("VALIDATION_FAILED", `Invalid body: ${plan.issues[0]!.path}: ${plan.issues[0]!.message}`, plan.issues);
  const applied = await applyTransition(
    deps,
    { action: "counterPropose", actor: { kind: "expert", id: row.expertId }, at: now, consultationId: id, expectedRound: row.slotRound },
    (changeId) => slotsWriteQueries(deps.db, id, plan.slots, { round: row.slotRound + 1, changeId }),
  );
  const current = await findConsultation(deps.db, id, null, deps.clock.now());
  if (applied.changed === 0) {
    if (current?.status === "requested" && current.slotsProposedBy === "expert") return fail("CONFLICT", "You have already proposed other times: the group answers next");
    return fail("CONFLICT", `This consultation is already ${current?.status ?? "closed"}`);
  }
  return ok(await expertViewOf(deps, current!));
}

/**
 * The group confirms one of the expert's times: one conditional write (of many concurrent
 * accepts exactly one changes the row), then the meeting is created as after the expert's confirm.
 */
export async function acceptCounterProposal(deps: Deps, by: Principal, id: string, slotId: string): Promise<Result<Consultation>> {
  const groupId = groupScope(by);
  const applied = await applyTransition(deps, {
    action: "acceptCounter",
    actor: principalActor(by),
    at: deps.clock.now(),
    consultationId: id,
    groupId,
    slotId,
    detail: { slotId },
  });
  const current = await findConsultation(deps.db, id, groupId, deps.clock.now());
  if (applied.changed === 0) {
    if (!current) return fail("NOT_FOUND", `No consultation with id ${id}`);
    if (current.status === "requested" && current.slotsProposedBy === "expert") {
      if (!current.slots.some((s) => s.id === slotId)) return fail("NOT_FOUND", `No time with id ${slotId} among the expert's proposals`);
      return fail("CONFLICT", "This time has already started: choose another or propose new times");
    }
    if (current.status === "requested") return fail("CONFLICT", "The expert has not proposed other times");
    return whyUnchanged(deps, id, groupId, "accept a time of");
  }
  return ok(current!);
}
