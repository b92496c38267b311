package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"sitrep/dedup"
)

// ErrTooLarge is the error for an article whose message exceeds the
// server's max_payload (1 MiB by default).
var ErrTooLarge = errors.New("queue: message larger than the server's max_payload")

// A Published says what became of one message given to Publish.
type Published struct {
	// Duplicate is true when the server had the article already, within
	// Options.Duplicates, and dropped the copy.
	Duplicate bool
	// Err is ErrTooLarge (wrapped), or an encoding error; the message was
	// not published.
	Err error
}

// journalRecord is one article's entry in IndexStream.
type journalRecord struct {
	ID          string    `json:"id"`
	Source      string    `json:"source,omitempty"`
	Time        time.Time `json:"time,omitzero"`
	Fingerprint []byte    `json:"fingerprint"`
}

// Publish puts msgs on the work queue, in order, each with its article ID
// as message ID so that the server drops a copy published within
// Options.Duplicates; then it appends their dedup records to the journal
// (Journal), so that a producer that restarts knows them. Messages the
// server did not acknowledge (it is restarting, the connection is down)
// are published again with backoff until it does or ctx is done: Publish
// returns nil only when every message is stored or refused for itself
// (Published.Err).
func (q *Queue) Publish(ctx context.Context, msgs []*Message) ([]Published, error) {
	out := make([]Published, len(msgs))
	work := make([]*nats.Msg, 0, len(msgs))
	journal := make([]*nats.Msg, 0, len(msgs))
	index := make([]int, 0, len(msgs)) // into msgs, for work
	limit := q.nc.MaxPayload()
	for i, m := range msgs {
		data, err := Encode(m)
		if err != nil {
			out[i].Err = fmt.Errorf("article %s: %w", m.Article.ID, err)
			continue
		}
		if int64(len(data)) > limit-1024 { // headers
			out[i].Err = fmt.Errorf("article %s: %w (%d bytes, limit %d)", m.Article.ID, ErrTooLarge, len(data), limit)
			continue
		}
		nm := nats.NewMsg(ArticleSubject)
		nm.Data = data
		nm.Header.Set(jetstream.MsgIDHeader, m.Article.ID)
		work = append(work, nm)
		index = append(index, i)
		jdata, err := json.Marshal(journalRecord{ID: m.Article.ID, Source: m.Article.Source, Time: dayOf(m.Article.Date), Fingerprint: m.Dedup.Fingerprint})
		if err != nil {
			return out, err
		}
		jm := nats.NewMsg(IndexSubject)
		jm.Data = jdata
		jm.Header.Set(jetstream.MsgIDHeader, m.Article.ID)
		journal = append(journal, jm)
	}
	acks, err := q.publishAll(ctx, work)
	if err != nil {
		return out, err
	}
	for k, a := range acks {
		out[index[k]].Duplicate = a.Duplicate
	}
	if _, err := q.publishAll(ctx, journal); err != nil {
		return out, err
	}
	return out, nil
}

// dayOf is t at 00:00 UTC, as a store gives back a fingerprint's time.
func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// publishAll publishes msgs asynchronously and waits for their acks,
// publishing again, with backoff, those that were not acknowledged.
func (q *Queue) publishAll(ctx context.Context, msgs []*nats.Msg) ([]*jetstream.PubAck, error) {
	acks := make([]*jetstream.PubAck, len(msgs))
	todo := make([]int, len(msgs))
	for i := range todo {
		todo[i] = i
	}
	err := q.retry(ctx, "publish", time.Time{}, func(ctx context.Context) error {
		futures := make([]jetstream.PubAckFuture, len(todo))
		var first error
		for k, i := range todo {
			f, err := q.js.PublishMsgAsync(msgs[i], jetstream.WithExpectStream(streamOf(msgs[i].Subject)))
			if err != nil {
				first = cmp(first, err)
				continue
			}
			futures[k] = f
		}
		var left []int
		for k, i := range todo {
			f := futures[k]
			if f == nil {
				left = append(left, i)
				continue
			}
			select {
			case a := <-f.Ok():
				acks[i] = a
			case err := <-f.Err():
				first = cmp(first, err)
				left = append(left, i)
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if len(left) > 0 {
			todo = left
			return fmt.Errorf("%d of %d messages not acknowledged: %w", len(left), len(msgs), first)
		}
		return nil
	})
	return acks, err
}

func streamOf(subject string) string {
	if subject == IndexSubject {
		return IndexStream
	}
	return ArticleStream
}

func cmp(first, err error) error {
	if first == nil {
		return err
	}
	return first
}

// Journal returns the dedup records of every article published so far,
// in the order they were published, to restore a producer's dedup.Index.
// A record's Fingerprint is nil for an article without words (which
// dedup.Index.Restore does not take).
func (q *Queue) Journal(ctx context.Context) ([]dedup.Record, error) {
	s, err := q.js.Stream(ctx, IndexStream)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	last := info.State.LastSeq
	if info.State.Msgs == 0 {
		return nil, nil
	}
	c, err := s.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	var out []dedup.Record
	for {
		batch, err := c.Fetch(256, jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			return nil, fmt.Errorf("journal: %w", err)
		}
		n := 0
		for m := range batch.Messages() {
			n++
			md, err := m.Metadata()
			if err != nil {
				return nil, fmt.Errorf("journal: %w", err)
			}
			var r journalRecord
			if err := json.Unmarshal(m.Data(), &r); err != nil {
				return nil, fmt.Errorf("journal: message %d: %w", md.Sequence.Stream, err)
			}
			var fp *dedup.Fingerprint
			if len(r.Fingerprint) > 0 {
				fp = new(dedup.Fingerprint)
				if err := fp.UnmarshalBinary(r.Fingerprint); err != nil {
					return nil, fmt.Errorf("journal: article %s: %w", r.ID, err)
				}
			}
			out = append(out, dedup.Record{ID: r.ID, Source: r.Source, Time: r.Time, Fingerprint: fp})
			if md.Sequence.Stream >= last {
				return out, nil
			}
		}
		if err := batch.Error(); err != nil {
			return nil, fmt.Errorf("journal: %w", err)
		}
		if n == 0 {
			return nil, fmt.Errorf("journal: no message after %d of %d", len(out), info.State.Msgs)
		}
	}
}
