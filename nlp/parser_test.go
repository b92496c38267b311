package nlp

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// followOracle parses toks by always taking a zero-cost transition with the
// gold label, and returns the heads (n for the root) and labels it built.
func followOracle(t *testing.T, toks []Token, head []int, label []uint8, nl int) ([]int, []uint8) {
	t.Helper()
	st := &parseState{}
	st.reset(toks)
	onStack := make([]bool, len(toks)+1)
	cost := make([]int, 1+2*nl)
	for !st.terminal() {
		if min := st.costs(cost, head, label, onStack, nl); min != 0 {
			t.Fatalf("no zero-cost transition (best %d) with stack %v, buffer at %d", min, st.stack, st.b)
		}
		c := slices.Index(cost, 0)
		st.applyTracked(c, nl, onStack)
	}
	return st.head[:len(toks)], st.label[:len(toks)]
}

func TestOracleBuildsGoldTree(t *testing.T) {
	docs := tinyDocs(t)
	for i, d := range docs {
		n := len(d.Tokens)
		head := make([]int, n)
		label := make([]uint8, n)
		for j, tok := range d.Tokens {
			head[j] = tok.Head
			if tok.Head < 0 {
				head[j] = n
			}
			label[j] = uint8(j % 7) // any labels will do; root gets 0
			if tok.Head < 0 {
				label[j] = 0
			} else if label[j] == 0 {
				label[j] = 1
			}
		}
		gotHead, gotLabel := followOracle(t, d.Tokens, head, label, 7)
		if !slices.Equal(gotHead, head) || !slices.Equal(gotLabel, label) {
			t.Errorf("sentence %d: oracle built %v %v, want %v %v", i, gotHead, gotLabel, head, label)
		}
	}
}

// randomProjectiveTree returns heads (n for the root) of a random
// projective tree over n words: each span picks a head, and its left and
// right parts become its dependents' spans.
func randomProjectiveTree(rng *rand.Rand, n int) []int {
	head := make([]int, n)
	var build func(lo, hi, parent int)
	build = func(lo, hi, parent int) {
		if lo >= hi {
			return
		}
		h := lo + rng.IntN(hi-lo)
		head[h] = parent
		// Split each side into sub-spans that all depend on h.
		for _, side := range [][2]int{{lo, h}, {h + 1, hi}} {
			a, b := side[0], side[1]
			for a < b {
				cut := a + 1 + rng.IntN(b-a)
				build(a, cut, h)
				a = cut
			}
		}
	}
	build(0, n, n)
	return head
}

func TestOracleOnRandomTrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 500 {
		n := 1 + rng.IntN(25)
		head := randomProjectiveTree(rng, n)
		toks := make([]Token, n)
		label := make([]uint8, n)
		for i := range toks {
			toks[i].Form = "w"
			if head[i] != n {
				label[i] = uint8(1 + rng.IntN(4))
			}
		}
		gotHead, gotLabel := followOracle(t, toks, head, label, 5)
		if !slices.Equal(gotHead, head) || !slices.Equal(gotLabel, label) {
			t.Fatalf("trial %d: oracle built %v, want %v", trial, gotHead, head)
		}
	}
}

func TestProjectivize(t *testing.T) {
	d := tinyDoc(t, nonProjective)
	n := len(d.Tokens)
	head := make([]int, n)
	for i, tok := range d.Tokens {
		head[i] = tok.Head
		if tok.Head < 0 {
			head[i] = n
		}
	}
	if projectiveArc(head, 1, 1, 6) {
		t.Fatal("test tree is already projective")
	}
	projectivize(head)
	// "issue" is lifted from "hearing" to "hearing"'s head, "scheduled".
	want := []int{1, 3, 3, n, 6, 6, 3, 3, 3}
	if !slices.Equal(head, want) {
		t.Errorf("projectivized %v, want %v", head, want)
	}
	toks := append([]Token(nil), d.Tokens...)
	for i := range toks {
		toks[i].Head = head[i]
		if head[i] == n {
			toks[i].Head = -1
		}
	}
	checkTree(t, toks)
}

func TestTrainParserOnTinyTreebank(t *testing.T) {
	docs := tinyDocs(t)
	p, err := TrainParser(t.Context(), docs, ParserOptions{Epochs: 30, MinUpdates: 1})
	if err != nil {
		t.Fatal(err)
	}
	// The parser must at least learn its own training sentences.
	for i, gold := range docs {
		d := gold.Clone()
		for j := range d.Tokens {
			d.Tokens[j].Head, d.Tokens[j].Deprel = 0, ""
		}
		if err := p.Annotate(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		checkTree(t, d.Tokens)
		for j := range d.Tokens {
			if d.Tokens[j].Head != gold.Tokens[j].Head || d.Tokens[j].Deprel != gold.Tokens[j].Deprel {
				t.Errorf("sentence %d word %q: %d/%s, want %d/%s", i, d.Tokens[j].Form,
					d.Tokens[j].Head, d.Tokens[j].Deprel, gold.Tokens[j].Head, gold.Tokens[j].Deprel)
			}
		}
	}
}

func TestTrainParserRejectsBadTrees(t *testing.T) {
	for name, line := range map[string]string{
		"two roots":     "A/DET/DT/0/root b/NOUN/NN/0/root",
		"self head":     "A/DET/DT/1/det b/NOUN/NN/0/root",
		"root relation": "A/DET/DT/2/root b/NOUN/NN/0/root",
	} {
		if _, err := TrainParser(t.Context(), []*Doc{tinyDoc(t, line)}, ParserOptions{Epochs: 1}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
