import type { Deps } from "../deps.js";
import { buildConceptReportFromAggregates, type OutcomeGroup } from "./concept-model.js";
import { NO_PROGRAMME } from "./outcomes.js";
import { evaluationsCsv, type CsvWording } from "./evaluations-csv.js";
import { toReportFilter, type ReportQuery } from "./report-period.js";
import { loadEvaluationExport } from "./evaluations-export.repo.js";
import { loadReportAggregates, reportAggregateQueries, reportAggregatesFromRows } from "./report-aggregates.repo.js";
import type { RowsOf } from "../db/read-together.js";
import type { ReportFilter } from "./reports.repo.js";
import type { ConceptReportResponse } from "./reports.schemas.js";

type ReportDeps = Pick<Deps, "db" | "clock"> & Partial<Pick<Deps, "atomic">>;

/** The coordinator's concept model over the consultations the query selects: the endpoint's and the bench's path. */
export async function conceptReport(deps: ReportDeps, query: ReportQuery): Promise<ConceptReportResponse> {
  const now = deps.clock.now();
  const filter = toReportFilter(query);
  // Grouped by the database from the report's own table: the same figures as from records.
  return reportOf(filter, now, await loadReportAggregates(deps.db, filter, now, deps.atomic)).report;
}

/** conceptReport's statements, for a page that reads them in one batch with its own (conceptReportFromRows). */
export function conceptReportQueries(deps: Pick<Deps, "db">, query: ReportQuery, now: Date) {
  return reportAggregateQueries(deps.db, toReportFilter(query), now);
}

/** The report, and every programme by name (the page's filter offers them all). */
export function conceptReportFromRows(query: ReportQuery, rows: RowsOf<ReturnType<typeof conceptReportQueries>>, now: Date) {
  return reportOf(toReportFilter(query), now, reportAggregatesFromRows(rows));
}

function reportOf(
  filter: ReportFilter,
  now: Date,
  { aggregates, programmeNames }: ReturnType<typeof reportAggregatesFromRows>,
): { report: ConceptReportResponse; programmes: { id: string; name: string }[] } {
  const report = buildConceptReportFromAggregates(aggregates);
  const programmes = [...programmeNames].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "fi"));
  return {
    report: {
      generatedAt: now.toISOString(),
      filter: { from: filter.from ?? null, to: filter.to ?? null, theme: filter.theme ?? null, country: filter.country ?? null, programme: filter.programme ?? null },
      ...report,
      outcomes: { ...report.outcomes, byProgramme: namedProgrammes(report.outcomes.byProgramme, programmeNames) },
    },
    programmes,
  };
}

/** Programme groups with their names, by name; the consultations in no programme last. */
function namedProgrammes(groups: readonly OutcomeGroup[], names: ReadonlyMap<string, string>) {
  const named = groups.map((g) => ({ ...g, name: g.key === NO_PROGRAMME ? null : (names.get(g.key) ?? g.key) }));
  return named.sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, "fi") || (a.key < b.key ? -1 : 1)));
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
