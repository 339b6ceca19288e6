import type { ConceptReportResponse } from "../../reports/reports.schemas.js";
import { formatNumber, formatPercent } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";
import { DataTable } from "../components/data-table.js";
import { Chart } from "./chart.js";

type Report = ConceptReportResponse;
const STEPS = ["requested", "confirmed", "held", "evaluated", "declined", "expired", "cancelled"] as const;
const SHARED = ["confirmed", "held", "evaluated"] as const;

export function FunnelSection({ t, lang, funnel }: { t: Messages; lang: Lang; funnel: Report["funnel"] }) {
  const k = t.coordinator;
  const spec = {
    labels: STEPS.map((s) => k.funnelSteps[s]),
    datasets: [{ label: k.count, data: STEPS.map((s) => funnel[s]) }],
    unit: "count" as const,
  };
  const rate = (s: string) => ((SHARED as readonly string[]).includes(s) ? funnel.ratesOfRequested[s as (typeof SHARED)[number]] : null);
  const days = (n: number | null) => (n === null ? t.common.none : formatNumber(n, lang));
  return (
    <section>
      <h2 id="funnel-title">{k.funnelTitle}</h2>
      <Chart id="funnel-chart" spec={spec} label={k.chartAlt(k.funnelTitle)} />
      <DataTable
        labelledBy="funnel-title"
        columns={[{ label: k.stage }, { label: k.count, num: true }, { label: k.rateOfRequested, num: true }]}
      >
        {STEPS.map((s) => {
          const r = rate(s);
          return (
            <tr>
              <th scope="row">{k.funnelSteps[s]}</th>
              <td class="num" data-key={`funnel.${s}`}>
                {funnel[s]}
              </td>
              <td class="num" data-key={r === null ? undefined : `funnel.ratesOfRequested.${s}`}>
                {r === null ? t.common.none : formatPercent(r, lang)}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <dl class="summary-list">
        <dt>{k.medianDaysToConfirm}</dt>
        <dd data-key="funnel.medianDaysRequestToConfirm">{days(funnel.medianDaysRequestToConfirm)}</dd>
        <dt>{k.medianDaysToSession}</dt>
        <dd data-key="funnel.medianDaysConfirmToSession">{days(funnel.medianDaysConfirmToSession)}</dd>
      </dl>
    </section>
  );
}

const FITS = ["tooShort", "right", "tooLong"] as const;

export function DurationFitSection({ t, lang, sessions }: { t: Messages; lang: Lang; sessions: Report["sessions"] }) {
  const k = t.coordinator;
  const fit = sessions.durationFit;
  return (
    <section>
      <h2 id="fit-title">{k.durationFitTitle}</h2>
      {fit.suppressed ? (
        <p data-key="sessions.durationFit.suppressed">{k.suppressed}</p>
      ) : (
        <>
          <Chart
            id="fit-chart"
            label={k.chartAlt(k.durationFitTitle)}
            spec={{
              labels: FITS.map((f) => k.durationFit[f]),
              datasets: [{ label: k.count, data: FITS.map((f) => fit[f].count) }],
              unit: "count",
            }}
          />
          <DataTable
            labelledBy="fit-title"
            columns={[{ label: k.durationFitTitle }, { label: k.count, num: true }, { label: k.share, num: true }]}
          >
            {FITS.map((f) => (
              <tr>
                <th scope="row">{k.durationFit[f]}</th>
                <td class="num" data-key={`sessions.durationFit.${f}.count`}>
                  {fit[f].count}
                </td>
                <td class="num" data-key={`sessions.durationFit.${f}.share`}>
                  {formatPercent(fit[f].share, lang)}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
