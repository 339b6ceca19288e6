import type { Deps } from "../deps.js";
import { auditTrail } from "../audit/audit.repo.js";
import { findConsultationFacts } from "../evaluations/consultation-facts.repo.js";
import { recordView } from "../evaluations/evaluations-view.service.js";
import type { ConsultationRecordView } from "../evaluations/consultation-outcome.schemas.js";
import { findBrief } from "../topics/topics.repo.js";
import { consultationThemes, findConsultation, searchConsultations, type ConsultationSearch } from "./consultations.repo.js";
import type { Consultation } from "./consultations.schemas.js";
import { allowedActions, type Action } from "./transitions.js";

type ViewDeps = Pick<Deps, "db" | "clock">;

export type { ConsultationSearch };

/** Every consultation as the coordinator filters them, one page at a time. */
export const coordinatorConsultations = (deps: ViewDeps, search: ConsultationSearch) => searchConsultations(deps.db, search, deps.clock.now());

export const themesInUse = (deps: Pick<Deps, "db">) => consultationThemes(deps.db);

export interface CoordinatorConsultation {
  consultation: Consultation;
  brief: { challenge: string; questions: string[]; language: string };
  history: { at: string; actorType: string; action: string }[];
  record: ConsultationRecordView;
  /** From the lifecycle table: exactly what the API would accept from the coordinator now. */
  allowed: Action[];
}

/** One consultation with its brief, status history, recorded outcome and the coordinator's actions. */
export async function coordinatorConsultation(deps: ViewDeps, id: string): Promise<CoordinatorConsultation | undefined> {
  const now = deps.clock.now();
  const [consultation, facts] = await Promise.all([findConsultation(deps.db, id, null, now), findConsultationFacts(deps.db, id, null)]);
  if (!consultation || !facts) return undefined;
  const [brief, history] = await Promise.all([findBrief(deps.db, consultation.briefId), auditTrail(deps.db, "consultation", id)]);
  const record = recordView(facts, now);
  const allowed = allowedActions(
    { status: consultation.status, slots: consultation.slots, confirmedSlot: consultation.confirmedSlot, noShow: record.outcome.noShow, evaluationClosedAt: facts.evaluationClosedAt },
    "coordinator",
    now,
  );
  return { consultation, brief: brief!, history, record, allowed };
}
