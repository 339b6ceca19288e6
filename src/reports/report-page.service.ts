import { feedbackPageFromRows, feedbackPageQueries } from "../accessibility/feedback.service.js";
import { readTogether } from "../db/read-together.js";
import type { Deps } from "../deps.js";
import { directoryThemesFromRows, directoryThemesRead } from "../directory/directory.service.js";
import { recentEvaluationsRead } from "../evaluations/recent-evaluations.service.js";
import { allThemesQuery } from "../themes/themes.repo.js";
import { themeNamerOf } from "../themes/themes.service.js";
import type { ReportQuery } from "./report-period.js";
import { conceptReportFromRows, conceptReportQueries } from "./reports.service.js";

/**
 * Everything the coordinator's report page shows, in one round trip after the session's: the
 * concept report (the same figures as GET /api/reports/concept) with every programme for its filter, the latest evaluations, open
 * accessibility feedback, the theme filter's choices and the themes' names. On one connection
 * concurrent reads still wait for each other, and on D1 each would cross the network.
 */
export async function reportPage(deps: Pick<Deps, "db" | "clock" | "atomic">, query: ReportQuery, lang: Parameters<typeof themeNamerOf>[1]) {
  // The report's statements ask for the status as of now: the same instant for the whole page.
  const now = deps.clock.now();
  const [recent, feedbackItems, feedbackCount, expertThemes, themes, ...reportRows] = await readTogether(deps, [
    recentEvaluationsRead(deps),
    ...feedbackPageQueries(deps),
    directoryThemesRead(deps),
    allThemesQuery(deps.db),
    ...conceptReportQueries(deps, query, now),
  ]);
  const { report, programmes } = conceptReportFromRows(query, reportRows, now);
  return {
    report,
    programmes,
    recent,
    feedback: feedbackPageFromRows([feedbackItems, feedbackCount], now),
    themes: directoryThemesFromRows(expertThemes),
    themeName: themeNamerOf(themes, lang),
  };
}
