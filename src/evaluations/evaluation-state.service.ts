import type { Deps } from "../deps.js";
import { readTogether } from "../db/read-together.js";
import { consultationFactsOfQuery, hasSession } from "./consultation-facts.repo.js";

/** Whether a consultation in this status has (or had) a session to evaluate. */
export { hasSession };
import { evaluationByQuery, evaluationFromRow, evaluationsOfQuery } from "./evaluations.repo.js";
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
export async function evaluationState(
  deps: Pick<Deps, "db" | "clock"> & Partial<Pick<Deps, "atomic">>,
  consultationId: string,
  author: EvaluationAuthor,
): Promise<EvaluationState | undefined> {
  // One round trip: the expert's own evaluation is found by a subquery on the consultation's expert;
  // nothing read is shown unless the consultation is found (in the member's own group).
  const authorId = author.side === "member" ? author.memberId : deps.db.selectFrom("consultations").select("expertId").where("id", "=", consultationId).$asScalar();
  const [[facts], [existing], all] = await readTogether(deps, [
    consultationFactsOfQuery(deps.db, consultationId, author.side === "member" ? author.groupId : null),
    evaluationByQuery(deps.db, consultationId, author.side, authorId),
    evaluationsOfQuery(deps.db, consultationId),
  ]);
  if (!facts) return undefined;
  const { evaluation } = recordView(facts, deps.clock.now());
  return {
    open: evaluation.open,
    closesAt: evaluation.closesAt,
    existing: existing && evaluationFromRow(existing),
    followUpAsked: all.some((e) => e.followUpInterest === 1),
  };
}
