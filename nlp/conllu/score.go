package conllu

import (
	"fmt"
	"strings"
)

// Scores counts the words of a predicted annotation that agree with the gold
// one. Punctuation counts like any other word, as in the CoNLL 2018 shared task.
type Scores struct {
	Words   int // words compared
	UPOS    int // words with the gold UPOS tag
	XPOS    int // words with the gold XPOS tag
	Lemma   int // words with the gold lemma
	UAS     int // words with the gold head
	LAS     int // words with the gold head and universal relation (subtype ignored)
	LASFull int // words with the gold head and full relation, subtype included
}

// Add adds o's counts to s.
func (s *Scores) Add(o Scores) {
	s.Words += o.Words
	s.UPOS += o.UPOS
	s.XPOS += o.XPOS
	s.Lemma += o.Lemma
	s.UAS += o.UAS
	s.LAS += o.LAS
	s.LASFull += o.LASFull
}

// Percent returns 100*n/Words, or 0 when no word was compared.
func (s Scores) Percent(n int) float64 {
	if s.Words == 0 {
		return 0
	}
	return 100 * float64(n) / float64(s.Words)
}

// String formats the scores as percentages.
func (s Scores) String() string {
	return fmt.Sprintf("words %d  UPOS %.2f  XPOS %.2f  Lemma %.2f  UAS %.2f  LAS %.2f  LAS(full) %.2f",
		s.Words, s.Percent(s.UPOS), s.Percent(s.XPOS), s.Percent(s.Lemma),
		s.Percent(s.UAS), s.Percent(s.LAS), s.Percent(s.LASFull))
}

// Score compares pred with gold sentence by sentence. Both must hold the same
// words (gold tokenization); the first mismatch is an error naming the gold
// sentence's line.
func Score(gold, pred []*Sentence) (Scores, error) {
	var s Scores
	if len(gold) != len(pred) {
		return s, fmt.Errorf("conllu: score: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	for i := range gold {
		g, p := gold[i].Doc.Tokens, pred[i].Doc.Tokens
		if len(g) != len(p) {
			return s, fmt.Errorf("conllu: score: sentence at line %d: %d gold words, %d predicted", gold[i].Line, len(g), len(p))
		}
		for j := range g {
			if g[j].Form != p[j].Form {
				return s, fmt.Errorf("conllu: score: sentence at line %d: word %d is %q, predicted %q", gold[i].Line, j+1, g[j].Form, p[j].Form)
			}
			s.Words++
			if g[j].UPOS == p[j].UPOS {
				s.UPOS++
			}
			if g[j].XPOS == p[j].XPOS {
				s.XPOS++
			}
			if g[j].Lemma == p[j].Lemma {
				s.Lemma++
			}
			if g[j].Head == p[j].Head {
				s.UAS++
				if universal(g[j].Deprel) == universal(p[j].Deprel) {
					s.LAS++
				}
				if g[j].Deprel == p[j].Deprel {
					s.LASFull++
				}
			}
		}
	}
	return s, nil
}

// universal strips a relation's language-specific subtype ("obl:tmod" → "obl").
func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
