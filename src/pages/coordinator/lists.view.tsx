import type { AccessibilityFeedback } from "../../accessibility/feedback.service.js";
import { isOverdue } from "../../accessibility/feedback.service.js";
import { countryName, formatDateTime, formatDay } from "../i18n/format.js";
import type { Lang, Messages } from "../i18n/index.js";
import { DataTable } from "../components/data-table.js";
import type { RecentEvaluation } from "../../evaluations/recent-evaluations.service.js";

const ZONE = "Europe/Helsinki";

export function RecentEvaluations({ t, lang, items, themeName }: { t: Messages; lang: Lang; items: RecentEvaluation[]; themeName: (stored: string) => string }) {
  const k = t.coordinator;
  const e = t.evaluation;
  const yesNo = (n: number) => (n ? t.common.yes : t.common.no);
  return (
    <section>
      <h2 id="recent-title">{k.recentTitle}</h2>
      {items.length === 0 ? (
        <p>{k.recentEmpty}</p>
      ) : (
        <DataTable
          labelledBy="recent-title"
          columns={[
            { label: k.submittedAt },
            { label: k.side },
            { label: t.expert.theme },
            { label: t.newFlow.country },
            { label: k.usefulness, num: true },
            { label: k.preparation, num: true },
            { label: k.technicalQuality, num: true },
            { label: k.durationFitTitle },
            { label: k.wouldRecommend },
            { label: e.followUpInterest },
          ]}
        >
          {items.map((r) => (
            <tr>
              <td>{formatDateTime(r.updatedAt, lang, ZONE)}</td>
              <td>{k.sides[r.side]}</td>
              <td>{themeName(r.theme)}</td>
              <td>{countryName(r.country, lang)}</td>
              <td class="num">{r.usefulness}</td>
              <td class="num">{r.preparation}</td>
              <td class="num">{r.technicalQuality}</td>
              <td>{e.fit[r.durationFit]}</td>
              <td>{yesNo(r.wouldRecommend)}</td>
              <td>{yesNo(r.followUpInterest)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export function FeedbackList({ t, lang, items, now }: { t: Messages; lang: Lang; items: AccessibilityFeedback[]; now: Date }) {
  const k = t.coordinator;
  return (
    <section>
      <h2 id="feedback-title">{k.feedbackTitle}</h2>
      {items.length === 0 ? (
        <p>{k.feedbackEmpty}</p>
      ) : (
        <DataTable
          labelledBy="feedback-title"
          columns={[{ label: k.received }, { label: k.answerBy }, { label: k.message }, { label: k.contact }]}
        >
          {items.map((f) => (
            <tr>
              <td>{formatDateTime(f.receivedAt, lang, ZONE)}</td>
              <td>
                {formatDay(f.answerBy, lang, ZONE)}
                {isOverdue(f, now) ? <strong class="overdue"> ({k.overdue})</strong> : null}
              </td>
              <td class="brief-text" lang={f.language}>
                {f.pageUrl ? <em>{f.pageUrl}: </em> : null}
                {f.message}
              </td>
              <td>{[f.name, f.email].filter(Boolean).join(", ") || t.common.none}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
