package main

import (
	"context"
	"io"
	"iter"

	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sitrep/article"
	"syscall"

	"sitrep/samples"
	"sitrep/server"
	"sitrep/store"
	"sitrep/store/sqlite"
	"sitrep/web"
)

// serveCommand is 'sitrep serve'.
type serveCommand struct {
	db, addr string
}

func (c *serveCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.StringVar(&c.db, "db", "sitrep.db", "")
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "")
	return fs
}

func (c *serveCommand) synopsis() string {
	return "sitrep serve [--db FILE] [--addr HOST:PORT]"
}

func (c *serveCommand) help() string {
	return `Serve answers queries over a database that 'sitrep ingest' filled: the
HTTP JSON API under /api/ (events with filters and pages, an event with
its mentions, an article with its annotations, statistics, exports; its
OpenAPI description at /api/openapi.json) and the web view at /. It
prints the address it listens on and runs until interrupted.

Flags:
  --db FILE              the database (default sitrep.db), opened read-only,
                         or the URL of a PostgreSQL one (postgres://...)
  --addr HOST:PORT       where to listen (default 127.0.0.1:8080); port 0
                         picks a free port, and the real one is printed
`
}

func (c *serveCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	st, err := openStore(ctx, c.db, true)
	if err != nil {
		if !isPostgres(c.db) {
			err = fmt.Errorf("%w (fill one with 'sitrep ingest', or try 'sitrep demo')", err)
		}
		return err
	}
	defer st.Close()
	return serve(ctx, e, st, c.addr)
}

// serve serves st on addr until ctx is done or the process is
// interrupted.
func serve(ctx context.Context, e *env, st store.Store, addr string) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	h := server.New(st, server.Options{Logger: slog.New(slog.NewTextHandler(e.stderr, nil)), UI: webUI(st)})
	return server.ListenAndServe(ctx, addr, h, e.stdout)
}

// webUI is the handler of the web view, mounted at /.
func webUI(st store.Store) http.Handler { return web.Handler(st) }

// demoCommand is 'sitrep demo'.
type demoCommand struct {
	db, addr string
}

func (c *demoCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.StringVar(&c.db, "db", "", "")
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "")
	return fs
}

func (c *demoCommand) synopsis() string {
	return "sitrep demo [--addr HOST:PORT] [--db FILE]"
}

func (c *demoCommand) help() string {
	return `Demo shows sitrep at work with nothing to set up: it ingests the embedded
sample corpus (78 synthetic wire articles on ten conflicts, with reprints
and stitched, machine-spun copies for deduplication to find) into a fresh
database, prints what it found, and serves it as 'sitrep serve' does,
printing the URL to open. It runs until interrupted.

Flags:
  --addr HOST:PORT       where to listen (default 127.0.0.1:8080); port 0
                         picks a free port, and the real one is printed
  --db FILE              keep the database in FILE (it must not exist)
                         instead of a temporary file removed at the end
`
}

func (c *demoCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	db := c.db
	if db == "" {
		dir, err := os.MkdirTemp("", "sitrep-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		db = filepath.Join(dir, "demo.db")
	} else if _, err := os.Stat(db); err == nil {
		return usagef("--db: %s exists; the demo fills a fresh database", db)
	}
	st, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	ic := &ingestCommand{db: db, progress: true}
	g, err := ic.open(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "sitrep demo: ingesting the sample corpus into %s\n", db)
	bar := newProgress(e.stderr, true)
	sum, err := g.ingest(ctx, jsonlArticles(samples.Demo(), "demo.jsonl"), func(err error) {
		fmt.Fprintf(e.stderr, "sitrep: %s: %v\n", e.name, err)
	}, bar.tick)
	bar.finish()
	if err != nil {
		return err
	}
	if err := ic.report(e, st, sum); err != nil {
		return err
	}
	return serve(ctx, e, st, c.addr)
}

// jsonlArticles reads JSON Lines from r as a sequence, errors in place.
func jsonlArticles(r io.Reader, name string) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		j := article.NewJSONLReader(r, name)
		for {
			a, err := j.Read()
			if err == io.EOF {
				return
			}
			if !yield(a, err) {
				return
			}
		}
	}
}
