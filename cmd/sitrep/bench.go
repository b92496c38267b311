package main

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"sitrep/nlp"
	"sitrep/nlp/conllu"
)

// benchCorpus is the corpus 'sitrep bench nlp' falls back on when the EWT
// treebank is absent: one document of short news-like reports written for
// sitrep (not copied from any news source).
//
//go:embed corpus/news.txt
var benchCorpus string

// benchMinTime is how long the bench runs at least: the corpus is annotated
// again until this much time has passed, so that a small corpus still gives
// a stable rate.
const benchMinTime = time.Second

// benchNLPCommand is 'sitrep bench nlp'.
type benchNLPCommand struct {
	corpus     string
	model      string
	json       bool
	cpuprofile string
}

func (c *benchNLPCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("bench nlp", flag.ContinueOnError)
	fs.StringVar(&c.corpus, "corpus", "", "")
	fs.StringVar(&c.model, "model", "", "")
	fs.BoolVar(&c.json, "json", false, "")
	fs.StringVar(&c.cpuprofile, "cpuprofile", "", "")
	return fs
}

func (c *benchNLPCommand) synopsis() string {
	return "sitrep bench nlp [--corpus FILE] [--model FILE] [--json] [--cpuprofile FILE]"
}

func (c *benchNLPCommand) help() string {
	return `Bench nlp measures the NLP pipeline (segment, tokenize, tag, lemmatize, parse)
on one core: it annotates a fixed corpus in one goroutine with GOMAXPROCS=1,
again and again until at least ` + benchMinTime.String() + ` has passed, and reports tokens and
sentences per second, the time to load the model and the peak resident
memory (VmHWM; Linux only). 'sitrep bench' alone measures the main job
end to end.

The default corpus is the raw text of UD English EWT dev and test, rebuilt
from their "# text" lines (one document per "# newdoc"), from
../shared/data/ud-english-ewt beside the module root; when that is absent,
a small news-like corpus embedded in sitrep.

Flags:
  --corpus FILE       a UTF-8 text file to use as the corpus, one document
  --model FILE        a model written by 'sitrep train' (default: the model
                      embedded in sitrep)
  --json              print one line of JSON instead of a table
  --cpuprofile FILE   write a CPU profile of the measured runs to FILE
`
}

// benchResult is what 'sitrep bench nlp --json' prints.
type benchResult struct {
	Stage           string   `json:"stage"`
	Corpus          string   `json:"corpus"`
	Passes          int      `json:"passes"`
	Tokens          int      `json:"tokens"`
	Sentences       int      `json:"sentences"`
	Seconds         float64  `json:"seconds"`
	TokensPerSec    float64  `json:"tokens_per_sec"`
	SentencesPerSec float64  `json:"sentences_per_sec"`
	LoadSeconds     float64  `json:"load_seconds"`
	PeakRSSMB       *float64 `json:"peak_rss_mb"` // null where unknown
}

func (c *benchNLPCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	name, texts, err := c.loadCorpus(e)
	if err != nil {
		return err
	}
	m, load, err := loadModel(c.model)
	if err != nil {
		return err
	}
	stop, err := startCPUProfile(c.cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	r := benchResult{Stage: "nlp", Corpus: name, LoadSeconds: round(load.Seconds(), 3)}
	elapsed, err := benchNLP(ctx, m, texts, &r)
	if err != nil {
		return err
	}
	r.Seconds = round(elapsed.Seconds(), 3)
	r.TokensPerSec = float64(r.Tokens) / elapsed.Seconds()
	r.SentencesPerSec = float64(r.Sentences) / elapsed.Seconds()
	r.TokensPerSec, r.SentencesPerSec = round(r.TokensPerSec, 0), round(r.SentencesPerSec, 0)
	if rss, ok := peakRSS(); ok {
		mb := round(float64(rss)/(1<<20), 1)
		r.PeakRSSMB = &mb
	}
	if c.json {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	}
	rss := "n/a"
	if r.PeakRSSMB != nil {
		rss = strconv.FormatFloat(*r.PeakRSSMB, 'f', 1, 64) + " MB"
	}
	_, err = fmt.Fprintf(e.stdout, `stage          nlp
corpus         %s
passes         %d
tokens         %d
sentences      %d
seconds        %.3f
tokens/s/core  %.0f
sentences/s    %.0f
model load     %.3f s
peak RSS       %s
`, r.Corpus, r.Passes, r.Tokens, r.Sentences, r.Seconds, r.TokensPerSec, r.SentencesPerSec, r.LoadSeconds, rss)
	return err
}

// benchNLP annotates texts with m's full pipeline in one goroutine on one
// core until benchMinTime has passed, counting into r.
func benchNLP(ctx context.Context, m *nlp.Model, texts []string, r *benchResult) (time.Duration, error) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	p := m.Pipeline()
	start := time.Now()
	for r.Passes == 0 || time.Since(start) < benchMinTime {
		for _, text := range texts {
			doc := &nlp.Doc{Text: text}
			if err := p.Annotate(ctx, doc); err != nil {
				return 0, err
			}
			r.Tokens += len(doc.Tokens)
			r.Sentences += len(doc.Sentences)
		}
		r.Passes++
	}
	return time.Since(start), nil
}

// loadCorpus returns the corpus's description and its documents.
func (c *benchNLPCommand) loadCorpus(e *env) (string, []string, error) {
	if c.corpus != "" {
		in, err := openText(c.corpus, e.stdin)
		if err != nil {
			return "", nil, fmt.Errorf("corpus %w", err)
		}
		defer in.Close()
		data, err := io.ReadAll(in)
		if err != nil {
			return "", nil, fmt.Errorf("corpus %w", err)
		}
		warnInvalid(e, in)
		return in.Name, []string{string(data)}, nil
	}
	var texts []string
	dev, devErr := sharedDefault(defaultTreebank + "/" + devFile)
	test, testErr := sharedDefault(defaultTreebank + "/" + testFile)
	if devErr == nil && testErr == nil && exists(dev) && exists(test) {
		for _, path := range []string{dev, test} {
			docs, err := rawTexts(e, path)
			if err != nil {
				return "", nil, fmt.Errorf("corpus %w", err)
			}
			texts = append(texts, docs...)
		}
		return "UD English EWT dev+test text", texts, nil
	}
	return "embedded news-like corpus", []string{benchCorpus}, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// rawTexts rebuilds the raw text of a CoNLL-U file from its "# text"
// comments: one document per "# newdoc", sentences joined by a space, and
// paragraphs ("# newpar") by a blank line.
func rawTexts(e *env, path string) ([]string, error) {
	in, err := openText(path, nil)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	var docs []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			docs = append(docs, b.String())
			b.Reset()
		}
	}
	r := conllu.NewReader(in, in.Name)
	for {
		s, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		sep := " "
		for _, c := range s.Comments {
			switch {
			case strings.HasPrefix(c, "# newdoc"):
				flush()
			case strings.HasPrefix(c, "# newpar"):
				sep = "\n\n"
			}
		}
		for _, c := range s.Comments {
			if text, ok := strings.CutPrefix(c, "# text = "); ok {
				if b.Len() > 0 {
					b.WriteString(sep)
				}
				b.WriteString(text)
			}
		}
	}
	flush()
	warnInvalid(e, in)
	return docs, nil
}

// peakRSS returns the peak resident set size of the process in bytes, read
// from VmHWM in /proc/self/status; ok is false where that is unavailable.
func peakRSS() (n int64, ok bool) {
	if runtime.GOOS != "linux" {
		return 0, false
	}
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	return parseVmHWM(data)
}

// parseVmHWM reads the "VmHWM:   1234 kB" line of a /proc status file.
func parseVmHWM(status []byte) (int64, bool) {
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return 0, false
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, false
		}
		return kb << 10, true
	}
	return 0, false
}

// startCPUProfile writes a CPU profile to file until stop is called; ""
// profiles nothing.
func startCPUProfile(file string) (stop func(), err error) {
	if file == "" {
		return func() {}, nil
	}
	f, err := os.Create(file)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
