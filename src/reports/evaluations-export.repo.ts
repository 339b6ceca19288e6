import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { filteredIds, type ReportFilter } from "./reports.repo.js";

/** One row per evaluation for the CSV: ids, codes and figures, never a person's name or address. */
export async function loadEvaluationExport(db: Kysely<DB>, filter: ReportFilter) {
  let q = db
    .selectFrom("evaluations as ev")
    .innerJoin("consultations as c", "c.id", "ev.consultationId")
    .innerJoin("topics as t", "t.id", "c.topicId")
    .innerJoin("experts as e", "e.id", "c.expertId")
    .innerJoin("organisations as o", "o.id", "e.organisationId")
    .leftJoin("proposed_slots as cs", "cs.id", "c.confirmedSlotId")
    .select([
      "ev.id as evaluationId",
      "ev.consultationId",
      "c.followUpOf",
      "t.theme",
      "o.country as expertCountry",
      "c.durationMinutes as plannedMinutes",
      "cs.start as sessionStart",
      "c.noShow",
      "c.actualMinutes as recordedMinutes",
      "c.fundingSource",
      "ev.side",
      "ev.usefulness",
      "ev.preparation",
      "ev.technicalQuality",
      "ev.durationFit",
      "ev.actualMinutes",
      "ev.wouldRecommend",
      "ev.followUpInterest",
      "ev.followUpTopic",
      "ev.learnings",
      "ev.improvements",
      "ev.submittedAt",
      "ev.updatedAt",
    ]);
  const ids = filteredIds(db, filter);
  if (ids) q = q.where("ev.consultationId", "in", ids);
  return q.orderBy("ev.submittedAt").orderBy("ev.id").execute();
}

export type EvaluationExportRow = Awaited<ReturnType<typeof loadEvaluationExport>>[number];
