package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// Find returns the time expressions of doc, resolved against pub, the
// publication date (its calendar date in its own location). doc must be
// segmented and tokenized; tags and a parse help (they tell "May" the modal
// from the month and a future clause from a past one) but are not needed.
// The expressions are in text order and do not overlap; each lies within
// one sentence and on token boundaries. An expression that names no real
// day ("February 30", "2018-13-01"), an ambiguous numeric date
// ("04/07/2018") or a year out of range is skipped, not guessed.
func (r *Resolver) Find(doc *nlp.Doc, pub time.Time) []Expr {
	if doc == nil || len(doc.Tokens) == 0 {
		return nil
	}
	s := &scan{r: r, doc: doc, pub: dayOf(pub), parsed: hasParse(doc)}
	s.low = foldAll(doc.Tokens)
	for si, sent := range doc.Sentences {
		if sent.First < 0 || sent.First > sent.Limit || sent.Limit > len(doc.Tokens) {
			continue
		}
		s.si, s.first = si, sent.First
		s.toks, s.words = doc.Tokens[sent.First:sent.Limit], s.low[sent.First:sent.Limit]
		for j := 0; j < len(s.words); {
			end, e, ok := s.match(j)
			if end <= j {
				j++
				continue
			}
			if ok {
				s.out = append(s.out, e)
			}
			j = end
		}
	}
	return s.out
}

// A scan is the state of one Find.
type scan struct {
	r      *Resolver
	doc    *nlp.Doc
	pub    time.Time
	parsed bool
	low    []string // folded forms of doc.Tokens
	out    []Expr

	// The sentence being scanned: its index, its first token in
	// doc.Tokens, its tokens and their folded forms. Token indices below
	// are within the sentence.
	si, first int
	toks      []nlp.Token
	words     []string
}

// maxQualifiers bounds the qualifiers before one expression.
const maxQualifiers = 4

// A state collects the qualifiers read before an expression.
type state struct {
	n      int // qualifiers read
	prep   string
	yearOK bool
	approx bool
	period bool
	dir    string
	part   string
	// approxLast says the last qualifier was one of vagueness.
	approxLast bool
}

func (st *state) apply(q qualifier) {
	st.n++
	st.approxLast = q.approx
	if q.prep != "" && st.prep == "" {
		st.prep = q.prep
	}
	st.yearOK = st.yearOK || q.yearOK
	st.approx = st.approx || q.approx
	st.period = st.period || q.period
	if q.dir != "" {
		st.dir = q.dir
	}
	if q.part != "" {
		st.part = q.part
	}
}

// A cand is what a recognizer found at a token: nothing (end 0), tokens to
// pass over without reporting anything (emit false: "Sunday Times",
// "February 30"), or an expression ending before token end.
type cand struct {
	end  int
	emit bool
	val  time.Time
	prec Precision
	part string
	head int // the word that gave the date, for a Doc without a parse
	rel  bool
	// approx and future as in Expr
	approx, future bool
}

// skipTo returns a cand that passes over the tokens before end.
func skipTo(end int) cand { return cand{end: end} }

// match reads qualifiers from token i until an expression follows. It
// returns the token after what it read and the expression, if any.
func (s *scan) match(i int) (int, Expr, bool) {
	if !s.r.mayStart(s.words[i]) {
		return i, Expr{}, false
	}
	var st state
	for j := i; j < len(s.words); {
		if c := s.core(j, &st); c.end > j {
			if !c.emit {
				return c.end, Expr{}, false
			}
			e, ok := s.expr(i, c, &st)
			return c.end, e, ok
		}
		q, n, ok := s.r.quals.match(s.words, j)
		if !ok || st.n == maxQualifiers {
			break
		}
		// "about", "over" qualify a count or a date directly: in "handed
		// over on July 2" the "over" belongs to the verb.
		if st.approxLast && (q.prep != "" || q.dir != "" || q.part != "") {
			break
		}
		st.apply(q)
		j += n
	}
	return i, Expr{}, false
}

// core runs every recognizer at token j and keeps the longest find; a
// fixed phrase wins a tie.
func (s *scan) core(j int, st *state) cand {
	best := s.phrase(j)
	for _, c := range [...]cand{s.written(j, st), s.hyphenated(j), s.weekday(j, st), s.ago(j, st), s.year(j, st)} {
		if c.end > best.end {
			best = c
		}
	}
	return best
}

// expr makes the Expr of tokens [i, c.end).
func (s *scan) expr(i int, c cand, st *state) (Expr, bool) {
	if !inRange(c.val) || c.prec < Day || c.prec > Year {
		return Expr{}, false
	}
	start, end := s.toks[i].Start, s.toks[c.end-1].End
	if start < 0 || start > end || end > len(s.doc.Text) {
		return Expr{}, false
	}
	e := Expr{
		Span:      nlp.Span{Start: start, End: end},
		Sentence:  s.si,
		First:     s.first + i,
		Limit:     s.first + c.end,
		Head:      s.first + s.head(i, c.end, c.head),
		Text:      s.doc.Text[start:end],
		Value:     c.val,
		Precision: c.prec,
		Part:      c.part,
		Prep:      st.prep,
		Relative:  c.rel,
		Approx:    c.approx || st.approx || (st.period && c.prec != Day),
		Future:    c.future,
	}
	if e.Part == "" && c.prec == Day {
		e.Part = st.part
	}
	return e, true
}

// head returns the token of [i, end) whose head lies outside it,
// preferring core; without a parse, core.
func (s *scan) head(i, end, core int) int {
	if !s.parsed {
		return core
	}
	outside := func(k int) bool {
		h := s.toks[k].Head
		return h < i || h >= end
	}
	if outside(core) {
		return core
	}
	for k := i; k < end; k++ {
		if outside(k) {
			return k
		}
	}
	return core
}

// phrase recognizes the fixed phrases of phrases.txt.
func (s *scan) phrase(j int) cand {
	p, n, ok := s.r.phrases.match(s.words, j)
	if !ok {
		return cand{}
	}
	end := j + n
	switch {
	case p.skip:
		return skipTo(end)
	case !p.fixed.IsZero():
		return cand{end: end, emit: true, val: p.fixed, prec: p.prec, head: end - 1, future: p.fixed.After(s.pub)}
	}
	base := s.pub
	if p.anchor != anchorNone {
		a, ok := s.anchor(j, p.anchor == anchorRequired, true)
		switch {
		case ok:
			base = a
		case p.anchor == anchorRequired:
			return skipTo(end)
		}
	}
	c := cand{end: end, emit: true, prec: p.unit.precision(), part: p.part, head: end - 1, rel: true, approx: p.approx, future: p.future}
	if p.unit == weekend {
		c.val, c.approx = weekendOf(base, p.offset, p.future), true
	} else {
		c.val = p.unit.add(base, p.offset)
	}
	if c.prec == Day && c.part == "" {
		c.part, c.end = s.partAfter(end)
	}
	return c
}

// partAfter reads a part of the day at token k ("yesterday evening").
func (s *scan) partAfter(k int) (string, int) {
	if k < len(s.words) {
		if p, ok := s.r.parts[s.words[k]]; ok {
			return p, k + 1
		}
	}
	return "", k
}

// anchor returns the value of the nearest expression before token j of
// the sentence (of a Day precision if day), or with required also of the
// sentence before.
func (s *scan) anchor(j int, required, day bool) (time.Time, bool) {
	for k := len(s.out) - 1; k >= 0; k-- {
		e := &s.out[k]
		if e.Sentence < s.si-1 || (e.Sentence < s.si && !required) {
			break
		}
		if e.Limit > s.first+j || (day && e.Precision != Day) {
			continue
		}
		return e.Value, true
	}
	return time.Time{}, false
}

// weekday recognizes "Monday", "Monday evening", "Monday, July 2".
func (s *scan) weekday(j int, st *state) cand {
	w, ok := s.r.weekdays[s.words[j]]
	if !ok || !capitalized(s.toks[j].Form) {
		return cand{}
	}
	// A written-out date after the weekday decides.
	k := j + 1
	if k < len(s.words) && s.words[k] == "," {
		k++
	}
	if k < len(s.words) {
		if c := s.written(k, &state{}); c.end > k {
			return c
		}
	}
	if w.ambiguous {
		return cand{}
	}
	// "the Sunday Herald": a newspaper.
	if j > 0 && s.words[j-1] == "the" && j+1 < len(s.words) && capitalized(s.toks[j+1].Form) && s.toks[j+1].XPOS == "NNP" {
		if _, part := s.r.parts[s.words[j+1]]; !part {
			return cand{}
		}
	}
	c := cand{emit: true, prec: Day, head: j, rel: true}
	switch {
	case st.dir == "last":
		c.val = lastWeekday(s.pub, w.n, true)
	case st.dir == "next":
		c.val, c.future = nextWeekday(s.pub, w.n, true), true
	case s.futureClause(j):
		c.val, c.future = nextWeekday(s.pub, w.n, false), true
	default:
		c.val = lastWeekday(s.pub, w.n, false)
	}
	c.part, c.end = s.partAfter(j + 1)
	return c
}

// isoWeekday returns t's weekday, Monday 1 to Sunday 7.
func isoWeekday(t time.Time) int { return (int(t.Weekday())+6)%7 + 1 }

// lastWeekday returns the last weekday wd on or before t (strictly before
// with strict).
func lastWeekday(t time.Time, wd int, strict bool) time.Time {
	back := (isoWeekday(t) - wd + 7) % 7
	if strict && back == 0 {
		back = 7
	}
	return t.AddDate(0, 0, -back)
}

// nextWeekday returns the next weekday wd on or after t (strictly after
// with strict).
func nextWeekday(t time.Time, wd int, strict bool) time.Time {
	fwd := (wd - isoWeekday(t) + 7) % 7
	if strict && fwd == 0 {
		fwd = 7
	}
	return t.AddDate(0, 0, fwd)
}

// weekendOf returns the Saturday of a weekend counted from t: offset 0 the
// last one begun on or before t, -1 the last one wholly before t, future
// or +1 the next one (this one, if t falls on a weekend and not +1).
func weekendOf(t time.Time, offset int, future bool) time.Time {
	sat := lastWeekday(t, 6, false)
	onWeekend := isoWeekday(t) >= 6
	switch {
	case offset < 0 && onWeekend:
		return sat.AddDate(0, 0, 7*offset)
	case offset < 0:
		return sat.AddDate(0, 0, 7*(offset+1))
	case offset > 0:
		return sat.AddDate(0, 0, 7*offset)
	case future && !onWeekend:
		return sat.AddDate(0, 0, 7)
	}
	return sat
}

// ago recognizes "two days ago", "a year ago", "hours ago" and, counted
// from an earlier expression, "two days later", "a week earlier".
func (s *scan) ago(j int, st *state) cand {
	k, n, approx, hasNum := j, 1, false, false
	if c, m, ok := s.r.numbers.match(s.words, k); ok {
		k, n, approx, hasNum = k+m, c.n, c.approx, true
	} else if v, ok := s.cardinal(s.words[k]); ok {
		k, n, hasNum = k+1, v, true
	}
	if k+1 >= len(s.words) {
		return cand{}
	}
	u, ok := s.r.units[s.words[k]]
	if !ok || (!hasNum && u.unit != hour) {
		return cand{}
	}
	dir, base := -1, s.pub
	switch s.words[k+1] {
	case "ago":
	case "later":
		dir = 1
		fallthrough
	case "earlier":
		a, ok := s.anchor(j, true, false)
		if !ok {
			return cand{}
		}
		base = a
	default:
		return cand{}
	}
	prec := u.unit.precision()
	val := truncate(u.unit.add(base, dir*n*u.n), prec)
	if !inRange(val) {
		return skipTo(k + 2)
	}
	return cand{end: k + 2, emit: true, val: val, prec: prec, head: k, rel: true, approx: approx || u.approx || !hasNum}
}

// cardinal reads a count written in digits ("3") or as hyphenated tens and
// ones ("twenty-five").
func (s *scan) cardinal(w string) (int, bool) {
	if n, ok := digits(w); ok && len(w) <= 4 {
		return n, true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		t, ok1 := s.r.numberWord(w[:i])
		o, ok2 := s.r.numberWord(w[i+1:])
		if ok1 && ok2 && t.n >= 20 && t.n <= 90 && t.n%10 == 0 && o.n >= 1 && o.n <= 9 {
			return t.n + o.n, true
		}
	}
	return 0, false
}

// digits reads an unsigned decimal of at most 9 digits.
func digits(w string) (int, bool) {
	if w == "" || len(w) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasParse(doc *nlp.Doc) bool {
	for i := range doc.Tokens {
		if doc.Tokens[i].Deprel != "" {
			return true
		}
	}
	return false
}

// numberWord returns the value of a one-word number of numbers.txt.
func (r *Resolver) numberWord(w string) (count, bool) {
	for _, e := range r.numbers.byFirst[w] {
		if len(e.words) == 1 {
			return e.val, true
		}
	}
	return count{}, false
}

// foldAll returns nlp.Fold of each token's form. Most forms are ASCII:
// those already folded are kept, and the others are lower-cased into one
// buffer, so that a document costs a few allocations, not one a
// capitalized word.
func foldAll(toks []nlp.Token) []string {
	low := make([]string, len(toks))
	var buf []byte
	var lowered []int // tokens lowered into buf, then their ends in it
	for i := range toks {
		f := toks[i].Form
		switch asciiFold(f) {
		case 0:
			low[i] = f
		case 1:
			for j := 0; j < len(f); j++ {
				switch c := f[j]; {
				case c == '\'' || c == '`':
				case 'A' <= c && c <= 'Z':
					buf = append(buf, c+'a'-'A')
				default:
					buf = append(buf, c)
				}
			}
			lowered = append(lowered, i, len(buf))
		default:
			low[i] = nlp.Fold(f)
		}
	}
	all, start := string(buf), 0
	for k := 0; k < len(lowered); k += 2 {
		low[lowered[k]], start = all[start:lowered[k+1]], lowered[k+1]
	}
	return low
}

// asciiFold says what folding form f takes: 0 nothing, 1 lower-casing
// ASCII letters and dropping apostrophes, 2 nlp.Fold (anything else).
func asciiFold(f string) int {
	kind := 0
	for i := 0; i < len(f); i++ {
		switch c := f[i]; {
		case c >= utf8.RuneSelf, c <= ' ':
			return 2
		case 'A' <= c && c <= 'Z', c == '\'', c == '`':
			kind = 1
		}
	}
	return kind
}

// mayStart reports whether an expression may begin with the folded word w:
// a number, or a word of some list, or a qualifier joined by a hyphen
// ("mid-July"). Most words are not, and cost one map lookup.
func (r *Resolver) mayStart(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' || r.starts[w] {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		return r.starts[w[:i]]
	}
	return false
}
