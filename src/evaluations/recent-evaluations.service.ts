import type { Deps } from "../deps.js";
import { recentEvaluations as latest, recentEvaluationsQuery, type RecentEvaluation } from "./recent-evaluations.repo.js";

export type { RecentEvaluation };

/** The latest evaluations for the coordinator's report page: figures and codes, never who wrote them. */
export const recentEvaluations = (deps: Pick<Deps, "db">, limit = 20): Promise<RecentEvaluation[]> => latest(deps.db, limit);

/** recentEvaluations as a compiled statement, for a page's batch (its rows are the list). */
export const recentEvaluationsRead = (deps: Pick<Deps, "db">, limit = 20) => recentEvaluationsQuery(deps.db, limit).compile();
