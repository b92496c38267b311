package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/record"
	"sitrep/store"
	"sitrep/store/sqlite"
)

// The fixture: articles made of event sentences, varied enough that every
// filter selects some events and leaves out others. Each test stores them
// in a new SQLite file with Put, as the pipeline would.

// An actorSpec is an actor of the fixture: its code, country, role and name.
type actorSpec struct{ code, country, role, name string }

var fixtureActors = []actorSpec{
	{"SYRGOV", "SYR", "GOV", "Syrian government forces"},
	{"SYRREB", "SYR", "REB", "Syrian rebels"},
	{"RUSMIL", "RUS", "MIL", "Russian troops"},
	{"UKRMIL", "UKR", "MIL", "Ukrainian soldiers"},
	{"ISRMIL", "ISR", "MIL", "Israeli forces"},
	{"IGOUNO", "", "", "United Nations"},
	{"REB", "", "REB", "Insurgents"},
}

// A codeSpec is an event code with the verb that names it.
type codeSpec struct{ cameo, root, plover, verb string }

var fixtureCodes = []codeSpec{
	{"190", "19", "ASSAULT", "attacked"},
	{"195", "19", "ASSAULT", "bombed"},
	{"1951", "19", "ASSAULT", "struck"},
	{"112", "11", "ACCUSE", "accused"},
	{"036", "03", "COOPERATE", "promised talks with"},
	{"0233", "02", "AID", "asked for aid from"},
	{"173", "17", "COERCE", "arrested"},
	{"010", "01", "", "commented on"},
}

// A placeSpec is a location of the fixture.
type placeSpec struct {
	name, country string
	lat, lon      float64
}

var fixturePlaces = []placeSpec{
	{"Daraa", "SYR", 32.6189, 36.1021},
	{"Kharkiv", "UKR", 49.9808, 36.2527},
	{"Gaza", "PSE", 31.5017, 34.4668},
	{"Suva", "FJI", -18.1416, 178.4415},  // east of the antimeridian box's start
	{"Apia", "WSM", -13.8333, -171.7667}, // west of its end
	{"Aleppo", "SYR", 36.2021, 37.1343},
}

// fixtureWords are words put in article titles, one an article, for q.
var fixtureWords = []string{"ceasefire", "convoy", "checkpoint", "hospital", "harvest"}

// fixture is what was stored: the records, by article.
type fixture struct {
	articles []*record.Article
	// merged is the ID of the event with two mentions, from articles 0
	// and 1.
	merged string
}

// events lists every merged event stored: each event of each article but
// the one that joined the merged event.
func (f *fixture) events() []record.Event {
	var out []record.Event
	for i, a := range f.articles {
		for j, e := range a.Events {
			if i == 1 && j == 0 {
				continue // merged into article 0's first event
			}
			out = append(out, e)
		}
	}
	return out
}

// articleOf returns the article an event of the fixture is in.
func (f *fixture) articleOf(id string) *record.Article {
	for _, a := range f.articles {
		for _, e := range a.Events {
			if e.ID == id {
				return a
			}
		}
	}
	return nil
}

const fixtureArticles = 18

func newFixture() *fixture {
	f := &fixture{}
	k := 0 // events so far
	for i := range fixtureArticles {
		var date *string
		if i%9 != 8 { // two articles without a date
			date = ptr(fmt.Sprintf("2024-03-%02d", 1+i%7))
		}
		title := fmt.Sprintf("Report %d on the %s", i, fixtureWords[i%len(fixtureWords)])
		var body strings.Builder
		a := &record.Article{
			Meta:      record.Meta{Title: title, Date: date, Source: []string{"example.org", "news.test", ""}[i%3], URL: fmt.Sprintf("https://example.org/%d", i)},
			Sentences: []record.Sentence{},
			Events:    []record.Event{},
		}
		n := 1 + i%3
		for s := range n {
			src, tgt := fixtureActors[k%len(fixtureActors)], fixtureActors[(k*3+1)%len(fixtureActors)]
			code := fixtureCodes[k%len(fixtureCodes)]
			var place *placeSpec
			if k%4 != 3 {
				place = &fixturePlaces[k%len(fixturePlaces)]
			}
			if s > 0 {
				body.WriteString(" ")
			}
			start := body.Len()
			srcStart := body.Len()
			body.WriteString(src.name)
			srcEnd := body.Len()
			body.WriteString(" ")
			verbStart := body.Len()
			body.WriteString(code.verb)
			verbEnd := body.Len()
			body.WriteString(" ")
			tgtStart := body.Len()
			body.WriteString(strings.ToLower(tgt.name[:1]) + tgt.name[1:])
			tgtEnd := body.Len()
			var loc *record.Location
			if place != nil {
				body.WriteString(" in ")
				ps := body.Len()
				body.WriteString(place.name)
				loc = &record.Location{Name: place.name, GeonamesID: 1000 + k%len(fixturePlaces), Country: place.country,
					Lat: place.lat, Lon: place.lon, Feature: "PPL", Text: place.name, Start: ps, End: body.Len(),
					Precision: "city", How: "clause"}
			}
			body.WriteString(".")
			end := body.Len()
			text := body.String()
			e := record.Event{
				Sentence: s,
				Evidence: record.Span{Start: start, End: end, Text: text[start:end]},
				Source:   actorOf(src, text, srcStart, srcEnd),
				Target:   actorOf(tgt, text, tgtStart, tgtEnd),
				Verb:     record.Span{Start: verbStart, End: verbEnd, Text: text[verbStart:verbEnd]},
				CAMEO:    code.cameo, Root: code.root, Plover: code.plover, Quad: 4, Goldstein: -10,
				Location: loc, Confidence: 0.8, Rule: fmt.Sprintf("verbs.txt:%d", 100+k),
			}
			if date != nil {
				e.Date, e.DatePrecision = date, ptr(record.DatePrecisionPublication)
			}
			a.Sentences = append(a.Sentences, record.Sentence{Index: s, Start: start, End: end, Text: text[start:end]})
			a.Events = append(a.Events, e)
			k++
		}
		sum := sha256.Sum256([]byte(title + "\n" + body.String()))
		a.Meta.ID = hex.EncodeToString(sum[:])
		for j := range a.Events {
			a.Events[j].ID = fmt.Sprintf("%s-%08x", a.Meta.ID[:12], 0x1000*i+j)
		}
		f.articles = append(f.articles, a)
	}
	f.merged = f.articles[0].Events[0].ID
	return f
}

func actorOf(s actorSpec, text string, start, end int) *record.Actor {
	a := &record.Actor{Code: s.code, Text: text[start:end], Role: s.role, Start: start, End: end}
	if s.country != "" {
		a.Country = ptr(s.country)
	}
	return a
}

func ptr(s string) *string { return &s }

// body returns the text every span of the article points into.
func body(a *record.Article) string {
	var b strings.Builder
	for i, s := range a.Sentences {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// openFixture stores the fixture in a new SQLite file and returns the
// store, closed at the end of the test.
func openFixture(t testing.TB) (*sqlite.Store, *fixture) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sitrep.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := newFixture()
	for i, a := range f.articles {
		in := &store.Ingest{Article: a, Body: body(a), DateFrom: "input"}
		if i == 1 {
			// Article 1 reprints article 0's first event: it joins that
			// merged event, and dedup calls the article a near copy.
			rep := f.articles[0]
			in.Dedup = &store.Dedup{NearOf: rep.Meta.ID, Similarity: 0.8, Original: rep.Meta.ID, Copied: 0.5,
				Sources:   []string{rep.Meta.ID},
				Sentences: []store.SentenceOrigin{{Sentence: 0, Article: rep.Meta.ID, ArticleSentence: 0}}}
			in.Mentions = make([]store.Mention, len(a.Events))
			for j, e := range a.Events {
				in.Mentions[j] = store.Mention{EventID: e.ID, ArticleID: a.Meta.ID, Merged: e.ID, Source: a.Meta.Source,
					Code: e.CAMEO, Date: deref(e.Date)}
				in.Merged = append(in.Merged, store.Merged{ID: e.ID, Representative: e.ID, NumMentions: 1, NumSources: 1, NumArticles: 1})
			}
			in.Mentions[0].Merged = f.merged
			in.Merged[0] = store.Merged{ID: f.merged, Representative: f.merged, NumMentions: 2, NumSources: 2, NumArticles: 2}
		}
		added, err := st.Put(ctx, in)
		if err != nil || !added {
			t.Fatalf("put article %d: added %v, %v", i, added, err)
		}
	}
	return st, f
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
