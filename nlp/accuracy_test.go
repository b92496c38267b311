package nlp_test

import (
	"testing"

	"sitrep/internal/testshared"
	"sitrep/nlp"
	"sitrep/nlp/conllu"
)

// readTreebank reads a CoNLL-U file of ../shared, skipping without it.
func readTreebank(tb testing.TB, rel string) []*conllu.Sentence {
	tb.Helper()
	out, err := conllu.ReadFile(testshared.Path(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// annotateGoldTokens re-tags, re-lemmatizes and re-parses a copy of gold.
func annotateGoldTokens(tb testing.TB, m *nlp.Model, gold []*conllu.Sentence) []*conllu.Sentence {
	tb.Helper()
	pred := make([]*conllu.Sentence, len(gold))
	for i, g := range gold {
		d := g.Doc.Clone()
		for j := range d.Tokens {
			t := &d.Tokens[j]
			t.Lemma, t.UPOS, t.XPOS, t.Head, t.Deprel = "", "", "", 0, ""
		}
		if err := m.Analyzers().Annotate(tb.Context(), d); err != nil {
			tb.Fatal(err)
		}
		pred[i] = &conllu.Sentence{Doc: d, Line: g.Line}
	}
	return pred
}

// TestAccuracyEWT holds the embedded model to its floors on UD English EWT
// test with gold tokenization. Raise the floors when the model improves.
func TestAccuracyEWT(t *testing.T) {
	m, err := nlp.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	gold := readTreebank(t, "data/ud-english-ewt/en_ewt-ud-test.conllu")
	s, err := conllu.Score(gold, annotateGoldTokens(t, m, gold))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT test: %v", s)
	for _, f := range []struct {
		name  string
		got   float64
		floor float64
	}{
		{"UPOS", s.Percent(s.UPOS), 94.5},
		{"XPOS", s.Percent(s.XPOS), 94.0},
		{"Lemma", s.Percent(s.Lemma), 96.0},
		{"UAS", s.Percent(s.UAS), 85.0},
		{"LAS", s.Percent(s.LAS), 81.0},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.2f is below the floor %.1f", f.name, f.got, f.floor)
		}
	}
}
