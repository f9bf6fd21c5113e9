/* The installed plugins with their configuration defaults. */
'use strict';

(() => {
  const C = Corrigo;
  const el = C.el;

  function defaults(node, indent) {
    if (node === null || typeof node !== 'object') return JSON.stringify(node);
    const pad = '  '.repeat(indent);
    if (Array.isArray(node)) return '[' + node.map((v) => defaults(v, indent + 1)).join(', ') + ']';
    const entries = Object.entries(node);
    if (!entries.length) return '{}';
    return entries.map(([k, v]) => (v !== null && typeof v === 'object' && !Array.isArray(v)
      ? pad + k + ':\n' + defaults(v, indent + 1) : pad + k + ': ' + defaults(v, indent + 1))).join('\n');
  }

  async function load() {
    const data = await C.api('/api/plugins');
    const order = { environment: 0, feedback: 1, learner: 2 };
    const rows = data.plugins.slice().sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9) || a.id.localeCompare(b.id));
    const columns = [
      { title: 'id', cell: (p) => el('code', {}, el('b', {}, p.id)) },
      { title: 'kind', cell: (p) => p.kind },
      { title: 'description', cell: (p) => p.description },
      { title: 'bundle', cell: (p) => el('span', {}, p.bundle, el('br'), el('span', { class: 'note' }, p.version + ' · ' + p.state)) },
      { title: 'configuration defaults', cell: (p) => el('div', { class: 'defaults' }, defaults(p.defaults, 0)) },
    ];
    C.fill(document.getElementById('plugins'), rows.length ? C.table(columns, rows, { class: 'data', id: 'plugins-table' })
      : el('p', { class: 'empty' }, 'No plugin framework in this process (serving stored results only).'));
    C.fill(document.getElementById('plugins-export'), C.exportLinks('/api/plugins'));
  }

  C.wireNav();
  load().catch(C.showError);
})();
