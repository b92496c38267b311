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
// Quneitra"), or else the cue before the phrase's article and adjectives
// unless the parser made it another word's.
func (st *state) cue(se *sent, a, h, depth int) (string, cueRole) {
	isCue := func(k string) bool { _, ok := st.w.cues[k]; return ok }
	if se.parsed {
		// The case dependent of the head, or of another of the phrase's
		// words ("in the Gaza Strip" with "in" under "Gaza").
		c := -1
		for k := a - 1; k >= 0; k-- {
			if hd := se.toks[k].Head; se.toks[k].Deprel == "case" && (hd == h || hd >= a && hd <= h) {
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
			return "", 0 // "for Syria", "as Jordan": no place word
		}
		// "in the Homs countryside", "on the Red Sea coast", "through the
		// Adre border crossing": the cue of the noun the name modifies.
		if rel := se.deprel(h); (rel == "compound" || rel == "amod") && depth < 3 {
			if p := se.parent(h); p > h && st.locativeNoun(se.folded[p]) {
				w, r := st.cue(se, a, p, depth+1)
				if r == 0 && st.w.partOf[se.folded[p]] {
					return se.folded[p], cueLocation
				}
				return w, r
			}
		}
		if se.deprel(h) == "conj" && depth < 3 {
			if p := se.parent(h); p >= 0 && p < h && isNoun(se.toks[p]) {
				return st.cue(se, p, p, depth+1)
			}
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
	// A preposition the parser made the case of another word belongs to
	// that word ("in Syria's Daraa Governorate" for Syria, "in 2018
	// Jordan said"); one it left unattached, or attached oddly, is the
	// phrase's.
	if k >= 0 {
		if w, _ := se.phraseEnding(k, st.w.maxWords, isCue); w != "" {
			if hd := se.toks[k].Head; !se.parsed || se.toks[k].Deprel != "case" || hd >= a && hd <= h {
				return w, st.w.cues[w]
			}
		}
	}
	return "", 0
}

// locativeNoun reports whether a folded word is a noun that places what
// it names: a type word, a border word or a part word.
func (st *state) locativeNoun(f string) bool {
	_, t := st.w.types[f]
	_, b := st.w.border[f]
	return t || b || st.w.borderArea[f] || st.w.partOf[f]
}

// actorGrammar reports whether a mention's grammar would make a country
// or capital an actor: a subject, object or possessor (of something that
// is not a place), a conjunct of one, or after an actor cue ("by",
// "with"). Without a parse: followed by a verb, by ", which" or by a
// possessive and a noun.
func (st *state) actorGrammar(se *sent, m *mention) bool {
	switch m.cueRole {
	case cueActor:
		m.agent = true
		return true
	case cueLocation, cueMotion:
		return false
	}
	if m.sub {
		return false
	}
	if !se.parsed {
		m.agent = true // only subjects and possessors are recognised
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
	// A name right before a finite verb is its subject, whatever the
	// parser made of a word before it ("as Russia pressed its offensive").
	if b := m.b; b < len(se.toks) && (se.toks[b].UPOS == "VERB" || se.toks[b].UPOS == "AUX") {
		switch se.toks[b].XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			m.agent = true
			return true
		}
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
	case base == "nsubj" || rel == "obl:agent":
		m.agent = true
		return true
	case base == "obj" || base == "iobj":
		if p := se.parent(h); p >= 0 {
			v := se.toks[p].Lemma
			if v == "" {
				v = se.toks[p].Form
			}
			m.agent = st.w.actorVerbs[foldString(v)]
		}
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
