/* eslint-disable @typescript-eslint/no-explicit-any -- walks the report's JSON by path */

/** Every [data-key] cell of the page: the report's path → the text shown. */
export function figuresOnPage(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<(td|dd|p|span)[^>]*\bdata-key="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g))
    out.set(m[2]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"), m[3]!.replace(/<[^>]+>/g, "").trim());
  return out;
}

/** The value at a dotted path of the report, where group keys (themes) may contain dots or spaces. */
export function reportValue(report: any, key: string): unknown {
  const outcome =
    /^outcomes\.(\w+)\.(.+)\.(evaluations|wouldRecommendShare|suppressed|usefulness\.mean|questionsAnswered\.mean|briefPreparation\.mean|technicalQuality\.mean)$/.exec(
      key,
    );
  if (outcome) {
    const group = report.outcomes[outcome[1]!].find((g: any) => g.key === outcome[2]);
    // A side's figure withheld is null as a whole (questionsAnswered: null): the page shows "–".
    return outcome[3]!.split(".").reduce((v: any, k) => (v === null ? null : v?.[k]), group);
  }
  const funding = /^funding\.(.+)$/.exec(key);
  if (funding) return report.funding.find((f: any) => f.source === funding[1])?.consultations;
  return key.split(".").reduce((v: any, k) => v?.[k], report);
}

/** How the page writes a figure in English: integers as they are, ratings to 2 decimals, shares as whole percents. */
export function expectedText(key: string, value: unknown): string {
  if (key.endsWith(".suppressed")) return "fewer than the minimum: not shown";
  if (value === null) return "–";
  if (/share|ratesOfRequested|wouldRecommendShare/i.test(key)) return `${Math.round((value as number) * 100)}%`;
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }).format(value as number);
}
