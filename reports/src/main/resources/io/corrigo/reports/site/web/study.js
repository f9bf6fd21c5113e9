/* The study page: progress, comparison matrix, aggregates and learning curves, updated live. */
'use strict';

(() => {
  const C = Corrigo;
  const el = C.el;
  const id = C.params.get('id') || (C.embedded && C.embedded.studyId);
  const base = '/api/studies/' + id;
  const X_TITLES = {
    episode: 'training episodes',
    feedbackEvents: 'feedback events given (mean over seeds)',
    teacherSteps: 'teacher-executed steps (mean over seeds)',
  };
  const state = { groupBy: 'condition', chartsGroup: 'condition', xKey: 'episode', baseline: null, selected: null, curves: null, charts: new Map(), profile: null,
    matrix: null, learners: [], loads: 0 };
  window.corrigoStudy = state;

  const trialLink = (t, text) => (C.embedded ? el('span', {}, text) : el('a', { href: C.link('/trial?id=' + t.id) }, text));

  /* ---------- summary, progress, trials ---------- */

  async function loadStudy() {
    const s = await C.api(base);
    const st = s.study;
    state.learners = st.learners;
    document.title = st.name + ' · Corrigo';
    document.getElementById('title').textContent = st.name + ' #' + st.id;
    const meta = document.getElementById('meta');
    C.fill(meta, C.badge(st.state), el('span', {}, 'device ', el('b', {}, st.device || '–')),
      el('span', {}, 'started ', el('b', {}, C.date(st.createdAt))),
      st.finishedAt ? el('span', {}, 'ended ', el('b', {}, C.date(st.finishedAt))) : null,
      el('span', {}, 'file ', el('code', {}, st.source || '–')),
      el('span', {}, st.environments.length + ' env × ' + st.feedback.length + ' feedback × ' + st.learners.length
        + ' learners × ' + st.seeds.length + ' seeds, ' + st.episodes + ' episodes each'));
    renderProgress(s.progress, st.state);
    renderTrials(s.trials, st.episodes);
    renderSpec(st);
    renderBaselines(st.learners);
    state.studyState = st.state;
    if (st.state !== 'running' && !C.embedded) C.setLive(document.getElementById('live'), 'ended');
    return s;
  }

  function renderProgress(p, studyState) {
    const total = Math.max(1, p.trialsTotal);
    const seg = (cls, n, label) => el('span', { class: cls, style: { width: (100 * n / total) + '%' }, title: n + ' ' + label });
    const eta = studyState === 'running' && C.isNum(p.etaSeconds)
      ? (p.etaSeconds < 1 ? 'finishing' : 'about ' + C.duration(p.etaSeconds) + ' left') : null;
    C.fill(document.getElementById('progress'),
      el('div', { class: 'bar', role: 'progressbar', 'aria-label': 'trials finished', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(100 * (p.fraction || 0)) },
        seg('done', p.done, 'done'), seg('running', p.running, 'running'), seg('failed', p.failed, 'failed')),
      el('div', { class: 'progress-text' },
        el('b', {}, p.done + ' / ' + p.trialsTotal), ' trials done · ', el('span', { class: 'c-running' }, p.running + ' running'),
        ' · ', el('span', { class: p.failed ? 'c-failed' : '' }, p.failed + ' failed'), ' · ' + p.pending + ' pending'),
      el('div', { class: 'progress-text' },
        'training episodes ', el('b', {}, C.int(p.episodesDone) + ' / ' + C.int(p.episodesTotal)),
        ' (' + C.pct(p.fraction) + ') · elapsed ' + C.duration(p.elapsedSeconds),
        eta ? el('span', { class: 'eta', title: p.etaRule }, ' · ETA ' + eta) : null));
  }

  function renderTrials(trials, episodes) {
    const columns = [
      { title: 'trial', cell: (t) => trialLink(t, '#' + t.id) },
      { title: 'environment', cell: (t) => t.environment },
      { title: 'feedback', cell: (t) => t.feedback },
      { title: 'learner', cell: (t) => t.learner },
      { title: 'seed', cell: (t) => t.seed, class: 'num' },
      { title: 'state', cell: (t) => C.badge(t.state) },
      { title: 'episodes', cell: (t) => t.episodesDone + ' / ' + episodes, class: 'num' },
      { title: 'feedback events', cell: (t) => C.int(t.feedbackEvents), class: 'num' },
      { title: 'teacher steps', cell: (t) => C.int(t.teacherSteps), class: 'num' },
      { title: 'wall time', cell: (t) => (t.wallMillis ? C.duration(t.wallMillis / 1000) : '–'), class: 'num' },
      { title: 'failure', cell: (t) => (t.error ? el('span', { class: 'c-failed', title: t.error }, t.error.slice(0, 80)) : '') },
    ];
    C.fill(document.getElementById('trials'), C.table(columns, trials, { class: 'data' }));
    C.fill(document.getElementById('trials-export'), C.exportLinks(base));
  }

  function renderSpec(st) {
    C.fill(document.getElementById('spec'),
      el('h3', {}, st.source || 'study file'), el('pre', {}, st.specYaml || ''),
      el('h3', {}, 'manifest'), el('pre', {}, JSON.stringify(st.manifest, null, 2)));
  }

  function renderBaselines(learners) {
    const select = document.getElementById('baseline');
    if (select.options.length === learners.length) return;
    C.fill(select, ...learners.map((l) => el('option', { value: l }, l)));
    state.baseline = state.baseline || learners[0];
    select.value = state.baseline;
    select.onchange = () => { state.baseline = select.value; loadAggregate().catch(C.showError); };
  }

  /* ---------- comparison matrix ---------- */

  async function loadMatrix() {
    const m = await C.api(base + '/matrix');
    state.matrix = m;
    renderMatrix(m);
    renderDetail();
    return m;
  }

  function renderMatrix(m) {
    const envs = [];
    for (const c of m.columns) {
      if (!envs.length || envs[envs.length - 1].name !== c.environment) envs.push({ name: c.environment, span: 0 });
      envs[envs.length - 1].span++;
    }
    const learnerHead = (r, i) => [el('span', { class: 'dot', style: { background: C.colour(i) } }), r.learner];
    let head;
    let body;
    if (state.transposed) {
      // conditions as rows (environment · feedback), learners as columns: wide studies read down the page
      head = el('thead', {}, el('tr', {}, el('th', { class: 'corner', scope: 'col' }, 'environment · feedback'),
        m.rows.map((r, i) => el('th', { class: 'fb', scope: 'col' }, learnerHead(r, i)))));
      body = el('tbody', {}, m.columns.map((c, j) => el('tr', {},
        el('th', { class: 'learner', scope: 'row' }, c.environment + ' · ' + c.feedback),
        m.rows.map((r) => cellNode(r.cells[j])))));
    } else {
      head = el('thead', {},
        el('tr', {}, el('th', { rowspan: 2, class: 'corner' }, 'learner'),
          envs.map((e) => el('th', { colspan: e.span, class: 'env' }, e.name))),
        el('tr', {}, m.columns.map((c) => el('th', { class: 'fb' }, c.feedback))));
      body = el('tbody', {}, m.rows.map((r, i) => el('tr', {},
        el('th', { class: 'learner', scope: 'row' }, learnerHead(r, i)), r.cells.map(cellNode))));
    }
    const flip = el('button', { type: 'button', id: 'transpose', 'aria-pressed': state.transposed ? 'true' : 'false',
      onclick: () => { state.transposed = !state.transposed; renderMatrix(state.matrix); } },
    state.transposed ? '⇄ learners as rows' : '⇄ learners as columns');
    C.fill(document.getElementById('matrix'), flip, el('table', { class: 'matrix', id: 'matrix-table' }, head, body));
    renderScale();
    C.fill(document.getElementById('matrix-rules'),
      ...Object.values(m.rules).map((r) => el('li', {}, r)),
      el('li', {}, 'seed intervals: ' + C.int(m.resamples) + ' bootstrap resamples, fixed seed ' + m.seed
        + '; hatched italic cells with a dashed border include running trials (provisional): they will change.'));
    C.fill(document.getElementById('matrix-export'), C.exportLinks(base + '/matrix'));
  }

  const cellKey = (c) => c.environment + '\u0000' + c.feedback + '\u0000' + c.learner;

  function cellNode(c) {
    const colour = C.successColour(c.success ? c.success.estimate : null);
    const seeds = c.seedsFinished + '/' + c.seedsTotal + ' seeds'
      + (c.seedsRunning ? ' · ' + c.seedsRunning + ' running' : '') + (c.seedsFailed ? ' · ' + c.seedsFailed + ' failed' : '');
    const selected = state.selected === cellKey(c);
    return el('td', {
      class: 'cell' + (c.provisional ? ' provisional' : '') + (selected ? ' selected' : '') + (c.success ? ' filled' : ''),
      style: colour, tabindex: 0, 'data-learner': c.learner, 'data-environment': c.environment, 'data-feedback': c.feedback,
      title: c.learner + ' on ' + c.environment + ' / ' + c.feedback + ' — click for its trials',
      onclick: () => { state.selected = selected ? null : cellKey(c); renderMatrix(state.matrix); renderDetail(); },
      onkeydown: (e) => { if (e.key === 'Enter') e.target.click(); },
    },
    el('div', { class: 'big', title: 'success: rollouts of the last evaluations pooled over finished seeds' },
      c.success ? C.pct(c.success.estimate) : '–'),
    c.success ? el('div', { class: 'ci', title: 'Wilson 95% interval over pooled evaluation episodes' }, '95% CI ' + C.range(c.success)) : null,
    c.seedMean ? (c.seedsScored >= 2
      ? el('div', { class: 'ci', title: 'bootstrap 95% interval over seeds' }, 'seeds ' + C.range(c.seedMean))
      : el('div', { class: 'ci', title: 'an interval over seeds needs at least two' }, '1 seed: no interval')) : null,
    c.success ? el('div', { class: 'sub' }, 'final ' + C.pct(c.final) + ' · best ' + C.pct(c.best)) : null,
    el('div', { class: 'n' }, seeds));
  }

  function renderScale() {
    const stops = [0, 0.25, 0.5, 0.75, 1].map((v) => {
      const c = C.successColour(v);
      return el('span', { style: c }, C.pct(v));
    });
    C.fill(document.getElementById('scale'), el('span', { class: 'label' }, 'colour = success:'), ...stops,
      el('span', { style: C.successColour(null) }, 'no result yet'));
  }

  function renderDetail() {
    const box = document.getElementById('cell-detail');
    const m = state.matrix;
    const cell = m && state.selected && m.rows.flatMap((r) => r.cells).find((c) => cellKey(c) === state.selected);
    if (!cell) { box.hidden = true; return; }
    box.hidden = false;
    const columns = [
      { title: 'trial', cell: (t) => trialLink(t, '#' + t.id + ' open') },
      { title: 'seed', cell: (t) => t.seed, class: 'num' },
      { title: 'state', cell: (t) => C.badge(t.state) },
      { title: 'episodes', cell: (t) => t.episodesDone, class: 'num' },
      { title: 'final', cell: (t) => C.pct(t.final, 1), class: 'num' },
      { title: 'best', cell: (t) => C.pct(t.best, 1), class: 'num' },
      { title: 'feedback events', cell: (t) => C.int(t.feedbackEvents), class: 'num' },
      { title: 'teacher steps', cell: (t) => C.int(t.teacherSteps), class: 'num' },
      { title: 'failure', cell: (t) => (t.error ? el('span', { class: 'c-failed' }, t.error.slice(0, 100)) : '') },
    ];
    C.fill(box,
      el('h3', {}, cell.learner + ' on ' + cell.environment + ' / ' + cell.feedback,
        el('button', { type: 'button', class: 'close', onclick: () => { state.selected = null; renderMatrix(m); renderDetail(); } }, '×')),
      el('p', {}, 'success ' + C.pct(cell.success && cell.success.estimate, 1) + ' (95% CI ' + C.range(cell.success, 1)
        + ') · seeds ' + (cell.seedsScored >= 2 ? C.range(cell.seedMean, 1) : 'no interval (1 seed)') + ' · mean feedback events ' + C.int(cell.feedbackEventsMean)
        + ' · mean teacher steps ' + C.int(cell.teacherStepsMean)),
      C.table(columns, cell.trials, { class: 'data', id: 'cell-trials' }));
  }

  /* ---------- aggregates ---------- */

  async function loadAggregate() {
    const a = await C.api(base + '/aggregate', { baseline: state.baseline });
    renderAggregate(a);
    return a;
  }

  function intervalBar(i) {
    if (!i || !C.isNum(i.low)) return '';
    return el('div', { class: 'track', title: C.pct(i.estimate, 1) + ' [' + C.range(i, 1) + ']' },
      el('span', { class: 'span', style: { left: (100 * i.low) + '%', width: Math.max(0.5, 100 * (i.high - i.low)) + '%' } }),
      el('span', { class: 'tick', style: { left: (100 * i.estimate) + '%' } }));
  }

  function renderAggregate(a) {
    const order = state.learners.length ? state.learners : a.learners.map((l) => l.learner);
    const columns = [
      { title: 'learner', cell: (l) => el('span', {}, el('span', { class: 'dot', style: { background: C.colour(order.indexOf(l.learner)) } }), l.learner) },
      { title: 'IQM', cell: (l) => el('b', {}, C.pct(l.iqm && l.iqm.estimate, 1)), class: 'num', help: a.rules.iqm },
      { title: '95% CI', cell: (l) => (l.runs >= 2 ? C.range(l.iqm, 1) : 'needs ≥ 2 runs'), class: 'num' },
      { title: '0 – 100%', cell: (l) => intervalBar(l.runs >= 2 ? l.iqm : null), class: 'bar-cell' },
      { title: 'mean [95% CI]', cell: (l) => C.pct(l.mean && l.mean.estimate, 1)
        + (l.runs >= 2 ? ' [' + C.range(l.mean, 1) + ']' : ''), class: 'num' },
      { title: 'P(better than ' + a.baseline + ')', help: a.rules.improvement,
        cell: (l) => (l.learner === a.baseline ? 'baseline' : l.improvement
          ? C.fixed(l.improvement.estimate, 2) + ' [' + C.fixed(l.improvement.low, 2) + ', ' + C.fixed(l.improvement.high, 2) + ']' : '–'), class: 'num' },
      { title: 'tasks', cell: (l) => l.tasks + ' / ' + a.tasks.length, class: 'num' },
      { title: 'runs', cell: (l) => l.runs, class: 'num' },
    ];
    C.fill(document.getElementById('aggregate'), C.table(columns, a.learners, { class: 'data', id: 'aggregate-table' }));
    document.getElementById('aggregate-note').textContent = C.int(a.resamples) + ' stratified bootstrap resamples, seed '
      + a.seed + (a.provisional ? ' · provisional: the study is still running' : '');
    C.fill(document.getElementById('aggregate-rules'), ...Object.values(a.rules).map((r) => el('li', {}, r)));
    C.fill(document.getElementById('aggregate-export'), C.exportLinks(base + '/aggregate'));
    const series = a.learners.filter((l) => l.profile.length).map((l) => ({
      label: l.learner, colour: C.colour(order.indexOf(l.learner)),
      points: l.profile.map((p) => ({ x: p.tau, y: p.estimate, low: p.low, high: p.high })),
    }));
    if (state.profile) Charts.update(state.profile, series);
    else state.profile = Charts.line(document.getElementById('profile'), { series, xTitle: 'τ (final success threshold)', yTitle: 'runs with success > τ', yPercent: true, xMin: 0 });
  }

  /* ---------- learning curves ---------- */

  async function loadCurves() {
    state.curves = await C.api(base + '/curves');
    renderCurves();
    return state.curves;
  }

  /* Panels by the chosen grouping (W&B's "group by"): every line is one learner under one condition. */
  const GROUPS = {
    condition: { panel: (l) => [l.environment, l.feedback], line: (l) => l.learner },
    environment: { panel: (l) => [l.environment, ''], line: (l) => l.learner + ' · ' + l.feedback },
    feedback: { panel: (l) => [l.feedback, ''], line: (l) => l.learner + ' · ' + l.environment },
    learner: { panel: (l) => [l.learner, ''], line: (l) => l.environment + ' · ' + l.feedback },
  };

  /** TensorBoard's smoothing: an exponential moving average of the means (bands and seed lines stay raw). */
  function smooth(points) {
    const w = state.smoothing;
    if (!(w > 0)) return points;
    let last = null;
    return points.map((p) => {
      if (!C.isNum(p.y)) return p;
      last = last === null ? p.y : w * last + (1 - w) * p.y;
      return { ...p, y: last };
    });
  }

  function panels() {
    const group = GROUPS[state.groupBy];
    const lines = [];
    for (const c of state.curves.conditions) {
      for (const l of c.lines) {
        lines.push({ environment: c.environment, feedback: c.feedback, learner: l.learner, points: l.points, seeds: l.seeds });
      }
    }
    const labels = [...new Set(lines.map(group.line))];
    const byPanel = new Map();
    for (const l of lines) {
      const [title, sub] = group.panel(l);
      const key = title + ' · ' + sub;
      if (!byPanel.has(key)) byPanel.set(key, { key, title, sub, series: [] });
      const label = group.line(l);
      const colour = state.groupBy === 'condition' ? C.colour(state.learners.indexOf(l.learner)) : C.colour(labels.indexOf(label));
      const points = l.points.map((p) => ({ x: p[state.xKey], y: p.mean, low: p.low, high: p.high, n: p.seeds, provisional: p.provisional }));
      byPanel.get(key).series.push({ label: state.smoothing > 0 ? label + ' (smoothed)' : label, colour, points: smooth(points) });
      if (state.perSeed) {
        for (const seed of l.seeds || []) {
          byPanel.get(key).series.push({ label: label + ' · seed ' + seed.seed, colour, thin: true,
            points: seed.points.map((p) => ({ x: p[state.xKey], y: p.rate })) });
        }
      }
    }
    return [...byPanel.values()];
  }

  function renderCurves() {
    const box = document.getElementById('curves');
    document.getElementById('curves-rule').textContent = state.curves.band;
    C.fill(document.getElementById('curves-export'), C.exportLinks(base + '/curves'),
      C.embedded ? null : [' · figures for a paper: ', C.el('a', { href: C.link(base + '/figures.zip') },
        'SVG, PDF and PNG (zip)')]);
    if (state.chartsGroup !== state.groupBy) {   // another grouping: other panels
      state.charts.forEach((chart) => chart.destroy());
      state.charts.clear();
      C.fill(box);
      state.chartsGroup = state.groupBy;
    }
    const all = panels();
    // one x range for every panel, so panels compare at a glance
    const xMax = Math.max(0, ...all.flatMap((p) => p.series.flatMap((s) => s.points.map((q) => q.x)).filter(C.isNum)));
    for (const panel of all) {
      let chart = state.charts.get(panel.key);
      if (!chart) {
        const canvas = el('canvas', { 'data-condition': panel.key });
        box.append(el('div', { class: 'chart-card' }, el('h3', {}, panel.title, panel.sub ? el('span', { class: 'fb-label' }, panel.sub) : null),
          el('div', { class: 'chart' }, canvas)));
        chart = Charts.line(canvas, { series: panel.series, xTitle: X_TITLES[state.xKey], yTitle: 'success rate', yPercent: true, xMax });
        state.charts.set(panel.key, chart);
      } else {
        Charts.update(chart, panel.series, X_TITLES[state.xKey], xMax);
      }
    }
  }

  document.getElementById('smoothing').addEventListener('change', (e) => {
    state.smoothing = Number(e.target.value);
    if (state.curves) renderCurves();
  });

  document.getElementById('per-seed').addEventListener('change', (e) => {
    state.perSeed = e.target.checked;
    if (state.curves) renderCurves();
  });

  document.getElementById('group-by').addEventListener('change', (e) => {
    state.groupBy = e.target.value;
    if (state.curves) renderCurves();
  });

  document.querySelectorAll('#x-axis button').forEach((b) => b.addEventListener('click', () => {
    state.xKey = b.getAttribute('data-x');
    document.querySelectorAll('#x-axis button').forEach((o) => o.classList.toggle('on', o === b));
    if (state.curves) renderCurves();
  }));

  /* ---------- live updates ---------- */

  function loadAll() {
    return loadStudy().then(() => Promise.all([loadMatrix(), loadAggregate(), loadCurves()]))
      .then(() => { state.loads++; C.clearError(); }, C.showError);
  }

  const refreshAll = C.throttle(loadAll, 1000);
  const refreshProgress = C.throttle(() => loadStudy().catch(C.showError), 1000);

  C.wireNav();
  if (C.embedded) {
    C.setLive(document.getElementById('live'), 'static');
    loadAll();
  } else {
    loadAll();
    state.source = C.follow(base + '/events',
      ['episode', 'evaluation', 'trial-started', 'trial-finished', 'trial-failed', 'study-finished'],
      (type, data) => {
        if (type === 'study-finished') state.studyState = data.state || 'finished';
        if (type === 'episode' || type === 'trial-started') refreshProgress(); else refreshAll();
      },
      (s) => C.liveState(document.getElementById('live'), state.source, s, state.studyState && state.studyState !== 'running'));
  }
})();
