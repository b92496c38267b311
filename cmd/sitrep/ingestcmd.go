package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"sitrep/article"
	"sitrep/store"
)

// ingestCommand is 'sitrep ingest'.
type ingestCommand struct {
	db       string
	date     string
	source   string
	dict     string
	watch    time.Duration
	json     bool
	progress bool
	queue    string
	retry    time.Duration
}

func (c *ingestCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.StringVar(&c.db, "db", "sitrep.db", "")
	fs.StringVar(&c.date, "date", "", "")
	fs.StringVar(&c.source, "source", "", "")
	fs.StringVar(&c.dict, "dict", "", "")
	fs.DurationVar(&c.watch, "watch", 0, "")
	fs.BoolVar(&c.json, "json", false, "")
	fs.BoolVar(&c.progress, "progress", true, "")
	fs.StringVar(&c.queue, "queue", "", "")
	fs.DurationVar(&c.retry, "retry", 0, "")
	return fs
}

func (c *ingestCommand) synopsis() string {
	return "sitrep ingest [--db FILE] [--date YYYY-MM-DD] [--source NAME] [--dict DIR] [--watch INTERVAL] [--queue nats://HOST:PORT] [--json] SOURCE..."
}

func (c *ingestCommand) help() string {
	return `Ingest reads news articles, codes them, finds their copies, merges the
events they report and keeps everything in an SQLite database.

A SOURCE is a file, a folder (read recursively: .txt, .html, .json,
.jsonl, .ndjson, .xml, .rss, .atom), "-" for standard input, or the URL
of an RSS or Atom feed (each new item's page is fetched once) or of a
page. Ingest is idempotent and resumable: an article the database holds
already is skipped, so rerunning a batch after a crash or a kill stores
only what is missing, with no duplicates.

Bad input (a malformed JSON line, an unreachable feed, a file that is
too large, empty or binary) is reported on standard error with its file
and line; the rest is ingested, and the exit status is 1 at the end. A
summary follows: articles read, added and skipped, copies found, events
coded and merged, failures.

Flags:
  --db FILE              the database (default sitrep.db), created if absent,
                         or the URL of a PostgreSQL one (postgres://...)
  --date YYYY-MM-DD      the publication date of articles that give none
                         in their metadata or dateline
  --source NAME          the publisher of articles that name none
  --dict DIR             dictionaries of your own over the embedded ones,
                         as for 'sitrep code'
  --watch INTERVAL       keep polling the feeds among the SOURCEs every
                         INTERVAL (e.g. 15m), ingesting new items, until
                         interrupted; their merged events are written by
                         a remerge every minute
  --json                 print the summary as one JSON line on stdout
  --queue nats://HOST:PORT
                         publish the articles to a NATS JetStream work
                         queue for 'sitrep worker's to code and store,
                         instead of coding them here. Copies are found
                         here, in input order, against every article
                         published before; an article published before
                         is skipped. Several servers of a cluster go
                         comma-separated. --db, --dict and --progress do
                         not apply.
  --retry DURATION       how long to keep trying a queue that cannot be
                         reached, with backoff (default 1m)
  --progress=false       no progress bar (one is drawn on a terminal)
`
}

func (c *ingestCommand) run(ctx context.Context, e *env, args []string) error {
	opts := &article.Options{Stdin: e.stdin}
	if c.date != "" {
		d, err := time.Parse(time.DateOnly, c.date)
		if err != nil {
			return usagef("--date: want YYYY-MM-DD, got %q", c.date)
		}
		opts.Date = d
	}
	if len(args) == 0 {
		return usagef("missing SOURCE (a file, a folder, - or a feed URL)")
	}
	if c.watch < 0 {
		return usagef("--watch: want a positive interval, got %v", c.watch)
	}
	if c.queue != "" {
		return c.publish(ctx, e, args, opts)
	}
	st, err := openStore(ctx, c.db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	g, err := c.open(ctx, st)
	if err != nil {
		return err
	}
	if c.watch > 0 {
		g.batch = 1 // store each feed item as it comes, not when 64 have
		g.remergeEvery = time.Minute
	}
	seq := c.articles(ctx, args, opts)
	bar := newProgress(e.stderr, c.progress && !c.json)
	sum, err := g.ingest(ctx, seq, func(err error) {
		bar.clear()
		fmt.Fprintf(e.stderr, "sitrep: %s: %v\n", e.name, err)
	}, bar.tick)
	bar.finish()
	interrupted := errors.Is(err, context.Canceled) && ctx.Err() != nil
	if err != nil && !interrupted {
		return err
	}
	if err := c.report(e, st, sum); err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d %s failed; %d %s stored", sum.Failed, plural(sum.Failed, "input", "inputs"), sum.Added, plural(sum.Added, "article", "articles"))
	}
	if interrupted && c.watch > 0 {
		return nil // watching ends when interrupted
	}
	return ctx.Err()
}

// open loads the stages and restores the ingester's state from st.
func (c *ingestCommand) open(ctx context.Context, st store.Store) (*ingester, error) {
	p, err := loadStages(c.dict)
	if err != nil {
		return nil, err
	}
	return openIngester(ctx, p, st, p.enricher.Gazetteer)
}

// articles reads the sources once, or, with --watch, reads the files and
// then polls the feeds until ctx is done. Articles without a source get
// --source.
func (c *ingestCommand) articles(ctx context.Context, args []string, opts *article.Options) iter.Seq2[*article.Article, error] {
	var seq iter.Seq2[*article.Article, error]
	if c.watch > 0 {
		var feeds, files []string
		for _, a := range args {
			if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
				feeds = append(feeds, a)
			} else {
				files = append(files, a)
			}
		}
		w := &article.Watcher{Feeds: feeds, Interval: c.watch, Options: *opts}
		seq = func(yield func(*article.Article, error) bool) {
			for a, err := range article.Walk(ctx, files, opts) {
				if !yield(a, err) {
					return
				}
			}
			for a, err := range w.Watch(ctx) {
				if !yield(a, err) {
					return
				}
			}
		}
	} else {
		seq = article.Walk(ctx, args, opts)
	}
	if c.source == "" {
		return seq
	}
	return func(yield func(*article.Article, error) bool) {
		for a, err := range seq {
			if a != nil && a.Source == "" {
				a.Source = c.source
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

// report prints the summary: a line of JSON with --json, else a few
// lines on stderr.
func (c *ingestCommand) report(e *env, st store.Store, sum *ingestSummary) error {
	if c.json {
		return json.NewEncoder(e.stdout).Encode(sum)
	}
	w := e.stderr
	fmt.Fprintf(w, "%s: %d %s read: %d added, %d already stored; %d failed\n", c.db, sum.Read, plural(sum.Read, "article", "articles"), sum.Added, sum.Stored, sum.Failed)
	fmt.Fprintf(w, "copies: %d exact, %d near (reprints, updates, spun copies), %d stitched from several articles\n", sum.Exact, sum.Near, sum.Stitched)
	fmt.Fprintf(w, "events: %d coded, %d new, %d merged into events reported before\n", sum.Mentions, sum.NewEvents, sum.Merged)
	if s, err := st.Summary(context.Background()); err == nil {
		fmt.Fprintf(w, "database: %d articles (%d copies), %d mentions, %d events\n", s.Articles, s.Duplicates, s.Mentions, s.Events)
	}
	return nil
}

// A progress draws a spinner with counts on a terminal, and nothing
// elsewhere.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(w io.Writer, on bool) *progress {
	f, ok := w.(*os.File)
	if !on || !ok {
		return &progress{}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(-1, progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingesting"), progressbar.OptionShowCount(),
		progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())}
}

func (p *progress) tick() {
	if p.bar != nil {
		p.bar.Add(1)
	}
}

func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
