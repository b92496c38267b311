package geo

import "strings"

// finish sets what a mention's tokens and grammar say: its token range in
// the document, text, head, cue and whether it could be an actor.
func (st *state) finish(se *sent, m *mention) {
	m.First, m.Limit = se.first+m.a, se.first+m.b
	m.Text = st.doc.Text[m.Start:m.End]
	m.head = se.headOf(m.a, m.b)
	m.Head = se.first + m.head
	if m.Cue == "" {
		m.Cue, m.cueRole = st.cue(se, m.a, m.head, 0)
	}
	m.subject = st.actorGrammar(se, m)
}

// headOf returns the head of tokens [a, b) of the sentence: the first whose
// head lies outside them, else the last.
func (se *sent) headOf(a, b int) int {
	if !se.parsed {
		return b - 1
	}
	for k := a; k < b; k++ {
		if h := se.toks[k].Head; h < a || h >= b {
			return k
		}
	}
	return b - 1
}

// parent returns the head of token i, or -1 for the root or a head out of
// range.
func (se *sent) parent(i int) int {
	h := se.toks[i].Head
	if !se.parsed || h < 0 || h >= len(se.toks) || h == i {
		return -1
	}
	return h
}

// deprel returns the relation of token i without its subtype ("nmod" for
// "nmod:poss" is not wanted: the subtype is kept), or "".
func (se *sent) deprel(i int) string { return se.toks[i].Deprel }

// cue finds the preposition or locative noun that introduces the phrase
// whose first token is a and head h: the head's case dependent before the
// phrase (with the words before it that make a longer cue: "close to",
// "north of"), a locative noun the phrase is the "of" complement of ("the
// outskirts of"), the cue of the first conjunct ("in Daraa and
// Quneitra"), or, without a parse, the cue before the phrase's article and
// adjectives.
func (st *state) cue(se *sent, a, h, depth int) (string, cueRole) {
	isCue := func(k string) bool { _, ok := st.w.cues[k]; return ok }
	if se.parsed {
		c := -1
		for k := a - 1; k >= 0; k-- {
			if se.toks[k].Head == h && se.toks[k].Deprel == "case" {
				c = k
				break
			}
		}
		if c >= 0 {
			if k, _ := se.phraseEnding(c, st.w.maxWords, isCue); k != "" {
				return k, st.w.cues[k]
			}
			if se.folded[c] == "of" && depth < 3 {
				if hn := se.parent(h); hn >= 0 && hn < a {
					if st.w.partOf[se.folded[hn]] {
						return se.folded[hn], cueLocation
					}
					if _, ok := st.w.types[se.folded[hn]]; ok {
						// "in the city of Homs": the cue of "city".
						return st.cue(se, hn, hn, depth+1)
					}
					if _, ok := st.w.directions[se.folded[hn]]; ok {
						return st.cue(se, hn, hn, depth+1)
					}
				}
			}
			return se.folded[c], 0
		}
		switch se.deprel(h) {
		case "conj":
			if p := se.parent(h); p >= 0 && p < h && isNoun(se.toks[p]) && depth < 3 {
				return st.cue(se, p, p, depth+1)
			}
		case "obl", "nmod", "dep", "appos", "obl:unmarked", "":
		default:
			return "", 0
		}
	}
	// Linear: skip the article, adjectives and numbers before the phrase.
	k := a - 1
	for n := 0; k >= 0 && n < 3; n++ {
		t := se.toks[k]
		if se.folded[k] == "the" || t.UPOS == "DET" || t.UPOS == "ADJ" || t.UPOS == "NUM" {
			k--
			continue
		}
		break
	}
	if k >= 0 {
		if w, _ := se.phraseEnding(k, st.w.maxWords, isCue); w != "" {
			return w, st.w.cues[w]
		}
	}
	return "", 0
}

// actorGrammar reports whether a mention's grammar would make a country
// or capital an actor: a subject, object or possessor (of something that
// is not a place), a conjunct of one, or after an actor cue ("by",
// "with"). Without a parse: followed by a verb, by ", which" or by a
// possessive and a noun.
func (st *state) actorGrammar(se *sent, m *mention) bool {
	switch m.cueRole {
	case cueActor:
		return true
	case cueLocation, cueMotion:
		return false
	}
	if m.sub {
		return false
	}
	if !se.parsed {
		b := m.b
		if b >= len(se.toks) {
			return false
		}
		switch t := se.toks[b]; {
		case t.UPOS == "VERB" || t.UPOS == "AUX":
			return true
		case se.folded[b] == "," && b+1 < len(se.toks) && (se.folded[b+1] == "which" || se.folded[b+1] == "who"):
			return true
		case isPossessive(t.Form) && b+1 < len(se.toks) && se.toks[b+1].UPOS == "NOUN" && !st.placeWord(se, b+1):
			return true
		}
		return false
	}
	h := m.head
	for n := 0; se.deprel(h) == "conj" && n < 4; n++ {
		p := se.parent(h)
		if p < 0 || !isNoun(se.toks[p]) {
			break
		}
		h = p
		if _, r := st.cue(se, h, h, 3); r == cueLocation || r == cueMotion {
			return false
		}
	}
	rel := se.deprel(h)
	base, _, _ := strings.Cut(rel, ":")
	switch {
	case rel == "nmod:poss":
		p := se.parent(h)
		return p >= 0 && !st.placeWord(se, p)
	case base == "nsubj" || base == "obj" || base == "iobj" || rel == "obl:agent":
		return true
	}
	return false
}

// placeWord reports whether token i is a place: inside a place mention,
// or a type, direction or locative word ("Syria's Daraa Governorate",
// "Syria's north", "the country's borders").
func (st *state) placeWord(se *sent, i int) bool {
	if se.at(i) != nil {
		return true
	}
	f := se.folded[i]
	_, t := st.w.types[f]
	_, d := st.w.directions[f]
	_, b := st.w.border[f]
	return t || d || b || st.w.partOf[f]
}
