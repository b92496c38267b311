package timex

import (
	"context"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/nlp"
)

// The tagger and parser matter to Find (tags and tense), so the fuzz
// targets run the full pipeline; the model is loaded once.
var fuzzModel = sync.OnceValues(nlp.DefaultModel)

// checkInvariants runs r on text and checks what every result must hold.
func checkInvariants(t *testing.T, r *Resolver, text string, pub time.Time) {
	t.Helper()
	m, err := fuzzModel()
	if err != nil {
		t.Fatal(err)
	}
	doc := &nlp.Doc{Text: text}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		return // the pipeline refuses some input; Find is not to blame
	}
	prevEnd, prevLimit := 0, 0
	for _, e := range r.Find(doc, pub) {
		if e.Start < prevEnd || e.Start >= e.End || e.End > len(text) || e.First < prevLimit {
			t.Fatalf("%q: span %d..%d tokens %d..%d out of order or outside the text", e.Text, e.Start, e.End, e.First, e.Limit)
		}
		prevEnd, prevLimit = e.End, e.Limit
		if e.Text != text[e.Start:e.End] {
			t.Fatalf("Text %q is not text[%d:%d]", e.Text, e.Start, e.End)
		}
		if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
			t.Fatalf("%q: sentence %d", e.Text, e.Sentence)
		}
		s := doc.Sentences[e.Sentence]
		if e.First < s.First || e.Limit > s.Limit || e.First >= e.Limit || e.Head < e.First || e.Head >= e.Limit {
			t.Fatalf("%q: tokens %d..%d head %d outside sentence %d..%d", e.Text, e.First, e.Limit, e.Head, s.First, s.Limit)
		}
		if e.Start != doc.Tokens[e.First].Start || e.End != doc.Tokens[e.Limit-1].End {
			t.Fatalf("%q: span %d..%d not on the token boundaries %d..%d", e.Text, e.Start, e.End, doc.Tokens[e.First].Start, doc.Tokens[e.Limit-1].End)
		}
		if e.Precision < Day || e.Precision > Year {
			t.Fatalf("%q: precision %v", e.Text, e.Precision)
		}
		v := e.Value
		if v.Location() != time.UTC || !v.Equal(truncate(v, e.Precision)) || v.Year() < minYear || v.Year() > maxYear {
			t.Fatalf("%q: value %v does not start a %s in range", e.Text, v, e.Precision)
		}
		if e.Part != "" && e.Precision != Day {
			t.Fatalf("%q: part %q on a %s", e.Text, e.Part, e.Precision)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Rebels were divided on Monday. The offensive resumed Wednesday evening after talks failed earlier in the day.", int64(1530748800))
	f.Add("On July 4, 2018 and 4 July 2018, Jul. 4, 2018-07-04, 04/07/2018 and 25/06/2018.", int64(0))
	f.Add("February 30, 32 July, 2018-13-01, 99999999999 years ago, the 1990s, mid-2017, since 2011.", int64(-62135596800))
	f.Add("Just under a year ago, about two weeks ago, a decade ago. That day. The next day. Two days later.", int64(253402300799))
	f.Add("in early and late mid- the end of last next this", int64(1e12))
	f.Add("Theresa May may march in March. The Sunday Times. Mail on Sunday. 2015 people. at 1800 GMT.", int64(1530748800))
	f.Fuzz(func(t *testing.T, text string, pub int64) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		r := mustDefault(t)
		checkInvariants(t, r, text, time.Unix(pub, 0).UTC())
	})
}
