import type { Generated } from "kysely";

/**
 * A consultation and what belongs to it: the group's topic and brief, the proposed times, the
 * expert's link, the meeting, the lifecycle's events, the evaluations. Only
 * src/consultations/transition-writes.ts writes `consultations`.
 */
export interface TopicsTable {
  id: string;
  groupId: string;
  title: string;
  /** A theme key (see ThemesTable.key). */
  theme: string;
  description: string;
  createdAt: string;
  /** 0007_personal_data: the member who wrote it (null when unknown or erased). */
  createdBy: string | null;
}

export interface BriefsTable {
  id: string;
  topicId: string;
  groupId: string;
  challenge: string;
  language: string;
  createdAt: string;
  /** 0007_personal_data */
  createdBy: string | null;
  /** 0007_personal_data: the challenge's length once its text has been removed; null while the text is there. */
  challengeLength: number | null;
}

export interface BriefQuestionsTable {
  briefId: string;
  position: number;
  text: string;
}

export type ConsultationStatus =
  | "draft"
  | "requested"
  | "confirmed"
  | "held"
  | "evaluated"
  | "declined"
  | "cancelled"
  | "expired";

export interface ConsultationsTable {
  id: string;
  groupId: string;
  topicId: string;
  briefId: string;
  expertId: string;
  createdBy: string | null;
  durationMinutes: number;
  status: ConsultationStatus;
  slotRound: Generated<number>;
  confirmedSlotId: string | null;
  requestedAt: string | null;
  confirmedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  changeId: string;
  createdAt: string;
  updatedAt: string;
  /** 0002_evaluations */
  noShow: Generated<number>;
  actualStart: string | null;
  actualMinutes: number | null;
  evaluationClosedAt: string | null;
  followUpOf: string | null;
  fundingSource: string | null;
  /** 0005_lifecycle_events: the state the last transition started from. */
  previousStatus: string | null;
  /** 0013: who proposed the current round of times: the group, or the expert (a counter-proposal). */
  slotsProposedBy: Generated<"group" | "expert">;
  /** 0013: the group's own meeting link, used until a tenant's meeting has a join link. */
  ownMeetingUrl: string | null;
}

export interface ProposedSlotsTable {
  id: string;
  consultationId: string;
  round: number;
  start: string;
  end: string;
}

export interface ExpertLinksTable {
  id: string;
  consultationId: string;
  secretHash: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** 0011_mail: the secret sealed for the mail that carries the link. */
  secretSealed: string | null;
}

export interface MeetingsTable {
  consultationId: string;
  provider: "ics" | "graph";
  externalId: string;
  iCalUId: string;
  joinUrl: string | null;
  start: string;
  end: string;
  sequence: Generated<number>;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** 0005_lifecycle_events: one row per transition. */
export interface ConsultationEventsTable {
  id: Generated<number>;
  consultationId: string;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actorType: string;
  at: string;
  payload: string;
  changeId: string;
}

/** 0015_themes: which programme a consultation belongs to, kept beside it. */
export interface ConsultationProgrammesTable {
  consultationId: string;
  programmeId: string;
  setAt: string;
}

/** 0007_personal_data: consultations whose people and texts have been removed. */
export interface AnonymisedConsultationsTable {
  consultationId: string;
  anonymisedAt: string;
}

/** 0013: a page form's one-time key and what it created, so a resubmission creates nothing twice. */
export interface FormSubmissionsTable {
  formKey: string;
  groupId: string;
  resultId: string;
  createdAt: string;
}

/** One per person and consultation; authorId is a member's or the expert's id (never shown). */
export interface EvaluationsTable {
  id: string;
  consultationId: string;
  side: "member" | "expert";
  authorId: string;
  usefulness: number;
  preparation: number;
  technicalQuality: number;
  durationFit: "too_short" | "right" | "too_long";
  actualMinutes: number | null;
  wouldRecommend: number;
  followUpInterest: number;
  followUpTopic: string | null;
  learnings: string | null;
  improvements: string | null;
  submittedAt: string;
  updatedAt: string;
}
