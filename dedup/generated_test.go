package dedup

import (
	"strconv"
	"testing"

	"sitrep/article"
	"sitrep/samples"
)

type generatedDoc struct {
	Doc
	of string // the article it reprints, "" for an original
}

// generatedDocs returns the first n articles of samples.DefaultGenerator
// for seed 1.
func generatedDocs(tb testing.TB, n int) []generatedDoc {
	tb.Helper()
	g, err := samples.DefaultGenerator()
	if err != nil {
		tb.Fatal(err)
	}
	var docs []generatedDoc
	for a := range g.Generate(n, 1) {
		art, err := article.FromRecord(a.Record)
		if err != nil {
			tb.Fatal(err)
		}
		d := generatedDoc{Doc: Doc{ID: "g" + strconv.Itoa(a.Index), Source: art.Source, Time: art.Date, Text: art.Body()}}
		if a.Of >= 0 {
			d.of = "g" + strconv.Itoa(a.Of)
		}
		docs = append(docs, d)
	}
	return docs
}

// TestGenerated: on template-made articles, which share far more wording
// than real reports do, the reprints are found and originals are not
// taken for copies of one another.
func TestGenerated(t *testing.T) {
	docs := generatedDocs(t, 3000)
	x := newTestIndex(t, Options{})
	var tp, fp, fn, bySentences int
	for _, d := range docs {
		res := x.Add(d.Doc)
		switch {
		case res.NearOf != "" && res.NearOf == d.of:
			tp++
		case res.NearOf != "" && d.of == "":
			fp++
			if fp <= 3 {
				t.Logf("%s taken for a copy of %s (%.2f)", d.ID, res.NearOf, res.Similarity)
			}
		case d.of != "":
			fn++
			if len(res.Sources) == 1 && res.Sources[0] == d.of {
				bySentences++
			}
			if fn <= 3 {
				t.Logf("%s reprints %s, found near %q (%.2f), copied %.2f from %v", d.ID, d.of, res.NearOf, res.Similarity, res.Copied, res.Sources)
			}
		}
	}
	p, r, _ := prf(tp, fp, fn)
	t.Logf("reprints of 3000 generated articles: precision %.3f recall %.3f (tp %d fp %d fn %d, of which %d have the original as their only source)",
		p, r, tp, fp, fn, bySentences)
	if p < 0.99 || r < 0.95 {
		t.Errorf("below the floor (precision 0.99, recall 0.95)")
	}
}
