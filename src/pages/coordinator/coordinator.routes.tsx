import type { MiddlewareHandler } from "hono";
import { recordAdminActions } from "../../security-events/admin-actions.js";
import type { PageEnv } from "../page-env.js";
import { evaluationsExport } from "../../reports/reports.service.js";
import { reportPage } from "../../reports/report-page.service.js";
import { themeNamer } from "../../themes/themes.service.js";
import { countryName } from "../i18n/format.js";
import { finish, pageApp } from "../page-app.js";
import { renderPage } from "../render.js";
import { requireSignIn } from "../session.js";
import { addSignIn } from "../sign-in.js";
import { DurationFitSection, FunnelSection } from "./funnel.view.js";
import { FeedbackList, RecentEvaluations } from "./lists.view.js";
import { OutcomesSection } from "./outcomes.view.js";
import { filterQuery, filterValues, NO_FILTERS, parseFilters, ReportFilters } from "./report-filters.js";
import { pageCsvWording } from "./csv-wording.js";
import { FollowUpsSection, FundingSection, ResponseRatesSection, SessionsSection } from "./report-figures.view.js";
import { addConsultationPages } from "./workplace/consultations.routes.js";
import { addDirectoryPages } from "./workplace/directory.routes.js";
import { addGroupPages } from "./workplace/groups.routes.js";
import { addOperationsPages } from "./workplace/operations.routes.js";
import { addProgrammePages } from "./workplace/programmes.routes.js";
import { addThemePages } from "./workplace/themes.routes.js";
import { addTokenPages } from "./workplace/tokens.routes.js";
import { addSecurityEventsPage } from "./security-events.page.js";
import { addPrivacyRequests } from "./privacy-requests.js";

const coordinator = requireSignIn("coordinator");

/**
 * The coordinator's concept report. Its figures come from the same conceptReport() as
 * GET /api/reports/concept, so the page and the JSON cannot disagree.
 */
export const coordinatorPageRoutes = () => {
  const app = pageApp("/coordinator");
  app.use("*", recordAdminActions as unknown as MiddlewareHandler<PageEnv>);
  addSignIn(app, "coordinator", "/coordinator");
  addDirectoryPages(app, coordinator);
  addGroupPages(app, coordinator);
  addConsultationPages(app, coordinator);
  addOperationsPages(app, coordinator);
  addTokenPages(app, coordinator);
  addThemePages(app, coordinator);
  addProgrammePages(app, coordinator);
  addSecurityEventsPage(app, coordinator);

  app.get("/", coordinator, async (c) => {
    const { deps, t, lang } = c.var;
    const k = t.coordinator;
    const r = t.reportPage;
    const values = filterValues((name) => c.req.query(name));
    const { query, errors } = parseFilters(values, t);
    const { report, programmes, recent, feedback, themes, themeName } = await reportPage(deps, query, lang);
    const filtered = filterQuery(errors && Object.keys(errors).length > 0 ? NO_FILTERS : values);
    const csvHref = (semicolon: boolean) => `/coordinator/evaluations.csv?${[filtered, semicolon ? "separator=semicolon" : "", `lang=${lang}`].filter(Boolean).join("&")}`;
    const body = (
      <>
        <h1>{k.title}</h1>
        <p class="lead">{k.intro}</p>
        <ReportFilters t={t} lang={lang} values={values} errors={errors} themes={values.theme && !themes.includes(values.theme) ? [...themes, values.theme] : themes} themeName={themeName} programmes={programmes} />
        <p class="hint">{k.suppressedNote(report.minGroupSize)}</p>
        <FunnelSection t={t} lang={lang} funnel={report.funnel} />
        <ResponseRatesSection t={t} lang={lang} rates={report.responseRates} />
        <OutcomesSection
          t={t}
          lang={lang}
          id="overall"
          path="outcomes"
          title={r.overallTitle}
          groups={[{ ...report.outcomes.overall, key: "overall" }]}
          labelOf={() => r.allEvaluations}
        />
        <OutcomesSection
          t={t}
          lang={lang}
          id="by-side"
          path="outcomes.bySide"
          title={r.bySideTitle}
          groups={report.outcomes.bySide}
          labelOf={(key) => (key === "member" || key === "expert" ? k.sides[key] : key)}
        />
        <OutcomesSection
          t={t}
          lang={lang}
          id="by-theme"
          path="outcomes.byTheme"
          title={k.outcomesByTheme}
          groups={report.outcomes.byTheme}
          labelOf={themeName}
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
        <OutcomesSection
          t={t}
          lang={lang}
          id="by-programme"
          path="outcomes.byProgramme"
          title={t.reportProgrammes.byProgrammeTitle}
          groups={report.outcomes.byProgramme}
          labelOf={(key) => report.outcomes.byProgramme.find((g) => g.key === key)?.name ?? t.reportProgrammes.none}
        />
        <OutcomesSection t={t} lang={lang} id="by-duration" path="outcomes.byDuration" title={r.byDurationTitle} groups={report.outcomes.byDuration} labelOf={r.minutesKey} />
        <OutcomesSection t={t} lang={lang} id="by-questions" path="outcomes.byQuestionCount" title={r.byQuestionsTitle} groups={report.outcomes.byQuestionCount} labelOf={r.questionsKey} />
        <OutcomesSection t={t} lang={lang} id="by-challenge" path="outcomes.byChallengeLength" title={r.byChallengeTitle} groups={report.outcomes.byChallengeLength} labelOf={r.charactersKey} />
        <SessionsSection t={t} lang={lang} sessions={report.sessions} />
        <DurationFitSection t={t} lang={lang} sessions={report.sessions} />
        <FollowUpsSection t={t} lang={lang} followUps={report.followUps} />
        <FundingSection t={t} funding={report.funding} />
        <RecentEvaluations t={t} lang={lang} items={recent} themeName={themeName} />
        <section aria-labelledby="csv-title">
          <h2 id="csv-title">{k.csvTitle}</h2>
          <p>{r.csvNote}</p>
          <ul>
            <li>
              <a href={csvHref(false)} download>
                {k.csvLink}
              </a>
            </li>
            <li>
              <a href={csvHref(true)} download>
                {k.csvLinkSemicolon}
              </a>
            </li>
          </ul>
        </section>
        <FeedbackList t={t} lang={lang} items={feedback.items} now={deps.clock.now()} />
      </>
    );
    return renderPage(c, { title: k.title, body, frame: { area: "coordinator", scripts: ["chart.umd.min.js", "charts.js"] } }, Object.keys(errors).length > 0 ? 400 : 200);
  });

  app.get("/evaluations.csv", coordinator, async (c) => {
    const separator = c.req.query("separator") === "semicolon" ? "semicolon" : "comma";
    const { query } = parseFilters(filterValues((name) => c.req.query(name)), c.var.t);
    const wording = pageCsvWording(c.var.t, c.var.lang, await themeNamer(c.var.deps, c.var.lang));
    const { filename, csv } = await evaluationsExport(c.var.deps, { ...query, separator }, wording);
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    });
  });

  addPrivacyRequests(app, coordinator);

  return finish(app);
};
