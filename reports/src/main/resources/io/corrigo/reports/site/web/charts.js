/* Line charts with interval bands on Chart.js (from its WebJar). */
'use strict';

const Charts = (() => {
  const C = Corrigo;

  /**
   * series: [{label, colour, points: [{x, y, low, high, n}]}] -> Chart.js datasets: for each series a
   * lower and an upper band edge (filled between, hidden from the legend) and the line itself.
   */
  function datasets(series) {
    const out = [];
    for (const s of series) {
      const withBand = s.points.some((p) => C.isNum(p.low));
      if (withBand) {
        out.push({ label: s.label + ' low', band: true, data: s.points.map((p) => ({ x: p.x, y: p.low })),
          borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false, borderColor: 'transparent' });
        out.push({ label: s.label + ' high', band: true, data: s.points.map((p) => ({ x: p.x, y: p.high })),
          borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: '-1', borderColor: 'transparent',
          backgroundColor: C.alpha(s.colour, 0.16) });
      }
      out.push({ label: s.label, data: s.points.map((p) => ({ ...p })), borderColor: s.colour,
        backgroundColor: s.colour, borderWidth: 2.5, pointRadius: s.points.length > 40 ? 0 : 3,
        borderDash: s.dashed ? [6, 4] : undefined, tension: 0, fill: false });
    }
    return out;
  }

  function axis(title, percent, extra) {
    return Object.assign({
      type: 'linear',
      title: { display: true, text: title, font: { size: 13, weight: '600' } },
      ticks: percent ? { callback: (v) => Math.round(v * 100) + '%' } : {},
      grid: { color: '#e6e6e6' },
    }, percent ? { min: 0, max: 1 } : {}, extra || {});
  }

  function tooltipLabel(percent) {
    return (ctx) => {
      if (ctx.dataset.band) return null;
      const p = ctx.raw;
      const value = percent ? C.pct(p.y, 1) : C.fixed(p.y, 4);
      const band = C.isNum(p.low) ? (percent ? ' [' + C.pct(p.low, 0) + '–' + C.pct(p.high, 0) + ']' : '') : '';
      const n = C.isNum(p.n) ? ' · ' + p.n + (p.n === 1 ? ' seed' : ' seeds') : '';
      return ctx.dataset.label + ': ' + value + band + n + (p.provisional ? ' (live)' : '');
    };
  }

  /** A line chart; options: {xTitle, yTitle, yPercent, series, logY, xMin}. */
  function line(canvas, o) {
    const chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets(o.series) },
      options: {
        parsing: { xAxisKey: 'x', yAxisKey: 'y' },
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: axis(o.xTitle, false, o.xMin === undefined ? {} : { min: o.xMin }),
          y: axis(o.yTitle, o.yPercent, o.logY ? { type: 'logarithmic' } : {}),
        },
        plugins: {
          legend: { position: 'bottom', labels: { filter: (item, data) => !data.datasets[item.datasetIndex].band, boxWidth: 18 } },
          tooltip: { filter: (item) => !item.dataset.band, callbacks: { label: tooltipLabel(o.yPercent) } },
          // drag a rectangle (or ctrl + wheel) to zoom into the x range; double-click resets
          zoom: { zoom: { drag: { enabled: true, backgroundColor: 'rgba(0,114,178,0.12)' },
            wheel: { enabled: true, modifierKey: 'ctrl' }, mode: 'x' } },
        },
      },
    });
    canvas.addEventListener('dblclick', () => { if (chart.resetZoom) chart.resetZoom(); });
    canvas.setAttribute('title', 'Drag across the chart (or ctrl + wheel) to zoom in; double-click to reset');
    return chart;
  }

  /** Replaces a chart's series (and optionally its x-axis title) without rebuilding it. */
  function update(chart, series, xTitle) {
    chart.data.datasets = datasets(series);
    if (xTitle) chart.options.scales.x.title.text = xTitle;
    chart.update('none');
  }

  return { line, update };
})();
