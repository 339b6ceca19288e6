import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** The latest evaluations for the coordinator's table, as a query to batch with a page's other reads: figures and codes, never who wrote them. */
export function recentEvaluationsQuery(db: Kysely<DB>, limit = 20) {
  return db
    .selectFrom("evaluations as ev")
    .innerJoin("consultations as c", "c.id", "ev.consultationId")
    .innerJoin("topics as t", "t.id", "c.topicId")
    .innerJoin("experts as e", "e.id", "c.expertId")
    .innerJoin("organisations as o", "o.id", "e.organisationId")
    .select([
      "ev.id",
      "ev.side",
      "ev.updatedAt",
      "t.theme",
      "o.country",
      "ev.usefulness",
      "ev.preparation",
      "ev.technicalQuality",
      "ev.durationFit",
      "ev.wouldRecommend",
      "ev.followUpInterest",
    ])
    .orderBy("ev.updatedAt", "desc")
    .orderBy("ev.id")
    .limit(limit);
}

export type RecentEvaluation = Awaited<ReturnType<ReturnType<typeof recentEvaluationsQuery>["execute"]>>[number];
