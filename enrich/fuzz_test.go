package enrich_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/article"
	"sitrep/enrich"
	"sitrep/nlp"
	"sitrep/record"
)

// enrichText codes and enriches text as `sitrep code` does and returns
// the record.
func enrichText(t testing.TB, st *stages, title, text string, pub time.Time) *record.Article {
	t.Helper()
	a := &article.Article{Title: title, Text: text, Date: pub}
	a.ID = article.ContentID(title, text)
	doc := &nlp.Doc{Text: a.Body()}
	if err := st.model.Pipeline().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	focus := st.coder.Focus(doc, pub)
	evs, err := st.coder.Code(context.Background(), doc, eventOptions(pub, focus))
	if err != nil {
		t.Fatal(err)
	}
	r, err := record.NewEnriched(a, doc, evs, st.coder.Ontology, st.enricher.Read(doc, enrich.Options{Date: pub, Focus: focus}))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestBadInput: dates that do not exist, numbers past int64 and quotes
// left open give no value rather than a made-up one.
func TestBadInput(t *testing.T) {
	st := load(t)
	pub := time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, text string
		check      func(t *testing.T, r *record.Article)
	}{
		{"February 30", "Rebels shelled Aleppo on February 30, killing 12 civilians.", func(t *testing.T, r *record.Article) {
			for _, e := range r.Events {
				if e.DateText != nil && strings.Contains(*e.DateText, "February") {
					t.Errorf("event dated by %q: %s", *e.DateText, *e.Date)
				}
			}
		}},
		{"overflow", "Militants killed 99999999999999999999999999 people in Borno state on Monday.", func(t *testing.T, r *record.Article) {
			for _, c := range r.Counts {
				if c.Number < 0 || strings.Contains(c.Text, "9999999999999999999") && c.Number != 0 {
					t.Errorf("count %q read as %d", c.Text, c.Number)
				}
			}
		}},
		{"unbalanced quote", `"We will not leave, the mayor said. Troops shelled Donetsk on Sunday.`, func(t *testing.T, r *record.Article) {
			for _, q := range r.Quotes {
				if q.Direct {
					t.Errorf("direct quote %q from an unclosed mark", q.Text)
				}
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, enrichText(t, st, "Report", tt.text, pub)) })
	}
}

// FuzzEnrich: any text gives a record whose every span lies in the body
// and whose text is the body's, and whose dates and places are in range.
func FuzzEnrich(f *testing.F) {
	for _, s := range []string{
		"Syrian forces shelled Nawa in Daraa province on Monday, killing at least 12 civilians.",
		`"It is over," he said on Wednesday evening near the border with Jordan.`,
		"Some 2.5 million people have fled since March 2011, the UN said.",
		"on February 30 99999999999999999999 killed \"",
	} {
		f.Add(s)
	}
	st := load(f)
	pub := time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		r := enrichText(t, st, "T", text, pub)
		body := (&article.Article{Title: "T", Text: text}).Body()
		in := func(what string, start, end int, s string) {
			if start < 0 || end < start || end > len(body) || (s != "" && body[start:end] != s) {
				t.Errorf("%s [%d,%d) %q not in the body", what, start, end, s)
			}
		}
		for _, e := range r.Events {
			if l := e.Location; l != nil {
				in("location", l.Start, l.End, l.Text)
				if l.Lat < -90 || l.Lat > 90 || l.Lon < -180 || l.Lon > 180 {
					t.Errorf("location %+v out of range", l)
				}
			}
			if e.Date != nil {
				if _, err := time.Parse(time.DateOnly, *e.Date); err != nil {
					t.Errorf("event date %q", *e.Date)
				}
			}
		}
		for _, p := range r.Places {
			in("place", p.Start, p.End, p.Text)
		}
		for _, c := range r.Counts {
			in("count", c.Start, c.End, c.Text)
			if c.Number < 0 {
				t.Errorf("count %+v negative", c)
			}
		}
		for _, q := range r.Quotes {
			in("quote", q.Start, q.End, "")
			if q.Speaker != nil {
				in("speaker", q.Speaker.Start, q.Speaker.End, q.Speaker.Text)
			}
		}
	})
}
