/* Corrigo report site: shared helpers (API access with the token, formatting, colours, DOM). */
'use strict';

const Corrigo = (() => {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  const embedded = window.CORRIGO_STATIC || null;

  /** A site URL carrying the token, if the page got one. */
  function link(path) {
    if (!token) return path;
    return path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
  }

  /**
   * GET an API path with optional query parameters as JSON. A static report answers from its embedded
   * responses, keyed by the path and the raw 'k=v' parameters.
   */
  async function api(path, query) {
    const entries = Object.entries(query || {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
    if (embedded) {
      const key = path + (entries.length ? '?' + entries.map(([k, v]) => k + '=' + v).join('&') : '');
      if (!(key in embedded.responses)) throw new Error('not part of this static report: ' + key);
      return embedded.responses[key];
    }
    const url = path + (entries.length ? '?' + new URLSearchParams(entries).toString() : '');
    const res = await fetch(link(url), { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) throw new Error(res.status + ': ' + (await res.text()));
    return res.json();
  }

  /**
   * Follows a Server-Sent-Events stream. onEvent(type, data) for each event; onState('live' | 'reconnecting')
   * on connection changes. Every (re)connection and every 'resync' calls onEvent('resync') so the page re-reads.
   */
  function follow(path, types, onEvent, onState) {
    if (embedded || !window.EventSource) return null;
    const source = new EventSource(link(path));
    source.addEventListener('open', () => { onState('live'); onEvent('resync', {}); });
    source.addEventListener('error', () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
    for (const type of types.concat(['resync'])) {
      source.addEventListener(type, (e) => {
        let data = {};
        try { data = JSON.parse(e.data); } catch (err) { /* a hint only */ }
        onEvent(type, data);
      });
    }
    return source;
  }

  /** Runs fn at most once per `ms`, trailing. */
  function throttle(fn, ms) {
    let timer = null;
    let again = false;
    const run = () => {
      timer = null;
      if (again) { again = false; fn(); timer = setTimeout(run, ms); }
    };
    return () => {
      if (timer) { again = true; return; }
      fn();
      timer = setTimeout(run, ms);
    };
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'style') Object.assign(node.style, v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** Replaces a node's children, skipping null, undefined and false. */
  function fill(node, ...children) {
    node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
    return node;
  }

  const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
  const pct = (v, digits = 0) => (isNum(v) ? (100 * v).toFixed(digits) + '%' : '–');
  const range = (i, digits = 0) => (i && isNum(i.low) ? (100 * i.low).toFixed(digits) + '–' + (100 * i.high).toFixed(digits) + '%' : '–');
  const int = (v) => (isNum(v) ? Math.round(v).toLocaleString('en-US') : '–');
  const fixed = (v, d = 2) => (isNum(v) ? v.toFixed(d) : '–');

  function duration(seconds) {
    if (!isNum(seconds)) return '–';
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return s + ' s';
    const m = Math.floor(s / 60);
    if (m < 60) return m + ' min ' + String(s % 60).padStart(2, '0') + ' s';
    return Math.floor(m / 60) + ' h ' + String(m % 60).padStart(2, '0') + ' min';
  }

  function date(iso) {
    if (!iso) return '–';
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** A sequential colour for a success rate in [0, 1] (viridis-like, readable text colour alongside). */
  const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  function successColour(v) {
    if (!isNum(v)) return { background: '#f2f2f2', color: '#555' };
    const x = Math.min(1, Math.max(0, v)) * (STOPS.length - 1);
    const i = Math.min(STOPS.length - 2, Math.floor(x));
    const f = x - i;
    const rgb = STOPS[i].map((c, k) => Math.round(c + f * (STOPS[i + 1][k] - c)));
    // the text colour with the higher WCAG contrast against the cell (#111 or white)
    const lum = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    const l = 0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]);
    const dark = (l + 0.05) / (0.0056 + 0.05) >= 1.05 / (l + 0.05);
    return { background: `rgb(${rgb.join(',')})`, color: dark ? '#111' : '#fff' };
  }

  /** Okabe–Ito colours, distinguishable with colour-vision deficiencies. */
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#8C6D31', '#000000'];
  const colour = (i) => PALETTE[i % PALETTE.length];
  function alpha(hex, a) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
  }

  function badge(state) {
    return el('span', { class: 'badge state-' + state, text: state });
  }

  /** Builds a table: columns [{title, cell(row) -> node|text, class}] */
  /** Sort column, direction and filter text of each table, kept across live re-renders (by table id). */
  const tableState = {};

  /** What a cell sorts by: its number when it reads as one (%, thousands separators, units after), else its text. */
  function sortKey(v) {
    const text = v instanceof Node ? v.textContent : String(v === null || v === undefined ? '' : v);
    const m = text.replace(/[,#%\s]/g, '').match(/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?/i);
    return m ? { n: parseFloat(m[0]), t: text } : { n: null, t: text };
  }

  function compareKeys(a, b) {
    if (a.n !== null && b.n !== null) return a.n - b.n;
    if (a.n !== null) return -1;
    if (b.n !== null) return 1;
    return a.t.localeCompare(b.t, undefined, { numeric: true });
  }

  /**
   * A data table: every header is a button that sorts by its column (again: the other way), and
   * tables of more than five rows get a filter box; both survive re-renders of the same table id.
   * Rows keep their index in `data-index`, so callers map them back to their data in any order.
   */
  function table(columns, rows, attrs) {
    const key = (attrs && attrs.id) || columns.map((c) => c.title).join('|');
    const st = tableState[key] || (tableState[key] = { column: -1, descending: false, query: '' });
    const cells = rows.map((r) => columns.map((c) => c.cell(r)));
    const keys = cells.map((row) => row.map(sortKey));
    const trs = cells.map((row, i) => el('tr', { 'data-index': i }, row.map((v, j) => el('td', { class: columns[j].class }, v))));
    const tbody = el('tbody', {}, trs);
    const arrows = columns.map(() => el('span', { class: 'arrow', 'aria-hidden': 'true' }));
    const ths = columns.map((c, j) => el('th', { class: c.class, title: c.help },
      el('button', { type: 'button', class: 'sort', onclick: () => {
        st.descending = st.column === j ? !st.descending : false;
        st.column = j;
        apply();
      } }, c.title, arrows[j])));
    function apply() {
      const order = trs.map((tr, i) => i);
      if (st.column >= 0 && st.column < columns.length) {
        order.sort((a, b) => compareKeys(keys[a][st.column], keys[b][st.column]) * (st.descending ? -1 : 1) || a - b);
      }
      tbody.replaceChildren(...order.map((i) => trs[i]));
      const q = st.query.trim().toLowerCase();
      trs.forEach((tr) => { tr.hidden = q !== '' && !tr.textContent.toLowerCase().includes(q); });
      ths.forEach((th, j) => {
        th.setAttribute('aria-sort', st.column === j ? (st.descending ? 'descending' : 'ascending') : 'none');
        arrows[j].textContent = st.column === j ? (st.descending ? ' ▼' : ' ▲') : '';
      });
    }
    const filter = rows.length > 5 ? el('caption', { class: 'filter' }, el('input', {
      type: 'search', placeholder: 'filter rows…', 'aria-label': 'Filter the rows of this table', value: st.query,
      oninput: (e) => { st.query = e.target.value; apply(); },
    })) : null;
    const node = el('table', attrs || {}, filter, el('thead', {}, el('tr', {}, ths)), tbody);
    apply();
    return node;
  }

  function exportLinks(path) {
    if (embedded) return el('span', { class: 'exports' }, 'CSV files are beside this report.');
    return el('span', { class: 'exports' }, 'Export: ',
      el('a', { href: link(path + (path.includes('?') ? '&' : '?') + 'format=csv') }, 'CSV'), ' · ',
      el('a', { href: link(path), target: '_blank' }, 'JSON'));
  }

  /**
   * The indicator for a stream's connection state when what the page shows may have ended: a finished
   * study or trial reads 'ended' while connected, and 'stopped' (the stream closed for good) when the
   * server goes away — not an endless 'reconnecting'.
   */
  function liveState(node, source, connection, over) {
    if (over && connection !== 'live') {
      if (source) source.close();
      setLive(node, 'stopped');
    } else {
      setLive(node, over && connection === 'live' ? 'ended' : connection);
    }
  }

  function setLive(node, state) {
    if (!node) return;
    node.className = 'live ' + state;
    node.textContent = { live: '● live', reconnecting: '○ reconnecting…', closed: '○ offline', static: 'static copy',
      ended: '● finished — up to date', stopped: '● finished — the server that ran it has stopped' }[state] || state;
  }

  function showError(err) {
    const box = document.getElementById('error');
    if (!box) return;
    box.hidden = false;
    box.textContent = 'Could not load data: ' + err.message;
  }

  function clearError() {
    const box = document.getElementById('error');
    if (box) box.hidden = true;
  }

  function wireNav() {
    if (embedded) {
      document.querySelectorAll('header.top nav').forEach((n) => n.remove());
      document.querySelectorAll('a[data-nav]').forEach((a) => a.removeAttribute('href'));
      return;
    }
    document.querySelectorAll('a[data-nav]').forEach((a) => { a.href = link(a.getAttribute('data-nav')); });
  }

  if (window.Chart) {
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
    Chart.defaults.font.size = 13;
    Chart.defaults.color = '#222';
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
  }

  return { params, token, embedded, link, api, follow, throttle, el, fill, isNum, pct, range, int, fixed, duration, date,
    successColour, colour, alpha, badge, table, exportLinks, setLive, liveState, showError, clearError, wireNav };
})();
