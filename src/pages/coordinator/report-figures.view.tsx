import type { ConceptReportResponse } from "../../reports/reports.schemas.js";
import { DataTable } from "../components/data-table.js";
import { formatNumber, formatPercent } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";

/**
 * The figures of GET /api/reports/concept that the first view of the report did not show:
 * response rates, session lengths, follow-ups and funding. Every cell carries the figure's path
 * in the JSON report (data-key), so a test can hold the page to the API.
 */
type Report = ConceptReportResponse;

const percent = (t: Messages, lang: Lang, share: number | null) => (share === null ? t.common.none : formatPercent(share, lang));
const number = (t: Messages, lang: Lang, n: number | null) => (n === null ? t.common.none : formatNumber(n, lang));

export function ResponseRatesSection({ t, lang, rates }: { t: Messages; lang: Lang; rates: Report["responseRates"] }) {
  const k = t.reportPage;
  return (
    <section>
      <h2 id="response-title">{k.responseTitle}</h2>
      <DataTable
        labelledBy="response-title"
        columns={[{ label: k.responseSide }, { label: k.received, num: true }, { label: k.possible, num: true }, { label: k.responseShare, num: true }]}
      >
        {(["member", "expert"] as const).map((side) => (
          <tr>
            <th scope="row">{t.coordinator.sides[side]}</th>
            <td class="num" data-key={`responseRates.${side}.received`}>
              {rates[side].received}
            </td>
            <td class="num" data-key={`responseRates.${side}.possible`}>
              {rates[side].possible}
            </td>
            <td class="num" data-key={`responseRates.${side}.share`}>
              {percent(t, lang, rates[side].share)}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

export function SessionsSection({ t, lang, sessions }: { t: Messages; lang: Lang; sessions: Report["sessions"] }) {
  const k = t.reportPage;
  const lengths = [
    { key: "plannedMinutes", label: k.planned, d: sessions.plannedMinutes },
    { key: "actualMinutes", label: k.actual, d: sessions.actualMinutes },
  ] as const;
  return (
    <section>
      <h2 id="sessions-title">{k.sessionsTitle}</h2>
      <dl class="summary-list">
        <dt>{k.sessionsHeld}</dt>
        <dd data-key="sessions.count">{sessions.count}</dd>
        <dt>{k.noShows}</dt>
        <dd data-key="sessions.noShows">{sessions.noShows}</dd>
        <dt>{k.within30to45}</dt>
        <dd data-key="sessions.shareWithin30to45">{percent(t, lang, sessions.shareWithin30to45)}</dd>
      </dl>
      <h3 id="lengths-title">{k.lengthsTitle}</h3>
      <DataTable
        labelledBy="lengths-title"
        columns={[{ label: k.figure }, { label: t.coordinator.count, num: true }, { label: k.median, num: true }, { label: k.quartiles, num: true }, { label: k.range, num: true }]}
      >
        {lengths.map(({ key, label, d }) => (
          <tr>
            <th scope="row">{label}</th>
            <td class="num" data-key={`sessions.${key}.n`}>
              {d.n}
            </td>
            <td class="num" data-key={`sessions.${key}.median`}>
              {number(t, lang, d.median)}
            </td>
            <td class="num">{d.p25 === null ? t.common.none : `${number(t, lang, d.p25)}–${number(t, lang, d.p75)}`}</td>
            <td class="num">{d.min === null ? t.common.none : `${number(t, lang, d.min)}–${number(t, lang, d.max)}`}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

export function FollowUpsSection({ t, lang, followUps }: { t: Messages; lang: Lang; followUps: Report["followUps"] }) {
  const k = t.reportPage;
  const interest = followUps.interest;
  return (
    <section>
      <h2 id="follow-ups-title">{k.followUpsTitle}</h2>
      <dl class="summary-list">
        <dt>{k.followUpsCreated}</dt>
        <dd data-key="followUps.followUpsCreated">{followUps.followUpsCreated}</dd>
        <dt>{k.ledToFollowUp}</dt>
        <dd data-key="followUps.consultationsThatLedToFollowUp">{followUps.consultationsThatLedToFollowUp}</dd>
        <dt>{k.interestShare}</dt>
        {interest.suppressed ? (
          <dd data-key="followUps.interest.suppressed">{t.coordinator.suppressed}</dd>
        ) : (
          <dd>
            <span data-key="followUps.interest.interestShare">{formatPercent(interest.interestShare, lang)}</span> ({interest.interestCount}/{interest.evaluations})
          </dd>
        )}
      </dl>
    </section>
  );
}

export function FundingSection({ t, funding }: { t: Messages; funding: Report["funding"] }) {
  const k = t.reportPage;
  const sources = t.workplace.fundingSources as Record<string, string>;
  return (
    <section>
      <h2 id="funding-title">{k.fundingTitle}</h2>
      {funding.length === 0 ? (
        <p>{k.noFunding}</p>
      ) : (
        <DataTable labelledBy="funding-title" columns={[{ label: k.fundingSource }, { label: k.consultations, num: true }]}>
          {funding.map((f) => (
            <tr>
              <th scope="row">{sources[f.source] ?? f.source}</th>
              <td class="num" data-key={`funding.${f.source}`}>
                {f.consultations}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
