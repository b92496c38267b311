package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/article"
	"sitrep/event"
	"sitrep/nlp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// body is a small plain-text article: a title line, then two sentences.
const body = "Rebels flee Daraa\n\nSyrian troops shelled Daraa & its outskirts. The UN said the talks failed.\n"

// testDoc returns the article and its body split into sentences and one
// token per word; the record needs no tags or parse.
func testDoc(t *testing.T, date time.Time) (*article.Article, *nlp.Doc) {
	t.Helper()
	a, err := article.ReadText(strings.NewReader(body), "daraa.txt")
	if err != nil {
		t.Fatal(err)
	}
	a.Date, a.URL, a.Source = date, "https://example.org/daraa", "Example Wire"
	doc := &nlp.Doc{Text: a.Body()}
	for _, s := range []string{"Rebels flee Daraa", "Syrian troops shelled Daraa & its outskirts.", "The UN said the talks failed."} {
		start := strings.Index(body, s)
		sent := nlp.Sentence{Span: nlp.Span{Start: start, End: start + len(s)}, First: len(doc.Tokens)}
		off := start
		for _, w := range strings.Fields(s) {
			i := strings.Index(body[off:], w) + off
			doc.Tokens = append(doc.Tokens, nlp.Token{Span: nlp.Span{Start: i, End: i + len(w)}, Form: w})
			off = i + len(w)
		}
		sent.Limit = len(doc.Tokens)
		doc.Sentences = append(doc.Sentences, sent)
	}
	return a, doc
}

// at returns the span of the n-th occurrence (from 0) of s in body.
func at(t *testing.T, s string, n int) nlp.Span {
	t.Helper()
	off := 0
	for {
		i := strings.Index(body[off:], s)
		if i < 0 {
			t.Fatalf("%q not in the body", s)
		}
		if n == 0 {
			return nlp.Span{Start: off + i, End: off + i + len(s)}
		}
		n--
		off += i + len(s)
	}
}

// testEvents returns events as the coder would, out of text order.
func testEvents(t *testing.T) []event.Event {
	return []event.Event{
		{Sentence: 2, Verb: at(t, "said", 0), Code: "010", Rule: "verbs.txt:3915", Confidence: 0.7,
			Source: &event.Actor{Code: "IGOUNO", Country: "IGO", Span: at(t, "The UN", 0)}},
		{Sentence: 1, Verb: at(t, "shelled", 0), Code: "194", Rule: "verbs-news.txt:37", Confidence: 0.85,
			Source: &event.Actor{Code: "SYRMIL", Country: "SYR", Role: "MIL", Span: at(t, "Syrian troops", 0)},
			Target: &event.Actor{Code: "REB", Role: "REB", Span: at(t, "Daraa", 1), Incomplete: true}},
		{Sentence: 2, Verb: at(t, "failed", 0), Code: "0233", Rule: "verbs.txt:1 negated", Negated: true, Confidence: 0.5,
			Source: &event.Actor{Code: "KSVGOV", Country: "KSV", Role: "GOV", Span: at(t, "the talks", 0)}},
	}
}

func onto(t *testing.T) *event.Ontology {
	t.Helper()
	o, err := event.DefaultOntology()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestNewGolden builds the record of the test article and compares its
// indented JSON with testdata/article.golden (-update rewrites it).
func TestNewGolden(t *testing.T) {
	a, doc := testDoc(t, time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC))
	r, err := New(a, doc, testEvents(t), onto(t))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	got := b.Bytes()
	path := filepath.Join("testdata", "article.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./record -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("record differs from %s (go test ./record -update rewrites it):\n%s", path, got)
	}
	checkInvariants(t, r, a.Body())
}

// checkInvariants checks the guarantees of the package documentation.
func checkInvariants(t *testing.T, r *Article, body string) {
	t.Helper()
	text := func(what string, start, end int, s string) {
		if start < 0 || start > end || end > len(body) || body[start:end] != s {
			t.Errorf("%s [%d,%d) %q is not the body's text there", what, start, end, s)
		}
	}
	for _, s := range r.Sentences {
		text("sentence", s.Start, s.End, s.Text)
	}
	ids := map[string]bool{}
	for i, e := range r.Events {
		text("evidence", e.Evidence.Start, e.Evidence.End, e.Evidence.Text)
		text("verb", e.Verb.Start, e.Verb.End, e.Verb.Text)
		for _, a := range []*Actor{e.Source, e.Target} {
			if a != nil {
				text("actor", a.Start, a.End, a.Text)
				if a.Country != nil && len(*a.Country) != 3 {
					t.Errorf("actor %s: country %q", a.Code, *a.Country)
				}
			}
		}
		if e.Verb.Start < e.Evidence.Start || e.Verb.End > e.Evidence.End {
			t.Errorf("event %s: verb outside its sentence", e.ID)
		}
		if i > 0 {
			p := r.Events[i-1]
			if p.Sentence > e.Sentence || p.Sentence == e.Sentence && p.Verb.Start > e.Verb.Start {
				t.Errorf("events %s and %s out of text order", p.ID, e.ID)
			}
		}
		if ids[e.ID] {
			t.Errorf("event ID %s twice", e.ID)
		}
		ids[e.ID] = true
		if len(e.CAMEO) < 2 || !strings.HasPrefix(e.CAMEO, e.Root) {
			t.Errorf("event %s: cameo %q, root %q", e.ID, e.CAMEO, e.Root)
		}
	}
}

func TestNew(t *testing.T) {
	dated := time.Date(2018, 7, 5, 15, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		name string
		date time.Time
		evs  func([]event.Event) []event.Event
		onto bool
		// check looks at the record's JSON.
		check func(t *testing.T, js map[string]any, r *Article)
	}{
		{
			name: "dated: the events take the article's day, as publication precision",
			date: dated, onto: true,
			check: func(t *testing.T, js map[string]any, r *Article) {
				if d := js["article"].(map[string]any)["date"]; d != "2018-07-05" {
					t.Errorf("article date %v", d)
				}
				for _, e := range js["events"].([]any) {
					e := e.(map[string]any)
					if e["date"] != "2018-07-05" || e["date_precision"] != "publication" || e["date_text"] != nil || e["location"] != nil {
						t.Errorf("event date %v %v %v, location %v", e["date"], e["date_precision"], e["date_text"], e["location"])
					}
				}
			},
		},
		{
			name: "undated: dates are null",
			onto: true,
			check: func(t *testing.T, js map[string]any, r *Article) {
				if d, ok := js["article"].(map[string]any)["date"]; !ok || d != nil {
					t.Errorf("article date %v", d)
				}
				for _, e := range js["events"].([]any) {
					e := e.(map[string]any)
					if d, ok := e["date"]; !ok || d != nil || e["date_precision"] != nil {
						t.Errorf("event date %v %v", d, e["date_precision"])
					}
				}
			},
		},
		{
			name: "countries: ISO codes only",
			onto: true,
			check: func(t *testing.T, js map[string]any, r *Article) {
				var got []string
				for _, e := range r.Events {
					for _, a := range []*Actor{e.Source, e.Target} {
						if a == nil {
							got = append(got, "-")
						} else if a.Country == nil {
							got = append(got, a.Code+":null")
						} else {
							got = append(got, a.Code+":"+*a.Country)
						}
					}
				}
				if want := "SYRMIL:SYR REB:null IGOUNO:null - KSVGOV:null -"; strings.Join(got, " ") != want {
					t.Errorf("countries %s, want %s", strings.Join(got, " "), want)
				}
			},
		},
		{
			name: "without an ontology: root and quad from the digits",
			check: func(t *testing.T, js map[string]any, r *Article) {
				e := r.Events[0]
				if e.CAMEO != "194" || e.Root != "19" || e.Quad != 4 || e.Plover != "" || e.Goldstein != 0 || e.Mode != "" {
					t.Errorf("%+v", e)
				}
			},
		},
		{
			name: "with the ontology: PLOVER type, mode, Goldstein",
			onto: true,
			check: func(t *testing.T, js map[string]any, r *Article) {
				e := r.Events[0]
				if e.Root != "19" || e.Quad != 4 || e.Plover != "ASSAULT" || e.Goldstein != -10 || e.Mode != "heavy-weapons" {
					t.Errorf("%+v", e)
				}
				if c := r.Events[2]; c.CAMEO != "0233" || c.Root != "02" || c.Quad != 1 {
					t.Errorf("%+v", c)
				}
			},
		},
		{
			name: "no events: empty arrays, not null",
			evs:  func([]event.Event) []event.Event { return nil },
			check: func(t *testing.T, js map[string]any, r *Article) {
				for _, k := range []string{"events", "quotes", "counts", "places"} {
					if a, ok := js[k].([]any); !ok || len(a) != 0 {
						t.Errorf("%s = %v, want []", k, js[k])
					}
				}
				if len(js["sentences"].([]any)) != 3 {
					t.Errorf("sentences %v", js["sentences"])
				}
			},
		},
		{
			name: "identical events get distinct IDs",
			evs: func(evs []event.Event) []event.Event {
				return []event.Event{evs[1], evs[1]}
			},
			check: func(t *testing.T, js map[string]any, r *Article) {
				if r.Events[0].ID+"-2" != r.Events[1].ID {
					t.Errorf("IDs %s, %s", r.Events[0].ID, r.Events[1].ID)
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, doc := testDoc(t, tc.date)
			evs := testEvents(t)
			if tc.evs != nil {
				evs = tc.evs(evs)
			}
			var o *event.Ontology
			if tc.onto {
				o = onto(t)
			}
			r, err := New(a, doc, evs, o)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, r, a.Body())
			data, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			var js map[string]any
			if err := json.Unmarshal(data, &js); err != nil {
				t.Fatal(err)
			}
			tc.check(t, js, r)
		})
	}
}

func TestNewErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(doc *nlp.Doc, evs []event.Event) []event.Event
		want   string
	}{
		{"not the body", func(doc *nlp.Doc, evs []event.Event) []event.Event {
			doc.Text = strings.ToUpper(doc.Text)
			return evs
		}, ErrBody.Error()},
		{"verb past the end", func(doc *nlp.Doc, evs []event.Event) []event.Event {
			evs[0].Verb = nlp.Span{Start: len(body) - 2, End: len(body) + 5}
			return evs
		}, "outside the body"},
		{"actor before the start", func(doc *nlp.Doc, evs []event.Event) []event.Event {
			evs[1].Target.Span = nlp.Span{Start: -1, End: 3}
			return evs
		}, "outside the body"},
		{"no such sentence", func(doc *nlp.Doc, evs []event.Event) []event.Event {
			evs[0].Sentence = 7
			return evs
		}, "in sentence 7 of 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, doc := testDoc(t, time.Time{})
			evs := tc.change(doc, testEvents(t))
			r, err := New(a, doc, evs, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) || r != nil {
				t.Errorf("New: %v, want an error with %q", err, tc.want)
			}
			if tc.want == ErrBody.Error() && !errors.Is(err, ErrBody) {
				t.Errorf("New: %v is not ErrBody", err)
			}
		})
	}
}

func TestEventID(t *testing.T) {
	evs := testEvents(t)
	const id = "86861ccb5f158c03aa0011223344556677"
	base := EventID(id, evs[1])
	if !strings.HasPrefix(base, "86861ccb5f15-") || len(base) != 12+1+8 {
		t.Errorf("EventID = %q", base)
	}
	if EventID(id, evs[1]) != base {
		t.Error("EventID is not stable")
	}
	for _, tc := range []struct {
		name   string
		change func(e *event.Event)
	}{
		{"code", func(e *event.Event) { e.Code = "195" }},
		{"target", func(e *event.Event) { e.Target = nil }},
		{"source", func(e *event.Event) { e.Source = &event.Actor{Code: "RUSMIL"} }},
		{"verb", func(e *event.Event) { e.Verb.Start++ }},
		{"sentence", func(e *event.Event) { e.Sentence++ }},
	} {
		e := evs[1]
		tc.change(&e)
		if EventID(id, e) == base {
			t.Errorf("a different %s gives the same ID %s", tc.name, base)
		}
	}
	if got := EventID("abc", evs[1]); !strings.HasPrefix(got, "abc-") {
		t.Errorf("short article ID: %q", got)
	}
	// The rule and confidence do not count: they change with the coder,
	// the event does not.
	e := evs[1]
	e.Rule, e.Confidence = "verbs.txt:9", 0.1
	if EventID(id, e) != base {
		t.Error("rule and confidence change the ID")
	}
}

func TestMarshalNilSlices(t *testing.T) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Article{Meta: Meta{ID: "x", Title: "a < b & c"}}); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	want := `{"article":{"id":"x","title":"a < b & c","date":null,"source":"","url":""},` +
		`"sentences":[],"events":[],"quotes":[],"counts":[],"places":[]}` + "\n"
	if string(data) != want {
		t.Errorf("got  %s\nwant %s", data, want)
	}
	var back Article
	if err := json.Unmarshal(data, &back); err != nil || back.Meta.Title != "a < b & c" {
		t.Errorf("round trip: %v %+v", err, back)
	}
}
