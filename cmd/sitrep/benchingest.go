package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"sitrep/article"
	"sitrep/samples"
	"sitrep/store/sqlite"
)

// benchIngestCommand is 'sitrep bench' (or 'sitrep bench ingest'): the
// main job end to end.
type benchIngestCommand struct {
	articles int
	seed     uint64
	db       string
	json     bool
	profile  string
}

func (c *benchIngestCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.IntVar(&c.articles, "articles", 5000, "")
	fs.Uint64Var(&c.seed, "seed", 1, "")
	fs.StringVar(&c.db, "db", "", "")
	fs.BoolVar(&c.json, "json", false, "")
	fs.StringVar(&c.profile, "cpuprofile", "", "")
	return fs
}

func (c *benchIngestCommand) synopsis() string {
	return "sitrep bench [ingest] [--articles N] [--seed N] [--db FILE] [--json] [--cpuprofile FILE]"
}

func (c *benchIngestCommand) help() string {
	return `Bench measures the main job end to end: N generated articles (the
samples package's generator: realistic wire articles on several
conflicts, 10% of them reprints) read as JSON, parsed, coded, enriched
(places, dates, counts, quotes), deduplicated, merged and stored in a
fresh SQLite database on every core. It prints articles and tokens per
second and the process's peak resident memory (VmHWM; Linux only). The
time counts from the first article read to the last stored; loading the
model and dictionaries is reported apart.

Flags:
  --articles N     how many articles (default 5000)
  --seed N         the generator's seed (default 1): the same corpus for
                   the same N and seed
  --db FILE        the database to fill (default: a temporary file,
                   removed at the end); it must not exist
  --json           print one line: {"articles","tokens","seconds",
                   "articles_per_sec","tokens_per_sec","peak_rss_mb",
                   "cpu_seconds","load_seconds","events","mentions"};
                   cpu_seconds is the CPU time of the run on all
                   cores, steadier than seconds on a shared machine
  --cpuprofile FILE  write a CPU profile of the measured run to FILE
`
}

// benchIngestResult is what 'sitrep bench --json' prints.
type benchIngestResult struct {
	Articles       int      `json:"articles"`
	Tokens         int      `json:"tokens"`
	Seconds        float64  `json:"seconds"`
	ArticlesPerSec float64  `json:"articles_per_sec"`
	TokensPerSec   float64  `json:"tokens_per_sec"`
	PeakRSSMB      *float64 `json:"peak_rss_mb"` // null where unknown
	CPUSeconds     *float64 `json:"cpu_seconds"` // user + system, all cores; null where unknown
	LoadSeconds    float64  `json:"load_seconds"`
	Mentions       int      `json:"mentions"`
	Events         int      `json:"events"`
}

func (c *benchIngestCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if c.articles <= 0 {
		return usagef("--articles: want a positive number, got %d", c.articles)
	}
	db := c.db
	if db == "" {
		dir, err := os.MkdirTemp("", "sitrep-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		db = filepath.Join(dir, "bench.db")
	} else if _, err := os.Stat(db); err == nil {
		return usagef("--db: %s exists; the bench fills a fresh database", db)
	}
	gen, err := samples.DefaultGenerator()
	if err != nil {
		return err
	}
	start := time.Now()
	st, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	g, err := (&ingestCommand{}).open(ctx, st)
	if err != nil {
		return err
	}
	load := time.Since(start)
	seq := func(yield func(*article.Article, error) bool) {
		for s := range gen.Generate(c.articles, c.seed) {
			a, err := article.FromRecord(article.Record{Title: s.Title, Text: s.Text, URL: s.URL, Date: s.Date, Source: s.Source})
			if !yield(a, err) {
				return
			}
		}
	}
	stop, err := startCPUProfile(c.profile)
	if err != nil {
		return err
	}
	start = time.Now()
	cpu0, cpuOK := cpuTime()
	sum, err := g.ingest(ctx, seq, nil, nil)
	elapsed := time.Since(start)
	cpu1, _ := cpuTime()
	stop()
	if err != nil {
		return err
	}
	r := benchIngestResult{Articles: sum.Added, Tokens: sum.Tokens, Seconds: round(elapsed.Seconds(), 3),
		ArticlesPerSec: round(float64(sum.Added)/elapsed.Seconds(), 1), TokensPerSec: round(float64(sum.Tokens)/elapsed.Seconds(), 0),
		LoadSeconds: round(load.Seconds(), 3), Mentions: sum.Mentions}
	if s, err := st.Summary(ctx); err == nil {
		r.Events = s.Events
	}
	if rss, ok := peakRSS(); ok {
		mb := round(float64(rss)/(1<<20), 1)
		r.PeakRSSMB = &mb
	}
	if cpuOK {
		sec := round((cpu1 - cpu0).Seconds(), 1)
		r.CPUSeconds = &sec
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d of %d generated articles failed: %v", sum.Failed, sum.Read, sum.failures[0])
	}
	if c.json {
		return json.NewEncoder(e.stdout).Encode(r)
	}
	rss, cpu := "n/a", "n/a"
	if r.PeakRSSMB != nil {
		rss = strconv.FormatFloat(*r.PeakRSSMB, 'f', 1, 64) + " MB"
	}
	if r.CPUSeconds != nil {
		cpu = strconv.FormatFloat(*r.CPUSeconds, 'f', 1, 64) + " s (all cores)"
	}
	fmt.Fprintf(e.stdout, `articles       %d (generated, seed %d)
tokens         %d
seconds        %.3f
articles/s     %.1f
tokens/s       %.0f
events         %d merged from %d mentions
CPU            %s
load           %.3f s
peak RSS       %s
`, r.Articles, c.seed, r.Tokens, r.Seconds, r.ArticlesPerSec, r.TokensPerSec, r.Events, r.Mentions, cpu, r.LoadSeconds, rss)
	return nil
}
