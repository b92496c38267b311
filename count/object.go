package count

import "sitrep/nlp"

// maxObject bounds the words of an object, modifiers included.
const maxObject = 6

// object reads the noun phrase after the number into q: "of" after a vague
// or partitive number ("dozens of civilians", "two of the soldiers"), then
// modifiers and the head noun ("displaced Syrians", "aid workers"). It
// returns false when the number cannot be a count ("one of the").
func (f *Finder) object(s *sentence, q *quantity, n number) bool {
	k := q.numLimit
	if at(s.low, k) == "of" {
		if n.one {
			return false // "one of the largest camps"
		}
		switch at(s.low, k+1) {
		case "the", "those", "these", "their", "its", "our":
			k += 2 // "two of the soldiers"
		case "them", "whom", "us":
			q.end = k + 2 // "12 of them"
			return true
		default:
			if !n.vague {
				return true // "12 of 15"
			}
			k++ // "dozens of civilians"
		}
	}
	if w := at(s.low, k); w == "more" || w == "further" || w == "additional" {
		k++ // "12 more people"
	}
	head := -1
	j := k
run:
	for ; j < len(s.toks) && j < k+maxObject; j++ {
		t := &s.toks[j]
		if f.isDate(s, j) || f.isNumberWord(s, j) {
			break
		}
		switch t.UPOS {
		case "NOUN", "PROPN":
			head = j
			if t.XPOS == "NNS" || t.XPOS == "NNPS" && !compound(s, j) {
				break run // a plural ends the phrase: "12 people killed"
			}
		case "ADJ":
		case "ADV":
			// An adverb tagged for an adjective: "12 elderly patients".
			if !modifies(s, j) {
				break run
			}
		case "VERB":
			// A participle modifying a noun: "displaced Syrians". After a
			// noun it is a verb: "the 2011 uprising displaced millions".
			if t.XPOS != "VBN" && t.XPOS != "VBG" && t.XPOS != "VBD" || head >= 0 || !modifies(s, j) {
				break run
			}
		default:
			break run
		}
	}
	if nh := s.head(q.numLimit - 1); head >= 0 && n.value > 1 && s.toks[head].XPOS == "NN" &&
		(nh < k || nh > head) && s.head(head) != q.numLimit-1 {
		// A singular noun after a plural number that the parse does not
		// join to it is a mistagged verb: "over sixty remain".
		head = -1
	}
	if head >= 0 {
		q.objFirst, q.objLimit, q.head, q.end = k, head+1, head, head+1
	}
	return true
}

// compound reports whether token j modifies a common noun after it, as a
// plural name in a compound does ("United Nations peacekeepers", not
// "Americans die").
func compound(s *sentence, j int) bool {
	return j+1 < len(s.toks) && s.toks[j+1].XPOS == "NNS" && s.head(j) == j+1
}

// modifies reports whether token j is followed by a noun or adjective, as
// a modifier in a noun phrase is.
func modifies(s *sentence, j int) bool {
	if j+1 >= len(s.toks) {
		return false
	}
	switch s.toks[j+1].UPOS {
	case "NOUN", "PROPN", "ADJ":
		return true
	}
	return false
}

// notCount reports whether the quantity is a number of something other
// than people: a unit, money, a percentage, a date, a year, a thing
// ("three buildings"), a label ("Resolution 2254"), part of a phone number,
// or "no one".
func (f *Finder) notCount(s *sentence, q *quantity, n number) bool {
	k := q.numLimit
	if f.isStop(s, k, stopAfter) || f.isDate(s, k) || isDigits(s, k) {
		return true
	}
	if q.head >= 0 && (f.isStop(s, q.head, stopAfter|stopThing) || f.stopWord(s.lem[q.head], stopAfter|stopThing)) {
		return true // "12 long years", "three buildings"
	}
	if p := q.first - 1; p >= 0 {
		if f.isStop(s, p, stopBefore) || f.isDate(s, p) || isDigits(s, p) {
			return true
		}
		if q.head < 0 && q.qual == "" && !n.words && isLabel(&s.toks[p]) {
			return true // "Resolution 2254", "Flight 17"
		}
		if n.one {
			switch s.low[p] {
			case "no", "any", "every", "each", "the", "this", "that", "which", "some":
				return true // "no one", "the one"
			}
		}
	}
	// A year: "in 2015", "the 2011 uprising".
	return n.year && (q.head < 0 || s.toks[q.head].XPOS == "NN" || s.toks[q.head].XPOS == "NNP")
}

// isNumberWord reports whether token j is a number or number word.
func (f *Finder) isNumberWord(s *sentence, j int) bool {
	if isDigits(s, j) {
		return true
	}
	_, _, ok := f.numbers.first(s.low[j], s.low, j)
	return ok
}

// isLabel reports whether tok is a capitalized noun, as the word before a
// number that names something ("Resolution 2254") is.
func isLabel(tok *nlp.Token) bool {
	return (tok.UPOS == "NOUN" || tok.UPOS == "PROPN") && tok.Form != "" && tok.Form[0] >= 'A' && tok.Form[0] <= 'Z'
}

// isStop reports whether a stop word of kind k starts at token i.
func (f *Finder) isStop(s *sentence, i int, k stopKind) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	found := false
	f.stops.match(s.low[i], s.low, i, func(sk stopKind, _ int) bool {
		found = sk&k != 0
		return !found
	})
	return found
}

// stopWord reports whether word is a one-word stop of kind k.
func (f *Finder) stopWord(word string, k stopKind) bool {
	for _, e := range f.stops.m[word] {
		if len(e.rest) == 0 && e.val&k != 0 {
			return true
		}
	}
	return false
}

// isDate reports whether token i is a capitalized month or day name.
func (f *Finder) isDate(s *sentence, i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	form := s.toks[i].Form
	if form == "" || form[0] < 'A' || form[0] > 'Z' {
		return false
	}
	return f.isStop(s, i, stopDate)
}

// isDigits reports whether token i starts with a digit.
func isDigits(s *sentence, i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	w := s.low[i]
	return w != "" && w[0] >= '0' && w[0] <= '9'
}
