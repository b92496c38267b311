package event

import (
	"slices"
	"strings"

	"sitrep/nlp"
)

// A tree is one parsed sentence seen as a dependency tree: children lists
// and relations normalized to UD v2 (the validation suite's parses use UD
// v1 names), with the words folded for dictionary lookups.
type tree struct {
	toks     []nlp.Token
	owned    bool     // toks is the tree's own copy, not the caller's
	rel      []string // normalized relation, subtype kept ("obl:tmod")
	children [][]int  // dependents of each token, in order
	lower    []string // lower-cased form
	lemma    []string // lower-cased lemma ("" → lower form)
	root     int
}

// v1 maps UD v1 relations to their v2 names.
var v1 = map[string]string{
	"dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass",
	"auxpass": "aux:pass", "neg": "advmod", "name": "flat", "mwe": "fixed",
	"foreign": "flat:foreign", "nmod:agent": "obl:agent",
}

func newTree(toks []nlp.Token) *tree {
	n := len(toks)
	t := &tree{toks: toks, rel: make([]string, n), children: make([][]int, n),
		lower: make([]string, n), lemma: make([]string, n), root: -1}
	for i, tok := range toks {
		rel := tok.Deprel
		if r, ok := v1[rel]; ok {
			rel = r
		}
		t.rel[i] = rel
		t.lower[i] = strings.ToLower(tok.Form)
		t.lemma[i] = strings.ToLower(tok.Lemma)
		if t.lemma[i] == "" || t.lemma[i] == "_" {
			t.lemma[i] = t.lower[i]
		}
		if tok.Head >= 0 && tok.Head < n && tok.Head != i {
			t.children[tok.Head] = append(t.children[tok.Head], i)
		} else if t.root < 0 {
			t.root = i
		}
	}
	t.repairNames()
	t.repairAs()
	// In UD v1 "nmod" covered obliques of verbs; v2 calls them "obl".
	for i, tok := range toks {
		if h := tok.Head; h >= 0 && h < n && strings.HasPrefix(t.rel[i], "nmod") && t.isVerbal(h) {
			t.rel[i] = "obl" + strings.TrimPrefix(t.rel[i], "nmod")
		}
	}
	return t
}

// base returns a relation without its subtype.
func relBase(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

func (t *tree) head(i int) int {
	h := t.toks[i].Head
	if h < 0 || h >= len(t.toks) {
		return -1
	}
	return h
}

// isVerbal reports whether token i heads a clause.
func (t *tree) isVerbal(i int) bool {
	switch t.toks[i].UPOS {
	case "VERB", "AUX":
		return true
	}
	for _, c := range t.children[i] {
		switch relBase(t.rel[c]) {
		case "nsubj", "cop", "aux", "csubj":
			return true
		}
	}
	return false
}

// child returns the first dependent of i whose relation's base is rel, or
// -1, also when i is -1 (no token: the head of a mangled parse's root).
func (t *tree) child(i int, rels ...string) int {
	if i < 0 {
		return -1
	}
	for _, c := range t.children[i] {
		for _, r := range rels {
			if t.rel[c] == r || relBase(t.rel[c]) == r {
				return c
			}
		}
	}
	return -1
}

// kids returns the dependents of i whose relation (full or base) is one of rels.
func (t *tree) kids(i int, rels ...string) []int {
	if i < 0 {
		return nil
	}
	var out []int
	for _, c := range t.children[i] {
		for _, r := range rels {
			if t.rel[c] == r || relBase(t.rel[c]) == r {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// conjuncts returns i and the tokens conjoined to it ("A, B and C").
func (t *tree) conjuncts(i int) []int {
	out := []int{i}
	for k := 0; k < len(out); k++ {
		out = append(out, t.kids(out[k], "conj")...)
	}
	return out
}

// prep returns the preposition (case dependent, with any fixed words, lower
// case) of nominal i, or "".
func (t *tree) prep(i int) string {
	c := t.child(i, "case")
	if c < 0 {
		return ""
	}
	p := t.lower[c]
	for _, f := range t.kids(c, "fixed") {
		p += " " + t.lower[f]
	}
	return p
}

// negated reports whether predicate i is negated ("not", "n't", "never",
// "no longer").
func (t *tree) negated(i int) bool {
	for _, c := range t.children[i] {
		if relBase(t.rel[c]) != "advmod" && t.rel[c] != "neg" && relBase(t.rel[c]) != "det" {
			continue
		}
		switch t.lower[c] {
		case "not", "n't", "never", "no":
			return true
		}
	}
	return false
}

// span returns the first and last token of i's subtree.
func (t *tree) span(i int) (int, int) {
	lo, hi := i, i
	var walk func(int)
	walk = func(k int) {
		lo, hi = min(lo, k), max(hi, k)
		for _, c := range t.children[k] {
			walk(c)
		}
	}
	walk(i)
	return lo, hi
}

// repairNames undoes a parser error common on names: a verb with two
// subjects (or objects) side by side, "Bree Prime Minister Romendacil
// clashed" parsed as subjects "Bree" and "Romendacil". The earlier ones
// become compounds of the last, so that the name is one phrase again.
func (t *tree) repairNames() {
	for h := range t.toks {
		for _, rel := range []string{"nsubj", "obj"} {
			kids := t.kids(h, rel)
			if len(kids) < 2 {
				continue
			}
			last := kids[len(kids)-1]
			for _, k := range kids[:len(kids)-1] {
				_, hi := t.span(k)
				if hi >= last || !t.onlyModifiersBetween(hi+1, last) || t.child(k, "conj") >= 0 ||
					t.toks[k].UPOS != "PROPN" && t.toks[k].UPOS != "NOUN" {
					continue
				}
				t.attach(k, last, "compound")
			}
		}
	}
}

// attach makes k a dependent of h with relation rel.
func (t *tree) attach(k, h int, rel string) {
	if !t.owned {
		// The tokens are the caller's: change a copy.
		t.toks, t.owned = slices.Clone(t.toks), true
	}
	if old := t.head(k); old >= 0 {
		t.children[old] = slices.DeleteFunc(t.children[old], func(c int) bool { return c == k })
	}
	t.toks[k].Head = h
	t.rel[k] = rel
	t.children[h] = append(t.children[h], k)
	slices.Sort(t.children[h])
}

// repairAs undoes a parser error common on news: a clause "as X does Y"
// read as a prepositional phrase "as X" and a verb of its own ("a victory
// for Syria as the war-torn country renews efforts", "troops pound Daraa
// as Jordan sends aid"). When a nominal introduced by "as" is followed
// right away by a finite verb with no subject, the nominal becomes that
// verb's subject, "as" its marker, and the verb an adverbial clause of the
// nearest clause above the nominal.
func (t *tree) repairAs() {
	// Right to left, so that the nominal nearest the verb is taken, not a
	// phrase further left that holds it as a modifier.
	for n := len(t.toks) - 1; n >= 0; n-- {
		c := t.child(n, "case")
		if c < 0 || c > n || t.lower[c] != "as" || !isNominal(t.toks[n].UPOS) {
			continue
		}
		switch relBase(t.rel[n]) {
		case "obl", "nmod":
		default:
			continue
		}
		_, hi := t.span(n)
		v := hi + 1
		if v >= len(t.toks) || t.toks[v].UPOS != "VERB" || t.child(v, "nsubj", "nsubj:pass", "csubj") >= 0 {
			continue
		}
		switch t.toks[v].XPOS {
		case "VBZ", "VBD", "VBP":
		default:
			continue
		}
		up := t.head(n)
		for up >= 0 && !t.isVerbal(up) {
			up = t.head(up)
		}
		if up < 0 || up == v || t.dominates(v, up) {
			continue
		}
		t.attach(v, up, "advcl")
		t.attach(n, v, "nsubj")
		t.attach(c, v, "mark")
	}
}

// dominates reports whether a is an ancestor of b.
func (t *tree) dominates(a, b int) bool {
	for k, steps := t.head(b), 0; k >= 0 && steps <= len(t.toks); k, steps = t.head(k), steps+1 {
		if k == a {
			return true
		}
	}
	return false
}

// onlyModifiersBetween reports whether tokens lo..hi-1 are all modifiers
// of the phrase that follows (a title between two names).
func (t *tree) onlyModifiersBetween(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		switch t.toks[i].UPOS {
		case "PROPN", "NOUN", "ADJ":
		default:
			return false
		}
	}
	return true
}
