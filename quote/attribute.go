package quote

import (
	"sitrep/nlp"
)

// direct adds a statement for each quote in marks, attributed from its own
// sentences: after the closing mark ("…," X said; "…," said X; "…,"
// according to X), else before the opening mark (X said: "…"; X said the
// army would "crush" rebels).
func (fd *finding) direct() {
	for _, m := range fd.marks {
		st := &statement{direct: true, span: m.span, parts: m.parts}
		first, last := sentAt(fd.sents, m.span.Start), sentAt(fd.sents, m.span.End-1)
		if first < 0 || last < 0 {
			// Marks after the last sentence: the doc is not segmented.
			st.sents = [2]int{max(len(fd.sents)-1, 0), max(len(fd.sents)-1, 0)}
			fd.stmts = append(fd.stmts, st)
			continue
		}
		st.sents = [2]int{first, last}
		if s := &fd.sents[first]; len(s.toks) > 0 {
			d := s.tokenAt(m.span.Start)
			st.startsSentence = true
			for k := 0; k < d; k++ {
				if !s.isPunct(k) {
					st.startsSentence = false
				}
			}
		}
		// A verb before the quote that governs it comes first ('He said
		// the attack was "barbaric" and added …'), then the attribution
		// after the quote, then a verb before it with only its object
		// between them ('Haq told reporters in Geneva: "…"').
		if v, spk, ok := fd.head(m, first, true); ok {
			st.verb, st.spk, st.attributed = v, spk, true
		} else if v, spk, ok := fd.tail(m, last); ok {
			st.verb, st.spk, st.attributed = v, spk, true
		} else if v, spk, ok := fd.head(m, first, false); ok {
			st.verb, st.spk, st.attributed = v, spk, true
		}
		fd.stmts = append(fd.stmts, st)
	}
}

// tail looks for the attribution of quote m after its closing mark, in
// sentence si up to its end or the next quote.
func (fd *finding) tail(m marked, si int) (nlp.Span, *phrase, bool) {
	s := &fd.sents[si]
	a := s.tokenAt(m.span.End)
	b := a
	for b < len(s.toks) && s.quote[b] < 0 {
		b++
	}
	for i := a; i < b; i++ {
		if n := fd.cueAt(s, i); n > 0 && i+n < b {
			return s.spanOf(i, i+n), fd.cueSpeaker(si, i, n, b), true
		}
		if fd.speechVerb(s, i) {
			return s.spanOf(i, i+1), fd.speakerOf(si, i, a, b), true
		}
	}
	return nlp.Span{}, nil, false
}

// head looks for the attribution of quote m before its opening mark, in
// sentence si from its start or the last quote before: a verb of saying
// that governs the quote's first word, or when governs is false a cue or
// a verb with nothing but its object before the quote.
func (fd *finding) head(m marked, si int, governs bool) (nlp.Span, *phrase, bool) {
	s := &fd.sents[si]
	d := s.tokenAt(m.span.Start)
	c := d
	for c > 0 && s.quote[c-1] < 0 {
		c--
	}
	// The first word inside the quote, to see whether the verb governs it.
	inner := -1
	for k := d; k < len(s.toks) && s.quote[k] >= 0; k++ {
		if !s.isPunct(k) {
			inner = k
			break
		}
	}
	for i := d - 1; i >= c; i-- {
		if !governs {
			for n := 1; n <= min(i-c+1, fd.w.maxCue); n++ {
				if fd.cueAt(s, i-n+1) == n {
					return s.spanOf(i-n+1, i+1), fd.cueSpeaker(si, i-n+1, n, d), true
				}
			}
		}
		if !fd.speechVerb(s, i) {
			continue
		}
		if governs && inner >= 0 && s.ancestor(i, inner) || !governs && fd.onlyObject(s, i+1, d) {
			return s.spanOf(i, i+1), fd.speakerOf(si, i, c, d), true
		}
	}
	return nlp.Span{}, nil, false
}

// onlyObject reports whether tokens [lo, hi) between a verb of saying and
// an opening mark hold no other verb: 'told reporters in Geneva: "…"',
// 'said that "…"'.
func (fd *finding) onlyObject(s *sent, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		switch s.toks[k].UPOS {
		case "VERB", "AUX":
			return false
		}
	}
	return true
}

// speechVerb reports whether token i of s is a verb of saying: a verb
// whose lemma (with its particle, if the list wants one) is listed.
func (fd *finding) speechVerb(s *sent, i int) bool {
	if !s.isVerb(i) || s.quote[i] >= 0 {
		return false
	}
	prts := fd.w.verbParticles(s.lemma(i))
	for _, p := range prts {
		if p == "" {
			return true
		}
		for _, k := range s.children(i) {
			if s.rel(k) == "compound" && s.lower(k) == p {
				return true
			}
		}
	}
	return false
}

// cueAt returns the length in tokens of the cue phrase starting at token
// i of s ("according to"), or 0.
func (fd *finding) cueAt(s *sent, i int) int {
	for _, c := range fd.w.cues {
		if i+len(c) > len(s.toks) {
			continue
		}
		ok := true
		for k, w := range c {
			if s.quote[i+k] >= 0 || !equalFoldASCII(s.toks[i+k].Form, w) {
				ok = false
				break
			}
		}
		if ok {
			return len(c)
		}
	}
	return 0
}

// equalFoldASCII reports whether s, in any case, is the lower-case word w.
func equalFoldASCII(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// inherit attributes the direct quotes that their own sentences do not,
// by the conventions of news writing, in this order:
//
//  1. a quote after a sentence that ends in a colon and has a verb of
//     saying ('Haq told reporters:' then '"…"') is that verb's subject's;
//  2. a quote that opens its sentence right after a statement of the same
//     paragraph ('"…," he said. "…"'; 'Haq said the UN was alarmed.
//     "We call on all parties …"') is that statement's speaker's;
//  3. a quote followed in the same paragraph by an attributed quote, with
//     nothing between them ('"…." "…," he said.') is that quote's speaker's;
//  4. a quote that opens a paragraph right after a paragraph whose last
//     sentence is a statement is that statement's speaker's.
//
// Quotes inside a sentence (scare quotes, partial quotes) are never
// attributed this way: only the sentence they are in can say whose they
// are.
func (fd *finding) inherit() {
	for i, st := range fd.stmts {
		if !st.direct || st.attributed || !st.startsSentence {
			continue
		}
		first := st.sents[0]
		if v, spk, ok := fd.colonIntro(first); ok {
			st.verb, st.spk = v, spk
			continue
		}
		if p := fd.before(i); p != nil && fd.sents[p.sents[1]].para == fd.sents[first].para {
			st.verb, st.spk = p.verb, p.spk
			continue
		}
		if n := fd.after(i); n != nil {
			st.verb, st.spk = n.verb, n.spk
			continue
		}
		if p := fd.before(i); p != nil && fd.sents[p.sents[1]].para == fd.sents[first].para-1 {
			st.verb, st.spk = p.verb, p.spk
		}
	}
}

// before returns the statement that ends in the sentence before statement
// i's first (or in that sentence, before it), if it has a speaker.
// A direct quote is preferred to a reported clause of the same sentences
// ('"We left with nothing," a woman told Reuters, asking not to be named.
// "They burned the houses."' is what she told Reuters).
func (fd *finding) before(i int) *statement {
	st := fd.stmts[i]
	var found *statement
	for k := i - 1; k >= 0; k-- {
		p := fd.stmts[k]
		if p.span.End > st.span.Start {
			continue // a statement around this one
		}
		if p.sents[1] < st.sents[0]-1 {
			break
		}
		if p.spk == nil || found != nil && p.sents[1] < found.sents[1] {
			continue
		}
		if p.direct {
			return p
		}
		if found == nil {
			found = p
		}
	}
	return found
}

// after returns the attributed direct quote that follows statement i in
// the same paragraph with nothing but punctuation between them.
func (fd *finding) after(i int) *statement {
	st := fd.stmts[i]
	for k := i + 1; k < len(fd.stmts); k++ {
		n := fd.stmts[k]
		if n.span.Start < st.span.End {
			continue // inside this one
		}
		if !n.direct || !n.attributed || n.spk == nil ||
			fd.sents[n.sents[0]].para != fd.sents[st.sents[1]].para ||
			hasWord(fd.doc.Text[st.span.End:n.span.Start]) {
			return nil
		}
		return n
	}
	return nil
}

// colonIntro looks in the sentence before si for an introduction ending
// in a colon: 'Haq told reporters:'.
func (fd *finding) colonIntro(si int) (nlp.Span, *phrase, bool) {
	if si == 0 {
		return nlp.Span{}, nil, false
	}
	p := &fd.sents[si-1]
	n := len(p.toks)
	if n == 0 || p.toks[n-1].Form != ":" || fd.sents[si].para-p.para > 1 {
		return nlp.Span{}, nil, false
	}
	for i := n - 2; i >= 0; i-- {
		if fd.speechVerb(p, i) {
			return p.spanOf(i, i+1), fd.speakerOf(si-1, i, 0, n-1), true
		}
	}
	return nlp.Span{}, nil, false
}
