import type {
  ConsultationRecord,
  EvaluationRecord,
  OutcomeGroup,
  OutcomesReport,
  ScoreSummary,
} from "./concept-model.types.js";
import { mean, median, ratio, roundTo } from "./stats.js";

/** An evaluation with the consultation it is about. */
export interface EvaluatedSession {
  evaluation: EvaluationRecord;
  consultation: ConsultationRecord;
}

interface Band {
  key: string;
  min: number;
  max: number;
}

// Data outside the bands (a 60-minute session, a brief with no questions) still has to land
// somewhere, or the breakdown would no longer add up to the overall figures.
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

function bandOf(bands: readonly Band[], value: number): string {
  return bands.find((band) => value >= band.min && value <= band.max)?.key ?? OTHER;
}

const bandOrder = (bands: readonly Band[]) => [...bands.map((band) => band.key), OTHER];

export function buildOutcomes(sessions: readonly EvaluatedSession[], minGroupSize: number): OutcomesReport {
  const by = (keyOf: (s: EvaluatedSession) => string, order?: readonly string[]) =>
    breakdown(sessions, keyOf, minGroupSize, order);
  return {
    overall: summariseGroup("all", sessions, minGroupSize),
    bySide: by((s) => s.evaluation.side, ["member", "expert"]),
    byTheme: by((s) => s.consultation.theme),
    byExpertCountry: by((s) => s.consultation.expertCountry),
    byDuration: by((s) => bandOf(DURATION_BANDS, s.consultation.durationMinutes), bandOrder(DURATION_BANDS)),
    byQuestionCount: by(
      (s) => bandOf(QUESTION_BANDS, s.consultation.briefQuestionCount),
      bandOrder(QUESTION_BANDS),
    ),
    byChallengeLength: by(
      (s) => bandOf(CHALLENGE_LENGTH_BANDS, s.consultation.briefChallengeLength),
      bandOrder(CHALLENGE_LENGTH_BANDS),
    ),
  };
}

/** Groups in `order` when given, else by key; only keys that have evaluations appear. */
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
  const keys = [...groups.keys()].sort(
    order ? (a, b) => order.indexOf(a) - order.indexOf(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const size = (key: string) => groups.get(key)?.length ?? 0;

  const withheld = new Set(keys.filter((key) => size(key) < minGroupSize));
  // Complementary suppression: with one group withheld, "overall minus the shown groups" would
  // give its figures back. Withhold the next smallest groups until what is withheld together
  // holds at least minGroupSize evaluations, so differencing yields only a safe aggregate.
  let withheldTotal = [...withheld].reduce((sum, key) => sum + size(key), 0);
  while (withheldTotal > 0 && withheldTotal < minGroupSize) {
    const smallest = keys
      .filter((key) => !withheld.has(key))
      .reduce<string | undefined>((best, key) => (best === undefined || size(key) < size(best) ? key : best), undefined);
    if (smallest === undefined) break;
    withheld.add(smallest);
    withheldTotal += size(smallest);
  }

  return keys.map((key) =>
    withheld.has(key) ? { key, suppressed: true } : summariseGroup(key, groups.get(key) ?? [], minGroupSize),
  );
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
    technicalQuality: summariseScores(evaluations.map((e) => e.technicalQuality)),
    wouldRecommendShare: ratio(evaluations.filter((e) => e.wouldRecommend).length, evaluations.length) ?? 0,
  };
}

// Only called with at least minGroupSize (>= 1) values, so the statistics exist.
function summariseScores(scores: readonly number[]): ScoreSummary {
  return { mean: roundTo(mean(scores) ?? 0, 2), median: median(scores) ?? 0, n: scores.length };
}
