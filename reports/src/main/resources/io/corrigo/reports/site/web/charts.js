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
      if (s.thin) {   // a seed's own line: thin, faint, out of the legend and the tooltips
        out.push({ label: s.label, aside: true, data: s.points.map((p) => ({ ...p })), borderColor: C.alpha(s.colour, 0.45),
          backgroundColor: C.alpha(s.colour, 0.45), borderWidth: 1, pointRadius: 0, pointHitRadius: 0, tension: 0, fill: false });
        continue;
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
      if (ctx.dataset.band || ctx.dataset.aside) return null;
      const p = ctx.raw;
      const value = percent ? C.pct(p.y, 1) : C.fixed(p.y, 4);
      const band = C.isNum(p.low) ? (percent ? ' [' + C.pct(p.low, 0) + '–' + C.pct(p.high, 0) + ']' : '') : '';
      const n = C.isNum(p.n) ? ' · ' + p.n + (p.n === 1 ? ' seed' : ' seeds') : '';
      return ctx.dataset.label + ': ' + value + band + n + (p.provisional ? ' (live)' : '');
    };
  }

  /** A line chart; options: {xTitle, yTitle, yPercent, series, logY, xMin, xMax}. */
  function line(canvas, o) {
    const chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: datasets(o.series) },
      options: {
        parsing: { xAxisKey: 'x', yAxisKey: 'y' },
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: axis(o.xTitle, false, Object.assign(o.xMin === undefined ? {} : { min: o.xMin },
            C.isNum(o.xMax) && o.xMax > 0 ? { max: o.xMax } : {})),
          y: axis(o.yTitle, o.yPercent, o.logY ? { type: 'logarithmic' } : {}),
        },
        plugins: {
          legend: { position: 'bottom', labels: { filter: (item, data) => !data.datasets[item.datasetIndex].band && !data.datasets[item.datasetIndex].aside, boxWidth: 18 } },
          tooltip: { filter: (item) => !item.dataset.band && !item.dataset.aside, callbacks: { label: tooltipLabel(o.yPercent) } },
          // mouse: drag a rectangle (or ctrl + wheel) to zoom into the x range, shift + drag to pan;
          // touch: pinch to zoom, one finger to pan; double-click resets (keys: see navigable below)
          zoom: { zoom: { drag: { enabled: true, backgroundColor: 'rgba(0,114,178,0.12)' },
            wheel: { enabled: true, modifierKey: 'ctrl' }, pinch: { enabled: true }, mode: 'x' },
          pan: { enabled: true, mode: 'x', modifierKey: 'shift' }, limits: { x: { min: 'original', max: 'original' } } },
        },
      },
    });
    navigable(chart);
    describe(chart);
    return chart;
  }

  /**
   * Zoom and pan without a mouse: the chart takes focus and answers + / − (zoom in / out), ← / →
   * (pan by a tenth) and 0 (reset); double-click resets too. Vertical swipes on a chart still scroll
   * the page: only horizontal ones pan it.
   */
  function navigable(chart) {
    const canvas = chart.canvas;
    canvas.style.touchAction = 'pan-y';
    canvas.tabIndex = 0;
    canvas.setAttribute('title', 'Drag across the chart (or ctrl + wheel, or pinch) to zoom in, shift + drag or swipe '
      + 'to pan, double-click to reset; with the keyboard: + and − zoom, ← and → pan, 0 resets');
    canvas.addEventListener('dblclick', () => chart.resetZoom());
    canvas.addEventListener('keydown', (e) => {
      const step = chart.chartArea ? (chart.chartArea.right - chart.chartArea.left) / 10 : 40;
      const act = { '+': () => chart.zoom(1.25), '=': () => chart.zoom(1.25), '-': () => chart.zoom(0.8),
        ArrowLeft: () => chart.pan({ x: step }), ArrowRight: () => chart.pan({ x: -step }), 0: () => chart.resetZoom() }[e.key];
      if (act && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        act();
      }
    });
  }

  /**
   * The text alternative of a chart: the canvas is labelled (what is plotted against what, which series)
   * and a collapsible data table with every plotted value follows it, refreshed on every update.
   */
  function describe(chart) {
    const canvas = chart.canvas;
    const lines = chart.data.datasets.filter((d) => !d.band && !d.aside);
    const x = chart.options.scales.x.title.text || 'x';
    const y = chart.options.scales.y.title.text || 'y';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Chart of ' + y + ' against ' + x + (lines.length ? '; series: '
      + lines.map((d) => d.label).join(', ') : '; no data yet') + '. The data table below lists the values.');
    const holder = canvas.closest('.chart') || canvas.parentNode;
    let details = holder.nextElementSibling;
    if (!details || !details.classList.contains('chart-data')) {
      details = C.el('details', { class: 'chart-data' });
      holder.after(details);
    }
    const open = details.open;
    const rows = [];
    for (const d of lines) {
      for (const p of d.data) {
        const band = C.isNum(p.low) ? C.fixed(p.low, 3) + ' – ' + C.fixed(p.high, 3) : '';
        rows.push(C.el('tr', {}, C.el('td', {}, d.label), C.el('td', { class: 'num' }, C.fixed(p.x, 3)),
          C.el('td', { class: 'num' }, C.fixed(p.y, 4)), C.el('td', { class: 'num' }, band)));
      }
    }
    C.fill(details, C.el('summary', {}, 'Data table (' + rows.length + ' values)'),
      C.el('table', { class: 'data compact' }, C.el('thead', {}, C.el('tr', {}, C.el('th', { scope: 'col' }, 'series'),
        C.el('th', { scope: 'col' }, x), C.el('th', { scope: 'col' }, y), C.el('th', { scope: 'col' }, 'interval'))),
      C.el('tbody', {}, rows)));
    details.open = open;
  }

  /** Replaces a chart's series (and optionally its x-axis title and upper x limit) without rebuilding it. */
  function update(chart, series, xTitle, xMax) {
    chart.data.datasets = datasets(series);
    if (xTitle) chart.options.scales.x.title.text = xTitle;
    if (C.isNum(xMax) && xMax > 0) chart.options.scales.x.max = xMax;
    chart.update('none');
    describe(chart);
  }

  return { line, update };
})();
