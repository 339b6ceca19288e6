import type {
  ConceptReport,
  ConceptReportInput,
  ConceptTallyInput,
  ConsultationRecord,
  ConsultationStatus,
  FollowUpsReport,
  FunnelReport,
  ResponseRate,
  SessionsReport,
} from "./concept-model.types.js";
import { addConsultationTally, emptyConsultationTally, tallyEvaluations, type ConsultationTally } from "./evaluation-tally.js";
import { buildOutcomes, type TalliedConsultation } from "./outcomes.js";
import { distribution, quantileOfSorted, ratio, roundTo, sortedNumbers } from "./stats.js";

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
  const minGroupSize = input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
    throw new RangeError(`minGroupSize must be a positive integer, got ${minGroupSize}`);
  }
  // One entry per id, holding the last record with that id and the id's tallies added up.
  const byId = new Map<string, Entry>();
  for (const consultation of input.consultations) {
    const entry = byId.get(consultation.id);
    if (entry) entry.consultation = consultation;
    else byId.set(consultation.id, { consultation, tally: null });
  }
  for (const tally of input.tallies) {
    // Evaluations of consultations not in the input are left out everywhere.
    const entry = byId.get(tally.consultationId);
    if (!entry) continue;
    if (!entry.tally) entry.tally = tally;
    else {
      const merged = emptyConsultationTally(tally.consultationId);
      addConsultationTally(merged, entry.tally);
      addConsultationTally(merged, tally);
      entry.tally = merged;
    }
  }
  const evaluated: TalliedConsultation[] = [];
  for (const { consultation, tally } of byId.values()) if (tally) evaluated.push({ consultation, tally });
  const tallyOf = (id: string) => byId.get(id)?.tally ?? null;
  const sessions = heldSessions(input.consultations);
  return {
    minGroupSize,
    funnel: buildFunnel(input.consultations),
    sessions: buildSessions(input.consultations, sessions, evaluated, tallyOf, minGroupSize),
    outcomes: buildOutcomes(evaluated, minGroupSize),
    responseRates: buildResponseRates(sessions, tallyOf),
    followUps: buildFollowUps(input.consultations, evaluated, minGroupSize),
    funding: buildFunding(input.consultations),
  };
}

interface Entry {
  consultation: ConsultationRecord;
  tally: ConsultationTally | null;
}

/** The tally of a consultation's evaluations, null when it has none. */
type TallyOf = (consultationId: string) => ConsultationTally | null;

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
  let requested = 0;
  let confirmed = 0;
  let held = 0;
  let evaluated = 0;
  let declined = 0;
  let expired = 0;
  let cancelled = 0;
  // Days from request to confirmation and from confirmation to session, where both are known.
  const toConfirm = new Float64Array(consultations.length);
  const toSession = new Float64Array(consultations.length);
  let nToConfirm = 0;
  let nToSession = 0;
  for (const c of consultations) {
    if (wasRequested(c)) requested++;
    if (wasConfirmed(c)) confirmed++;
    if (wasHeld(c)) held++;
    if (c.status === "evaluated") evaluated++;
    else if (c.status === "declined") declined++;
    else if (c.status === "expired") expired++;
    else if (c.status === "cancelled") cancelled++;
    if (c.confirmedAt === null) continue;
    // Unreadable timestamps give NaN and are left out rather than producing NaN.
    const confirmedAt = Date.parse(c.confirmedAt);
    if (c.requestedAt !== null) {
      const elapsed = confirmedAt - Date.parse(c.requestedAt);
      if (Number.isFinite(elapsed)) toConfirm[nToConfirm++] = elapsed / DAY_MS;
    }
    if (c.sessionStart !== null) {
      const elapsed = Date.parse(c.sessionStart) - confirmedAt;
      if (Number.isFinite(elapsed)) toSession[nToSession++] = elapsed / DAY_MS;
    }
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
    medianDaysRequestToConfirm: medianDays(toConfirm.subarray(0, nToConfirm)),
    medianDaysConfirmToSession: medianDays(toSession.subarray(0, nToSession)),
  };
}

function medianDays(days: Float64Array): number | null {
  const value = quantileOfSorted(sortedNumbers(days), 0.5);
  return value === null ? null : roundTo(value, 2);
}

/** Sessions that took place: held or evaluated, and nobody failed to show up. */
function heldSessions(consultations: readonly ConsultationRecord[]): ConsultationRecord[] {
  return consultations.filter((c) => wasHeld(c) && !c.noShow);
}

function buildSessions(
  consultations: readonly ConsultationRecord[],
  sessions: readonly ConsultationRecord[],
  evaluated: readonly TalliedConsultation[],
  tallyOf: TallyOf,
  minGroupSize: number,
): SessionsReport {
  const actual: number[] = [];
  for (const c of sessions) {
    let minutes = c.actualMinutes;
    if (minutes === null) {
      // The mean of the figures its evaluations gave, if any gave one.
      const reported = tallyOf(c.id);
      if (reported && reported.reportedMinutesCount > 0) minutes = reported.reportedMinutesSum / reported.reportedMinutesCount;
    }
    if (minutes !== null) actual.push(minutes);
  }

  const fits = [0, 0, 0];
  for (const { tally } of evaluated) {
    for (let i = 0; i < 3; i++) fits[i]! += tally.member.durationFit[i]! + tally.expert.durationFit[i]!;
  }
  const fitCount = fits[0]! + fits[1]! + fits[2]!;
  const fit = (index: number) => ({ count: fits[index]!, share: ratio(fits[index]!, fitCount) ?? 0 });

  return {
    count: sessions.length,
    noShows: consultations.filter((c) => wasHeld(c) && c.noShow).length,
    plannedMinutes: distribution(sessions.map((c) => c.durationMinutes)),
    actualMinutes: distribution(actual),
    shareWithin30to45: ratio(actual.filter((m) => m >= 30 && m <= 45).length, actual.length),
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

function buildResponseRates(
  sessions: readonly ConsultationRecord[],
  tallyOf: TallyOf,
): { member: ResponseRate; expert: ResponseRate } {
  // Each session's evaluations once, however many records share its id.
  const counted = new Set<ConsultationTally>();
  for (const c of sessions) {
    const tally = tallyOf(c.id);
    if (tally) counted.add(tally);
  }
  const received = (side: "member" | "expert") => {
    let sum = 0;
    for (const tally of counted) sum += tally[side].evaluations;
    return sum;
  };
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
  evaluated: readonly TalliedConsultation[],
  minGroupSize: number,
): FollowUpsReport {
  const origins = consultations.flatMap((c) => (c.followUpOf === null ? [] : [c.followUpOf]));
  let evaluations = 0;
  let interestCount = 0;
  for (const { tally } of evaluated) {
    evaluations += tally.member.evaluations + tally.expert.evaluations;
    interestCount += tally.member.followUpInterest + tally.expert.followUpInterest;
  }
  return {
    followUpsCreated: origins.length,
    consultationsThatLedToFollowUp: new Set(origins).size,
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
