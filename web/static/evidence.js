// Event detail and article view: who did what to whom with the evidence
// sentence, and an article with every annotation marked in its text.

import {el, highlight, findBytes, byteLength, fmtInt, QUAD_NAMES, QUAD_COLORS} from './util.js';

// eventSpans are the marks of one event inside its evidence sentence.
export function eventSpans(e) {
  const spans = [];
  const actor = (a, role) => a && a.end > a.start && spans.push({start: a.start, end: a.end, cls: 'actor', title: `${role}: ${a.code || 'unknown'}`, data: {role}});
  actor(e.source, 'source');
  actor(e.target, 'target');
  if (e.verb && e.verb.end > e.verb.start) spans.push({start: e.verb.start, end: e.verb.end, cls: 'verb', title: `action: ${e.cameo}${e.plover ? ' ' + e.plover : ''}`});
  const loc = e.location;
  if (loc && loc.text && loc.end > loc.start) spans.push({start: loc.start, end: loc.end, cls: 'place', title: `place: ${loc.name}, ${loc.country}`});
  if (e.date_text && e.evidence) {
    const at = findBytes(e.evidence.text, e.date_text);
    if (at >= 0) {
      const start = e.evidence.start + at;
      spans.push({start, end: start + byteLength(e.date_text), cls: 'date', title: `date: ${e.date} (${e.date_precision})`});
    }
  }
  return spans;
}

function plural(n, word) {
  return `${fmtInt(n)} ${word}${n === 1 ? '' : 's'}`;
}

function actorBlock(a) {
  if (!a) return el('span', {class: 'muted'}, 'nobody named');
  return el('span', {}, el('span', {class: 'code'}, a.code || '?'), a.text ? ` (${a.text})` : '');
}

function rootName(types, root) {
  const r = types && types.roots ? types.roots.find(x => x.root === root) : null;
  return r ? r.description : '';
}

function articleLink(meta, go) {
  const title = meta.title || meta.id;
  return el('a', {href: `/?article=${encodeURIComponent(meta.id)}`, onclick: ev => { ev.preventDefault(); go(meta.id); }}, title);
}

// renderEvent fills box with an event: e is the API's event with its
// mentions; go(articleID) opens an article.
export function renderEvent(box, e, types, go) {
  const desc = rootName(types, e.root);
  const head = el('p', {class: 'triple', id: 'triple'},
    actorBlock(e.source), el('span', {class: 'arrow', 'aria-label': 'acts on'}, ' → '),
    el('strong', {}, e.verb ? e.verb.text : '?'), ' ',
    el('span', {class: 'code'}, `${e.cameo}${desc ? ' ' + desc : ''}`),
    el('span', {class: 'arrow', 'aria-label': 'on'}, ' → '), actorBlock(e.target));
  const loc = e.location;
  const place = loc ? [...new Set([loc.name, loc.admin1, loc.country].filter(Boolean))].join(', ') + ` (${loc.precision}; ${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}; from the ${loc.how})` : 'unknown';
  const date = e.date ? `${e.date} (${e.date_precision}${e.date_text ? `: “${e.date_text}”` : ''})` : 'unknown';
  const dl = el('dl', {},
    el('dt', {}, 'Date'), el('dd', {}, date),
    el('dt', {}, 'Place'), el('dd', {}, place),
    el('dt', {}, 'Type'), el('dd', {}, el('span', {class: 'sw-inline', style: `color:${QUAD_COLORS[e.quad_class] || QUAD_COLORS[0]}`}, '●'), ' ',
      `${QUAD_NAMES[e.quad_class] || 'unknown'}; PLOVER ${e.plover || 'none'}${e.mode ? ` (${e.mode})` : ''}; Goldstein ${e.goldstein}${e.negated ? '; negated' : ''}`),
    el('dt', {}, 'Reports'), el('dd', {id: 'mention-count'}, `${plural(e.num_mentions, 'mention')} in ${plural(e.num_articles, 'article')} from ${plural(e.num_sources, 'source')}`),
    el('dt', {}, 'Coded by'), el('dd', {class: 'code'}, `${e.rule} (confidence ${e.confidence})`));
  const ev = e.evidence;
  const quote = el('blockquote', {class: 'evidence', id: 'evidence'}, ev ? highlight(ev.text, ev.start, eventSpans(e)) : '');
  const keys = el('ul', {class: 'keys', 'aria-label': 'Marks in the evidence'},
    el('li', {}, el('mark', {class: 'actor'}, 'actor')), el('li', {}, el('mark', {class: 'verb'}, 'action')),
    el('li', {}, el('mark', {class: 'place'}, 'place')), el('li', {}, el('mark', {class: 'date'}, 'date')));
  const mentions = (e.mentions && e.mentions.length ? e.mentions : [{...e}]);
  const list = el('ol', {class: 'mentions', id: 'mentions'}, mentions.map(m => {
    const meta = m.article || {};
    return el('li', {},
      articleLink(meta, go), ' — ', meta.source || 'unknown source', meta.date ? `, ${meta.date}` : '',
      meta.url ? [' · ', el('a', {href: meta.url, rel: 'noopener noreferrer', target: '_blank'}, 'original', el('span', {class: 'visually-hidden'}, ' (opens the publisher’s page)'))] : '',
      m.evidence && m.id !== e.id ? el('details', {}, el('summary', {}, 'its sentence'), el('p', {}, highlight(m.evidence.text, m.evidence.start, eventSpans(m)))) : '');
  }));
  box.replaceChildren(head, dl, el('h3', {}, 'Evidence'), quote, keys, el('h3', {}, `Reported by ${mentions.length === 1 ? 'one article' : mentions.length + ' articles'}`), list);
}

// paragraphs splits a body at blank lines, with byte offsets.
function paragraphs(body) {
  const out = [];
  let off = 0;
  for (const p of body.split(/\n\s*\n/)) {
    const start = findBytes(body, p, off);
    if (p.trim()) out.push({text: p, start});
    off = start + byteLength(p);
  }
  return out;
}

// renderArticle fills box with an article and its family of copies (the
// answer of /ui/copies, or null); go(id) opens another article and
// openEvent(id) an event.
export function renderArticle(box, a, copies, go, openEvent) {
  const meta = a.article || {};
  const spans = [];
  for (const e of a.events || []) {
    for (const s of eventSpans(e)) spans.push(s);
  }
  for (const p of a.places || []) {
    const l = p.location;
    spans.push({start: p.start, end: p.end, cls: 'place', title: l ? `place: ${l.name}, ${l.country} (${p.role})` : `place, unresolved (${p.role})`});
  }
  for (const c of a.counts || []) {
    spans.push({start: c.start, end: c.end, cls: 'count', title: `count: ${c.type} ${c.qualifier ? c.qualifier + ' ' : ''}${c.number}${c.object ? ' ' + c.object : ''}`});
  }
  for (const q of a.quotes || []) {
    const who = q.speaker ? (q.speaker.code || q.speaker.text) : 'unknown speaker';
    spans.push({start: q.start, end: q.end, cls: 'quote', title: `quote (${q.direct ? 'direct' : 'reported'}) by ${who}`});
  }
  const d = a.dedup;
  const origins = new Map();
  if (d) {
    const sents = new Map((a.sentences || []).map(s => [s.index, s]));
    for (const o of d.sentences || []) {
      const s = sents.get(o.sentence);
      if (!s) continue;
      spans.push({start: s.start, end: s.end, cls: 'copied', title: `copied from article ${o.article}, sentence ${o.article_sentence + 1}`});
      if (!origins.has(o.article)) origins.set(o.article, []);
      origins.get(o.article).push(o);
    }
  }
  const body = el('div', {class: 'body', id: 'article-body'}, paragraphs(a.body || '').map(p => el('p', {}, highlight(p.text, p.start, spans))));
  const head = [
    el('h1', {id: 'article-h', tabindex: -1}, meta.title || '(untitled)'),
    el('p', {class: 'meta'}, meta.source || 'unknown source', meta.date ? ` · ${meta.date}` : '', a.date_from ? ` (date from ${a.date_from})` : '',
      meta.url ? [' · ', el('a', {href: meta.url, rel: 'noopener noreferrer', target: '_blank'}, 'original')] : '',
      ' · ', el('span', {class: 'code'}, meta.id)),
  ];
  const prov = provenance(a, d, origins, copies, go);
  const keys = el('ul', {class: 'keys', 'aria-label': 'Marks in the text'},
    ['actor', 'verb', 'place', 'date', 'count', 'quote', 'copied'].map(k => el('li', {}, el('mark', {class: k}, {verb: 'action', copied: 'copied sentence'}[k] || k))));
  const events = el('ol', {id: 'article-events'}, (a.events || []).map(e =>
    el('li', {}, el('a', {href: `/?event=${encodeURIComponent(e.id)}`, onclick: ev => { ev.preventDefault(); openEvent(e.id); }},
      `${e.source ? e.source.code : '—'} → ${e.verb.text} (${e.cameo}) → ${e.target ? e.target.code : '—'}`),
    e.location ? ` at ${e.location.name}` : '', e.date ? `, ${e.date}` : '')));
  box.replaceChildren(...head, prov, keys, body,
    el('h2', {}, `Events coded (${(a.events || []).length})`), events,
    el('p', {class: 'status'}, `${(a.places || []).length} places, ${(a.counts || []).length} counts, ${(a.quotes || []).length} quotes`));
}

const RELATION = {original: 'the original', exact: 'an exact copy', reprint: 'a reprint', stitched: 'stitched from parts', related: 'the same story'};

function provenance(a, d, origins, copies, go) {
  const items = [];
  const titles = new Map((copies ? copies.family : []).map(r => [r.id, r.title]));
  const link = id => titles.get(id)
    ? el('a', {href: `/?article=${encodeURIComponent(id)}`, onclick: ev => { ev.preventDefault(); go(id); }, title: id}, titles.get(id))
    : el('a', {href: `/?article=${encodeURIComponent(id)}`, onclick: ev => { ev.preventDefault(); go(id); }, class: 'code'}, id.slice(0, 12));
  if (d) {
    const exact = d.exact_of, near = d.near_of;
    const original = d.original;
    const stitched = d.stitched;
    const sources = d.sources || [];
    const copied = d.copied || 0;
    const sim = d.similarity || 0;
    if (exact) items.push(el('li', {}, 'An exact copy of ', link(exact), '.'));
    if (near) items.push(el('li', {}, 'A reprint of ', link(near), ` (similarity ${Math.round(sim * 100)}%).`));
    if (original && original !== (a.article || {}).id && original !== exact && original !== near) items.push(el('li', {}, 'First published as ', link(original), '.'));
    if (stitched || sources.length) {
      items.push(el('li', {}, `${stitched ? 'Stitched from' : 'Copies parts of'} ${sources.length} earlier article${sources.length === 1 ? '' : 's'} (${Math.round(copied * 100)}% of its words):`,
        el('ul', {id: 'sources'}, sources.map(s => {
          const o = origins.get(s) || [];
          const pairs = o.map(x => `${x.sentence + 1} from its ${x.article_sentence + 1}`).join(', ');
          return el('li', {}, link(s), o.length ? `: sentence${o.length === 1 ? '' : 's'} ${pairs}` : '');
        }))));
    }
  }
  const family = copies ? copies.family : [];
  if (family.length) {
    const n = family.length + copies.more;
    items.push(el('li', {}, `The same story in ${n} other article${n === 1 ? '' : 's'}:`,
      el('ul', {id: 'copies'}, family.map(r => el('li', {},
        el('a', {href: `/?article=${encodeURIComponent(r.id)}`, onclick: ev => { ev.preventDefault(); go(r.id); }}, r.title || r.id),
        ` — ${r.source || 'unknown source'}${r.date ? ', ' + r.date : ''}: ${RELATION[r.relation] || r.relation}`,
        r.of && r.of !== (a.article || {}).id ? [' of ', link(r.of)] : ''))),
      copies.more ? el('p', {}, `and ${copies.more} more`) : ''));
  }
  if (!items.length) items.push(el('li', {}, d ? 'No copies found: no other article in the store repeats this one.' : 'Deduplication was not run on this article.'));
  return el('section', {class: 'provenance', 'aria-labelledby': 'prov-h', id: 'provenance'}, el('h2', {id: 'prov-h'}, 'Duplicates and provenance'), el('ul', {}, items));
}
