package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"sitrep/queue"
	"sitrep/store"
)

// workerCommand is 'sitrep worker'.
type workerCommand struct {
	queue         string
	db            string
	store         string
	dict          string
	name          string
	health        string
	batch         int
	maxAckPending int
	maxDeliver    int
	ackWait       time.Duration
	backoff       time.Duration
	retry         time.Duration
	timeout       time.Duration
}

func (c *workerCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.StringVar(&c.queue, "queue", "", "")
	fs.StringVar(&c.db, "db", "sitrep.db", "")
	fs.StringVar(&c.store, "store", "", "")
	fs.StringVar(&c.dict, "dict", "", "")
	fs.StringVar(&c.name, "name", "", "")
	fs.StringVar(&c.health, "health", "", "")
	fs.IntVar(&c.batch, "batch", 64, "")
	fs.IntVar(&c.maxAckPending, "max-ack-pending", 1024, "")
	fs.IntVar(&c.maxDeliver, "max-deliver", 5, "")
	fs.DurationVar(&c.ackWait, "ack-wait", time.Minute, "")
	fs.DurationVar(&c.backoff, "backoff", time.Second, "")
	fs.DurationVar(&c.retry, "retry", time.Minute, "")
	fs.DurationVar(&c.timeout, "timeout", time.Minute, "")
	return fs
}

func (c *workerCommand) synopsis() string {
	return "sitrep worker --queue nats://HOST:PORT [--db FILE | --store postgres://…] [--health ADDR] [--name NAME] [--batch N] [flags]"
}

func (c *workerCommand) help() string {
	return `Worker takes articles from the NATS JetStream work queue that
'sitrep ingest --queue' fills, codes them on every core, merges their
events and stores them; it acknowledges each article only after the
database committed it. Run as many workers as you like, on as many
machines: each article is coded once, and one delivered again (its
worker died before the ack) is found stored and skipped.

An article that fails is delivered again after a backoff (1 s, doubling),
and moved with its error to the dead-letter stream SITREP_DEAD after
--max-deliver failures; 'sitrep status' lists them. A message that is
not an article goes there at once. When the database cannot be written,
the worker retries with backoff and holds its batch.

The worker logs JSON lines (log/slog) on stderr. On SIGTERM or an
interrupt it stops fetching, finishes, stores and acknowledges the batch
in hand, and exits with status 0.

Flags:
  --queue nats://HOST:PORT  the NATS server (several comma-separated)
  --db FILE|postgres://USER@HOST/DB
                            the database: an SQLite file (default
                            sitrep.db) for workers on one machine, or
                            PostgreSQL for workers on many. Merged events
                            are recomputed canonically after each batch,
                            so they do not depend on which worker stored
                            what first
  --store postgres://USER@HOST/DB
                            the same as --db
  --dict DIR                dictionaries over the embedded ones, as for
                            'sitrep code'
  --name NAME               the worker's name in logs and 'sitrep status'
                            (default HOST-PID)
  --health ADDR             serve GET /healthz (the process is up) and
                            GET /readyz (the queue and the database
                            answer) on ADDR, e.g. :8081
  --batch N                 articles held at once, coded in parallel and
                            stored in one transaction (default 64)
  --max-ack-pending N       articles delivered and not yet acknowledged
                            over all workers (default 1024)
  --max-deliver N           failures before the dead-letter stream
                            (default 5)
  --ack-wait DURATION       how long an article may stay unacknowledged
                            before it goes to another worker (default 1m)
  --backoff DURATION        the first delay before a failed article is
                            delivered again (default 1s)
  --retry DURATION          how long to keep trying a queue that cannot
                            be reached at start (default 1m)
  --timeout DURATION        the longest an article may take to code; one
                            that takes longer fails (default 1m; 0 for
                            no limit)
`
}

func (c *workerCommand) run(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if c.queue == "" {
		return usagef("missing --queue nats://HOST:PORT")
	}
	if c.batch <= 0 || c.maxDeliver <= 0 || c.maxAckPending <= 0 {
		return usagef("--batch, --max-deliver and --max-ack-pending must be positive")
	}
	log := slog.New(slog.NewJSONHandler(e.stderr, nil))
	q, err := queue.Open(ctx, c.queue, queue.Options{RetryFor: c.retry, Name: "sitrep worker " + c.name, Log: log})
	if err != nil {
		return err
	}
	defer q.Close()
	st, where, err := c.open(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	h, err := c.handler(ctx, st, log)
	if err != nil {
		return err
	}
	cons, err := q.Consumer(ctx, queue.ConsumerOptions{Name: c.name, Batch: c.batch, MaxAckPending: c.maxAckPending,
		MaxDeliver: c.maxDeliver, AckWait: c.ackWait, Backoff: c.backoff})
	if err != nil {
		return err
	}
	log = log.With("worker", cons.Name())
	h.log = log
	log.Info("worker started", "queue", q.URL(), "store", where, "batch", c.batch)
	if c.health != "" {
		stop, err := serveHealth(c.health, q, st, log)
		if err != nil {
			return err
		}
		defer stop()
	}
	err = cons.Run(ctx, h)
	s := h.sum
	log.Info("worker stopped", "added", s.Added, "stored_before", s.Stored, "mentions", s.Mentions,
		"new_events", s.NewEvents, "merged", s.Merged, "tokens", s.Tokens)
	return err
}

// open opens the store --store or --db names, retrying with backoff for
// a minute while a PostgreSQL server cannot be reached, and returns it
// with its name for logs (without a password).
func (c *workerCommand) open(ctx context.Context, log *slog.Logger) (store.Store, string, error) {
	name := c.db
	if c.store != "" {
		if !isPostgres(c.store) {
			return nil, "", usagef("--store: want postgres://USER@HOST/DB, got %q", c.store)
		}
		name = c.store
	}
	safe := name
	if u, err := url.Parse(name); err == nil && isPostgres(name) {
		safe = u.Redacted()
	}
	wait := 250 * time.Millisecond
	deadline := time.Now().Add(time.Minute)
	for {
		st, err := openStore(ctx, name, false)
		if err == nil || !isPostgres(name) || time.Now().Add(wait).After(deadline) || ctx.Err() != nil {
			return st, safe, err
		}
		log.Warn("database unreachable, retrying", "store", safe, "err", err.Error(), "retry_in", wait.String())
		time.Sleep(wait)
		wait = min(2*wait, 5*time.Second)
	}
}

// handler loads the pipeline and restores the merger from st.
func (c *workerCommand) handler(ctx context.Context, st store.Store, log *slog.Logger) (*workerHandler, error) {
	p, err := loadStages(c.dict)
	if err != nil {
		return nil, err
	}
	limitMemory()
	p.timeout = c.timeout
	g, err := openMerger(ctx, p, st, p.enricher.Gazetteer)
	if err != nil {
		return nil, err
	}
	g.batch = math.MaxInt // Commit stores the batch
	// Workers merge canonically after every batch they store, before they
	// acknowledge it: another process may be storing the same events.
	g.remergeEvery = time.Nanosecond
	return &workerHandler{g: g, st: st, log: log, sum: &ingestSummary{}}, nil
}

// A workerHandler codes a batch of articles from the queue with the dedup
// facts the producer found, merges their events and stores them.
type workerHandler struct {
	g   *ingester
	st  store.Store
	log *slog.Logger
	sum *ingestSummary
	// remerge says a stored batch was not remerged yet.
	remerge bool
}

// Process codes the jobs on every core. An article the store holds
// already (a message delivered again) is left to be acknowledged.
func (h *workerHandler) Process(ctx context.Context, jobs []*queue.Job) {
	start := time.Now()
	var todo []*queue.Job
	inBatch := map[string]bool{}
	for _, j := range jobs {
		id := j.Message.Article.ID
		if inBatch[id] {
			continue
		}
		inBatch[id] = true
		if has, err := h.st.Has(ctx, id); err == nil && has {
			h.log.Info("article stored before, acknowledging", "article", id, "delivery", j.Delivered)
			h.sum.Stored++
			continue
		}
		todo = append(todo, j)
	}
	inputs := func(yield func(codeInput) bool) {
		for _, j := range todo {
			if !yield(codeInput{article: j.Message.Article}) {
				return
			}
		}
	}
	i := 0
	h.g.p.run(ctx, 0, inputs, func(r codeResult) error {
		j := todo[i]
		i++
		if r.err == nil {
			r.err = h.g.putFacts(ctx, r.article, r.record, r.tokens, j.Message.Dedup, h.sum)
		}
		if r.err != nil {
			j.Fail(r.err)
		}
		return nil
	})
	for _, j := range todo[i:] { // run stopped early: ctx is done
		j.Fail(fmt.Errorf("article %s: not coded: %w", j.Message.Article.ID, context.Cause(ctx)))
	}
	h.log.Debug("batch coded", "articles", len(todo), "ms", time.Since(start).Milliseconds())
}

// Commit stores the coded articles in one transaction and, on a store
// that remerges, recomputes the merged events they touch (the ingester's
// flush does both); an error in either makes the consumer call Commit
// again, with backoff, before it acknowledges anything.
func (h *workerHandler) Commit(ctx context.Context) error {
	n, before := len(h.g.pending), *h.sum
	start := time.Now()
	if h.remerge { // the batch is stored, its remerge failed
		if err := h.g.remerge(ctx); err != nil {
			return err
		}
		h.remerge = false
		return nil
	}
	err := h.g.flush(ctx, h.sum)
	if n > 0 && len(h.g.pending) == 0 {
		h.log.Info("batch stored", "articles", n, "added", h.sum.Added-before.Added,
			"mentions", h.sum.Mentions-before.Mentions, "ms", time.Since(start).Milliseconds())
		h.remerge = err != nil
	}
	return err
}

// serveHealth serves /healthz and /readyz on addr until stop is called.
func serveHealth(addr string, q *queue.Queue, st store.Store, log *slog.Logger) (stop func(), err error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--health: %w", err)
	}
	var ready atomic.Bool
	ready.Store(true)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if !ready.Load() {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		if !q.Connected() {
			http.Error(w, "queue disconnected", http.StatusServiceUnavailable)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if _, err := st.Has(ctx, "readyz"); err != nil {
			log.Warn("readyz: database", "err", err.Error())
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("health server", "err", err.Error())
		}
	}()
	log.Info("health endpoints", "addr", l.Addr().String())
	return func() {
		ready.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}
