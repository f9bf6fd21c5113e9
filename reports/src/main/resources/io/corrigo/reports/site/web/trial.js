/* The trial page: evaluation curve, diagnostics, human effort, notes, failure and rollout replay. */
'use strict';

(() => {
  const C = Corrigo;
  const el = C.el;
  const id = Number(C.params.get('id'));
  const base = '/api/trials/' + id;
  const state = { evalChart: null, metricCharts: [], metricNames: null, rolloutCount: null, selected: null, metrics: [], studyId: null,
    over: false, source: null };
  window.corrigoTrial = state;

  function card(label, value, hint) {
    return el('div', { class: 'card' }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value),
      hint ? el('div', { class: 'hint' }, hint) : null);
  }

  async function load() {
    const d = await C.api(base);
    const t = d.trial;
    state.studyId = t.studyId;
    state.over = t.state !== 'running' && t.state !== 'pending';
    document.title = t.key + ' · Corrigo';
    const studyLink = d.study ? el('a', { href: C.link('/study?id=' + d.study.id) }, d.study.name + ' #' + d.study.id) : 'study #' + t.studyId;
    C.fill(document.getElementById('crumbs'), el('a', { href: C.link('/') }, 'Studies'), ' › ', studyLink, ' › trial #' + t.id);
    document.getElementById('title').textContent = t.key;
    C.fill(document.getElementById('meta'), C.badge(t.state),
      el('span', {}, 'environment ', el('b', {}, t.environment)), el('span', {}, 'feedback ', el('b', {}, t.feedback)),
      el('span', {}, 'learner ', el('b', {}, t.learner)), el('span', {}, 'seed ', el('b', {}, t.seed)),
      el('span', {}, 'episodes ', el('b', {}, t.episodesDone + (d.study ? ' / ' + d.study.episodes : ''))),
      t.wallMillis ? el('span', {}, 'wall time ', el('b', {}, C.duration(t.wallMillis / 1000))) : null);
    const failure = document.getElementById('failure');
    failure.hidden = !t.error;
    failure.textContent = t.error ? 'This trial failed: ' + t.error : '';
    renderCards(d);
    renderEvaluations(d.evaluations);
    renderMetrics(d.metrics);
    renderNotes(t.notes);
    renderRollouts(d.rollouts);
    C.fill(document.getElementById('trial-export'), C.exportLinks(base), ' · diagnostics ',
      el('a', { href: C.link(base + '/metrics?format=csv') }, 'CSV'));
    C.clearError();
  }

  function renderCards(d) {
    const e = d.effort;
    const live = e.provisional ? 'so far' : null;
    const cards = [card('environment steps', C.int(e.envSteps), live), card('feedback events', C.int(e.feedbackEvents), 'human effort'),
      card('teacher-executed steps', C.int(e.teacherSteps), 'human effort'), card('takeovers', C.int(e.takeovers))];
    const rules = [];
    if (d.score) {
      cards.push(card('final success', C.pct(d.score.final, 1), d.score.provisional ? 'provisional' : null),
        card('best success', C.pct(d.score.best, 1)));
      rules.push(el('li', {}, d.score.finalRule), el('li', {}, d.score.bestRule));
    }
    C.fill(document.getElementById('cards'), ...cards);
    C.fill(document.getElementById('score-rules'), ...rules);
  }

  function renderEvaluations(points) {
    const series = [
      { label: 'success rate', colour: '#0072B2', points: points.map((p) => ({ x: p.episode, y: p.rate, low: p.low, high: p.high, provisional: p.provisional })) },
      { label: 'mean final progress', colour: '#009E73', dashed: true, points: points.map((p) => ({ x: p.episode, y: p.meanProgress })) },
    ];
    if (state.evalChart) Charts.update(state.evalChart, series);
    else state.evalChart = Charts.line(document.getElementById('eval-chart'), { series, xTitle: 'training episodes', yTitle: 'rate', yPercent: true, xMin: 0 });
  }

  /** One small chart per diagnostic, each on its own scale (log where every value is positive and asked for). */
  function renderMetrics(metrics) {
    state.metrics = metrics;
    const positive = (m) => m.points.every((p) => !C.isNum(p.value) || p.value > 0);
    const logBox = document.getElementById('log-scale');
    logBox.disabled = !metrics.some(positive);
    const log = logBox.checked;
    // the unit the learner gave, e.g. "loss (nats)"; a bare name where it gave none
    const title = (m) => (m.unit ? m.name + ' (' + m.unit + ')' : m.name);
    document.getElementById('metrics-note').textContent = metrics.length
      ? 'Per-episode means of the learner\'s diagnostics, one chart each on its own scale ('
        + metrics.map(title).join(', ') + ')'
        + (state.over ? '.' : ', so far: they arrive episode by episode while the trial runs.')
      : state.over ? 'This learner reported no diagnostics.' : 'No diagnostics yet: they arrive after each training episode.';
    const series = (m, i) => [{ label: title(m), colour: C.colour(i), points: m.points.map((p) => ({ x: p.episode, y: p.value })) }];
    const names = metrics.map(title).join('\n');
    if (state.metricNames === names && state.metricsLog === log) {
      metrics.forEach((m, i) => Charts.update(state.metricCharts[i], series(m, i)));
      return;
    }
    state.metricCharts.forEach((c) => c.destroy());
    const canvases = metrics.map((m) => el('canvas', { 'data-metric': m.name }));
    C.fill(document.getElementById('metrics-charts'), ...canvases.map((c) => el('div', {}, el('div', { class: 'chart small' }, c))));
    state.metricCharts = metrics.map((m, i) => Charts.line(canvases[i], { series: series(m, i), xTitle: 'training episode',
      yTitle: title(m), logY: log && positive(m) }));
    state.metricNames = names;
    state.metricsLog = log;
  }

  function renderNotes(notes) {
    const entries = notes && typeof notes === 'object' ? Object.entries(notes) : [];
    const value = (v) => (v !== null && typeof v === 'object' ? el('code', {}, JSON.stringify(v)) : String(v));
    C.fill(document.getElementById('notes'), entries.length
      ? el('table', { class: 'kv' }, el('tbody', {}, entries.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, value(v))))))
      : el('p', { class: 'empty' }, 'No notes (they are written when the trial finishes).'));
  }

  function renderRollouts(rollouts) {
    // while the trial runs its rollouts have negative (live) ids; once it is stored they are replaced
    const ids = rollouts.map((r) => r.id).join(',');
    if (ids === state.rolloutCount) return;
    state.rolloutCount = ids;
    if (state.selected !== null && !rollouts.some((r) => r.id === state.selected)) state.selected = null;
    const columns = [
      { title: 'rollout', cell: (r) => (r.id > 0 ? '#' + r.id : 'live') },
      { title: 'kind', cell: (r) => r.kind },
      { title: 'episode', cell: (r) => r.episode, class: 'num' },
      { title: 'steps', cell: (r) => r.steps, class: 'num' },
      { title: 'outcome', cell: (r) => (r.success ? el('span', { class: 'badge state-done' }, 'success') : el('span', { class: 'badge state-cancelled' }, 'no success')) },
    ];
    const tableNode = C.table(columns, rollouts, { class: 'data', id: 'rollout-table' });
    tableNode.querySelectorAll('tbody tr').forEach((tr) => {
      const r = rollouts[Number(tr.getAttribute('data-index'))];
      tr.setAttribute('data-rollout', r.id);
      tr.setAttribute('tabindex', '0');
      tr.setAttribute('aria-label', 'replay ' + r.kind + ' rollout of episode ' + r.episode);
      tr.addEventListener('click', () => select(r.id));
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(r.id); } });
    });
    C.fill(document.getElementById('rollouts'), rollouts.length ? tableNode
      : el('p', { class: 'empty' }, 'No rollouts recorded for this trial (yet).'));
    if (rollouts.length && state.selected === null) select(latestEvaluation(rollouts).id);
    else if (state.selected !== null) highlight();
  }

  /** The rollout shown first: the latest evaluation (the trained policy), else the latest recorded rollout. */
  function latestEvaluation(rollouts) {
    const evaluations = rollouts.filter((r) => r.kind === 'evaluation');
    const pool = evaluations.length ? evaluations : rollouts;
    return pool.reduce((best, r) => (r.episode > best.episode || (r.episode === best.episode && r.id > best.id) ? r : best));
  }

  function highlight() {
    document.querySelectorAll('#rollout-table tbody tr').forEach((tr) => tr.classList.toggle('on', Number(tr.getAttribute('data-rollout')) === state.selected));
  }

  function select(rolloutId) {
    state.selected = rolloutId;
    highlight();
    Replay.load(rolloutId).catch(C.showError);
  }

  document.getElementById('log-scale').addEventListener('change', () => renderMetrics(state.metrics));
  C.wireNav();
  Replay.init();
  const refresh = C.throttle(() => load().catch(C.showError), 1000);
  load().then(() => {
    state.source = C.follow('/api/studies/' + state.studyId + '/events', ['episode', 'evaluation', 'trial-finished', 'trial-failed'],
      (type, data) => {
        if ((type === 'trial-finished' || type === 'trial-failed') && data.trialId === id) state.over = true;
        if (type === 'resync' || data.trialId === id) refresh();
      },
      (s) => C.liveState(document.getElementById('live'), state.source, s, state.over));
  }).catch(C.showError);
})();
