import type { Deps } from "../deps.js";
import { applyTransition, principalActor } from "../consultations/transition-writes.js";
import { groupScope, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { findConsultationFacts, statusNow } from "./consultation-facts.repo.js";
import type { ConsultationRecordView, FundingSource, RecordOutcome } from "./consultation-outcome.schemas.js";
import { recordView } from "./evaluations-view.service.js";

type OutcomeDeps = Pick<Deps, "db" | "atomic" | "clock" | "effects">;
type Coordinator = Extract<Principal, { role: "coordinator" }>;

/** A recorded start further than this from the confirmed time is more likely a typo than a late start. */
const MAX_START_DRIFT_MS = 24 * 3_600_000;

async function currentView(deps: OutcomeDeps, id: string, groupId: string | null): Promise<Result<ConsultationRecordView>> {
  const facts = await findConsultationFacts(deps.db, id, groupId);
  return facts ? ok(recordView(facts, deps.clock.now())) : fail("NOT_FOUND", `No consultation with id ${id}`);
}

/** Why a conditional write about the session changed nothing: missing, or the state's own reason. */
async function whyUnchanged(deps: OutcomeDeps, id: string, explain: (v: ConsultationRecordView) => string): Promise<Result<never>> {
  const view = await currentView(deps, id, null);
  return view.ok ? fail("CONFLICT", explain(view.value)) : view;
}

/** The coordinator records a no-show, or when the session really started and how long it lasted. */
export async function recordOutcome(deps: OutcomeDeps, by: Coordinator, id: string, input: RecordOutcome): Promise<Result<ConsultationRecordView>> {
  const now = deps.clock.now();
  const facts = await findConsultationFacts(deps.db, id, null);
  if (!facts) return fail("NOT_FOUND", `No consultation with id ${id}`);
  const notEnded = (status: string) => `Cannot record the outcome of a consultation that is ${status}: the session must have ended`;
  // The state is the first thing wrong with an early outcome; the write below checks it again.
  const status = statusNow(facts, now);
  if (status !== "held" && status !== "evaluated") return fail("CONFLICT", notEnded(status));
  const actualStart = input.actualStart === undefined ? null : new Date(input.actualStart).toISOString();
  if (actualStart !== null) {
    const planned = facts.slotStart ? Date.parse(facts.slotStart) : null;
    if (Date.parse(actualStart) > now.getTime()) {
      return fail("VALIDATION_FAILED", "Invalid body: actualStart: must not be in the future", [{ path: "actualStart", message: "must not be in the future" }]);
    }
    if (planned !== null && Math.abs(Date.parse(actualStart) - planned) > MAX_START_DRIFT_MS) {
      const message = `must be within 24 hours of the confirmed time ${facts.slotStart}`;
      return fail("VALIDATION_FAILED", `Invalid body: actualStart: ${message}`, [{ path: "actualStart", message }]);
    }
  }
  const noShow = input.noShow === true;
  const applied = await applyTransition(deps, {
    action: "recordOutcome",
    actor: principalActor(by),
    at: now,
    consultationId: id,
    set: { noShow: noShow ? 1 : 0, actualStart, actualMinutes: input.actualMinutes ?? null },
    detail: { noShow, actualMinutes: input.actualMinutes ?? null },
  });
  if (applied.changed === 0) {
    return whyUnchanged(deps, id, (v) => notEnded(v.status));
  }
  return currentView(deps, id, null);
}

/** Closes the evaluation before its 14 days are up; afterwards every submission gets 409. */
export async function closeEvaluation(deps: OutcomeDeps, by: Coordinator, id: string): Promise<Result<ConsultationRecordView>> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const applied = await applyTransition(deps, { action: "closeEvaluation", actor: principalActor(by), at: now, consultationId: id });
  if (applied.changed === 0) {
    return whyUnchanged(deps, id, (v) =>
      v.evaluation.closesAt && v.evaluation.closesAt <= at
        ? `The evaluation already closed at ${v.evaluation.closesAt}`
        : `Cannot close the evaluation of a consultation that is ${v.status}${v.outcome.noShow ? " (no-show)" : ""}: it is not open`,
    );
  }
  return currentView(deps, id, null);
}

/** Records where support came from; the coordinator or the consultation's own group, in any state. */
export async function setFunding(deps: OutcomeDeps, by: Principal, id: string, source: FundingSource): Promise<Result<ConsultationRecordView>> {
  const groupId = groupScope(by);
  const applied = await applyTransition(deps, {
    action: "setFunding",
    actor: principalActor(by),
    at: deps.clock.now(),
    consultationId: id,
    groupId,
    set: { fundingSource: source },
    detail: { source },
  });
  if (applied.changed === 0) return fail("NOT_FOUND", `No consultation with id ${id}`);
  return currentView(deps, id, groupId);
}
