// 数据看板: draws each chart from the numbers the page carries in #dashboard-data
// (a JSON data block, so the strict CSP needs no inline script).
"use strict";

(function () {
  const COLOURS = [
    "#206bc4", "#2fb344", "#f59f00", "#d63939", "#ae3ec9",
    "#17a2b8", "#74b816", "#f76707", "#4263eb", "#868e96",
  ];

  function colour(i) {
    return COLOURS[i % COLOURS.length];
  }

  function config(chart) {
    const many = chart.datasets.length > 1;
    const datasets = chart.datasets.map(function (set, i) {
      const ds = { label: set.label, data: set.data };
      if (chart.kind === "doughnut") {
        ds.backgroundColor = set.data.map(function (_, j) { return colour(j); });
      } else {
        // a series that means good or bad carries its own colour (有帮助 green, 没帮助 red)
        ds.backgroundColor = set.colour || colour(i);
        ds.borderColor = set.colour || colour(i);
      }
      if (chart.kind === "line") {
        ds.spanGaps = false;
        ds.pointRadius = 3;
      }
      return ds;
    });
    const options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: many || chart.kind === "doughnut" } },
    };
    if (chart.kind !== "doughnut") {
      const value = { beginAtZero: true, stacked: chart.stacked };
      if (chart.percent) {
        value.suggestedMax = 100;
        value.ticks = { callback: function (v) { return v + "%"; } };
      } else if (chart.yMax) {
        value.max = chart.yMax;
      } else {
        value.ticks = { precision: 0 }; // counts: whole numbers on the axis
      }
      // horizontal bars: every bar keeps its label (a skipped one left a course unnamed)
      const category = { stacked: chart.stacked, ticks: { autoSkip: !chart.horizontal } };
      options.indexAxis = chart.horizontal ? "y" : "x";
      options.scales = chart.horizontal ? { x: value, y: category } : { x: category, y: value };
    }
    return { type: chart.kind, data: { labels: chart.labels, datasets: datasets }, options: options };
  }

  function draw() {
    const source = document.getElementById("dashboard-data");
    if (!source || !window.Chart) {
      return;
    }
    window.Chart.defaults.font.family =
      '"WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';
    let drawn = 0;
    JSON.parse(source.textContent).forEach(function (chart) {
      const canvas = document.getElementById("chart-" + chart.key);
      if (canvas) {
        new window.Chart(canvas, config(chart));
        drawn += 1;
      }
    });
    document.body.dataset.chartsDrawn = String(drawn);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
