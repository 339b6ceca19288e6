import type { MiddlewareHandler } from "hono";
import { recordAdminActions } from "../../security-events/admin-actions.js";
import type { PageEnv } from "../page-env.js";
import { conceptReport, evaluationsExport } from "../../reports/reports.service.js";
import { listFeedback } from "../accessibility/feedback.repo.js";
import { countryName } from "../i18n/format.js";
import { finish, pageApp } from "../page-app.js";
import { renderPage } from "../render.js";
import { requireSignIn } from "../session.js";
import { addSignIn } from "../sign-in.js";
import { DurationFitSection, FunnelSection } from "./funnel.view.js";
import { FeedbackList, RecentEvaluations } from "./lists.view.js";
import { OutcomesSection } from "./outcomes.view.js";
import { addSecurityEventsPage } from "./security-events.page.js";
import { addPrivacyRequests } from "./privacy-requests.js";
import { recentEvaluations } from "./recent-evaluations.repo.js";

const coordinator = requireSignIn("coordinator");

/**
 * The coordinator's concept report. Its figures come from the same conceptReport() as
 * GET /api/reports/concept, so the page and the JSON cannot disagree.
 */
export const coordinatorPageRoutes = () => {
  const app = pageApp("/coordinator");
  app.use("*", recordAdminActions as unknown as MiddlewareHandler<PageEnv>);
  addSignIn(app, "coordinator", "/coordinator");
  addSecurityEventsPage(app, coordinator);

  app.get("/", coordinator, async (c) => {
    const { deps, t, lang } = c.var;
    const k = t.coordinator;
    const [report, recent, feedback] = await Promise.all([conceptReport(deps, {}), recentEvaluations(deps.db), listFeedback(deps.db)]);
    const body = (
      <>
        <h1>{k.title}</h1>
        <p class="lead">{k.intro}</p>
        <p class="hint">{k.suppressedNote(report.minGroupSize)}</p>
        <FunnelSection t={t} lang={lang} funnel={report.funnel} />
        <OutcomesSection
          t={t}
          lang={lang}
          id="by-theme"
          path="outcomes.byTheme"
          title={k.outcomesByTheme}
          groups={report.outcomes.byTheme}
          labelOf={(key) => key}
        />
        <OutcomesSection
          t={t}
          lang={lang}
          id="by-country"
          path="outcomes.byExpertCountry"
          title={k.outcomesByCountry}
          groups={report.outcomes.byExpertCountry}
          labelOf={(key) => countryName(key, lang)}
        />
        <DurationFitSection t={t} lang={lang} sessions={report.sessions} />
        <RecentEvaluations t={t} lang={lang} items={recent} />
        <section aria-labelledby="csv-title">
          <h2 id="csv-title">{k.csvTitle}</h2>
          <ul>
            <li>
              <a href="/coordinator/evaluations.csv" download>
                {k.csvLink}
              </a>
            </li>
            <li>
              <a href="/coordinator/evaluations.csv?separator=semicolon" download>
                {k.csvLinkSemicolon}
              </a>
            </li>
          </ul>
        </section>
        <FeedbackList t={t} lang={lang} items={feedback} now={deps.clock.now()} />
      </>
    );
    return renderPage(c, { title: k.title, body, frame: { area: "coordinator", scripts: ["chart.umd.min.js", "charts.js"] } });
  });

  app.get("/evaluations.csv", coordinator, async (c) => {
    const separator = c.req.query("separator") === "semicolon" ? "semicolon" : "comma";
    const { filename, csv } = await evaluationsExport(c.var.deps, { separator });
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    });
  });

  addPrivacyRequests(app, coordinator);

  return finish(app);
};
