import type { ConsultationStatus } from "../db/schema.js";

/** The issue: evaluations close 14 days after the session, or earlier when the coordinator closes them. */
export const EVALUATION_WINDOW_DAYS = 14;
const WINDOW_MS = EVALUATION_WINDOW_DAYS * 86_400_000;

export interface EvaluationState {
  /** As of now (effectiveStatus), not as stored. */
  status: ConsultationStatus;
  /** The end of the confirmed slot, when there is one. */
  sessionEnd: string | null;
  noShow: boolean;
  evaluationClosedAt: string | null;
}

/** The earliest instant at which no further evaluation is accepted; null without a session. */
export function evaluationClosesAt(state: Pick<EvaluationState, "sessionEnd" | "evaluationClosedAt">): string | null {
  if (!state.sessionEnd) return null;
  const byTime = new Date(Date.parse(state.sessionEnd) + WINDOW_MS).toISOString();
  return state.evaluationClosedAt && state.evaluationClosedAt < byTime ? state.evaluationClosedAt : byTime;
}

/** The instant before which a session must have ended for it still to be evaluable now. */
export const windowOpenedAfter = (now: Date): string => new Date(now.getTime() - WINDOW_MS).toISOString();

/**
 * Whether evaluations are accepted now, and if not, why, in words for the 409. The writes enforce
 * the same rule in SQL (evaluations.repo.ts evaluable); this explains a write that changed nothing.
 */
export function evaluationWindow(state: EvaluationState, now: Date): { open: true } | { open: false; message: string } {
  if (state.status !== "held" && state.status !== "evaluated") {
    if (state.status === "confirmed" || state.status === "requested" || state.status === "draft") {
      return { open: false, message: "The session has not ended yet: evaluate it afterwards" };
    }
    return { open: false, message: `Cannot evaluate a consultation that is ${state.status}` };
  }
  if (state.noShow) return { open: false, message: "The session was recorded as a no-show: there is nothing to evaluate" };
  const closesAt = evaluationClosesAt(state);
  if (closesAt === null || closesAt <= now.toISOString()) {
    return { open: false, message: `The evaluation of this consultation closed at ${closesAt ?? "its end"}` };
  }
  return { open: true };
}
