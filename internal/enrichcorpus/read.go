package enrichcorpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

// Read reads the corpus at path. Errors name path and the line.
func Read(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("enrichcorpus: %w", err)
	}
	defer f.Close()
	return Parse(f, path)
}

// Parse reads a corpus from r, which file names in errors. It returns the
// cases that parsed and, if any line was bad, a [linefile.List] with every
// problem found.
func Parse(r io.Reader, file string) ([]Case, error) {
	p := &parser{file: file, ids: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), linefile.MaxLine)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		p.line(n, line)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = linefile.ErrTooLong
		}
		p.errs.Add(file, n+1, "%v", err)
	}
	p.finish()
	return p.cases, p.errs.Err()
}

// The annotation keys, in the order the README documents them.
const (
	keyPlace = "place"
	keyTime  = "time"
	keyCount = "count"
	keyEvent = "event"
	keyQuote = "quote"
	keyNot   = "not"
)

type parser struct {
	file  string
	errs  linefile.List
	cases []Case
	ids   map[string]int // case id -> line of its header

	cur    *draft
	inText bool // the last line was text: or a continuation of it
}

// A draft is a case being read; its annotations are parsed when the case
// ends, once the whole text is known.
type draft struct {
	c        Case
	pubLine  int
	textLine int
	text     []string
	anns     []rawLine
}

type rawLine struct {
	n          int
	key, value string
}

func (p *parser) errorf(n int, format string, args ...any) {
	p.errs.Add(p.file, n, format, args...)
}

func (p *parser) line(n int, line string) {
	line = strings.TrimRight(line, " \t\r")
	switch {
	case line == "" || strings.HasPrefix(line, "#"):
		p.inText = false
		return
	case line[0] == ' ' || line[0] == '\t':
		if p.cur == nil || !p.inText {
			p.errorf(n, "indented line outside a text: only text: continues on indented lines")
			return
		}
		p.cur.text = append(p.cur.text, strings.TrimSpace(line))
		return
	case strings.HasPrefix(line, "=="):
		p.inText = false
		p.finish()
		p.header(n, strings.TrimSpace(line[2:]))
		return
	}
	p.inText = false
	key, value, ok := strings.Cut(line, ":")
	value = strings.TrimSpace(value)
	switch {
	case !ok:
		p.errorf(n, "want \"== id\" or \"key: value\", got %q", line)
		return
	case p.cur == nil:
		p.errorf(n, "%s: before the first case header \"== id\"", key)
		return
	case value == "":
		p.errorf(n, "%s: empty value", key)
		return
	}
	d := p.cur
	switch key {
	case "pub":
		if d.pubLine != 0 {
			p.errorf(n, "second pub: (first at line %d)", d.pubLine)
			return
		}
		d.pubLine = n
		t, err := time.Parse(time.DateOnly, value)
		if err != nil {
			p.errorf(n, "pub: bad date %q (want YYYY-MM-DD)", value)
			return
		}
		d.c.Pub = t
	case "text":
		if d.textLine != 0 {
			p.errorf(n, "second text: (first at line %d)", d.textLine)
			return
		}
		d.textLine = n
		d.text = []string{value}
		p.inText = true
	case keyPlace, keyTime, keyCount, keyEvent, keyQuote, keyNot:
		d.anns = append(d.anns, rawLine{n, key, value})
	default:
		p.errorf(n, "unknown key %q (want pub, text, place, time, count, event, quote or not)", key)
	}
}

func (p *parser) header(n int, id string) {
	p.cur = &draft{c: Case{ID: id, Line: n}}
	if !validID(id) {
		p.errorf(n, "bad case id %q (want lower-case letters and digits joined by hyphens)", id)
	}
	if first, dup := p.ids[id]; dup {
		p.errorf(n, "case id %q repeats the case at line %d", id, first)
	}
	p.ids[id] = n
}

func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for _, r := range id {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// finish parses the current draft's annotations against its text and adds
// the case.
func (p *parser) finish() {
	d := p.cur
	if d == nil {
		return
	}
	p.cur = nil
	ok := true
	if d.pubLine == 0 {
		p.errorf(d.c.Line, "case %s has no pub: line", d.c.ID)
		ok = false
	}
	if d.textLine == 0 {
		p.errorf(d.c.Line, "case %s has no text: line", d.c.ID)
		return
	}
	d.c.Text = strings.Join(d.text, " ")
	a := annotator{p: p, c: &d.c, from: map[string]int{}, none: map[string]int{}, some: map[string]int{}}
	for _, l := range d.anns {
		if !a.add(l) {
			ok = false
		}
	}
	if ok {
		p.cases = append(p.cases, d.c)
	}
}

// An annotator parses one case's annotation lines and finds their mentions
// in its text. Mentions of one field are found in order: each is searched
// from just after the start of the previous one, so that repeated names get
// successive occurrences.
type annotator struct {
	p    *parser
	c    *Case
	from map[string]int // field -> byte offset where its next search starts
	none map[string]int // key -> line of its "-"
	some map[string]int // key -> line of its first annotation
}

func (a *annotator) errorf(n int, format string, args ...any) bool {
	a.p.errorf(n, format, args...)
	return false
}

func (a *annotator) add(l rawLine) bool {
	if l.value == "-" && l.key != keyNot {
		if first, ok := a.some[l.key]; ok {
			return a.errorf(l.n, "%s: - after %s annotations (line %d)", l.key, l.key, first)
		}
		a.none[l.key] = l.n
		return true
	}
	if first, ok := a.none[l.key]; ok {
		return a.errorf(l.n, "%s: annotation after %s: - (line %d)", l.key, l.key, first)
	}
	if _, ok := a.some[l.key]; !ok {
		a.some[l.key] = l.n
	}
	var err error
	switch l.key {
	case keyPlace:
		err = a.place(l)
	case keyTime:
		err = a.time(l)
	case keyCount:
		err = a.count(l)
	case keyEvent:
		err = a.event(l)
	case keyQuote:
		err = a.quote(l)
	case keyNot:
		err = a.not(l)
	}
	if err != nil {
		return a.errorf(l.n, "%s: %v", l.key, err)
	}
	return true
}

// locate finds mention in the text for field, in order.
func (a *annotator) locate(field, mention string) (nlp.Span, error) {
	sp, ok := find(a.c.Text, mention, a.from[field])
	if !ok {
		if _, anywhere := find(a.c.Text, mention, 0); anywhere {
			return sp, fmt.Errorf("%q is not in the text after the previous %s (list mentions in text order)", mention, field)
		}
		return sp, fmt.Errorf("%q is not in the text", mention)
	}
	a.from[field] = sp.Start + 1
	return sp, nil
}

// find returns the first occurrence of s in text at or after from that is
// not part of a longer word.
func find(text, s string, from int) (nlp.Span, bool) {
	if s == "" {
		return nlp.Span{}, false
	}
	for from <= len(text) {
		i := strings.Index(text[from:], s)
		if i < 0 {
			break
		}
		start := from + i
		end := start + len(s)
		if boundary(text, start, end) {
			return nlp.Span{Start: start, End: end}, true
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		from = start + size
	}
	return nlp.Span{}, false
}

func boundary(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	first, _ := utf8.DecodeRuneInString(text[start:])
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return !(isWord(before) && isWord(first)) && !(isWord(last) && isWord(after))
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// place parses "MENTION => NAME | ISO3 | LAT LON | ID | PRECISION [| FLAGS]".
func (a *annotator) place(l rawLine) error {
	mention, rest, ok := cutArrow(l.value)
	if !ok {
		return errors.New(`want "mention => name | ISO3 | lat lon | geonameid | precision [| flags]"`)
	}
	f := splitBar(rest)
	if len(f) != 5 && len(f) != 6 {
		return fmt.Errorf("want 5 or 6 fields after =>, got %d", len(f))
	}
	pl := Place{Line: l.n, Mention: mention, Name: f[0], Country: f[1], Precision: PlacePrecision(f[4])}
	if pl.Name == "" {
		return errors.New("empty gold name")
	}
	if !isISO3(pl.Country) {
		return fmt.Errorf("bad ISO3 country %q", pl.Country)
	}
	var err error
	if pl.Lat, pl.Lon, err = parseLatLon(f[2]); err != nil {
		return err
	}
	if f[3] != "-" {
		id, err := strconv.Atoi(f[3])
		if err != nil || id <= 0 {
			return fmt.Errorf("bad GeoNames id %q (want a positive number or -)", f[3])
		}
		pl.GeoNameID = id
	}
	if !pl.Precision.Valid() {
		return fmt.Errorf("bad precision %q (want country, region, city or subcity)", f[4])
	}
	if len(f) == 6 {
		seen := map[string]bool{}
		for _, flag := range strings.Fields(f[5]) {
			if seen[flag] {
				return fmt.Errorf("flag %q twice", flag)
			}
			seen[flag] = true
			switch flag {
			case "actor":
				pl.Actor = true
			case "derived":
				pl.Derived = true
			default:
				return fmt.Errorf("unknown flag %q (want actor or derived)", flag)
			}
		}
		if len(seen) == 0 {
			return errors.New("empty flags field")
		}
	}
	if pl.Derived != (pl.GeoNameID == 0) {
		return errors.New("a place has a GeoNames id or is derived, not both or neither")
	}
	if pl.Span, err = a.locate(keyPlace, mention); err != nil {
		return err
	}
	a.c.Places = append(a.c.Places, pl)
	return nil
}

func parseLatLon(s string) (lat, lon float64, err error) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return 0, 0, fmt.Errorf("want \"lat lon\", got %q", s)
	}
	lat, err1 := strconv.ParseFloat(f[0], 64)
	lon, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("bad coordinates %q", s)
	}
	return lat, lon, nil
}

func isISO3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range 3 {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// time parses "MENTION => YYYY-MM-DD PRECISION".
func (a *annotator) time(l rawLine) error {
	mention, rest, ok := cutArrow(l.value)
	if !ok {
		return errors.New(`want "mention => YYYY-MM-DD precision"`)
	}
	t := Time{Line: l.n, Mention: mention}
	var err error
	if t.Value, t.Precision, err = parseDate(rest); err != nil {
		return err
	}
	if t.Precision == None {
		return errors.New("a time expression has a precision: day, week, month or year")
	}
	if t.Span, err = a.locate(keyTime, mention); err != nil {
		return err
	}
	a.c.Times = append(a.c.Times, t)
	return nil
}

// parseDate parses "YYYY-MM-DD PRECISION" and checks that the date is
// truncated to the precision.
func parseDate(s string) (time.Time, TimePrecision, error) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return time.Time{}, "", fmt.Errorf("want \"YYYY-MM-DD precision\", got %q", s)
	}
	d, err := time.Parse(time.DateOnly, f[0])
	if err != nil {
		return time.Time{}, "", fmt.Errorf("bad date %q", f[0])
	}
	p := TimePrecision(f[1])
	switch p {
	case Week:
		if d.Weekday() != time.Monday {
			return d, p, fmt.Errorf("a week is given by its Monday; %s is a %s", f[0], d.Weekday())
		}
	case Month:
		if d.Day() != 1 {
			return d, p, fmt.Errorf("a month is given by its first day, not %s", f[0])
		}
	case Year:
		if d.Day() != 1 || d.Month() != time.January {
			return d, p, fmt.Errorf("a year is given by January 1, not %s", f[0])
		}
	case Day, None:
	default:
		return d, p, fmt.Errorf("bad precision %q (want day, week, month, year or none)", f[1])
	}
	return d, p, nil
}

// count parses "TYPE NUMBER [QUALIFIER] | OBJECT".
func (a *annotator) count(l rawLine) error {
	left, object, ok := strings.Cut(l.value, "|")
	if !ok {
		return errors.New(`want "type number [qualifier] | object"`)
	}
	f := strings.Fields(left)
	if len(f) < 2 {
		return errors.New(`want "type number [qualifier] | object"`)
	}
	c := Count{Line: l.n, Type: CountType(f[0]), Qualifier: Qualifier(strings.Join(f[2:], " "))}
	if !c.Type.Valid() {
		return fmt.Errorf("bad count type %q (want killed, wounded, displaced, refugees, arrested, abducted or missing)", f[0])
	}
	n, err := strconv.Atoi(f[1])
	if err != nil || n <= 0 || f[1][0] == '+' {
		return fmt.Errorf("bad number %q (want a positive number in digits, no commas)", f[1])
	}
	c.Number = n
	if !c.Qualifier.Valid() {
		return fmt.Errorf("bad qualifier %q (want at least, more than, nearly, about, up to or vague)", c.Qualifier)
	}
	if object = strings.TrimSpace(object); object != "-" {
		c.Object = object
		if c.Span, err = a.locate(keyCount, object); err != nil {
			return err
		}
	}
	a.c.Counts = append(a.c.Counts, c)
	return nil
}

// event parses "VERB @ LOCATION ; YYYY-MM-DD PRECISION".
func (a *annotator) event(l rawLine) error {
	head, date, ok := strings.Cut(l.value, ";")
	verb, loc, ok2 := strings.Cut(head, "@")
	if !ok || !ok2 {
		return errors.New(`want "verb @ location ; YYYY-MM-DD precision"`)
	}
	e := Event{Line: l.n, Verb: strings.TrimSpace(verb), Place: -1}
	var err error
	if e.Date, e.Precision, err = parseDate(date); err != nil {
		return err
	}
	if e.Precision == None && !e.Date.Equal(a.c.Pub) {
		return fmt.Errorf("an event with no date in the text has the publication date %s", a.c.Pub.Format(time.DateOnly))
	}
	if loc = strings.TrimSpace(loc); loc != "-" {
		e.Location = loc
		for i, pl := range a.c.Places {
			if pl.Mention == loc {
				e.Place = i
				break
			}
		}
		if e.Place < 0 {
			return fmt.Errorf("location %q is no place mention of the case (list places first)", loc)
		}
	}
	if e.Span, err = a.locate(keyEvent, e.Verb); err != nil {
		return err
	}
	a.c.Events = append(a.c.Events, e)
	return nil
}

// quote parses "FIRST WORDS => SPEAKER | CODE".
func (a *annotator) quote(l rawLine) error {
	start, rest, ok := cutArrow(l.value)
	speaker, code, ok2 := strings.Cut(rest, "|")
	if !ok || !ok2 {
		return errors.New(`want "first words => speaker | code"`)
	}
	q := Quote{Line: l.n, Start: start, Speaker: strings.TrimSpace(speaker)}
	if code = strings.TrimSpace(code); code != "-" {
		if !isCode(code) {
			return fmt.Errorf("bad actor code %q (want CAMEO segments of three capitals, or -)", code)
		}
		q.Code = code
	}
	if q.Speaker == "" {
		return errors.New("empty speaker")
	}
	var err error
	if q.Span, err = a.locate(keyQuote, start); err != nil {
		return err
	}
	var found bool
	if q.SpeakerSpan, found = nearest(a.c.Text, q.Speaker, q.Span); !found {
		return fmt.Errorf("speaker %q is not in the text", q.Speaker)
	}
	a.c.Quotes = append(a.c.Quotes, q)
	return nil
}

// nearest returns the occurrence of s closest to sp, the earlier on a tie.
func nearest(text, s string, sp nlp.Span) (nlp.Span, bool) {
	var best nlp.Span
	bestGap := -1
	for from := 0; ; {
		occ, ok := find(text, s, from)
		if !ok {
			break
		}
		gap := 0
		switch {
		case occ.End <= sp.Start:
			gap = sp.Start - occ.End
		case occ.Start >= sp.End:
			gap = occ.Start - sp.End
		}
		if bestGap < 0 || gap < bestGap {
			best, bestGap = occ, gap
		}
		from = occ.Start + 1
	}
	return best, bestGap >= 0
}

func isCode(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 {
		return false
	}
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// not parses "KIND | MENTION".
func (a *annotator) not(l rawLine) error {
	kind, mention, ok := strings.Cut(l.value, "|")
	kind, mention = strings.TrimSpace(kind), strings.TrimSpace(mention)
	if !ok || mention == "" {
		return errors.New(`want "kind | mention"`)
	}
	switch kind {
	case keyPlace, keyTime, keyCount, keyEvent, keyQuote:
	default:
		return fmt.Errorf("bad kind %q (want place, time, count, event or quote)", kind)
	}
	sp, err := a.locate(keyNot, mention)
	if err != nil {
		return err
	}
	a.c.Nots = append(a.c.Nots, Not{Line: l.n, Kind: kind, Mention: mention, Span: sp})
	return nil
}

// cutArrow splits "left => right", both trimmed and non-empty.
func cutArrow(s string) (left, right string, ok bool) {
	left, right, ok = strings.Cut(s, "=>")
	left, right = strings.TrimSpace(left), strings.TrimSpace(right)
	return left, right, ok && left != "" && right != ""
}

func splitBar(s string) []string {
	f := strings.Split(s, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}
