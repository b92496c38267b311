package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"os"
	"runtime/debug"
	"time"

	"sitrep/article"
	"sitrep/dedup"
	"sitrep/geo"
	"sitrep/queue"
	"sitrep/record"
	"sitrep/store"
)

// An ingester runs articles through the pipeline, deduplicates them and
// merges their events, and stores them. Its dedup index (and, for a
// store that does not remerge, its event merger) is rebuilt from the
// store when it opens, so that a rerun after a crash
// goes on where the store left off. Not safe for concurrent use: ingest
// puts one article at a time, in input order.
type ingester struct {
	p      *pipeline
	st     store.Store
	gaz    *geo.Gazetteer // radii of the places mentions name; nil: points
	index  *dedup.Index
	merger *dedup.Merger

	// pending holds the articles ready to store, with what each adds to
	// the summary once stored; they are stored together (store.Batcher)
	// when batch of them are ready, at the end, and before an input error
	// is reported.
	pending []pendingPut
	batch   int
	// remergeEvery, when positive, merges canonically after a flush at
	// most that often (--watch); otherwise only at the end of ingest.
	remergeEvery time.Duration
	lastRemerge  time.Time
}

// A pendingPut is an article ready to store and its share of the summary.
type pendingPut struct {
	in                    *store.Ingest
	tokens, created       int
	exact, near, stitched bool
}

// ingestMemoryLimit is the Go heap's soft limit during an ingest, unless
// GOMEMLIMIT sets another: the model, gazetteer and dictionaries take
// about 160 MB, and without a limit the collector lets a long ingest grow
// to twice its live heap (600 MB for 5,000 articles) where, at this limit,
// it costs 5% of the speed and stays under 400 MB.
const ingestMemoryLimit = 350 << 20

// limitMemory sets ingestMemoryLimit unless GOMEMLIMIT is set.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestMemoryLimit)
	}
}

// openIngester makes an ingester over st, restoring the dedup index from
// the stored fingerprints and the merger from the stored mentions.
func openIngester(ctx context.Context, p *pipeline, st store.Store, gaz *geo.Gazetteer) (*ingester, error) {
	limitMemory()
	index, err := dedup.NewIndex(dedup.Options{})
	if err != nil {
		return nil, err
	}
	var records []dedup.Record
	err = st.Fingerprints(ctx, func(f store.Fingerprint) error {
		fp := new(dedup.Fingerprint)
		if err := fp.UnmarshalBinary(f.Bytes); err != nil {
			return fmt.Errorf("article %s: %w", f.ArticleID, err)
		}
		records = append(records, dedup.Record{ID: f.ArticleID, Source: f.Source, Time: f.Time, Fingerprint: fp})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("restoring the dedup index: %w", err)
	}
	if err := index.Restore(records); err != nil {
		return nil, fmt.Errorf("restoring the dedup index: %w", err)
	}
	g, err := openMerger(ctx, p, st, gaz)
	if err != nil {
		return nil, err
	}
	g.index = index
	return g, nil
}

// openMerger makes an ingester over st without a dedup index, for
// articles whose dedup facts are known (a worker's). A store that
// remerges (store.Remerger) makes the merged events itself, canonically,
// so each event goes in as an event of its own and nothing of the stored
// mentions is held in memory; for another store the ingester merges
// incrementally, with a dedup.Merger restored from the stored mentions.
func openMerger(ctx context.Context, p *pipeline, st store.Store, gaz *geo.Gazetteer) (*ingester, error) {
	g := &ingester{p: p, st: st, gaz: gaz, batch: 1}
	if _, ok := st.(store.Batcher); ok {
		g.batch = 64
		p.ahead = 2 * g.batch
	}
	if _, ok := st.(store.Remerger); ok {
		return g, nil
	}
	g.merger = dedup.NewMerger(dedup.MergeOptions{})
	err := st.Mentions(ctx, func(m store.Mention) error {
		g.merger.Add(mentionOf(m))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("restoring the event merger: %w", err)
	}
	return g, nil
}

// An ingestSummary counts what an ingest did.
type ingestSummary struct {
	Read       int `json:"read"`       // articles read
	Added      int `json:"added"`      // articles stored
	Stored     int `json:"stored"`     // articles the store had already (skipped)
	Exact      int `json:"exact"`      // added articles that copy an earlier one word for word
	Near       int `json:"near"`       // added articles that are reprints, updates or spun copies
	Stitched   int `json:"stitched"`   // added articles stitched from several earlier ones
	Mentions   int `json:"mentions"`   // events coded in the added articles
	NewEvents  int `json:"new_events"` // merged events they created
	Merged     int `json:"merged"`     // mentions that joined an existing event
	Tokens     int `json:"tokens"`     // tokens of the added articles
	Failed     int `json:"failed"`     // inputs that failed
	Warnings   int `json:"warnings"`   // problems that lost nothing
	failures   []string
	warnings   []string
	firstError error
}

// ingest reads the articles of seq, codes those the store lacks on every
// core, and stores them in input order. Input errors (a bad line, an
// unreadable file) are counted and reported through report, and do not
// stop the batch; a store error does. tick, when not nil, is called once
// per input.
func (g *ingester) ingest(ctx context.Context, seq iter.Seq2[*article.Article, error], report func(error), tick func()) (*ingestSummary, error) {
	sum := &ingestSummary{}
	seen := map[string]bool{} // IDs read in this run
	// Without a merger of its own, the events this run made are counted
	// from the store's, after the remerge.
	var before *store.Summary
	if g.merger == nil {
		before, _ = g.st.Summary(ctx)
	}
	inputs := func(yield func(codeInput) bool) {
		for a, err := range seq {
			if err != nil {
				if !yield(codeInput{article: a, err: err}) {
					return
				}
				continue
			}
			sum.Read++
			if seen[a.ID] {
				sum.Stored++
				if tick != nil {
					tick()
				}
				continue
			}
			seen[a.ID] = true
			has, herr := g.st.Has(ctx, a.ID)
			if herr != nil {
				if !yield(codeInput{article: a, err: herr}) {
					return
				}
				continue
			}
			if has {
				sum.Stored++
				if tick != nil {
					tick()
				}
				continue
			}
			if !yield(codeInput{article: a}) {
				return
			}
		}
	}
	var storeErr error
	err := g.p.run(ctx, 0, inputs, func(r codeResult) error {
		if tick != nil {
			tick()
		}
		if r.err != nil {
			if article.IsWarning(r.err) {
				sum.Warnings++
			} else {
				sum.Failed++
				sum.failures = append(sum.failures, r.err.Error())
			}
			if report != nil {
				report(r.err)
			}
			return nil
		}
		if err := g.put(ctx, r.article, r.record, r.tokens, sum); err != nil {
			storeErr = fmt.Errorf("%s: %w", r.article.Origin, err)
			return storeErr
		}
		return nil
	})
	if storeErr != nil {
		return sum, storeErr
	}
	if ferr := g.flush(context.WithoutCancel(ctx), sum); ferr != nil {
		return sum, ferr
	}
	// The canonical merge, once for the whole run: also of mentions a run
	// killed before its end stored without it. An interrupted run (--watch
	// ends so) still merges what it stored.
	if rerr := g.remerge(context.WithoutCancel(ctx)); rerr != nil {
		return sum, rerr
	}
	if g.merger == nil && before != nil {
		if after, serr := g.st.Summary(context.WithoutCancel(ctx)); serr == nil {
			sum.NewEvents = after.Events - before.Events
			sum.Merged = sum.Mentions - sum.NewEvents
		}
	}
	return sum, err
}

// flush stores the pending articles and counts them in sum.
func (g *ingester) flush(ctx context.Context, sum *ingestSummary) error {
	if len(g.pending) == 0 {
		return nil
	}
	ins := make([]*store.Ingest, len(g.pending))
	for i, p := range g.pending {
		ins[i] = p.in
	}
	var added []bool
	var err error
	if b, ok := g.st.(store.Batcher); ok {
		added, err = b.PutBatch(ctx, ins)
	} else {
		added = make([]bool, len(ins))
		for i, in := range ins {
			if added[i], err = g.st.Put(ctx, in); err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	for i, p := range g.pending {
		if !added[i] {
			sum.Stored++
			continue
		}
		sum.Added++
		sum.Tokens += p.tokens
		sum.Mentions += len(p.in.Article.Events)
		sum.NewEvents += p.created
		sum.Merged += len(p.in.Article.Events) - p.created
		switch {
		case p.exact:
			sum.Exact++
		case p.near:
			sum.Near++
		}
		if p.stitched {
			sum.Stitched++
		}
	}
	g.pending = g.pending[:0]
	// A long run (--watch) merges canonically now and then, so that what
	// it serves meanwhile is close to the final events; a batch run does
	// it once at its end, which costs far less than after every batch.
	if g.remergeEvery > 0 && time.Since(g.lastRemerge) >= g.remergeEvery {
		g.lastRemerge = time.Now()
		return g.remerge(ctx)
	}
	return nil
}

// remerge recomputes the canonical merged events (store.Partition) of the
// mentions just stored and of those they can merge with, so that the
// stored events do not depend on the order articles came in nor on how
// many processes stored them; the incremental merger only gives a first
// grouping. Stores that cannot remerge keep that one.
func (g *ingester) remerge(ctx context.Context) error {
	r, ok := g.st.(store.Remerger)
	if !ok {
		return nil
	}
	if _, err := r.Remerge(ctx, store.Partition); err != nil {
		return fmt.Errorf("merging events: %w", err)
	}
	return nil
}

// put deduplicates one coded article, merges its events and stores it.
func (g *ingester) put(ctx context.Context, a *article.Article, rec *record.Article, tokens int, sum *ingestSummary) error {
	facts, err := g.dedup(a)
	if err != nil {
		return err
	}
	return g.putFacts(ctx, a, rec, tokens, facts, sum)
}

// dedup adds a to the index and returns what it found. The index splits
// the body into sentences itself, as the producer of a distributed ingest
// does (queue.NewDedup), so that both number sentences as nlp.Segmenter
// does and find the same copies.
func (g *ingester) dedup(a *article.Article) (*queue.Dedup, error) {
	res := g.index.Add(dedup.Doc{ID: a.ID, Source: a.Source, Time: a.Date, Text: a.Body()})
	return queue.NewDedup(&res)
}

// putFacts merges the events of a coded article whose dedup facts are
// known and stores it.
func (g *ingester) putFacts(ctx context.Context, a *article.Article, rec *record.Article, tokens int, facts *queue.Dedup, sum *ingestSummary) error {
	in := &store.Ingest{Article: rec, Body: a.Body(), DateFrom: string(a.DateFrom), Dedup: facts.Store(),
		Mentions: make([]store.Mention, 0, len(rec.Events))}
	if g.merger == nil {
		// The store remerges: its remerge writes the merged events.
		in.MergeLater = true
		for _, e := range rec.Events {
			in.Mentions = append(in.Mentions, g.mention(a, facts, e))
		}
		g.pending = append(g.pending, pendingPut{in: in, tokens: tokens,
			exact: facts.ExactOf != "", near: facts.ExactOf == "" && facts.NearOf != "", stitched: facts.Stitched})
		if len(g.pending) >= g.batch {
			return g.flush(ctx, sum)
		}
		return nil
	}
	merged := map[string]bool{}
	var order []string
	created := 0
	for _, e := range rec.Events {
		m := g.mention(a, facts, e)
		id, isNew := g.merger.Add(mentionOf(m))
		m.Merged = id
		in.Mentions = append(in.Mentions, m)
		if isNew {
			created++
		}
		if !merged[id] {
			merged[id] = true
			order = append(order, id)
		}
	}
	for _, id := range order {
		ev, ok := g.merger.Event(id)
		if !ok {
			return fmt.Errorf("merged event %s vanished", id)
		}
		in.Merged = append(in.Merged, store.Merged{ID: ev.ID, Representative: ev.Representative.ID,
			NumMentions: ev.NumMentions, NumSources: ev.NumSources, NumArticles: ev.NumArticles})
	}
	g.pending = append(g.pending, pendingPut{in: in, tokens: tokens, created: created,
		exact: facts.ExactOf != "", near: facts.ExactOf == "" && facts.NearOf != "", stitched: facts.Stitched})
	if len(g.pending) >= g.batch {
		return g.flush(ctx, sum)
	}
	return nil
}

// mention describes event e of article a for the merger and the store.
func (g *ingester) mention(a *article.Article, facts *queue.Dedup, e record.Event) store.Mention {
	m := store.Mention{EventID: e.ID, ArticleID: a.ID, Original: facts.Story(a.ID, e.Verb.Start), Source: a.Source,
		Code: e.CAMEO, Lat: math.NaN(), Lon: math.NaN()}
	if e.Source != nil {
		m.SourceActor = e.Source.Code
	}
	if e.Target != nil {
		m.TargetActor = e.Target.Code
	}
	if l := e.Location; l != nil {
		m.GeonamesID, m.Lat, m.Lon, m.Country = l.GeonamesID, l.Lat, l.Lon, l.Country
		m.Radius = g.radius(l)
	}
	if e.Date != nil {
		m.Date = *e.Date
	}
	if e.DatePrecision != nil {
		m.Precision = *e.DatePrecision
	}
	return m
}

// radius is the extent in km the merger gives a location: the gazetteer's
// for a place it has, else a typical one for the precision.
func (g *ingester) radius(l *record.Location) float64 {
	if g.gaz != nil && l.GeonamesID > 0 {
		if p, ok := g.gaz.Place(int64(l.GeonamesID)); ok {
			return p.Radius
		}
	}
	switch l.Precision {
	case "country":
		return 500
	case "region":
		return 60
	}
	return 0
}

// mentionOf converts a stored mention into the merger's (see
// store.DedupMention).
func mentionOf(m store.Mention) dedup.Mention { return store.DedupMention(m) }

// errIngest is returned when some inputs failed but the rest were stored.
var errIngest = errors.New("some inputs failed")
