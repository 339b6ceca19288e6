import type { ConceptReportResponse } from "../../reports/reports.schemas.js";
import { formatNumber, formatPercent } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";
import { DataTable } from "../components/data-table.js";
import { BarChart } from "./bar-chart.js";

type OutcomeGroup = ConceptReportResponse["outcomes"]["byTheme"][number];
/**
 * The two sides are asked different questions about preparation (members: did the expert answer our
 * questions; experts: did the brief prepare you), so the page shows them apart, never averaged.
 */
const SCORES = ["usefulness", "questionsAnswered", "briefPreparation", "technicalQuality"] as const;

interface Props {
  t: Messages;
  lang: Lang;
  id: string;
  title: string;
  /** Where the figures sit in the JSON report, e.g. "outcomes.byTheme": the cells carry it in data-key. */
  path: string;
  groups: OutcomeGroup[];
  /** A group's key as people read it: a country code becomes the country's name. */
  labelOf: (key: string) => string;
}

/** The mean ratings per group as a chart and, with every figure the report gives, as a table. */
export function OutcomesSection(p: Props) {
  const { t, lang } = p;
  const k = t.coordinator;
  const shown = p.groups.filter((g): g is Extract<OutcomeGroup, { suppressed: false }> => !g.suppressed);
  const spec = {
    labels: shown.map((g) => p.labelOf(g.key)),
    datasets: SCORES.map((s) => ({ label: k[s], data: shown.map((g) => g[s]?.mean ?? null) })),
    unit: "score" as const,
    max: 5,
  };
  const key = (g: OutcomeGroup, field: string) => `${p.path}.${g.key}.${field}`;
  const columns = [
    { label: k.group },
    { label: k.evaluations, num: true },
    ...SCORES.map((s) => ({ label: k[s], num: true })),
    { label: k.wouldRecommend, num: true },
  ];
  return (
    <section>
      <h2 id={`${p.id}-title`}>{p.title}</h2>
      {p.groups.length === 0 ? (
        <p>{k.noData}</p>
      ) : (
        <>
          {shown.length > 0 ? <BarChart id={`${p.id}-chart`} spec={spec} label={k.chartAlt(p.title)} lang={lang} /> : null}
          <DataTable labelledBy={`${p.id}-title`} columns={columns}>
            {p.groups.map((g) => (
              <tr>
                <th scope="row">{p.labelOf(g.key)}</th>
                {g.suppressed ? (
                  <td colspan={SCORES.length + 2} data-key={key(g, "suppressed")}>
                    {k.suppressed}
                  </td>
                ) : (
                  <>
                    <td class="num" data-key={key(g, "evaluations")}>
                      {g.evaluations}
                    </td>
                    {SCORES.map((s) => (
                      <td class="num" data-key={key(g, `${s}.mean`)}>
                        {g[s] ? formatNumber(g[s].mean, lang) : t.common.none}
                      </td>
                    ))}
                    <td class="num" data-key={key(g, "wouldRecommendShare")}>
                      {formatPercent(g.wouldRecommendShare, lang)}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
