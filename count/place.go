package count

import "strings"

// place returns the name in a place phrase that belongs to q, or -1. For
// refugees and the displaced, the subject of a host verb whose object the
// count is ("Jordan hosts 1.3 million refugees", "Jordan, which has taken
// in ... displaced Syrians"). Otherwise a prepositional dependent ("in",
// "near", ...; see data/types.txt) of the type word, of the object's head
// or of the verb that governs the object, holding a capitalized name that
// is not a month or day ("killed 12 people in Borno state", "1.5 million
// refugees in Jordan"). The parse decides; a wrong attachment gives a
// wrong or missing place, never one outside the sentence.
func (f *Finder) place(s *sentence, q *quantity) int {
	a := q.anchor()
	gov := -1
	switch s.toks[a].Deprel {
	case "obj", "nsubj", "nsubj:pass":
		gov = s.head(a)
	}
	if (q.typ == Refugees || q.typ == Displaced) && gov >= 0 && s.toks[a].Deprel == "obj" && f.hasWord(s, gov, kindHost) {
		if p := f.hostSubject(s, gov); p >= 0 {
			return p
		}
	}
	for _, t := range []int{q.verb, a, gov} {
		if t < 0 {
			continue
		}
		if p := f.placeOf(s, t, q.typ); p >= 0 {
			return p
		}
	}
	return -1
}

// hostSubject returns the subject of host verb g when it is a name, going
// from a relative pronoun to the noun the clause modifies.
func (f *Finder) hostSubject(s *sentence, g int) int {
	for i := range s.toks {
		if s.toks[i].Head != g || i == g || s.toks[i].Deprel != "nsubj" {
			continue
		}
		if s.toks[i].UPOS == "PRON" && strings.HasPrefix(s.toks[g].Deprel, "acl") {
			i = s.head(g)
			if i < 0 {
				return -1
			}
		}
		if s.toks[i].UPOS == "PROPN" {
			return i
		}
		return -1
	}
	return -1
}

// placeOf returns the name of the first dependent of token t that is a
// place phrase for type typ, or -1.
func (f *Finder) placeOf(s *sentence, t int, typ Type) int {
	for c := range s.toks {
		if c == t || s.toks[c].Head != t {
			continue
		}
		rel := s.toks[c].Deprel
		if !strings.HasPrefix(rel, "obl") && !strings.HasPrefix(rel, "nmod") ||
			rel == "obl:tmod" || rel == "obl:agent" || rel == "nmod:poss" || rel == "nmod:tmod" {
			continue
		}
		if !f.placeCase(s, c, typ) {
			continue
		}
		if n := f.name(s, c); n >= 0 {
			return n
		}
	}
	return -1
}

// placeCase reports whether c has a place preposition allowed for typ.
func (f *Finder) placeCase(s *sentence, c int, typ Type) bool {
	for i := range s.toks {
		if s.toks[i].Head != c || i == c || s.toks[i].Deprel != "case" {
			continue
		}
		found := false
		f.word(s, i, kindPlace, func(w typeWord, _ int) bool {
			if len(w.types) == 0 {
				found = true
			}
			for _, t := range w.types {
				found = found || t == typ
			}
			return !found
		})
		return found
	}
	return false
}

// name returns the name that heads the noun phrase c or is nearest its
// head through nominal relations ("Borno" in "Borno state", "Marib" in "the
// city of Marib", "Kivu" in "North Kivu"): a capitalized proper noun that
// is not a month or day name. It does not enter clauses ("in what the UN
// called ..."). -1 if there is none.
func (f *Finder) name(s *sentence, c int) int {
	best, bestDepth := -1, len(s.toks)
	for i := range s.toks {
		form := s.toks[i].Form
		if s.toks[i].UPOS != "PROPN" || form == "" || form[0] < 'A' || form[0] > 'Z' || f.isDate(s, i) {
			continue
		}
		depth := 0
		for h := i; h != c; h = s.head(h) {
			if h < 0 || depth >= bestDepth || !nominal(s.toks[h].Deprel) {
				depth = -1
				break
			}
			depth++
		}
		if depth >= 0 && depth < bestDepth {
			best, bestDepth = i, depth
		}
	}
	return best
}

// nominal reports whether rel joins words inside one noun phrase and may
// lead to a name; not amod, which leads to demonyms tagged as names
// ("the Zimbabwean provinces of Mashonaland West").
func nominal(rel string) bool {
	switch rel {
	case "compound", "flat", "flat:name", "nmod", "appos", "conj", "nmod:poss":
		return true
	}
	return false
}
