import type { Deps } from "../deps.js";
import { groupScope, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import { buildConceptReport } from "../reports/concept-model.js";
import { loadConceptRecords } from "../reports/reports.repo.js";
import { findConsultationFacts, sessionEndOf, statusNow, type ConsultationFacts } from "./consultation-facts.repo.js";
import type { ConsultationRecordView, FundingSource } from "./consultation-outcome.schemas.js";
import { evaluationClosesAt, evaluationWindow } from "./evaluation-window.js";
import { countMembers, listEvaluations } from "./evaluations.repo.js";
import type { CoordinatorEvaluations, GroupEvaluations } from "./evaluations.schemas.js";

type ViewDeps = Pick<Deps, "db" | "clock">;

/** The evaluation-related state of a consultation, as of now. */
export function recordView(f: ConsultationFacts, now: Date): ConsultationRecordView {
  const status = statusNow(f, now);
  const state = { status, sessionEnd: sessionEndOf(f, status), noShow: f.noShow === 1, evaluationClosedAt: f.evaluationClosedAt };
  return {
    consultationId: f.id,
    status,
    evaluation: { open: evaluationWindow(state, now).open, closesAt: evaluationClosesAt(state) },
    outcome: { noShow: f.noShow === 1, actualStart: f.actualStart, actualMinutes: f.actualMinutes },
    fundingSource: f.fundingSource as FundingSource | null,
    followUpOf: f.followUpOf,
  };
}

/**
 * The coordinator sees every evaluation with its free text (but not who wrote it); a member of
 * the consultation's group sees response counts and, from 3 member evaluations up, their figures.
 * Another group's consultation answers like a missing one.
 */
export async function evaluationsView(
  deps: ViewDeps,
  by: Principal,
  consultationId: string,
): Promise<Result<CoordinatorEvaluations | GroupEvaluations>> {
  const now = deps.clock.now();
  const facts = await findConsultationFacts(deps.db, consultationId, groupScope(by));
  if (!facts) return fail("NOT_FOUND", `No consultation with id ${consultationId}`);
  const { outcome, fundingSource, followUpOf, ...common } = recordView(facts, now);
  const [items, members] = await Promise.all([listEvaluations(deps.db, facts.id), countMembers(deps.db, facts.groupId)]);
  const received = (side: "member" | "expert") => items.filter((e) => e.side === side).length;
  const responses = { member: { received: received("member"), possible: members }, expert: { received: received("expert"), possible: 1 } };

  if (by.role === "coordinator") {
    return ok({ view: "coordinator", ...common, responses, outcome, fundingSource, followUpOf, items });
  }
  return ok({ view: "group", ...common, responses, memberFigures: await memberFigures(deps, facts.id, now) });
}

/**
 * The group's own figures come from the concept model itself, fed with this consultation and its
 * members' evaluations only, so the same suppression applies: the expert's single evaluation
 * would name its author, and fewer than 3 members' would nearly do so.
 */
async function memberFigures(deps: ViewDeps, consultationId: string, now: Date): Promise<GroupEvaluations["memberFigures"]> {
  const records = await loadConceptRecords(deps.db, { consultationId }, now);
  const report = buildConceptReport({
    consultations: records.consultations,
    evaluations: records.evaluations.filter((e) => e.side === "member"),
  });
  const overall = report.outcomes.overall;
  const fit = report.sessions.durationFit;
  const interest = report.followUps.interest;
  if (overall.suppressed || fit.suppressed || interest.suppressed) return { suppressed: true };
  return {
    suppressed: false,
    evaluations: overall.evaluations,
    usefulness: overall.usefulness,
    preparation: overall.preparation,
    technicalQuality: overall.technicalQuality,
    wouldRecommendShare: overall.wouldRecommendShare,
    durationFit: { tooShort: fit.tooShort.count, right: fit.right.count, tooLong: fit.tooLong.count },
    followUpInterest: interest.interestCount,
  };
}
