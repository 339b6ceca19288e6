import { feedbackPageFromRows, feedbackPageQueries } from "../accessibility/feedback.service.js";
import { readTogether } from "../db/read-together.js";
import type { Deps } from "../deps.js";
import { directoryThemesFromRows, directoryThemesRead } from "../directory/directory.service.js";
import { recentEvaluationsRead } from "../evaluations/recent-evaluations.service.js";
import { allThemesRead, themeNamerOf } from "../themes/themes.service.js";
import type { ReportQuery } from "./report-period.js";
import { conceptReportFromRows, conceptReportQueries } from "./reports.service.js";

/**
 * Everything the coordinator's report page shows, in one round trip after the session's: the
 * concept report (the same figures as GET /api/reports/concept), the latest evaluations, open
 * accessibility feedback, the theme filter's choices and the themes' names. On one connection
 * concurrent reads still wait for each other, and on D1 each would cross the network.
 */
export async function reportPage(deps: Pick<Deps, "db" | "clock" | "atomic">, query: ReportQuery, lang: Parameters<typeof themeNamerOf>[1]) {
  const [recent, feedbackItems, feedbackCount, expertThemes, themes, ...reportRows] = await readTogether(deps, [
    recentEvaluationsRead(deps),
    ...feedbackPageQueries(deps),
    directoryThemesRead(deps),
    allThemesRead(deps),
    ...conceptReportQueries(deps, query),
  ]);
  const now = deps.clock.now();
  return {
    report: conceptReportFromRows(query, reportRows, now),
    recent,
    feedback: feedbackPageFromRows([feedbackItems, feedbackCount], now),
    themes: directoryThemesFromRows(expertThemes),
    themeName: themeNamerOf(themes, lang),
  };
}
