package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strings"

	"sitrep/record"
	"sitrep/store"
)

// A draft builds one fixture article: a body whose sentences end in ". ",
// and events, quotes, counts and places whose spans are found in it by
// their words.
type draft struct {
	a      *record.Article
	body   string
	from   string
	dedup  *store.Dedup
	joins  map[string]string // event ID → merged event it joins ("" new)
	keys   map[string]string // fixture key → event ID
	repOK  map[string]bool   // event ID → wants to be its merged event's representative
	source string
}

func newDraft(title, date, source, url, body string) *draft {
	sum := sha256.Sum256([]byte(title + "\n" + body))
	d := &draft{body: body, source: source, joins: map[string]string{}, keys: map[string]string{}, repOK: map[string]bool{}, from: "input"}
	var dp *string
	if date != "" {
		dp = &date
	} else {
		d.from = ""
	}
	d.a = &record.Article{
		Meta:   record.Meta{ID: hex.EncodeToString(sum[:]), Title: title, Date: dp, Source: source, URL: url},
		Quotes: []record.Quote{}, Counts: []record.Count{}, Places: []record.Place{},
		Events: []record.Event{}, Sentences: []record.Sentence{},
	}
	start := 0
	for i := 0; start < len(body); i++ {
		end := strings.Index(body[start:], ". ")
		if end < 0 {
			end = len(body)
		} else {
			end += start + 1
		}
		d.a.Sentences = append(d.a.Sentences, record.Sentence{Index: i, Start: start, End: end, Text: body[start:end]})
		start = end
		for start < len(body) && body[start] == ' ' {
			start++
		}
	}
	return d
}

// find returns the span of the first occurrence of words in sentence s.
func (d *draft) find(s int, words string) record.Span {
	sent := d.a.Sentences[s]
	i := strings.Index(sent.Text, words)
	if i < 0 {
		panic(fmt.Sprintf("storetest: fixture: %q not in sentence %d %q", words, s, sent.Text))
	}
	return record.Span{Start: sent.Start + i, End: sent.Start + i + len(words), Text: words}
}

func (d *draft) actor(s int, code, country, role, words string) *record.Actor {
	if code == "" {
		return nil
	}
	sp := d.find(s, words)
	a := &record.Actor{Code: code, Text: words, Role: role, Start: sp.Start, End: sp.End}
	if country != "" {
		a.Country = &country
	}
	return a
}

// place is a gazetteer place the fixtures use.
type place struct {
	name, country, admin1 string
	id                    int
	lat, lon, radius      float64
}

var (
	daraa     = place{"Daraa", "SYR", "Daraa", 170654, 32.6189, 36.1021, 0}
	kharkiv   = place{"Kharkiv", "UKR", "Kharkiv", 706483, 49.9808, 36.2527, 0}
	kyiv      = place{"Kyiv", "UKR", "Kyiv City", 703448, 50.4547, 30.5238, 0}
	khanYunis = place{"Khan Yunis", "PSE", "Gaza Strip", 281133, 31.3402, 34.3063, 0}
	suva      = place{"Suva", "FJI", "Central", 2198148, -18.1416, 178.4415, 0}
	apia      = place{"Apia", "WSM", "Tuamasaga", 4035413, -13.8333, -171.7667, 0}
	syria     = place{"Syria", "SYR", "", 163843, 35, 38, 300}
)

func (d *draft) location(s int, p place, words string) *record.Location {
	l := &record.Location{Name: p.name, GeonamesID: p.id, Country: p.country, Admin1: p.admin1, Lat: p.lat, Lon: p.lon,
		Feature: "PPLA", Precision: "city", How: "article"}
	if words != "" {
		sp := d.find(s, words)
		l.Text, l.Start, l.End, l.How = words, sp.Start, sp.End, "clause"
	}
	if p.radius > 0 {
		l.Feature, l.Precision = "PCLI", "country"
	}
	return l
}

// ev describes a fixture event.
type ev struct {
	key      string // names it for joins
	sentence int
	verb     string
	cameo    string
	plover   string
	quad     int
	gold     float64
	src, tgt [4]string // code, country, role, words
	loc      *place
	locWords string
	date     string // "" the article's
	prec     string
	join     string // key of an earlier event whose merged event it joins
	rep      bool   // becomes the merged event's representative
}

func (d *draft) event(e ev) *draft {
	verb := d.find(e.sentence, e.verb)
	sent := d.a.Sentences[e.sentence]
	r := record.Event{
		Sentence: e.sentence, Evidence: record.Span{Start: sent.Start, End: sent.End, Text: sent.Text},
		Source: d.actor(e.sentence, e.src[0], e.src[1], e.src[2], e.src[3]),
		Target: d.actor(e.sentence, e.tgt[0], e.tgt[1], e.tgt[2], e.tgt[3]),
		Verb:   verb, CAMEO: e.cameo, Root: e.cameo[:2], Plover: e.plover, Quad: e.quad, Goldstein: e.gold,
		Confidence: 0.8, Rule: "verbs.txt:" + fmt.Sprint(100+len(d.a.Events)),
	}
	switch {
	case e.date != "":
		r.Date, r.DatePrecision = ptr(e.date), ptr(e.prec)
		r.DateText = ptr("on Tuesday")
	case d.a.Meta.Date != nil:
		r.Date, r.DatePrecision = ptr(*d.a.Meta.Date), ptr(record.DatePrecisionPublication)
	}
	if e.loc != nil {
		r.Location = d.location(e.sentence, *e.loc, e.locWords)
	}
	h := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%d|%s", d.a.Meta.ID, e.sentence, verb.Start, e.cameo)))
	r.ID = d.a.Meta.ID[:12] + "-" + hex.EncodeToString(h[:4])
	d.a.Events = append(d.a.Events, r)
	d.keys[e.key] = r.ID
	d.joins[r.ID] = e.join
	d.repOK[r.ID] = e.rep
	return d
}

func (d *draft) quote(s int, words string, direct bool, speaker [4]string) *draft {
	sp := d.find(s, words)
	q := record.Quote{Sentence: s, Start: sp.Start, End: sp.End, Text: strings.Trim(words, `"`), Direct: direct,
		Speaker: d.actor(s, speaker[0], speaker[1], speaker[2], speaker[3])}
	if i := strings.Index(d.a.Sentences[s].Text, " said"); i >= 0 {
		v := d.find(s, "said")
		q.Verb = &v
	}
	d.a.Quotes = append(d.a.Quotes, q)
	return d
}

func (d *draft) count(s int, words, typ string, n int64, qual string, loc *place) *draft {
	sp := d.find(s, words)
	c := record.Count{Sentence: s, Start: sp.Start, End: sp.End, Text: words, Type: typ, Number: n, Qualifier: qual, Object: "people"}
	if len(d.a.Events) > 0 {
		c.Event = d.a.Events[len(d.a.Events)-1].ID
	}
	if loc != nil {
		c.Location = d.location(s, *loc, "")
	}
	d.a.Counts = append(d.a.Counts, c)
	return d
}

func (d *draft) place(s int, words, role string, p *place, conf float64) *draft {
	sp := d.find(s, words)
	pl := record.Place{Sentence: s, Start: sp.Start, End: sp.End, Text: words, Role: role, Confidence: conf}
	if p != nil {
		pl.Location = d.location(s, *p, words)
	}
	d.a.Places = append(d.a.Places, pl)
	return d
}

func ptr[T any](v T) *T { return &v }

// A merger is the fixtures' stand-in for dedup.Merger: it merges the
// events each fixture says to merge and counts as dedup does.
type merger struct {
	byKey    map[string]string // fixture key → merged ID
	events   map[string]*store.Merged
	sources  map[string]map[string]bool
	families map[string]map[string]bool
}

func newMerger() *merger {
	return &merger{byKey: map[string]string{}, events: map[string]*store.Merged{},
		sources: map[string]map[string]bool{}, families: map[string]map[string]bool{}}
}

// ingest makes the Ingest of d, merging its events.
func (g *merger) ingest(d *draft) *store.Ingest {
	in := &store.Ingest{Article: d.a, Body: d.body, DateFrom: d.from, Dedup: d.dedup}
	original := d.a.Meta.ID
	if d.dedup != nil && d.dedup.Original != "" {
		original = d.dedup.Original
	}
	touched := map[string]bool{}
	var order []string
	keyOf := map[string]string{}
	for k, id := range d.keys {
		keyOf[id] = k
	}
	for _, e := range d.a.Events {
		m := mentionOf(d.a, &e)
		m.Original = original
		if j := d.joins[e.ID]; j != "" {
			m.Merged = g.byKey[j]
		}
		g.byKey[keyOf[e.ID]] = m.Merged
		st := g.events[m.Merged]
		if st == nil {
			st = &store.Merged{ID: m.Merged, Representative: e.ID}
			g.events[m.Merged] = st
			g.sources[m.Merged] = map[string]bool{}
			g.families[m.Merged] = map[string]bool{}
		}
		if d.repOK[e.ID] {
			st.Representative = e.ID
		}
		st.NumMentions++
		if d.a.Meta.Source != "" {
			g.sources[m.Merged][d.a.Meta.Source] = true
		}
		g.families[m.Merged][original] = true
		st.NumSources, st.NumArticles = len(g.sources[m.Merged]), len(g.families[m.Merged])
		in.Mentions = append(in.Mentions, m)
		if !touched[m.Merged] {
			touched[m.Merged] = true
			order = append(order, m.Merged)
		}
	}
	for _, id := range order {
		in.Merged = append(in.Merged, *g.events[id])
	}
	if in.Mentions == nil {
		in.Mentions = []store.Mention{}
	}
	return in
}

func mentionOf(a *record.Article, e *record.Event) store.Mention {
	m := store.Mention{EventID: e.ID, ArticleID: a.Meta.ID, Merged: e.ID, Source: a.Meta.Source,
		Code: e.CAMEO, Lat: math.NaN(), Lon: math.NaN()}
	if e.Source != nil {
		m.SourceActor = e.Source.Code
	}
	if e.Target != nil {
		m.TargetActor = e.Target.Code
	}
	if e.Date != nil {
		m.Date, m.Precision = *e.Date, *e.DatePrecision
	}
	if l := e.Location; l != nil {
		m.GeonamesID, m.Lat, m.Lon, m.Country = l.GeonamesID, l.Lat, l.Lon, l.Country
		if l.Feature == "PCLI" {
			m.Radius = 300
		}
	}
	return m
}
