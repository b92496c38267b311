package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// A WorkerStatus is a worker's heartbeat.
type WorkerStatus struct {
	Name    string    `json:"name"`
	Host    string    `json:"host"`
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
	Seen    time.Time `json:"seen"` // the heartbeat's time
	// Done counts the articles processed and acknowledged, Failed the
	// failures to be retried, Dead the messages moved to DeadStream.
	Done   int `json:"done"`
	Failed int `json:"failed"`
	Dead   int `json:"dead"`
	// Rate is articles done a second since the previous heartbeat.
	Rate float64 `json:"rate"`
	// Stopped is true in the last heartbeat of a worker that shut down.
	Stopped bool `json:"stopped,omitempty"`
}

// heartbeatEvery is how often a worker writes its heartbeat.
const heartbeatEvery = 5 * time.Second

func (c *Consumer) heartbeats(ctx context.Context) {
	c.heartbeat(ctx, false)
	t := time.NewTicker(heartbeatEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			c.heartbeat(ctx, false)
		case <-ctx.Done():
			return
		}
	}
}

// badKey matches what a key-value key may not hold.
var badKey = regexp.MustCompile(`[^-_=.a-zA-Z0-9]`)

// heartbeat writes the worker's status to WorkerBucket; a failure is
// logged only.
func (c *Consumer) heartbeat(ctx context.Context, stopped bool) {
	now := time.Now().UTC()
	c.mu.Lock()
	s := c.stats
	s.Seen = now
	s.Stopped = stopped
	if dt := now.Sub(c.last.Seen).Seconds(); dt > 0 && !c.last.Seen.IsZero() {
		s.Rate = float64(s.Done-c.last.Done) / dt
	}
	c.last = s
	c.mu.Unlock()
	data, err := json.Marshal(s)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if _, err := c.kv.Put(ctx, badKey.ReplaceAllString(c.opt.Name, "_"), data); err != nil {
		c.q.log.Warn("heartbeat failed", "worker", c.opt.Name, "err", err.Error())
	}
}

// A Status is what the queue holds and who works on it.
type Status struct {
	// Queued counts the messages in ArticleStream: waiting, or delivered
	// and not yet acknowledged (InFlight of them).
	Queued   uint64 `json:"queued"`
	InFlight int    `json:"in_flight"`
	// Redelivered counts the messages in flight delivered more than once.
	Redelivered int `json:"redelivered"`
	// Acked counts the messages acknowledged since the consumer was made.
	Acked uint64 `json:"acked"`
	// Dead counts the messages in DeadStream; Published the articles in
	// the producer's journal.
	Dead      uint64 `json:"dead"`
	Published uint64 `json:"published"`
	// Workers are the workers heard from within WorkerTTL, by name;
	// Rate sums their rates.
	Workers []WorkerStatus `json:"workers"`
	Rate    float64        `json:"rate"`
}

// Status reports the queue's state.
func (q *Queue) Status(ctx context.Context) (*Status, error) {
	st := &Status{Workers: []WorkerStatus{}}
	info := func(name string) (*jetstream.StreamInfo, error) {
		s, err := q.js.Stream(ctx, name)
		if err != nil {
			return nil, fmt.Errorf("stream %s: %w", name, err)
		}
		return s.Info(ctx)
	}
	ai, err := info(ArticleStream)
	if err != nil {
		return nil, err
	}
	st.Queued = ai.State.Msgs
	if di, err := info(DeadStream); err == nil {
		st.Dead = di.State.Msgs
	} else {
		return nil, err
	}
	if ii, err := info(IndexStream); err == nil {
		st.Published = ii.State.Msgs
	} else {
		return nil, err
	}
	ci, err := q.js.Consumer(ctx, ArticleStream, ConsumerName)
	switch {
	case errors.Is(err, jetstream.ErrConsumerNotFound):
	case err != nil:
		return nil, fmt.Errorf("consumer %s: %w", ConsumerName, err)
	default:
		i, err := ci.Info(ctx)
		if err != nil {
			return nil, fmt.Errorf("consumer %s: %w", ConsumerName, err)
		}
		st.InFlight, st.Redelivered, st.Acked = i.NumAckPending, i.NumRedelivered, i.AckFloor.Stream
	}
	kv, err := q.workers(ctx)
	if err != nil {
		return nil, err
	}
	keys, err := kv.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", WorkerBucket, err)
	}
	for k := range keys.Keys() {
		e, err := kv.Get(ctx, k)
		if err != nil {
			continue // expired meanwhile
		}
		var w WorkerStatus
		if json.Unmarshal(e.Value(), &w) != nil || time.Since(w.Seen) > WorkerTTL {
			continue
		}
		st.Workers = append(st.Workers, w)
		if !w.Stopped {
			st.Rate += w.Rate
		}
	}
	sort.Slice(st.Workers, func(i, j int) bool { return st.Workers[i].Name < st.Workers[j].Name })
	return st, nil
}

// A DeadLetter is one message in DeadStream.
type DeadLetter struct {
	// Seq is its sequence in DeadStream (to remove it with PurgeDead),
	// Sequence the one it had in ArticleStream.
	Seq      uint64    `json:"seq"`
	Sequence uint64    `json:"article_seq"`
	Time     time.Time `json:"time"`
	Article  string    `json:"article"` // its ID, "" when unknown
	Error    string    `json:"error"`
	// Deliveries counts the deliveries it failed; Worker the one that
	// gave up.
	Deliveries int    `json:"deliveries"`
	Worker     string `json:"worker"`
	// Data is the message as published.
	Data []byte `json:"-"`
}

// DeadLetters returns the last n messages of DeadStream (all when n <= 0),
// oldest first.
func (q *Queue) DeadLetters(ctx context.Context, n int) ([]DeadLetter, error) {
	s, err := q.js.Stream(ctx, DeadStream)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", DeadStream, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", DeadStream, err)
	}
	first := info.State.FirstSeq
	if n > 0 && info.State.LastSeq >= uint64(n) && info.State.LastSeq-uint64(n)+1 > first {
		first = info.State.LastSeq - uint64(n) + 1
	}
	var out []DeadLetter
	for seq := first; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("stream %s: message %d: %w", DeadStream, seq, err)
		}
		d := DeadLetter{Seq: seq, Time: m.Time, Data: m.Data}
		if h := m.Header; h != nil {
			d.Article, d.Error, d.Worker = h.Get(HeaderArticle), h.Get(HeaderError), h.Get(HeaderWorker)
			d.Deliveries, _ = strconv.Atoi(h.Get(HeaderDelivered))
			d.Sequence, _ = strconv.ParseUint(h.Get(HeaderSequence), 10, 64)
		}
		out = append(out, d)
	}
	return out, nil
}
