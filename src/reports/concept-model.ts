import type {
  ConceptReport,
  ConceptReportInput,
  ConceptTallyInput,
  ConsultationStatus,
  FollowUpsReport,
  FunnelReport,
  ResponseRate,
  SessionsReport,
} from "./concept-model.types.js";
import { tallyEvaluations } from "./evaluation-tally.js";
import { buildOutcomes } from "./outcomes.js";
import { aggregateRecords, wasHeld, type ReportAggregates, type ReportGroup, type StatusCount } from "./report-aggregates.js";
import { distributionOfCounts, ratio } from "./stats.js";

export type * from "./concept-model.types.js";

const DEFAULT_MIN_GROUP_SIZE = 3;
const CONFIRMED_OR_LATER: ReadonlySet<ConsultationStatus> = new Set(["confirmed", "held", "evaluated"]);

/**
 * The coordinator's concept model (step 6 of the concept): how consultations flow, how long they
 * last and how they are rated by theme, country, length and kind of brief. Pure: plain records in,
 * a JSON-serialisable report out. Answer figures from fewer than `minGroupSize` evaluations are
 * withheld. Evaluations whose consultation is not in the input are left out everywhere, so every
 * breakdown adds up to the overall figures.
 *
 * @example
 * const report = buildConceptReport({ consultations, evaluations });
 * report.outcomes.byTheme // [{ key: "child protection", suppressed: false, evaluations: 7, ... }]
 */
export function buildConceptReport(input: ConceptReportInput): ConceptReport {
  return buildConceptReportFromTallies({
    consultations: input.consultations,
    tallies: tallyEvaluations(input.evaluations),
    ...(input.minGroupSize === undefined ? {} : { minGroupSize: input.minGroupSize }),
  });
}

/**
 * buildConceptReport over evaluations already tallied per consultation (evaluation-tally.ts), as
 * the database can count them: the same report, figure for figure. Pure.
 */
export function buildConceptReportFromTallies(input: ConceptTallyInput): ConceptReport {
  return buildConceptReportFromAggregates(aggregateRecords(input.consultations, input.tallies), input.minGroupSize);
}

/** The report from its aggregates (report-aggregates.ts), whichever source summed them. Pure. */
export function buildConceptReportFromAggregates(aggregates: ReportAggregates, minGroupSizeGiven?: number): ConceptReport {
  const minGroupSize = minGroupSizeGiven ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new RangeError(`minGroupSize must be a positive integer, got ${minGroupSize}`);
  }
  return {
    minGroupSize,
    funnel: buildFunnel(aggregates),
    sessions: buildSessions(aggregates, minGroupSize),
    outcomes: buildOutcomes(aggregates.groups, minGroupSize),
    responseRates: buildResponseRates(aggregates),
    followUps: buildFollowUps(aggregates, minGroupSize),
    funding: buildFunding(aggregates.statuses),
  };
}

function wasRequested(c: StatusCount): boolean {
  if (c.status === "draft") return false;
  // A group can cancel its own draft before sending it; only the timestamps tell the two apart.
  if (c.status === "cancelled") return c.requested || c.confirmed;
  return true;
}

// Cancellation after confirmation leaves status "cancelled", so confirmedAt is what remembers it.
const wasConfirmed = (c: StatusCount) => CONFIRMED_OR_LATER.has(c.status) || c.confirmed;

function buildFunnel(aggregates: ReportAggregates): FunnelReport {
  let requested = 0;
  let confirmed = 0;
  let held = 0;
  let evaluated = 0;
  let declined = 0;
  let expired = 0;
  let cancelled = 0;
  for (const c of aggregates.statuses) {
    const n = c.consultations;
    if (wasRequested(c)) requested += n;
    if (wasConfirmed(c)) confirmed += n;
    if (wasHeld(c.status)) held += n;
    if (c.status === "evaluated") evaluated += n;
    else if (c.status === "declined") declined += n;
    else if (c.status === "expired") expired += n;
    else if (c.status === "cancelled") cancelled += n;
  }
  return {
    requested,
    confirmed,
    held,
    evaluated,
    declined,
    expired,
    cancelled,
    stepRates: {
      confirmed: ratio(confirmed, requested),
      held: ratio(held, confirmed),
      evaluated: ratio(evaluated, held),
    },
    ratesOfRequested: {
      confirmed: ratio(confirmed, requested),
      held: ratio(held, requested),
      evaluated: ratio(evaluated, requested),
    },
    medianDaysRequestToConfirm: aggregates.medianDaysRequestToConfirm,
    medianDaysConfirmToSession: aggregates.medianDaysConfirmToSession,
  };
}

/** Evaluations of every theme group added up (each consultation is in one): durationFit counts and follow-up interest. */
function evaluationTotals(groups: readonly ReportGroup[]) {
  const fits = [0, 0, 0];
  let evaluations = 0;
  let interestCount = 0;
  for (const group of groups) {
    if (group.dimension !== "theme") continue;
    for (const side of [group.member, group.expert]) {
      for (let i = 0; i < 3; i++) fits[i]! += side.durationFit[i]!;
      evaluations += side.evaluations;
      interestCount += side.followUpInterest;
    }
  }
  return { fits, evaluations, interestCount };
}

function buildSessions(aggregates: ReportAggregates, minGroupSize: number): SessionsReport {
  const { fits } = evaluationTotals(aggregates.groups);
  const fitCount = fits[0]! + fits[1]! + fits[2]!;
  const fit = (index: number) => ({ count: fits[index]!, share: ratio(fits[index]!, fitCount) ?? 0 });
  const actual = distributionOfCounts(aggregates.sessions.actualMinutes);
  let within = 0;
  for (const [minutes, n] of aggregates.sessions.actualMinutes) if (minutes >= 30 && minutes <= 45) within += n;
  let noShows = 0;
  for (const c of aggregates.statuses) if (wasHeld(c.status) && c.noShow) noShows += c.consultations;
  const planned = distributionOfCounts(aggregates.sessions.plannedMinutes);
  return {
    count: planned.n,
    noShows,
    plannedMinutes: planned,
    actualMinutes: actual,
    shareWithin30to45: ratio(within, actual.n),
    durationFit:
      fitCount < minGroupSize
        ? { suppressed: true }
        : {
            suppressed: false,
            evaluations: fitCount,
            tooShort: fit(0),
            right: fit(1),
            tooLong: fit(2),
          },
  };
}

function buildResponseRates({ sessions }: ReportAggregates): { member: ResponseRate; expert: ResponseRate } {
  const rate = (got: number, possible: number): ResponseRate => ({ received: got, possible, share: ratio(got, possible) });
  let count = 0;
  for (const n of sessions.plannedMinutes.values()) count += n;
  return {
    member: rate(sessions.memberEvaluations, sessions.memberPossible),
    expert: rate(sessions.expertEvaluations, count),
  };
}

function buildFollowUps(aggregates: ReportAggregates, minGroupSize: number): FollowUpsReport {
  const { evaluations, interestCount } = evaluationTotals(aggregates.groups);
  let followUpsCreated = 0;
  for (const c of aggregates.statuses) followUpsCreated += c.followUps;
  return {
    followUpsCreated,
    consultationsThatLedToFollowUp: aggregates.followUpOrigins,
    interest:
      evaluations < minGroupSize
        ? { suppressed: true }
        : {
            suppressed: false,
            evaluations,
            interestCount,
            interestShare: ratio(interestCount, evaluations) ?? 0,
          },
  };
}

function buildFunding(statuses: readonly StatusCount[]): ConceptReport["funding"] {
  const counts = new Map<string, number>();
  for (const c of statuses) {
    const source = c.fundingSource ?? "unspecified";
    counts.set(source, (counts.get(source) ?? 0) + c.consultations);
  }
  return [...counts]
    .map(([source, n]) => ({ source, consultations: n }))
    .sort((a, b) => b.consultations - a.consultations || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}
