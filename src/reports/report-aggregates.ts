import type { ConsultationRecord, ConsultationStatus } from "./concept-model.types.js";
import { addSideTally, emptySideTally, type ConsultationTally, type SideTally } from "./evaluation-tally.js";
import { bandOf, CHALLENGE_LENGTH_BANDS, DURATION_BANDS, NO_PROGRAMME, QUESTION_BANDS } from "./report-bands.js";
import { countValue, quantileAtRanks, roundTo, sortedNumbers, type ValueCounts } from "./stats.js";

/**
 * What the concept report is computed from: small sums, never one row per consultation or
 * evaluation. The database gives them grouped (reports.repo.ts over report_consultations), and
 * aggregateRecords gives the same from plain records, so that the model is one function of them
 * (concept-model.ts) and tests can check the two sources figure for figure.
 */
export interface ReportAggregates {
  /** Consultations counted by what the funnel, no-shows and funding need to know. */
  statuses: StatusCount[];
  /** Distinct consultations named in followUpOf. */
  followUpOrigins: number;
  medianDaysRequestToConfirm: number | null;
  medianDaysConfirmToSession: number | null;
  /** Over sessions that took place (held or evaluated, no no-show). */
  sessions: {
    plannedMinutes: ValueCounts;
    /** The consultation's own figure, else the mean of its evaluations' figures. */
    actualMinutes: ValueCounts;
    memberEvaluations: number;
    /** Group members who could have evaluated: today's size of each session's group. */
    memberPossible: number;
    expertEvaluations: number;
  };
  /** Evaluations added up per group of every consultation-level breakdown. */
  groups: ReportGroup[];
}

export interface StatusCount {
  /** As of now (time turns confirmed into held, requested into expired). */
  status: ConsultationStatus;
  requested: boolean;
  confirmed: boolean;
  noShow: boolean;
  fundingSource: string | null;
  consultations: number;
  /** Of these, consultations that are a follow-up of another. */
  followUps: number;
}

/** The consultation-level breakdowns; every consultation with evaluations is in one group of each. */
export const DIMENSIONS = ["theme", "country", "programme", "duration", "questions", "challenge"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** One group of a breakdown (programmes by id, "none" for none), with its consultations' evaluations added up. */
export interface ReportGroup {
  dimension: Dimension;
  key: string;
  /** Consultations with evaluations; with a member's, with the expert's. */
  consultations: number;
  memberConsultations: number;
  expertConsultations: number;
  member: SideTally;
  expert: SideTally;
}

const DAY_MS = 86_400_000;
const HELD_OR_LATER: ReadonlySet<ConsultationStatus> = new Set(["held", "evaluated"]);
export const wasHeld = (status: ConsultationStatus) => HELD_OR_LATER.has(status);

/** The median of values given in ascending order by the value at each rank, in days to 2 decimals. */
export function medianDaysOf(n: number, msAtRank: (rank: number) => number): number | null {
  const value = quantileAtRanks(n, 0.5, (rank) => msAtRank(rank) / DAY_MS);
  return value === null ? null : roundTo(value, 2);
}

function medianDays(msDifferences: Float64Array): number | null {
  const sorted = sortedNumbers(msDifferences);
  return medianDaysOf(sorted.length, (rank) => sorted[rank]!);
}

function newGroup(dimension: Dimension, key: string): ReportGroup {
  return { dimension, key, consultations: 0, memberConsultations: 0, expertConsultations: 0, member: emptySideTally(), expert: emptySideTally() };
}

/**
 * The aggregates of plain records, as the report has always read them: every record counts in
 * the funnel and the sessions, however many share an id; evaluations count once per id, with the
 * last record of that id. Pure.
 */
export function aggregateRecords(consultations: readonly ConsultationRecord[], tallies: readonly ConsultationTally[]): ReportAggregates {
  // One entry per id, holding the last record with that id and the id's tallies added up.
  const byId = new Map<string, { consultation: ConsultationRecord; tally: ConsultationTally | null }>();
  for (const consultation of consultations) {
    const entry = byId.get(consultation.id);
    if (entry) entry.consultation = consultation;
    else byId.set(consultation.id, { consultation, tally: null });
  }
  for (const tally of tallies) {
    // Evaluations of consultations not in the input are left out everywhere.
    const entry = byId.get(tally.consultationId);
    if (!entry) continue;
    if (!entry.tally) entry.tally = tally;
    else {
      const merged: ConsultationTally = { consultationId: tally.consultationId, member: emptySideTally(), expert: emptySideTally(), reportedMinutesSum: 0, reportedMinutesCount: 0 };
      for (const t of [entry.tally, tally]) {
        addSideTally(merged.member, t.member);
        addSideTally(merged.expert, t.expert);
        merged.reportedMinutesSum += t.reportedMinutesSum;
        merged.reportedMinutesCount += t.reportedMinutesCount;
      }
      entry.tally = merged;
    }
  }
  const tallyOf = (id: string) => byId.get(id)?.tally ?? null;

  const statuses = new Map<string, StatusCount>();
  const toConfirm: number[] = [];
  const toSession: number[] = [];
  const plannedMinutes = new Map<number, number>();
  const actualMinutes = new Map<number, number>();
  const counted = new Set<ConsultationTally>();
  let memberPossible = 0;
  const origins = new Set<string>();
  for (const c of consultations) {
    const key = JSON.stringify([c.status, c.requestedAt !== null, c.confirmedAt !== null, c.noShow, c.fundingSource]);
    let row = statuses.get(key);
    if (!row) {
      statuses.set(key, (row = { status: c.status, requested: c.requestedAt !== null, confirmed: c.confirmedAt !== null, noShow: c.noShow, fundingSource: c.fundingSource, consultations: 0, followUps: 0 }));
    }
    row.consultations++;
    if (c.followUpOf !== null) {
      row.followUps++;
      origins.add(c.followUpOf);
    }
    if (c.confirmedAt !== null) {
      // Unreadable timestamps give NaN and are left out rather than producing NaN.
      const confirmedAt = Date.parse(c.confirmedAt);
      if (c.requestedAt !== null) {
        const elapsed = confirmedAt - Date.parse(c.requestedAt);
        if (Number.isFinite(elapsed)) toConfirm.push(elapsed);
      }
      if (c.sessionStart !== null) {
        const elapsed = Date.parse(c.sessionStart) - confirmedAt;
        if (Number.isFinite(elapsed)) toSession.push(elapsed);
      }
    }
    if (!wasHeld(c.status) || c.noShow) continue;
    countValue(plannedMinutes, c.durationMinutes);
    const tally = tallyOf(c.id);
    let minutes = c.actualMinutes;
    // The mean of the figures its evaluations gave, if any gave one.
    if (minutes === null && tally && tally.reportedMinutesCount > 0) minutes = tally.reportedMinutesSum / tally.reportedMinutesCount;
    if (minutes !== null) countValue(actualMinutes, minutes);
    memberPossible += c.memberCount;
    // Each session's evaluations once, however many records share its id.
    if (tally) counted.add(tally);
  }
  let memberEvaluations = 0;
  let expertEvaluations = 0;
  for (const tally of counted) {
    memberEvaluations += tally.member.evaluations;
    expertEvaluations += tally.expert.evaluations;
  }

  const groups = new Map<string, ReportGroup>();
  for (const { consultation: c, tally } of byId.values()) {
    if (!tally || tally.member.evaluations + tally.expert.evaluations === 0) continue;
    const keys: Record<Dimension, string> = {
      theme: c.theme,
      country: c.expertCountry,
      programme: c.programmeId ?? NO_PROGRAMME,
      duration: bandOf(DURATION_BANDS, c.durationMinutes),
      questions: bandOf(QUESTION_BANDS, c.briefQuestionCount),
      challenge: bandOf(CHALLENGE_LENGTH_BANDS, c.briefChallengeLength),
    };
    for (const dimension of DIMENSIONS) {
      const id = JSON.stringify([dimension, keys[dimension]]);
      let group = groups.get(id);
      if (!group) groups.set(id, (group = newGroup(dimension, keys[dimension])));
      group.consultations++;
      if (tally.member.evaluations > 0) group.memberConsultations++;
      if (tally.expert.evaluations > 0) group.expertConsultations++;
      addSideTally(group.member, tally.member);
      addSideTally(group.expert, tally.expert);
    }
  }

  return {
    statuses: [...statuses.values()],
    followUpOrigins: origins.size,
    medianDaysRequestToConfirm: medianDays(Float64Array.from(toConfirm)),
    medianDaysConfirmToSession: medianDays(Float64Array.from(toSession)),
    sessions: { plannedMinutes, actualMinutes, memberEvaluations, memberPossible, expertEvaluations },
    groups: [...groups.values()],
  };
}
