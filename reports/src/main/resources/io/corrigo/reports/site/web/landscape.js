/*
 * The action landscape beside the replay (CLIC's Fig. 1): for energy-based learners in 2-D action
 * spaces the host records softmax(Q/0.2), min-max normalised, on a grid over the action box at a
 * few states of each evaluation rollout. The panel shows the landscape of the latest such frame at
 * or before the replay's frame, with the corrections the learner holds near that state (robot action
 * a^r: blue dot, corrected action: green dot, desired-set outline: grey) and the action it took.
 */
'use strict';

const LandscapeView = (() => {
  const C = Corrigo;
  const SIZE = 280;
  const TONES = { agent: '#0072B2', goal: '#009E73', target: '#009E73', path: '#5a5a5a', text: '#222222' };
  const s = { frames: [], steps: [] };
  const $ = (id) => document.getElementById(id);

  /** Viridis-like ramp: 0 dark purple, 1 yellow. */
  function colour(v) {
    const stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
    const x = Math.max(0, Math.min(1, v)) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(x));
    const f = x - i;
    return stops[i].map((c, k) => Math.round(c + f * (stops[i + 1][k] - c)));
  }

  /** Called by the replay with the loaded frames; shows the panel only if some frame has a landscape. */
  function load(frames, jump) {
    s.frames = frames;
    s.steps = frames.map((f, i) => (f.landscape ? i : -1)).filter((i) => i >= 0);
    const panel = $('landscape-panel');
    if (!panel) return;
    panel.hidden = s.steps.length === 0;
    C.fill($('landscape-jumps'), ...s.steps.map((i) => C.el('button', {
      type: 'button', 'data-frame': String(i), title: 'show frame ' + (i + 1),
      onclick: () => jump(i),
    }, 't = ' + frames[i].t)));
  }

  /** Draws the landscape of the latest landscape frame at or before frame {@code index}. */
  function show(index) {
    const panel = $('landscape-panel');
    if (!panel || !s.steps.length) return;
    const at = s.steps.filter((i) => i <= index).pop();
    const canvas = $('landscape');
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, SIZE, SIZE);
    document.querySelectorAll('#landscape-jumps button').forEach((b) => b.classList.toggle('on', Number(b.getAttribute('data-frame')) === at));
    if (at === undefined) {
      ctx.fillStyle = '#777';
      ctx.font = '13px system-ui, sans-serif';
      ctx.fillText('No landscape before this frame.', 20, SIZE / 2);
      $('landscape-caption').textContent = '';
      canvas.setAttribute('data-t', '');
      return;
    }
    const frame = s.frames[at];
    draw(ctx, frame.landscape, frame.learner);
    canvas.setAttribute('data-t', String(frame.t));
    $('landscape-caption').textContent = 'at t = ' + frame.t + (at === index ? '' : ' (the latest landscape at or before this frame)');
  }

  function draw(ctx, l, action) {
    const n = l.resolution;
    const image = ctx.createImageData(n, n);
    for (let iy = 0; iy < n; iy++) {
      for (let ix = 0; ix < n; ix++) {
        const [r, g, b] = colour(l.density[iy * n + ix]);
        const o = 4 * ((n - 1 - iy) * n + ix);   // row 0 is the lowest action: draw it at the bottom
        image.data[o] = r; image.data[o + 1] = g; image.data[o + 2] = b; image.data[o + 3] = 255;
      }
    }
    const tile = document.createElement('canvas');
    tile.width = n;
    tile.height = n;
    tile.getContext('2d').putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tile, 0, 0, SIZE, SIZE);
    const [lx, ly, hx, hy] = l.bounds;
    const P = (p) => [(p[0] - lx) / (hx - lx) * SIZE, (hy - p[1]) / (hy - ly) * SIZE];
    const k = SIZE / (hx - lx);
    for (const shape of l.overlay) drawShape(ctx, shape, P, k);
    if (action) {
      const [x, y] = P([action[0], action[1]]);
      ctx.strokeStyle = '#fff';
      ctx.fillStyle = '#7B3FBF';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }

  function drawShape(ctx, shape, P, k) {
    const col = TONES[shape.tone] || '#ddd';
    ctx.save();
    ctx.strokeStyle = shape.tone === 'path' ? 'rgba(255,255,255,.8)' : '#fff';
    ctx.fillStyle = col;
    ctx.lineWidth = 1.5;
    if (shape.type === 'circle' && shape.filled) {
      const [x, y] = P(shape.c);
      ctx.beginPath();
      ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    } else if (shape.type === 'circle') {
      const [x, y] = P(shape.c);
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.arc(x, y, shape.r * k, 0, 2 * Math.PI);
      ctx.stroke();
    } else if (shape.type === 'polygon' || shape.type === 'segment') {
      const pts = shape.type === 'segment' ? [shape.from, shape.to] : shape.points;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      pts.forEach((p, i) => { const [x, y] = P(p); if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
      if (shape.type === 'polygon') ctx.closePath();
      ctx.stroke();
    }
    ctx.restore();
  }

  return { load, show };
})();
