package nlp

import (
	"strconv"
	"strings"
	"testing"
)

// tinyTreebank is a handful of news sentences annotated by hand in UD style,
// one word per field: form/UPOS/XPOS/head/relation, heads counted from 1,
// 0 for the root.
var tinyTreebank = []string{
	"Syrian/ADJ/JJ/3/amod government/NOUN/NN/3/compound forces/NOUN/NNS/4/nsubj shelled/VERB/VBD/0/root rebel/NOUN/NN/6/compound positions/NOUN/NNS/4/obj in/ADP/IN/8/case Daraa/PROPN/NNP/4/obl on/ADP/IN/10/case Tuesday/PROPN/NNP/4/obl ./PUNCT/./4/punct",
	"Jordan/PROPN/NNP/4/nsubj will/AUX/MD/4/aux not/PART/RB/4/advmod open/VERB/VB/0/root its/PRON/PRP$/6/nmod:poss borders/NOUN/NNS/4/obj to/ADP/IN/8/case refugees/NOUN/NNS/4/obl ./PUNCT/./4/punct",
	"The/DET/DT/2/det offensive/NOUN/NN/3/nsubj resumed/VERB/VBD/0/root after/SCONJ/IN/6/mark talks/NOUN/NNS/6/nsubj failed/VERB/VBD/3/advcl ./PUNCT/./3/punct",
	"Rebels/NOUN/NNS/4/nsubj and/CCONJ/CC/3/cc residents/NOUN/NNS/1/conj said/VERB/VBD/0/root the/DET/DT/6/det army/NOUN/NN/7/nsubj entered/VERB/VBD/4/ccomp the/DET/DT/9/det town/NOUN/NN/7/obj ./PUNCT/./4/punct",
	"Russian/ADJ/JJ/2/amod jets/NOUN/NNS/3/nsubj struck/VERB/VBD/0/root the/DET/DT/5/det town/NOUN/NN/3/obj ,/PUNCT/,/8/punct officials/NOUN/NNS/8/nsubj said/VERB/VBD/3/parataxis ./PUNCT/./3/punct",
}

// nonProjective has the crossing arc hearing → issue.
const nonProjective = "A/DET/DT/2/det hearing/NOUN/NN/4/nsubj:pass is/AUX/VBZ/4/aux:pass scheduled/VERB/VBN/0/root on/ADP/IN/7/case the/DET/DT/7/det issue/NOUN/NN/2/nmod today/NOUN/NN/4/obl:tmod ./PUNCT/./4/punct"

// tinyDoc turns one line of tinyTreebank into a one-sentence document.
func tinyDoc(tb testing.TB, line string) *Doc {
	tb.Helper()
	var toks []Token
	for _, field := range strings.Fields(line) {
		p := strings.Split(field, "/")
		if len(p) != 5 {
			tb.Fatalf("bad field %q", field)
		}
		h, err := strconv.Atoi(p[3])
		if err != nil {
			tb.Fatalf("bad head in %q", field)
		}
		toks = append(toks, Token{Form: p[0], Lemma: strings.ToLower(p[0]), UPOS: p[1], XPOS: p[2], Head: h - 1, Deprel: p[4]})
	}
	return sentenceDoc(toks)
}

func tinyDocs(tb testing.TB) []*Doc {
	var docs []*Doc
	for _, line := range tinyTreebank {
		docs = append(docs, tinyDoc(tb, line))
	}
	return docs
}

// checkTree fails unless toks form one projective tree with one root.
func checkTree(tb testing.TB, toks []Token) {
	tb.Helper()
	n := len(toks)
	heads := make([]int, n)
	roots := 0
	for i, t := range toks {
		if t.Head < -1 || t.Head >= n || t.Head == i {
			tb.Fatalf("token %d %q: head %d out of range", i, t.Form, t.Head)
		}
		if t.Deprel == "" {
			tb.Fatalf("token %d %q: no relation", i, t.Form)
		}
		if (t.Head == -1) != (t.Deprel == "root") {
			tb.Fatalf("token %d %q: head %d with relation %q", i, t.Form, t.Head, t.Deprel)
		}
		heads[i] = t.Head
		if t.Head < 0 {
			roots++
			heads[i] = n
		}
	}
	if roots != 1 {
		tb.Fatalf("%d roots", roots)
	}
	for i := range n {
		a := i
		for steps := 0; a != n; steps++ {
			if steps > n {
				tb.Fatalf("token %d is on a cycle", i)
			}
			a = heads[a]
		}
	}
	for d, h := range heads {
		if h != n && !projectiveArc(heads, h, min(h, d), max(h, d)) {
			tb.Fatalf("arc %d → %d is not projective", h, d)
		}
	}
}
