import type { Deps } from "../deps.js";
import { recentEvaluationsQuery, type RecentEvaluation } from "./recent-evaluations.repo.js";

export type { RecentEvaluation };

/** The latest evaluations for the coordinator's report page, as a compiled statement for its batch: figures and codes, never who wrote them. */
export const recentEvaluationsRead = (deps: Pick<Deps, "db">, limit = 20) => recentEvaluationsQuery(deps.db, limit).compile();
