package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"sitrep/event/petrarch"
)

// evalPetrarchCommand is 'sitrep eval petrarch'.
type evalPetrarchCommand struct {
	dict   string // the folder of the suite's dictionaries; "" for the suite's own
	parses string // "suite" or "own"
	json   bool
}

func (c *evalPetrarchCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("eval petrarch", flag.ContinueOnError)
	fs.StringVar(&c.dict, "dict", "", "")
	fs.StringVar(&c.parses, "parses", "suite", "")
	fs.BoolVar(&c.json, "json", false, "")
	return fs
}

func (c *evalPetrarchCommand) synopsis() string {
	return "sitrep eval petrarch [--dict DIR] [--parses suite|own] [--json] FILE.xml"
}

func (c *evalPetrarchCommand) help() string {
	return `Eval petrarch codes the records of a PETRARCH validation suite (the
UniversalPetrarch PETR_Validate_records_*.xml, or PETRARCH2's unit tests)
with the dictionaries the suite's <Environment> names, read the way PETRARCH
reads them and found beside FILE.xml, and scores the events against the
suite's gold codings: per category of records and in total, the gold events
found and missed and the events coded that the gold lacks (false positives),
as percentages of the gold events.

Flags:
  --dict DIR            read the dictionaries the environment names from DIR
                        instead of the suite's folder
  --parses suite|own    code the suite's own CoNLL-U parses (the default), or
                        parse each record's text with sitrep's model
  --json                print one line of JSON instead of the table:
                        {"suite","parses","records","gold","found","missed",
                        "false_positives","found_pct","missed_pct",
                        "false_positives_pct"}
`
}

func (c *evalPetrarchCommand) run(ctx context.Context, e *env, args []string) error {
	if c.parses != "suite" && c.parses != "own" {
		return usagef("--parses: want suite or own, got %q", c.parses)
	}
	switch len(args) {
	case 0:
		return usagef("missing FILE.xml")
	case 1:
	default:
		return usagef("want one FILE.xml, got %d arguments", len(args))
	}
	s, err := petrarch.ReadSuite(args[0])
	if err != nil {
		return withPath(err)
	}
	if c.dict != "" {
		fi, err := os.Stat(c.dict)
		if err != nil {
			return fmt.Errorf("--dict %w", pathError(c.dict, err))
		}
		if !fi.IsDir() {
			return fmt.Errorf("--dict %s: %w", c.dict, syscall.ENOTDIR)
		}
		for k, p := range s.Files {
			s.Files[k] = filepath.Join(c.dict, filepath.Base(p))
		}
	}
	env, err := petrarch.Environment(s)
	if err != nil {
		return fmt.Errorf("%s: environment: %w", s.Path, withPath(err))
	}
	var parser petrarch.Parser
	if c.parses == "own" {
		m, _, err := loadModel("")
		if err != nil {
			return err
		}
		parser = m.Pipeline()
	} else if !hasParses(s) {
		return fmt.Errorf("%s: no record has a CoNLL-U parse (Penn Treebank parses are not read); use --parses own", s.Path)
	}
	rep, err := petrarch.Evaluate(ctx, s, env, parser)
	if err != nil {
		return err
	}
	if !c.json {
		return rep.Write(e.stdout)
	}
	pct := func(n int) float64 {
		if rep.Gold == 0 {
			return 0
		}
		return round(100*float64(n)/float64(rep.Gold), 2)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(evalPetrarchJSON{
		Suite: s.Path, Parses: c.parses, Records: rep.Records, Gold: rep.Gold,
		Found: rep.Found, Missed: rep.Missed, FalsePositives: rep.FalsePositives,
		FoundPct: pct(rep.Found), MissedPct: pct(rep.Missed), FalsePositivesPct: pct(rep.FalsePositives),
	})
}

// evalPetrarchJSON is the line 'sitrep eval petrarch --json' prints.
// Percentages are of the gold events, rounded to two decimals.
type evalPetrarchJSON struct {
	Suite             string  `json:"suite"`
	Parses            string  `json:"parses"`
	Records           int     `json:"records"`
	Gold              int     `json:"gold"`
	Found             int     `json:"found"`
	Missed            int     `json:"missed"`
	FalsePositives    int     `json:"false_positives"`
	FoundPct          float64 `json:"found_pct"`
	MissedPct         float64 `json:"missed_pct"`
	FalsePositivesPct float64 `json:"false_positives_pct"`
}

// withPath rewrites an error of opening a file as "path: problem", as
// sitrep's errors read; others it leaves alone.
func withPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pathError(pe.Path, err)
	}
	return err
}

// hasParses reports whether any record of the suite has a CoNLL-U parse.
func hasParses(s *petrarch.Suite) bool {
	for _, r := range s.Records {
		if r.Parse != "" {
			return true
		}
	}
	return false
}
