// The map: Natural Earth countries drawn on a canvas in Web Mercator, and
// the server's clusters of events as focusable SVG points over it.

import {el, api, QUAD_COLORS, QUAD_NAMES, ploverColor, debounce, fmtInt} from './util.js';

const DEG = 180 / Math.PI;
const MAX_ZOOM = 14;

export function mercY(lat) {
  lat = Math.max(-85.05, Math.min(85.05, lat));
  return Math.log(Math.tan(Math.PI / 4 + lat / DEG / 2)) * DEG;
}

export function invMercY(y) {
  return (2 * Math.atan(Math.exp(y / DEG)) - Math.PI / 2) * DEG;
}

// radius sizes a point by the reports of its events.
function radius(mentions) {
  return Math.min(26, 4 + 2.5 * Math.log2(1 + mentions));
}

function shortCount(n) {
  if (n < 1000) return String(n);
  if (n < 10000) return (n / 1000).toFixed(1).replace(/\.0$/, '') + 'k';
  return Math.round(n / 1000) + 'k';
}

export class WorldMap {
  // opts: filters() → filter params; color() → 'quad' | 'plover';
  // types() → PLOVER type list; onView(view); onEvent(id); onPlace(cluster);
  // onClusters(data); onError(err).
  constructor(root, opts) {
    this.root = root;
    this.canvas = root.querySelector('canvas');
    this.svg = root.querySelector('svg');
    this.opts = opts;
    this.lon = 20; this.lat = 25; this.zoom = 1;
    this.world = null;
    this.highlight = '';
    this.selected = '';
    this.data = null;
    this.fetchClusters = debounce(() => this.load(), 120);
    this.viewChanged = debounce(() => this.opts.onView(this.view()), 300);
    this.bind();
    let last = '';
    new ResizeObserver(() => {
      const size = `${root.clientWidth}x${root.clientHeight}`;
      if (size === last) return;
      const first = !last;
      last = size;
      this.clampView();
      this.draw();
      if (!first) this.fetchClusters();
    }).observe(root);
  }

  // loadWorld fetches and decodes the embedded map.
  async loadWorld() {
    const res = await fetch('/world.json');
    if (!res.ok) throw new Error(`the world map did not load (${res.status})`);
    const w = await res.json();
    const s = 1 / w.scale;
    const arcs = w.arcs.map(a => {
      const pts = new Float64Array(a.length);
      let x = 0, y = 0;
      for (let i = 0; i < a.length; i += 2) {
        x += a[i]; y += a[i + 1];
        pts[i] = x * s; pts[i + 1] = -mercY(y * s);
      }
      return pts;
    });
    // Shapes that cross the antimeridian jump from +180 to -180: they are
    // unwrapped into one piece, which is drawn again 360° away.
    const trace = (path, pts, shift) => {
      for (let i = 0; i < pts.length; i += 2) {
        if (i === 0) path.moveTo(pts[0] + shift, pts[1]); else path.lineTo(pts[i] + shift, pts[i + 1]);
      }
    };
    const shifts = (minX, maxX) => [0, ...(maxX > 180 ? [-360] : []), ...(minX < -180 ? [360] : [])];
    const unwrap = pts => {
      const out = [];
      let off = 0, minX = Infinity, maxX = -Infinity;
      for (let i = 0; i < pts.length; i += 2) {
        let x = pts[i] + off;
        if (out.length) {
          const prev = out[out.length - 2];
          if (x - prev > 180) { off -= 360; x -= 360; } else if (prev - x > 180) { off += 360; x += 360; }
        }
        out.push(x, pts[i + 1]);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
      }
      return {pts: out, minX, maxX};
    };
    const borders = new Path2D();
    for (const a of arcs) {
      const u = unwrap(a);
      for (const s of shifts(u.minX, u.maxX)) trace(borders, u.pts, s);
    }
    const land = new Path2D();
    const byISO = new Map();
    const labels = [];
    for (const c of w.countries) {
      const path = new Path2D();
      let best = null;
      for (const poly of c.polygons) {
        for (const [ri, ring] of poly.entries()) {
          const raw = [];
          for (const idx of ring) {
            const p = arcs[idx < 0 ? ~idx : idx];
            const n = p.length / 2;
            for (let j = 0; j < n; j++) {
              const k = idx < 0 ? n - 1 - j : j;
              raw.push(p[2 * k], p[2 * k + 1]);
            }
          }
          const {pts, minX, maxX} = unwrap(raw);
          for (const s of shifts(minX, maxX)) { trace(path, pts, s); path.closePath(); }
          let minY = Infinity, maxY = -Infinity;
          for (let i = 1; i < pts.length; i += 2) { minY = Math.min(minY, pts[i]); maxY = Math.max(maxY, pts[i]); }
          const area = (maxX - minX) * (maxY - minY);
          if (ri === 0 && (!best || area > best.area)) best = {area, x: (minX + maxX) / 2, y: (minY + maxY) / 2, w: maxX - minX};
        }
      }
      land.addPath(path);
      if (c.iso3) byISO.set(c.iso3, path);
      if (best) labels.push({name: c.name, ...best});
    }
    this.world = {borders, land, byISO, labels};
    this.draw();
  }

  size() { return {w: this.root.clientWidth || 600, h: this.root.clientHeight || 400}; }
  scale() { return 256 * 2 ** this.zoom / 360; } // pixels per Mercator degree
  minZoom() { return Math.max(0, Math.log2(this.size().w / 256)); }

  project(lon, lat) {
    const {w, h} = this.size(), k = this.scale();
    return [(lon - this.lon) * k + w / 2, -(mercY(lat) - mercY(this.lat)) * k + h / 2];
  }

  unproject(x, y) {
    const {w, h} = this.size(), k = this.scale();
    return [this.lon + (x - w / 2) / k, invMercY(mercY(this.lat) - (y - h / 2) / k)];
  }

  bbox() {
    const {w, h} = this.size();
    const [lon0, lat1] = this.unproject(0, 0), [lon1, lat0] = this.unproject(w, h);
    const r = v => Math.round(v * 1e4) / 1e4;
    return [r(Math.max(-180, lon0)), r(Math.max(-85, lat0)), r(Math.min(180, lon1)), r(Math.min(85, lat1))];
  }

  view() { return {lon: this.lon, lat: this.lat, zoom: this.zoom}; }

  // setView moves the map; {url: false} leaves the address alone and
  // {fetch: false} the points.
  setView(lon, lat, zoom, {url = true, fetch = true} = {}) {
    this.lon = lon; this.lat = lat; this.zoom = zoom;
    this.clampView();
    this.draw();
    if (fetch) this.fetchClusters();
    if (url) this.viewChanged();
  }

  clampView() {
    this.zoom = Math.max(this.minZoom(), Math.min(MAX_ZOOM, this.zoom));
    const {w, h} = this.size(), k = this.scale();
    const halfW = w / 2 / k, halfH = h / 2 / k;
    this.lon = Math.max(-180 + halfW, Math.min(180 - halfW, this.lon));
    if (halfW >= 180) this.lon = 0;
    const top = mercY(85) - halfH, bottom = mercY(-60) + halfH;
    const y = top > bottom ? Math.max(bottom, Math.min(top, mercY(this.lat))) : (top + bottom) / 2;
    this.lat = invMercY(y);
  }

  fit(b, pad = 40) {
    const {w, h} = this.size();
    const dx = Math.max(b[2] - b[0], 0.02), dy = Math.max(mercY(b[3]) - mercY(b[1]), 0.02);
    const k = Math.min((w - 2 * pad) / dx, (h - 2 * pad) / dy);
    const zoom = Math.log2(k * 360 / 256);
    this.setView((b[0] + b[2]) / 2, invMercY((mercY(b[1]) + mercY(b[3])) / 2), Math.min(zoom, 11));
  }

  zoomBy(dz, x, y) {
    const {w, h} = this.size();
    if (x === undefined) { x = w / 2; y = h / 2; }
    const [lon, lat] = this.unproject(x, y);
    this.zoom = Math.max(this.minZoom(), Math.min(MAX_ZOOM, this.zoom + dz));
    // Keep the point under the cursor where it is.
    const k = this.scale();
    this.lon = lon - (x - w / 2) / k;
    this.lat = invMercY(mercY(lat) + (y - h / 2) / k);
    this.setView(this.lon, this.lat, this.zoom);
  }

  panBy(dx, dy) {
    const k = this.scale();
    this.setView(this.lon + dx / k, invMercY(mercY(this.lat) - dy / k), this.zoom);
  }

  draw() {
    const {w, h} = this.size();
    const dpr = window.devicePixelRatio || 1;
    const c = this.canvas;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr); c.height = Math.round(h * dpr);
    }
    const ctx = c.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    if (!this.world) return;
    const k = this.scale();
    ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * (w / 2 - this.lon * k), dpr * (h / 2 + mercY(this.lat) * k));
    ctx.fillStyle = '#f4f1ea';
    ctx.fill(this.world.land, 'evenodd');
    const hl = this.highlight && this.world.byISO.get(this.highlight);
    if (hl) { ctx.fillStyle = '#fde9a9'; ctx.fill(hl, 'evenodd'); }
    ctx.lineWidth = 0.8 / k;
    ctx.strokeStyle = '#8f8f8f';
    ctx.stroke(this.world.borders);
    // Country names where they fit.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillStyle = '#4a4a4a';
    for (const l of this.world.labels) {
      const px = l.w * k;
      if (px < 70) continue;
      const x = (l.x - this.lon) * k + w / 2, y = (l.y + mercY(this.lat)) * k + h / 2;
      if (x < 0 || x > w || y < 0 || y > h) continue;
      if (ctx.measureText(l.name).width > px * 0.9) continue;
      ctx.fillText(l.name, x, y);
    }
  }

  // load fetches the clusters of the current view.
  async load() {
    if (this.abort) this.abort.abort();
    const ac = this.abort = new AbortController();
    const params = {...this.opts.filters(), bbox: this.bbox().join(','), zoom: Math.floor(this.zoom)};
    try {
      const data = await api('/ui/map', params, ac.signal);
      if (ac.signal.aborted) return;
      this.data = data;
      this.renderClusters();
      this.opts.onClusters(data);
    } catch (err) {
      if (err.name !== 'AbortError') this.opts.onError(err);
    }
  }

  renderClusters() {
    const svg = this.svg;
    svg.replaceChildren();
    if (!this.data) return;
    const {w, h} = this.size();
    const color = this.opts.color();
    const types = this.opts.types();
    const frag = document.createDocumentFragment();
    for (const c of this.data.clusters) {
      const [x, y] = this.project(c.lon, c.lat);
      const r = radius(c.mentions);
      if (x < -r || y < -r || x > w + r || y > h + r) continue;
      const fill = color === 'plover' ? ploverColor(types, c.plover) : QUAD_COLORS[c.quad];
      const kind = color === 'plover' ? (c.plover || 'no PLOVER type') : QUAD_NAMES[c.quad];
      const what = c.count === 1 ? '1 event' : `${fmtInt(c.count)} events`;
      const where = c.places > 1 ? `around ${c.name || 'an unnamed place'} (${c.places} places)` : (c.name || 'an unnamed place');
      const label = `${where}: ${what}, ${fmtInt(c.mentions)} reports, ${c.count === 1 ? '' : 'mostly '}${kind}`;
      const g = el('g', {
        class: 'pt' + (c.event && c.event === this.selected ? ' selected' : ''), tabindex: 0, role: 'button',
        'aria-label': label, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`,
        'data-count': c.count, 'data-event': c.event || undefined,
      },
      el('circle', {r: r.toFixed(1), fill}),
      c.count > 1 && r >= 9 ? el('text', {}, shortCount(c.count)) : null,
      el('title', {}, label));
      g.addEventListener('click', e => { e.stopPropagation(); this.activate(c); });
      g.addEventListener('keydown', e => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); e.stopPropagation(); this.activate(c); }
      });
      frag.append(g);
    }
    svg.append(frag);
  }

  activate(c) {
    if (c.event) this.opts.onEvent(c.event);
    else if (c.places > 1 && this.zoom < 11) this.fit(c.bbox, 60);
    else this.opts.onPlace(c);
  }

  bind() {
    const root = this.root;
    let drag = null;
    root.addEventListener('pointerdown', e => {
      if (e.button !== 0 || e.target.closest('.pt')) return;
      drag = {x: e.clientX, y: e.clientY, moved: false};
      root.setPointerCapture(e.pointerId);
      root.classList.add('dragging');
    });
    root.addEventListener('pointermove', e => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 0) drag.moved = true;
      drag.x = e.clientX; drag.y = e.clientY;
      this.lon -= dx / this.scale();
      this.lat = invMercY(mercY(this.lat) + dy / this.scale());
      this.clampView();
      this.draw();
      this.renderClusters();
    });
    const end = () => {
      if (!drag) return;
      const moved = drag.moved;
      drag = null;
      root.classList.remove('dragging');
      if (moved) this.setView(this.lon, this.lat, this.zoom);
    };
    root.addEventListener('pointerup', end);
    root.addEventListener('pointercancel', end);
    root.addEventListener('wheel', e => {
      e.preventDefault();
      const r = root.getBoundingClientRect();
      this.zoomBy(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002), e.clientX - r.left, e.clientY - r.top);
    }, {passive: false});
    root.addEventListener('dblclick', e => {
      if (e.target.closest('.pt')) return;
      const r = root.getBoundingClientRect();
      this.zoomBy(e.shiftKey ? -1 : 1, e.clientX - r.left, e.clientY - r.top);
    });
    root.addEventListener('keydown', e => {
      const step = 80;
      const keys = {
        ArrowLeft: () => this.panBy(-step, 0), ArrowRight: () => this.panBy(step, 0),
        ArrowUp: () => this.panBy(0, -step), ArrowDown: () => this.panBy(0, step),
        '+': () => this.zoomBy(1), '=': () => this.zoomBy(1), '-': () => this.zoomBy(-1), '0': () => this.setView(20, 25, 0),
      };
      if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); keys[e.key](); }
    });
  }
}
