// The actor network: the busiest actors as nodes, an arrow from source to
// target weighted by events, laid out by a small force simulation.

import {el, QUAD_COLORS, fmtInt} from './util.js';

// layout places nodes with springs along links, repulsion between every
// pair and a pull to the centre, from a deterministic start (a circle), so
// that the same data always gives the same picture.
function layout(nodes, links, w, h) {
  const n = nodes.length;
  const idx = new Map(nodes.map((d, i) => [d.id, i]));
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = 2 * Math.PI * i / Math.max(1, n);
    x[i] = w / 2 + Math.cos(a) * w / 3;
    y[i] = h / 2 + Math.sin(a) * h / 3;
  }
  const L = links.map(l => [idx.get(l.source), idx.get(l.target), l.count]).filter(l => l[0] !== l[1]);
  const ideal = Math.min(w, h) / Math.max(3, Math.sqrt(n) * 1.2);
  for (let it = 0; it < 300; it++) {
    const t = 1 - it / 300;
    const fx = new Float64Array(n), fy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = x[i] - x[j], dy = y[i] - y[j];
        const d2 = Math.max(dx * dx + dy * dy, 1);
        const f = ideal * ideal / d2;
        fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
      }
      fx[i] += (w / 2 - x[i]) * 0.02; fy[i] += (h / 2 - y[i]) * 0.02;
    }
    for (const [a, b] of L) {
      const dx = x[b] - x[a], dy = y[b] - y[a];
      const d = Math.max(Math.hypot(dx, dy), 1);
      const f = (d - ideal) / d * 0.1;
      fx[a] += dx * f; fy[a] += dy * f; fx[b] -= dx * f; fy[b] -= dy * f;
    }
    for (let i = 0; i < n; i++) {
      const m = Math.hypot(fx[i], fy[i]), cap = 20 * t + 1;
      const s = m > cap ? cap / m : 1;
      x[i] = Math.max(40, Math.min(w - 40, x[i] + fx[i] * s));
      y[i] = Math.max(25, Math.min(h - 35, y[i] + fy[i] * s)); // room for the label below
    }
  }
  return {x, y, idx};
}

// conflictShare is the part of a link's events that are conflict (quad 3, 4).
function conflictShare(l) {
  const s = l.quad.reduce((a, b) => a + b, 0);
  return s ? (l.quad[3] + l.quad[4]) / s : 0;
}

export function renderNetwork(svg, table, status, data, onActor) {
  svg.replaceChildren();
  const tbody = table.querySelector('tbody');
  tbody.replaceChildren();
  status.textContent = data.nodes.length
    ? `${fmtInt(data.actors)} actors in ${fmtInt(data.pairs)} source–target pairs; the ${data.nodes.length} busiest shown`
    : 'No events with both a source and a target for these filters.';
  if (!data.nodes.length) return;
  const w = svg.clientWidth || 800, h = svg.clientHeight || 420;
  const {x, y, idx} = layout(data.nodes, data.links, w, h);
  const maxN = Math.max(...data.nodes.map(d => d.count));
  const maxL = Math.max(1, ...data.links.map(l => l.count));
  const r = c => 5 + 14 * Math.sqrt(c / maxN);
  const defs = el('defs', {});
  for (const q of [1, 3]) {
    defs.append(el('marker', {id: `arrow${q}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse'},
      el('path', {d: 'M0,0 L10,5 L0,10 z', fill: q === 3 ? QUAD_COLORS[4] : QUAD_COLORS[1]})));
  }
  svg.append(defs);
  const lines = el('g', {'aria-hidden': 'true'});
  for (const l of data.links) {
    const a = idx.get(l.source), b = idx.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    const dx = x[b] - x[a], dy = y[b] - y[a], d = Math.max(Math.hypot(dx, dy), 1);
    const rb = r(data.nodes[b].count) + 2, ra = r(data.nodes[a].count);
    const conflict = conflictShare(l) >= 0.5;
    lines.append(el('line', {
      x1: (x[a] + dx / d * ra).toFixed(1), y1: (y[a] + dy / d * ra).toFixed(1),
      x2: (x[b] - dx / d * rb).toFixed(1), y2: (y[b] - dy / d * rb).toFixed(1),
      stroke: conflict ? QUAD_COLORS[4] : QUAD_COLORS[1], 'stroke-width': (1 + 5 * l.count / maxL).toFixed(1),
      'marker-end': `url(#arrow${conflict ? 3 : 1})`,
    }, el('title', {}, `${l.source} → ${l.target}: ${l.count} events`)));
  }
  svg.append(lines);
  const nodes = el('g', {});
  data.nodes.forEach((d, i) => {
    const out = data.links.filter(l => l.source === d.id).reduce((a, l) => a + l.count, 0);
    const label = `${d.id}: in ${d.count} events, source of ${out}. Filter by this actor.`;
    const g = el('g', {class: 'node', tabindex: 0, role: 'button', 'aria-label': label, transform: `translate(${x[i].toFixed(1)},${y[i].toFixed(1)})`},
      el('circle', {r: r(d.count).toFixed(1), fill: '#5a6f86'}),
      el('text', {x: 0, y: r(d.count) + 12, 'text-anchor': 'middle'}, d.id),
      el('title', {}, label));
    g.addEventListener('click', () => onActor(d.id));
    g.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onActor(d.id); } });
    nodes.append(g);
  });
  svg.append(nodes);
  for (const l of data.links.slice(0, 12)) {
    const btn = id => el('button', {type: 'button', class: 'code linklike', onclick: () => onActor(id), 'aria-label': `Filter by ${id}`}, id);
    tbody.append(el('tr', {}, el('td', {}, btn(l.source)), el('td', {}, btn(l.target)), el('td', {}, fmtInt(l.count)),
      el('td', {}, Math.round(100 * conflictShare(l)) + '%')));
  }
}
