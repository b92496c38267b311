package dedup

import (
	"math"
	"reflect"
	"testing"
	"time"

	"sitrep/nlp"
)

// FuzzAdd adds two texts, the second twice, with sentence spans made from
// fuzzed bytes (often invalid), and checks the invariants of the results.
func FuzzAdd(f *testing.F) {
	f.Add("Rebels seized the town.\n\nThe army said it would retake it.", "Rebels seized the town. The army said it would retake it soon.", []byte{0, 10, 12, 30})
	f.Add("Russia's army", "Russian Federation's army\n\nRussian Federation's army", []byte{})
	f.Add("", "\xff\xfe'''", []byte{5, 2})
	f.Add("a b c d e f g h", "a b c d e f g h i j k", []byte{0, 3, 3, 200})
	x := newTestIndex(f, Options{})
	f.Fuzz(func(t *testing.T, a, b string, spanBytes []byte) {
		var spans []nlp.Span
		for i := 0; i+1 < len(spanBytes); i += 2 {
			spans = append(spans, nlp.Span{Start: int(spanBytes[i]), End: int(spanBytes[i+1])})
		}
		x := newTestIndex(t, x.opt)
		ra := x.Add(Doc{ID: "a", Text: a, Sentences: spans})
		rb := x.Add(Doc{ID: "b", Text: b, Sentences: spans})
		rc := x.Add(Doc{ID: "c", Text: b})
		for _, tc := range []struct {
			res  Result
			text string
		}{{ra, a}, {rb, b}, {rc, b}} {
			checkResult(t, tc.res, tc.text)
		}
		if ra.ExactOf != "" || ra.NearOf != "" {
			t.Fatalf("the first article copies %q/%q", ra.ExactOf, ra.NearOf)
		}
		if rc.Record.Fingerprint.Exact != 0 && rc.ExactOf == "" {
			t.Fatalf("the same text again is no exact duplicate")
		}
		data, err := rb.Record.Fingerprint.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var fp Fingerprint
		if err := fp.UnmarshalBinary(data); err != nil || !reflect.DeepEqual(&fp, rb.Record.Fingerprint) {
			t.Fatalf("fingerprint round trip: %v", err)
		}
	})
}

func checkResult(t *testing.T, r Result, text string) {
	t.Helper()
	switch {
	case r.Similarity < 0 || r.Similarity > 1, r.Copied < 0 || r.Copied > 1:
		t.Fatalf("%s: similarity %v, copied %v", r.ID, r.Similarity, r.Copied)
	case r.NearOf == "" && (r.Similarity != 0 || r.Original != r.ID):
		t.Fatalf("%s: no near-duplicate, similarity %v, original %q", r.ID, r.Similarity, r.Original)
	case r.ExactOf != "" && (r.NearOf != r.ExactOf || r.Similarity != 1):
		t.Fatalf("%s: exact %q but near %q %v", r.ID, r.ExactOf, r.NearOf, r.Similarity)
	case r.Stitched && len(r.Sources) < 2:
		t.Fatalf("%s: stitched from %v", r.ID, r.Sources)
	}
	end := 0
	for i, s := range r.Sentences {
		if s.Start < end || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("%s: sentence %d span %v after %d in %d bytes", r.ID, i, s.Span, end, len(text))
		}
		end = s.End
		if s.Repeats >= i || (s.Article == "") != (s.Original == "") || s.Article == r.ID {
			t.Fatalf("%s: sentence %d: %+v", r.ID, i, s)
		}
		if s.Article != "" && (s.Similarity <= 0 || s.Similarity > 1 || s.Exact && s.Similarity != 1 || s.Words < MinSentenceWords) {
			t.Fatalf("%s: sentence %d: %+v", r.ID, i, s)
		}
	}
	if got := r.Story(0); got == "" {
		t.Fatalf("%s: no story at 0", r.ID)
	}
}

// FuzzMerge adds mentions made from fuzzed bytes and checks that every
// mention lands in exactly one event with consistent counts, as it does
// with the refMerger.
func FuzzMerge(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18})
	f.Add([]byte("SYRGOV SYRREB 190 195 183 ..."))
	codes := []string{"", "SYR", "SYRGOV", "SYRREB", "REB", "RUS", "RUSMIL", "GOVMIL"}
	cameo := []string{"190", "195", "19", "183", "0233", "", "1"}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, ref := NewMerger(MergeOptions{}), newRefMerger(MergeOptions{})
		n := 0
		for i := 0; i+9 <= len(data); i += 9 {
			d := data[i : i+9]
			m := Mention{
				ID:          string(rune('A'+n%26)) + string(rune('a'+n/26%26)),
				ArticleID:   string(rune('a' + d[0]%5)),
				Source:      string(rune('p' + d[1]%4)),
				SourceActor: codes[int(d[2])%len(codes)],
				TargetActor: codes[int(d[3])%len(codes)],
				Code:        cameo[int(d[4])%len(cameo)],
				Place:       Place{ID: int64(d[5] % 3), Lat: float64(d[6]%8) - 4, Lon: float64(d[7]), Radius: float64(d[5] % 50), Country: codes[int(d[5])%3]},
				Date:        time.Date(2024, 1, 1+int(d[8]%40), 0, 0, 0, 0, time.UTC),
				Precision:   Precision(d[8] % 6),
			}
			if d[6]%7 == 0 {
				m.Place.Lat = math.NaN()
			}
			if d[8]%11 == 0 {
				m.Date = time.Time{}
			}
			id, created := g.Add(m)
			if wantID, wantCreated := ref.Add(m); id != wantID || created != wantCreated {
				t.Fatalf("mention %d %+v: Add = %s, %v; the refMerger's %s, %v", n, m, id, created, wantID, wantCreated)
			}
			n++
		}
		if got, want := dump(g.Events()), dump(ref.Events()); got != want {
			t.Fatalf("events\n%s\nthe refMerger's\n%s", got, want)
		}
		seen := map[string]bool{}
		total := 0
		for _, e := range g.Events() {
			if e.NumMentions != len(e.Mentions) || e.NumArticles > e.NumMentions || e.NumSources > e.NumMentions || e.NumArticles < 1 {
				t.Fatalf("event %s: %d mentions listed, counts %d %d %d", e.ID, len(e.Mentions), e.NumMentions, e.NumSources, e.NumArticles)
			}
			for _, id := range e.Mentions {
				if seen[id] {
					t.Fatalf("mention %s in two events", id)
				}
				seen[id] = true
			}
			if !actorsFit(e.Representative.SourceActor, e.SourceActor) || codeRoot(e.Representative.Code) != codeRoot(e.Code) {
				t.Fatalf("event %s: representative %+v does not fit %+v", e.ID, e.Representative, e)
			}
			total += e.NumMentions
		}
		if total != n {
			t.Fatalf("%d mentions in events, %d added", total, n)
		}
	})
}
