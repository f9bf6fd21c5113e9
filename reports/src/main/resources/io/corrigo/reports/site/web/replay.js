/* Rollout replay: draws the recorded scene frames on a canvas with the learner's and the teacher's actions. */
'use strict';

const Replay = (() => {
  const C = Corrigo;
  const TONES = {
    agent: '#0072B2', goal: '#009E73', target: '#009E73', obstacle: '#6b6b6b', object: '#a6761d',
    wall: '#333333', path: '#a0a0a0', text: '#222222',
  };
  const NAMES = {
    agent: 'agent', goal: 'goal', target: 'target pose', obstacle: 'obstacle', object: 'object to push', wall: 'wall',
    path: 'path to follow', text: 'label',
  };
  const TRAIL = 40;
  const LEARNER = '#7B3FBF';
  const TEACHER = '#E69F00';
  const SIZE = 560;
  const FPS = 10;
  const s = { frames: [], index: 0, timer: null, speed: 1 };
  const $ = (id) => document.getElementById(id);

  function init() {
    const canvas = $('scene');
    const dpr = window.devicePixelRatio || 1;
    canvas.width = SIZE * dpr;
    canvas.height = SIZE * dpr;
    s.ctx = canvas.getContext('2d');
    s.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    $('play').onclick = toggle;
    $('first').onclick = () => { stop(); show(0); };
    $('back').onclick = () => { stop(); show(s.index - 1); };
    $('forward').onclick = () => { stop(); show(s.index + 1); };
    $('scrub').oninput = (e) => { stop(); show(Number(e.target.value)); };
    $('speed').onchange = (e) => { s.speed = Number(e.target.value); if (s.timer) { stop(); play(); } };
    $('timeline').onclick = (e) => {
      const r = e.currentTarget.getBoundingClientRect();
      stop();
      show(Math.round(((e.clientX - r.left) / r.width) * (s.frames.length - 1)));
    };
    canvas.onkeydown = (e) => {
      if (e.key === ' ') { e.preventDefault(); toggle(); }
      if (e.key === 'ArrowLeft') { stop(); show(s.index - 1); }
      if (e.key === 'ArrowRight') { stop(); show(s.index + 1); }
    };
    clear('Pick a rollout to replay it.');
  }

  async function load(rolloutId) {
    stop();
    s.frames = await C.api('/api/rollouts/' + rolloutId);
    $('scrub').max = Math.max(0, s.frames.length - 1);
    markers();
    legend();
    if (typeof LandscapeView !== 'undefined') LandscapeView.load(s.frames, (i) => { stop(); show(i); });
    show(0);
  }

  function markers() {
    const n = Math.max(1, s.frames.length - 1);
    const marks = [];
    s.frames.forEach((f, i) => {
      const kind = f.feedback && f.feedback !== 'none' ? (f.feedback === 'takeover' ? 'takeover' : 'correction')
        : (f.executedBy === 'teacher' ? 'teacher' : null);
      if (f.landscape) marks.push(C.el('span', { class: 'mark landscape', style: { left: (100 * i / n) + '%' }, title: 'frame ' + (i + 1) + ': action landscape recorded' }));
      if (kind) marks.push(C.el('span', { class: 'mark ' + kind, style: { left: (100 * i / n) + '%' }, title: 'frame ' + (i + 1) + ': ' + (f.feedback !== 'none' ? f.feedback : 'teacher executed') }));
    });
    s.head = C.el('span', { class: 'head' });
    C.fill($('timeline'), ...marks, s.head);
    s.marks = marks.length;
  }

  function toggle() { if (s.timer) stop(); else play(); }

  function play() {
    if (!s.frames.length) return;
    if (s.index >= s.frames.length - 1) show(0);
    $('play').textContent = '‖ pause';
    s.timer = setInterval(() => {
      if (s.index >= s.frames.length - 1) { stop(); return; }
      show(s.index + 1);
    }, 1000 / (FPS * s.speed));
  }

  function stop() {
    if (s.timer) clearInterval(s.timer);
    s.timer = null;
    $('play').textContent = '▶ play';
  }

  function show(i) {
    if (!s.frames.length) return;
    s.index = Math.max(0, Math.min(s.frames.length - 1, i));
    const f = s.frames[s.index];
    draw(f);
    $('scene').setAttribute('data-frame', String(s.index));
    $('scrub').value = s.index;
    $('frame-label').textContent = 'frame ' + (s.index + 1) + ' / ' + s.frames.length;
    if (s.head) s.head.style.left = (100 * s.index / Math.max(1, s.frames.length - 1)) + '%';
    $('frame-info').textContent = describe(f);
    if (typeof LandscapeView !== 'undefined') LandscapeView.show(s.index);
  }

  function describe(f) {
    const vec = (a) => '[' + a.map((v) => v.toFixed(2)).join(', ') + ']';
    const parts = ['t = ' + f.t];
    if (f.learner) parts.push('learner ' + vec(f.learner));
    if (f.teacher) parts.push('teacher ' + vec(f.teacher));
    if (f.feedback) parts.push('feedback: ' + f.feedback);
    if (f.executedBy) parts.push('executed by ' + f.executedBy);
    if (C.isNum(f.reward)) parts.push('reward ' + f.reward.toFixed(3));
    if (f.success) parts.push('success ✓');
    if (!f.learner) parts.push('final state');
    return parts.join(' · ');
  }

  function clear(message) {
    const ctx = s.ctx;
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.fillStyle = '#777';
    ctx.font = '15px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(message, SIZE / 2, SIZE / 2);
    ctx.textAlign = 'start';
  }

  function draw(frame) {
    const scene = frame.scene;
    if (!scene || !scene.bounds) { clear('No scene recorded for this frame.'); return; }
    const ctx = s.ctx;
    const [minX, minY, maxX, maxY] = scene.bounds;
    const pad = 14;
    const k = Math.min((SIZE - 2 * pad) / (maxX - minX), (SIZE - 2 * pad) / (maxY - minY));
    const ox = (SIZE - k * (maxX - minX)) / 2;
    const oy = (SIZE - k * (maxY - minY)) / 2;
    const P = (p) => [ox + (p[0] - minX) * k, oy + (maxY - p[1]) * k];
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.fillStyle = '#fbfbfc';
    ctx.fillRect(ox, oy, k * (maxX - minX), k * (maxY - minY));
    ctx.strokeStyle = '#d0d0d5';
    ctx.lineWidth = 1;
    ctx.strokeRect(ox, oy, k * (maxX - minX), k * (maxY - minY));
    for (const shape of scene.shapes || []) drawShape(ctx, shape, P, k);
    const af = scene.actionFrame;
    trail(ctx, P);
    if (af) {
      if (frame.teacher) arrow(ctx, P, af, frame.teacher, TEACHER, frame.executedBy === 'teacher' ? 4 : 2.5);
      if (frame.learner) arrow(ctx, P, af, frame.learner, LEARNER, frame.executedBy === 'teacher' ? 2.5 : 4);
    }
  }

  /** The agent's last positions (the origin of each frame's action arrows), fading with age. */
  function trail(ctx, P) {
    const from = Math.max(0, s.index - TRAIL);
    const points = [];
    for (let j = from; j <= s.index; j++) {
      const af = s.frames[j] && s.frames[j].scene && s.frames[j].scene.actionFrame;
      if (af && af.origin) points.push(P(af.origin));
    }
    ctx.save();
    ctx.strokeStyle = TONES.agent;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    for (let j = 1; j < points.length; j++) {
      ctx.globalAlpha = 0.08 + 0.5 * j / points.length;
      ctx.beginPath();
      ctx.moveTo(points[j - 1][0], points[j - 1][1]);
      ctx.lineTo(points[j][0], points[j][1]);
      ctx.stroke();
    }
    ctx.restore();
  }

  /** A legend of what the rollout's scene draws, from the scene itself (its tones and shapes). */
  function legend() {
    const box = $('scene-legend');
    if (!box) return;
    const seen = new Map();
    for (const f of s.frames.slice(0, 1)) {
      for (const shape of (f.scene && f.scene.shapes) || []) {
        if (shape.tone === 'text' || seen.has(shape.tone)) continue;
        seen.set(shape.tone, shape.type === 'circle' && !shape.filled ? 'ring' : shape.type === 'segment' ? 'line' : 'disc');
      }
    }
    const colour = (tone) => TONES[tone] || '#444';
    const items = [...seen.entries()].map(([tone, form]) => C.el('span', {}, C.el('i', { class: 'swatch-' + form,
      style: { background: form === 'ring' ? 'transparent' : colour(tone), border: '2px solid ' + colour(tone) } }),
      NAMES[tone] || tone));
    if (s.frames.some((f) => f.scene && f.scene.actionFrame)) {
      items.push(C.el('span', {}, C.el('i', { style: { background: TONES.agent, opacity: '0.45', height: '4px', width: '16px' } }),
        'trail: the agent\'s last ' + TRAIL + ' steps'));
    }
    C.fill(box, ...items);
  }

  function drawShape(ctx, shape, P, k) {
    const colour = TONES[shape.tone] || '#444';
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = shape.tone === 'wall' ? 3 : 2;
    if (shape.tone === 'path') ctx.setLineDash([6, 5]);
    if (shape.type === 'circle') {
      const [x, y] = P(shape.c);
      ctx.beginPath();
      ctx.arc(x, y, Math.max(2, shape.r * k), 0, 2 * Math.PI);
      if (shape.filled) { ctx.globalAlpha = shape.tone === 'goal' || shape.tone === 'target' ? 0.35 : 0.9; ctx.fill(); ctx.globalAlpha = 1; }
      ctx.stroke();
    } else if (shape.type === 'polygon' && shape.points.length) {
      ctx.beginPath();
      shape.points.forEach((p, i) => { const [x, y] = P(p); if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
      ctx.closePath();
      if (shape.filled) { ctx.globalAlpha = shape.tone === 'goal' || shape.tone === 'target' ? 0.3 : 0.85; ctx.fill(); ctx.globalAlpha = 1; }
      ctx.stroke();
    } else if (shape.type === 'segment') {
      const [x1, y1] = P(shape.from);
      const [x2, y2] = P(shape.to);
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
    } else if (shape.type === 'text') {
      const [x, y] = P(shape.at);
      ctx.font = '14px system-ui, sans-serif';
      ctx.fillText(shape.text, x, y);
    }
    ctx.restore();
  }

  function arrow(ctx, P, af, action, colour, width) {
    const ax = action[af.x];
    const ay = action[af.y];
    if (!C.isNum(ax) || !C.isNum(ay)) return;
    const [x1, y1] = P(af.origin);
    const [x2, y2] = P([af.origin[0] + ax * af.scale, af.origin[1] + ay * af.scale]);
    const len = Math.hypot(x2 - x1, y2 - y1);
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
    if (len > 3) {
      const angle = Math.atan2(y2 - y1, x2 - x1);
      const head = Math.min(14, 4 + len / 3);
      ctx.beginPath();
      ctx.moveTo(x2, y2);
      ctx.lineTo(x2 - head * Math.cos(angle - 0.45), y2 - head * Math.sin(angle - 0.45));
      ctx.lineTo(x2 - head * Math.cos(angle + 0.45), y2 - head * Math.sin(angle + 0.45));
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  }

  return { init, load, state: s };
})();
