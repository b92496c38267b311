package storetest

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"sitrep/store"
)

// A model is what a store should hold after a sequence of Puts, kept the
// plain way: the suite's statement of the semantics of store/doc.go.
type model struct {
	articles []*store.Ingest
	have     map[string]bool
	events   map[string]*modelEvent
	mentions map[string]store.EventMention
	order    []store.Mention // every mention, in the order added
}

type modelEvent struct {
	store.Merged
	sortDate string
	mentions []string
	articles map[string]bool // IDs of the articles of its mentions
}

func newModel() *model {
	return &model{have: map[string]bool{}, events: map[string]*modelEvent{}, mentions: map[string]store.EventMention{}}
}

// put applies in as Put should; it reports whether the article was new.
func (m *model) put(in *store.Ingest) bool {
	a := in.Article
	if m.have[a.Meta.ID] {
		return false
	}
	m.have[a.Meta.ID] = true
	m.articles = append(m.articles, in)
	ms, gs := in.Mentions, in.Merged
	if ms == nil {
		for _, e := range a.Events {
			x := mentionOf(a, &e)
			ms = append(ms, x)
			n := 0
			if a.Meta.Source != "" {
				n = 1
			}
			gs = append(gs, store.Merged{ID: e.ID, Representative: e.ID, NumMentions: 1, NumSources: n, NumArticles: 1})
		}
	}
	for i, e := range a.Events {
		m.mentions[e.ID] = store.EventMention{Event: e, Article: a.Meta}
		x := ms[i]
		x.ArticleID = a.Meta.ID
		m.order = append(m.order, x)
	}
	for _, g := range gs {
		ev := m.events[g.ID]
		if ev == nil {
			ev = &modelEvent{sortDate: deref(m.mentions[g.Representative].Date), articles: map[string]bool{}}
			m.events[g.ID] = ev
		}
		ev.Merged = g
	}
	for i, e := range a.Events {
		ev := m.events[ms[i].Merged]
		ev.mentions = append(ev.mentions, e.ID)
		ev.articles[a.Meta.ID] = true
	}
	return true
}

// event is the store.Event the model expects for a merged event.
func (m *model) event(id string) store.Event {
	ev := m.events[id]
	rep := m.mentions[ev.Representative]
	return store.Event{Event: rep.Event, ID: id, Representative: rep.ID, Article: rep.Article,
		NumMentions: ev.NumMentions, NumSources: ev.NumSources, NumArticles: ev.NumArticles}
}

// query returns the IDs of the merged events matching q, in order.
func (m *model) query(q store.Query) []string {
	var ids []string
	for id, ev := range m.events {
		if m.match(q, id, ev) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(x, y string) int {
		dx, dy := m.events[x].sortDate, m.events[y].sortDate
		if dx != dy {
			return -cmp.Compare(dx, dy) // newest first, "" last
		}
		return cmp.Compare(x, y)
	})
	return ids
}

func (m *model) match(q store.Query, id string, ev *modelEvent) bool {
	e := m.mentions[ev.Representative].Event
	src, tgt := e.Source, e.Target
	if q.Actor != "" && !(src != nil && strings.HasPrefix(src.Code, q.Actor)) && !(tgt != nil && strings.HasPrefix(tgt.Code, q.Actor)) {
		return false
	}
	if q.Country != "" {
		ok := src != nil && deref(src.Country) == q.Country || tgt != nil && deref(tgt.Country) == q.Country ||
			e.Location != nil && e.Location.Country == q.Country
		if !ok {
			return false
		}
	}
	if q.Root != "" && e.Root != q.Root || q.Plover != "" && e.Plover != q.Plover {
		return false
	}
	if (q.From != "" || q.To != "") && e.Date == nil {
		return false
	}
	if q.From != "" && *e.Date < q.From || q.To != "" && *e.Date > q.To {
		return false
	}
	if b := q.BBox; b != nil {
		l := e.Location
		if l == nil || l.Lat < b[1] || l.Lat > b[3] {
			return false
		}
		if b[0] <= b[2] && (l.Lon < b[0] || l.Lon > b[2]) || b[0] > b[2] && l.Lon < b[0] && l.Lon > b[2] {
			return false
		}
	}
	if q.Text != "" {
		found := false
		for _, in := range m.articles {
			if ev.articles[in.Article.Meta.ID] && hasWord(in.Article.Meta.Title+" "+in.Body, q.Text) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// hasWord reports whether text has word, as FTS matches a single word:
// case-insensitive, on whole runs of letters and digits.
func hasWord(text, word string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

func (m *model) stats(q store.Query) *store.Stats {
	out := &store.Stats{ByDay: []store.DayCount{}, ByType: []store.TypeCount{}}
	days := map[string]int{}
	types := map[[2]string]int{}
	for _, id := range m.query(q) {
		e := m.mentions[m.events[id].Representative].Event
		out.Total++
		if e.Date != nil {
			days[*e.Date]++
		}
		types[[2]string{e.Root, e.Plover}]++
	}
	for d, n := range days {
		out.ByDay = append(out.ByDay, store.DayCount{Day: d, Count: n})
	}
	for t, n := range types {
		out.ByType = append(out.ByType, store.TypeCount{Root: t[0], Plover: t[1], Count: n})
	}
	slices.SortFunc(out.ByDay, func(x, y store.DayCount) int { return cmp.Compare(x.Day, y.Day) })
	slices.SortFunc(out.ByType, func(x, y store.TypeCount) int {
		return cmp.Or(cmp.Compare(x.Root, y.Root), cmp.Compare(x.Plover, y.Plover))
	})
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// sameFloat treats two NaNs as equal.
func sameFloat(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
