import type { Deps } from "../deps.js";
import { findConsultationFacts, hasSession } from "./consultation-facts.repo.js";

/** Whether a consultation in this status has (or had) a session to evaluate. */
export { hasSession };
import { findEvaluationBy, listEvaluations } from "./evaluations.repo.js";
import type { Evaluation } from "./evaluations.schemas.js";
import { recordView } from "./evaluations-view.service.js";

/** Whose evaluation a form is for: the expert (through their link) or one member of the group. */
export type EvaluationAuthor = { side: "expert" } | { side: "member"; memberId: string; groupId: string };

export interface EvaluationState {
  /** Whether an evaluation is accepted now (the evaluations feature's own window). */
  open: boolean;
  /** Until when it may be sent or changed (UTC), once the session has ended. */
  closesAt: string | null;
  /** The author's earlier evaluation, which a new one replaces. */
  existing: Evaluation | undefined;
  /** Some evaluation of this consultation asked for a follow-up (what createFollowUp requires). */
  followUpAsked: boolean;
}

/**
 * What an evaluation form needs, for the pages of both sides. A member sees only their own
 * group's consultations: another group's answers undefined, like a missing one.
 */
export async function evaluationState(deps: Pick<Deps, "db" | "clock">, consultationId: string, author: EvaluationAuthor): Promise<EvaluationState | undefined> {
  const facts = await findConsultationFacts(deps.db, consultationId, author.side === "member" ? author.groupId : null);
  if (!facts) return undefined;
  const { evaluation } = recordView(facts, deps.clock.now());
  const [existing, all] = await Promise.all([
    findEvaluationBy(deps.db, consultationId, author.side, author.side === "member" ? author.memberId : facts.expertId),
    listEvaluations(deps.db, consultationId),
  ]);
  return { open: evaluation.open, closesAt: evaluation.closesAt, existing, followUpAsked: all.some((e) => e.followUpInterest) };
}
