package actor

import (
	"strings"

	"sitrep/nlp"
)

// A Match is a dictionary name found in a run of tokens.
type Match struct {
	// First and Limit delimit the matched tokens, toks[First:Limit],
	// including a leading "the" the name does not have ("the Kremlin").
	First, Limit int
	// Span is the bytes from the first matched token's start to the last
	// one's end.
	nlp.Span
	// Entry is the dictionary entry and Name the spelling of the name that
	// matched, as the dictionary writes it.
	Entry *Entry
	Name  string
}

// Match finds the dictionary names in toks, typically one sentence's
// tokens, and returns them left to right: at each token the longest name
// that starts there, after which the search goes on from the end of that
// name, so the matches never overlap. Matching is on folded pieces (see
// nlp.Fold), so case, diacritics and apostrophes do not matter ("Dar'a",
// "DAR‘A" and "Darʿa" are one name), except that a name whose first word
// is written with a capital does not match text whose first word is
// written in lower case ("Turkey" is not "turkey", "US" is not "us",
// "WHO" is not "who"). A name never starts or ends inside a token. A
// "the" just before a name is included in its match.
func (d *Dictionary) Match(toks []nlp.Token) []Match {
	if len(toks) == 0 || len(d.names) == 0 {
		return nil
	}
	// Each token's pieces as ids (-1: not in the dictionary) and whether
	// each starts with a lower-case letter.
	type tokRef struct{ off, n int32 }
	refs := make([]tokRef, len(toks))
	ids := make([]int32, 0, len(toks)+len(toks)/4)
	lower := make([]bool, 0, cap(ids))
	var buf []byte
	for i, t := range toks {
		off := len(ids)
		buf = eachPiece(t.Form, buf, func(text []byte, lo, _, _ bool) {
			id, ok := d.pieceID[string(text)]
			if !ok {
				id = -1
			}
			ids = append(ids, id)
			lower = append(lower, lo)
		})
		refs[i] = tokRef{off: int32(off), n: int32(len(ids) - off)}
	}
	var out []Match
	prevEnd := 0
	for i := 0; i < len(toks); {
		if r := refs[i]; r.n == 0 || ids[r.off] < 0 {
			i++
			continue
		}
		best, bestName := -1, int32(-1)
		node, k := int32(0), 0
		var lowerMask uint64
	walk:
		for t := i; t < len(toks); t++ {
			r := refs[t]
			if r.n == 0 {
				continue // an apostrophe: stepped over
			}
			for j := r.off; j < r.off+r.n; j++ {
				id := ids[j]
				if id < 0 || k >= maxPieces {
					break walk
				}
				next, ok := d.edges[uint64(node)<<32|uint64(uint32(id))]
				if !ok {
					break walk
				}
				node = next
				if lower[j] {
					lowerMask |= 1 << k
				}
				k++
			}
			if n := d.term[node]; n >= 0 && d.names[n].caps&lowerMask == 0 {
				best, bestName = t+1, n
			}
		}
		if best < 0 {
			i++
			continue
		}
		first := i
		if i > prevEnd && strings.EqualFold(toks[i-1].Form, "the") {
			first = i - 1
		}
		n := d.names[bestName]
		out = append(out, Match{
			First: first, Limit: best,
			Span:  nlp.Span{Start: toks[first].Start, End: toks[best-1].End},
			Entry: n.entry, Name: n.name,
		})
		prevEnd = best
		i = best
	}
	return out
}
