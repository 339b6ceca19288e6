import { formatNumber, formatPercent } from "../i18n/format.js";
import type { Lang } from "../i18n/index.js";
import type { ChartSpec } from "./chart.js";

/**
 * Horizontal bars drawn by the server, for charts whose labels are long (a theme's Finnish name):
 * each label is text above its bars, so it wraps on a phone instead of being cut at the canvas'
 * edge as Chart.js cuts a category axis. Bars are SVG rectangles sized by attribute (the CSP allows
 * no inline style); the colours are charts.js's. For screen readers the chart is one image whose
 * name says that the same figures are in the table next to it.
 */
export function BarChart({ id, spec, label, lang }: { id: string; spec: ChartSpec; label: string; lang: Lang }) {
  const top = spec.max ?? Math.max(0, ...spec.datasets.flatMap((d) => d.data.map((v) => v ?? 0)));
  const width = (v: number | null) => (v === null || top <= 0 ? "0%" : `${Math.min(100, Math.max(0, (v / top) * 100)).toFixed(1)}%`);
  const shown = (v: number | null) => (v === null ? "–" : spec.unit === "percent" ? formatPercent(v, lang) : formatNumber(v, lang));
  return (
    <div class="bars" id={id} role="img" aria-label={label}>
      {spec.datasets.length > 1 ? (
        <ul class="bars-legend">
          {spec.datasets.map((d, i) => (
            <li>
              <span class={`bars-swatch bars-s${i}`}></span>
              {d.label}
            </li>
          ))}
        </ul>
      ) : null}
      <ul class="bars-groups">
        {spec.labels.map((groupLabel, g) => (
          <li class="bars-group">
            <span class="bars-label">{groupLabel}</span>
            {spec.datasets.map((d, i) => (
              <span class="bars-row">
                <svg class="bars-track" aria-hidden="true" focusable="false">
                  <rect class="bars-bg" width="100%" height="100%" />
                  <rect class={`bars-s${i}`} width={width(d.data[g] ?? null)} height="100%" />
                </svg>
                <span class="bars-value">{shown(d.data[g] ?? null)}</span>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
