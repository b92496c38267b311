package event

import "slices"

// Pattern matching. PETRARCH's patterns describe the words around a
// verb in order. The coder lays out the words of each side of a predicate
// as slots in text order: the words of its subject and left dependents
// before it, the words of its objects, prepositional phrases and other
// right dependents after it, each with the phrase it heads (clauses of
// their own, relative clauses and conjoined predicates are left out).
// A preposition is a slot of its own that knows its noun phrase. A
// pattern's elements must match slots in order, each its own, skipping
// slots in between.

type slotKind int

const (
	slotPrep slotKind = iota // a preposition
	slotNP                   // a noun phrase, by its head
	slotWord                 // a particle, adverb, adjective or clause head
)

type pslot struct {
	kind slotKind
	tok  int
	np   int    // for slotPrep: the noun phrase it introduces
	prep string // for slotPrep
}

// A match is a pattern that fits a predicate, and the roles it assigns.
type match struct {
	p        *Pattern
	score    int
	source   []int // phrases the pattern marks "$"
	target   []int // phrases the pattern marks "+"
	compound bool  // the pattern has "%"
}

func (s *sentence) slots(cons []int) []pslot {
	t := s.t
	var toks []int
	var walk func(i int)
	walk = func(i int) {
		toks = append(toks, i)
		for _, c := range t.children[i] {
			switch t.rel[c] {
			case "ccomp", "parataxis", "advcl", "acl:relcl", "csubj", "punct", "cc", "discourse", "vocative":
				continue
			case "conj":
				if !isNominal(t.toks[c].UPOS) {
					continue // a conjoined predicate has its own patterns
				}
			}
			walk(c)
		}
	}
	for _, c := range cons {
		walk(c)
	}
	slices.Sort(toks)
	out := make([]pslot, 0, len(toks))
	for _, i := range toks {
		switch {
		case relBase(t.rel[i]) == "case" || t.rel[i] == "mark" && t.toks[i].UPOS == "ADP":
			np := t.head(i)
			out = append(out, pslot{kind: slotPrep, tok: i, np: np, prep: t.prep(np)})
		case relBase(t.rel[i]) == "fixed" || t.rel[i] == "det" && !isNominal(t.toks[i].UPOS):
			// part of a preposition ("because of") or an article
			if t.rel[i] == "det" {
				out = append(out, pslot{kind: slotWord, tok: i})
			}
		case isNominal(t.toks[i].UPOS):
			out = append(out, pslot{kind: slotNP, tok: i})
		default:
			out = append(out, pslot{kind: slotWord, tok: i})
		}
	}
	return out
}

func isNominal(upos string) bool {
	switch upos {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "SYM":
		return true
	}
	return false
}

// matchPattern fits p to clause cl, or returns nil.
func (s *sentence) matchPattern(p *Pattern, cl *clause) *match {
	if !cl.slotted {
		cl.preSlots, cl.postSlots, cl.slotted = s.slots(cl.pre), s.slots(cl.post), true
	}
	m := &s.scratch
	*m = match{p: p, source: m.source[:0], target: m.target[:0]}
	if !s.matchSide(p.Pre, cl.preSlots, m) || !s.matchSide(p.Post, cl.postSlots, m) {
		return nil
	}
	out := *m
	out.source, out.target = cloneOrNil(m.source), cloneOrNil(m.target)
	return &out
}

// cloneOrNil copies s; an empty s gives nil, as a match that marked no
// phrase has (predicate reads nil as "the pattern names no source").
func cloneOrNil(s []int) []int {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// matchSide fits elements to slots in order, backtracking over choices.
// A choice that fails is undone by cutting m back to what it was.
func (s *sentence) matchSide(elems []Elem, slots []pslot, m *match) bool {
	if len(elems) == 0 {
		return true
	}
	e := elems[0]
	ns, nt, score, compound := len(m.source), len(m.target), m.score, m.compound
	for i := range slots {
		if next, ok := s.matchElem(e, slots, i, m); ok && s.matchSide(elems[1:], slots[next:], m) {
			return true
		}
		m.source, m.target, m.score, m.compound = m.source[:ns], m.target[:nt], score, compound
	}
	return false
}

// matchElem fits element e at slots[i] and returns the index after what
// it used.
func (s *sentence) matchElem(e Elem, slots []pslot, i int, m *match) (int, bool) {
	sl := slots[i]
	switch e.Kind {
	case ElemSkip:
		return i + 1, true
	case ElemSource, ElemTarget, ElemCompound:
		// An actor is a whole phrase: its head, not a modifier inside it.
		if sl.kind != slotNP || npRels[s.t.rel[sl.tok]] {
			return 0, false
		}
		heads := s.t.conjuncts(sl.tok)
		switch e.Kind {
		case ElemSource:
			m.source = append(m.source, heads...)
		case ElemTarget:
			m.target = append(m.target, heads...)
		default:
			m.source = append(m.source, heads...)
			m.compound = true
		}
		m.score++
		return i + 1, true
	case ElemPrep:
		if sl.kind != slotPrep || !s.prepIn(sl.prep, e.Preps) {
			return 0, false
		}
		m.score += 2
		if len(e.Object) == 0 {
			return i + 1, true
		}
		// The object's elements all describe the preposition's noun
		// phrase.
		if sl.np < 0 || !isNominal(s.t.toks[sl.np].UPOS) {
			return 0, false
		}
		np := []pslot{{kind: slotNP, tok: sl.np}}
		for _, oe := range e.Object {
			if oe.Kind == ElemSkip {
				continue
			}
			if oe.Kind == ElemWords && len(oe.Words) == 1 {
				if !s.wordIn(sl.np, oe.Words[0]) {
					return 0, false
				}
				m.score += 2
				continue
			}
			if _, ok := s.matchElem(oe, np, 0, m); !ok {
				return 0, false
			}
		}
		// Go on after the phrase's head.
		next := i + 1
		for next < len(slots) && slots[next].tok <= sl.np {
			next++
		}
		return next, true
	default: // ElemWords
		// Pattern words name things, particles and modifiers, not other
		// verbs: "{TO SUPPLY}" is not the clause "to supply Gondor".
		if u := s.t.toks[sl.tok].UPOS; u == "VERB" || u == "AUX" {
			return 0, false
		}
		switch {
		case sl.kind == slotPrep:
			if len(e.Words) == 1 && s.wordIs(sl.tok, e.Words[0]) {
				m.score++
				return i + 1, true
			}
			return 0, false
		case s.t.rel[sl.tok] == "compound" && s.t.toks[sl.tok].UPOS == "NOUN":
			// A modifier inside a phrase is not the phrase: "* GOVERNMENT"
			// is not "attacked a government convoy".
			return 0, false
		case s.phraseAt(sl.tok, e.Words):
			m.score += 2 * len(e.Words)
			return i + 1, true
		}
		return 0, false
	}
}

func (s *sentence) prepIn(prep string, alts []string) bool {
	for _, a := range alts {
		if a == prep {
			return true
		}
	}
	return false
}

// phraseAt reports whether words (the head last) describe the phrase
// headed by tok: the head is the phrase's head word, the word before it in
// the pattern is the word just before it, and earlier words come earlier in
// the phrase, in order ("{NEW &TIETYPES RELATIONS}" is "new global economic
// relations" but not "new economic trade relations").
func (s *sentence) phraseAt(tok int, words []Word) bool {
	last := len(words) - 1
	if !s.wordIs(tok, words[last]) {
		return false
	}
	if last == 0 {
		return true
	}
	lo, _ := s.t.span(tok)
	pos := tok - 1
	if pos < lo || !s.wordIs(pos, words[last-1]) {
		return false
	}
	pos--
	for k := last - 2; k >= 0; k-- {
		for pos >= lo && !s.wordIs(pos, words[k]) {
			pos--
		}
		if pos < lo {
			return false
		}
		pos--
	}
	return true
}

// wordIn reports whether a single word names the phrase headed by tok or
// any word of it: inside a prepositional phrase, "(ON &TIETYPES)" is "on
// economic issues".
func (s *sentence) wordIn(tok int, w Word) bool {
	lo, hi := s.t.span(tok)
	for i := lo; i <= hi; i++ {
		if s.wordIs(i, w) {
			return true
		}
	}
	return false
}

// wordIs reports whether token i is word w: one of its alternatives (by
// form or lemma) or a member of its synset (by its last word, the members'
// earlier words before it).
func (s *sentence) wordIs(i int, w Word) bool {
	t := s.t
	if w.Synset == "" {
		for _, a := range w.Alts {
			if t.lower[i] == a || t.lemma[i] == a {
				return true
			}
		}
		return false
	}
	if s.synsetHas(i, w.Synset, t.lower[i]) {
		return true
	}
	return t.lemma[i] != t.lower[i] && s.synsetHas(i, w.Synset, t.lemma[i])
}

// synsetHas reports whether a member of synset name ends with token i,
// read as key (its form or its lemma), and its other words precede it.
func (s *sentence) synsetHas(i int, name, key string) bool {
	t := s.t
	for _, mem := range s.c.Verbs.members(name, key) {
		ok := true
		for k, pos := len(mem)-2, i-1; k >= 0; k, pos = k-1, pos-1 {
			if pos < 0 || t.lower[pos] != mem[k] && t.lemma[pos] != mem[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// singular undoes a regular plural of a dictionary word ("troops" →
// "troop"), since synset members are often listed in the plural.
func singular(w string) string {
	switch {
	case len(w) > 3 && w[len(w)-3:] == "ies":
		return w[:len(w)-3] + "y"
	case len(w) > 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's':
		return w[:len(w)-1]
	}
	return w
}
