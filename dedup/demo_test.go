package dedup

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"testing"

	"sitrep/article"
	"sitrep/samples"
)

// TestDemo adds the demo corpus in order and checks its relation table
// (samples/README.md): every reprint is a near-duplicate of its original,
// every stitched spun copy is flagged with exactly the articles it was made
// from, and no other article copies anything, not even the independent
// reports of one event.
func TestDemo(t *testing.T) {
	rels, err := samples.DemoRelations()
	if err != nil {
		t.Fatal(err)
	}
	byLine := map[int]samples.Relation{}
	for _, r := range rels {
		byLine[r.Line] = r
	}
	r := article.NewJSONLReader(samples.Demo(), samples.DemoName)
	x := newTestIndex(t, Options{})
	id := func(line int) string { return "line" + strconv.Itoa(line) }
	var results []Result
	for line := 1; ; line++ {
		a, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, x.Add(Doc{ID: id(line), Source: a.Source, Time: a.Date, Text: a.Body()}))
	}
	if len(results) != 78 {
		t.Errorf("%d articles, want 78", len(results))
	}
	for i, res := range results {
		line := i + 1
		rel, ok := byLine[line]
		var want []string
		for _, of := range rel.Of {
			want = append(want, id(of))
		}
		switch {
		case !ok || rel.Kind == samples.SameEvent:
			if res.NearOf != "" || len(res.Sources) > 0 || res.Copied > 0.1 {
				t.Errorf("line %d (%s): near %q %.2f, sources %v, copied %.2f; want an article of its own",
					line, rel.Kind, res.NearOf, res.Similarity, res.Sources, res.Copied)
			}
		case rel.Kind == samples.Reprint:
			t.Logf("line %d reprints %v: near %q similarity %.2f copied %.2f", line, rel.Of, res.NearOf, res.Similarity, res.Copied)
			if res.NearOf != want[0] || res.Original != want[0] || res.Stitched {
				t.Errorf("line %d: near %q (%.2f), original %q, stitched %v; want a reprint of %s",
					line, res.NearOf, res.Similarity, res.Original, res.Stitched, want[0])
			}
		case rel.Kind == samples.Stitched:
			got := slices.Sorted(slices.Values(res.Sources))
			slices.Sort(want)
			t.Logf("line %d stitched from %v: sources %v copied %.2f near %q", line, rel.Of, res.Sources, res.Copied, res.NearOf)
			if !res.Stitched || !slices.Equal(got, want) || res.NearOf != "" || res.Copied < 0.8 {
				t.Errorf("line %d: stitched %v from %v, copied %.2f, near %q; want stitched from %v",
					line, res.Stitched, res.Sources, res.Copied, res.NearOf, want)
			}
			// The duplicated title is a repeat of the first line.
			if len(res.Sentences) < 2 || res.Sentences[1].Repeats != 0 {
				t.Errorf("line %d: the duplicated title is not a repeat: %+v", line, res.Sentences[:min(2, len(res.Sentences))])
			}
		}
	}
}
