import type { ConsultationStatus } from "../db/schema.js";
import type { ConsultationTally } from "./evaluation-tally.js";
import type { Distribution } from "./stats.js";

export type { ConsultationStatus } from "../db/schema.js";
export type { Distribution } from "./stats.js";
export type { ConsultationTally, SideTally } from "./evaluation-tally.js";

export interface ConsultationRecord {
  id: string;
  status: ConsultationStatus;
  theme: string;
  expertCountry: string;
  /** The programme the consultation belongs to (issue 11), null when none. */
  programmeId: string | null;
  durationMinutes: number;
  actualMinutes: number | null;
  noShow: boolean;
  requestedAt: string | null;
  confirmedAt: string | null;
  sessionStart: string | null;
  briefQuestionCount: number;
  briefChallengeLength: number;
  memberCount: number;
  followUpOf: string | null;
  fundingSource: string | null;
}

export type Score = 1 | 2 | 3 | 4 | 5;
export type EvaluationSide = "member" | "expert";
export type DurationFit = "too_short" | "right" | "too_long";

export interface EvaluationRecord {
  consultationId: string;
  side: EvaluationSide;
  usefulness: Score;
  preparation: Score;
  technicalQuality: Score;
  durationFit: DurationFit;
  actualMinutes: number | null;
  wouldRecommend: boolean;
  followUpInterest: boolean;
}

export interface ConceptReportInput {
  consultations: readonly ConsultationRecord[];
  evaluations: readonly EvaluationRecord[];
  /** Answer figures drawn from fewer evaluations than this are withheld. Default 3. */
  minGroupSize?: number;
}

/** ConceptReportInput with the evaluations tallied per consultation (evaluation-tally.ts). */
export interface ConceptTallyInput {
  consultations: readonly ConsultationRecord[];
  tallies: readonly ConsultationTally[];
  /** Answer figures drawn from fewer evaluations than this are withheld. Default 3. */
  minGroupSize?: number;
}

/** null wherever the denominator is zero. Shares are fractions (0.667), 3 decimals. */
export type Rate = number | null;

/** Withheld: no counts at all, not even how few, so a small group cannot be singled out. */
export interface Suppressed {
  suppressed: true;
}

export type Suppressible<T> = ({ suppressed: false } & T) | Suppressed;

export interface FunnelReport {
  requested: number;
  confirmed: number;
  held: number;
  evaluated: number;
  declined: number;
  expired: number;
  cancelled: number;
  /** confirmed / requested, held / confirmed, evaluated / held. */
  stepRates: { confirmed: Rate; held: Rate; evaluated: Rate };
  /** confirmed, held and evaluated each / requested. */
  ratesOfRequested: { confirmed: Rate; held: Rate; evaluated: Rate };
  /** 2 decimals. */
  medianDaysRequestToConfirm: number | null;
  medianDaysConfirmToSession: number | null;
}

export interface CountShare {
  count: number;
  share: number;
}

export interface SessionsReport {
  /** Held or evaluated, no-shows excluded. */
  count: number;
  noShows: number;
  plannedMinutes: Distribution;
  /** The consultation's own figure, else the mean of its evaluations' figures. */
  actualMinutes: Distribution;
  /** Of sessions with an actual length, the share that lasted 30–45 minutes (inclusive). */
  shareWithin30to45: Rate;
  durationFit: Suppressible<{ evaluations: number; tooShort: CountShare; right: CountShare; tooLong: CountShare }>;
}

export interface ScoreSummary {
  /** 2 decimals. */
  mean: number;
  median: number;
  n: number;
}

export type OutcomeGroup =
  | { key: string; suppressed: true }
  | {
      key: string;
      suppressed: false;
      /** Distinct consultations behind these evaluations. */
      consultations: number;
      evaluations: number;
      usefulness: ScoreSummary;
      /**
       * @deprecated Both sides' preparation answers averaged together, though the two sides are
       * asked different questions; use questionsAnswered and briefPreparation. Kept for API clients.
       */
      preparation: ScoreSummary;
      /** Members: "How well did the expert answer our questions?"; null when withheld or unanswered. */
      questionsAnswered: ScoreSummary | null;
      /** Experts: "How well did the brief prepare you?"; null when withheld or unanswered. */
      briefPreparation: ScoreSummary | null;
      technicalQuality: ScoreSummary;
      wouldRecommendShare: number;
    };

export interface OutcomesReport {
  overall: OutcomeGroup;
  /** "member", "expert". */
  bySide: OutcomeGroup[];
  byTheme: OutcomeGroup[];
  byExpertCountry: OutcomeGroup[];
  /** By programme id; consultations without a programme under "none". */
  byProgramme: OutcomeGroup[];
  /** Planned minutes: "30-34", "35-39", "40-45", "other". */
  byDuration: OutcomeGroup[];
  /** Brief questions: "1-2", "3-4", "5-7", "other". */
  byQuestionCount: OutcomeGroup[];
  /** Brief challenge text in characters: "<500", "500-999", "1000-2000", "other". */
  byChallengeLength: OutcomeGroup[];
}

export interface ResponseRate {
  received: number;
  possible: number;
  share: Rate;
}

export interface FollowUpsReport {
  /** Consultations whose followUpOf is set. */
  followUpsCreated: number;
  /** Distinct consultations named in followUpOf. */
  consultationsThatLedToFollowUp: number;
  interest: Suppressible<{ evaluations: number; interestCount: number; interestShare: number }>;
}

export interface ConceptReport {
  minGroupSize: number;
  funnel: FunnelReport;
  sessions: SessionsReport;
  outcomes: OutcomesReport;
  responseRates: { member: ResponseRate; expert: ResponseRate };
  followUps: FollowUpsReport;
  /** Most frequent first; a missing source is "unspecified". */
  funding: Array<{ source: string; consultations: number }>;
}
