// The timeline: events per day (or week, or month, as the span needs)
// stacked by quad class or PLOVER type, with a brush that sets the date
// range.

import {el, QUAD_COLORS, QUAD_NAMES, ploverColor, fmtInt} from './util.js';

const DAY = 86400000;
const M = {left: 40, right: 10, top: 8, bottom: 22};

function toDay(s) { return Math.floor(Date.parse(s + 'T00:00:00Z') / DAY); }
function fromDay(d) { return new Date(d * DAY).toISOString().slice(0, 10); }

export class Timeline {
  // opts: onRange(from, to) with '' for none; color(); types().
  constructor(svg, opts) {
    this.svg = svg;
    this.opts = opts;
    this.data = null;
    this.from = ''; this.to = '';
    this.bind();
    new ResizeObserver(() => this.render()).observe(svg);
  }

  set(data, from, to) {
    this.data = data;
    this.from = from || ''; this.to = to || '';
    this.render();
  }

  setRange(from, to) { this.from = from || ''; this.to = to || ''; this.render(); }

  // layout returns the scale of the current data: first day, span and
  // bin width in days, and pixel width.
  layout() {
    const days = this.data ? this.data.days : [];
    if (days.length === 0) return null;
    const w = this.svg.clientWidth || 600;
    let d0 = toDay(days[0].day), d1 = toDay(days[days.length - 1].day);
    if (this.from) d0 = Math.min(d0, toDay(this.from));
    if (this.to) d1 = Math.max(d1, toDay(this.to));
    const span = d1 - d0 + 1;
    const bin = span <= 120 ? 1 : span <= 900 ? 7 : 30;
    const nbins = Math.ceil(span / bin);
    const px = (w - M.left - M.right) / (nbins * bin);
    return {d0, d1, span, bin, nbins, px, w, h: this.svg.clientHeight || 150};
  }

  render() {
    const svg = this.svg;
    svg.replaceChildren();
    const L = this.layout();
    if (!L) {
      svg.append(el('text', {x: 12, y: 24, class: 'empty'}, 'No dated events for these filters.'));
      svg.setAttribute('aria-label', 'No dated events');
      return;
    }
    const byPlover = this.opts.color() === 'plover';
    const types = this.opts.types();
    const ncat = byPlover ? this.data.plover.length : 5;
    const bins = Array.from({length: L.nbins}, () => new Array(ncat).fill(0));
    for (const d of this.data.days) {
      const b = Math.floor((toDay(d.day) - L.d0) / L.bin);
      const src = byPlover ? d.plover : d.quad;
      for (let i = 0; i < ncat; i++) bins[b][i] += src[i] || 0;
    }
    let ymax = 1;
    for (const b of bins) ymax = Math.max(ymax, b.reduce((a, c) => a + c, 0));
    const ih = L.h - M.top - M.bottom;
    const y = v => M.top + ih - v / ymax * ih;
    const order = byPlover ? [...Array(ncat).keys()] : [4, 3, 2, 1, 0];
    const color = i => byPlover ? ploverColor(types, this.data.plover[i]) : QUAD_COLORS[i];
    const f = this.from ? toDay(this.from) : -Infinity, t = this.to ? toDay(this.to) : Infinity;
    const bars = el('g', {class: 'bars'});
    const bw = Math.max(1, L.bin * L.px - (L.bin * L.px > 4 ? 1 : 0));
    bins.forEach((b, bi) => {
      const day = L.d0 + bi * L.bin;
      const out = day + L.bin - 1 < f || day > t;
      let acc = 0;
      const x = M.left + bi * L.bin * L.px;
      const g = el('g', {class: out ? 'out' : undefined});
      for (const i of order) {
        if (!b[i]) continue;
        const y0 = y(acc), y1 = y(acc + b[i]);
        acc += b[i];
        g.append(el('rect', {x: x.toFixed(1), y: y1.toFixed(1), width: bw.toFixed(1), height: Math.max(0.5, y0 - y1).toFixed(1), fill: color(i)}));
      }
      if (acc) {
        const label = byPlover ? (k => this.data.plover[k] || 'none') : (k => QUAD_NAMES[k]);
        const parts = order.filter(i => b[i]).map(i => `${label(i)} ${b[i]}`).join(', ');
        g.append(el('title', {}, `${fromDay(day)}${L.bin > 1 ? ` to ${fromDay(day + L.bin - 1)}` : ''}: ${fmtInt(acc)} events (${parts})`));
      }
      bars.append(g);
    });
    svg.append(bars);
    // Axes: the peak and a few dates.
    const axis = el('g', {class: 'axis'});
    axis.append(el('line', {x1: M.left, x2: L.w - M.right, y1: y(0), y2: y(0)}));
    axis.append(el('text', {x: M.left - 4, y: y(ymax) + 4, 'text-anchor': 'end'}, fmtInt(ymax)));
    axis.append(el('text', {x: M.left - 4, y: y(0), 'text-anchor': 'end'}, '0'));
    const nt = Math.max(2, Math.min(6, Math.floor((L.w - M.left) / 110)));
    for (let i = 0; i < nt; i++) {
      const d = L.d0 + Math.round(i * (L.nbins * L.bin - 1) / (nt - 1));
      const x = M.left + (d - L.d0 + 0.5) * L.px;
      axis.append(el('text', {x, y: L.h - 6, 'text-anchor': i === 0 ? 'start' : i === nt - 1 ? 'end' : 'middle'}, fromDay(d)));
    }
    svg.append(axis);
    if (this.from || this.to) {
      const a = Math.max(L.d0, this.from ? toDay(this.from) : L.d0), b = Math.min(L.d0 + L.nbins * L.bin - 1, this.to ? toDay(this.to) : L.d1);
      svg.append(el('rect', {class: 'brush', x: M.left + (a - L.d0) * L.px, y: M.top, width: Math.max(2, (b - a + 1) * L.px), height: ih}));
    }
    const total = this.data.days.reduce((a, d) => a + d.total, 0);
    svg.setAttribute('aria-label', `${fmtInt(total)} dated events from ${fromDay(L.d0)} to ${fromDay(L.d1)}, ${L.bin === 1 ? 'by day' : L.bin === 7 ? 'by week' : 'by 30 days'}`);
  }

  dayAt(x) {
    const L = this.layout();
    if (!L) return null;
    const d = L.d0 + Math.floor((x - M.left) / L.px);
    return Math.max(L.d0, Math.min(L.d0 + L.nbins * L.bin - 1, d));
  }

  bind() {
    const svg = this.svg;
    let start = null, rect = null;
    const xOf = e => e.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener('pointerdown', e => {
      if (e.button !== 0 || !this.layout()) return;
      start = xOf(e);
      svg.setPointerCapture(e.pointerId);
      rect = el('rect', {class: 'brush', x: start, y: M.top, width: 0, height: (svg.clientHeight || 150) - M.top - M.bottom});
      svg.append(rect);
    });
    svg.addEventListener('pointermove', e => {
      if (start === null) return;
      const x = xOf(e);
      rect.setAttribute('x', Math.min(start, x));
      rect.setAttribute('width', Math.abs(x - start));
    });
    svg.addEventListener('pointerup', e => {
      if (start === null) return;
      const x = xOf(e);
      const a = start;
      start = null;
      if (Math.abs(x - a) < 3) { this.render(); return; }
      const d0 = this.dayAt(Math.min(a, x)), d1 = this.dayAt(Math.max(a, x));
      this.opts.onRange(fromDay(d0), fromDay(d1));
    });
  }
}
