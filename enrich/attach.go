package enrich

import (
	"sitrep/count"
	"sitrep/geo"
	"sitrep/nlp"
	"sitrep/timex"
)

// How says how an event's place or date was chosen.
type How uint8

const (
	// HowNone: nothing was found.
	HowNone How = iota
	// HowClause: a place or time expression of the event's own clause.
	HowClause
	// HowSentence: the nearest place of the event's sentence.
	HowSentence
	// HowArticle: the story's focus place, or its publication date.
	HowArticle
)

// String returns "none", "clause", "sentence" or "article".
func (h How) String() string {
	switch h {
	case HowClause:
		return "clause"
	case HowSentence:
		return "sentence"
	case HowArticle:
		return "article"
	}
	return "none"
}

// Where is an event's place.
type Where struct {
	// Place is the place; nil when none is known (How is HowNone).
	Place *geo.Place
	// Mention indexes Scene.Places: the mention that gave Place; -1 for
	// a focus country that no mention names.
	Mention   int
	Precision geo.Precision
	How       How
}

// Where returns where the event whose predicate is doc.Tokens[tok]
// happened; see the package documentation for the rules.
func (s *Scene) Where(tok int) Where {
	si := s.sentenceOf(tok)
	if si < 0 {
		return Where{Mention: -1}
	}
	anchors := s.anchors(si, tok)
	best, bestHow := -1, HowNone
	for i, m := range s.Places {
		if m.Sentence != si || !locates(m) {
			continue
		}
		// A country named otherwise than as a place ("a victory for
		// Syria", "the Russian Federation ceasefire deal") locates
		// nothing; a place inside one may ("take back the Daraa
		// province").
		if m.Role != geo.RoleLocation && m.Precision <= geo.PrecisionCountry {
			continue
		}
		if s.inClause(si, m.Head, anchors) {
			if bestHow != HowClause || s.betterPlace(i, best, tok) {
				best, bestHow = i, HowClause
			}
		} else if bestHow != HowClause && (best < 0 || dist(m.Head, tok) < dist(s.Places[best].Head, tok)) {
			best, bestHow = i, HowSentence
		}
	}
	if best >= 0 {
		m := s.Places[best]
		return Where{Place: m.Place, Mention: best, Precision: m.Precision, How: bestHow}
	}
	if s.Focus != nil {
		w := Where{Place: s.Focus, Mention: s.FocusMention, How: HowArticle, Precision: geo.PrecisionCountry}
		if s.FocusMention >= 0 {
			w.Precision = s.Places[s.FocusMention].Precision
		}
		return w
	}
	return Where{Mention: -1}
}

// betterPlace reports whether mention i is a better location than mention
// j for the predicate tok: more precise, then locative, then nearer.
func (s *Scene) betterPlace(i, j, tok int) bool {
	a, b := s.Places[i], s.Places[j]
	if a.Precision != b.Precision {
		return a.Precision > b.Precision
	}
	if (a.Role == geo.RoleLocation) != (b.Role == geo.RoleLocation) {
		return a.Role == geo.RoleLocation
	}
	return dist(a.Head, tok) < dist(b.Head, tok)
}

// When is an event's date.
type When struct {
	// Expr indexes Scene.Times: the expression that dated the event; -1
	// for the publication date or no date.
	Expr int
	How  How
}

// When returns when the event whose predicate is doc.Tokens[tok]
// happened: a time expression of its clause (How is HowClause), else the
// nearest of its sentence that does not date a saying (HowSentence), else
// the publication date (HowArticle), else nothing (HowNone, for an undated
// story).
func (s *Scene) When(tok int) When {
	si := s.sentenceOf(tok)
	if si >= 0 {
		anchors := s.anchors(si, tok)
		best := -1
		for i, x := range s.Times {
			if x.Sentence != si || !dates(x) || !s.inClause(si, x.Head, anchors) {
				continue
			}
			if best < 0 || finer(x, s.Times[best]) || (x.Precision == s.Times[best].Precision && dist(x.Head, tok) < dist(s.Times[best].Head, tok)) {
				best = i
			}
		}
		if best >= 0 {
			return When{Expr: best, How: HowClause}
		}
		// The nearest expression of the sentence that dates a clause of its
		// own, unless that clause reports a saying ("..., a spokeswoman said
		// on Tuesday") or is a relative clause ("a battle that began in
		// August").
		for i, x := range s.Times {
			if x.Sentence != si || !dates(x) || s.saying(si, x.Head) || s.relative(si, x.Head) {
				continue
			}
			if best < 0 || dist(x.Head, tok) < dist(s.Times[best].Head, tok) {
				best = i
			}
		}
		if best >= 0 {
			return When{Expr: best, How: HowSentence}
		}
	}
	if s.Date.IsZero() {
		return When{Expr: -1}
	}
	return When{Expr: -1, How: HowArticle}
}

func finer(a, b timex.Expr) bool { return a.Precision < b.Precision }

// dates reports whether a time expression may date an event: it is not in
// the future, and its preposition does not make it a bound.
func dates(x timex.Expr) bool {
	if x.Future {
		return false
	}
	switch x.Prep {
	case "since", "until", "till", "before", "after", "by", "from", "through", "throughout", "ahead of", "prior to":
		return false
	}
	return true
}

// anchors returns the tokens (doc indexes) whose clause is the event's:
// the predicate, and for an event noun the chain of its heads up to the
// first verb, which governs it ("the offensive resumed", "launched an
// offensive").
func (s *Scene) anchors(si, tok int) []int {
	anchors := []int{tok}
	sent := s.Doc.Sentences[si]
	t := s.Doc.Tokens[tok]
	if t.UPOS == "VERB" || t.UPOS == "AUX" {
		return anchors
	}
	for range 4 {
		h := t.Head
		if h < 0 || sent.First+h >= sent.Limit {
			break
		}
		tok = sent.First + h
		t = s.Doc.Tokens[tok]
		anchors = append(anchors, tok)
		if t.UPOS == "VERB" || t.UPOS == "AUX" {
			break
		}
	}
	return anchors
}

// inClause reports whether token tok of sentence si reaches one of the
// anchors by its heads without entering another clause.
func (s *Scene) inClause(si, tok int, anchors []int) bool {
	sent := s.Doc.Sentences[si]
	for range sent.Limit - sent.First {
		for _, a := range anchors {
			if tok == a {
				return true
			}
		}
		t := s.Doc.Tokens[tok]
		if boundary(t) || t.Head < 0 || sent.First+t.Head >= sent.Limit {
			return false
		}
		tok = sent.First + t.Head
	}
	return false
}

// boundary reports whether a token heads a clause of its own, so that
// nothing below it belongs to the clause above.
func boundary(t nlp.Token) bool {
	rel := t.Deprel
	if i := indexByte(rel, ':'); i >= 0 {
		if rel == "acl:relcl" {
			return true
		}
		rel = rel[:i]
	}
	switch rel {
	case "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj", "root":
		return true
	case "conj":
		return t.UPOS == "VERB"
	}
	return false
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func dist(a, b int) int {
	if a < b {
		return b - a
	}
	return a - b
}

// sentenceOf returns the sentence of token tok, -1 when none holds it.
func (s *Scene) sentenceOf(tok int) int {
	ss := s.Doc.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case tok < ss[m].First:
			hi = m
		case tok >= ss[m].Limit:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Token returns the index in doc.Tokens of the token that starts at byte
// offset start within sentence si, or of the first token that overlaps
// the span from there; -1 when there is none.
func (s *Scene) Token(si int, span nlp.Span) int {
	if si < 0 || si >= len(s.Doc.Sentences) {
		return -1
	}
	sent := s.Doc.Sentences[si]
	for i := sent.First; i < sent.Limit; i++ {
		t := s.Doc.Tokens[i]
		if t.End > span.Start && t.Start < span.End {
			return i
		}
	}
	return -1
}

// Event returns the index in preds, the predicate tokens (doc indexes) of
// a story's events, of the event count c belongs to; -1 for none. See the
// package documentation for the rules.
func (s *Scene) Event(c count.Count, preds []int) int {
	find := func(tok int) int {
		for i, p := range preds {
			if p == tok {
				return i
			}
		}
		return -1
	}
	si := c.Sentence
	if si < 0 || si >= len(s.Doc.Sentences) {
		return -1
	}
	sent := s.Doc.Sentences[si]
	tok := c.Verb
	if tok < sent.First || tok >= sent.Limit {
		tok = s.phraseHead(si, c.First, c.Limit)
	}
	for step := 0; tok >= 0 && step < 5; step++ {
		if i := find(tok); i >= 0 {
			return i
		}
		t := s.Doc.Tokens[tok]
		if t.Head < 0 || sent.First+t.Head >= sent.Limit {
			break
		}
		switch rel := t.Deprel; {
		case rel == "ccomp" || rel == "parataxis" || rel == "acl:relcl":
			tok = -1 // the count is what another clause reports
		default:
			tok = sent.First + t.Head
		}
	}
	only := -1
	for i, p := range preds {
		if p >= sent.First && p < sent.Limit {
			if only >= 0 && preds[only] != p {
				return -1
			}
			only = i
		}
	}
	return only
}

// phraseHead returns the token of [first, limit) whose head lies outside
// it, -1 when there is none.
func (s *Scene) phraseHead(si, first, limit int) int {
	sent := s.Doc.Sentences[si]
	for i := max(first, sent.First); i < min(limit, sent.Limit); i++ {
		h := s.Doc.Tokens[i].Head
		if h < 0 || sent.First+h < first || sent.First+h >= limit {
			return i
		}
	}
	return -1
}

// saying reports whether token tok of sentence si lies in the clause of a
// verb of saying: the first clause head above it is one.
func (s *Scene) saying(si, tok int) bool {
	if s.words == nil {
		return false
	}
	sent := s.Doc.Sentences[si]
	for range sent.Limit - sent.First {
		t := s.Doc.Tokens[tok]
		if t.UPOS == "VERB" && s.words.Verb(t.Lemma, "") {
			return true
		}
		if boundary(t) || t.Head < 0 || sent.First+t.Head >= sent.Limit {
			return false
		}
		tok = sent.First + t.Head
	}
	return false
}

// relative reports whether token tok of sentence si lies in a relative
// clause: the first clause head above it is one.
func (s *Scene) relative(si, tok int) bool {
	sent := s.Doc.Sentences[si]
	for range sent.Limit - sent.First {
		t := s.Doc.Tokens[tok]
		if boundary(t) {
			return t.Deprel == "acl:relcl"
		}
		if t.Head < 0 || sent.First+t.Head >= sent.Limit {
			return false
		}
		tok = sent.First + t.Head
	}
	return false
}
