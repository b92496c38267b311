package actor

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/linefile"
)

// A Date is a calendar day written as the number YYYYMMDD (20000717), so
// that dates compare as numbers. The zero Date is no date: an open end of a
// period, or "any day" in Resolve.
type Date int32

// DateOf returns the day of t in t's location; the zero time gives 0.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD. A date without its day or
// month stands for its first day when it starts a period (end false) and
// its last day when it ends one.
func parseDate(s string, end bool) (Date, error) {
	bad := func() (Date, error) {
		return 0, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	parts := 0
	for p := range strings.SplitSeq(s, "-") {
		if parts == 3 || parts == 0 && len(p) != 4 || parts > 0 && len(p) != 2 {
			return bad()
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || p[0] == '+' {
			return bad()
		}
		n[parts] = v
		parts++
	}
	y, m, d := n[0], n[1], n[2]
	switch parts {
	case 1:
		m, d = 1, 1
		if end {
			m, d = 12, 31
		}
	case 2:
		d = 1
		if end && m >= 1 && m <= 12 {
			d = daysIn(y, m)
		}
	}
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, fmt.Errorf("bad date %q: no such day", s)
	}
	return Date(y*10000 + m*100 + d), nil
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// A Coding is one code of an entry and the days it applies on, From to To
// inclusive. A zero From or To leaves that end open; a Coding with both
// zero is the entry's default, used on days no other coding covers.
//
// Actor codes are CAMEO codes ("SYRGOV", "IGOUNO") or NullCode ("---").
// Agent codes carry a tilde: "~REB" adds REB after the actor's code,
// "NGO~" puts NGO before it, and "~" alone adds nothing (a spokesman
// stands for whoever he speaks for).
type Coding struct {
	Code     string
	From, To Date
}

// Default reports whether c applies on any day no other coding covers.
func (c Coding) Default() bool { return c.From == 0 && c.To == 0 }

// Covers reports whether c's period, which must not be the default one,
// includes day d.
func (c Coding) Covers(d Date) bool {
	return (c.From == 0 || d >= c.From) && (c.To == 0 || d <= c.To)
}

// String formats c the way entries write it: "SYRGOV 2000-07-17..".
func (c Coding) String() string {
	if c.Default() {
		return c.Code
	}
	return c.Code + " " + c.From.String() + ".." + c.To.String()
}

// An Entry is one line of an actor or agent dictionary: names that mean
// the same actor, and its codes.
type Entry struct {
	// Names as written, the main one first.
	Names []string
	// Codings in the order written. An agent entry has exactly one,
	// undated, whose Code has a tilde.
	Codings []Coding
	// Comment is the text after '#' (ReadEntries leaves it empty; the
	// Phoenix converter fills it).
	Comment string
	// File and Line locate the entry's line.
	File string
	Line int
}

// Agent reports whether e is an agent (a role noun such as "rebels") rather
// than an actor.
func (e *Entry) Agent() bool {
	return len(e.Codings) == 1 && strings.Contains(e.Codings[0].Code, "~")
}

// CodeOn returns e's code on day d: the first dated coding that covers d,
// else the default coding. When d is 0 (no date) it is the default coding,
// else the coding whose period starts last. ok is false when no coding
// applies.
func (e *Entry) CodeOn(d Date) (code string, ok bool) {
	def := -1
	for i, c := range e.Codings {
		if c.Default() {
			if def < 0 {
				def = i
			}
			continue
		}
		if d != 0 && c.Covers(d) {
			return c.Code, true
		}
	}
	if def >= 0 {
		return e.Codings[def].Code, true
	}
	if d == 0 && len(e.Codings) > 0 {
		best := e.Codings[0]
		for _, c := range e.Codings[1:] {
			if c.From > best.From {
				best = c
			}
		}
		return best.Code, true
	}
	return "", false
}

// String formats e as a dictionary line.
func (e *Entry) String() string {
	var b strings.Builder
	for i, n := range e.Names {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(strings.ReplaceAll(n, "#", `\#`))
	}
	b.WriteString(" => ")
	for i, c := range e.Codings {
		if i > 0 {
			b.WriteString(" ; ")
		}
		b.WriteString(c.String())
	}
	if e.Comment != "" {
		b.WriteString("  # ")
		b.WriteString(e.Comment)
	}
	return b.String()
}

// ReadEntries reads a dictionary file and checks each line's syntax: names,
// code shapes, dates and periods. It does not check codes against the code
// tables or names against other files; Load does. Every bad line is
// reported, as a [linefile.List], and the good lines are returned.
func ReadEntries(r io.Reader, file string) ([]*Entry, error) {
	var (
		out  []*Entry
		errs linefile.List
	)
	sc := linefile.NewScanner(r, file)
	for sc.Scan() {
		e, err := parseEntry(sc.Text())
		if err != nil {
			errs.Add(file, sc.Line(), "%v", err)
			continue
		}
		e.File, e.Line = file, sc.Line()
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		var le *linefile.Error
		if errors.As(err, &le) {
			errs = append(errs, le)
		}
	}
	return out, errs.Err()
}

// parseEntry parses a line with its comment already removed.
func parseEntry(line string) (*Entry, error) {
	lhs, rhs, ok := strings.Cut(line, "=>")
	if !ok {
		return nil, errors.New(`missing "=>" between the names and the codes`)
	}
	e := &Entry{}
	for _, n := range strings.Split(lhs, "|") {
		n = strings.Join(strings.Fields(n), " ")
		if n == "" {
			return nil, errors.New("empty name")
		}
		if strings.Contains(n, "=>") {
			return nil, fmt.Errorf("name %q contains \"=>\"", n)
		}
		e.Names = append(e.Names, n)
	}
	rhs = strings.TrimSpace(rhs)
	if rhs == "" {
		return nil, errors.New("no code after \"=>\"")
	}
	def := false
	for _, part := range strings.Split(rhs, ";") {
		c, err := parseCoding(strings.TrimSpace(part))
		if err != nil {
			return nil, err
		}
		if c.Default() {
			if def {
				return nil, fmt.Errorf("more than one undated code (%s); only the first could ever apply", c.Code)
			}
			def = true
		}
		e.Codings = append(e.Codings, c)
	}
	agents := 0
	for _, c := range e.Codings {
		if strings.Contains(c.Code, "~") {
			agents++
			if !c.Default() {
				return nil, fmt.Errorf("agent code %q cannot have a period", c.Code)
			}
		}
	}
	if agents > 0 && len(e.Codings) > 1 {
		return nil, errors.New("an agent entry has exactly one code")
	}
	return e, nil
}

// parseCoding parses "CODE", "CODE FROM..TO", "CODE FROM.." or "CODE ..TO".
func parseCoding(s string) (Coding, error) {
	f := strings.Fields(s)
	switch len(f) {
	case 0:
		return Coding{}, errors.New("empty code")
	case 1, 2:
	default:
		return Coding{}, fmt.Errorf("bad code %q: want CODE or CODE FROM..TO", s)
	}
	c := Coding{Code: f[0]}
	if strings.Contains(c.Code, "~") {
		if _, ok := agentBody(c.Code); !ok {
			return Coding{}, fmt.Errorf("bad agent code %q: want ~CODE, CODE~ or ~", c.Code)
		}
		if body, _ := agentBody(c.Code); body != "" {
			if err := checkSyntax(body); err != nil || body == NullCode {
				return Coding{}, fmt.Errorf("bad agent code %q: want upper-case letters or digits in groups of three after or before ~", c.Code)
			}
		}
	} else if err := checkSyntax(c.Code); err != nil {
		return Coding{}, err
	}
	if len(f) == 1 {
		return c, nil
	}
	from, to, ok := strings.Cut(f[1], "..")
	if !ok || from == "" && to == "" {
		return Coding{}, fmt.Errorf("bad period %q: want FROM..TO, FROM.. or ..TO", f[1])
	}
	var err error
	if from != "" {
		if c.From, err = parseDate(from, false); err != nil {
			return Coding{}, err
		}
	}
	if to != "" {
		if c.To, err = parseDate(to, true); err != nil {
			return Coding{}, err
		}
	}
	if c.From != 0 && c.To != 0 && c.To < c.From {
		return Coding{}, fmt.Errorf("period %s ends before it starts", f[1])
	}
	return c, nil
}
