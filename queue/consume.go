package queue

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ConsumerOptions tune a Consumer. The zero value gives the defaults.
type ConsumerOptions struct {
	// Name names the worker in heartbeats, logs and dead letters. "" means
	// host-pid.
	Name string
	// Batch is the most messages a worker holds at once: fetched, being
	// coded or stored, not yet acknowledged. 0 means 64.
	Batch int
	// MaxAckPending bounds the messages delivered and not yet acknowledged
	// over all workers (a setting of the shared consumer: the last worker
	// to start sets it). 0 means 1024.
	MaxAckPending int
	// MaxDeliver is the number of deliveries after which a message that
	// keeps failing goes to DeadStream with its error. 0 means 5.
	MaxDeliver int
	// AckWait is how long a delivered message may stay unacknowledged
	// before the server gives it to another worker (the first one died).
	// 0 means one minute.
	AckWait time.Duration
	// Backoff is the delay before a failed message is delivered again; it
	// doubles with each delivery, up to a minute. 0 means 1 s.
	Backoff time.Duration
	// Idle is how long a fetch waits when the queue is empty. 0 means 1 s.
	Idle time.Duration
}

// A Job is one delivered message.
type Job struct {
	Message *Message
	// Seq is the message's sequence in ArticleStream; Delivered counts
	// its deliveries, this one included.
	Seq       uint64
	Delivered int
	msg       jetstream.Msg
	err       error
}

// Fail marks the job as failed: it is delivered again after a backoff, or
// moved to DeadStream when it was its last delivery.
func (j *Job) Fail(err error) { j.err = err }

// Err returns the error Fail recorded.
func (j *Job) Err() error { return j.err }

// A Handler processes the jobs of a worker, one batch at a time.
type Handler interface {
	// Process works on a batch, marking the jobs that fail with Job.Fail.
	Process(ctx context.Context, jobs []*Job)
	// Commit makes the batch's work durable. The consumer calls it again,
	// with backoff, until it succeeds (a database that is down stops the
	// worker, it does not fail the articles), and acknowledges the
	// batch's messages only after.
	Commit(ctx context.Context) error
}

// A Consumer takes messages from the work queue for one worker.
type Consumer struct {
	q    *Queue
	c    jetstream.Consumer
	kv   jetstream.KeyValue
	opt  ConsumerOptions
	host string

	mu    sync.Mutex
	stats WorkerStatus
	last  WorkerStatus // at the previous heartbeat
}

// Consumer returns a consumer of the work queue, creating or updating the
// durable consumer all workers share.
func (q *Queue) Consumer(ctx context.Context, opt ConsumerOptions) (*Consumer, error) {
	if opt.Batch <= 0 {
		opt.Batch = 64
	}
	if opt.MaxAckPending <= 0 {
		opt.MaxAckPending = 1024
	}
	opt.MaxAckPending = max(opt.MaxAckPending, opt.Batch)
	if opt.MaxDeliver <= 0 {
		opt.MaxDeliver = 5
	}
	if opt.AckWait <= 0 {
		opt.AckWait = time.Minute
	}
	if opt.Backoff <= 0 {
		opt.Backoff = time.Second
	}
	if opt.Idle <= 0 {
		opt.Idle = time.Second
	}
	host, _ := os.Hostname()
	if opt.Name == "" {
		opt.Name = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	// MaxDeliver stays unlimited on the server: the worker counts
	// deliveries itself, so that a message that kills every worker it
	// reaches is dead-lettered too, on its next delivery.
	cfg := jetstream.ConsumerConfig{
		Durable:       ConsumerName,
		Description:   "sitrep workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       opt.AckWait,
		MaxAckPending: opt.MaxAckPending,
		MaxDeliver:    -1,
		FilterSubject: ArticleSubject,
	}
	c, err := q.js.CreateOrUpdateConsumer(ctx, ArticleStream, cfg)
	if err != nil {
		return nil, fmt.Errorf("queue %s: consumer %s: %w", q.url, ConsumerName, err)
	}
	kv, err := q.workers(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", q.url, err)
	}
	now := time.Now().UTC()
	return &Consumer{q: q, c: c, kv: kv, opt: opt, host: host,
		stats: WorkerStatus{Name: opt.Name, Host: host, PID: os.Getpid(), Started: now, Seen: now}}, nil
}

// workers opens the heartbeat bucket.
func (q *Queue) workers(ctx context.Context) (jetstream.KeyValue, error) {
	kv, err := q.js.KeyValue(ctx, WorkerBucket)
	if err == nil {
		return kv, nil
	}
	kv, err = q.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      WorkerBucket,
		Description: "sitrep worker heartbeats",
		TTL:         WorkerTTL,
		History:     1,
		Storage:     jetstream.MemoryStorage,
		Replicas:    q.opt.Replicas,
	})
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", WorkerBucket, err)
	}
	return kv, nil
}

// Name returns the worker's name.
func (c *Consumer) Name() string { return c.opt.Name }

// Run takes batches of messages and gives them to h until ctx is done,
// then finishes the batch in hand (processes, commits and acknowledges
// it) and returns nil. A message that does not decode goes to DeadStream
// at once; one that fails is delivered again after a backoff, and goes to
// DeadStream with its error at its MaxDeliver-th failure. Errors reaching
// the server are logged and retried with backoff; Run returns an error
// only when a commit fails at shutdown (the batch is then redelivered to
// another worker).
func (c *Consumer) Run(ctx context.Context, h Handler) error {
	beat, stopBeat := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Go(func() { c.heartbeats(beat) })
	defer func() {
		stopBeat()
		wg.Wait()
		c.heartbeat(context.Background(), true)
	}()
	wait := 100 * time.Millisecond
	for ctx.Err() == nil {
		msgs, err := c.fetch(ctx)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			c.q.log.Warn("fetch failed, retrying", "worker", c.opt.Name, "err", err.Error(), "retry_in", wait.String())
			if sleep(ctx, wait) != nil {
				break
			}
			wait = min(2*wait, 5*time.Second)
			continue
		}
		wait = 100 * time.Millisecond
		if len(msgs) == 0 {
			continue
		}
		if err := c.batch(ctx, h, msgs); err != nil {
			return err
		}
	}
	return nil
}

// fetch returns the messages available, up to Batch, waiting up to Idle
// for the first one.
func (c *Consumer) fetch(ctx context.Context) ([]jetstream.Msg, error) {
	var msgs []jetstream.Msg
	take := func(b jetstream.MessageBatch, err error) error {
		if err != nil {
			return err
		}
		for m := range b.Messages() {
			msgs = append(msgs, m)
		}
		if err := b.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, jetstream.ErrNoMessages) {
			return err
		}
		return nil
	}
	if err := take(c.c.FetchNoWait(c.opt.Batch)); err != nil {
		return msgs, err
	}
	if len(msgs) > 0 {
		return msgs, nil
	}
	// FetchContext, not FetchMaxWait (the two exclude each other), so
	// that a shutdown ends the wait at once.
	fctx, cancel := context.WithTimeout(ctx, c.opt.Idle)
	err := take(c.c.Fetch(1, jetstream.FetchContext(fctx)))
	cancel()
	if err != nil && len(msgs) == 0 && (ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded)) {
		return nil, nil // idle, or shutting down
	}
	if err != nil {
		return msgs, err
	}
	if len(msgs) == 0 || c.opt.Batch == 1 {
		return msgs, nil
	}
	return msgs, take(c.c.FetchNoWait(c.opt.Batch - 1))
}

// batch processes one batch of messages, commits and acknowledges it.
// Once taken, a batch is finished even when ctx is done, unless its
// commit keeps failing.
func (c *Consumer) batch(ctx context.Context, h Handler, msgs []jetstream.Msg) error {
	work := context.WithoutCancel(ctx)
	var jobs []*Job
	for _, m := range msgs {
		md, err := m.Metadata()
		if err != nil {
			c.dead(work, m, 0, fmt.Errorf("%w: %v", ErrMalformed, err))
			continue
		}
		n := int(md.NumDelivered)
		if n > c.opt.MaxDeliver {
			c.dead(work, m, n, fmt.Errorf("delivered %d times without an acknowledgement: the workers it reached died or timed out on it", n-1))
			continue
		}
		msg, err := Decode(m.Data())
		if err != nil {
			c.dead(work, m, n, err)
			continue
		}
		jobs = append(jobs, &Job{Message: msg, Seq: md.Sequence.Stream, Delivered: n, msg: m})
	}
	if len(jobs) == 0 {
		return nil
	}
	stop := c.keepAlive(jobs)
	h.Process(work, jobs)
	wait := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := h.Commit(work)
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			stop()
			for _, j := range jobs {
				j.msg.Nak()
			}
			return fmt.Errorf("commit at shutdown: %w (the batch will be delivered again)", err)
		}
		c.q.log.Error("commit failed, retrying", "worker", c.opt.Name, "err", err.Error(), "attempt", attempt, "retry_in", wait.String())
		sleep(ctx, wait)
		wait = min(2*wait, 10*time.Second)
	}
	stop()
	done, failed := 0, 0
	for _, j := range jobs {
		switch {
		case j.err == nil:
			if err := c.ack(work, j.msg); err != nil {
				c.q.log.Warn("ack failed; the article will be delivered again and skipped", "worker", c.opt.Name, "article", j.Message.Article.ID, "err", err.Error())
			}
			done++
		case j.Delivered >= c.opt.MaxDeliver:
			c.dead(work, j.msg, j.Delivered, j.err)
		default:
			failed++
			delay := c.opt.Backoff << min(j.Delivered-1, 10)
			delay = min(delay, time.Minute)
			c.q.log.Warn("article failed, will retry", "worker", c.opt.Name, "article", j.Message.Article.ID, "delivery", j.Delivered, "retry_in", delay.String(), "err", j.err.Error())
			j.msg.NakWithDelay(delay)
		}
	}
	c.mu.Lock()
	c.stats.Done += done
	c.stats.Failed += failed
	c.mu.Unlock()
	return nil
}

// keepAlive tells the server every third of AckWait that the jobs are
// still being worked on, until stop is called, so that a batch that is
// slow but alive (a loaded machine, a commit waiting for another worker's
// lock or for the database to come back) is not handed to another worker
// and its deliveries are not counted towards MaxDeliver. AckWait still
// redelivers the messages of a worker that died.
func (c *Consumer) keepAlive(jobs []*Job) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(max(c.opt.AckWait/3, 10*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, j := range jobs {
					j.msg.InProgress()
				}
			}
		}
	})
	return sync.OnceFunc(func() {
		close(done)
		wg.Wait()
	})
}

// ack acknowledges m and waits for the server to confirm, trying a few
// times.
func (c *Consumer) ack(ctx context.Context, m jetstream.Msg) error {
	var err error
	for range 3 {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err = m.DoubleAck(actx)
		cancel()
		if err == nil || errors.Is(err, jetstream.ErrMsgAlreadyAckd) {
			return nil
		}
	}
	return err
}

// dead moves m to DeadStream with cause, then acknowledges it. The dead
// letter is published (again, until the server takes it) before the ack,
// so a crash in between leaves the message to be dead-lettered again, not
// lost; its message ID keeps the copy out.
func (c *Consumer) dead(ctx context.Context, m jetstream.Msg, delivered int, cause error) {
	var seq uint64
	if md, err := m.Metadata(); err == nil {
		seq = md.Sequence.Stream
	}
	dm := nats.NewMsg(DeadSubject)
	dm.Data = m.Data()
	if h := m.Headers(); h != nil {
		if id := h.Get(jetstream.MsgIDHeader); id != "" {
			dm.Header.Set(HeaderArticle, id)
		}
	}
	dm.Header.Set(HeaderError, cause.Error())
	dm.Header.Set(HeaderDelivered, strconv.Itoa(delivered))
	dm.Header.Set(HeaderWorker, c.opt.Name)
	dm.Header.Set(HeaderSequence, strconv.FormatUint(seq, 10))
	dm.Header.Set(jetstream.MsgIDHeader, "dead-"+strconv.FormatUint(seq, 10))
	c.q.log.Error("article moved to the dead-letter stream", "worker", c.opt.Name, "article", dm.Header.Get(HeaderArticle), "seq", seq, "deliveries", delivered, "err", cause.Error())
	err := c.q.retry(ctx, "dead letter", time.Time{}, func(ctx context.Context) error {
		_, err := c.q.js.PublishMsg(ctx, dm, jetstream.WithExpectStream(DeadStream))
		return err
	})
	if err != nil {
		c.q.log.Error("dead letter not published; the message stays queued", "worker", c.opt.Name, "seq", seq, "err", err.Error())
		return
	}
	if err := c.ack(ctx, m); err != nil {
		c.q.log.Warn("ack of a dead letter failed", "worker", c.opt.Name, "seq", seq, "err", err.Error())
	}
	c.mu.Lock()
	c.stats.Dead++
	c.mu.Unlock()
}
