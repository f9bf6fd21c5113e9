/* The study list, refreshed when any study reports progress. */
'use strict';

(() => {
  const C = Corrigo;
  const el = C.el;

  function progress(s) {
    const total = Math.max(1, s.trialsTotal);
    const seg = (cls, n) => el('span', { class: cls, style: { width: (100 * n / total) + '%' } });
    return el('div', { class: 'progress', style: { margin: 0, minWidth: '10rem' } },
      el('div', { class: 'bar' }, seg('done', s.trialsDone), seg('running', s.trialsRunning), seg('failed', s.trialsFailed)),
      el('div', { class: 'note' }, s.trialsDone + ' / ' + s.trialsTotal + ' done'
        + (s.trialsRunning ? ' · ' + s.trialsRunning + ' running' : '') + (s.trialsFailed ? ' · ' + s.trialsFailed + ' failed' : '')));
  }

  async function load() {
    const data = await C.api('/api/studies');
    const columns = [
      { title: 'study', cell: (s) => el('div', {}, el('a', { href: C.link('/study?id=' + s.id) }, el('b', {}, s.name), ' #' + s.id),
        s.description ? el('div', { class: 'note' }, s.description) : null) },
      { title: 'state', cell: (s) => C.badge(s.state) },
      { title: 'design', cell: (s) => s.design || '–' },
      { title: 'progress', cell: progress },
      { title: 'started', cell: (s) => C.date(s.createdAt) },
      { title: 'wall time', cell: (s) => (C.isNum(s.wallSeconds) ? C.duration(s.wallSeconds) : '–'), class: 'num' },
      { title: 'device', cell: (s) => s.device },
      { title: 'data', cell: (s) => el('span', { class: 'exports' },
        el('a', { href: C.link('/api/studies/' + s.id + '/matrix?format=csv') }, 'matrix CSV'), ' · ',
        el('a', { href: C.link('/api/studies/' + s.id), target: '_blank' }, 'JSON')) },
    ];
    const box = document.getElementById('studies');
    C.fill(box, data.studies.length ? C.table(columns, data.studies, { class: 'data', id: 'studies-table' })
      : el('p', { class: 'empty' }, 'No studies yet: run one with ./corrigo run configs/quickstart.yaml'));
    C.fill(document.getElementById('studies-export'), C.exportLinks('/api/studies'));
    C.clearError();
  }

  C.wireNav();
  const refresh = C.throttle(() => load().catch(C.showError), 2000);
  refresh();
  C.follow('/api/events', ['trial-started', 'trial-finished', 'trial-failed', 'study-finished'], refresh,
    (s) => C.setLive(document.getElementById('live'), s));
})();
