package nlp

import (
	"context"
	"sync"
)

// A Tagger assigns each token a UPOS and a PTB XPOS tag. It predicts the
// pair as one class with a greedy, left-to-right averaged perceptron, after a
// dictionary of frequent words that the training data tags one way only.
// Safe for concurrent use.
type Tagger struct {
	tags    []TagPair
	dict    map[uint64]uint8 // exact-form hash → class
	w       *weights
	scratch sync.Pool // *tagScratch
}

// A TagPair is one class of the tagger.
type TagPair struct{ UPOS, XPOS string }

type tagScratch struct {
	atoms  []tokenAtoms
	feats  []uint64
	scores []int32
	acc    []uint64
	tags   []int
}

func newTagger(tags []TagPair, dict map[uint64]uint8, w *weights) *Tagger {
	return &Tagger{tags: tags, dict: dict, w: w}
}

// Tags returns the tagger's classes.
func (t *Tagger) Tags() []TagPair { return t.tags }

// Annotate sets UPOS and XPOS of every token of doc.
func (t *Tagger) Annotate(ctx context.Context, doc *Doc) error {
	s, _ := t.scratch.Get().(*tagScratch)
	if s == nil {
		s = &tagScratch{scores: make([]int32, len(t.tags)), acc: make([]uint64, t.w.lanes())}
	}
	defer t.scratch.Put(s)
	for i, sent := range doc.Sentences {
		if i&63 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		toks := doc.Tokens[sent.First:sent.Limit]
		t.tag(s, toks)
		for j := range toks {
			p := t.tags[s.tags[j]]
			toks[j].UPOS, toks[j].XPOS = p.UPOS, p.XPOS
		}
	}
	return nil
}

// tag fills s.tags with the classes of toks.
func (t *Tagger) tag(s *tagScratch, toks []Token) {
	s.atoms = sentenceAtoms(s.atoms, toks)
	s.tags = s.tags[:0]
	for i := range toks {
		if c, ok := t.dict[s.atoms[i+2].exact]; ok {
			s.tags = append(s.tags, int(c))
			continue
		}
		s.feats = tagFeatures(s.feats[:0], s.atoms, i, prevTag(s.tags, i, 1), prevTag(s.tags, i, 2))
		clear(s.scores)
		t.w.score(s.feats, s.scores, s.acc)
		best := 0
		for c, v := range s.scores {
			if v > s.scores[best] {
				best = c
			}
		}
		s.tags = append(s.tags, best)
	}
}

// sentenceAtoms returns the atoms of toks with two boundary entries on
// each side: token i is at index i+2.
func sentenceAtoms(buf []tokenAtoms, toks []Token) []tokenAtoms {
	n := len(toks) + 4
	if cap(buf) < n {
		buf = make([]tokenAtoms, n)
	}
	buf = buf[:n]
	buf[0], buf[1] = atomsStart, atomsStart
	buf[n-2], buf[n-1] = atomsEnd, atomsEnd
	for i := range toks {
		buf[i+2].set(toks[i].Form, i == 0)
	}
	return buf
}

// prevTag returns the class of the k-th token before i, or a boundary id.
func prevTag(tags []int, i, k int) int {
	if i-k < 0 {
		return 255 - k
	}
	return tags[i-k]
}

// Tagger feature templates.
const (
	ttBias = iota + 1
	ttWord
	ttExact
	ttSuf1
	ttSuf2
	ttSuf3
	ttSuf4
	ttPre1
	ttPre2
	ttPre3
	ttShape
	ttFlags
	ttP1
	ttP2
	ttP1P2
	ttP1Word
	ttPrevWord
	ttPrevSuf3
	ttPrev2Word
	ttNextWord
	ttNextSuf3
	ttNext2Word
	ttPrevWordWord
	ttWordNextWord
	ttPrevShape
	ttNextShape
	ttP1NextWord
	ttP1Suf3
	ttShapeNextShape
	ttNextSuf2
	ttNextFlags
)

// tagFeatures appends the features of token i (atoms at i+2) given the
// classes p1 and p2 of the two tokens before it.
func tagFeatures(buf []uint64, at []tokenAtoms, i, p1, p2 int) []uint64 {
	w, prev, prev2, next, next2 := &at[i+2], &at[i+1], &at[i], &at[i+3], &at[i+4]
	t1, t2 := uint64(p1), uint64(p2)
	return append(buf,
		f1(ttBias, 0),
		f1(ttWord, w.norm),
		f1(ttExact, w.exact),
		f1(ttSuf1, w.suf1),
		f1(ttSuf2, w.suf2),
		f1(ttSuf3, w.suf3),
		f1(ttSuf4, w.suf4),
		f1(ttPre1, w.pre1),
		f1(ttPre2, w.pre2),
		f1(ttPre3, w.pre3),
		f1(ttShape, w.shape),
		f1(ttFlags, w.flags),
		f1(ttP1, t1),
		f1(ttP2, t2),
		f2(ttP1P2, t1, t2),
		f2(ttP1Word, t1, w.norm),
		f1(ttPrevWord, prev.norm),
		f1(ttPrevSuf3, prev.suf3),
		f1(ttPrev2Word, prev2.norm),
		f1(ttNextWord, next.norm),
		f1(ttNextSuf3, next.suf3),
		f1(ttNext2Word, next2.norm),
		f2(ttPrevWordWord, prev.norm, w.norm),
		f2(ttWordNextWord, w.norm, next.norm),
		f1(ttPrevShape, prev.shape),
		f1(ttNextShape, next.shape),
		f2(ttP1NextWord, t1, next.norm),
		f2(ttP1Suf3, t1, w.suf3),
		f2(ttShapeNextShape, w.shape, next.shape),
		f1(ttNextSuf2, next.suf2),
		f1(ttNextFlags, next.flags),
	)
}
