package nlp

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Lemmatizer sets each token's lemma from its form and XPOS tag: first
// from an exception lexicon of forms the training treebank lemmatizes
// irregularly ("was" → "be", "n't" → "not", "children" → "child"), then
// by the longest suffix rule learned for the tag ("-ies" NNS → "-y") whose
// result is a lemma the treebank knows, else by the longest rule at all
// ("shelled" is "shell", not "shel" as "travelled" would have it).
// Proper nouns, capitalized adjectives inside a sentence, and capitalized
// adjectives the treebank lemmatizes capitalized ("Syrian") keep their
// case; other words are lower-cased. Run a Tagger first.
// Safe for concurrent use.
type Lemmatizer struct {
	exceptions map[uint64]string // lemmaKey(form, xpos) → lemma
	rules      map[uint64]lemmaRule
	known      map[uint64]bool // hashLower of every lemma, hashExact of capitalized ones
	maxSuffix  int
}

// A lemmaRule rewrites a form by cutting Strip bytes off its end and
// appending Add.
type lemmaRule struct {
	Strip int
	Add   string
}

func (r lemmaRule) apply(form string) string {
	if r.Strip > len(form) {
		return form
	}
	if r.Add == "" {
		return form[:len(form)-r.Strip]
	}
	return form[:len(form)-r.Strip] + r.Add
}

// lemmaKey hashes a form (exactly as given) with a tag.
func lemmaKey(form, xpos string) uint64 {
	return mix(hashExact(form) ^ hashExact(xpos)*0x9e3779b97f4a7c15)
}

// ruleKey hashes a lower-cased suffix with a tag.
func ruleKey(suffix, xpos string) uint64 {
	return mix(hashLower(suffix)*0xc2b2ae3d27d4eb4f ^ hashExact(xpos))
}

// Annotate sets the Lemma of every token of doc.
func (l *Lemmatizer) Annotate(ctx context.Context, doc *Doc) error {
	for _, sent := range doc.Sentences {
		for i := sent.First; i < sent.Limit; i++ {
			t := &doc.Tokens[i]
			t.Lemma = l.Lemma(t.Form, t.UPOS, t.XPOS, i == sent.First)
		}
	}
	return ctx.Err()
}

// Lemma returns the lemma of form tagged upos/xpos; first says whether the
// word begins its sentence.
func (l *Lemmatizer) Lemma(form, upos, xpos string, first bool) string {
	if lemma, ok := l.exceptions[lemmaKey(form, xpos)]; ok {
		return lemma
	}
	base := form
	if !keepCase(form, upos, first) && !(first && upos == "ADJ" && l.known[hashExact(form)]) {
		base = lowerWord(form)
		if lemma, ok := l.exceptions[lemmaKey(base, xpos)]; ok {
			return lemma
		}
	}
	switch upos {
	case "PUNCT", "SYM", "NUM", "X":
		return base
	}
	if r, ok := l.rule(base, xpos); ok {
		return r.apply(base)
	}
	return base
}

func (l *Lemmatizer) rule(form, xpos string) (lemmaRule, bool) {
	var first lemmaRule
	found := false
	for k := min(l.maxSuffix, len(form)); k >= 1; k-- {
		r, ok := l.rules[ruleKey(form[len(form)-k:], xpos)]
		if !ok {
			continue
		}
		if l.known[hashLower(r.apply(form))] {
			return r, true
		}
		if !found {
			first, found = r, true
		}
	}
	return first, found
}

// keepCase reports whether a word's lemma keeps the case of its form.
func keepCase(form, upos string, first bool) bool {
	switch upos {
	case "PROPN":
		return true
	case "ADJ":
		r, _ := utf8.DecodeRuneInString(form)
		return !first && unicode.IsUpper(r)
	}
	return form == "I"
}

// lowerWord lower-cases form, without allocating when it already is.
func lowerWord(form string) string {
	for i := 0; i < len(form); i++ {
		c := form[i]
		if 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(form)
		}
	}
	return form
}

// TrainLemmatizer learns suffix rules and exceptions from docs, whose tokens
// carry gold lemmas and tags. maxSuffix bounds the suffix length of rules;
// 0 means 6.
func TrainLemmatizer(docs []*Doc, maxSuffix int) *Lemmatizer {
	maxSuffix = cmp0(maxSuffix, 6)
	type pair struct{ form, xpos string }
	lemmas := map[pair]map[string]int{}
	type ruleCount map[lemmaRule]int
	rules := map[uint64]ruleCount{}
	for _, toks := range goldSentences(docs) {
		for i, t := range toks {
			if t.Lemma == "" || t.Lemma == "_" && t.Form != "_" {
				continue
			}
			base := t.Form
			if !keepCase(t.Form, t.UPOS, i == 0) {
				base = lowerWord(t.Form)
			}
			p := pair{base, t.XPOS}
			if lemmas[p] == nil {
				lemmas[p] = map[string]int{}
			}
			lemmas[p][t.Lemma]++
			r, ok := transformation(base, t.Lemma)
			if !ok {
				continue
			}
			for k := max(1, r.Strip); k <= min(maxSuffix, len(base)); k++ {
				key := ruleKey(base[len(base)-k:], t.XPOS)
				if rules[key] == nil {
					rules[key] = ruleCount{}
				}
				rules[key][r]++
			}
		}
	}
	l := &Lemmatizer{exceptions: map[uint64]string{}, rules: map[uint64]lemmaRule{}, known: map[uint64]bool{}, maxSuffix: maxSuffix}
	for _, lc := range lemmas {
		for lemma := range lc {
			l.known[hashLower(lemma)] = true
			if r, _ := utf8.DecodeRuneInString(lemma); unicode.IsUpper(r) {
				l.known[hashExact(lemma)] = true // capitalized lemmas, by case
			}
		}
	}
	for key, rc := range rules {
		var best lemmaRule
		bestN := 0
		for r, n := range rc {
			if n > bestN || n == bestN && (r.Strip < best.Strip || r.Strip == best.Strip && r.Add < best.Add) {
				best, bestN = r, n
			}
		}
		if bestN >= 2 {
			l.rules[key] = best
		}
	}
	for p, lc := range lemmas {
		best, bestN := "", 0
		for lemma, n := range lc {
			if n > bestN || n == bestN && lemma < best {
				best, bestN = lemma, n
			}
		}
		got := p.form
		if r, ok := l.rule(p.form, p.xpos); ok {
			got = r.apply(p.form)
		}
		if got != best {
			l.exceptions[lemmaKey(p.form, p.xpos)] = best
		}
	}
	return l
}

// transformation returns the rule that turns form into lemma by its
// longest common prefix, if the lemma differs from the form only at the end.
func transformation(form, lemma string) (lemmaRule, bool) {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	if p == 0 && len(form) > 0 {
		return lemmaRule{}, false
	}
	return lemmaRule{Strip: len(form) - p, Add: lemma[p:]}, true
}
