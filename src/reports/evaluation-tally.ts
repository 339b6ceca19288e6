import type { DurationFit, EvaluationRecord, EvaluationSide } from "./concept-model.types.js";

/**
 * What one side's evaluations of one consultation add up to: counts per answer, never the answers
 * one by one. Every figure the report gives about evaluations (means and medians of 1–5 scores,
 * shares, n) follows exactly from these counts, so the report need not hold or sort 400,000
 * evaluations; the database can count them instead (reports.repo.ts).
 */
export interface SideTally {
  evaluations: number;
  /** Counts per score: [0] is how many answered 1, [4] how many answered 5. */
  usefulness: number[];
  preparation: number[];
  technicalQuality: number[];
  /** Counts per answer, in DURATION_FITS order: too_short, right, too_long. */
  durationFit: number[];
  wouldRecommend: number;
  followUpInterest: number;
}

/** A consultation's evaluations, tallied per side. */
export interface ConsultationTally {
  consultationId: string;
  member: SideTally;
  expert: SideTally;
  /** Sum and number of the actualMinutes figures evaluations gave (those left blank are not counted). */
  reportedMinutesSum: number;
  reportedMinutesCount: number;
}

export const DURATION_FITS: readonly DurationFit[] = ["too_short", "right", "too_long"];

export function emptySideTally(): SideTally {
  return {
    evaluations: 0,
    usefulness: [0, 0, 0, 0, 0],
    preparation: [0, 0, 0, 0, 0],
    technicalQuality: [0, 0, 0, 0, 0],
    durationFit: [0, 0, 0],
    wouldRecommend: 0,
    followUpInterest: 0,
  };
}

export function emptyConsultationTally(consultationId: string): ConsultationTally {
  return { consultationId, member: emptySideTally(), expert: emptySideTally(), reportedMinutesSum: 0, reportedMinutesCount: 0 };
}

/** Adds `from` into `into`. */
export function addSideTally(into: SideTally, from: SideTally): void {
  into.evaluations += from.evaluations;
  for (let i = 0; i < 5; i++) {
    into.usefulness[i]! += from.usefulness[i]!;
    into.preparation[i]! += from.preparation[i]!;
    into.technicalQuality[i]! += from.technicalQuality[i]!;
  }
  for (let i = 0; i < 3; i++) into.durationFit[i]! += from.durationFit[i]!;
  into.wouldRecommend += from.wouldRecommend;
  into.followUpInterest += from.followUpInterest;
}

/** Adds `from` into `into`, both about the same consultation. */
export function addConsultationTally(into: ConsultationTally, from: ConsultationTally): void {
  addSideTally(into.member, from.member);
  addSideTally(into.expert, from.expert);
  into.reportedMinutesSum += from.reportedMinutesSum;
  into.reportedMinutesCount += from.reportedMinutesCount;
}

/** Counts one evaluation's answers (scores 1–5) into its side's tally. */
export function countAnswers(
  tally: ConsultationTally,
  side: EvaluationSide,
  answers: { usefulness: number; preparation: number; technicalQuality: number; durationFit: number; wouldRecommend: boolean; followUpInterest: boolean },
): void {
  const t = side === "member" ? tally.member : tally.expert;
  t.evaluations++;
  t.usefulness[answers.usefulness - 1]!++;
  t.preparation[answers.preparation - 1]!++;
  t.technicalQuality[answers.technicalQuality - 1]!++;
  t.durationFit[answers.durationFit]!++;
  if (answers.wouldRecommend) t.wouldRecommend++;
  if (answers.followUpInterest) t.followUpInterest++;
}

/** Plain evaluation records tallied per consultation, in order of first appearance. Pure. */
export function tallyEvaluations(evaluations: readonly EvaluationRecord[]): ConsultationTally[] {
  const tallies = new Map<string, ConsultationTally>();
  for (const e of evaluations) {
    let tally = tallies.get(e.consultationId);
    if (!tally) tallies.set(e.consultationId, (tally = emptyConsultationTally(e.consultationId)));
    countAnswers(tally, e.side, { ...e, durationFit: DURATION_FITS.indexOf(e.durationFit) });
    if (e.actualMinutes !== null) {
      tally.reportedMinutesSum += e.actualMinutes;
      tally.reportedMinutesCount++;
    }
  }
  return [...tallies.values()];
}
