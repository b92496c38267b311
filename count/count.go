package count

import (
	"errors"
	"fmt"
	"strings"

	"sitrep/nlp"
)

// A Type is what a count counts.
type Type uint8

// The types. GDELT's GKG count types are given where one matches.
const (
	_          Type = iota
	Killed          // KILL: "killed 12", "40 deaths", "the death toll rose to 40", "12 died"
	Wounded         // WOUND: "wounded 20", "20 were hurt"
	Casualties      // killed or wounded, the text does not say which: "30 casualties"
	Displaced       // DISPLACED: "displaced 12,000 families", "500,000 people have fled"
	Refugees        // REFUGEES: "1.5 million refugees" (a noun that says so)
	Evacuated       // EVACUATION: "3,000 civilians were evacuated"
	Besieged        // people trapped or besieged: "400,000 people remain besieged"
	Arrested        // ARREST: "arrested 30 protesters", "detained 12"
	Abducted        // KIDNAP: "abducted 276 schoolgirls", "took 250 people hostage"
	Missing         // "dozens are missing", "43 students disappeared"
	numTypes
)

var typeNames = [numTypes]string{"", "killed", "wounded", "casualties", "displaced", "refugees",
	"evacuated", "besieged", "arrested", "abducted", "missing"}

// String returns the type's name as the data files write it ("killed").
func (t Type) String() string {
	if t < numTypes && t > 0 {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

// ErrType is wrapped by ParseType's errors.
var ErrType = errors.New("count: unknown type")

// ParseType returns the type named s ("killed", "displaced", ...).
func ParseType(s string) (Type, error) {
	for t := Type(1); t < numTypes; t++ {
		if typeNames[t] == s {
			return t, nil
		}
	}
	return 0, fmt.Errorf("%w %q", ErrType, s)
}

// Types returns every type in order.
func Types() []Type {
	ts := make([]Type, 0, numTypes-1)
	for t := Type(1); t < numTypes; t++ {
		ts = append(ts, t)
	}
	return ts
}

// A Count is a number of people of one type found in a sentence: "more
// than half a million displaced Syrians", "killed at least 12 civilians".
type Count struct {
	// Span is the count's noun phrase: the qualifier, the number and the
	// words of its noun phrase up to the object, or up to the type word
	// when it follows the number directly ("30 dead", "12 killed").
	nlp.Span
	// Sentence is the index of the sentence in Doc.Sentences; [First,
	// Limit) are the tokens of Span in Doc.Tokens.
	Sentence, First, Limit int
	// Text is Doc.Text[Span.Start:Span.End].
	Text string
	Type Type
	// Number is the value, never negative: 500000 for "half a million",
	// 1200000 for "1.2m", the lower reading of a vague plural ("dozens" is
	// 24; see data/numbers.txt), the lower end of a range ("10 to 15").
	Number int64
	// Qualifier is the normalized bound or hedge before the number ("more
	// than", "at least", "about", "nearly", "up to", "over", "some",
	// "another", "between", ...; see data/qualifiers.txt), "" for none.
	Qualifier string
	// Approx is true when the number is an estimate: a vague quantity
	// ("dozens", "tens of thousands", "several hundred"), a hedging
	// qualifier ("about", "some", "nearly") or a range.
	Approx bool
	// Object is the group counted, as written ("displaced Syrians",
	// "civilians", "aid workers"), from the first modifier after the number
	// to the head noun; ObjectSpan is its span. Object is "" (and
	// ObjectSpan zero) when the number stands alone ("killed 12", "30
	// dead") or counts events rather than people ("40 deaths", "55 lives").
	Object     string
	ObjectSpan nlp.Span
	// Place is the index in Doc.Tokens of the name in a place phrase that
	// belongs to the count, or -1: the name nearest the head of the phrase
	// ("Borno" in "killed 12 people in Borno state", "Marib" in "around
	// the city of Marib", "Kivu" in "in North Kivu"), or the subject of a
	// host verb ("Jordan" in "Jordan, which has taken in ... displaced
	// Syrians"). It is a candidate for the place resolver, which takes the
	// name with its compounds (geo.Gazetteer.Match); it is not checked
	// against a gazetteer here.
	Place int
	// Verb is the index in Doc.Tokens of the word that makes the number a
	// count of its type, which a later stage links to the event of that
	// word: the verb ("killed", "fled", "detained"), the participle or
	// adjective ("displaced" in "displaced Syrians", "missing"), the noun
	// ("refugees", "deaths", "toll"), or, when a state word is predicated
	// of an object ("left 30 dead", "took 250 people hostage"), the verb
	// whose object the count is. A count that is part of the count before
	// it ("killed 5, including 2 children") has that count's Verb. -1 if
	// none.
	Verb int
}

// A Finder finds counts in parsed text, from a lexicon of number words,
// qualifiers, stop words and type words (see Load). It is immutable and
// safe for concurrent use.
type Finder struct {
	numbers  phrases[numWord] // by form
	suffixes phrases[numWord] // "m" in "1.2m"
	quals    phrases[qualifier]
	stops    phrases[stopKind]
	words    phrases[typeWord] // by lemma and form
}

// Find returns the counts of doc in document order. doc must carry
// sentences, tokens, tags, lemmas and heads (nlp.Model.Pipeline); without
// heads and lemmas fewer counts are typed, never wrongly indexed. Numbers
// that are not counts of people (years, ages, dates, money, percentages,
// units, labels such as "Resolution 2254", phone numbers, numbers without
// a type word) are left out, as are numbers that do not parse (overflow,
// "1,20,000").
func (f *Finder) Find(doc *nlp.Doc) []Count {
	var counts []Count
	var s sentence
	for si, sent := range doc.Sentences {
		if sent.First < 0 || sent.Limit > len(doc.Tokens) || sent.First >= sent.Limit ||
			!inText(doc.Tokens[sent.First:sent.Limit], len(doc.Text)) {
			continue
		}
		s.reset(doc.Tokens[sent.First:sent.Limit], sent.First)
		qs := f.quantities(&s)
		if len(qs) == 0 {
			continue
		}
		f.link(&s, qs)
		for i := range qs {
			q := &qs[i]
			if q.typ == 0 {
				continue
			}
			q.place = f.place(&s, q)
			counts = append(counts, q.count(doc, &s, si))
		}
	}
	return counts
}

// inText reports whether every token's span lies inside a text of n bytes.
func inText(toks []nlp.Token, n int) bool {
	for _, t := range toks {
		if t.Start < 0 || t.End < t.Start || t.End > n {
			return false
		}
	}
	return true
}

// A sentence is the scratch Find works in: the tokens of one sentence with
// their forms and lemmas lower-cased. Indices into it are sentence-local.
type sentence struct {
	toks     []nlp.Token
	low, lem []string
	base     int // index of toks[0] in Doc.Tokens
}

func (s *sentence) reset(toks []nlp.Token, base int) {
	s.toks, s.base = toks, base
	s.low, s.lem = s.low[:0], s.lem[:0]
	for _, t := range toks {
		s.low = append(s.low, strings.ToLower(t.Form))
		s.lem = append(s.lem, strings.ToLower(t.Lemma))
	}
}

// head returns the sentence-local head of token i, or -1.
func (s *sentence) head(i int) int {
	h := s.toks[i].Head
	if h < 0 || h >= len(s.toks) || h == i {
		return -1
	}
	return h
}

// word calls yield with the type words of kind k at token i (by lemma or
// form), longest first, and the index after each.
func (f *Finder) word(s *sentence, i int, k wordKind, yield func(typeWord, int) bool) {
	if i < 0 || i >= len(s.toks) {
		return
	}
	stop := false
	each := func(w typeWord, end int) bool {
		if w.kind != k {
			return true
		}
		if !yield(w, end) {
			stop = true
			return false
		}
		return true
	}
	f.words.match(s.low[i], s.low, i, each)
	if !stop && s.lem[i] != s.low[i] && s.lem[i] != "" {
		f.words.match(s.lem[i], s.low, i, each)
	}
}

// firstWord returns the longest type word of kind k at i.
func (f *Finder) firstWord(s *sentence, i int, k wordKind) (w typeWord, end int, ok bool) {
	f.word(s, i, k, func(x typeWord, e int) bool {
		w, end, ok = x, e, true
		return false
	})
	return w, end, ok
}

// wordEnding returns a type word of kind k that ends just before token
// end ("rounded up" before "200"), and its first token.
func (f *Finder) wordEnding(s *sentence, end int, k wordKind) (w typeWord, start int, ok bool) {
	for start = end - 1; start >= 0 && start >= end-3; start-- {
		f.word(s, start, k, func(x typeWord, e int) bool {
			if e == end {
				w, ok = x, true
				return false
			}
			return true
		})
		if ok {
			return w, start, true
		}
	}
	return w, -1, false
}

func (q *quantity) count(doc *nlp.Doc, s *sentence, si int) Count {
	end := q.end
	if q.objFirst == q.objLimit && q.verb == q.numLimit {
		end = q.verb + 1 // "30 dead", "12 killed"
	}
	c := Count{
		Span:      nlp.Span{Start: s.toks[q.first].Start, End: s.toks[end-1].End},
		Sentence:  si,
		First:     s.base + q.first,
		Limit:     s.base + end,
		Type:      q.typ,
		Number:    q.value,
		Qualifier: q.qual,
		Approx:    q.approx,
		Place:     -1,
		Verb:      -1,
	}
	c.Text = doc.Text[c.Start:c.End]
	if q.objFirst < q.objLimit {
		c.ObjectSpan = nlp.Span{Start: s.toks[q.objFirst].Start, End: s.toks[q.objLimit-1].End}
		c.Object = doc.Text[c.ObjectSpan.Start:c.ObjectSpan.End]
	}
	if q.place >= 0 {
		c.Place = s.base + q.place
	}
	if q.verb >= 0 {
		c.Verb = s.base + q.verb
	}
	return c
}
