import type { OutcomeGroup, OutcomesReport, ScoreSummary } from "./concept-model.types.js";
import { addSideTally, emptySideTally, type SideTally } from "./evaluation-tally.js";
import { DIMENSIONS, type Dimension, type ReportGroup } from "./report-aggregates.js";
import { bandOrder, CHALLENGE_LENGTH_BANDS, DURATION_BANDS, QUESTION_BANDS } from "./report-bands.js";
import { histogramMean, histogramQuantile, ratio, roundTo } from "./stats.js";

/** Evaluations added up for one group of a breakdown. */
interface GroupTally extends SideTally {
  /** Distinct consultations behind the evaluations. */
  consultations: number;
  /** The preparation question apart per side: the two sides are asked different things. */
  memberPreparation: number[];
  expertPreparation: number[];
}

const emptyGroup = (): GroupTally => ({ ...emptySideTally(), consultations: 0, memberPreparation: [0, 0, 0, 0, 0], expertPreparation: [0, 0, 0, 0, 0] });

const addCounts = (into: number[], from: readonly number[]) => {
  for (let i = 0; i < from.length; i++) into[i]! += from[i]!;
};

/** One side's evaluations into a group. */
function addSide(into: GroupTally, side: "member" | "expert", tally: SideTally): void {
  addSideTally(into, tally);
  addCounts(side === "member" ? into.memberPreparation : into.expertPreparation, tally.preparation);
}

export { NO_PROGRAMME } from "./report-bands.js";

/**
 * The outcome breakdowns from their groups (report-aggregates.ts). Every consultation with
 * evaluations is in exactly one theme group, so those add up to the overall figures and the sides.
 */
export function buildOutcomes(groups: readonly ReportGroup[], minGroupSize: number): OutcomesReport {
  const bySide = new Map<string, GroupTally>();
  const overall = emptyGroup();
  const breakdowns = new Map<Dimension, Map<string, GroupTally>>(DIMENSIONS.map((d) => [d, new Map()]));
  for (const g of groups) {
    const group = emptyGroup();
    addSide(group, "member", g.member);
    addSide(group, "expert", g.expert);
    group.consultations = g.consultations;
    breakdowns.get(g.dimension)!.set(g.key, group);
    if (g.dimension !== "theme") continue;
    addSide(overall, "member", g.member);
    addSide(overall, "expert", g.expert);
    overall.consultations += g.consultations;
    for (const side of ["member", "expert"] as const) {
      if (g[side].evaluations === 0) continue;
      let sideGroup = bySide.get(side);
      if (!sideGroup) bySide.set(side, (sideGroup = emptyGroup()));
      addSide(sideGroup, side, g[side]);
      sideGroup.consultations += side === "member" ? g.memberConsultations : g.expertConsultations;
    }
  }
  const by = (dimension: Dimension, order?: readonly string[]) => breakdown(breakdowns.get(dimension)!, minGroupSize, order);
  return {
    overall: summariseGroup("all", overall, minGroupSize),
    bySide: breakdown(bySide, minGroupSize, ["member", "expert"]),
    byTheme: by("theme"),
    byExpertCountry: by("country"),
    byProgramme: by("programme"),
    byDuration: by("duration", bandOrder(DURATION_BANDS)),
    byQuestionCount: by("questions", bandOrder(QUESTION_BANDS)),
    byChallengeLength: by("challenge", bandOrder(CHALLENGE_LENGTH_BANDS)),
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
