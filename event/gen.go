//go:build ignore

// Gen writes data/cameo.txt, the event ontology sitrep embeds, from the
// public tables in ../shared/data:
//
//	cameo/CAMEO.eventcodes.txt      CAMEO codes, descriptions and quad-class headers (GDELT)
//	cameo/CAMEO.goldsteinscale.txt  Goldstein weights (GDELT)
//	plover/CAMEO2PLOVER-2021.txt    PLOVER type, mode and context of each CAMEO code
//	plover/plover_reference.html    PLOVER's type names, checked against event.PloverTypes
//
// Run it in event/ (go generate ./event does) as
//
//	go run gen.go -shared ../../shared [-o data/cameo.txt]
//
// The output depends only on the sources, so every run writes the same
// bytes; TestGeneratedOntology holds the committed file to that. Gen stops
// at the first thing it does not understand in a source, naming the file
// and line, rather than guess. Where the sources disagree or are silent it
// follows the decisions documented below (ploverOnly, olderPloverTypes,
// descriptionFixes, and the rules in ploverOf), and it counts each one in
// the output's header and marks each line it affects with a comment.
//
// Gen checks its output with event.LoadOntology before writing it, and
// writes through a temporary file, so a failed run leaves the old file.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"sitrep/event"
)

func main() {
	shared := flag.String("shared", "../../shared", "the shared data directory")
	out := flag.String("o", "data/cameo.txt", "output file, or - for standard output")
	flag.Parse()
	if flag.NArg() > 0 {
		fail(fmt.Errorf("unexpected arguments %q", flag.Args()))
	}
	data, err := generate(*shared)
	if err != nil {
		fail(err)
	}
	if *out == "-" {
		_, err = os.Stdout.Write(data)
	} else {
		err = writeFile(*out, data)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

// writeFile replaces name with data through a temporary file.
func writeFile(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".cameo-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// Source files, relative to the shared directory.
const (
	eventCodesFile = "data/cameo/CAMEO.eventcodes.txt"
	goldsteinFile  = "data/cameo/CAMEO.goldsteinscale.txt"
	ploverFile     = "data/plover/CAMEO2PLOVER-2021.txt"
	referenceFile  = "data/plover/plover_reference.html"
)

// ploverOnly are the codes the PLOVER table maps that GDELT's CAMEO list
// lacks ("Reject judicial cooperation", "Reject intelligence cooperation").
// They are kept, with the table's description, because PETRARCH2's verb
// dictionary (CAMEO.2.0.txt) codes events as 1213; their Goldstein weight is
// their parent's. Any other code missing from GDELT's list is an error.
var ploverOnly = []string{"1213", "1214"}

// olderPloverTypes maps the type names of earlier PLOVER drafts, which
// plover_reference.html (2017) still uses, to the 16 current ones, as the
// 2021 table codes the CAMEO roots they came from: 09 INVESTIGATE as ACCUSE
// with mode investigate, 10 DEMAND as REQUEST, 11 DISAPPROVE as ACCUSE. No
// CAMEO code is a CRIME, which has no current type: a table row using it is
// an error.
var olderPloverTypes = map[string]struct{ typ, mode string }{
	"DEMAND":      {"REQUEST", ""},
	"DISAPPROVE":  {"ACCUSE", ""},
	"INVESTIGATE": {"ACCUSE", "investigate"},
	"CRIME":       {"", ""},
}

// descriptionFixes replace a GDELT description. Each applies only while
// GDELT's text is still the one given, so a changed source stops gen.
var descriptionFixes = []struct {
	code, gdelt, fixed string
	fromPlover         bool // fixed is the PLOVER table's description
}{
	// GDELT's 105–108 contradict the codes 1051–1056 under 105 ("Demand
	// easing of …", "Demand de-escalation …": demands that the target
	// yields) and PETRARCH2's verb dictionary, which codes WITHDRAWAL as
	// 105 and MEETING and TALKS as 106. The PLOVER table has CAMEO
	// 1.1b3's descriptions, parallel to 025–028 and 035–038.
	{"105", "Demand mediation", "Demand that target yields", true},
	{"106", "Demand withdrawal", "Demand meeting, negotiation", true},
	{"107", "Demand ceasefire", "Demand settling of dispute", true},
	{"108", "Demand meeting, negotiation", "Demand mediation", true},
	{"2041", "Use chemical, biological, or radiologicalweapons", "Use chemical, biological, or radiological weapons", false},
}

// An entry is one line of the output.
type entry struct {
	code, desc string
	quad       event.Quad
	goldstein  float64
	plover     ploverMapping
	notes      []string
}

// A ploverMapping is the PLOVER side of a code.
type ploverMapping struct {
	typ, mode string
	context   []string
	notes     []string // where the mapping departs from the table's row
}

// counts tallies how often each decision applied, for the header.
type counts struct {
	statements, appeals, roots, ploverOnly, inherited []string
	ease, modeToContext, duplicates, renamed          []string
	fixedDescriptions, collapsed                      []string
}

func generate(shared string) ([]byte, error) {
	codes, err := readEventCodes(filepath.Join(shared, eventCodesFile))
	if err != nil {
		return nil, err
	}
	weights, err := readGoldstein(filepath.Join(shared, goldsteinFile), codes)
	if err != nil {
		return nil, err
	}
	table, err := readPlover(filepath.Join(shared, ploverFile))
	if err != nil {
		return nil, err
	}
	if err := checkReference(filepath.Join(shared, referenceFile)); err != nil {
		return nil, err
	}
	var n counts
	n.ease, n.modeToContext, n.duplicates, n.renamed = table.ease, table.modeToContext, table.duplicates, table.renamed

	entries := make(map[string]*entry)
	for _, c := range codes.list {
		e := &entry{code: c.code, desc: c.desc, quad: c.quad}
		if c.collapsed {
			n.collapsed = append(n.collapsed, c.code)
		}
		entries[c.code] = e
	}
	for _, fix := range descriptionFixes {
		e := entries[fix.code]
		switch {
		case e == nil:
			return nil, fmt.Errorf("%s: description fix for %s: no such code", eventCodesFile, fix.code)
		case e.desc != fix.gdelt:
			return nil, fmt.Errorf("%s: description fix for %s: GDELT's description is now %q, not %q; revisit the fix", eventCodesFile, fix.code, e.desc, fix.gdelt)
		case fix.fromPlover && (table.rows[fix.code] == nil || table.rows[fix.code].desc != fix.fixed):
			return nil, fmt.Errorf("%s: description fix for %s: the PLOVER table no longer describes it as %q", ploverFile, fix.code, fix.fixed)
		}
		e.desc = fix.fixed
		why := fmt.Sprintf("GDELT's reads %q", fix.gdelt)
		if fix.fromPlover {
			why = "CAMEO 1.1b3's; " + why
		}
		e.notes = append(e.notes, "description: "+why)
		n.fixedDescriptions = append(n.fixedDescriptions, fix.code)
	}
	for _, code := range ploverOnly {
		row := table.rows[code]
		switch {
		case row == nil:
			return nil, fmt.Errorf("%s: code %s is no longer in the table; drop it from ploverOnly", ploverFile, code)
		case entries[code] != nil:
			return nil, fmt.Errorf("%s: code %s is now in GDELT's list; drop it from ploverOnly", eventCodesFile, code)
		case entries[code[:3]] == nil:
			return nil, fmt.Errorf("%s:%d: parent %s of code %s is not a CAMEO code", ploverFile, row.line, code[:3], code)
		}
		entries[code] = &entry{code: code, desc: row.desc, quad: event.QuadClass(code),
			notes: []string{"code from the PLOVER table"}}
		n.ploverOnly = append(n.ploverOnly, code)
	}
	for _, code := range slices.Sorted(maps.Keys(table.rows)) {
		if entries[code] == nil {
			return nil, fmt.Errorf("%s:%d: code %s is neither in %s nor in ploverOnly", ploverFile, table.rows[code].line, code, eventCodesFile)
		}
	}

	order := slices.Sorted(maps.Keys(entries))
	for _, code := range order {
		e := entries[code]
		w, from, err := goldsteinOf(code, weights)
		if err != nil {
			return nil, err
		}
		e.goldstein = w
		if from != code {
			e.notes = append(e.notes, "goldstein: "+from+"'s")
			n.inherited = append(n.inherited, code)
		}
	}
	// Appeals copy their demands, which may be roots copying their "not
	// specified below" code: map everything else first.
	for _, pass := range []func(string) bool{
		func(code string) bool { return !isAppeal(code) },
		isAppeal,
	} {
		for _, code := range order {
			if !pass(code) {
				continue
			}
			m, err := ploverOf(code, table, entries, &n)
			if err != nil {
				return nil, err
			}
			entries[code].plover = m
		}
	}

	var out bytes.Buffer
	for _, s := range []*[]string{&n.statements, &n.appeals, &n.roots, &n.ploverOnly, &n.inherited, &n.ease,
		&n.modeToContext, &n.duplicates, &n.renamed, &n.fixedDescriptions, &n.collapsed} {
		slices.Sort(*s)
	}
	writeHeader(&out, &n)
	list := make([]*entry, len(order))
	for i, code := range order {
		list[i] = entries[code]
	}
	writeEntries(&out, list)

	o, err := event.LoadOntology(bytes.NewReader(out.Bytes()), "generated cameo.txt")
	if err != nil {
		return nil, fmt.Errorf("the generated file does not load:\n%w", err)
	}
	if o.Len() != len(list) {
		return nil, fmt.Errorf("the generated file loads as %d codes, want %d", o.Len(), len(list))
	}
	return out.Bytes(), nil
}

func isAppeal(code string) bool { return code[:2] == "02" }

// ploverOf returns the PLOVER mapping of code: the table's row, or the
// mapping a decision gives a code the table leaves out.
func ploverOf(code string, table *ploverTable, entries map[string]*entry, n *counts) (ploverMapping, error) {
	row := table.rows[code]
	switch root := code[:2]; {
	case root == "01":
		// PLOVER drops public statements: the 2021 table has no rows for
		// them and PLOVER's README lists 01 as "dropped".
		if row != nil || table.headers["01"] != nil {
			return ploverMapping{}, fmt.Errorf("%s: the table now maps CAMEO 01 (%s); revisit the decision to leave 01 unmapped", ploverFile, code)
		}
		n.statements = append(n.statements, code)
		return ploverMapping{notes: []string{"plover: none, PLOVER drops 01"}}, nil
	case root == "02":
		// The table has no rows for appeals, and PLOVER's 2017 README drops
		// them as weaker than demands; but the 2021 table renamed DEMAND
		// to REQUEST, and an appeal is a request. Each appeal 02xy takes
		// the mapping of its parallel demand 10xy (0233 "Appeal for
		// humanitarian aid" as 1033 "Demand humanitarian aid").
		if row != nil || table.headers["02"] != nil {
			return ploverMapping{}, fmt.Errorf("%s: the table now maps CAMEO 02 (%s); revisit the decision to map appeals as their demands", ploverFile, code)
		}
		demand := "10" + code[2:]
		d := entries[demand]
		if d == nil || d.plover.typ != "REQUEST" {
			return ploverMapping{}, fmt.Errorf("appeal %s: its parallel demand %s is missing or not a REQUEST", code, demand)
		}
		n.appeals = append(n.appeals, code)
		m := d.plover
		m.notes = []string{"plover: as demand " + demand}
		return m, nil
	case row != nil:
		return row.ploverMapping, nil
	case len(code) == 2:
		// The table has only section headers ("19: ASSAULT") for the
		// roots. A root means what its "not specified below" code X0
		// means, so it takes that mapping, provided the header agrees.
		// (08 has two headers, CONCEDE for 080–083 and RETREAT for
		// 084–087.)
		headers := table.headers[root]
		x0 := table.rows[code+"0"]
		switch {
		case headers == nil:
			return ploverMapping{}, fmt.Errorf("%s: no section header for root %s", ploverFile, root)
		case x0 == nil:
			return ploverMapping{}, fmt.Errorf("%s: no row for %s0, which root %s would copy", ploverFile, root, root)
		case !slices.Contains(headers, x0.typ):
			return ploverMapping{}, fmt.Errorf("%s:%d: %s0 is %s, but root %s's headers are %s", ploverFile, x0.line, root, x0.typ, root, strings.Join(headers, ", "))
		}
		n.roots = append(n.roots, code)
		m := x0.ploverMapping
		m.notes = append(slices.Clip(m.notes), "plover: as "+code+"0")
		return m, nil
	}
	return ploverMapping{}, fmt.Errorf("%s: no PLOVER mapping for CAMEO code %s, and no decision covers it", ploverFile, code)
}

// goldsteinOf returns the weight of code, or of its nearest ancestor in
// GDELT's table, and the code it came from.
func goldsteinOf(code string, weights map[string]float64) (float64, string, error) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if w, ok := weights[c]; ok {
			return w, c, nil
		}
	}
	return 0, "", fmt.Errorf("%s: no Goldstein weight for %s or any ancestor", goldsteinFile, code)
}

// A cameoCode is one code of CAMEO.eventcodes.txt.
type cameoCode struct {
	code, desc string
	quad       event.Quad
	collapsed  bool // white space in the description was collapsed
}

type cameoList struct {
	list  []cameoCode
	index map[string]int // code → line
}

var (
	reCode      = regexp.MustCompile(`^[0-9]{2,4}$`)
	reGoldstein = regexp.MustCompile(`^-?[0-9]{1,2}\.[0-9]$`)
)

// readLines returns the lines of an ASCII text file with LF line ends.
func readLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	for i, c := range data {
		if c >= 0x80 || c == '\r' || (c < ' ' && c != '\t' && c != '\n') {
			line := 1 + bytes.Count(data[:i], []byte("\n"))
			return nil, fmt.Errorf("%s:%d: unexpected byte 0x%02x (want ASCII text with LF line ends)", path, line, c)
		}
	}
	lines := strings.Split(string(data), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines, nil
}

func readEventCodes(path string) (*cameoList, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 || lines[0] != "CAMEOEVENTCODE\tEVENTDESCRIPTION" {
		return nil, fmt.Errorf("%s:1: want the header CAMEOEVENTCODE<tab>EVENTDESCRIPTION", path)
	}
	l := &cameoList{index: make(map[string]int)}
	var quad event.Quad
	for i, text := range lines[1:] {
		line := i + 2
		code, desc, ok := strings.Cut(text, "\t")
		if !ok || strings.Contains(desc, "\t") {
			return nil, fmt.Errorf("%s:%d: want a code and a description separated by one tab", path, line)
		}
		norm := strings.Join(strings.Fields(desc), " ")
		switch {
		case norm == "":
			return nil, fmt.Errorf("%s:%d: empty description", path, line)
		case strings.ContainsAny(norm, "#\\"):
			return nil, fmt.Errorf("%s:%d: '#' or '\\' in a description would need escaping", path, line)
		case len(code) == 1:
			// A quad-class header: "3<tab>Verbal Conflict".
			q := event.Quad(code[0] - '0')
			if q != quad+1 || q.String() != norm {
				return nil, fmt.Errorf("%s:%d: want quad header %d %s", path, line, quad+1, (quad + 1).String())
			}
			quad = q
			continue
		case !reCode.MatchString(code):
			return nil, fmt.Errorf("%s:%d: bad CAMEO code %q", path, line, code)
		case l.index[code] != 0:
			return nil, fmt.Errorf("%s:%d: duplicate code %s (first at line %d)", path, line, code, l.index[code])
		case len(code) > 2 && l.index[code[:2]] == 0:
			return nil, fmt.Errorf("%s:%d: code %s before its root %s", path, line, code, code[:2])
		case len(code) == 4 && l.index[code[:3]] == 0:
			return nil, fmt.Errorf("%s:%d: code %s before its parent %s", path, line, code, code[:3])
		case event.QuadClass(code) != quad:
			return nil, fmt.Errorf("%s:%d: code %s is under the header of quad %d, but GDELT's quad class of root %s is %d", path, line, code, quad, code[:2], event.QuadClass(code))
		}
		l.index[code] = line
		l.list = append(l.list, cameoCode{code: code, desc: norm, quad: quad, collapsed: norm != desc})
	}
	if quad != event.MaterialConflict {
		return nil, fmt.Errorf("%s: quad headers stop at %d", path, quad)
	}
	return l, nil
}

func readGoldstein(path string, codes *cameoList) (map[string]float64, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 || lines[0] != "CAMEOEVENTCODE\tGOLDSTEINSCALE" {
		return nil, fmt.Errorf("%s:1: want the header CAMEOEVENTCODE<tab>GOLDSTEINSCALE", path)
	}
	weights := make(map[string]float64)
	for i, text := range lines[1:] {
		line := i + 2
		code, value, ok := strings.Cut(text, "\t")
		if !ok || !reCode.MatchString(code) || !reGoldstein.MatchString(value) {
			return nil, fmt.Errorf("%s:%d: want a CAMEO code, a tab and a weight like -7.5, got %q", path, line, text)
		}
		w, err := strconv.ParseFloat(value, 64)
		switch {
		case err != nil || w < -10 || w > 10:
			return nil, fmt.Errorf("%s:%d: weight %s outside [-10, 10]", path, line, value)
		case codes.index[code] == 0:
			return nil, fmt.Errorf("%s:%d: code %s is not in %s", path, line, code, eventCodesFile)
		}
		if _, dup := weights[code]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate code %s", path, line, code)
		}
		weights[code] = w
	}
	return weights, nil
}

// A ploverRow is one mapping line of the PLOVER table.
type ploverRow struct {
	ploverMapping
	desc string // the table's comment: its description of the code
	line int
}

type ploverTable struct {
	rows    map[string]*ploverRow
	headers map[string][]string // root → the types of its section headers, in order

	// Rows where a decision applied.
	ease, modeToContext, duplicates, renamed []string
}

var (
	reHeader  = regexp.MustCompile(`^([0-9]{2}): ([A-Z]+)$`)
	reRow     = regexp.MustCompile(`^([0-9]{2,4}):([^#]*)(?:#(.*))?$`)
	reType    = regexp.MustCompile(`^[A-Z]+$`)
	reMode    = regexp.MustCompile(`^[a-z][a-z_-]*$`)
	reContext = regexp.MustCompile(`^[a-z][a-z_]*$`)
)

// readPlover reads CAMEO2PLOVER-2021.txt. Its lines are "# comments",
// section headers ("19: ASSAULT"), rows ("193: ASSAULT, firearms, military
// # Fight with small arms …", contexts separated by ";"), blank lines, and
// a final "~~~~~".
func readPlover(path string) (*ploverTable, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	t := &ploverTable{rows: make(map[string]*ploverRow), headers: make(map[string][]string)}
	modes := make(map[string]bool)    // every mode as written
	contexts := make(map[string]bool) // every context
	done := false
	for i, text := range lines {
		line := i + 1
		text = strings.TrimSpace(text)
		if done && text != "" {
			return nil, fmt.Errorf("%s:%d: text after the closing ~~~~~", path, line)
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if text == "~~~~~" {
			done = true
			continue
		}
		if m := reHeader.FindStringSubmatch(text); m != nil {
			if !slices.Contains(event.PloverTypes(), m[2]) {
				return nil, fmt.Errorf("%s:%d: section header with unknown PLOVER type %q", path, line, m[2])
			}
			t.headers[m[1]] = append(t.headers[m[1]], m[2])
			continue
		}
		m := reRow.FindStringSubmatch(text)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: neither a header, a row nor a comment: %q", path, line, text)
		}
		code, fields, desc := m[1], strings.Split(m[2], ","), strings.Join(strings.Fields(m[3]), " ")
		if len(fields) != 3 {
			return nil, fmt.Errorf("%s:%d: want TYPE, mode, context before the '#', got %d fields", path, line, len(fields))
		}
		r := &ploverRow{desc: desc, line: line}
		r.typ = strings.TrimSpace(fields[0])
		r.mode = strings.TrimSpace(fields[1])
		if !reType.MatchString(r.typ) {
			return nil, fmt.Errorf("%s:%d: bad PLOVER type %q", path, line, r.typ)
		}
		if old, ok := olderPloverTypes[r.typ]; ok {
			if old.typ == "" {
				return nil, fmt.Errorf("%s:%d: %s has no current PLOVER type; decide how to map it", path, line, r.typ)
			}
			r.notes = append(r.notes, fmt.Sprintf("plover: the table's older type %s", r.typ))
			r.typ = old.typ
			if r.mode == "" {
				r.mode = old.mode
			}
			t.renamed = append(t.renamed, code)
		}
		if !slices.Contains(event.PloverTypes(), r.typ) {
			return nil, fmt.Errorf("%s:%d: unknown PLOVER type %q", path, line, r.typ)
		}
		if r.mode != "" && !reMode.MatchString(r.mode) {
			return nil, fmt.Errorf("%s:%d: bad PLOVER mode %q", path, line, r.mode)
		}
		for ctx := range strings.SplitSeq(fields[2], ";") {
			ctx = strings.TrimSpace(ctx)
			if ctx == "" {
				continue
			}
			if !reContext.MatchString(ctx) || slices.Contains(r.context, ctx) {
				return nil, fmt.Errorf("%s:%d: bad or repeated PLOVER context %q", path, line, ctx)
			}
			r.context = append(r.context, ctx)
			contexts[ctx] = true
		}
		if r.mode != "" {
			modes[r.mode] = true
		}
		if first := t.rows[code]; first != nil {
			if !slices.Equal(first.context, r.context) || first.typ != r.typ || first.mode != r.mode {
				return nil, fmt.Errorf("%s:%d: code %s mapped differently at line %d", path, line, code, first.line)
			}
			t.duplicates = append(t.duplicates, code)
			continue
		}
		t.rows[code] = r
	}
	if !done {
		return nil, fmt.Errorf("%s: no closing ~~~~~: is the table cut short?", path)
	}
	for _, code := range slices.Sorted(maps.Keys(t.rows)) {
		r := t.rows[code]
		switch {
		case r.mode == "ease":
			// The table's own note at 0813 (21.09.17): "ease" is no
			// longer a mode.
			r.notes = append(r.notes, `plover: mode "ease" dropped`)
			r.mode = ""
			t.ease = append(t.ease, code)
		case r.mode != "" && contexts[r.mode]:
			// A context value in the mode column (175: "ASSAULT,
			// pro_autocracy , military"): a shifted field.
			r.notes = append(r.notes, fmt.Sprintf("plover: %q moved from mode to context", r.mode))
			r.context = append([]string{r.mode}, r.context...)
			r.mode = ""
			t.modeToContext = append(t.modeToContext, code)
		}
	}
	return t, nil
}

var reReferenceType = regexp.MustCompile(`<h2 id="([A-Z]+)">`)

// checkReference checks that every event type plover_reference.html
// defines is current or has a decision in olderPloverTypes, and that every
// current type is there under its own or an older name.
func checkReference(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	seen := make(map[string]bool)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		for _, m := range reReferenceType.FindAllStringSubmatch(sc.Text(), -1) {
			typ := m[1]
			if _, old := olderPloverTypes[typ]; !old && !slices.Contains(event.PloverTypes(), typ) {
				return fmt.Errorf("%s:%d: unknown PLOVER type %s", path, line, typ)
			}
			seen[typ] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, typ := range event.PloverTypes() {
		found := seen[typ]
		for old, cur := range olderPloverTypes {
			found = found || (seen[old] && cur.typ == typ)
		}
		if !found {
			return fmt.Errorf("%s: PLOVER type %s is defined neither under its name nor an older one", path, typ)
		}
	}
	return nil
}

// list formats codes for the header: "085", "105, 106 and 107", or the
// first few and a count.
func list(codes []string) string {
	const maxListed = 6
	switch n := len(codes); {
	case n == 0:
		return "none"
	case n == 1:
		return codes[0]
	case n <= maxListed:
		return strings.Join(codes[:n-1], ", ") + " and " + codes[n-1]
	default:
		return strings.Join(codes[:maxListed-1], ", ") + fmt.Sprintf(", … %s", codes[n-1])
	}
}

// writeHeader writes the comment that opens the file: what it is, where it
// comes from, its columns, and every decision with its count.
func writeHeader(w *bytes.Buffer, n *counts) {
	p := func(format string, args ...any) {
		line := strings.TrimRight("# "+fmt.Sprintf(format, args...), " ")
		w.WriteString(line + "\n")
	}
	p("event/data/cameo.txt: sitrep's event ontology. Generated by event/gen.go: do not edit.")
	p("")
	p("Every CAMEO event code with GDELT's quad class and Goldstein weight and PLOVER's event")
	p("type, mode and context. Regenerate it in event/ with")
	p("")
	p("    go run gen.go -shared ../../shared        (or: go generate ./event)")
	p("")
	p("Sources, in ../shared (see their SOURCE.md, and sitrep's NOTICE):")
	p("  %s", eventCodesFile)
	p("      CAMEO 1.1b3 codes and descriptions, GDELT's lookup table")
	p("  %s", goldsteinFile)
	p("      Goldstein weights, GDELT's lookup table; GDELT publishes both for unrestricted use")
	p("  %s", ploverFile)
	p("      PLOVER type, mode and context of each CAMEO code, Draft 0.8 of 17 September 2021,")
	p("      github.com/openeventdata/PLOVER at 5e0c24f; CC BY-SA 4.0, Open Event Data Alliance")
	p("  %s", referenceFile)
	p("      PLOVER's type definitions (2017): type names checked, nothing copied")
	p("As an adaptation of the PLOVER table this file is licensed under CC BY-SA 4.0,")
	p("https://creativecommons.org/licenses/by-sa/4.0/.")
	p("")
	p("One code a line, in columns separated by white space; the description is the rest of")
	p("the line, and a comment at its end says where the line departs from the sources:")
	p("  code         CAMEO code: a two-digit root (\"19\"), or three or four digits (\"190\")")
	p("  quad         GDELT quad class, by root: 1 Verbal Cooperation (01-05), 2 Material")
	p("               Cooperation (06-09), 3 Verbal Conflict (10-14), 4 Material Conflict (15-20)")
	p("  goldstein    Goldstein conflict-cooperation weight, -10 to 10, from GDELT's table; a")
	p("               code the table lacks takes the weight of its nearest ancestor there")
	p("  plover       PLOVER event type, one of the 16 of the current manual, or - for none:")
	p("               %s", strings.Join(event.PloverTypes()[:8], " "))
	p("               %s", strings.Join(event.PloverTypes()[8:], " "))
	p("  mode         PLOVER mode, the \"how\"; - for none")
	p("  context      PLOVER contexts, the \"why\", comma-separated; - for none")
	p("  description  CAMEO description: GDELT's wording, with runs of white space collapsed")
	p("               (%d codes)", len(n.collapsed))
	p("")
	p("Where the sources disagree or are silent (with the codes affected):")
	p("- PLOVER types: the 2021 table uses only the 16 current types (rows renamed from older")
	p("  names: %s). plover_reference.html (2017) still has INVESTIGATE, DEMAND, DISAPPROVE", list(n.renamed))
	p("  and CRIME instead of REQUEST and ACCUSE; the 2021 table codes CAMEO 09 INVESTIGATE as")
	p("  ACCUSE (mode investigate), 10 DEMAND as REQUEST, 11 DISAPPROVE as ACCUSE, nothing as")
	p("  CRIME.")
	p("- CAMEO 01 MAKE PUBLIC STATEMENT (%d codes): no PLOVER type. The table has no rows for", len(n.statements))
	p("  01, and PLOVER's README lists it as dropped.")
	p("- CAMEO 02 APPEAL (%d codes): REQUEST, with the mode and context of the parallel demand", len(n.appeals))
	p("  (0233 as 1033, 026 as 106). The table has no rows for 02 and PLOVER's 2017 README")
	p("  drops appeals as weaker than demands, but the 2021 table renamed DEMAND to REQUEST,")
	p("  and an appeal is a request. This is sitrep's mapping, not PLOVER's.")
	p("- Roots 03-20 (%d codes): the table has only section headers (\"19: ASSAULT\"). A root", len(n.roots))
	p("  takes the mapping of its \"not specified below\" code (19 as 190), which must agree")
	p("  with the header; 08 has two headers, CONCEDE and RETREAT, and 080 is CONCEDE.")
	p("- Codes in the PLOVER table but not in GDELT's list (%s): kept, with the", list(n.ploverOnly))
	p("  table's description, since PETRARCH2's verb dictionary codes 1213.")
	p("- Goldstein weights inherited from an ancestor (%s): codes GDELT's table lacks.", list(n.inherited))
	p("- Mode \"ease\" (%s): dropped; the table's own note at 0813 says it is no longer a mode.", list(n.ease))
	p("- A context in the mode column (%s): moved to the context column.", list(n.modeToContext))
	p("- Rows listed twice, identically (%s): read once.", list(n.duplicates))
	p("- Descriptions replaced (%s):", list(n.fixedDescriptions))
	p("  105-108 take CAMEO 1.1b3's wording from the PLOVER table, since GDELT's (105 \"Demand")
	p("  mediation\", 106 \"Demand withdrawal\", 107 \"Demand ceasefire\", 108 \"Demand meeting,")
	p("  negotiation\") contradict the codes 1051-1056 under 105 and PETRARCH2's verb dictionary")
	p("  (WITHDRAWAL 105, TALKS 106); 2041 splits \"radiologicalweapons\".")
	p("")
}

// writeEntries writes one aligned line a code.
func writeEntries(w *bytes.Buffer, list []*entry) {
	rows := make([][]string, len(list))
	var width [6]int
	for i, e := range list {
		m := e.plover
		row := []string{e.code, strconv.Itoa(int(e.quad)), strconv.FormatFloat(e.goldstein, 'f', 1, 64),
			dash(m.typ), dash(m.mode), dash(strings.Join(m.context, ","))}
		for j, f := range row {
			width[j] = max(width[j], len(f))
		}
		rows[i] = row
	}
	p := func(fields []string, desc string, notes []string) {
		var b strings.Builder
		for j, f := range fields {
			b.WriteString(f)
			b.WriteString(strings.Repeat(" ", width[j]-len(f)+2))
		}
		b.WriteString(desc)
		if len(notes) > 0 {
			b.WriteString("  # " + strings.Join(notes, "; "))
		}
		w.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	}
	header := []string{"#code", "quad", "goldstein", "plover", "mode", "context"}
	for j, f := range header {
		width[j] = max(width[j], len(f))
	}
	p(header, "description", nil)
	for i, e := range list {
		p(rows[i], e.desc, append(slices.Clip(e.notes), e.plover.notes...))
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
