// Small helpers shared by the page's modules: DOM building, the API,
// colours, and highlighting byte spans of UTF-8 text.

// el builds an element: el('a', {href: '/', class: 'x'}, 'text', child).
// Text is always set as text, never parsed as HTML.
export function el(tag, attrs, ...children) {
  const svg = ['svg', 'g', 'circle', 'line', 'rect', 'text', 'path', 'title', 'marker', 'defs', 'polygon'].includes(tag);
  const e = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    // Through the CSSOM: the page's Content-Security-Policy refuses
    // style attributes.
    else if (k === 'style') e.style.cssText = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// An APIError carries the server's message.
export class APIError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

// api fetches JSON from path with params (an object or URLSearchParams);
// empty values are left out. It throws APIError with the server's message.
export async function api(path, params, signal) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  let res;
  try {
    res = await fetch(url, {signal, headers: {Accept: 'application/json'}});
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new APIError(0, `cannot reach the server (${err.message})`);
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const msg = body && body.error ? body.error : `${res.status} ${res.statusText}`;
    throw new APIError(res.status, msg);
  }
  return body;
}

export const QUAD_NAMES = ['unknown', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const QUAD_COLORS = ['#6b6b6b', '#2166ac', '#1a7f5a', '#b35806', '#b2182b'];
// Sixteen distinguishable colours for the PLOVER types in the manual's
// order, all dark enough for white text; grey for none.
export const PLOVER_COLORS = ['#1f5fa8', '#2c8c5a', '#6a3d9a', '#8c564b', '#0f7c8c', '#5b7a1a', '#996300',
  '#7f3b08', '#b15928', '#c51b7d', '#4d4d9f', '#d0461b', '#a6324a', '#8e0152', '#b2182b', '#67000d'];

export function ploverColor(types, t) {
  const i = types.indexOf(t);
  return i >= 0 ? PLOVER_COLORS[i % PLOVER_COLORS.length] : QUAD_COLORS[0];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// highlight returns text with spans marked. base is the byte offset of
// text in the document the spans point into; each span is {start, end,
// cls, title} in bytes of that document. Overlapping spans nest by
// splitting the text at every boundary: a piece gets every class that
// covers it.
export function highlight(text, base, spans) {
  const bytes = encoder.encode(text);
  const n = bytes.length;
  const cuts = new Set([0, n]);
  const sp = [];
  for (const s of spans) {
    const a = Math.max(0, s.start - base), b = Math.min(n, s.end - base);
    if (!(a < b)) continue;
    sp.push({...s, a, b});
    cuts.add(a); cuts.add(b);
  }
  const pts = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const piece = decoder.decode(bytes.subarray(a, b));
    const on = sp.filter(s => s.a <= a && b <= s.b);
    if (on.length === 0) { frag.append(piece); continue; }
    const cls = [...new Set(on.map(s => s.cls))].join(' ');
    const title = [...new Set(on.map(s => s.title).filter(Boolean))].join('; ');
    const m = el('mark', {class: cls, title: title || undefined}, piece);
    for (const s of on) if (s.data) for (const [k, v] of Object.entries(s.data)) m.dataset[k] = v;
    frag.append(m);
  }
  return frag;
}

// byteSlice returns text's bytes [a, b) as a string.
export function byteSlice(text, a, b) {
  return decoder.decode(encoder.encode(text).subarray(a, b));
}

// findBytes returns the byte offset of needle in text at or after byte
// from, or -1.
export function findBytes(text, needle, from = 0) {
  const i = text.indexOf(needle, byteSlice(text, 0, from).length);
  return i < 0 ? -1 : encoder.encode(text.slice(0, i)).length;
}

export function byteLength(s) { return encoder.encode(s).length; }

export function fmtInt(n) { return Number(n).toLocaleString('en'); }

export function actorLabel(a) {
  if (!a) return '—';
  return a.code || '?';
}

// debounce calls fn after ms of quiet.
export function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
