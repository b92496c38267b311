package geo

import (
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// A Policy says when Match reports a name of the stop-list
// (data/stoplist.txt): names of places that are also common English words.
// Lookup is not affected.
type Policy uint8

const (
	// Proper names are reported only when the first word is capitalised and
	// either the tokens are tagged and one is a proper noun (PROPN), or they
	// are untagged and do not start a sentence: "in Nice" and "Police
	// (PROPN) in Bath", not "a nice day" or "Police said".
	Proper Policy = iota + 1
	// Upper names are reported only when written in capitals: "US", not
	// "us" or "Us".
	Upper
	// Never names are never reported ("A" for Å, Norway).
	Never
)

var policyNames = map[string]Policy{"proper": Proper, "upper": Upper, "never": Never}

// A Match is a place name found in a token sequence.
type Match struct {
	// First and Limit delimit the name's tokens: toks[First:Limit] of the
	// slice given to Match.
	First, Limit int
	// Span is the name's byte range in the text: toks[First].Start to
	// toks[Limit-1].End.
	nlp.Span
	// Places are the candidates, most likely first, as Lookup returns them
	// (shared: do not change).
	Places []*Place
}

// maxMatchTokens bounds the tokens of one name ("Southern Nations,
// Nationalities, and Peoples' Region" has 9).
const maxMatchTokens = 16

// Match finds the place names in toks, a tokenized text (a sentence or a
// whole document), and returns them in text order, never overlapping.
//
// At each token it takes the longest sequence of tokens whose folded form
// is a name of the gazetteer and is allowed: the name must contain a
// capital letter ("Daraa", "al-Bab"; never "daraa province"), and a name of
// the stop-list must also meet its Policy. A name does not take in a
// possessive "'s" when a shorter name stops before it: "Canada's" is
// Canada, not Cañadas (Mexico), whose name folds alike. Tokens written
// without space between them join without one, so "Dar'a" matches whether
// the tokenizer keeps it whole or splits it. Match reads only each token's Form, Span and
// UPOS; it is safe to call from several goroutines at once.
func (g *Gazetteer) Match(toks []nlp.Token) []Match {
	var out []Match
	var buf [128]byte
	type hit struct{ limit, keyLen int }
	var hits [maxMatchTokens]hit
	for i := 0; i < len(toks); {
		if !startsName(toks[i].Form) {
			i++
			continue
		}
		key := buf[:0]
		nh := 0
		var e nameEntry // the entry of key
		// A key whose tokens have a lower-case letter and no capital is
		// never allowed: only whether longer names continue it matters, and
		// the filter, asked alone, may say so wrongly but never misses one.
		upper, lower := false, false
		for j := i; j < len(toks) && j-i < maxMatchTokens; j++ {
			if j > i && toks[j].Start > toks[j-1].End {
				// A space: go on only inside a longer name.
				if e.n&more == 0 {
					break
				}
				key = append(key, ' ')
			}
			key = appendFold(key, toks[j].Form)
			if len(key) > g.maxKey {
				break
			}
			u, l := letterCase(toks[j].Form)
			upper, lower = upper || u, lower || l
			switch {
			case !g.filter.mayHave(key):
				e = nameEntry{}
			case lower && !upper:
				e = nameEntry{n: more}
				continue
			default:
				e = g.names[string(key)]
			}
			if e.count() > 0 {
				hits[nh] = hit{j + 1, len(key)}
				nh++
			}
		}
		found := false
		for h := nh - 1; h >= 0; h-- {
			name := toks[i:hits[h].limit]
			k := key[:hits[h].keyLen]
			if h > 0 && isPossessive(name[len(name)-1].Form) {
				continue // "Canada's" is Canada, not Cañadas
			}
			if !g.allowed(toks, i, name, g.stop[string(k)]) {
				continue
			}
			out = append(out, Match{
				First: i, Limit: hits[h].limit,
				Span:   nlp.Span{Start: name[0].Start, End: name[len(name)-1].End},
				Places: g.lookupKey(k),
			})
			i = hits[h].limit
			found = true
			break
		}
		if !found {
			i++
		}
	}
	return out
}

// allowed reports whether the tokens name = toks[i:...] may be reported as
// a place under policy pol (0 for a name not on the stop-list).
func (g *Gazetteer) allowed(toks []nlp.Token, i int, name []nlp.Token, pol Policy) bool {
	switch pol {
	case Never:
		return false
	case Upper:
		for _, t := range name {
			for _, r := range t.Form {
				if unicode.IsLower(r) {
					return false
				}
			}
		}
		return true
	case Proper:
		r, _ := utf8.DecodeRuneInString(name[0].Form)
		if !unicode.IsUpper(r) {
			return false
		}
		tagged := false
		for _, t := range name {
			if t.UPOS == "PROPN" {
				return true
			}
			tagged = tagged || t.UPOS != ""
		}
		return !tagged && i > 0 && !endsSentence(toks[i-1].Form)
	}
	for _, t := range name {
		for _, r := range t.Form {
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// letterCase reports whether a token has an upper-case and a lower-case
// letter.
func letterCase(form string) (upper, lower bool) {
	for i := 0; i < len(form); i++ {
		c := form[i]
		switch {
		case c >= 0x80:
			for _, r := range form[i:] {
				upper = upper || unicode.IsUpper(r)
				lower = lower || unicode.IsLower(r)
			}
			return upper, lower
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		}
	}
	return upper, lower
}

// startsName reports whether a token can begin a place name: it starts
// with a letter or digit.
func startsName(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// endsSentence reports whether a token is punctuation after which a
// capital letter says nothing about a name.
func endsSentence(form string) bool {
	switch form {
	case ".", "!", "?", ":", ";", "\"", "“", "”", "'", "‘", "’", "(", "[", "-", "–", "—", "...", "…":
		return true
	}
	return false
}
