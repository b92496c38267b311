package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"sitrep/article"
	"sitrep/enrich"
	"sitrep/event"
	"sitrep/record"
)

// codeCommand is 'sitrep code'.
type codeCommand struct {
	date   string // YYYY-MM-DD, the date of articles that give none
	format string // "json", "tsv" or "table"
	dict   string // a folder of user dictionaries; "" for none
	bare   bool   // --no-enrich: events only, without places, dates, counts and quotes
}

func (c *codeCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("code", flag.ContinueOnError)
	fs.StringVar(&c.date, "date", "", "")
	fs.StringVar(&c.format, "format", "json", "")
	fs.StringVar(&c.dict, "dict", "", "")
	fs.BoolVar(&c.bare, "no-enrich", false, "")
	return fs
}

func (c *codeCommand) synopsis() string {
	return "sitrep code [--date YYYY-MM-DD] [--format json|tsv|table] [--dict DIR] [--no-enrich] FILE...|-"
}

func (c *codeCommand) help() string {
	return `Code reads news articles and codes their events: who did what to whom, as
CAMEO codes with their PLOVER types, Goldstein weights and quad classes,
each with the sentence and words it was read from.

A FILE ("-" for standard input) is either plain text, one article whose
first line is its title, or JSON Lines, one article a line as
{"title", "text", "url", "date", "source"}: a file named *.jsonl or *.json,
or any input whose first non-blank character is "{". Articles are coded on
every core and printed in input order.

A bad JSON line, an article without text and a file that cannot be read
are reported on standard error with their file and line; the other articles
are still coded, and sitrep exits with status 1 at the end.

Flags:
  --date YYYY-MM-DD      the publication date of articles that give none
                         (a JSON line's "date" wins); actor codes depend on
                         it (who was president then). Without it such
                         articles are undated
  --format json|tsv|table
                         json (the default): one record a line per article,
                         as README.md describes; tsv: a header, then one
                         line per event; table: each article's title and
                         events, for reading
  --dict DIR             dictionaries of your own laid over the embedded
                         ones: DIR/actor/*.txt over actor/data, and
                         DIR/event/*.txt (cameo.txt, verbs*.txt, nouns.txt,
                         discards.txt, pico.txt) over event/data. A file
                         named like an embedded one replaces it, other files
                         are added; every bad line is reported
  --no-enrich            code events only: no event locations or dates from
                         the text, and no places, counts or quotes (faster)
`
}

func (c *codeCommand) run(ctx context.Context, e *env, args []string) error {
	var date time.Time
	if c.date != "" {
		d, err := time.Parse(time.DateOnly, c.date)
		if err != nil {
			return usagef("--date: want YYYY-MM-DD, got %q", c.date)
		}
		date = d
	}
	if c.format != "json" && c.format != "tsv" && c.format != "table" {
		return usagef("--format: want json, tsv or table, got %q", c.format)
	}
	if len(args) == 0 {
		return usagef("missing FILE (use - for standard input)")
	}
	m, _, err := loadModel("")
	if err != nil {
		return err
	}
	coder, err := loadCoder(c.dict)
	if err != nil {
		return err
	}
	var enricher *enrich.Enricher
	if !c.bare {
		if enricher, err = loadEnricher(coder); err != nil {
			return err
		}
	}
	out := bufio.NewWriter(e.stdout)
	w := newRecordWriter(c.format, out, coder.Ontology)
	if err := w.begin(); err != nil {
		return err
	}
	var coded, failed int
	err = newPipeline(m, coder, enricher).run(ctx, 0, readArticles(e, args, date), func(r codeResult) error {
		if r.err != nil {
			fmt.Fprintf(e.stderr, "sitrep: %s: %v\n", e.name, r.err)
			if warn := (*inputWarning)(nil); !errors.As(r.err, &warn) && !article.IsWarning(r.err) {
				failed++
			}
			return nil
		}
		coded++
		return w.write(r.article, r.record)
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d %s failed; %d %s coded", failed, failed+coded,
			plural(failed+coded, "input", "inputs"), coded, plural(coded, "article", "articles"))
	}
	return nil
}

// An inputWarning is a problem with an input that did not stop it from
// being read: it is printed, and not counted as a failure.
type inputWarning struct{ in, msg string }

func (w *inputWarning) Error() string { return w.in + ": warning: " + w.msg }

// readArticles returns the articles of the inputs at paths ("-" for
// stdin), in order; an article without a date gets date, when not zero.
// The errors and warnings of reading come in the sequence, in place.
func readArticles(e *env, paths []string, date time.Time) iter.Seq[codeInput] {
	return func(yield func(codeInput) bool) {
		for _, p := range paths {
			if !readInput(e, p, date, yield) {
				return
			}
		}
	}
}

// readInput yields the articles of one input and reports whether to go on.
func readInput(e *env, path string, date time.Time, yield func(codeInput) bool) bool {
	in, err := openText(path, e.stdin)
	if err != nil {
		return yield(codeInput{err: err})
	}
	defer in.Close()
	br := bufio.NewReaderSize(in, 64<<10)
	give := func(a *article.Article, err error) bool {
		if a != nil && a.Date.IsZero() && !date.IsZero() {
			a.Date, a.DateFrom = date, article.DateDefault
		}
		return yield(codeInput{article: a, err: err})
	}
	if isJSONL(path, br) {
		r := article.NewJSONLReader(br, in.Name)
		for {
			a, err := r.Read()
			if err == io.EOF {
				break
			}
			if !give(a, err) {
				return false
			}
		}
	} else if !give(article.ReadText(br, in.Name)) {
		return false
	}
	if in.Invalid > 0 {
		return yield(codeInput{err: &inputWarning{in: in.Name, msg: fmt.Sprintf("replaced %d invalid UTF-8 %s with U+FFFD",
			in.Invalid, plural(in.Invalid, "byte", "bytes"))}})
	}
	return true
}

// isJSONL reports whether an input holds JSON Lines: its name ends in
// .jsonl or .json, or its first non-blank byte is '{'.
func isJSONL(path string, br *bufio.Reader) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".json":
		return true
	}
	head, _ := br.Peek(4096)
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == '{'
}

// A recordWriter prints records in one of the output formats.
type recordWriter struct {
	format string
	w      *bufio.Writer
	onto   *event.Ontology
	enc    *json.Encoder
	// escape writes backslashes, tabs and line breaks in a TSV field as
	// \\, \t, \n and \r, so that it stays on its line and in its column.
	escape *strings.Replacer
}

func newRecordWriter(format string, w *bufio.Writer, onto *event.Ontology) *recordWriter {
	rw := &recordWriter{format: format, w: w, onto: onto,
		escape: strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)}
	if format == "json" {
		rw.enc = json.NewEncoder(w)
		rw.enc.SetEscapeHTML(false)
	}
	return rw
}

// begin writes what comes before the first record: the TSV header.
func (rw *recordWriter) begin() error {
	if rw.format != "tsv" {
		return nil
	}
	_, err := fmt.Fprintln(rw.w, "article\tevent\tdate\tdate_precision\tsource\tcameo\ttarget\troot\tquad\tgoldstein\tplover\tplace\tcountry\tlat\tlon\tsentence\tevidence")
	return err
}

func (rw *recordWriter) write(a *article.Article, r *record.Article) error {
	switch rw.format {
	case "json":
		return rw.enc.Encode(r)
	case "tsv":
		for _, ev := range r.Events {
			var place, country, lat, lon string
			if l := ev.Location; l != nil {
				place, country = rw.escape.Replace(l.Name), l.Country
				lat, lon = strconv.FormatFloat(l.Lat, 'f', -1, 64), strconv.FormatFloat(l.Lon, 'f', -1, 64)
			}
			fmt.Fprintln(rw.w, strings.Join([]string{r.Meta.ID, ev.ID, orEmpty(ev.Date), orEmpty(ev.DatePrecision), actorCodeOf(ev.Source, ""),
				ev.CAMEO, actorCodeOf(ev.Target, ""), ev.Root, strconv.Itoa(ev.Quad),
				strconv.FormatFloat(ev.Goldstein, 'f', -1, 64), ev.Plover, place, country, lat, lon, strconv.Itoa(ev.Sentence),
				rw.escape.Replace(ev.Evidence.Text)}, "\t"))
		}
	default:
		rw.writeTable(a, r)
	}
	// A bufio.Writer keeps its first error; Flush reports it in the end,
	// and this one stops the run early.
	_, err := rw.w.Write(nil)
	return err
}

// writeTable prints an article's title, where it came from, and its
// events, each on a line with its sentence below.
func (rw *recordWriter) writeTable(a *article.Article, r *record.Article) {
	title := r.Meta.Title
	if title == "" {
		title = "(untitled)"
	}
	meta := []string{a.Origin}
	if r.Meta.Date != nil {
		meta = append(meta, *r.Meta.Date)
	}
	meta = append(meta, fmt.Sprintf("%d %s", len(r.Events), plural(len(r.Events), "event", "events")))
	fmt.Fprintf(rw.w, "%s\n  %s\n", title, strings.Join(meta, ", "))
	rows := make([][3]string, len(r.Events))
	var width [3]int
	for i, ev := range r.Events {
		rows[i] = [3]string{actorCodeOf(ev.Source, "-"), ev.CAMEO + "(" + rw.describe(ev.CAMEO) + ")", actorCodeOf(ev.Target, "-")}
		for k, cell := range rows[i] {
			width[k] = max(width[k], len(cell))
		}
	}
	for i, ev := range r.Events {
		row := rows[i]
		line := fmt.Sprintf("  %-*s  %-*s  %-*s  %q", width[0], row[0], width[1], row[1], width[2], row[2], ev.Verb.Text)
		if ev.Negated {
			line += "  negated"
		}
		fmt.Fprintf(rw.w, "\n%s\n      %s\n", line, strings.Join(strings.Fields(ev.Evidence.Text), " "))
		if where := whereWhen(ev); where != "" {
			fmt.Fprintf(rw.w, "      %s\n", where)
		}
	}
	fmt.Fprintln(rw.w)
}

// describe returns a code's CAMEO description without CAMEO's "not
// specified below".
func (rw *recordWriter) describe(code string) string {
	if rw.onto == nil {
		return "?"
	}
	c, ok := rw.onto.Code(code)
	if !ok {
		return "?"
	}
	return strings.TrimSuffix(c.Description, ", not specified below")
}

func actorCodeOf(a *record.Actor, none string) string {
	if a == nil {
		return none
	}
	return a.Code
}

func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// whereWhen describes an event's date and place for the table: "2018-07-04
// (day: Wednesday evening) · Daraa Governorate, SYR (region, by clause)";
// "" when it has neither.
func whereWhen(ev record.Event) string {
	var parts []string
	if ev.Date != nil {
		d := *ev.Date
		switch {
		case ev.DateText != nil:
			d += fmt.Sprintf(" (%s: %s)", orEmpty(ev.DatePrecision), *ev.DateText)
		case ev.DatePrecision != nil:
			d += " (" + *ev.DatePrecision + ")"
		}
		parts = append(parts, d)
	}
	if l := ev.Location; l != nil {
		parts = append(parts, fmt.Sprintf("%s, %s (%s, by %s)", l.Name, l.Country, l.Precision, l.How))
	}
	return strings.Join(parts, " · ")
}
