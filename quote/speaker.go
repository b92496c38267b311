package quote

import (
	"slices"

	"sitrep/actor"
)

// speakerOf finds the speaker of verb of saying v in sentence si, looking
// at tokens [lo, hi) only (the attribution around a quote, or the whole
// sentence): v's subject; for a verb without one, the subject of the verb
// it is coordinated with or subordinate to ("said … and added that",
// "adding that") or the object of "quoted X as saying"; else, when the
// parse gives nothing, the noun phrase between the quote and the verb or
// right after the verb ('"…," said Safadi').
func (fd *finding) speakerOf(si, v, lo, hi int) *phrase {
	s := &fd.sents[si]
	inRange := func(k int) bool { return k >= lo && k < hi && s.quote[k] < 0 }
	cur := v
	for depth := 0; depth < 4; depth++ {
		if k := s.child(cur, "nsubj"); k >= 0 && s.toks[k].Deprel != "nsubj:pass" && inRange(k) {
			return fd.subject(si, k, v)
		}
		h := s.head(cur)
		if h < 0 {
			break
		}
		if r := s.rel(cur); r != "conj" && r != "advcl" && r != "xcomp" {
			break
		}
		// "denied that Ras al-Ain had fallen and said …", parsed with
		// "said" coordinated with the reported clause: it is the
		// reporting verb's.
		if s.rel(cur) == "conj" && !fd.speechVerb(s, h) && s.rel(h) == "ccomp" {
			if hh := s.head(h); hh >= 0 && fd.speechVerb(s, hh) {
				h = hh
			}
		}
		if s.lemma(h) == "quote" {
			if k := s.child(h, "obj"); k >= 0 && inRange(k) {
				return fd.np(si, k)
			}
		}
		cur = h
	}
	// Inversion: '"…," said X'.
	first := max(lo, s.dateline)
	for first < v && s.isPunct(first) {
		first++
	}
	if first == v {
		for _, k := range s.children(v) {
			if k > v && inRange(k) && s.nominal(k) && s.rel(k) != "obl" {
				return fd.np(si, k)
			}
		}
	}
	// No parse to go by: the words between the quote and the verb.
	if first < v && v-first <= 12 {
		for k := first; k < v; k++ {
			if !inRange(k) || s.isVerb(k) || s.toks[k].UPOS == "AUX" {
				return nil
			}
		}
		// The head is the last noun before the first comma: "Mahmoud, a
		// resident of Khan Younis, told".
		end := v
		for k := first; k < v; k++ {
			if s.toks[k].Form == "," {
				end = k
				break
			}
		}
		h := end - 1
		for h > first && (s.isPunct(h) || s.toks[h].UPOS == "ADV") {
			h--
		}
		if s.nominal(h) {
			p := &phrase{s: si, lo: first, hi: v, head: h}
			fd.trim(p)
			p.origin = s.toks[p.lo].Start
			return p
		}
	}
	return nil
}

// subject returns the phrase of subject k of verb v, stretched up to the
// verb over words the parser hung elsewhere ("the Syrian Observatory for
// Human Rights said", parsed with "Rights" as a second subject).
func (fd *finding) subject(si, k, v int) *phrase {
	s := &fd.sents[si]
	p := fd.np(si, k)
	if p.hi < v && v-p.hi <= 6 {
		ok := true
		for j := p.hi; j < v; j++ {
			switch s.toks[j].UPOS {
			case "NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM", "PART":
			case "SCONJ":
				ok = ok && equalFoldASCII(s.toks[j].Form, "for")
			default:
				// A capitalized word is a name's, whatever its tag
				// ("Human Rights Watch said", "Watch" taken for a verb).
				ok = ok && s.nameWord(j)
			}
			ok = ok && s.quote[j] < 0
		}
		if ok {
			p.hi = v
			fd.trim(p)
			// A second subject in the same name is its head: "UN
			// humanitarian coordinator Clementine Nkweta-Salami", parsed
			// with "UN" and "Clementine" both subjects; not past a
			// preposition ("Observatory for Human Rights").
			for j := p.head + 1; j < p.hi; j++ {
				if u := s.toks[j].UPOS; u == "ADP" || u == "SCONJ" {
					break
				}
				if s.head(j) == v && s.rel(j) == "nsubj" {
					p.head = j
				}
			}
		}
	}
	return p
}

// np returns the noun phrase headed by token h: its subtree without
// clauses (relative clauses, participles, clausal complements) and quoted
// words, the stretch around h, trimmed of punctuation and conjunctions at
// its ends. Titles and appositions stay: "Safadi, Jordan's foreign
// minister".
func (fd *finding) np(si, h int) *phrase {
	s := &fd.sents[si]
	in := make([]bool, len(s.toks))
	s.subtree(h, in, func(k int) bool {
		if s.head(k) == h && k < h && (s.rel(k) == "case" || s.rel(k) == "mark") {
			return true // "according to the ministry", "for Haq"
		}
		switch s.rel(k) {
		case "acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "dep", "discourse", "vocative", "list", "reparandum":
			return true
		}
		return s.quote[k] >= 0
	})
	lo, hi := h, h+1
	for lo > s.dateline && in[lo-1] {
		lo--
	}
	for hi < len(in) && in[hi] {
		hi++
	}
	p := &phrase{s: si, lo: lo, hi: hi, head: h}
	fd.trim(p)
	p.origin = s.toks[p.lo].Start
	return p
}

// trim drops punctuation, conjunctions and adverbs ("meanwhile") at the
// ends of p, never its head.
func (fd *finding) trim(p *phrase) {
	s := &fd.sents[p.s]
	edge := func(k int) bool {
		switch s.toks[k].UPOS {
		case "PUNCT", "CCONJ", "ADV", "SCONJ":
			return true
		}
		return isMarkForm(s.toks[k].Form)
	}
	for p.lo < p.head && edge(p.lo) {
		p.lo++
	}
	for p.hi-1 > p.head && edge(p.hi-1) {
		p.hi--
	}
}

// cueSpeaker returns the speaker named after the cue at token v, n tokens
// long, within tokens before hi: the phrase of the noun the cue is the
// case marker of, else of the first noun after it.
func (fd *finding) cueSpeaker(si, v, n, hi int) *phrase {
	s := &fd.sents[si]
	if h := s.head(v); h >= v+n && h < hi && s.quote[h] < 0 && s.nominal(h) {
		return fd.np(si, h)
	}
	for k := v + n; k < hi && s.quote[k] < 0; k++ {
		if s.isPunct(k) || s.isVerb(k) {
			break
		}
		if s.nominal(k) {
			// The last noun of the first run: "the Syrian Observatory".
			for k+1 < hi && s.quote[k+1] < 0 && s.nominal(k+1) && s.toks[k+1].UPOS != "PRON" {
				k++
			}
			return fd.np(si, k)
		}
	}
	return nil
}

// codeSpeakers codes every speaker phrase, in the order of the text, so
// that anaphors can take the codes of speakers before them.
func (fd *finding) codeSpeakers() {
	var ps []*phrase
	for _, st := range fd.stmts {
		if st.spk == nil {
			continue
		}
		st.spk.origin = min(st.spk.origin, st.span.Start)
		if !slices.Contains(ps, st.spk) {
			ps = append(ps, st.spk)
		}
	}
	slices.SortStableFunc(ps, func(a, b *phrase) int {
		return fd.sents[a.s].toks[a.lo].Start - fd.sents[b.s].toks[b.lo].Start
	})
	for _, p := range ps {
		fd.code(p)
	}
}

// code fills p.sp.
func (fd *finding) code(p *phrase) {
	if p.coded {
		return
	}
	p.coded = true
	s := &fd.sents[p.s]
	p.sp.Span = s.spanOf(p.lo, p.hi)
	p.sp.Text = fd.text(p.sp.Span)
	if s.toks[p.head].UPOS == "PRON" || p.hi-p.lo <= 4 {
		if an, ok := fd.w.Anaphor(p.sp.Text); ok {
			if ante := fd.antecedent(p, an); ante != nil {
				sp := p.sp.Span
				p.sp = ante.sp
				p.sp.Span, p.sp.Text = sp, fd.text(sp)
				a := fd.sents[ante.s].spanOf(ante.lo, ante.hi)
				if ante.sp.Antecedent != nil {
					a = *ante.sp.Antecedent // an anaphor before, resolved
				}
				p.sp.Antecedent = &a
				return
			}
		}
	}
	if a, ok := fd.resolve(p); ok {
		p.sp.Code, p.sp.Country = a.Code, a.Country
		if len(a.Roles) > 0 {
			p.sp.Role = a.Roles[0]
		}
		return
	}
	// A name the dictionary lacks may be an earlier speaker's, in full:
	// "Abu Ahmad, a rebel commander" then "Ahmad said".
	if s.toks[p.head].UPOS == "PROPN" {
		if q := fd.earlierName(p); q != nil {
			p.sp.Code, p.sp.Country, p.sp.Role = q.sp.Code, q.sp.Country, q.sp.Role
		}
	}
}

// rank orders codings: a named actor over a country over the focus over a
// role alone.
func rank(a actor.Actor) int {
	if a.Incomplete {
		return 1
	}
	r := 2
	for _, e := range a.Evidence {
		switch e.Rule {
		case actor.RuleNamed, actor.RuleNamedBase:
			return 5
		case actor.RuleCountry, actor.RulePossessor:
			r = max(r, 4)
		case actor.RuleFocus:
			r = max(r, 3)
		}
	}
	return r
}

// resolve codes phrase p with the actor dictionary. It tries the phrase
// (unless it is a document: "a statement from the ministry"), its
// appositions ("a spokesman, Farhan Haq"), and the "of" or "for" phrase of
// a document or of a person's title ("the head of UNRWA"); the best coding
// wins (see rank). When none codes, it tries the words before a name the
// dictionary lacks ("Rebel commander Abu Omar" is a rebel commander) and
// the longest beginning that ends in a name ("the UN humanitarian
// coordinator for the occupied Palestinian territory" is the UN's).
func (fd *finding) resolve(p *phrase) (actor.Actor, bool) {
	if fd.f.Actors == nil {
		return actor.Actor{}, false
	}
	s := &fd.sents[p.s]
	var best actor.Actor
	bestRank := 0
	try := func(lo, hi int) bool {
		lo, hi = max(lo, p.lo), min(hi, p.hi)
		if lo >= hi {
			return false
		}
		a, ok := fd.f.Actors.Resolve(s.toks[lo:hi], fd.opt.Date, fd.opt.Focus)
		if ok && rank(a) > bestRank {
			best, bestRank = a, rank(a)
		}
		return ok
	}
	cands := make([]*phrase, 0, 4) // tried first
	var later []*phrase            // tried when none of cands codes
	var add func(c *phrase, depth int)
	add = func(c *phrase, depth int) {
		kind, _ := fd.w.Name(s.toks[c.head].Form)
		if kind != NameDocument {
			cands = append(cands, c)
		}
		if depth > 1 {
			return
		}
		for _, k := range s.children(c.head) {
			switch r := s.rel(k); {
			case r == "appos", r == "nmod" && kind == NameDocument:
				add(fd.np(p.s, k), depth+1)
			case r == "nmod" && kind == NamePerson:
				later = append(later, fd.np(p.s, k))
			}
		}
	}
	// A coordination is coded by its first conjunct: "residents and aid
	// workers" are residents.
	first := p
	for _, c := range s.children(p.head) {
		if s.rel(c) != "conj" || c < p.head || c >= p.hi {
			continue
		}
		end := c
		for _, k := range s.children(c) {
			if s.rel(k) == "cc" || s.isPunct(k) {
				end = min(end, k)
			}
		}
		for end > p.head+1 && s.isPunct(end-1) {
			end--
		}
		first = &phrase{s: p.s, lo: p.lo, hi: end, head: p.head}
		break
	}
	add(first, 0)
	for _, c := range cands {
		try(c.lo, c.hi)
	}
	if bestRank > 0 {
		return best, true
	}
	// Nothing codes: the best of a title's "of" or "for" phrase ("the
	// head of UNRWA"), the words before a name the dictionary lacks
	// ("Rebel commander Abu Omar") and the longest beginning that ends in
	// a name ("the UN humanitarian coordinator for the occupied
	// Palestinian territory" is the UN's, not Palestine's).
	for _, c := range later {
		try(c.lo, c.hi)
	}
	for _, c := range cands {
		if s.nameWord(c.head) {
			lo := c.head
			for lo > c.lo && s.nameWord(lo-1) && !fd.title(s, lo-1) {
				lo--
			}
			try(c.lo, lo)
		}
		for end := c.hi - 1; end > c.lo; end-- {
			if (s.nameWord(end-1) || s.toks[end-1].Form == "'s") && try(c.lo, end) {
				break
			}
		}
	}
	return best, bestRank > 0
}

// title reports whether token k is a person's title or role ("Minister").
func (fd *finding) title(s *sent, k int) bool {
	kind, ok := fd.w.Name(s.toks[k].Form)
	return ok && kind == NamePerson
}

// earlierName returns an earlier coded speaker whose phrase has the word
// that heads p.
func (fd *finding) earlierName(p *phrase) *phrase {
	s := &fd.sents[p.s]
	head := s.toks[p.head].Form
	var found *phrase
	for _, st := range fd.stmts {
		q := st.spk
		if q == nil || q == p || !q.coded || q.sp.Code == "" || q.sp.Start >= s.toks[p.lo].Start {
			continue
		}
		qs := &fd.sents[q.s]
		for k := q.lo; k < q.hi; k++ {
			if qs.toks[k].UPOS == "PROPN" && sameWord(qs.toks[k].Form, head) {
				found = q
			}
		}
	}
	return found
}
