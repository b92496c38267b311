// The page: filters kept in the URL, the map, the timeline, the event
// list and detail, the network, and the article view.

import {el, api, fmtInt, QUAD_NAMES, QUAD_COLORS, PLOVER_COLORS} from './util.js';
import {WorldMap} from './map.js';
import {Timeline} from './timeline.js';
import {renderNetwork} from './network.js';
import {renderEvent, renderArticle} from './evidence.js';

const FILTERS = ['actor', 'country', 'root', 'cameo', 'plover', 'from', 'to', 'q'];
const KNOWN = new Set([...FILTERS, 'event', 'article', 'color', 'map', 'inview']);
const $ = id => document.getElementById(id);

let types = {quads: QUAD_NAMES, roots: [], plover: []};
let state = null;       // what the URL says
let loadedKey = null;   // the filters the overview shows
let cursor = '';
let map, timeline;
let fitNext = false; // fit the map to the next clusters (after a filter change)
const pending = new Set();

// validate checks one URL parameter; it returns a problem or ''.
function validate(k, v, st) {
  const date = s => /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s);
  switch (k) {
    case 'actor': return /^[A-Za-z0-9]{3,30}$/.test(v) ? '' : 'an actor is a CAMEO code or its start, such as SYR or SYRGOV';
    case 'country': return /^[A-Za-z]{3}$/.test(v) ? '' : 'a country is an ISO 3166-1 alpha-3 code, such as SYR';
    case 'root': return /^(0[1-9]|1\d|20)$/.test(v) ? '' : 'a CAMEO root is 01 to 20';
    case 'cameo': return /^(0[1-9]|1\d|20)\d{0,2}$/.test(v) ? '' : 'a CAMEO code is 2 to 4 digits starting 01 to 20';
    case 'plover': return !types.plover.length || types.plover.includes(v.toUpperCase()) ? '' : `a PLOVER type is one of ${types.plover.join(', ')}`;
    case 'from': case 'to': return date(v) ? '' : 'a date is YYYY-MM-DD';
    case 'q': return v.length <= 500 ? '' : 'the text search is longer than 500 characters';
    case 'event': case 'article': return /^[A-Za-z0-9_.:-]{1,128}$/.test(v) ? '' : 'not an ID';
    case 'color': return v === 'quad' || v === 'plover' ? '' : 'colour is quad or plover';
    case 'inview': return v === '1' || v === '0' ? '' : 'inview is 1 or 0';
    case 'map': {
      const f = v.split(',').map(Number);
      return f.length === 3 && f.every(Number.isFinite) && Math.abs(f[0]) <= 180 && Math.abs(f[1]) <= 85 && f[2] >= 0 && f[2] <= 14 ? '' : 'map is lon,lat,zoom';
    }
  }
  return 'unknown parameter';
}

// readURL reads the state from the address; bad parameters are dropped
// and reported.
function readURL() {
  const p = new URLSearchParams(location.search);
  const st = {filters: {}, event: '', article: '', color: 'quad', map: null, inview: false};
  const problems = [];
  for (const [k, raw] of p) {
    const v = raw.trim();
    if (!KNOWN.has(k)) { problems.push(`Unknown parameter “${k}” ignored.`); continue; }
    if (v === '') continue;
    const bad = validate(k, v, st);
    if (bad) { problems.push(`Bad ${k} “${v.slice(0, 60)}” ignored: ${bad}.`); continue; }
    if (FILTERS.includes(k)) st.filters[k] = ['actor', 'country', 'plover'].includes(k) ? v.toUpperCase() : v;
    else if (k === 'map') st.map = v.split(',').map(Number);
    else if (k === 'inview') st.inview = v === '1';
    else st[k] = v;
  }
  if (st.filters.from && st.filters.to && st.filters.from > st.filters.to) {
    problems.push(`Bad date range ${st.filters.from} to ${st.filters.to} ignored: from is after to.`);
    delete st.filters.from; delete st.filters.to;
  }
  return {st, problems};
}

function writeURL(push) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (state.filters[k]) p.set(k, state.filters[k]);
  if (state.color !== 'quad') p.set('color', state.color);
  if (state.inview) p.set('inview', '1');
  if (state.map) p.set('map', state.map.map((v, i) => i < 2 ? v.toFixed(4) : v.toFixed(2)).join(','));
  if (state.event) p.set('event', state.event);
  if (state.article) p.set('article', state.article);
  // Commas are fine in a query and easier to read unescaped.
  const qs = p.toString().replace(/%2C/g, ',');
  const url = qs ? `/?${qs}` : '/';
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

function showMessage(lines, info) {
  const m = $('message');
  if (!lines || !lines.length) { m.hidden = true; m.textContent = ''; return; }
  m.hidden = false;
  m.className = 'message' + (info ? ' info' : '');
  m.textContent = lines.join('\n');
}

function reportError(what, err) {
  if (err && err.name === 'AbortError') return;
  const m = $('message');
  const line = `${what}: ${err.message}`;
  if (!m.hidden && m.textContent.includes(line)) return;
  showMessage([...(m.hidden ? [] : m.textContent.split('\n')), line]);
}

function filterParams() { return {...state.filters}; }
function filterKey() { return JSON.stringify(state.filters); }

// track counts a load so that tests and the ready mark see when all are in.
async function track(name, p) {
  pending.add(name);
  document.body.dataset.busy = [...pending].join(' ');
  try { return await p; } finally {
    pending.delete(name);
    if (pending.size) document.body.dataset.busy = [...pending].join(' ');
    else {
      delete document.body.dataset.busy;
      if (!document.body.dataset.ready) {
        document.body.dataset.ready = String(Math.round(performance.now()));
        window.sitrepReady = performance.now();
      }
    }
  }
}

function fillForm() {
  const f = state.filters;
  for (const k of ['actor', 'country', 'from', 'to', 'q']) $('f-' + k).value = f[k] || '';
  $('f-type').value = f.root ? 'root:' + f.root : f.plover ? 'plover:' + f.plover : '';
  $('color').value = state.color;
  $('inview').checked = state.inview;
}

function readForm() {
  const fd = new FormData($('filters'));
  const f = {};
  for (const k of ['actor', 'country', 'from', 'to', 'q']) {
    const v = String(fd.get(k) || '').trim();
    if (v) f[k] = ['actor', 'country'].includes(k) ? v.toUpperCase() : v;
  }
  const t = String(fd.get('type') || '');
  if (t.startsWith('root:')) f.root = t.slice(5);
  if (t.startsWith('plover:')) f.plover = t.slice(7);
  return f;
}

function legend() {
  const ul = $('legend');
  if (state.color === 'plover') {
    ul.replaceChildren(...types.plover.map((t, i) => el('li', {}, el('span', {class: 'sw', style: `background:${PLOVER_COLORS[i]}`}), t)),
      el('li', {}, el('span', {class: 'sw', style: `background:${QUAD_COLORS[0]}`}), 'none'));
  } else {
    ul.replaceChildren(...[4, 3, 2, 1, 0].map(q => el('li', {}, el('span', {class: 'sw', style: `background:${QUAD_COLORS[q]}`}), QUAD_NAMES[q])),
      el('li', {}, 'Size: reports of the events'));
  }
}

async function loadList(more) {
  const list = $('event-list');
  const params = {...filterParams(), limit: 50};
  if (state.inview) params.bbox = map.bbox().join(',');
  if (more) params.cursor = cursor;
  try {
    const data = await track('list', api('/api/events', params));
    if (!more) list.replaceChildren();
    for (const e of data.events || []) list.append(eventItem(e));
    cursor = data.next || '';
    $('more').hidden = !cursor;
    if (!list.children.length) list.append(el('li', {class: 'status'}, 'No events match these filters.'));
  } catch (err) {
    if (!more) list.replaceChildren(el('li', {class: 'status'}, 'The events did not load.'));
    reportError('Events', err);
  }
}

function eventItem(e) {
  const place = e.location ? e.location.name : 'no place';
  const b = el('button', {type: 'button', 'data-id': e.id, 'aria-current': e.id === state.event ? 'true' : undefined,
    style: `border-left-color:${QUAD_COLORS[e.quad_class] || QUAD_COLORS[0]}`},
  el('div', {class: 'line1'}, el('span', {class: 'code'}, e.source ? e.source.code : '—'), el('span', {class: 'arrow'}, '→'),
    e.verb ? e.verb.text : e.cameo, el('span', {class: 'arrow'}, '→'), el('span', {class: 'code'}, e.target ? e.target.code : '—')),
  el('div', {class: 'line2'}, `${e.date || 'undated'} · ${place} · ${e.cameo}${e.plover ? ' ' + e.plover : ''} · ${e.num_mentions} mention${e.num_mentions === 1 ? '' : 's'}`));
  b.addEventListener('click', () => selectEvent(e.id));
  return el('li', {}, b);
}

async function loadNetwork() {
  try {
    const data = await track('network', api('/ui/network', filterParams()));
    renderNetwork($('network'), $('pairs'), $('network-status'), data, id => setFilters({...state.filters, actor: id}));
  } catch (err) { reportError('Network', err); }
}

async function loadTimeline() {
  try {
    const data = await track('timeline', api('/ui/timeline', filterParams()));
    timeline.set(data, state.filters.from, state.filters.to);
    $('brush-clear').hidden = !(state.filters.from || state.filters.to);
  } catch (err) { reportError('Timeline', err); }
}

async function loadEvent() {
  const box = $('detail');
  if (!state.event) { box.hidden = true; return; }
  box.hidden = false;
  $('detail-body').replaceChildren(el('p', {class: 'status'}, 'Loading…'));
  for (const b of document.querySelectorAll('#event-list button')) b.setAttribute('aria-current', String(b.dataset.id === state.event));
  map.selected = state.event;
  map.renderClusters();
  try {
    const e = await track('event', api('/api/events/' + encodeURIComponent(state.event)));
    renderEvent($('detail-body'), e, types, openArticle);
  } catch (err) {
    $('detail-body').replaceChildren(el('p', {class: 'status'}, err.status === 404 ? `There is no event ${state.event}.` : 'The event did not load.'));
    reportError('Event', err);
  }
}

async function loadArticle() {
  const box = $('article');
  box.replaceChildren(el('p', {class: 'status'}, 'Loading…'));
  try {
    const copies = api('/ui/copies', {article: state.article}).catch(err => { reportError('Copies', err); return null; });
    const a = await track('article', api('/api/articles/' + encodeURIComponent(state.article)));
    renderArticle(box, a, await copies, openArticle, id => { state.article = ''; selectEvent(id); });
    document.title = `${(a.article && a.article.title) || 'Article'} · sitrep`;
    $('article-h').focus();
  } catch (err) {
    box.replaceChildren(el('h1', {id: 'article-h'}, 'Article'), el('p', {class: 'status'}, err.status === 404 ? `There is no article ${state.article}.` : 'The article did not load.'));
    reportError('Article', err);
  }
}

// render brings the page in line with state.
function render() {
  const article = !!state.article;
  $('overview').hidden = article;
  $('article-view').hidden = !article;
  if (article) { loadArticle(); return; }
  document.title = 'sitrep';
  fillForm();
  legend();
  if (filterKey() !== loadedKey) {
    loadedKey = filterKey();
    map.highlight = state.filters.country || '';
    map.draw();
    track('map', map.load());
    loadTimeline();
    loadList(false);
    loadNetwork();
  }
  loadEvent();
}

// fitClusters zooms the map to the clusters when they are all in one
// region of the world; filters that select the whole world leave it.
function fitClusters(d) {
  if (!d.clusters.length) return;
  const b = [180, 90, -180, -90];
  for (const c of d.clusters) {
    b[0] = Math.min(b[0], c.bbox[0]); b[1] = Math.min(b[1], c.bbox[1]);
    b[2] = Math.max(b[2], c.bbox[2]); b[3] = Math.max(b[3], c.bbox[3]);
  }
  if (b[2] - b[0] > 120) return;
  const pad = 1;
  map.fit([b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad], 30);
}

function setFilters(f) {
  fitNext = true;
  state.filters = f;
  state.event = '';
  writeURL(true);
  showMessage(null);
  render();
}

function selectEvent(id) {
  state.event = id;
  state.article = '';
  writeURL(true);
  render();
  $('detail-h').focus();
}

function openArticle(id) {
  state.article = id;
  writeURL(true);
  render();
  window.scrollTo(0, 0);
}

async function main() {
  try {
    types = await api('/ui/types');
  } catch (err) { reportError('Event types', err); }
  $('f-roots').replaceChildren(...types.roots.map(r => el('option', {value: 'root:' + r.root}, `${r.root} ${r.description.toLowerCase()}`)));
  $('f-plover').replaceChildren(...types.plover.map(t => el('option', {value: 'plover:' + t}, t.toLowerCase())));
  const {st, problems} = readURL();
  state = st;
  if (problems.length) showMessage(problems);

  map = new WorldMap($('map'), {
    filters: filterParams,
    color: () => state.color,
    types: () => types.plover,
    onView: v => { state.map = [v.lon, v.lat, v.zoom]; writeURL(false); if (state.inview) loadList(false); },
    onEvent: id => selectEvent(id),
    onPlace: c => {
      state.inview = true;
      map.fit([c.bbox[0] - 0.05, c.bbox[1] - 0.05, c.bbox[2] + 0.05, c.bbox[3] + 0.05]);
      writeURL(false);
      fillForm();
      loadList(false);
      $('events-h').focus();
    },
    onClusters: d => {
      const where = state.inview ? ' (list: events in view)' : '';
      $('events-count').textContent = `${fmtInt(d.total)} event${d.total === 1 ? '' : 's'}${where}`;
      if (fitNext) {
        fitNext = false;
        if (map.zoom < 3) fitClusters(d); // from the world view only: a zoomed view stays
      }
      $('map-status').textContent = `${fmtInt(d.in_view)} of ${fmtInt(d.total)} events in view` +
        (d.unlocated ? `; ${fmtInt(d.unlocated)} without a place are not on the map` : '') + '.';
    },
    onError: err => reportError('Map', err),
  });
  if (state.map) map.setView(state.map[0], state.map[1], state.map[2], {url: false, fetch: false});
  else map.setView(20, 25, 0, {url: false, fetch: false});
  timeline = new Timeline($('timeline'), {
    onRange: (from, to) => setFilters({...state.filters, from, to}),
    color: () => state.color,
    types: () => types.plover,
  });

  $('filters').addEventListener('submit', e => {
    e.preventDefault();
    const f = readForm();
    const problems = Object.entries(f).map(([k, v]) => [k, v, validate(k, v)]).filter(x => x[2]).map(([k, v, p]) => `Bad ${k} “${v}”: ${p}.`);
    if (f.from && f.to && f.from > f.to) problems.push('The date range ends before it starts.');
    if (problems.length) { showMessage(problems); return; }
    setFilters(f);
  });
  $('f-clear').addEventListener('click', () => setFilters({}));
  $('color').addEventListener('change', () => { state.color = $('color').value; writeURL(false); legend(); map.renderClusters(); timeline.render(); });
  $('inview').addEventListener('change', () => { state.inview = $('inview').checked; writeURL(false); loadList(false); });
  $('more').addEventListener('click', () => loadList(true));
  $('zoom-in').addEventListener('click', () => map.zoomBy(1));
  $('zoom-out').addEventListener('click', () => map.zoomBy(-1));
  $('zoom-world').addEventListener('click', () => map.setView(20, 25, 0));
  $('brush-clear').addEventListener('click', () => { const f = {...state.filters}; delete f.from; delete f.to; setFilters(f); });
  $('detail-close').addEventListener('click', () => { state.event = ''; writeURL(true); render(); });
  $('back').addEventListener('click', e => { e.preventDefault(); state.article = ''; writeURL(true); render(); });
  $('home').addEventListener('click', e => { e.preventDefault(); showMessage(null); setFilters({}); });
  window.addEventListener('popstate', () => {
    const {st, problems} = readURL();
    state = st;
    showMessage(problems);
    if (state.map) map.setView(state.map[0], state.map[1], state.map[2], {url: false});
    render();
  });
  track('world', map.loadWorld()).catch(err => reportError('World map', err));
  render();
}

main().catch(err => {
  showMessage([`The page failed to start: ${err.message}`]);
  document.body.dataset.ready = 'error';
});
