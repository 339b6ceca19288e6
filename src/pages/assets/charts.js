// Draws the coordinator's charts with the vendored Chart.js (window.Chart, loaded before this file).
// Each canvas carries its figures in a data-chart attribute, so the CSP needs no inline script;
// the same figures are in the table beside each chart.
(function () {
  "use strict";

  var palette = ["#12355b", "#2f7d4f", "#b35c00", "#0b5cad", "#8f001a", "#5a2d82"];

  function valueScale(spec, percent) {
    return {
      beginAtZero: true,
      suggestedMax: spec.max,
      ticks: percent ? { callback: function (v) { return Math.round(v * 100) + " %"; } } : { precision: 0 },
    };
  }

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var percent = spec.unit === "percent";
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: palette[i % palette.length] };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // Drawn at once: no motion for people who are sensitive to it, and tests see the result.
        animation: false,
        scales: { y: valueScale(spec, percent) },
        plugins: { legend: { display: spec.datasets.length > 1, position: "bottom" } },
      },
    });
    canvas.setAttribute("data-drawn", "true");
  }

  function start() {
    if (!window.Chart) return;
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-chart]"), draw);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
