import type { ConsultationRecord, EvaluationRecord } from "./concept-model.js";

/** Test records: an evaluated 45-minute consultation and an all-4s member evaluation unless overridden. */
export function consultation(id: string, overrides: Partial<ConsultationRecord> = {}): ConsultationRecord {
  return {
    id,
    status: "evaluated",
    theme: "child protection",
    expertCountry: "SE",
    programmeId: null,
    durationMinutes: 45,
    actualMinutes: null,
    noShow: false,
    requestedAt: null,
    confirmedAt: null,
    sessionStart: null,
    briefQuestionCount: 3,
    briefChallengeLength: 800,
    memberCount: 4,
    followUpOf: null,
    fundingSource: null,
    ...overrides,
  };
}

export function evaluation(consultationId: string, overrides: Partial<EvaluationRecord> = {}): EvaluationRecord {
  return {
    consultationId,
    side: "member",
    usefulness: 4,
    preparation: 4,
    technicalQuality: 4,
    durationFit: "right",
    actualMinutes: null,
    wouldRecommend: true,
    followUpInterest: false,
    ...overrides,
  };
}
