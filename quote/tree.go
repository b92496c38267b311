package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// A sent is one sentence of the doc as Find reads it: its tokens, their
// children, and for each token the direct quote it lies in.
type sent struct {
	span  nlp.Span
	toks  []nlp.Token
	first int   // doc index of toks[0]
	para  int   // paragraph index
	kidAt []int // children of token i are kids[kidAt[i]:kidAt[i+1]]
	kids  []int
	quote []int // the index of the marked quote token i lies in (marks included), or -1
	// dateline is the number of tokens of a dateline the sentence opens
	// with ("KYIV, March 3 (Reuters) -"), which no phrase or clause takes.
	dateline int
}

// newSents builds the sentence views of doc. A sentence whose token range
// or spans are out of bounds is left empty; one whose heads do not point
// inside it is read without a parse (every token its own root).
func newSents(doc *nlp.Doc, paras []nlp.Span, marks []marked) []sent {
	out := make([]sent, len(doc.Sentences))
	// One slab for every sentence's children and quote indexes.
	n := len(doc.Tokens)
	slab := make([]int, 3*n+len(doc.Sentences)+n)
	para, q := 0, 0
	for i, se := range doc.Sentences {
		s := &out[i]
		s.span = se.Span
		if se.First < 0 || se.First > se.Limit || se.Limit > len(doc.Tokens) ||
			se.Start < 0 || se.Start > se.End || se.End > len(doc.Text) {
			continue
		}
		toks := doc.Tokens[se.First:se.Limit]
		ok := true
		for _, t := range toks {
			if t.Start < 0 || t.Start > t.End || t.End > len(doc.Text) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		s.toks, s.first = toks, se.First
		for para+1 < len(paras) && paras[para+1].Start <= se.Start {
			para++
		}
		s.para = para
		k := len(toks)
		if len(slab) < 4*k+1 {
			slab = make([]int, 4*k+1) // overlapping sentences: not from the slab
		}
		s.kidAt, s.kids, s.quote = slab[:k+1:k+1], slab[k+1:2*k+1:2*k+1], slab[2*k+1:3*k+1:3*k+1]
		s.buildKids(slab[3*k+1 : 4*k+1])
		slab = slab[3*k+1:]
		s.dateline = dateline(toks)
		for k, t := range toks {
			for q < len(marks) && marks[q].span.End <= t.Start {
				q++
			}
			s.quote[k] = -1
			if q < len(marks) && marks[q].span.Start <= t.Start && t.End <= marks[q].span.End {
				s.quote[k] = q
			}
		}
	}
	return out
}

// dateline returns the number of tokens of the dateline toks open with:
// words up to a dash within the first dozen tokens, among them a word in
// capitals ("PORT SUDAN, May 14 -") or a closing bracket ("(Reuters) -",
// "(AP) —"); 0 when there is none.
func dateline(toks []nlp.Token) int {
	caps := false
	for k := 0; k < len(toks) && k < 12; k++ {
		f := toks[k].Form
		switch f {
		case "-", "--", "—", "–":
			if caps && k > 0 {
				return k + 1
			}
			return 0
		case ")":
			caps = true
		}
		if len(f) >= 2 && strings.ToUpper(f) == f && strings.ToLower(f) != f {
			caps = true
		}
	}
	return 0
}

// buildKids lists each token's children, in order, in s.kidAt and
// s.kids (which must have room for len(s.toks)+1 and len(s.toks) ints),
// with fill as scratch space of len(s.toks) ints. Heads out of range (a
// doc not parsed, or parsed badly) count as roots.
func (s *sent) buildKids(fill []int) {
	n := len(s.toks)
	clear(s.kidAt)
	clear(fill)
	for i := range s.toks {
		if h := s.head(i); h >= 0 {
			s.kidAt[h+1]++
		}
	}
	for i := 1; i <= n; i++ {
		s.kidAt[i] += s.kidAt[i-1]
	}
	s.kids = s.kids[:s.kidAt[n]]
	for i := range s.toks {
		if h := s.head(i); h >= 0 {
			s.kids[s.kidAt[h]+fill[h]] = i
			fill[h]++
		}
	}
}

// head returns token i's head, or -1 for a root or a head out of range.
func (s *sent) head(i int) int {
	h := s.toks[i].Head
	if h < 0 || h >= len(s.toks) || h == i {
		return -1
	}
	return h
}

func (s *sent) children(i int) []int { return s.kids[s.kidAt[i]:s.kidAt[i+1]] }

// rel returns token i's relation without its subtype ("nsubj" for
// "nsubj:pass").
func (s *sent) rel(i int) string {
	r := s.toks[i].Deprel
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}

// child returns i's first child with relation rel (without subtype), or -1.
func (s *sent) child(i int, rel string) int {
	for _, k := range s.children(i) {
		if s.rel(k) == rel {
			return k
		}
	}
	return -1
}

// ancestor reports whether a is k or one of k's heads.
func (s *sent) ancestor(a, k int) bool {
	for n := 0; k >= 0 && n <= len(s.toks); n++ {
		if k == a {
			return true
		}
		k = s.head(k)
	}
	return false
}

// subtree marks in in the tokens of i's subtree, leaving out the subtrees
// of children whose relation skip rejects. It is safe on cycles.
func (s *sent) subtree(i int, in []bool, skip func(k int) bool) {
	stack := []int{i}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if in[k] {
			continue
		}
		in[k] = true
		for _, c := range s.children(k) {
			if !in[c] && (skip == nil || !skip(c)) {
				stack = append(stack, c)
			}
		}
	}
}

// lower returns token i's form in lower case.
func (s *sent) lower(i int) string { return strings.ToLower(s.toks[i].Form) }

// lemma returns token i's lemma in lower case (its form when it has none).
func (s *sent) lemma(i int) string {
	l := s.toks[i].Lemma
	if l == "" {
		l = s.toks[i].Form
	}
	for j := 0; j < len(l); j++ {
		if c := l[j]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(l)
		}
	}
	return l
}

// capitalized reports whether token i starts with an upper-case letter.
func (s *sent) capitalized(i int) bool {
	r, _ := utf8.DecodeRuneInString(s.toks[i].Form)
	return unicode.IsUpper(r)
}

// nameWord reports whether token i can be a word of a name: a proper
// noun, or a capitalized word the tagger took for something else
// ("Guterres" as a noun); the first word of a sentence only as a proper
// noun.
func (s *sent) nameWord(i int) bool {
	t := &s.toks[i]
	if t.UPOS == "PROPN" {
		return true
	}
	switch t.UPOS {
	case "PUNCT", "PART", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "NUM":
		return false
	}
	return i > 0 && s.capitalized(i)
}

func (s *sent) isVerb(i int) bool {
	t := &s.toks[i]
	return t.UPOS == "VERB" || strings.HasPrefix(t.XPOS, "VB") && t.UPOS != "AUX"
}

func (s *sent) isPunct(i int) bool { return s.toks[i].UPOS == "PUNCT" || isMarkForm(s.toks[i].Form) }

// nominal reports whether token i can head a noun phrase.
func (s *sent) nominal(i int) bool {
	switch s.toks[i].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X":
		return true
	}
	return false
}

// isMarkForm reports whether form is a quotation mark or apostrophe.
func isMarkForm(form string) bool {
	switch form {
	case `"`, "“", "”", "'", "‘", "’", "``", "''":
		return true
	}
	return false
}

// spanOf returns the bytes of tokens [lo, hi).
func (s *sent) spanOf(lo, hi int) nlp.Span {
	return nlp.Span{Start: s.toks[lo].Start, End: s.toks[hi-1].End}
}

// tokenAt returns the index of the first token that starts at or after
// byte p, or len(toks).
func (s *sent) tokenAt(p int) int {
	lo, hi := 0, len(s.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if s.toks[m].Start < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sentAt returns the index of the sentence whose span holds byte p, else
// of the first sentence after p, else -1.
func sentAt(sents []sent, p int) int {
	lo, hi := 0, len(sents)
	for lo < hi {
		m := (lo + hi) / 2
		if sents[m].span.End <= p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(sents) {
		return -1
	}
	return lo
}
