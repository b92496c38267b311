package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"

	"sitrep/article"
	"sitrep/dedup"
	"sitrep/queue"
)

// A publishSummary counts what 'sitrep ingest --queue' did.
type publishSummary struct {
	Read      int `json:"read"`      // articles read
	Queued    int `json:"queued"`    // articles published to the work queue
	Published int `json:"published"` // articles published before (skipped)
	Exact     int `json:"exact"`     // queued articles that copy an earlier one word for word
	Near      int `json:"near"`      // queued reprints, updates or spun copies
	Stitched  int `json:"stitched"`  // queued articles stitched from several earlier ones
	Failed    int `json:"failed"`    // inputs that failed
	Warnings  int `json:"warnings"`  // problems that lost nothing
}

// publish is 'sitrep ingest --queue': it reads the articles in order,
// deduplicates them against every article published before (the index is
// restored from the queue's journal) and publishes each with its dedup
// facts for the workers to code and store.
func (c *ingestCommand) publish(ctx context.Context, e *env, args []string, opts *article.Options) error {
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	q, err := queue.Open(ctx, c.queue, queue.Options{RetryFor: c.retry, Name: "sitrep ingest", Log: log})
	if err != nil {
		return err
	}
	defer q.Close()
	records, err := q.Journal(ctx)
	if err != nil {
		return fmt.Errorf("queue %s: %w", q.URL(), err)
	}
	index, err := dedup.NewIndex(dedup.Options{})
	if err != nil {
		return err
	}
	seen := make(map[string]bool, len(records))
	restore := make([]dedup.Record, 0, len(records))
	for _, r := range records {
		seen[r.ID] = true
		if r.Fingerprint != nil {
			restore = append(restore, r)
		}
	}
	if err := index.Restore(restore); err != nil {
		return fmt.Errorf("restoring the dedup index from the queue's journal: %w", err)
	}
	batch := 64
	if c.watch > 0 {
		batch = 1 // publish each feed item as it comes
	}
	sum := &publishSummary{}
	report := func(err error) {
		fmt.Fprintf(e.stderr, "sitrep: %s: %v\n", e.name, err)
	}
	var pending []*queue.Message
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		res, err := q.Publish(ctx, pending)
		if err != nil {
			return err
		}
		for i, r := range res {
			d := pending[i].Dedup
			switch {
			case r.Err != nil:
				sum.Failed++
				report(fmt.Errorf("%s: %w", pending[i].Article.Origin, r.Err))
				continue
			case r.Duplicate:
				sum.Published++
				continue
			}
			sum.Queued++
			switch {
			case d.ExactOf != "":
				sum.Exact++
			case d.NearOf != "":
				sum.Near++
			}
			if d.Stitched {
				sum.Stitched++
			}
		}
		pending = pending[:0]
		return nil
	}
	for a, err := range c.articles(ctx, args, opts) {
		if err != nil {
			if article.IsWarning(err) {
				sum.Warnings++
			} else {
				sum.Failed++
			}
			report(err)
			continue
		}
		sum.Read++
		if seen[a.ID] {
			sum.Published++
			continue
		}
		seen[a.ID] = true
		res := index.Add(dedup.Doc{ID: a.ID, Source: a.Source, Time: a.Date, Text: a.Body()})
		facts, err := queue.NewDedup(&res)
		if err != nil {
			return err
		}
		pending = append(pending, &queue.Message{Article: a, Dedup: facts})
		if len(pending) >= batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if c.json {
		if err := json.NewEncoder(e.stdout).Encode(sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(e.stderr, "%s: %d %s read: %d queued, %d published before; %d failed\n", q.URL(), sum.Read, plural(sum.Read, "article", "articles"), sum.Queued, sum.Published, sum.Failed)
		fmt.Fprintf(e.stderr, "copies: %d exact, %d near (reprints, updates, spun copies), %d stitched from several articles\n", sum.Exact, sum.Near, sum.Stitched)
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d %s failed; %d %s queued", sum.Failed, plural(sum.Failed, "input", "inputs"), sum.Queued, plural(sum.Queued, "article", "articles"))
	}
	return ctx.Err()
}
