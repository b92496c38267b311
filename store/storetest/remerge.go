package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"sitrep/dedup"
	"sitrep/store"
)

// RunRemerge checks a store.Remerger: the same articles stored in
// different orders, in batches, by several writers at once (each merging
// incrementally in its own order, as separate ingest processes would)
// give, after Remerge, the same merged events, equal to store.Partition
// over all mentions. open returns n stores over one new, empty database,
// as n processes would open it.
func RunRemerge(t *testing.T, open func(t *testing.T, n int) []store.Store) {
	corpus := Merging(11, 80)
	order := func(seed uint64) []*store.Ingest {
		out := slices.Clone(corpus)
		if seed != 0 {
			r := rand.New(rand.NewPCG(seed, 0))
			r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		}
		return out
	}
	var want *snapshot
	check := func(t *testing.T, name string, s store.Store) {
		t.Helper()
		got := snap(t, s)
		if want == nil {
			want = got
			ms := make([]store.Mention, 0, len(got.mentions))
			for _, m := range got.mentions {
				ms = append(ms, m)
			}
			p := snapshotOf(store.Partition(ms))
			if !reflect.DeepEqual(got.events, p.events) || !reflect.DeepEqual(got.merged, p.merged) {
				t.Fatalf("%s: the merged events are not store.Partition's:\n got %v\nwant %v", name, got.events, p.events)
			}
			merged := 0
			for _, e := range got.events {
				if e.NumMentions > 1 {
					merged++
				}
			}
			if merged < 10 {
				t.Fatalf("the corpus merges only %d events", merged)
			}
			return
		}
		if !reflect.DeepEqual(got.events, want.events) {
			t.Errorf("%s: merged events differ:\n got %v\nwant %v", name, got.events, want.events)
		}
		if !reflect.DeepEqual(got.merged, want.merged) {
			t.Errorf("%s: mentions joined other events", name)
		}
	}
	t.Run("InOrder", func(t *testing.T) {
		s := open(t, 1)[0]
		ingestAll(t, s, order(0), 1, true, false)
		check(t, "in order, one by one", s)
	})
	t.Run("Shuffled", func(t *testing.T) {
		s := open(t, 1)[0]
		ingestAll(t, s, order(7), 9, false, false)
		check(t, "shuffled, in batches of 9, one remerge", s)
	})
	t.Run("MergeLater", func(t *testing.T) {
		s := open(t, 1)[0]
		in := order(5)
		ingestAll(t, s, in[:40], 7, true, true)
		before := summary(t, s)
		// Put without a remerge: the events wait for it.
		ctx := context.Background()
		for _, x := range in[40:] {
			x := *x
			x.Merged, x.MergeLater = nil, true
			if _, err := s.Put(ctx, &x); err != nil {
				t.Fatal(err)
			}
		}
		if got := summary(t, s); got.Events != before.Events || got.Articles != len(in) {
			t.Errorf("put to merge later: %d events listed, want the %d of before the put; %d articles, want %d",
				got.Events, before.Events, got.Articles, len(in))
		}
		if _, err := s.(store.Remerger).Remerge(ctx, store.Partition); err != nil {
			t.Fatal(err)
		}
		check(t, "shuffled, merged later", s)
	})
	t.Run("Reversed", func(t *testing.T) {
		s := open(t, 1)[0]
		in := order(0)
		slices.Reverse(in)
		ingestAll(t, s, in, 5, true, false)
		check(t, "reversed, in batches of 5", s)
	})
	t.Run("Concurrent", func(t *testing.T) {
		ss := open(t, 3)
		in := order(3)
		var wg sync.WaitGroup
		const workers = 6
		for w := range workers {
			// Each worker takes every third article from its own start,
			// so that every article goes to two workers.
			var mine []*store.Ingest
			for i := w % 3; i < len(in); i += 3 {
				mine = append(mine, in[i])
			}
			if w >= 3 {
				slices.Reverse(mine)
			}
			s := ss[w%len(ss)]
			wg.Go(func() { ingestAll(t, s, mine, 4, true, w%2 == 1) })
		}
		wg.Wait()
		if t.Failed() {
			return
		}
		for i, s := range ss {
			check(t, fmt.Sprintf("six writers, store %d", i), s)
		}
		if got := summary(t, ss[0]); got.Articles != len(corpus) || got.Events != len(want.events) || got.Mentions != len(want.mentions) {
			t.Errorf("Summary = %+v, want %d articles, %d mentions, %d events", got, len(corpus), len(want.mentions), len(want.events))
		}
	})
}

// ingestAll puts ins in batches as an ingest process would: merging
// incrementally in its order, or leaving the merge to the remerge
// (later), then remerging after each batch (each) or once at the end.
func ingestAll(t *testing.T, s store.Store, ins []*store.Ingest, batch int, each, later bool) {
	ctx := context.Background()
	g := dedup.NewMerger(dedup.MergeOptions{})
	r := s.(store.Remerger)
	for len(ins) > 0 {
		n := min(batch, len(ins))
		var b []*store.Ingest
		for _, in := range ins[:n] {
			if later {
				in := *in
				in.Merged, in.MergeLater = nil, true
				b = append(b, &in)
				continue
			}
			b = append(b, incremental(g, in))
		}
		ins = ins[n:]
		var err error
		if bt, ok := s.(store.Batcher); ok {
			_, err = bt.PutBatch(ctx, b)
		} else {
			for _, in := range b {
				if _, err = s.Put(ctx, in); err != nil {
					break
				}
			}
		}
		if err != nil {
			t.Error(err)
			return
		}
		if each || len(ins) == 0 {
			if _, err := r.Remerge(ctx, store.Partition); err != nil {
				t.Error(err)
				return
			}
		}
	}
}

// incremental returns a copy of in with its mentions merged by g, as
// `sitrep ingest` merges.
func incremental(g *dedup.Merger, in *store.Ingest) *store.Ingest {
	out := *in
	out.Mentions, out.Merged = nil, nil
	seen := map[string]bool{}
	for _, m := range in.Mentions {
		id, _ := g.Add(store.DedupMention(m))
		m.Merged = id
		out.Mentions = append(out.Mentions, m)
		if !seen[id] {
			seen[id] = true
			ev, _ := g.Event(id)
			out.Merged = append(out.Merged, store.Merged{ID: id, Representative: ev.Representative.ID,
				NumMentions: ev.NumMentions, NumSources: ev.NumSources, NumArticles: ev.NumArticles})
		}
	}
	return &out
}

// A snapshot is the merged events of a store, and which event each
// mention joined.
type snapshot struct {
	events   []store.Merged
	merged   map[string]string
	mentions map[string]store.Mention
}

func snapshotOf(gs []store.Group) *snapshot {
	s := &snapshot{merged: map[string]string{}}
	for _, g := range gs {
		s.events = append(s.events, g.Merged)
		for _, m := range g.Mentions {
			s.merged[m] = g.ID
		}
	}
	slices.SortFunc(s.events, func(a, b store.Merged) int { return cmpString(a.ID, b.ID) })
	return s
}

func snap(t *testing.T, s store.Store) *snapshot {
	t.Helper()
	ctx := context.Background()
	out := &snapshot{merged: map[string]string{}, mentions: map[string]store.Mention{}}
	err := s.EachEvent(ctx, store.Query{}, func(e store.Event) error {
		out.events = append(out.events, store.Merged{ID: e.ID, Representative: e.Representative,
			NumMentions: e.NumMentions, NumSources: e.NumSources, NumArticles: e.NumArticles})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out.events, func(a, b store.Merged) int { return cmpString(a.ID, b.ID) })
	err = s.Mentions(ctx, func(m store.Mention) error {
		out.merged[m.EventID] = m.Merged
		m.Merged = ""
		out.mentions[m.EventID] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Merging returns n generated articles whose events merge across
// articles in ways that depend on the order they come in: reports of a
// few events on a few days and places, by outlets that name the actors
// more or less precisely ("SYR", "SYRGOV", "REB") and date them to the
// day, the week or the month, or not at all but for the publication. Each
// Ingest's Mentions and Merged treat every event as its own merged event;
// the same seed gives the same articles.
func Merging(seed uint64, n int) []*store.Ingest {
	r := rand.New(rand.NewPCG(seed, 1))
	actors := [][4]string{
		{"SYRGOV", "SYR", "GOV", "alpha"}, {"SYR", "SYR", "", "alpha"}, {"SYRREB", "SYR", "REB", "alpha"},
		{"REB", "", "REB", "alpha"}, {"RUSMIL", "RUS", "MIL", "alpha"}, {},
	}
	targets := [][4]string{{"SYRREB", "SYR", "REB", "beta"}, {"CVL", "", "CVL", "beta"}, {"REB", "", "REB", "beta"}, {}}
	codes := []struct{ cameo, plover string }{{"190", "ASSAULT"}, {"195", "ASSAULT"}, {"173", "COERCE"}, {"040", "CONSULT"}}
	places := []*place{&daraa, &syria, &kharkiv, nil}
	precs := []string{"day", "day", "day", "week", "month", ""}
	out := make([]*store.Ingest, 0, n)
	for i := range n {
		k := 1 + r.IntN(3)
		pub := fmt.Sprintf("2024-03-%02d", 1+r.IntN(14))
		body := ""
		for j := range k {
			body += fmt.Sprintf("Report %d of %d: alpha hit beta near gamma. ", j, i)
		}
		d := newDraft(fmt.Sprintf("Merging %d", i), pub, []string{"Reuters", "AP", "AFP", "SANA"}[r.IntN(4)], "", body[:len(body)-1])
		d.a.Meta.ID = fmt.Sprintf("merging-%d-%05d", seed, i)
		for j := range k {
			c := codes[r.IntN(len(codes))]
			e := ev{key: fmt.Sprint(j), sentence: j, verb: "hit", cameo: c.cameo, plover: c.plover, quad: 4, gold: -5,
				src: actors[r.IntN(len(actors))], tgt: targets[r.IntN(len(targets))]}
			if p := places[r.IntN(len(places))]; p != nil {
				e.loc, e.locWords = p, "gamma"
			}
			switch prec := precs[r.IntN(len(precs))]; prec {
			case "day":
				e.date, e.prec = fmt.Sprintf("2024-03-%02d", 1+r.IntN(14)), prec
			case "week":
				e.date, e.prec = fmt.Sprintf("2024-03-%02d", []int{4, 11}[r.IntN(2)]), prec
			case "month":
				e.date, e.prec = "2024-03-01", prec
			}
			d.event(e)
		}
		d.dedup = &store.Dedup{Original: d.a.Meta.ID}
		in := &store.Ingest{Article: d.a, Body: d.body, DateFrom: d.from, Dedup: d.dedup}
		for _, e := range d.a.Events {
			m := mentionOf(d.a, &e)
			m.Original = d.a.Meta.ID
			in.Mentions = append(in.Mentions, m)
			in.Merged = append(in.Merged, store.Merged{ID: e.ID, Representative: e.ID, NumMentions: 1, NumSources: 1, NumArticles: 1})
		}
		out = append(out, in)
	}
	return out
}
