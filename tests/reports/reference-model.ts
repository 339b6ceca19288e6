/**
 * The concept model as it was before evaluations were tallied (one record per evaluation, sorted
 * for every median), kept verbatim as the reference the faster model must match figure for figure;
 * since issue 11 it also breaks the outcomes down by programme, the same way. Test code only.
 */
import type {
  ConceptReport,
  ConceptReportInput,
  ConsultationRecord,
  ConsultationStatus,
  EvaluationRecord,
  OutcomeGroup,
  OutcomesReport,
  ResponseRate,
  ScoreSummary,
} from "../../src/reports/concept-model.js";
import { ratio, roundTo } from "../../src/reports/stats.js";

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const below = sorted[lower]!;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return below + (above - below) * (position - lower);
}

const median = (values: readonly number[]) => quantile(values, 0.5);

function distribution(values: readonly number[]) {
  const at = (q: number) => {
    const value = quantile(values, q);
    return value === null ? null : roundTo(value, 2);
  };
  return { n: values.length, median: at(0.5), min: at(0), max: at(1), p25: at(0.25), p75: at(0.75) };
}

interface EvaluatedSession {
  evaluation: EvaluationRecord;
  consultation: ConsultationRecord;
}
interface Band {
  key: string;
  min: number;
  max: number;
}
const OTHER = "other";
const DURATION_BANDS: readonly Band[] = [
  { key: "30-34", min: 30, max: 34 },
  { key: "35-39", min: 35, max: 39 },
  { key: "40-45", min: 40, max: 45 },
];
const QUESTION_BANDS: readonly Band[] = [
  { key: "1-2", min: 1, max: 2 },
  { key: "3-4", min: 3, max: 4 },
  { key: "5-7", min: 5, max: 7 },
];
const CHALLENGE_LENGTH_BANDS: readonly Band[] = [
  { key: "<500", min: 0, max: 499 },
  { key: "500-999", min: 500, max: 999 },
  { key: "1000-2000", min: 1000, max: 2000 },
];
const bandOf = (bands: readonly Band[], value: number) => bands.find((band) => value >= band.min && value <= band.max)?.key ?? OTHER;
const bandOrder = (bands: readonly Band[]) => [...bands.map((band) => band.key), OTHER];

function buildOutcomes(sessions: readonly EvaluatedSession[], minGroupSize: number): OutcomesReport {
  const by = (keyOf: (s: EvaluatedSession) => string, order?: readonly string[]) => breakdown(sessions, keyOf, minGroupSize, order);
  return {
    overall: summariseGroup("all", sessions, minGroupSize),
    bySide: by((s) => s.evaluation.side, ["member", "expert"]),
    byTheme: by((s) => s.consultation.theme),
    byExpertCountry: by((s) => s.consultation.expertCountry),
    byProgramme: by((s) => s.consultation.programmeId ?? "none"),
    byDuration: by((s) => bandOf(DURATION_BANDS, s.consultation.durationMinutes), bandOrder(DURATION_BANDS)),
    byQuestionCount: by((s) => bandOf(QUESTION_BANDS, s.consultation.briefQuestionCount), bandOrder(QUESTION_BANDS)),
    byChallengeLength: by((s) => bandOf(CHALLENGE_LENGTH_BANDS, s.consultation.briefChallengeLength), bandOrder(CHALLENGE_LENGTH_BANDS)),
  };
}

function breakdown(
  sessions: readonly EvaluatedSession[],
  keyOf: (s: EvaluatedSession) => string,
  minGroupSize: number,
  order?: readonly string[],
): OutcomeGroup[] {
  const groups = new Map<string, EvaluatedSession[]>();
  for (const session of sessions) {
    const key = keyOf(session);
    const members = groups.get(key);
    if (members) members.push(session);
    else groups.set(key, [session]);
  }
  const keys = [...groups.keys()].sort(order ? (a, b) => order.indexOf(a) - order.indexOf(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const size = (key: string) => groups.get(key)?.length ?? 0;
  const withheld = new Set(keys.filter((key) => size(key) < minGroupSize));
  let withheldTotal = [...withheld].reduce((sum, key) => sum + size(key), 0);
  while (withheldTotal > 0 && withheldTotal < minGroupSize) {
    const smallest = keys
      .filter((key) => !withheld.has(key))
      .reduce<string | undefined>((best, key) => (best === undefined || size(key) < size(best) ? key : best), undefined);
    if (smallest === undefined) break;
    withheld.add(smallest);
    withheldTotal += size(smallest);
  }
  return keys.map((key) => (withheld.has(key) ? { key, suppressed: true } : summariseGroup(key, groups.get(key) ?? [], minGroupSize)));
}

function summariseGroup(key: string, sessions: readonly EvaluatedSession[], minGroupSize: number): OutcomeGroup {
  if (sessions.length < minGroupSize) return { key, suppressed: true };
  const evaluations = sessions.map((s) => s.evaluation);
  return {
    key,
    suppressed: false,
    consultations: new Set(sessions.map((s) => s.consultation.id)).size,
    evaluations: evaluations.length,
    usefulness: summariseScores(evaluations.map((e) => e.usefulness)),
    preparation: summariseScores(evaluations.map((e) => e.preparation)),
    ...sidePreparationOf(evaluations, minGroupSize),
    technicalQuality: summariseScores(evaluations.map((e) => e.technicalQuality)),
    wouldRecommendShare: ratio(evaluations.filter((e) => e.wouldRecommend).length, evaluations.length) ?? 0,
  };
}

// Spelled out over the answers, not the counts: the one rule, written a second way.
function sidePreparationOf(evaluations: readonly EvaluationRecord[], minGroupSize: number) {
  const member = evaluations.filter((e) => e.side === "member").map((e) => e.preparation);
  const expert = evaluations.filter((e) => e.side === "expert").map((e) => e.preparation);
  const small = (xs: readonly number[]) => xs.length > 0 && xs.length < minGroupSize;
  if (small(member) || small(expert)) return { questionsAnswered: null, briefPreparation: null };
  return {
    questionsAnswered: member.length === 0 ? null : summariseScores(member),
    briefPreparation: expert.length === 0 ? null : summariseScores(expert),
  };
}

function summariseScores(scores: readonly number[]): ScoreSummary {
  return { mean: roundTo(mean(scores) ?? 0, 2), median: median(scores) ?? 0, n: scores.length };
}

const DAY_MS = 86_400_000;
const CONFIRMED_OR_LATER: ReadonlySet<ConsultationStatus> = new Set(["confirmed", "held", "evaluated"]);
const HELD_OR_LATER: ReadonlySet<ConsultationStatus> = new Set(["held", "evaluated"]);

export function referenceConceptReport(input: ConceptReportInput): ConceptReport {
  const minGroupSize = input.minGroupSize ?? 3;
  const consultationsById = new Map(input.consultations.map((c) => [c.id, c]));
  const evaluated: EvaluatedSession[] = [];
  for (const evaluation of input.evaluations) {
    const consultation = consultationsById.get(evaluation.consultationId);
    if (consultation) evaluated.push({ evaluation, consultation });
  }
  const consultations = input.consultations;
  const wasRequested = (c: ConsultationRecord) =>
    c.status === "draft" ? false : c.status === "cancelled" ? c.requestedAt !== null || c.confirmedAt !== null : true;
  const wasConfirmed = (c: ConsultationRecord) => CONFIRMED_OR_LATER.has(c.status) || c.confirmedAt !== null;
  const wasHeld = (c: ConsultationRecord) => HELD_OR_LATER.has(c.status);
  const count = (test: (c: ConsultationRecord) => boolean) => consultations.filter(test).length;
  const medianDays = (span: (c: ConsultationRecord) => [string | null, string | null]) => {
    const days: number[] = [];
    for (const c of consultations) {
      const [from, to] = span(c);
      if (from === null || to === null) continue;
      const elapsed = Date.parse(to) - Date.parse(from);
      if (Number.isFinite(elapsed)) days.push(elapsed / DAY_MS);
    }
    const value = median(days);
    return value === null ? null : roundTo(value, 2);
  };
  const requested = count(wasRequested);
  const confirmed = count(wasConfirmed);
  const held = count(wasHeld);
  const evaluatedCount = count((c) => c.status === "evaluated");

  const sessions = consultations.filter((c) => wasHeld(c) && !c.noShow);
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
    const n = fits.filter((f) => f === value).length;
    return { count: n, share: ratio(n, fits.length) ?? 0 };
  };
  const sessionIds = new Set(sessions.map((c) => c.id));
  const received = (side: "member" | "expert") => evaluated.filter((s) => s.evaluation.side === side && sessionIds.has(s.consultation.id)).length;
  const rate = (got: number, possible: number): ResponseRate => ({ received: got, possible, share: ratio(got, possible) });
  const origins = consultations.flatMap((c) => (c.followUpOf === null ? [] : [c.followUpOf]));
  const interestCount = evaluated.filter((s) => s.evaluation.followUpInterest).length;
  const funding = new Map<string, number>();
  for (const c of consultations) funding.set(c.fundingSource ?? "unspecified", (funding.get(c.fundingSource ?? "unspecified") ?? 0) + 1);

  return {
    minGroupSize,
    funnel: {
      requested,
      confirmed,
      held,
      evaluated: evaluatedCount,
      declined: count((c) => c.status === "declined"),
      expired: count((c) => c.status === "expired"),
      cancelled: count((c) => c.status === "cancelled"),
      stepRates: { confirmed: ratio(confirmed, requested), held: ratio(held, confirmed), evaluated: ratio(evaluatedCount, held) },
      ratesOfRequested: { confirmed: ratio(confirmed, requested), held: ratio(held, requested), evaluated: ratio(evaluatedCount, requested) },
      medianDaysRequestToConfirm: medianDays((c) => [c.requestedAt, c.confirmedAt]),
      medianDaysConfirmToSession: medianDays((c) => [c.confirmedAt, c.sessionStart]),
    },
    sessions: {
      count: sessions.length,
      noShows: consultations.filter((c) => wasHeld(c) && c.noShow).length,
      plannedMinutes: distribution(sessions.map((c) => c.durationMinutes)),
      actualMinutes: distribution(actual),
      shareWithin30to45: ratio(actual.filter((m) => m >= 30 && m <= 45).length, actual.length),
      durationFit:
        fits.length < minGroupSize
          ? { suppressed: true }
          : { suppressed: false, evaluations: fits.length, tooShort: fit("too_short"), right: fit("right"), tooLong: fit("too_long") },
    },
    outcomes: buildOutcomes(evaluated, minGroupSize),
    responseRates: { member: rate(received("member"), sessions.reduce((sum, c) => sum + c.memberCount, 0)), expert: rate(received("expert"), sessions.length) },
    followUps: {
      followUpsCreated: origins.length,
      consultationsThatLedToFollowUp: new Set(origins).size,
      interest:
        evaluated.length < minGroupSize
          ? { suppressed: true }
          : { suppressed: false, evaluations: evaluated.length, interestCount, interestShare: ratio(interestCount, evaluated.length) ?? 0 },
    },
    funding: [...funding]
      .map(([source, n]) => ({ source, consultations: n }))
      .sort((a, b) => b.consultations - a.consultations || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
  };
}
