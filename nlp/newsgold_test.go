package nlp_test

import (
	"slices"
	"strings"
	"testing"

	"sitrep/nlp"
)

// TestNewsGold checks the hand-annotated news gold set: every sentence is
// one tree (one root, heads in range, no cycles) with lemmas and tags, its
// event verb is a verb, the Tokenizer cuts its text into the same words, and
// no sentence of it is one the synthetic news generator makes. It logs how
// many gold words the generator never produces.
func TestNewsGold(t *testing.T) {
	gold, events := readNewsGold(t)
	if len(gold) < 80 {
		t.Errorf("%d sentences, want at least 80", len(gold))
	}
	seg, tok := &nlp.Segmenter{}, &nlp.Tokenizer{}
	texts := map[string]bool{}
	for i, s := range gold {
		toks := s.Doc.Tokens
		texts[s.Doc.Text] = true
		roots := 0
		for j, tk := range toks {
			if tk.Head < -1 || tk.Head >= len(toks) || tk.Head == j {
				t.Errorf("%s:%d: word %d: head %d out of range", newsGold, s.Line, j+1, tk.Head+1)
			}
			if (tk.Head == -1) != (tk.Deprel == "root") {
				t.Errorf("%s:%d: word %d: head %d with relation %q", newsGold, s.Line, j+1, tk.Head+1, tk.Deprel)
			}
			if tk.Head == -1 {
				roots++
			}
			if tk.Lemma == "" || tk.Lemma == "_" || tk.UPOS == "" || tk.XPOS == "" || tk.Deprel == "" {
				t.Errorf("%s:%d: word %d %q lacks a lemma, tag or relation", newsGold, s.Line, j+1, tk.Form)
			}
			for a, steps := j, 0; a >= 0 && a < len(toks); a, steps = toks[a].Head, steps+1 {
				if steps > len(toks) {
					t.Errorf("%s:%d: word %d is on a cycle", newsGold, s.Line, j+1)
					break
				}
			}
		}
		if roots != 1 {
			t.Errorf("%s:%d: %d roots", newsGold, s.Line, roots)
		}
		if e := toks[events[i]]; e.UPOS != "VERB" {
			t.Errorf("%s:%d: event word %q is %s, not a verb", newsGold, s.Line, e.Form, e.UPOS)
		}
		raw := &nlp.Doc{Text: s.Doc.Text}
		if err := seg.Annotate(t.Context(), raw); err != nil {
			t.Fatal(err)
		}
		if err := tok.Annotate(t.Context(), raw); err != nil {
			t.Fatal(err)
		}
		var got, want []string
		for _, tk := range raw.Tokens {
			got = append(got, tk.Form)
		}
		for _, tk := range toks {
			want = append(want, tk.Form)
		}
		if len(raw.Sentences) != 1 || !slices.Equal(got, want) {
			t.Errorf("%s:%d: the Segmenter and Tokenizer give %d sentences, %q", newsGold, s.Line, len(raw.Sentences), got)
		}
	}

	// The gold set measures generalization: none of its sentences is
	// generated, and many of its words are not in the generator's vocabulary.
	vocab := map[string]bool{}
	for seed := range uint64(3) {
		for _, d := range nlp.NewsSentences(nlp.DefaultNewsLexicon(), 20000, seed+1) {
			if texts[d.Text] {
				t.Errorf("the generator makes the gold sentence %q", d.Text)
			}
			for _, tk := range d.Tokens {
				vocab[strings.ToLower(tk.Form)] = true
			}
		}
	}
	words, oov := 0, 0
	unseen := map[string]bool{}
	for _, s := range gold {
		for _, tk := range s.Doc.Tokens {
			words++
			if !vocab[strings.ToLower(tk.Form)] {
				oov++
				unseen[strings.ToLower(tk.Form)] = true
			}
		}
	}
	t.Logf("%d of %d gold words (%.1f%%, %d distinct) are outside the generator's vocabulary", oov, words, 100*float64(oov)/float64(words), len(unseen))
	if oov*5 < words {
		t.Errorf("only %d of %d gold words are outside the generator's vocabulary; the gold set no longer measures generalization", oov, words)
	}
}
