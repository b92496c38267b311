package petrarch

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"sitrep/event"
	"sitrep/nlp"
	"sitrep/nlp/conllu"
)

// A Report scores a coder on a suite: gold events found, missed, and
// events coded that the gold does not have.
type Report struct {
	Records        int // evaluated records
	Gold           int
	Found          int
	Missed         int
	FalsePositives int
	Categories     []*Tally // in order of first appearance
	Results        []*Result
}

// A Tally is the score of one category of records.
type Tally struct {
	Category                             string
	Records, Gold, Found, Missed, FalseP int
}

// A Result is one record's outcome.
type Result struct {
	Record *Record
	Coded  []Coding
	Found  int
	// Events are the coder's events, with their evidence.
	Events []event.Event
	Err    error
}

// Parser annotates raw text: sitrep's own pipeline, for scoring with our
// parses instead of the suite's.
type Parser interface {
	Annotate(ctx context.Context, doc *nlp.Doc) error
}

// Evaluate codes every record the suite marks for evaluation. With parser
// nil the suite's CoNLL-U parses are used; otherwise the text is parsed
// with parser. A record that cannot be read or coded counts its gold as
// missed and is reported in its Result.
func Evaluate(ctx context.Context, s *Suite, env *Env, parser Parser) (*Report, error) {
	coder := env.Coder()
	rep := &Report{}
	tallies := map[string]*Tally{}
	for _, r := range s.Records {
		if !r.Evaluate {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res := &Result{Record: r}
		toks, err := tokens(ctx, r, parser)
		if err == nil {
			res.Events, err = coder.CodeSentence(toks, event.Options{Date: r.Date})
		}
		res.Err = err
		for _, e := range res.Events {
			res.Coded = append(res.Coded, Coding{Event: e.Code, Source: env.Unalias(code(e.Source)), Target: env.Unalias(code(e.Target))})
		}
		res.Found = overlap(r.Gold, res.Coded)
		rep.Results = append(rep.Results, res)
		t := tallies[r.Category]
		if t == nil {
			t = &Tally{Category: r.Category}
			tallies[r.Category] = t
			rep.Categories = append(rep.Categories, t)
		}
		t.Records++
		t.Gold += len(r.Gold)
		t.Found += res.Found
		t.Missed += len(r.Gold) - res.Found
		t.FalseP += len(res.Coded) - res.Found
		rep.Records++
		rep.Gold += len(r.Gold)
		rep.Found += res.Found
		rep.Missed += len(r.Gold) - res.Found
		rep.FalsePositives += len(res.Coded) - res.Found
	}
	return rep, nil
}

func code(a *event.Actor) string {
	if a == nil {
		return "---"
	}
	return a.Code
}

// tokens returns the record's parsed sentence: the suite's parse, or ours
// of its text (all sentences joined, since a record is one sentence that
// our segmenter may split).
func tokens(ctx context.Context, r *Record, parser Parser) ([]nlp.Token, error) {
	if parser == nil {
		if r.Parse == "" {
			return nil, fmt.Errorf("record %s has no CoNLL-U parse", r.ID)
		}
		ss, err := conllu.ReadAll(strings.NewReader(r.Parse), fmt.Sprintf("%s:%d", r.ID, r.Line))
		if err != nil {
			return nil, err
		}
		var toks []nlp.Token
		for _, s := range ss {
			toks = append(toks, s.Doc.Tokens...)
		}
		return toks, nil
	}
	doc := &nlp.Doc{Text: r.Text}
	if err := parser.Annotate(ctx, doc); err != nil {
		return nil, err
	}
	if len(doc.Sentences) == 1 {
		return doc.Tokens, nil
	}
	// Keep the longest sentence: a record is one sentence.
	best := 0
	for i, s := range doc.Sentences {
		if s.Limit-s.First > doc.Sentences[best].Limit-doc.Sentences[best].First {
			best = i
		}
	}
	return doc.SentenceTokens(best), nil
}

// overlap counts the codings two lists share, as multisets.
func overlap(gold, coded []Coding) int {
	left := slices.Clone(coded)
	n := 0
	for _, g := range gold {
		if i := slices.Index(left, g); i >= 0 {
			n++
			left = slices.Delete(left, i, i+1)
		}
	}
	return n
}

// Write prints the report in the layout of UniversalPetrarch's README: a
// line per category, then the totals, as percentages of gold events.
func (rep *Report) Write(w io.Writer) error {
	pct := func(n, d int) float64 {
		if d == 0 {
			return 0
		}
		return 100 * float64(n) / float64(d)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %7s %5s %8s %8s %8s\n", "Category", "Records", "Gold", "Found", "Missed", "FalsePos")
	for _, t := range rep.Categories {
		fmt.Fprintf(&b, "%-10s %7d %5d %7.2f%% %7.2f%% %7.2f%%\n", t.Category, t.Records, t.Gold,
			pct(t.Found, t.Gold), pct(t.Missed, t.Gold), pct(t.FalseP, t.Gold))
	}
	fmt.Fprintf(&b, "%-10s %7d %5d %7.2f%% %7.2f%% %7.2f%%\n", "Total", rep.Records, rep.Gold,
		pct(rep.Found, rep.Gold), pct(rep.Missed, rep.Gold), pct(rep.FalsePositives, rep.Gold))
	fmt.Fprintf(&b, "\nRecords: %d  Gold events: %d  Found: %d  Missed: %d  False positives: %d\n",
		rep.Records, rep.Gold, rep.Found, rep.Missed, rep.FalsePositives)
	_, err := io.WriteString(w, b.String())
	return err
}
