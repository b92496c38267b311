package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"sitrep/actor"
	"sitrep/geo"
	"sitrep/nlp"
)

// dictUsage is the help on 'sitrep dict' without a subcommand.
const dictUsage = `Usage: sitrep dict SUBCOMMAND [ARGS]

Subcommands:
  lookup            show the actors and places a text names, with their codes
  check             validate dictionary files, reporting every bad line
  import-petrarch   convert a PETRARCH dictionary to sitrep's format

Run 'sitrep help dict SUBCOMMAND' for its flags.
`

// lookupDict returns the 'sitrep dict' subcommand that args (the arguments
// after "dict") start with.
func lookupDict(args []string) (command, string, []string, error) {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return nil, "dict", args, usagef("dict: missing subcommand: want 'dict lookup', 'dict check' or 'dict import-petrarch'")
	}
	switch args[0] {
	case "lookup":
		return &dictLookupCommand{}, "dict lookup", args[1:], nil
	case "check":
		return &dictCheckCommand{}, "dict check", args[1:], nil
	case "import-petrarch":
		return &dictImportCommand{}, "dict import-petrarch", args[1:], nil
	}
	return nil, "dict", args, usagef("dict: unknown subcommand %q: want lookup, check or import-petrarch", args[0])
}

// dictLookupCommand is 'sitrep dict lookup'.
type dictLookupCommand struct {
	date  string // YYYY-MM-DD; "" for today
	focus string // ISO 3166-1 alpha-3 or another leading actor code; "" for none
	json  bool
}

func (c *dictLookupCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("dict lookup", flag.ContinueOnError)
	fs.StringVar(&c.date, "date", "", "")
	fs.StringVar(&c.focus, "focus", "", "")
	fs.BoolVar(&c.json, "json", false, "")
	return fs
}

func (c *dictLookupCommand) synopsis() string {
	return "sitrep dict lookup [--date YYYY-MM-DD] [--focus ISO3] [--json] TEXT..."
}

func (c *dictLookupCommand) help() string {
	return `Dict lookup shows what sitrep's embedded dictionaries make of TEXT, the
arguments joined by spaces, split into tokens and tagged as 'sitrep parse'
does:

  actor names     every actor dictionary name found in the text, with its
                  entry (file:line and names) and every code of the entry
                  with the period it applies in; the code that applies on
                  the date is marked
  resolved actor  the code of the whole text read as one noun phrase, and
                  the rules and names that decided it
  places          every place name the gazetteer finds in the text, with its
                  candidates, most likely first: id, name, kind, feature,
                  country, region, coordinates and population (the first 10
                  in the table; --json lists all). When the whole text is a
                  place name that matching in running text does not accept
                  (no capital letter, a stop-listed word), its candidates
                  are listed as a lookup of the whole text

Flags:
  --date YYYY-MM-DD  the day to code on (default: today)
  --focus ISO3       the country of the story, which a phrase that names no
                     country takes ("regime forces" with --focus SYR is
                     SYRMIL); default none
  --json             print one line of JSON instead of tables
`
}

func (c *dictLookupCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("missing TEXT")
	}
	text := strings.Join(args, " ")
	if strings.TrimSpace(text) == "" {
		return usagef("TEXT is empty")
	}
	date, today := time.Now(), true
	if c.date != "" {
		d, err := time.Parse(time.DateOnly, c.date)
		if err != nil {
			return usagef("--date: want YYYY-MM-DD, got %q", c.date)
		}
		date, today = d, false
	}
	dict, err := actor.Default()
	if err != nil {
		return fmt.Errorf("actor dictionary: %w", err)
	}
	focus := strings.ToUpper(c.focus)
	if focus != "" && !isFocusCode(dict, focus) {
		return usagef("--focus: %q is not a country code (want ISO 3166-1 alpha-3, as SYR)", c.focus)
	}
	gaz, err := geo.Default()
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	m, _, err := loadModel("")
	if err != nil {
		return err
	}
	doc := &nlp.Doc{Text: text}
	if err := (nlp.Pipeline{&nlp.Segmenter{}, &nlp.Tokenizer{}, m.Tagger}).Annotate(ctx, doc); err != nil {
		return err
	}
	r := newLookupResult(dict, gaz, doc, date, focus)
	if c.json {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	}
	return r.write(e.stdout, today)
}

// isFocusCode reports whether code can be a story's focus: a country, a
// historic state or a region of the actor code tables.
func isFocusCode(d *actor.Dictionary, code string) bool {
	for _, ci := range d.Codes(code) {
		if ci.Kind&(actor.KindCountry|actor.KindState|actor.KindRegion) != 0 {
			return true
		}
	}
	return false
}

// A lookupResult is what 'sitrep dict lookup' prints; --json writes it as
// it is, and README.md documents the fields.
type lookupResult struct {
	Text     string         `json:"text"`
	Date     string         `json:"date"`
	Focus    string         `json:"focus"`
	Actors   []lookupActor  `json:"actors"`
	Resolved *lookupResolve `json:"resolved"`
	Places   []lookupPlaces `json:"places"`
}

// A lookupActor is one dictionary name found in the text.
type lookupActor struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Name is the dictionary's spelling of the name that matched; Names
	// are all the names of its entry.
	Name  string   `json:"name"`
	Names []string `json:"names"`
	File  string   `json:"file"`
	Line  int      `json:"line"`
	Agent bool     `json:"agent"`
	agent string   // what the agent code does, for the table
	// Codes are the entry's codings in the order written.
	Codes []lookupCoding `json:"codes"`
	// Code is the code on the date, "" when none applies.
	Code string `json:"code"`
}

type lookupCoding struct {
	Code    string `json:"code"`
	From    string `json:"from"`
	To      string `json:"to"`
	Applies bool   `json:"applies"`
}

// A lookupResolve is the actor of the whole text.
type lookupResolve struct {
	Code       string           `json:"code"`
	Country    string           `json:"country"`
	Roles      []string         `json:"roles"`
	Incomplete bool             `json:"incomplete"`
	Text       string           `json:"text"`
	Start      int              `json:"start"`
	End        int              `json:"end"`
	Evidence   []lookupEvidence `json:"evidence"`
	explain    string
}

type lookupEvidence struct {
	Rule string `json:"rule"`
	// Text is the matched name in the text; "" for the focus rule.
	Text string `json:"text"`
	Code string `json:"code"`
}

// lookupPlaces is one place name found in the text and its candidates.
type lookupPlaces struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Lookup is set when the name was not found by matching the text but by
	// looking the whole text up.
	Lookup     bool          `json:"lookup"`
	Candidates []lookupPlace `json:"candidates"`
}

type lookupPlace struct {
	ID         int64    `json:"id"`
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	Feature    string   `json:"feature"`
	Country    string   `json:"country"`
	Also       []string `json:"also"`
	Admin1     string   `json:"admin1"`
	Admin1Name string   `json:"admin1_name"`
	Lat        float64  `json:"lat"`
	Lon        float64  `json:"lon"`
	RadiusKm   float64  `json:"radius_km"`
	Population int64    `json:"population"`
}

// newLookupResult looks doc's text up in the dictionary and the gazetteer.
func newLookupResult(d *actor.Dictionary, g *geo.Gazetteer, doc *nlp.Doc, date time.Time, focus string) *lookupResult {
	day := actor.DateOf(date)
	r := &lookupResult{
		Text: doc.Text, Date: day.String(), Focus: focus,
		Actors: []lookupActor{}, Places: []lookupPlaces{},
	}
	for _, m := range d.Match(doc.Tokens) {
		e := m.Entry
		la := lookupActor{
			Text: doc.Text[m.Start:m.End], Start: m.Start, End: m.End,
			Name: m.Name, Names: e.Names, File: e.File, Line: e.Line, Agent: e.Agent(),
		}
		if la.Agent {
			la.agent = describeAgent(d, e.Codings[0].Code)
		}
		applies := applyingCoding(e, day)
		for i, cd := range e.Codings {
			la.Codes = append(la.Codes, lookupCoding{Code: cd.Code, From: cd.From.String(), To: cd.To.String(), Applies: i == applies})
		}
		if applies >= 0 {
			la.Code = e.Codings[applies].Code
		}
		r.Actors = append(r.Actors, la)
	}
	if a, ok := d.Resolve(doc.Tokens, date, focus); ok {
		res := &lookupResolve{
			Code: a.Code, Country: a.Country, Roles: a.Roles, Incomplete: a.Incomplete,
			Text: doc.Text[a.Start:a.End], Start: a.Start, End: a.End,
			Evidence: []lookupEvidence{}, explain: explainCode(d, a.Code, a.Incomplete),
		}
		if res.Roles == nil {
			res.Roles = []string{}
		}
		for _, ev := range a.Evidence {
			le := lookupEvidence{Rule: ev.Rule, Code: ev.Code}
			if ev.Match.Entry != nil {
				le.Text = doc.Text[ev.Match.Start:ev.Match.End]
			}
			res.Evidence = append(res.Evidence, le)
		}
		r.Resolved = res
	}
	whole := false
	for _, m := range g.Match(doc.Tokens) {
		r.Places = append(r.Places, newLookupPlaces(doc.Text[m.Start:m.End], m.Span, false, m.Places))
		whole = whole || m.Start == doc.Tokens[0].Start && m.End == doc.Tokens[len(doc.Tokens)-1].End
	}
	if !whole && len(doc.Tokens) > 0 {
		span := nlp.Span{Start: doc.Tokens[0].Start, End: doc.Tokens[len(doc.Tokens)-1].End}
		name := doc.Text[span.Start:span.End]
		if ps := g.Lookup(name); len(ps) > 0 {
			r.Places = append(r.Places, newLookupPlaces(name, span, true, ps))
		}
	}
	return r
}

func newLookupPlaces(text string, span nlp.Span, lookup bool, ps []*geo.Place) lookupPlaces {
	lp := lookupPlaces{Text: text, Start: span.Start, End: span.End, Lookup: lookup}
	for _, p := range ps {
		also := p.Also
		if also == nil {
			also = []string{}
		}
		lp.Candidates = append(lp.Candidates, lookupPlace{
			ID: p.ID, Name: p.Name, Kind: p.Kind.String(), Feature: p.Feature,
			Country: p.Country, Also: also, Admin1: p.Admin1, Admin1Name: p.Admin1Name,
			Lat: p.Lat, Lon: p.Lon, RadiusKm: p.Radius, Population: p.Population,
		})
	}
	return lp
}

// applyingCoding returns the index of the coding of e that applies on day,
// as Entry.CodeOn chooses it, or -1.
func applyingCoding(e *actor.Entry, day actor.Date) int {
	def := -1
	for i, c := range e.Codings {
		switch {
		case c.Default():
			if def < 0 {
				def = i
			}
		case c.Covers(day):
			return i
		}
	}
	return def
}

// explainCode spells out an actor code segment by segment, from the code
// tables: "SYR Syrian Arab Republic, GOV Government".
func explainCode(d *actor.Dictionary, code string, incomplete bool) string {
	code = strings.Trim(code, "~")
	if code == actor.NullCode {
		return "not an actor"
	}
	var parts []string
	for i := 0; i+3 <= len(code); i += 3 {
		seg := code[i : i+3]
		infos := d.Codes(seg)
		if len(infos) == 0 {
			parts = append(parts, seg)
			continue
		}
		info := infos[0]
		leading := i == 0 && !incomplete
		for _, ci := range infos {
			isLeading := ci.Kind&(actor.KindCountry|actor.KindState|actor.KindRegion|actor.KindType) != 0
			if isLeading == leading {
				info = ci
				break
			}
		}
		parts = append(parts, seg+" "+shortDesc(info.Desc))
	}
	return strings.Join(parts, ", ")
}

// shortDesc cuts a code table description at its first colon or
// parenthesis: "Government: the executive, ..." is "Government".
func shortDesc(desc string) string {
	if i := strings.IndexAny(desc, ":("); i > 0 {
		desc = desc[:i]
	}
	return strings.TrimSpace(desc)
}

// maxNames and maxCandidates bound what the table shows of an entry's names
// and of a place name's candidates.
const (
	maxNames      = 6
	maxCandidates = 10
)

// write prints r as tables.
func (r *lookupResult) write(w io.Writer, today bool) error {
	ew := &errWriter{w: w}
	date := r.Date
	if today {
		date += " (today)"
	}
	focus := r.Focus
	if focus == "" {
		focus = "none"
	}
	ew.printf("text    %s\ndate    %s\nfocus   %s\n", r.Text, date, focus)

	ew.printf("\nActor names:")
	if len(r.Actors) == 0 {
		ew.printf(" none\n")
	} else {
		ew.printf("\n")
	}
	for _, a := range r.Actors {
		ew.printf("  %s  (%s:%d)\n", a.Text, a.File, a.Line)
		names := a.Names
		more := ""
		if len(names) > maxNames {
			more = fmt.Sprintf(" | ... (%d names)", len(names))
			names = names[:maxNames]
		}
		ew.printf("    names  %s%s\n", strings.Join(names, " | "), more)
		if a.Agent {
			ew.printf("    agent  %s\n", a.agent)
			continue
		}
		dated := len(a.Codes) > 1 || a.Codes[0].From != "" || a.Codes[0].To != ""
		for i, cd := range a.Codes {
			label := "       "
			if i == 0 {
				label = "codes  "
				if len(a.Codes) == 1 {
					label = "code   "
				}
			}
			line := cd.Code
			if cd.From != "" || cd.To != "" {
				line += " " + cd.From + ".." + cd.To
			}
			switch {
			case cd.Code == actor.NullCode:
				line += "  (not an actor)"
			case cd.Applies && dated && today:
				line += "  <- applies today"
			case cd.Applies && dated:
				line += "  <- applies on " + r.Date
			}
			ew.printf("    %s%s\n", label, line)
		}
		if a.Code == "" {
			ew.printf("           (no code applies on %s)\n", r.Date)
		}
	}

	if res := r.Resolved; res == nil {
		ew.printf("\nResolved actor: none\n")
	} else {
		note := ""
		if res.Incomplete {
			note = ", incomplete: whose is not said"
		}
		ew.printf("\nResolved actor: %s (%s%s)\n", res.Code, res.explain, note)
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		for _, ev := range res.Evidence {
			text := ev.Text
			if ev.Rule == actor.RuleFocus {
				text = "(--focus)"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", ev.Rule, text, ev.Code)
		}
		tw.Flush()
	}

	ew.printf("\nPlaces:")
	if len(r.Places) == 0 {
		ew.printf(" none\n")
	} else {
		ew.printf("\n")
	}
	for i, p := range r.Places {
		if i > 0 {
			ew.printf("\n")
		}
		how := ""
		if p.Lookup {
			how = "  (a lookup of the whole text: not accepted as a name in running text)"
		}
		ew.printf("  %s%s\n", p.Text, how)
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "    ID\tNAME\tKIND\tFEATURE\tCOUNTRY\tADMIN1\tLAT\tLON\tPOPULATION\n")
		for j, c := range p.Candidates {
			if j == maxCandidates {
				break
			}
			country := strings.Join(append([]string{orDash(c.Country)}, c.Also...), ",")
			admin1 := "-"
			if c.Admin1 != "" {
				admin1 = c.Admin1 + " " + c.Admin1Name
			}
			pop := "-"
			if c.Population > 0 {
				pop = strconv.FormatInt(c.Population, 10)
			}
			fmt.Fprintf(tw, "    %d\t%s\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%s\n",
				c.ID, c.Name, c.Kind, c.Feature, country, admin1, c.Lat, c.Lon, pop)
		}
		tw.Flush()
		if n := len(p.Candidates); n > maxCandidates {
			ew.printf("    ... and %d more (--json lists all)\n", n-maxCandidates)
		}
	}
	return ew.err
}

// describeAgent says what an agent code does.
func describeAgent(d *actor.Dictionary, code string) string {
	body := strings.Trim(code, "~")
	switch {
	case body == "":
		return code + " (adds no role: the phrase's other words decide)"
	case strings.HasPrefix(code, "~"):
		return fmt.Sprintf("%s (adds %s after the country)", code, explainCode(d, body, true))
	default:
		return fmt.Sprintf("%s (puts %s before the country)", code, explainCode(d, body, false))
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// An errWriter keeps the first write error, so that a long report can be
// printed without checking each line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}
