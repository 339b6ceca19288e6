/** What charts.js needs to draw one bar chart; travels in a data- attribute (no inline script). */
export interface ChartSpec {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
  unit?: "count" | "percent" | "score";
  /** The top of the value axis when the scale has one, e.g. 5 for ratings. */
  max?: number;
}

/**
 * A canvas that charts.js fills with Chart.js. For screen readers it is one image whose name
 * says that the same figures are in the table next to it; without JavaScript it stays empty.
 */
export function Chart({ id, spec, label }: { id: string; spec: ChartSpec; label: string }) {
  return (
    <div class="chart">
      <canvas id={id} role="img" aria-label={label} data-chart={JSON.stringify(spec)}></canvas>
    </div>
  );
}
