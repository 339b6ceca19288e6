import type { Deps } from "../deps.js";
import { auditTrailQuery } from "../audit/audit.repo.js";
import { readTogether } from "../db/read-together.js";
import { consultationFactsOfQuery, type ConsultationFacts } from "../evaluations/consultation-facts.repo.js";
import { allGroupsQuery, groupNameOfConsultationQuery } from "../groups/groups.repo.js";
import { allProgrammesQuery, programmeOfQuery } from "../programmes/programmes.repo.js";
import type { Programme } from "../programmes/programmes.schemas.js";
import { recordView } from "../evaluations/evaluations-view.service.js";
import type { ConsultationRecordView } from "../evaluations/consultation-outcome.schemas.js";
import { briefOf, briefQuery } from "../topics/topics.repo.js";
import {
  consultationFromRow,
  consultationQuery,
  consultationThemesQuery,
  searchConsultationsQueries,
  searchResultFromRows,
  type ConsultationSearch,
} from "./consultations.repo.js";
import type { Consultation } from "./consultations.schemas.js";
import { allowedActions, type Action } from "./transitions.js";
import { allThemesQuery } from "../themes/themes.repo.js";
import type { Theme } from "../themes/themes.schemas.js";

type ViewDeps = Pick<Deps, "db" | "clock">;

export type { ConsultationSearch };

/** The workplace's list page: one page of consultations, the total, and the filter's choices (groups, themes), in one round trip. */
export async function coordinatorConsultationsPage(deps: ViewDeps & Pick<Deps, "atomic">, search: ConsultationSearch) {
  const [rowsQ, countQ] = searchConsultationsQueries(deps.db, search);
  const [rows, count, groups, themes, themeList] = await readTogether(deps, [
    rowsQ,
    countQ,
    allGroupsQuery(deps.db),
    consultationThemesQuery(deps.db),
    allThemesQuery(deps.db),
  ]);
  // themeList: the managed list, so that the page names each stored theme in its language.
  return { ...searchResultFromRows(rows, count, deps.clock.now()), groups, themes: themes.map((r) => r.theme), themeList };
}

export interface CoordinatorConsultation {
  consultation: Consultation;
  brief: { challenge: string; questions: string[]; language: string };
  history: { at: string; actorType: string; action: string }[];
  record: ConsultationRecordView;
  /** From the lifecycle table: exactly what the API would accept from the coordinator now. */
  allowed: Action[];
}

export interface CoordinatorConsultationPage extends CoordinatorConsultation {
  groupName: string;
  programmes: Programme[];
  /** The programme it belongs to, or null. */
  programmeId: string | null;
  /** The managed list of themes, to name the topic's theme in the page's language. */
  themeList: Theme[];
}

/**
 * The workplace's consultation page: the consultation with its brief, status history, recorded
 * outcome and the coordinator's actions, its group's name and the programme choice, all in one
 * round trip (the brief and the group by subqueries on the consultation).
 */
export async function coordinatorConsultationPage(deps: ViewDeps & Pick<Deps, "atomic">, id: string): Promise<CoordinatorConsultationPage | undefined> {
  const now = deps.clock.now();
  const briefOfConsultation = deps.db.selectFrom("consultations").select("briefId").where("id", "=", id).$asScalar();
  const [[row], [facts], [briefRow], history, [group], programmes, [programme], themeList] = await readTogether(deps, [
    consultationQuery(deps.db, id),
    consultationFactsOfQuery(deps.db, id, null),
    briefQuery(deps.db, briefOfConsultation).compile(),
    auditTrailQuery(deps.db, "consultation", id).compile(),
    groupNameOfConsultationQuery(deps.db, id),
    allProgrammesQuery(deps.db),
    programmeOfQuery(deps.db, id),
    allThemesQuery(deps.db),
  ]);
  if (!row || !facts || !briefRow) return undefined;
  const view = assemble(consultationFromRow(row, now), facts, briefOf(briefRow), history, now);
  return { ...view, groupName: group?.name ?? "", programmes, programmeId: programme?.programmeId ?? null, themeList };
}

/** One consultation with its brief, status history, recorded outcome and the coordinator's actions. */
function assemble(
  consultation: Consultation,
  facts: ConsultationFacts,
  brief: CoordinatorConsultation["brief"],
  history: CoordinatorConsultation["history"],
  now: Date,
): CoordinatorConsultation {
  const record = recordView(facts, now);
  const allowed = allowedActions(
    { status: consultation.status, slots: consultation.slots, confirmedSlot: consultation.confirmedSlot, noShow: record.outcome.noShow, evaluationClosedAt: facts.evaluationClosedAt },
    "coordinator",
    now,
  );
  return { consultation, brief, history, record, allowed };
}
