import type { Deps } from "../deps.js";
import { buildConceptReportFromTallies } from "./concept-model.js";
import { evaluationsCsv, type CsvWording } from "./evaluations-csv.js";
import { toReportFilter, type ReportQuery } from "./report-period.js";
import { loadEvaluationExport } from "./evaluations-export.repo.js";
import { conceptTalliesFromRows, conceptTallyQueries, loadConceptTallies } from "./reports.repo.js";
import type { RowsOf } from "../db/read-together.js";
import type { ConceptReportResponse } from "./reports.schemas.js";

type ReportDeps = Pick<Deps, "db" | "clock"> & Partial<Pick<Deps, "atomic">>;

/** The coordinator's concept model over the consultations the query selects: the endpoint's and the bench's path. */
export async function conceptReport(deps: ReportDeps, query: ReportQuery): Promise<ConceptReportResponse> {
  const now = deps.clock.now();
  const filter = toReportFilter(query);
  // Evaluations arrive tallied per consultation by the database: the same figures as from records.
  return reportOf(filter, now, await loadConceptTallies(deps.db, filter, now, deps.atomic));
}

/** conceptReport's statements, for a page that reads them in one batch with its own (conceptReportFromRows). */
export function conceptReportQueries(deps: Pick<Deps, "db">, query: ReportQuery) {
  return conceptTallyQueries(deps.db, toReportFilter(query));
}

export function conceptReportFromRows(query: ReportQuery, rows: RowsOf<ReturnType<typeof conceptReportQueries>>, now: Date): ConceptReportResponse {
  return reportOf(toReportFilter(query), now, conceptTalliesFromRows(rows, now));
}

function reportOf(filter: ReturnType<typeof toReportFilter>, now: Date, tallied: Parameters<typeof buildConceptReportFromTallies>[0]): ConceptReportResponse {
  return {
    generatedAt: now.toISOString(),
    filter: { from: filter.from ?? null, to: filter.to ?? null, theme: filter.theme ?? null, country: filter.country ?? null },
    ...buildConceptReportFromTallies(tallied),
  };
}

/** One CSV row per evaluation of the selected consultations, with a name for the download. */
export async function evaluationsExport(
  deps: ReportDeps,
  query: ReportQuery & { separator: "comma" | "semicolon" },
  wording?: CsvWording,
): Promise<{ filename: string; csv: string }> {
  const rows = await loadEvaluationExport(deps.db, toReportFilter(query));
  const day = deps.clock.now().toISOString().slice(0, 10);
  return { filename: `samrad-evaluations-${day}.csv`, csv: evaluationsCsv(rows, { separator: query.separator === "semicolon" ? ";" : ",", ...(wording ? { wording } : {}) }) };
}
