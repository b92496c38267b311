package geo

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// state is one Resolve call: the document, the mentions found so far and
// what resolution learns about the story.
type state struct {
	r   *Resolver
	g   *Gazetteer
	w   *words
	doc *nlp.Doc
	ms  []*mention

	// demonyms counts the demonyms of each country in the text, weighted
	// by position (see weightAt).
	demonyms map[string]float64
	focus    []string           // the story's countries, most prominent first
	focusW   map[string]float64 // their weights, 0 to 1
}

// A mkind is how a mention was found.
type mkind uint8

const (
	kName    mkind = iota // a gazetteer name, with or without a type word
	kUnknown              // a capitalised name after a preposition that the gazetteer lacks
	kPart                 // a part of a place by direction: "southern Syria", "the southwest"
	kBorder               // the border of two countries
)

// A mention is a Mention under construction.
type mention struct {
	Mention
	kind  mkind
	key   string   // the folded name: mentions of one key resolve alike
	cands []*Place // the gazetteer's candidates, most likely first
	want  placeType
	// wantAll: the type word is plural and applies to the names listed
	// before ("the Donetsk and Luhansk regions").
	wantAll bool

	// A container: the mention names a place inside the place of in, or
	// inside the country inCountry ("Syria's Daraa Governorate", "Paris,
	// Texas", "the Iraqi city of Mosul").
	in        *mention
	inCountry string

	sibs []*mention // names listed with it: "Alberta, Ontario and Quebec"

	dir   direction // kPart
	base  *mention  // kPart: the place the direction applies to; nil for the focus country
	sides []side    // kBorder: the countries named, zero, one or two

	a, b     int  // the mention's tokens, relative to its sentence
	head     int  // its head token, relative to its sentence
	sub      bool // the span is part of one token ("Beirut" of "Beirut-based")
	cueRole  cueRole
	subject  bool // its grammar makes a country an actor
	agent    bool // and a capital: a subject, an agent, the object of an actorverb
	strongIn bool // the container was named by "in", a possessive or a demonym
	drop     bool // consumed by a longer phrase, or not a place after all
}

// A side of a border: a mention of a country, or a country by demonym.
type side struct {
	m       *mention
	country string
}

// sent holds one sentence's tokens and their folded forms.
type sent struct {
	i      int // index into doc.Sentences
	first  int // its first token in doc.Tokens
	toks   []nlp.Token
	folded []string
	parsed bool
	ms     []*mention // the sentence's mentions, in order
	taken  []bool     // tokens inside a mention
}

func (st *state) findSentence(si int) {
	s := st.doc.Sentences[si]
	se := &sent{i: si, first: s.First, toks: st.doc.Tokens[s.First:s.Limit]}
	se.folded = make([]string, len(se.toks))
	se.taken = make([]bool, len(se.toks))
	for i, t := range se.toks {
		se.folded[i] = foldString(t.Form)
		se.parsed = se.parsed || t.Deprel != ""
		if !mayBeName(t.Form) {
			continue // demonyms are capitalised
		}
		if c, ok := st.w.demonyms[se.folded[i]]; ok {
			if st.demonyms == nil {
				st.demonyms = map[string]float64{}
			}
			st.demonyms[c] += st.weightAt(si)
		}
	}
	for _, m := range st.g.Match(se.toks) {
		key := foldString(st.doc.Text[m.Start:m.End])
		if _, ok := st.w.demonyms[key]; ok && m.Places[0].Kind != KindCountry {
			continue
		}
		n := &mention{kind: kName, key: key, cands: m.Places, a: m.First, b: m.Limit}
		st.directedName(se, n)
		se.add(st, n)
	}
	st.longerNames(se)
	st.hyphenated(se)
	st.typeWords(se)
	st.containers(se)
	st.borders(se)
	st.parts(se)
	st.unknowns(se)
	for _, m := range se.ms {
		// Mentions a phrase consumed are kept for resolution: they are the
		// phrase's base or sides, and tell where the story is.
		if !m.drop {
			st.finish(se, m)
		}
		st.ms = append(st.ms, m)
	}
	// "in Burkina Faso's Sahel region": the parser may give the cue to the
	// possessor; it belongs to the place the possessor holds.
	for _, m := range se.ms {
		if x := m.in; x != nil && !m.drop && !x.drop && x.b < m.a && m.a-x.b == 1 && isPossessive(se.toks[x.b].Form) {
			if m.cueRole == 0 && x.cueRole != 0 {
				m.Cue, m.cueRole, x.Cue, x.cueRole = x.Cue, x.cueRole, "", 0
			}
			x.subject = false
		}
	}
}

// add appends m to the sentence's mentions, keeping them in token order,
// and marks its tokens taken.
func (se *sent) add(st *state, m *mention) {
	if !m.sub {
		m.Span = nlp.Span{Start: se.toks[m.a].Start, End: se.toks[m.b-1].End}
	}
	m.Sentence = se.i
	i := len(se.ms)
	for i > 0 && se.ms[i-1].a > m.a {
		i--
	}
	se.ms = append(se.ms, nil)
	copy(se.ms[i+1:], se.ms[i:])
	se.ms[i] = m
	for k := m.a; k < m.b; k++ {
		se.taken[k] = true
	}
}

// consume drops the mentions inside tokens [a, b) (their tokens now belong
// to a longer phrase) and marks the tokens taken.
func (se *sent) consume(a, b int) {
	for _, m := range se.ms {
		if !m.drop && m.a >= a && m.b <= b {
			m.drop = true
		}
	}
	for k := a; k < b; k++ {
		se.taken[k] = true
	}
}

// at returns the live mention covering token i, or nil.
func (se *sent) at(i int) *mention {
	for _, m := range se.ms {
		if !m.drop && !m.sub && m.a <= i && i < m.b {
			return m
		}
	}
	return nil
}

// endingAt returns the live whole-token mention whose last token is i.
func (se *sent) endingAt(i int) *mention {
	if m := se.at(i); m != nil && m.b == i+1 {
		return m
	}
	return nil
}

// phrase returns the folded words of w's map kind that match the tokens
// starting at i, longest first: the word and its token count, or "", 0.
func (se *sent) phrase(i int, max int, has func(string) bool) (string, int) {
	for n := min(max, len(se.toks)-i); n >= 1; n-- {
		key := strings.Join(se.folded[i:i+n], " ")
		if has(key) {
			return key, n
		}
	}
	return "", 0
}

// phraseEnding is phrase for the words ending at token i (inclusive).
func (se *sent) phraseEnding(i int, max int, has func(string) bool) (string, int) {
	for n := min(max, i+1); n >= 1; n-- {
		key := strings.Join(se.folded[i-n+1:i+1], " ")
		if has(key) {
			return key, n
		}
	}
	return "", 0
}

// directedName reads a town named like a direction and a country or region
// ("South Lebanon", Ohio) as the direction and the country, so that parts
// makes it a part of the country: news means the part. Names that are
// countries, regions or areas themselves stay ("South Sudan", "North
// Carolina", "West Bank").
func (st *state) directedName(se *sent, m *mention) {
	if m.b-m.a < 2 {
		return
	}
	if _, ok := st.w.directions[se.folded[m.a]]; !ok {
		return
	}
	for _, p := range m.cands {
		if p.Kind != KindCity {
			return
		}
	}
	rest := st.doc.Text[se.toks[m.a+1].Start:se.toks[m.b-1].End]
	if c := st.g.Lookup(rest); len(c) > 0 && (c[0].Kind == KindCountry || c[0].Kind == KindRegion) {
		m.a++
		m.cands, m.key = c, foldString(rest)
	}
}

// longerNames drops the names that are part of a longer proper name the
// gazetteer does not hold ("Abu" of "Abu Shok", "Victoria" of "Lake
// Victoria", "Buffalo" of "Buffalo Bills"): a proper noun written with a
// capital stands right before or after them. Country names stay ("Kenya
// Airways" is Kenya's); so do names in sentences written in title case,
// where capitals say nothing. unknowns may then report the whole name.
func (st *state) longerNames(se *sent) {
	n := len(se.toks)
	if se.titleCase() {
		return
	}
	properAt := func(k int) bool {
		if k < 0 || k >= n || se.taken[k] || !startsUpper(se.toks[k].Form) || se.toks[k].UPOS != "PROPN" {
			return false
		}
		f := se.folded[k]
		_, dir := st.w.directions[f]
		_, typ := st.w.types[f]
		_, dem := st.w.demonyms[f]
		return !dir && !typ && !dem
	}
	for _, m := range se.ms {
		if m.sub || m.kind != kName || m.cands[0].Kind == KindCountry {
			continue
		}
		before := m.a > 0 && se.toks[m.a-1].End < se.toks[m.a].Start && properAt(m.a-1)
		after := m.b < n && se.toks[m.b].Start > se.toks[m.b-1].End && properAt(m.b)
		if before || after {
			m.drop = true
			for k := m.a; k < m.b; k++ {
				se.taken[k] = false
			}
		}
	}
}

// titleCase reports whether the sentence is written in title case: most
// of its words after the first that are not proper nouns (all of them,
// untagged) start with a capital.
func (se *sent) titleCase() bool {
	caps, words := 0, 0
	for i, t := range se.toks {
		r, _ := utf8.DecodeRuneInString(t.Form)
		if i == 0 || !unicode.IsLetter(r) || t.UPOS == "PROPN" {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 3 && 2*caps > words
}

// typeWords finds the type words after a name ("Daraa province", the last
// word of a name the gazetteer holds with it, or the next token) and before
// "of" ("the city of Homs", "the Iraqi city of Mosul").
func (st *state) typeWords(se *sent) {
	isType := func(k string) bool { _, ok := st.w.types[k]; return ok }
	for _, m := range se.ms {
		if m.drop || m.sub || m.kind != kName {
			continue
		}
		if k, _ := se.phraseEnding(m.b-1, st.w.maxWords, isType); k != "" && m.b-m.a > 1 {
			m.want = st.w.types[k]
		} else if k, n := se.phrase(m.b, st.w.maxWords, isType); k != "" && se.at(m.b) == nil {
			m.want, m.wantAll = st.w.types[k], strings.HasSuffix(k, "s")
			m.b += n
			m.Span.End = se.toks[m.b-1].End
			for j := m.b - n; j < m.b; j++ {
				se.taken[j] = true
			}
		}
		// "the city of X", "the Syrian province of X".
		if m.a >= 2 && se.folded[m.a-1] == "of" {
			if k, n := se.phraseEnding(m.a-2, st.w.maxWords, isType); k != "" {
				if m.want == 0 {
					m.want = st.w.types[k]
				}
				// "the Iraqi city of", "Syria's province of".
				if j := m.a - 2 - n; j >= 0 {
					if c, ok := st.w.demonyms[se.folded[j]]; ok {
						m.inCountry, m.strongIn = c, true
					} else if j > 0 && isPossessive(se.toks[j].Form) {
						if c := se.endingAt(j - 1); c != nil && m.in == nil {
							m.in, m.strongIn = c, true
						}
					}
				}
			}
		}
	}
}

// containers links names that name a place and the place it is in: "X's
// Y", "Y, X", "Y in X". Whether X can hold Y is left to resolution, which
// ignores a container that holds none of Y's candidates ("Homs, Hama and
// Aleppo" are three cities).
func (st *state) containers(se *sent) {
	var live []*mention
	for _, m := range se.ms {
		if !m.drop && !m.sub && m.kind == kName {
			live = append(live, m)
		}
	}
	for i := 0; i+1 < len(live); i++ {
		x, y := live[i], live[i+1]
		gap := se.folded[x.b:y.a]
		switch {
		case len(gap) == 1 && isPossessive(se.toks[x.b].Form):
			if y.in == nil {
				y.in, y.strongIn = x, true // Syria's Daraa Governorate
			}
		case len(gap) == 1 && gap[0] == ",":
			// "Paris, Texas", not a list: "Syria, Iraq and Jordan",
			// "Homs, Hama, Aleppo". A country is in nothing.
			if x.cands[0].Kind == KindCountry {
				continue
			}
			if y.b < len(se.toks) && (se.folded[y.b] == "and" || se.folded[y.b] == "or") {
				continue
			}
			if y.b+1 < len(se.toks) && se.folded[y.b] == "," && se.at(y.b+1) != nil {
				continue
			}
			if x.a >= 2 && se.folded[x.a-1] == "," && se.endingAt(x.a-2) != nil {
				continue
			}
			if x.in == nil {
				x.in = y
			}
		}
		if len(gap) == 1 && st.w.join[gap[0]] || len(gap) == 2 && gap[0] == "," && st.w.join[gap[1]] {
			x.sibs = append(x.sibs, y)
			y.sibs = append(y.sibs, x)
		}
		if len(gap) >= 1 && len(gap) <= 2 && gap[0] == "in" && (len(gap) == 1 || gap[1] == "the") && x.in == nil {
			x.in, x.strongIn = y, true // Cabanatuan in Nueva Ecija
		}
	}
	// "the Donetsk and Luhansk regions": the plural type word is the
	// listed names' too.
	for i := len(live) - 1; i > 0; i-- {
		if y, x := live[i], live[i-1]; y.wantAll && x.want == 0 && slices.Contains(y.sibs, x) {
			x.want, x.wantAll = y.want, true
		}
	}
}

// hyphenated finds places inside hyphenated tokens: "Beirut-based",
// "Russia-backed", "US-Iran". Border compounds ("Syrian-Jordanian border")
// are left to borders.
func (st *state) hyphenated(se *sent) {
	for i, t := range se.toks {
		if se.taken[i] || strings.IndexByte(se.folded[i], '-') < 0 { // folding made every dash "-"
			continue
		}
		if i+1 < len(se.toks) && st.w.border[se.folded[i+1]] {
			continue
		}
		pieces := dashPieces(t.Form)
		if len(pieces) < 2 {
			continue
		}
		last := pieces[len(pieces)-1]
		suffix := foldString(t.Form[last.Start:last.End])
		if role, ok := st.w.suffixes[suffix]; ok {
			st.suffixed(se, i, pieces, role)
			continue
		}
		// "US-Iran", "Iran-Iraq": every piece a country or demonym, one at
		// least a country name.
		var found []*mention
		all := true
		for _, p := range pieces {
			form := t.Form[p.Start:p.End]
			if _, ok := st.w.demonyms[foldString(form)]; ok {
				continue
			}
			cands := st.g.Lookup(form)
			if len(cands) == 0 || cands[0].Kind != KindCountry || !startsUpper(form) {
				all = false
				break
			}
			found = append(found, &mention{kind: kName, key: foldString(form), cands: cands, a: i, b: i + 1, sub: true,
				Mention: Mention{Span: nlp.Span{Start: t.Start + p.Start, End: t.Start + p.End}}})
		}
		if all {
			for _, m := range found {
				se.add(st, m)
			}
		}
	}
}

// suffixed adds the place before the suffix of token i ("Beirut" of
// "Beirut-based", "New York" of "New York-based").
func (st *state) suffixed(se *sent, i int, pieces []nlp.Span, role cueRole) {
	t := se.toks[i]
	last := pieces[len(pieces)-1]
	dash := pieces[len(pieces)-2].End // the prefix ends here, relative to the token
	prefix := t.Form[:dash]
	if !startsUpper(prefix) && !(i > 0 && se.toks[i-1].End == t.Start) {
		return
	}
	if _, ok := st.w.demonyms[foldString(prefix)]; ok {
		return
	}
	first := i
	cands := st.g.Lookup(prefix)
	// A longer name with capitalised words before: "New York-based".
	for j := i - 1; j >= max(0, i-3); j-- {
		if se.taken[j] || !startsUpper(se.toks[j].Form) {
			break
		}
		if c := st.g.Lookup(st.doc.Text[se.toks[j].Start : t.Start+dash]); len(c) > 0 {
			cands, first = c, j
		}
	}
	if len(cands) == 0 && (role != cueLocation || st.r.DropUnknown || !startsUpper(prefix)) {
		return
	}
	start := se.toks[first].Start
	m := &mention{kind: kName, key: foldString(st.doc.Text[start : t.Start+dash]), cands: cands, a: first, b: i + 1, sub: true,
		cueRole: role, Mention: Mention{Span: nlp.Span{Start: start, End: t.Start + dash},
			Cue: "-" + foldString(t.Form[last.Start:last.End])}}
	if len(cands) == 0 {
		m.kind = kUnknown
	}
	se.add(st, m)
}

// dashPieces splits a token at its dashes into the byte ranges of its
// non-empty pieces, relative to the token.
func dashPieces(form string) []nlp.Span {
	var out []nlp.Span
	start := 0
	for i, r := range form {
		if r == '-' || r == '–' || r == '—' {
			if i > start {
				out = append(out, nlp.Span{Start: start, End: i})
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(form) {
		out = append(out, nlp.Span{Start: start, End: len(form)})
	}
	return out
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// unknowns adds the capitalised names after a locative preposition that
// the gazetteer does not know ("in Xyzzy"), as mentions without candidates,
// after trying them with "the" and without an Arabic article.
func (st *state) unknowns(se *sent) {
	for i := 0; i+1 < len(se.toks); i++ {
		if !mayBeName(se.toks[i+1].Form) && se.folded[i+1] != "the" || st.w.cues[se.folded[i]] != cueLocation {
			continue // cheap test first: no capital after the word
		}
		j := i + 1
		if se.folded[j] == "the" {
			j++
		}
		k := j
		for k < len(se.toks) && k-j < 5 && !se.taken[k] && startsUpper(se.toks[k].Form) && properish(se.toks[k]) {
			k++
		}
		if k == j {
			continue
		}
		// A modifier of a noun ("at Al-Shifa hospital"), a possessor ("in
		// Assad's hands") or a word that is no place: not a place name.
		if k < len(se.toks) && (isPossessive(se.toks[k].Form) || isNoun(se.toks[k]) && !startsUpper(se.toks[k].Form)) {
			continue
		}
		if st.w.nonPlace[se.folded[j]] {
			continue
		}
		if _, ok := st.w.demonyms[se.folded[j]]; ok {
			continue
		}
		text := st.doc.Text[se.toks[j].Start:se.toks[k-1].End]
		cands := st.g.Lookup("the " + text)
		if len(cands) == 0 {
			if rest, ok := st.w.cutArticle(text); ok {
				cands = st.g.Lookup(rest)
			}
		}
		m := &mention{kind: kName, key: foldString(text), cands: cands, a: j, b: k}
		if len(cands) == 0 {
			if st.r.DropUnknown {
				continue
			}
			m.kind = kUnknown
		}
		se.add(st, m)
		i = k - 1
	}
}

// properish reports whether a token may be part of a proper name: a
// proper noun, or an untagged word.
func properish(t nlp.Token) bool {
	return t.UPOS == "" || t.UPOS == "PROPN" || t.UPOS == "X"
}

func isNoun(t nlp.Token) bool { return t.UPOS == "NOUN" || t.UPOS == "PROPN" }

// cutArticle removes an Arabic article from a name: "Al-Hasakah" →
// "Hasakah", "El Fasher" → "Fasher".
func (w *words) cutArticle(s string) (string, bool) {
	for _, a := range w.articles {
		if len(s) > len(a)+2 && strings.EqualFold(s[:len(a)], a) && (s[len(a)] == '-' || s[len(a)] == ' ') {
			return s[len(a)+1:], true
		}
	}
	return "", false
}

// isPossessive reports whether a token is the possessive 's or '.
func isPossessive(form string) bool {
	switch form {
	case "'s", "’s", "'", "’", "'S":
		return true
	}
	return false
}

// mayBeName reports whether a token may be a capitalised word: it starts
// with an ASCII capital or a non-ASCII byte.
func mayBeName(form string) bool {
	return form != "" && (form[0] >= 'A' && form[0] <= 'Z' || form[0] >= 0x80)
}
