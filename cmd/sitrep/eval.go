package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"time"

	"sitrep/nlp"
	"sitrep/nlp/conllu"
)

// evalUDCommand is 'sitrep eval ud'.
type evalUDCommand struct {
	model string
	json  bool
}

func (c *evalUDCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("eval ud", flag.ContinueOnError)
	fs.StringVar(&c.model, "model", "", "")
	fs.BoolVar(&c.json, "json", false, "")
	return fs
}

func (c *evalUDCommand) synopsis() string {
	return "sitrep eval ud [--model FILE] [--json] TREEBANK.conllu"
}

func (c *evalUDCommand) help() string {
	return `Eval ud tags, lemmatizes and parses the sentences of a Universal Dependencies
treebank with its gold tokenization, and scores the result against the
treebank: UPOS, XPOS and lemma accuracy, unlabeled and labeled attachment
(LAS on universal relations, as the CoNLL 2018 shared task counts it; LAS(full)
with subtypes), all in percent of words, and the speed in words per second.

Flags:
  --model FILE   a model written by 'sitrep train' (default: the model
                 embedded in sitrep)
  --json         print one line of JSON instead of a table
`
}

func (c *evalUDCommand) run(ctx context.Context, e *env, args []string) error {
	switch len(args) {
	case 0:
		return usagef("missing TREEBANK.conllu")
	case 1:
	default:
		return usagef("want one TREEBANK.conllu, got %d arguments", len(args))
	}
	m, _, err := loadModel(c.model)
	if err != nil {
		return err
	}
	r, err := scoreTreebank(ctx, e, m, args[0])
	if err != nil {
		return err
	}
	if c.json {
		return writeEvalJSON(e.stdout, r)
	}
	s := r.Scores
	_, err = fmt.Fprintf(e.stdout, `treebank   %s
sentences  %d
words      %d
UPOS       %.2f
XPOS       %.2f
Lemma      %.2f
UAS        %.2f
LAS        %.2f
LAS(full)  %.2f
words/s    %.0f
`, r.Treebank, r.Sentences, s.Words, s.Percent(s.UPOS), s.Percent(s.XPOS), s.Percent(s.Lemma),
		s.Percent(s.UAS), s.Percent(s.LAS), s.Percent(s.LASFull), r.wordsPerSec())
	return err
}

// A udResult is the score of a model on a treebank.
type udResult struct {
	Treebank  string
	Sentences int
	Scores    conllu.Scores
	// Elapsed is the time spent annotating, reading and scoring excluded.
	Elapsed time.Duration
}

func (r *udResult) wordsPerSec() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Scores.Words) / r.Elapsed.Seconds()
}

// scoreTreebank annotates the treebank at path with m, one sentence at a
// time, and scores it.
func scoreTreebank(ctx context.Context, e *env, m *nlp.Model, path string) (*udResult, error) {
	in, err := openText(path, e.stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	res := &udResult{Treebank: in.Name}
	an := m.Analyzers()
	rd := conllu.NewReader(in, in.Name)
	for {
		gold, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		pred := &conllu.Sentence{Doc: gold.Doc.Clone(), Line: gold.Line}
		clearAnnotation(pred.Doc)
		start := time.Now()
		err = an.Annotate(ctx, pred.Doc)
		res.Elapsed += time.Since(start)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", in.Name, gold.Line, err)
		}
		s, err := conllu.Score([]*conllu.Sentence{gold}, []*conllu.Sentence{pred})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Name, err)
		}
		res.Scores.Add(s)
		res.Sentences++
	}
	warnInvalid(e, in)
	return res, nil
}

// evalJSON is the line 'sitrep eval ud --json' prints. Scores are percentages
// rounded to two decimals.
type evalJSON struct {
	Treebank    string  `json:"treebank"`
	Sentences   int     `json:"sentences"`
	Words       int     `json:"words"`
	UPOS        float64 `json:"upos"`
	XPOS        float64 `json:"xpos"`
	Lemma       float64 `json:"lemma"`
	UAS         float64 `json:"uas"`
	LAS         float64 `json:"las"`
	LASFull     float64 `json:"las_full"`
	Seconds     float64 `json:"seconds"`
	WordsPerSec float64 `json:"words_per_sec"`
}

func writeEvalJSON(w io.Writer, r *udResult) error {
	s := r.Scores
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(evalJSON{
		Treebank:    r.Treebank,
		Sentences:   r.Sentences,
		Words:       s.Words,
		UPOS:        round(s.Percent(s.UPOS), 2),
		XPOS:        round(s.Percent(s.XPOS), 2),
		Lemma:       round(s.Percent(s.Lemma), 2),
		UAS:         round(s.Percent(s.UAS), 2),
		LAS:         round(s.Percent(s.LAS), 2),
		LASFull:     round(s.Percent(s.LASFull), 2),
		Seconds:     round(r.Elapsed.Seconds(), 3),
		WordsPerSec: math.Round(r.wordsPerSec()),
	})
}

// round rounds x to n decimals.
func round(x float64, n int) float64 {
	p := math.Pow(10, float64(n))
	return math.Round(x*p) / p
}
