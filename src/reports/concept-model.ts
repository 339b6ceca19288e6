import type {
  ConceptReport,
  ConceptReportInput,
  ConsultationRecord,
  ConsultationStatus,
  FollowUpsReport,
  FunnelReport,
  ResponseRate,
  SessionsReport,
} from "./concept-model.types.js";
import { buildOutcomes, type EvaluatedSession } from "./outcomes.js";
import { distribution, mean, median, ratio, roundTo } from "./stats.js";

export type * from "./concept-model.types.js";

const DEFAULT_MIN_GROUP_SIZE = 3;
const DAY_MS = 86_400_000;
const CONFIRMED_OR_LATER: ReadonlySet<ConsultationStatus> = new Set(["confirmed", "held", "evaluated"]);
const HELD_OR_LATER: ReadonlySet<ConsultationStatus> = new Set(["held", "evaluated"]);

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
  const minGroupSize = input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new RangeError(`minGroupSize must be a positive integer, got ${minGroupSize}`);
  }
  const consultationsById = new Map(input.consultations.map((c) => [c.id, c]));
  const evaluated: EvaluatedSession[] = [];
  for (const evaluation of input.evaluations) {
    const consultation = consultationsById.get(evaluation.consultationId);
    if (consultation) evaluated.push({ evaluation, consultation });
  }
  return {
    minGroupSize,
    funnel: buildFunnel(input.consultations),
    sessions: buildSessions(input.consultations, evaluated, minGroupSize),
    outcomes: buildOutcomes(evaluated, minGroupSize),
    responseRates: buildResponseRates(input.consultations, evaluated),
    followUps: buildFollowUps(input.consultations, evaluated, minGroupSize),
    funding: buildFunding(input.consultations),
  };
}

function wasRequested(c: ConsultationRecord): boolean {
  if (c.status === "draft") return false;
  // A group can cancel its own draft before sending it; only the timestamps tell the two apart.
  if (c.status === "cancelled") return c.requestedAt !== null || c.confirmedAt !== null;
  return true;
}

// Cancellation after confirmation leaves status "cancelled", so confirmedAt is what remembers it.
const wasConfirmed = (c: ConsultationRecord) => CONFIRMED_OR_LATER.has(c.status) || c.confirmedAt !== null;
const wasHeld = (c: ConsultationRecord) => HELD_OR_LATER.has(c.status);

function buildFunnel(consultations: readonly ConsultationRecord[]): FunnelReport {
  const count = (test: (c: ConsultationRecord) => boolean) => consultations.filter(test).length;
  const requested = count(wasRequested);
  const confirmed = count(wasConfirmed);
  const held = count(wasHeld);
  const evaluated = count((c) => c.status === "evaluated");
  return {
    requested,
    confirmed,
    held,
    evaluated,
    declined: count((c) => c.status === "declined"),
    expired: count((c) => c.status === "expired"),
    cancelled: count((c) => c.status === "cancelled"),
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
    medianDaysRequestToConfirm: medianDays(consultations, (c) => [c.requestedAt, c.confirmedAt]),
    medianDaysConfirmToSession: medianDays(consultations, (c) => [c.confirmedAt, c.sessionStart]),
  };
}

function medianDays(
  consultations: readonly ConsultationRecord[],
  span: (c: ConsultationRecord) => [string | null, string | null],
): number | null {
  const days: number[] = [];
  for (const c of consultations) {
    const [from, to] = span(c);
    if (from === null || to === null) continue;
    const elapsed = Date.parse(to) - Date.parse(from);
    if (Number.isFinite(elapsed)) days.push(elapsed / DAY_MS);
  }
  const value = median(days);
  return value === null ? null : roundTo(value, 2);
}

/** Sessions that took place: held or evaluated, and nobody failed to show up. */
function heldSessions(consultations: readonly ConsultationRecord[]): ConsultationRecord[] {
  return consultations.filter((c) => wasHeld(c) && !c.noShow);
}

function buildSessions(
  consultations: readonly ConsultationRecord[],
  evaluated: readonly EvaluatedSession[],
  minGroupSize: number,
): SessionsReport {
  const sessions = heldSessions(consultations);
  const reportedMinutes = new Map<string, number[]>();
  for (const { evaluation, consultation } of evaluated) {
    if (evaluation.actualMinutes === null) continue;
    const minutes = reportedMinutes.get(consultation.id) ?? [];
    minutes.push(evaluation.actualMinutes);
    reportedMinutes.set(consultation.id, minutes);
  }
  const actual: number[] = [];
  for (const c of sessions) {
    const minutes = c.actualMinutes ?? mean(reportedMinutes.get(c.id) ?? []);
    if (minutes !== null) actual.push(minutes);
  }

  const fits = evaluated.map((s) => s.evaluation.durationFit);
  const fit = (value: (typeof fits)[number]) => {
    const count = fits.filter((f) => f === value).length;
    return { count, share: ratio(count, fits.length) ?? 0 };
  };

  return {
    count: sessions.length,
    noShows: consultations.filter((c) => wasHeld(c) && c.noShow).length,
    plannedMinutes: distribution(sessions.map((c) => c.durationMinutes)),
    actualMinutes: distribution(actual),
    shareWithin30to45: ratio(actual.filter((m) => m >= 30 && m <= 45).length, actual.length),
    durationFit:
      fits.length < minGroupSize
        ? { suppressed: true }
        : {
            suppressed: false,
            evaluations: fits.length,
            tooShort: fit("too_short"),
            right: fit("right"),
            tooLong: fit("too_long"),
          },
  };
}

function buildResponseRates(
  consultations: readonly ConsultationRecord[],
  evaluated: readonly EvaluatedSession[],
): { member: ResponseRate; expert: ResponseRate } {
  const sessions = heldSessions(consultations);
  const sessionIds = new Set(sessions.map((c) => c.id));
  const received = (side: "member" | "expert") =>
    evaluated.filter((s) => s.evaluation.side === side && sessionIds.has(s.consultation.id)).length;
  const rate = (got: number, possible: number): ResponseRate => ({ received: got, possible, share: ratio(got, possible) });
  return {
    member: rate(
      received("member"),
      sessions.reduce((sum, c) => sum + c.memberCount, 0),
    ),
    expert: rate(received("expert"), sessions.length),
  };
}

function buildFollowUps(
  consultations: readonly ConsultationRecord[],
  evaluated: readonly EvaluatedSession[],
  minGroupSize: number,
): FollowUpsReport {
  const origins = consultations.flatMap((c) => (c.followUpOf === null ? [] : [c.followUpOf]));
  const interestCount = evaluated.filter((s) => s.evaluation.followUpInterest).length;
  return {
    followUpsCreated: origins.length,
    consultationsThatLedToFollowUp: new Set(origins).size,
    interest:
      evaluated.length < minGroupSize
        ? { suppressed: true }
        : {
            suppressed: false,
            evaluations: evaluated.length,
            interestCount,
            interestShare: ratio(interestCount, evaluated.length) ?? 0,
          },
  };
}

function buildFunding(consultations: readonly ConsultationRecord[]): ConceptReport["funding"] {
  const counts = new Map<string, number>();
  for (const c of consultations) {
    const source = c.fundingSource ?? "unspecified";
    counts.set(source, (counts.get(source) ?? 0) + 1);
  }
  return [...counts]
    .map(([source, n]) => ({ source, consultations: n }))
    .sort((a, b) => b.consultations - a.consultations || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}
