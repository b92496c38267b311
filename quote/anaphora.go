package quote

import (
	"strings"

	"sitrep/actor"
)

// A mention is a noun phrase an anaphoric speaker can stand for.
type mention struct {
	p       *phrase
	speaker bool // the speaker of a statement
	subject bool
	// What the phrase is; a pronoun is none of them.
	person, plural, org bool
	pronoun             bool
}

// antecedent returns the mention anaphor p stands for, coded, or nil.
//
// The search starts at p's origin (for '"…," he said', the quote's opening
// mark) and goes back through the sentence it is in and at most
// Finder.Window sentences before it, crossing at most one paragraph
// break. In each sentence the speakers of its statements come first, then
// subjects, then other core arguments and appositions; words inside direct
// quotes and reported clauses are someone's speech, not mentions. The
// first mention that fits the anaphor wins. The search stops without an
// antecedent at a pronoun that could be the same one (its antecedent is
// not known) and at a sentence whose statement has a speaker that does not
// fit: a reader would not skip over a different speaker to find "he".
func (fd *finding) antecedent(p *phrase, an Anaphor) *phrase {
	window := fd.f.Window
	if window <= 0 {
		window = DefaultWindow
	}
	os := sentAt(fd.sents, p.origin)
	if os < 0 {
		return nil
	}
	for k := os; k >= 0 && k >= os-window; k-- {
		if fd.sents[os].para-fd.sents[k].para > 1 {
			break
		}
		blocked := false
		for _, m := range fd.mentionsOf(k) {
			if m.p == p || fd.sents[k].toks[m.p.lo].Start >= p.origin {
				continue
			}
			if m.pronoun {
				if !fd.samePronoun(m.p, an) {
					continue
				}
				if m.speaker {
					fd.code(m.p)
					if m.p.sp.Antecedent != nil {
						return m.p
					}
				}
				return nil
			}
			if fd.fits(&m, an) {
				fd.code(m.p)
				return m.p
			}
			if m.speaker {
				blocked = true
			}
		}
		if blocked {
			return nil
		}
	}
	return nil
}

// samePronoun reports whether pronoun phrase q could be anaphor an again.
func (fd *finding) samePronoun(q *phrase, an Anaphor) bool {
	s := &fd.sents[q.s]
	a, ok := fd.w.Anaphor(fd.text(s.spanOf(q.lo, q.hi)))
	return ok && a.Kind == an.Kind
}

// fits reports whether mention m can be what an stands for.
func (fd *finding) fits(m *mention, an Anaphor) bool {
	if an.Word != "" && !fd.hasWord(m.p, an.Word) {
		return false
	}
	switch an.Kind {
	case Person:
		return m.person
	case Plural:
		return m.plural
	case Organization:
		return m.org
	}
	return false
}

// hasWord reports whether a word of p, folded, is w or has w as a
// hyphenated piece.
func (fd *finding) hasWord(p *phrase, w string) bool {
	s := &fd.sents[p.s]
	for k := p.lo; k < p.hi; k++ {
		form := strings.TrimSuffix(s.toks[k].Form, ".")
		if sameWord(form, w) {
			return true
		}
		for piece := range strings.SplitSeq(form, "-") {
			if piece != form && sameWord(piece, w) {
				return true
			}
		}
	}
	return false
}

// mentionRels are the relations of the noun phrases that pronouns refer
// back to.
var mentionRels = map[string]bool{"nsubj": true, "obj": true, "iobj": true, "appos": true, "root": true}

// mentionsOf returns the mentions of sentence k in the order antecedents
// are tried: speakers, subjects, then the rest, each left to right.
func (fd *finding) mentionsOf(k int) []mention {
	if ms, ok := fd.mentions[k]; ok {
		return ms
	}
	s := &fd.sents[k]
	speech := make([]bool, len(s.toks)) // reported or quoted words
	var speakers []mention
	for _, st := range fd.stmts {
		if st.sents[0] > k || st.sents[1] < k {
			continue
		}
		for _, part := range st.parts {
			for i, t := range s.toks {
				if t.Start >= part.Start && t.End <= part.End {
					speech[i] = true
				}
			}
		}
		if st.spk != nil && st.spk.s == k {
			if !containsPhrase(speakers, st.spk) {
				speakers = append(speakers, fd.classify(st.spk, true))
			}
		}
	}
	var subjects, others []mention
	for i := range s.toks {
		if speech[i] || s.quote[i] >= 0 || !s.nominal(i) || !mentionRels[s.rel(i)] {
			continue
		}
		if s.rel(i) == "root" && s.toks[i].UPOS == "PRON" {
			continue
		}
		dup := false
		for _, m := range speakers {
			if m.p.head == i {
				dup = true
			}
		}
		if dup {
			continue
		}
		m := fd.classify(fd.np(k, i), false)
		if s.rel(i) == "nsubj" {
			m.subject = true
			subjects = append(subjects, m)
		} else {
			others = append(others, m)
		}
	}
	ms := append(append(speakers, subjects...), others...)
	if fd.mentions == nil {
		fd.mentions = map[int][]mention{}
	}
	fd.mentions[k] = ms
	return ms
}

func containsPhrase(ms []mention, p *phrase) bool {
	for _, m := range ms {
		if m.p == p {
			return true
		}
	}
	return false
}

// classify says what mention phrase p is: a pronoun, a named person, a
// plural, or one actor that is not a person.
func (fd *finding) classify(p *phrase, speaker bool) mention {
	m := mention{p: p, speaker: speaker}
	s := &fd.sents[p.s]
	h := p.head
	switch {
	case s.toks[h].UPOS == "PRON":
		m.pronoun = true
		return m
	case fd.isPerson(p, speaker):
		m.person = true
		return m
	}
	if x := s.toks[h].XPOS; x == "NNS" || x == "NNPS" {
		m.plural = true
	}
	for _, c := range s.children(h) {
		if s.rel(c) == "conj" && c < p.hi {
			m.plural = true
		}
	}
	// A named organization is "it" even with a plural name ("the Rapid
	// Support Forces"); a plural common noun ("rebels") is not.
	switch {
	case s.nameWord(h) && fd.orgName(p):
		m.org = true
	case !m.plural:
		_, m.org = fd.resolve(p)
	}
	return m
}

// orgName reports whether a word of p marks an organization's name.
func (fd *finding) orgName(p *phrase) bool {
	s := &fd.sents[p.s]
	for k := p.lo; k < p.hi; k++ {
		if kind, ok := fd.w.Name(s.toks[k].Form); ok && kind == NameOrganization {
			return true
		}
	}
	return false
}

// isPerson reports whether phrase p names a person: its head is a name
// word (see sent.nameWord) whose name has no organization or place word
// and is not a country's, and either a title or role goes with it
// ("spokesman Farhan Haq", "Safadi, Jordan's foreign minister"), or the
// name has two words or more ("Farhan Haq"), or it is the last word of a
// person's name in the actor dictionary ("Lavrov", for "Sergei Lavrov"),
// or it is a speaker's one-word name the dictionary does not know.
func (fd *finding) isPerson(p *phrase, speaker bool) bool {
	s := &fd.sents[p.s]
	h := p.head
	if !s.nameWord(h) {
		return false
	}
	lo, hi := h, h+1
	for lo > p.lo && s.nameWord(lo-1) {
		lo--
	}
	for hi < p.hi && s.nameWord(hi) {
		hi++
	}
	titled := false
	for k := p.lo; k < p.hi; k++ {
		kind, ok := fd.w.Name(s.toks[k].Form)
		if !ok {
			continue
		}
		if k >= lo && k < hi && (kind == NameOrganization || kind == NamePlace) {
			return false
		}
		if kind == NamePerson {
			titled = true
		}
	}
	words := 0
	for k := lo; k < hi; k++ {
		if kind, ok := fd.w.Name(s.toks[k].Form); !ok || kind != NamePerson {
			words++
		}
	}
	surname, known := false, false
	if fd.f.Actors != nil {
		date := actor.DateOf(fd.opt.Date)
		if fd.opt.Date.IsZero() {
			date = 0
		}
		for _, m := range fd.f.Actors.Match(s.toks[lo:hi]) {
			known = true
			code, _ := m.Entry.CodeOn(date)
			if code == actor.NullCode || fd.f.Actors.IsCountry(code) {
				return false
			}
			if m.First+lo <= h && h < m.Limit+lo && words == 1 {
				surname = surname || isSurname(m.Entry, s.toks[h].Form)
			}
		}
	}
	// A one-word name the dictionary does not know, saying something, is
	// most likely a person's surname ("Hagari said"): organizations that
	// speak are known, or have an organization word, or are written in
	// capitals ("ELN", "TPLF").
	unknownSpeaker := speaker && words == 1 && !known && strings.ToUpper(s.toks[h].Form) != s.toks[h].Form
	return titled || words >= 2 || surname || unknownSpeaker
}

// isSurname reports whether word is the last word of a name of e that has
// two words or more.
func isSurname(e *actor.Entry, word string) bool {
	for _, n := range e.Names {
		i := strings.LastIndexByte(n, ' ')
		if i > 0 && sameWord(n[i+1:], word) {
			return true
		}
	}
	return false
}
