package actor

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"sitrep/internal/linefile"
)

// ConvertPetrarch converts a PETRARCH (or TABARI) actor or agent dictionary,
// read from r and named file in errors, to sitrep's format and writes it to
// w: a header comment, then one entry a line. See ParsePetrarch for what is
// converted and how. Lines that cannot be converted are reported, every one
// of them, as a [linefile.List]; the rest is still written.
func ConvertPetrarch(r io.Reader, file string, w io.Writer) error {
	entries, convErr := ParsePetrarch(r, file)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Converted from the PETRARCH dictionary %s by sitrep's actor.ConvertPetrarch.\n", file)
	fmt.Fprintf(bw, "# Format: see the actor package documentation. %d entries.\n\n", len(entries))
	for _, e := range entries {
		bw.WriteString(e.String())
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("actor: convert %s: %w", file, err)
	}
	return convErr
}

// ParsePetrarch reads a PETRARCH/TABARI actor or agent dictionary and returns
// its entries in sitrep's form, with File and Line pointing at each entry's
// first line in the PETRARCH file. It understands:
//
//   - actor records: a primary phrase with optional codes ("SYRIA_ [SYR]"),
//     "+" synonym lines, and code lines ("\t[SYRGOV >000717]") whose date
//     restrictions become periods: "<D" ends on D, ">D" starts on D,
//     "D1-D2" runs from D1 to D2, all inclusive as in PETRARCH; YYMMDD
//     years up to 30 are 20YY, later ones 19YY, as in KEDS and TABARI.
//     Consecutive primary phrases without codes share the codes that
//     follow them (Phoenix writes groups that way; PETRARCH itself would
//     leave all but the last uncoded);
//   - agent records: "PHRASE {PLURALS} [~CODE]" or "[CODE~]", with regular
//     English plurals made for the last word unless "{}" or an explicit
//     plural is given, and "!SET!" substitution sets ("!PERSON! = MAN,
//     MEN") expanded without plurals; words that PETRARCH allows to be
//     apart (a space instead of "_") are taken as consecutive;
//   - comments after '#' (kept as the entry's comment), XML-style
//     "<!-- -->" comments (dropped), and lines that are not valid UTF-8
//     (read as Windows-1252).
//
// Phrases are written as ordinary text: underscores become spaces and
// actor names are capitalized ("BASHAR_AL_ASSAD_" → "Bashar al Assad",
// "UN_" → "UN"); agent phrases are lower case. Codes are upper-cased. The
// null code "---" is kept (see NullCode).
//
// Dropped, each reported at its file:line: codes that are not letters and
// digits in groups of three ("ELR/GAL", "+++"), bad dates, periods that end
// before they start, undated codes after the first, records without any
// code, and synonym or code lines outside a record.
func ParsePetrarch(r io.Reader, file string) ([]*Entry, error) {
	p := &petrarchParser{file: file, sets: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), linefile.MaxLine)
	for sc.Scan() {
		p.line++
		p.handle(decodeLine(sc.Bytes()))
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = linefile.ErrTooLong
		}
		p.errs.Add(file, p.line+1, "%v", err)
	}
	p.flush()
	return p.out, p.errs.Err()
}

// decodeLine returns b as UTF-8, reading it as Windows-1252 when it is not
// valid UTF-8 (older TABARI files mix the two).
func decodeLine(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(s)
}

type petrarchParser struct {
	file string
	line int
	errs linefile.List
	out  []*Entry
	sets map[string][]string

	inXML bool
	// The actor record being read: its names, codes and comments.
	cur      *Entry
	curCoded bool // a code line or inline code has been seen
	curBlank bool // a blank line came after the record's last line
}

func (p *petrarchParser) handle(raw string) {
	text := raw
	// XML-style comments, possibly over several lines.
	for {
		if p.inXML {
			i := strings.Index(text, "-->")
			if i < 0 {
				return
			}
			text = text[i+3:]
			p.inXML = false
			continue
		}
		i := strings.Index(text, "<!")
		if i < 0 {
			break
		}
		j := strings.Index(text[i:], "-->")
		if j < 0 {
			text = text[:i]
			p.inXML = true
			break
		}
		text = text[:i] + text[i+j+3:]
	}
	body, comment, _ := strings.Cut(text, "#")
	comment = strings.TrimSpace(comment)
	if i := strings.Index(body, " ;"); i >= 0 { // TABARI comments
		comment = strings.TrimSpace(strings.TrimSpace(body[i+2:]) + " " + comment)
		body = body[:i]
	}
	t := strings.TrimSpace(body)
	if t == "" {
		if strings.TrimSpace(text) == "" && strings.TrimSpace(raw) == "" {
			p.curBlank = true
		}
		return
	}
	switch {
	case t[0] == '!' && strings.Contains(t, "="):
		p.substitutionSet(t)
	case t[0] == '[':
		p.codeLine(t, comment)
	case t[0] == '+':
		if p.cur == nil {
			p.errs.Add(p.file, p.line, "synonym %q outside an actor record", t)
			return
		}
		if name, ok := p.actorName(t[1:]); ok {
			p.cur.Names = append(p.cur.Names, name)
		}
		p.addComment(p.cur, comment)
		p.curBlank = false
	default:
		p.primary(t, comment)
	}
}

// codeRE finds the bracketed codes of a line; TABARI files sometimes close
// one with '}' by mistake.
var codeRE = regexp.MustCompile(`\[([^\]\}]*)[\]\}]`)

func (p *petrarchParser) codeLine(t, comment string) {
	if p.cur == nil {
		p.errs.Add(p.file, p.line, "code line %q outside an actor record", t)
		return
	}
	for _, m := range codeRE.FindAllStringSubmatch(t, -1) {
		p.addCoding(p.cur, m[1])
	}
	p.curCoded = true
	p.curBlank = false
	p.addComment(p.cur, comment)
}

func (p *petrarchParser) primary(t, comment string) {
	codes := codeRE.FindAllStringSubmatch(t, -1)
	agent := false
	for _, m := range codes {
		if strings.Contains(m[1], "~") {
			agent = true
		}
	}
	if agent {
		p.flush()
		p.agent(t, comment)
		return
	}
	phrase := t
	if i := strings.IndexByte(phrase, '['); i >= 0 {
		phrase = phrase[:i]
	}
	// Consecutive primaries without codes form one record with the next
	// one; anything else closes the record being read.
	if p.cur != nil && (p.curCoded || p.curBlank || len(codes) > 0) {
		p.flush()
	}
	if p.cur == nil {
		p.cur = &Entry{File: p.file, Line: p.line}
	}
	if name, ok := p.actorName(phrase); ok {
		p.cur.Names = append(p.cur.Names, name)
	}
	for _, m := range codes {
		p.addCoding(p.cur, m[1])
		p.curCoded = true
	}
	p.addComment(p.cur, comment)
}

// flush ends the actor record being read.
func (p *petrarchParser) flush() {
	e := p.cur
	p.cur, p.curCoded, p.curBlank = nil, false, false
	if e == nil {
		return
	}
	if len(e.Names) == 0 {
		return // its phrases were reported
	}
	if len(e.Codings) == 0 {
		p.errs.Add(p.file, e.Line, "actor %q has no code", e.Names[0])
		return
	}
	e.Names = dedupe(e.Names)
	p.out = append(p.out, e)
}

func (p *petrarchParser) addComment(e *Entry, c string) {
	if c == "" || strings.Contains(e.Comment, c) {
		return
	}
	if e.Comment != "" {
		e.Comment += "; "
	}
	e.Comment += c
}

// addCoding converts one bracketed code with its date restriction.
func (p *petrarchParser) addCoding(e *Entry, s string) {
	f := strings.Fields(s)
	if len(f) == 0 {
		p.errs.Add(p.file, p.line, "empty code []")
		return
	}
	c := Coding{Code: strings.ToUpper(f[0])}
	if err := checkSyntax(c.Code); err != nil {
		p.errs.Add(p.file, p.line, "unsupported code %q: want letters or digits in groups of three, or ---", f[0])
		return
	}
	restr := strings.Join(f[1:], "")
	switch {
	case restr == "":
	case restr[0] == '<':
		d, err := petrarchDate(restr[1:])
		if err != nil {
			p.errs.Add(p.file, p.line, "%v", err)
			return
		}
		c.To = d
	case restr[0] == '>':
		d, err := petrarchDate(restr[1:])
		if err != nil {
			p.errs.Add(p.file, p.line, "%v", err)
			return
		}
		c.From = d
	default:
		from, to, ok := strings.Cut(restr, "-")
		if !ok {
			p.errs.Add(p.file, p.line, "bad date restriction %q: want <DATE, >DATE or DATE-DATE", restr)
			return
		}
		var err error
		if c.From, err = petrarchDate(from); err == nil {
			c.To, err = petrarchDate(to)
		}
		if err != nil {
			p.errs.Add(p.file, p.line, "%v", err)
			return
		}
		if c.To < c.From {
			p.errs.Add(p.file, p.line, "date restriction %q ends before it starts", restr)
			return
		}
	}
	if c.Default() {
		for _, old := range e.Codings {
			if old.Default() {
				p.errs.Add(p.file, p.line, "second undated code %s dropped: %s already applies when no period does", c.Code, old.Code)
				return
			}
		}
	}
	e.Codings = append(e.Codings, c)
}

// petrarchDate reads YYMMDD or YYYYMMDD.
func petrarchDate(s string) (Date, error) {
	bad := fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD", s)
	if len(s) != 6 && len(s) != 8 {
		return 0, bad
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, bad
	}
	if len(s) == 6 {
		if n/10000 <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	y, m, d := n/10000, n/100%100, n%100
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("bad date %q: no such day", s)
	}
	return Date(n), nil
}

// actorName turns a PETRARCH phrase into a name.
func (p *petrarchParser) actorName(phrase string) (string, bool) {
	words := phraseWords(phrase)
	if len(words) == 0 {
		p.errs.Add(p.file, p.line, "empty phrase")
		return "", false
	}
	for i, w := range words {
		words[i] = capitalize(w)
	}
	name := strings.Join(words, " ")
	if strings.Contains(name, "|") || strings.Contains(name, "=>") {
		p.errs.Add(p.file, p.line, "phrase %q has \"|\" or \"=>\", which names cannot have", phrase)
		return "", false
	}
	return name, true
}

// phraseWords splits a PETRARCH phrase at underscores and spaces.
func phraseWords(phrase string) []string {
	return strings.FieldsFunc(phrase, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
}

// particles are written in lower case: they carry no capital in the text
// ("al-Assad", "Secretary General of the UN") and so must not require one.
var particles = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "ash": true, "at": true, "az": true,
	"ar": true, "an": true, "ul": true, "bin": true, "ibn": true, "bint": true, "ben": true,
	"de": true, "del": true, "della": true, "der": true, "di": true, "du": true, "da": true,
	"dos": true, "das": true, "do": true, "le": true, "la": true, "les": true, "van": true, "von": true,
	"y": true, "e": true, "of": true, "the": true, "and": true, "for": true, "in": true,
	"on": true, "to": true, "et": true, "und": true, "wa": true, "wal": true, "fi": true,
	"li": true, "a": true, "des": true, "dei": true, "den": true, "het": true,
}

// acronyms are the two-letter words written in capitals; other short words
// are name parts ("Xi", "Li").
var acronyms = map[string]bool{"un": true, "us": true, "eu": true, "au": true, "uk": true, "dr": true, "mp": true, "is": true, "pm": true}

// capitalize writes one upper-case PETRARCH word the way news text does:
// particles in lower case, short or vowelless words as acronyms ("UN",
// "FSB"), words with digits or periods as they are ("U.N.", "G77"), the
// rest capitalized, hyphenated parts each on their own ("al-Assad",
// "Ki-Moon").
func capitalize(w string) string {
	if strings.ContainsAny(w, "-‐‑") {
		parts := strings.FieldsFunc(w, isDash)
		if len(parts) > 1 && !strings.HasPrefix(w, "-") && !strings.HasSuffix(w, "-") {
			out := make([]string, len(parts))
			for i, part := range parts {
				out[i] = capitalize(part)
			}
			return strings.Join(out, "-")
		}
	}
	lw := strings.ToLower(w)
	if particles[lw] {
		return lw
	}
	letters, vowels := 0, 0
	for _, r := range lw {
		switch {
		case unicode.IsDigit(r) || r == '.':
			return w
		case unicode.IsLetter(r):
			letters++
			if strings.ContainsRune("aeiouyàáâäãåèéêëìíîïòóôöõùúûüý", r) {
				vowels++
			}
		}
	}
	if acronyms[lw] || vowels == 0 || letters == 1 {
		return strings.ToUpper(w)
	}
	// Capitalize the first letter, after any opening punctuation.
	for i, r := range lw {
		if unicode.IsLetter(r) {
			return lw[:i] + string(unicode.ToTitle(r)) + lw[i+utf8.RuneLen(r):]
		}
	}
	return lw
}

// substitutionSet reads "!NAME! = A, B, C".
func (p *petrarchParser) substitutionSet(t string) {
	name, list, _ := strings.Cut(t, "=")
	name = strings.TrimSpace(name)
	if len(name) < 3 || !strings.HasPrefix(name, "!") || !strings.HasSuffix(name, "!") {
		p.errs.Add(p.file, p.line, "bad substitution set %q: want !NAME! = A, B", t)
		return
	}
	var items []string
	for _, it := range strings.Split(list, ",") {
		if it = strings.Join(strings.Fields(it), ""); it != "" {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		p.errs.Add(p.file, p.line, "substitution set %s is empty", name)
		return
	}
	p.sets[name] = items
}

var (
	pluralRE = regexp.MustCompile(`\{([^}]*)\}`)
	markerRE = regexp.MustCompile(`![A-Za-z]+!`)
)

// agent converts one agent line.
func (p *petrarchParser) agent(t, comment string) {
	var code string
	for _, m := range codeRE.FindAllStringSubmatch(t, -1) {
		if strings.Contains(m[1], "~") {
			if code != "" {
				p.errs.Add(p.file, p.line, "agent has more than one code; kept %s", code)
				break
			}
			code = strings.ToUpper(strings.Join(strings.Fields(m[1]), ""))
		}
	}
	body, ok := agentBody(code)
	if !ok || body != "" && (checkSyntax(body) != nil || body == NullCode) {
		p.errs.Add(p.file, p.line, "unsupported agent code %q: want ~CODE or CODE~", code)
		return
	}
	phrase := t[:strings.IndexByte(t, '[')]
	var plurals []string
	explicit := false
	if m := pluralRE.FindStringSubmatch(phrase); m != nil {
		explicit = true
		for _, pl := range strings.Fields(m[1]) {
			plurals = append(plurals, pl)
		}
		phrase = phrase[:strings.IndexByte(phrase, '{')]
	}
	forms := []string{phrase}
	substituted := false
	for {
		marker := markerRE.FindString(forms[0])
		if marker == "" {
			break
		}
		items, ok := p.sets[marker]
		if !ok {
			p.errs.Add(p.file, p.line, "unknown substitution set %s", marker)
			return
		}
		substituted = true
		var next []string
		for _, f := range forms {
			for _, it := range items {
				next = append(next, strings.Replace(f, marker, it, 1))
			}
		}
		forms = next
	}
	e := &Entry{File: p.file, Line: p.line, Codings: []Coding{{Code: code}}, Comment: comment}
	for _, f := range forms {
		words := phraseWords(f)
		if len(words) == 0 {
			p.errs.Add(p.file, p.line, "empty agent phrase")
			return
		}
		e.Names = append(e.Names, strings.ToLower(strings.Join(words, " ")))
		if !explicit && !substituted {
			words[len(words)-1] = plural(words[len(words)-1])
			e.Names = append(e.Names, strings.ToLower(strings.Join(words, " ")))
		}
	}
	for _, pl := range plurals {
		if words := phraseWords(pl); len(words) > 0 {
			e.Names = append(e.Names, strings.ToLower(strings.Join(words, " ")))
		}
	}
	e.Names = dedupe(e.Names)
	p.out = append(p.out, e)
}

// plural makes the regular English plural of an upper- or lower-case noun;
// a word that already ends in a plural "s" is returned as it is.
func plural(w string) string {
	lw := strings.ToLower(w)
	up := w != lw
	suffix := func(s string) string {
		if up {
			return strings.ToUpper(s)
		}
		return s
	}
	switch {
	case strings.HasSuffix(lw, "man") && len(lw) > 3 && !noMen[lw]:
		return w[:len(w)-2] + suffix("en")
	case strings.HasSuffix(lw, "y") && len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		return w[:len(w)-1] + suffix("ies")
	case strings.HasSuffix(lw, "ss"), strings.HasSuffix(lw, "us"), strings.HasSuffix(lw, "is"),
		strings.HasSuffix(lw, "x"), strings.HasSuffix(lw, "z"),
		strings.HasSuffix(lw, "ch"), strings.HasSuffix(lw, "sh"):
		return w + suffix("es")
	case strings.HasSuffix(lw, "s"):
		return w // already plural: "forces", "troops"
	}
	return w + suffix("s")
}

// noMen are words in -man whose plural is -mans.
var noMen = map[string]bool{"human": true, "german": true, "roman": true, "shaman": true, "ottoman": true, "talisman": true, "caiman": true}

// dedupe drops repeated names, keeping the first of each.
func dedupe(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		k := strings.ToLower(n)
		if !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}
