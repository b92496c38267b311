package event

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

// A Quad is GDELT's quad class, the four-way split of CAMEO event codes into
// verbal and material cooperation and conflict. The zero Quad means none.
type Quad int

const (
	VerbalCooperation   Quad = 1 // CAMEO roots 01–05
	MaterialCooperation Quad = 2 // roots 06–09
	VerbalConflict      Quad = 3 // roots 10–14
	MaterialConflict    Quad = 4 // roots 15–20
)

var quadNames = [...]string{"", "Verbal Cooperation", "Material Cooperation", "Verbal Conflict", "Material Conflict"}

// String returns GDELT's name for q ("Verbal Conflict"), or "Quad(n)" for a
// value outside 1–4.
func (q Quad) String() string {
	if q >= VerbalCooperation && q <= MaterialConflict {
		return quadNames[q]
	}
	return "Quad(" + strconv.Itoa(int(q)) + ")"
}

// QuadClass returns the quad class GDELT assigns to a CAMEO code by its
// two-digit root: "19" and "193" are MaterialConflict. It returns 0 for a
// string that does not start with a root from 01 to 20.
func QuadClass(code string) Quad {
	if len(code) < 2 || !isDigit(code[0]) || !isDigit(code[1]) {
		return 0
	}
	switch root := int(code[0]-'0')*10 + int(code[1]-'0'); {
	case root >= 1 && root <= 5:
		return VerbalCooperation
	case root >= 6 && root <= 9:
		return MaterialCooperation
	case root >= 10 && root <= 14:
		return VerbalConflict
	case root >= 15 && root <= 20:
		return MaterialConflict
	}
	return 0
}

// ploverTypes are the 16 event types of PLOVER's current manual (Draft 0.8,
// September 2021), in the manual's order.
var ploverTypes = [...]string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

// PloverTypes returns the 16 event types of the current PLOVER manual,
// AGREE to ASSAULT in the manual's order: the only values Code.Plover may
// take besides "".
func PloverTypes() []string { return slices.Clone(ploverTypes[:]) }

func isPloverType(s string) bool { return slices.Contains(ploverTypes[:], s) }

// A Code is one CAMEO event code and what the ontology knows about it.
type Code struct {
	// Code is the CAMEO code, two to four digits: "19" (a root), "190",
	// "1823". Leading zeros matter, so codes are never numbers.
	Code string
	// Root is the code's first two digits, its CAMEO category ("19").
	Root string
	// Description is the CAMEO description. Roots are in upper case, as in
	// CAMEO ("FIGHT").
	Description string
	// Quad is GDELT's quad class.
	Quad Quad
	// Goldstein is the code's weight on the Goldstein conflict–cooperation
	// scale, from -10 (most conflictual) to +10.
	Goldstein float64
	// Plover is the PLOVER event type, one of PloverTypes, or "" when the
	// code has none (CAMEO 01, public statements).
	Plover string
	// Mode is the PLOVER mode, the "how" of the event ("firearms"), or "".
	Mode string
	// Context lists the PLOVER contexts, the "why" of the event, separated
	// by commas ("legal,military"), or "".
	Context string
}

// An Ontology is a set of CAMEO event codes. It is immutable and safe for
// concurrent use.
type Ontology struct {
	codes []Code // in code order
	// slots maps slot(code) to 1 + the code's index in codes; 0 means absent.
	slots [numSlots]uint16
}

// Codes are two to four digits; slot gives each a place in an array, so a
// lookup is a few byte operations and one load instead of a map hash.
const numSlots = 100 + 1000 + 10000

// slot returns the array index of a syntactically valid code, or -1.
func slot(code string) int {
	var base int
	switch len(code) {
	case 2:
		base = 0
	case 3:
		base = 100
	case 4:
		base = 1100
	default:
		return -1
	}
	n := 0
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !isDigit(c) {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return base + n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Code returns the entry for a CAMEO code such as "190" and whether the
// ontology has it.
func (o *Ontology) Code(code string) (Code, bool) {
	if s := slot(code); s >= 0 {
		if i := o.slots[s]; i != 0 {
			return o.codes[i-1], true
		}
	}
	return Code{}, false
}

// Valid reports whether code is in the ontology.
func (o *Ontology) Valid(code string) bool {
	s := slot(code)
	return s >= 0 && o.slots[s] != 0
}

// Codes returns every code in code order, which is CAMEO's order: a root,
// then its codes, each followed by its four-digit children ("01", "010",
// …, "02", "020", "021", "0211", …).
func (o *Ontology) Codes() []Code { return slices.Clone(o.codes) }

// Len returns the number of codes.
func (o *Ontology) Len() int { return len(o.codes) }

// defaultName names the embedded ontology in errors.
const defaultName = "event/data/cameo.txt"

var defaultOntology = sync.OnceValues(func() (*Ontology, error) {
	return LoadOntology(bytes.NewReader(embedded("cameo.txt")), defaultName)
})

// DefaultOntology returns the ontology embedded from event/data/cameo.txt,
// parsed on first use and shared by every caller. It fails only if the
// embedded file is broken, which TestDefaultOntology rules out.
func DefaultOntology() (*Ontology, error) { return defaultOntology() }

// numColumns is the number of columns of an ontology line.
const numColumns = 7

// LoadOntology reads an ontology in the format of event/data/cameo.txt: one
// code a line, with the white-space-separated columns
//
//	code  quad  goldstein  plover  mode  context  description
//
// where "-" stands for an empty plover, mode or context, the description is
// the rest of the line, and '#' starts a comment. name is the file's name in
// errors. LoadOntology reads the whole input and reports every bad line, as a
// [linefile.List] of "name:line: problem" errors (a file without codes is
// "name: no event codes"); it returns an ontology only when there are none.
func LoadOntology(r io.Reader, name string) (*Ontology, error) {
	var errs linefile.List
	sc := linefile.NewScanner(r, name)
	o := &Ontology{}
	lines := make(map[string]int) // code → line, for duplicates and missing roots
	for sc.Scan() {
		line := sc.Line()
		c, err := parseLine(sc.Text())
		if err != nil {
			errs.Add(name, line, "%v", err)
			continue
		}
		if first, dup := lines[c.Code]; dup {
			errs.Add(name, line, "duplicate code %q (first at line %d)", c.Code, first)
			continue
		}
		lines[c.Code] = line
		o.codes = append(o.codes, c)
	}
	var readErr *linefile.Error
	if err := sc.Err(); errors.As(err, &readErr) {
		errs = append(errs, readErr)
	} else if err != nil {
		errs.Add(name, 0, "%v", err)
	} else if len(o.codes) == 0 && len(errs) == 0 {
		errs.Add(name, 0, "no event codes")
	}
	// A code needs its root, and a four-digit code its three-digit parent,
	// wherever they are in the file.
	roots := make(map[string]Quad)
	for _, c := range o.codes {
		if len(c.Code) == 2 {
			roots[c.Code] = c.Quad
		}
	}
	for _, c := range o.codes {
		line := lines[c.Code]
		rootQuad, ok := roots[c.Root]
		switch {
		case !ok:
			errs.Add(name, line, "root %q of code %q is missing", c.Root, c.Code)
		case c.Quad != rootQuad:
			errs.Add(name, line, "quad %d of code %q differs from quad %d of its root %q", c.Quad, c.Code, rootQuad, c.Root)
		}
		if len(c.Code) == 4 {
			if _, ok := lines[c.Code[:3]]; !ok {
				errs.Add(name, line, "parent %q of code %q is missing", c.Code[:3], c.Code)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(o.codes, func(a, b Code) int { return strings.Compare(a.Code, b.Code) })
	for i, c := range o.codes {
		o.slots[slot(c.Code)] = uint16(i + 1)
	}
	return o, nil
}

// parseLine reads one line of an ontology file, comment already removed.
func parseLine(text string) (Code, error) {
	var f [numColumns]string
	rest := text
	for i := range numColumns - 1 {
		rest = strings.TrimLeft(rest, " \t")
		end := strings.IndexAny(rest, " \t")
		if end < 0 {
			end = len(rest)
		}
		f[i], rest = rest[:end], rest[end:]
	}
	f[numColumns-1] = strings.TrimSpace(rest)
	if n := countColumns(f[:]); n < numColumns {
		return Code{}, fmt.Errorf("want %d columns (code quad goldstein plover mode context description), got %d", numColumns, n)
	}
	code, quad, goldstein, plover, mode, context, desc := f[0], f[1], f[2], f[3], f[4], f[5], f[6]
	c := Code{Code: code, Description: desc}
	if slot(code) < 0 {
		return c, fmt.Errorf("bad code %q: want two to four digits", code)
	}
	c.Root = code[:2]
	q, err := strconv.Atoi(quad)
	if err != nil || q < 1 || q > 4 {
		return c, fmt.Errorf("bad quad %q: want 1, 2, 3 or 4", quad)
	}
	c.Quad = Quad(q)
	g, err := strconv.ParseFloat(goldstein, 64)
	switch {
	case err != nil || math.IsNaN(g):
		return c, fmt.Errorf("bad Goldstein weight %q: not a number", goldstein)
	case g < -10 || g > 10:
		return c, fmt.Errorf("Goldstein weight %s outside [-10, 10]", goldstein)
	}
	c.Goldstein = g
	if plover != "-" {
		if !isPloverType(plover) {
			return c, fmt.Errorf("unknown PLOVER type %q (want one of %s, or -)", plover, strings.Join(ploverTypes[:], " "))
		}
		c.Plover = plover
	}
	if mode != "-" {
		if !isName(mode, "-_") {
			return c, fmt.Errorf("bad PLOVER mode %q: want lower-case letters, '-' and '_'", mode)
		}
		c.Mode = mode
	}
	if context != "-" {
		for ctx := range strings.SplitSeq(context, ",") {
			if !isName(ctx, "_") {
				return c, fmt.Errorf("bad PLOVER context %q: want comma-separated names of lower-case letters and '_'", context)
			}
		}
		c.Context = context
	}
	if c.Plover == "" && (c.Mode != "" || c.Context != "") {
		return c, fmt.Errorf("PLOVER mode or context without a PLOVER type")
	}
	return c, nil
}

// countColumns counts the non-empty columns; they are filled left to right.
func countColumns(f []string) int {
	n := 0
	for _, s := range f {
		if s != "" {
			n++
		}
	}
	return n
}

// isName reports whether s is a non-empty run of lower-case ASCII letters
// and the punctuation in extra, starting with a letter.
func isName(s, extra string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && !strings.ContainsRune(extra, rune(c)) {
			return false
		}
	}
	return true
}
