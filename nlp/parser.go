package nlp

import (
	"context"
	"sync"
)

// A Parser adds a labeled dependency tree to each sentence. It is a greedy
// arc-hybrid transition parser (SHIFT, LEFT-l, RIGHT-l) with the root token
// at the end of the buffer, which may take one dependent only, so every
// sentence gets exactly one root and a projective tree. Transitions are
// scored by an averaged perceptron trained with a dynamic oracle.
// The parser reads Form, UPOS and XPOS; run a Tagger first.
// Safe for concurrent use.
type Parser struct {
	labels  []string // relation id → name; labels[0] is "root"
	w       *weights
	scratch sync.Pool // *parseState
}

func newParser(labels []string, w *weights) *Parser {
	return &Parser{labels: labels, w: w}
}

// Labels returns the relations the parser predicts.
func (p *Parser) Labels() []string { return p.labels }

// Annotate sets Head and Deprel of every token of doc.
func (p *Parser) Annotate(ctx context.Context, doc *Doc) error {
	st, _ := p.scratch.Get().(*parseState)
	if st == nil {
		st = &parseState{}
	}
	defer p.scratch.Put(st)
	scores := make([]int32, 1+2*len(p.labels))
	acc := make([]uint64, p.w.lanes())
	for i, sent := range doc.Sentences {
		if i&63 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		toks := doc.Tokens[sent.First:sent.Limit]
		if len(toks) == 0 {
			continue
		}
		p.parse(st, toks, scores, acc)
		for j := range toks {
			toks[j].Head = st.head[j]
			if st.head[j] == len(toks) {
				toks[j].Head = -1
			}
			toks[j].Deprel = p.labels[st.label[j]]
		}
	}
	return nil
}

func (p *Parser) parse(st *parseState, toks []Token, scores []int32, acc []uint64) {
	st.reset(toks)
	nl := len(p.labels)
	for !st.terminal() {
		// Skip scoring where only one transition is legal.
		if len(st.stack) == 0 {
			st.apply(shift, nl)
			continue
		}
		if st.b == st.n && len(st.stack) == 1 {
			st.apply(1, nl) // LEFT-root
			continue
		}
		st.feats = st.features(st.feats[:0])
		clear(scores)
		p.w.score(st.feats, scores, acc)
		best, bestScore := -1, int32(0)
		for c := range scores {
			if st.legal(c, nl) && (best < 0 || scores[c] > bestScore) {
				best, bestScore = c, scores[c]
			}
		}
		st.apply(best, nl)
	}
}

// Transitions: class 0 is SHIFT, 1+l is LEFT-l, 1+nl+l is RIGHT-l, where l
// indexes Parser.labels and label 0 is "root".
const shift = 0

// parseState is an arc-hybrid configuration over n words; index n is the
// root token at the end of the buffer.
type parseState struct {
	n      int
	stack  []int
	b      int // buffer front; the buffer is b..n
	head   []int
	label  []uint8
	lc1    []int // leftmost child, -1 if none
	lc2    []int // second leftmost child
	rc1    []int // rightmost child
	rc2    []int // second rightmost child
	nl, nr []uint8
	lset   []uint64 // bit set of the labels of left children
	rset   []uint64 // bit set of the labels of right children
	atoms  []parseAtoms
	feats  []uint64
}

type parseAtoms struct{ word, tag, wt uint64 }

func (st *parseState) reset(toks []Token) {
	n := len(toks)
	st.n, st.b = n, 0
	st.stack = st.stack[:0]
	st.head = resize(st.head, n+1, -1)
	st.lc1 = resize(st.lc1, n+1, -1)
	st.lc2 = resize(st.lc2, n+1, -1)
	st.rc1 = resize(st.rc1, n+1, -1)
	st.rc2 = resize(st.rc2, n+1, -1)
	st.label = resize(st.label, n+1, 0)
	st.nl = resize(st.nl, n+1, 0)
	st.nr = resize(st.nr, n+1, 0)
	st.lset = resize(st.lset, n+1, 0)
	st.rset = resize(st.rset, n+1, 0)
	if cap(st.atoms) < n+2 {
		st.atoms = make([]parseAtoms, n+2)
	}
	st.atoms = st.atoms[:n+2]
	for i, t := range toks {
		a := &st.atoms[i]
		a.word = normHash(t.Form)
		a.tag = hashExact(t.UPOS)*31 ^ hashExact(t.XPOS)
		a.wt = a.word*0x9e3779b97f4a7c15 ^ a.tag
	}
	st.atoms[n] = parseAtoms{word: 0x7007, tag: 0x7007, wt: 0x7007}   // the root token
	st.atoms[n+1] = parseAtoms{word: 0x0e0e, tag: 0x0e0e, wt: 0x0e0e} // no token
}

func resize[T any](s []T, n int, v T) []T {
	if cap(s) < n {
		s = make([]T, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

func (st *parseState) terminal() bool { return st.b == st.n && len(st.stack) == 0 }

// legal reports whether class c may be applied; nl is the number of labels.
func (st *parseState) legal(c, nl int) bool {
	switch {
	case c == shift:
		return st.b < st.n
	case c <= nl: // LEFT-l: s0 ← b0
		if len(st.stack) == 0 {
			return false
		}
		if st.b == st.n { // only the last word left may attach to the root
			return len(st.stack) == 1 && c-1 == 0
		}
		return c-1 != 0
	default: // RIGHT-l: s1 → s0
		return len(st.stack) >= 2 && c-1-nl != 0
	}
}

func (st *parseState) apply(c, nl int) {
	switch {
	case c == shift:
		st.stack = append(st.stack, st.b)
		st.b++
	case c <= nl:
		s0 := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.attach(st.b, s0, c-1)
	default:
		s0 := st.stack[len(st.stack)-1]
		s1 := st.stack[len(st.stack)-2]
		st.stack = st.stack[:len(st.stack)-1]
		st.attach(s1, s0, c-1-nl)
	}
}

func (st *parseState) attach(h, d, l int) {
	st.head[d] = h
	st.label[d] = uint8(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		st.nl[h]++
		st.lset[h] |= bit
		switch {
		case st.lc1[h] < 0 || d < st.lc1[h]:
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		case st.lc2[h] < 0 || d < st.lc2[h]:
			st.lc2[h] = d
		}
	} else {
		st.nr[h]++
		st.rset[h] |= bit
		switch {
		case st.rc1[h] < 0 || d > st.rc1[h]:
			st.rc2[h], st.rc1[h] = st.rc1[h], d
		case st.rc2[h] < 0 || d > st.rc2[h]:
			st.rc2[h] = d
		}
	}
}
