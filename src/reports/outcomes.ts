import type {
  ConsultationRecord,
  OutcomeGroup,
  OutcomesReport,
  ScoreSummary,
} from "./concept-model.types.js";
import { addSideTally, emptySideTally, type ConsultationTally, type SideTally } from "./evaluation-tally.js";
import { histogramMean, histogramQuantile, ratio, roundTo } from "./stats.js";

/** A consultation with the tally of its evaluations. */
export interface TalliedConsultation {
  consultation: ConsultationRecord;
  tally: ConsultationTally;
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

/** Evaluations added up for one group of a breakdown. */
interface GroupTally extends SideTally {
  /** Distinct consultations behind the evaluations. */
  consultations: number;
  /** The preparation question apart per side: the two sides are asked different things. */
  memberPreparation: number[];
  expertPreparation: number[];
}

/** Consultations alike in every consultation-level breakdown, their evaluations added up once. */
interface Cell extends GroupTally {
  theme: string;
  country: string;
  duration: string;
  questions: string;
  challenge: string;
}

const emptyGroup = (): GroupTally => ({ ...emptySideTally(), consultations: 0, memberPreparation: [0, 0, 0, 0, 0], expertPreparation: [0, 0, 0, 0, 0] });

const addCounts = (into: number[], from: readonly number[]) => {
  for (let i = 0; i < from.length; i++) into[i]! += from[i]!;
};

/** One side's evaluations of one consultation into a group. */
function addSide(into: GroupTally, side: "member" | "expert", tally: SideTally): void {
  addSideTally(into, tally);
  addCounts(side === "member" ? into.memberPreparation : into.expertPreparation, tally.preparation);
}

function addGroup(into: GroupTally, from: GroupTally): void {
  addSideTally(into, from);
  into.consultations += from.consultations;
  addCounts(into.memberPreparation, from.memberPreparation);
  addCounts(into.expertPreparation, from.expertPreparation);
}

export function buildOutcomes(sessions: readonly TalliedConsultation[], minGroupSize: number): OutcomesReport {
  // First into cells (a few hundred at most), then the cells into each breakdown: far fewer
  // additions than adding every consultation into all six.
  const cells = new Map<string, Cell>();
  const bySide = new Map<string, GroupTally>();
  for (const { consultation: c, tally } of sessions) {
    if (tally.member.evaluations + tally.expert.evaluations === 0) continue;
    const duration = bandOf(DURATION_BANDS, c.durationMinutes);
    const questions = bandOf(QUESTION_BANDS, c.briefQuestionCount);
    const challenge = bandOf(CHALLENGE_LENGTH_BANDS, c.briefChallengeLength);
    const cellKey = JSON.stringify([c.theme, c.expertCountry, duration, questions, challenge]);
    let cell = cells.get(cellKey);
    if (!cell) cells.set(cellKey, (cell = { ...emptyGroup(), theme: c.theme, country: c.expertCountry, duration, questions, challenge }));
    addSide(cell, "member", tally.member);
    addSide(cell, "expert", tally.expert);
    // Each consultation falls in one group of every consultation-level breakdown, so it counts once there.
    cell.consultations++;
    for (const side of ["member", "expert"] as const) {
      if (tally[side].evaluations === 0) continue;
      let group = bySide.get(side);
      if (!group) bySide.set(side, (group = emptyGroup()));
      addSide(group, side, tally[side]);
      group.consultations++;
    }
  }
  const overall = emptyGroup();
  const byCell = (keyOf: (cell: Cell) => string) => {
    const groups = new Map<string, GroupTally>();
    for (const cell of cells.values()) {
      const key = keyOf(cell);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = emptyGroup()));
      addGroup(group, cell);
    }
    return groups;
  };
  for (const cell of cells.values()) addGroup(overall, cell);
  const by = (groups: Map<string, GroupTally>, order?: readonly string[]) => breakdown(groups, minGroupSize, order);
  return {
    overall: summariseGroup("all", overall, minGroupSize),
    bySide: by(bySide, ["member", "expert"]),
    byTheme: by(byCell((cell) => cell.theme)),
    byExpertCountry: by(byCell((cell) => cell.country)),
    byDuration: by(byCell((cell) => cell.duration), bandOrder(DURATION_BANDS)),
    byQuestionCount: by(byCell((cell) => cell.questions), bandOrder(QUESTION_BANDS)),
    byChallengeLength: by(byCell((cell) => cell.challenge), bandOrder(CHALLENGE_LENGTH_BANDS)),
  };
}

/** Groups in `order` when given, else by key; only keys that have evaluations appear. */
function breakdown(groups: ReadonlyMap<string, GroupTally>, minGroupSize: number, order?: readonly string[]): OutcomeGroup[] {
  const keys = [...groups.keys()].sort(
    order ? (a, b) => order.indexOf(a) - order.indexOf(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const size = (key: string) => groups.get(key)?.evaluations ?? 0;

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

  return keys.map((key) => (withheld.has(key) ? { key, suppressed: true } : summariseGroup(key, groups.get(key)!, minGroupSize)));
}

function summariseGroup(key: string, group: GroupTally, minGroupSize: number): OutcomeGroup {
  if (group.evaluations < minGroupSize) return { key, suppressed: true };
  return {
    key,
    suppressed: false,
    consultations: group.consultations,
    evaluations: group.evaluations,
    usefulness: summariseScores(group.usefulness),
    preparation: summariseScores(group.preparation),
    ...sidePreparation(group.memberPreparation, group.expertPreparation, minGroupSize),
    technicalQuality: summariseScores(group.technicalQuality),
    wouldRecommendShare: ratio(group.wouldRecommend, group.evaluations) ?? 0,
  };
}

/**
 * The members' "did the expert answer our questions" and the experts' "did the brief prepare you"
 * apart. Both are withheld when either side has answers but fewer than minGroupSize: the combined
 * figure minus the other side's would give the small side's answers back. A side without answers is null.
 */
export function sidePreparation(
  member: readonly number[],
  expert: readonly number[],
  minGroupSize: number,
): { questionsAnswered: ScoreSummary | null; briefPreparation: ScoreSummary | null } {
  const n = (counts: readonly number[]) => counts.reduce((sum, c) => sum + c, 0);
  const small = (counts: readonly number[]) => n(counts) > 0 && n(counts) < minGroupSize;
  if (small(member) || small(expert)) return { questionsAnswered: null, briefPreparation: null };
  return {
    questionsAnswered: n(member) === 0 ? null : summariseScores(member),
    briefPreparation: n(expert) === 0 ? null : summariseScores(expert),
  };
}

// Only called with at least minGroupSize (>= 1) scores, so the statistics exist.
function summariseScores(counts: readonly number[]): ScoreSummary {
  let n = 0;
  for (const count of counts) n += count;
  return { mean: roundTo(histogramMean(counts) ?? 0, 2), median: histogramQuantile(counts, 0.5) ?? 0, n };
}
