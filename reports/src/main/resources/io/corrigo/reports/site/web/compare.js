/* Two study runs side by side: study files diffed, final success per condition, the difference B - A and both runs' curves. */
'use strict';

(() => {
  const C = Corrigo;
  const el = C.el;
  const params = new URLSearchParams(location.search);
  const X_TITLES = { episode: 'training episodes', feedbackEvents: 'feedback events given (mean over seeds)' };
  const state = { xKey: 'episode', shown: null, charts: [] };

  function label(s) {
    return s.name + ' #' + s.id + ' (' + s.state + ', ' + String(s.createdAt || '').slice(0, 16).replace('T', ' ') + ')';
  }

  function interval(i) {
    if (!i) return '–';
    const band = C.isNum(i.low) ? ' [' + C.pct(i.low, 0) + '–' + C.pct(i.high, 0) + ']' : ' (1 seed: no interval)';
    return C.pct(i.estimate, 1) + band;
  }

  function difference(i) {
    if (!i) return '–';
    const sign = (v) => (v > 0 ? '+' : v < 0 ? '−' : '±') + C.pct(Math.abs(v), 1);
    const band = C.isNum(i.low) ? ' [' + sign(i.low) + ', ' + sign(i.high) + ']' : '';
    const clear = C.isNum(i.low) && (i.low > 0 || i.high < 0);
    return el('span', { class: clear ? 'clear' : '' }, sign(i.estimate) + band + (clear ? ' ◆' : ''));
  }

  async function render(a, b) {
    const d = await C.api('/api/compare', { a, b });
    C.fill(document.getElementById('spec-diff'), ...d.specDiff.map((l) =>
      el('span', { class: l.op === '+' ? 'add' : l.op === '-' ? 'del' : '' }, l.op + ' ' + l.line + '\n')));
    document.getElementById('compare-rule').textContent = d.rule + '. ◆: the interval of the difference excludes 0.';
    const columns = [
      { title: 'environment', cell: (c) => c.environment },
      { title: 'feedback', cell: (c) => c.feedback },
      { title: 'learner', cell: (c) => c.learner },
      { title: 'A: ' + d.a.name + ' #' + d.a.id, cell: (c) => interval(c.a), class: 'num' },
      { title: 'seeds A', cell: (c) => c.aSeeds, class: 'num' },
      { title: 'B: ' + d.b.name + ' #' + d.b.id, cell: (c) => interval(c.b), class: 'num' },
      { title: 'seeds B', cell: (c) => c.bSeeds, class: 'num' },
      { title: 'B − A', cell: (c) => difference(c.difference), class: 'num' },
    ];
    C.fill(document.getElementById('cells'), d.cells.length ? C.table(columns, d.cells, { class: 'data', id: 'compare-table' })
      : el('p', { class: 'empty' }, 'The two runs have no condition with finished seeds.'));
    C.fill(document.getElementById('compare-export'), C.exportLinks('/api/compare?a=' + a + '&b=' + b));
    const [curvesA, curvesB] = await Promise.all([C.api('/api/studies/' + a + '/curves'), C.api('/api/studies/' + b + '/curves')]);
    state.shown = { d, curvesA, curvesB };
    renderCurves();
    C.clearError();
  }

  /** The mean line of one learner under one condition, or null where the run has none. */
  function line(curves, cell) {
    const c = curves.conditions.find((x) => x.environment === cell.environment && x.feedback === cell.feedback);
    const l = c && c.lines.find((x) => x.learner === cell.learner);
    return l ? l.points.map((p) => ({ x: p[state.xKey], y: p.mean, low: p.low, high: p.high, n: p.seeds, provisional: p.provisional })) : null;
  }

  /** One panel per condition both runs have: A solid, B dashed, on one shared x range. */
  function renderCurves() {
    const { d, curvesA, curvesB } = state.shown;
    state.charts.forEach((chart) => chart.destroy());
    const panels = d.cells.map((cell) => ({ cell, a: line(curvesA, cell), b: line(curvesB, cell) })).filter((p) => p.a && p.b);
    const xMax = Math.max(0, ...panels.flatMap((p) => p.a.concat(p.b).map((q) => q.x)).filter(C.isNum));
    const box = document.getElementById('compare-curves');
    C.fill(box, panels.length ? null : el('p', { class: 'empty' }, 'The two runs have no condition with curves in common.'));
    state.charts = panels.map((p) => {
      const canvas = el('canvas', { 'data-cell': [p.cell.environment, p.cell.feedback, p.cell.learner].join(' · ') });
      box.append(el('div', { class: 'chart-card' }, el('h3', {}, p.cell.learner,
        el('span', { class: 'fb-label' }, p.cell.environment + ' · ' + p.cell.feedback)), el('div', { class: 'chart' }, canvas)));
      return Charts.line(canvas, { xTitle: X_TITLES[state.xKey], yTitle: 'success rate', yPercent: true, xMin: 0, xMax,
        series: [{ label: 'A: ' + d.a.name + ' #' + d.a.id, colour: C.colour(0), points: p.a },
          { label: 'B: ' + d.b.name + ' #' + d.b.id, colour: C.colour(1), dashed: true, points: p.b }] });
    });
  }

  document.querySelectorAll('#compare-x button').forEach((button) => button.addEventListener('click', () => {
    state.xKey = button.getAttribute('data-x');
    document.querySelectorAll('#compare-x button').forEach((o) => o.classList.toggle('on', o === button));
    if (state.shown) renderCurves();
  }));

  async function load() {
    const studies = (await C.api('/api/studies')).studies;
    const a = document.getElementById('a');
    const b = document.getElementById('b');
    for (const select of [a, b]) C.fill(select, ...studies.map((s) => el('option', { value: s.id }, label(s))));
    if (studies.length < 2) {
      C.fill(document.getElementById('cells'), el('p', { class: 'empty' }, 'Comparing needs two stored runs.'));
      return;
    }
    a.value = params.get('a') || studies[1].id;
    b.value = params.get('b') || studies[0].id;
    const change = () => {
      history.replaceState(null, '', C.link('/compare?a=' + a.value + '&b=' + b.value));
      render(a.value, b.value).catch(C.showError);
    };
    a.addEventListener('change', change);
    b.addEventListener('change', change);
    await render(a.value, b.value);
  }

  C.wireNav();
  load().catch(C.showError);
})();
