package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The streams, subjects and consumer sitrep uses.
const (
	// ArticleStream is the work queue: each message is one article, and a
	// message leaves the stream when a worker acks it.
	ArticleStream  = "SITREP_ARTICLES"
	ArticleSubject = "sitrep.articles"
	// DeadStream keeps the messages no worker could process, with the
	// error, until an operator removes them.
	DeadStream  = "SITREP_DEAD"
	DeadSubject = "sitrep.dead"
	// IndexStream is the producer's journal: the dedup record of every
	// article published, read back in order to restore its index.
	IndexStream  = "SITREP_INDEX"
	IndexSubject = "sitrep.index"
	// WorkerBucket is a key-value bucket where each worker writes its
	// heartbeat; entries expire after WorkerTTL.
	WorkerBucket = "SITREP_WORKERS"
	// Consumer is the durable pull consumer all workers share.
	ConsumerName = "sitrep-workers"
)

// Header names set on messages.
const (
	HeaderError     = "Sitrep-Error"      // why a message is dead
	HeaderDelivered = "Sitrep-Deliveries" // deliveries before it died
	HeaderWorker    = "Sitrep-Worker"     // the worker that gave up on it
	HeaderArticle   = "Sitrep-Article"    // the article's ID, when known
	HeaderSequence  = "Sitrep-Sequence"   // its sequence in ArticleStream
)

// WorkerTTL is how long a worker's heartbeat is kept: a worker not heard
// from for longer is gone.
const WorkerTTL = time.Minute

// ErrUnreachable is returned when no NATS server answered within
// Options.RetryFor.
var ErrUnreachable = errors.New("queue: NATS server unreachable")

// Options tune Open. The zero value is ready to use.
type Options struct {
	// RetryFor is how long Open keeps trying to reach the server, with a
	// backoff from 250 ms doubling to 5 s between attempts. 0 means one
	// minute; negative, one attempt.
	RetryFor time.Duration
	// Replicas is the number of copies of each stream Open creates in a
	// JetStream cluster (streams that exist are left as they are). 0
	// means 1; a cluster of three wants 3.
	Replicas int
	// Duplicates is the window in which a message with an article ID
	// already published is dropped by the server. 0 means 2 minutes.
	Duplicates time.Duration
	// Name names the connection in the server's monitoring.
	Name string
	// Log receives connection events (disconnects, reconnects, retries);
	// nil discards them.
	Log *slog.Logger
}

// A Queue is a connection to a JetStream server with sitrep's streams in
// place. Safe for concurrent use.
type Queue struct {
	nc  *nats.Conn
	js  jetstream.JetStream
	opt Options
	log *slog.Logger
	url string
}

// Open connects to the NATS server at addr (nats://host:port, several
// separated by commas for a cluster) and creates the streams that do not
// exist. An unreachable server is retried with backoff for
// Options.RetryFor, each failure logged, and then reported with
// ErrUnreachable; once connected, the connection reconnects on its own
// for as long as it takes.
func Open(ctx context.Context, addr string, opt Options) (*Queue, error) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opt.RetryFor == 0 {
		opt.RetryFor = time.Minute
	}
	if opt.Replicas <= 0 {
		opt.Replicas = 1
	}
	if opt.Duplicates <= 0 {
		opt.Duplicates = 2 * time.Minute
	}
	safe := redact(addr)
	nopts := []nats.Option{
		nats.Name(opt.Name),
		nats.Timeout(5 * time.Second),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(500 * time.Millisecond),
		nats.ReconnectBufSize(-1), // fail publishes while disconnected; the caller retries them
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil { // nil: closed on purpose
				log.Warn("queue disconnected", "queue", safe, "err", err.Error())
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info("queue reconnected", "queue", safe, "server", nc.ConnectedUrlRedacted())
		}),
	}
	deadline := time.Now().Add(opt.RetryFor)
	var nc *nats.Conn
	var err error
	for attempt, wait := 1, 250*time.Millisecond; ; attempt++ {
		nc, err = nats.Connect(addr, nopts...)
		if err == nil {
			break
		}
		if opt.RetryFor < 0 || time.Now().Add(wait).After(deadline) {
			return nil, fmt.Errorf("%w: %s: %v (gave up after %d %s)", ErrUnreachable, safe, err, attempt, plural(attempt, "attempt", "attempts"))
		}
		log.Warn("queue unreachable, retrying", "queue", safe, "err", err.Error(), "attempt", attempt, "retry_in", wait.String())
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
		wait = min(2*wait, 5*time.Second)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", safe, err)
	}
	q := &Queue{nc: nc, js: js, opt: opt, log: log, url: safe}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", safe, err)
	}
	return q, nil
}

// setup creates the streams that do not exist.
func (q *Queue) setup(ctx context.Context) error {
	streams := []jetstream.StreamConfig{{
		Name:        ArticleStream,
		Description: "sitrep articles waiting for a worker",
		Subjects:    []string{ArticleSubject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    q.opt.Replicas,
		Duplicates:  q.opt.Duplicates,
	}, {
		Name:        DeadStream,
		Description: "sitrep articles no worker could process, with the error",
		Subjects:    []string{DeadSubject},
		Storage:     jetstream.FileStorage,
		Replicas:    q.opt.Replicas,
		Duplicates:  q.opt.Duplicates,
	}, {
		Name:        IndexStream,
		Description: "the dedup records of the articles published, in order",
		Subjects:    []string{IndexSubject},
		Storage:     jetstream.FileStorage,
		Replicas:    q.opt.Replicas,
		Duplicates:  q.opt.Duplicates,
	}}
	for _, cfg := range streams {
		// A stream that exists is left as it is: an operator may have
		// given it more replicas or limits.
		if _, err := q.js.CreateStream(ctx, cfg); err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			if errors.Is(err, jetstream.ErrJetStreamNotEnabled) {
				return fmt.Errorf("JetStream is not enabled on the server (start nats-server with -js): %w", err)
			}
			return fmt.Errorf("stream %s: %w", cfg.Name, err)
		}
	}
	return nil
}

// Close closes the connection, after flushing what was published.
func (q *Queue) Close() error {
	err := q.nc.Drain()
	if err != nil {
		q.nc.Close()
	}
	return err
}

// URL returns the server address Open was given, without its password.
func (q *Queue) URL() string { return q.url }

// retry calls fn until it succeeds, ctx is done or deadline passes (zero:
// never), waiting with backoff from 100 ms to 5 s between attempts and
// logging each failure.
func (q *Queue) retry(ctx context.Context, what string, deadline time.Time, fn func(context.Context) error) error {
	wait := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := fn(actx)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w (last error: %v)", what, ctx.Err(), err)
		}
		if !deadline.IsZero() && time.Now().Add(wait).After(deadline) {
			return fmt.Errorf("%s: %w (gave up after %d attempts)", what, err, attempt)
		}
		q.log.Warn("queue operation failed, retrying", "op", what, "err", err.Error(), "attempt", attempt, "retry_in", wait.String())
		if err := sleep(ctx, wait); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		wait = min(2*wait, 5*time.Second)
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// redact removes passwords and tokens from a server address.
func redact(addr string) string {
	parts := strings.Split(addr, ",")
	for i, p := range parts {
		if u, err := url.Parse(strings.TrimSpace(p)); err == nil && u.User != nil {
			u.User = url.User(u.User.Username())
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Connected reports whether the connection to the server is up.
func (q *Queue) Connected() bool { return q.nc.IsConnected() }
