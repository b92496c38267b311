package nlp_test

import (
	"strconv"
	"strings"
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

// newsGold is the hand-annotated news gold set, kept in the repository.
const newsGold = "testdata/news.conllu"

// readNewsGold reads the news gold set and the event verb of each sentence
// (its "# event = ID" comment, as a 0-based index).
func readNewsGold(tb testing.TB) ([]*conllu.Sentence, []int) {
	tb.Helper()
	gold, err := conllu.ReadFile(newsGold)
	if err != nil {
		tb.Fatal(err)
	}
	events := make([]int, len(gold))
	for i, s := range gold {
		events[i] = -1
		for _, c := range s.Comments {
			if v, ok := strings.CutPrefix(c, "# event = "); ok {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 || n > len(s.Doc.Tokens) {
					tb.Fatalf("%s:%d: bad event %q", newsGold, s.Line, v)
				}
				events[i] = n - 1
			}
		}
		if events[i] < 0 {
			tb.Fatalf("%s:%d: sentence has no # event comment", newsGold, s.Line)
		}
	}
	return gold, events
}

// coreRelations are the arguments an event verb must keep for the event
// coder to read who did what to whom.
var coreRelations = map[string]bool{"nsubj": true, "nsubj:pass": true, "obj": true, "iobj": true, "obl:agent": true, "csubj": true}

// eventScore counts the sentences whose event verb has its gold head and
// relation and keeps every core argument (subject, object, agent) with its
// gold relation, and the sentences whose gold root is predicted as root.
func eventScore(gold, pred []*conllu.Sentence, events []int) (right, roots int) {
	for i := range gold {
		g, p := gold[i].Doc.Tokens, pred[i].Doc.Tokens
		e := events[i]
		ok := g[e].Head == p[e].Head && g[e].Deprel == p[e].Deprel
		for j := range g {
			if g[j].Head == e && coreRelations[g[j].Deprel] && (p[j].Head != e || p[j].Deprel != g[j].Deprel) {
				ok = false
			}
		}
		if ok {
			right++
		}
		for j := range g {
			if g[j].Head == -1 && p[j].Head == -1 {
				roots++
			}
		}
	}
	return right, roots
}

// TestAccuracyNews holds the embedded model to its floors on the news gold
// set (nlp/testdata/news.conllu), with gold tokenization. Raise the floors
// when the model improves.
func TestAccuracyNews(t *testing.T) {
	m, err := nlp.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	gold, events := readNewsGold(t)
	pred := annotateGoldTokens(t, m, gold)
	s, err := conllu.Score(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	ev, roots := eventScore(gold, pred, events)
	n := float64(len(gold))
	t.Logf("news gold: %v", s)
	t.Logf("news gold: %d sentences, event verb with its arguments right in %d (%.1f%%), root right in %d (%.1f%%)",
		len(gold), ev, 100*float64(ev)/n, roots, 100*float64(roots)/n)
	for _, f := range []struct {
		name  string
		got   float64
		floor float64
	}{
		{"UPOS", s.Percent(s.UPOS), 96.5},
		{"UAS", s.Percent(s.UAS), 89.0},
		{"LAS", s.Percent(s.LAS), 87.0},
		{"events", 100 * float64(ev) / n, 80.0},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.2f is below the floor %.1f", f.name, f.got, f.floor)
		}
	}
}
