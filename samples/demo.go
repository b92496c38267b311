package samples

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

//go:embed demo.jsonl
var demoJSONL []byte

//go:embed README.md
var readme string

// DemoName names the demo corpus in errors and in Article.Origin.
const DemoName = "demo.jsonl"

// Demo returns a reader of the demo corpus: JSON Lines, one article a line
// with title, text, url, date (YYYY-MM-DD) and source.
func Demo() io.Reader { return bytes.NewReader(demoJSONL) }

// A Relation says that one line of the demo corpus copies or reports again
// what earlier lines did.
type Relation struct {
	// Line is the 1-based line of demo.jsonl.
	Line int
	// Kind is "reprint" (the same story in another outlet, lightly
	// edited), "stitched" (paragraphs of the Of lines, machine-spun, under
	// a duplicated title line) or "same-event" (the event of line Of,
	// reported independently).
	Kind string
	// Of lists the earlier lines, in order.
	Of []int
	// Title is the article's title, as a check on the line number.
	Title string
}

// Relation kinds.
const (
	Reprint   = "reprint"
	Stitched  = "stitched"
	SameEvent = "same-event"
)

// DemoRelations returns the table of related articles in the package's
// README.md, read once. The caller must not change the slice.
func DemoRelations() ([]Relation, error) { return demoRelations() }

var demoRelations = sync.OnceValues(func() ([]Relation, error) {
	return parseRelations(readme, "README.md")
})

// parseRelations reads the rows "| line | kind | of, of | title |" of the
// table after the heading "## Related articles".
func parseRelations(md, file string) ([]Relation, error) {
	var rels []Relation
	var errs linefile.List
	in := false
	for i, line := range strings.Split(md, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			in = line == "## Related articles"
			continue
		}
		if !in || !strings.HasPrefix(line, "|") {
			continue
		}
		// An escaped \| is part of a cell.
		cells := strings.Split(strings.ReplaceAll(strings.Trim(line, "|"), `\|`, "\x00"), "|")
		for j := range cells {
			cells[j] = strings.TrimSpace(strings.ReplaceAll(cells[j], "\x00", "|"))
		}
		if len(cells) != 4 {
			errs.Add(file, i+1, "want 4 cells (line, relation, of, title), got %d", len(cells))
			continue
		}
		if cells[0] == "line" || strings.Trim(cells[0], "-:") == "" {
			continue // header and separator
		}
		r := Relation{Kind: cells[1], Title: cells[3]}
		n, err := strconv.Atoi(cells[0])
		if err != nil || n < 1 {
			errs.Add(file, i+1, "line %q is not a positive number", cells[0])
			continue
		}
		r.Line = n
		if !slices.Contains([]string{Reprint, Stitched, SameEvent}, r.Kind) {
			errs.Add(file, i+1, "unknown relation %q", r.Kind)
			continue
		}
		for f := range strings.SplitSeq(cells[2], ",") {
			m, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || m < 1 || m >= n {
				errs.Add(file, i+1, "of %q: want earlier line numbers", strings.TrimSpace(f))
				continue
			}
			r.Of = append(r.Of, m)
		}
		rels = append(rels, r)
	}
	if len(rels) == 0 {
		errs.Add(file, 0, "no row under %q", "## Related articles")
	}
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("samples: %w", err)
	}
	return rels, nil
}
