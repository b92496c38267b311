package dedup

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// A refMerger is the Merger's rules written for clarity and nothing else:
// every event is looked at for every mention, and the buckets, the order
// they are visited in and the tie-breaks are spelled out. The Merger must
// do exactly what it does.
type refMerger struct {
	opt    MergeOptions
	events []*refEvent
}

type refEvent struct {
	Event
	root string
	// first and last are the weeks of the founding mention's period: the
	// Merger files an event under them and nowhere else, for good.
	first, last int64
	codes       map[string]int
	sources     map[string]bool
	articles    map[string]bool
	score       int
}

func newRefMerger(opt MergeOptions) *refMerger {
	switch {
	case opt.PlaceSlack == 0:
		opt.PlaceSlack = 10
	case opt.PlaceSlack < 0:
		opt.PlaceSlack = 0
	}
	if opt.DateSlack < 0 {
		opt.DateSlack = 0
	}
	return &refMerger{opt: opt}
}

// span returns the period a date of this precision covers and its first
// and last week (days since 1970-01-01 / 7), both math.MinInt64 undated.
func (g *refMerger) span(d time.Time, p Precision) (lo, hi time.Time, first, last int64) {
	lo, hi = period(d, p, g.opt.DateSlack)
	if d.IsZero() {
		return lo, hi, math.MinInt64, math.MinInt64
	}
	const week = 7 * 24 * 60 * 60
	return lo, hi, floorDiv(lo.Unix(), week), floorDiv(hi.Add(-time.Nanosecond).Unix(), week)
}

func (g *refMerger) Add(m Mention) (string, bool) {
	lo, hi, first, last := g.span(m.Date, m.Precision)
	// The candidates: events of the mention's code root that share a week
	// with it, in the order of the first week they share, then in the order
	// they were started.
	type cand struct {
		e    *refEvent
		week int64
		i    int
	}
	var cands []cand
	for i, e := range g.events {
		if e.root == codeRoot(m.Code) && e.first <= last && first <= e.last {
			cands = append(cands, cand{e, max(first, e.first), i})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Or(cmp.Compare(a.week, b.week), cmp.Compare(a.i, b.i)) })
	var best *refEvent
	bestScore := -1
	for _, c := range cands {
		score, ok := g.fit(m, lo, hi, c.e)
		if !ok {
			continue
		}
		if best == nil || score > bestScore ||
			score == bestScore && (c.e.NumMentions > best.NumMentions || c.e.NumMentions == best.NumMentions && c.e.ID < best.ID) {
			best, bestScore = c.e, score
		}
	}
	created := best == nil
	if created {
		best = &refEvent{Event: Event{ID: m.ID}, root: codeRoot(m.Code), first: first, last: last,
			codes: map[string]int{}, sources: map[string]bool{}, articles: map[string]bool{}, score: -1}
		g.events = append(g.events, best)
	}
	best.add(m)
	return best.ID, created
}

func (g *refMerger) fit(m Mention, lo, hi time.Time, e *refEvent) (int, bool) {
	compatible := func(a, b string) bool {
		short, long := a, b
		if len(short) > len(long) {
			short, long = long, short
		}
		return short == "" || short == long || len(short)%3 == 0 && len(long)%3 == 0 &&
			(long[:len(short)] == short || long[len(long)-len(short):] == short)
	}
	samePlace := func(a, b Place) bool {
		switch {
		case a.ID != 0 && a.ID == b.ID:
			return true
		case hasCoords(a) && hasCoords(b):
			return haversine(a.Lat, a.Lon, b.Lat, b.Lon) <= max(a.Radius, 0)+max(b.Radius, 0)+g.opt.PlaceSlack
		}
		return a.Country == "" || b.Country == "" || a.Country == b.Country
	}
	elo, ehi, _, _ := g.span(e.Date, e.Precision)
	undated, eUndated := m.Date.IsZero(), e.Date.IsZero()
	if !compatible(m.SourceActor, e.SourceActor) || !compatible(m.TargetActor, e.TargetActor) || undated != eUndated ||
		!samePlace(m.Place, e.Place) || !undated && (!lo.Before(ehi) || !elo.Before(hi)) {
		return 0, false
	}
	score := 0
	for _, same := range []bool{
		m.SourceActor == e.SourceActor,
		m.TargetActor == e.TargetActor,
		m.Code == e.Code,
		m.Place == e.Place || m.Place.ID != 0 && m.Place.ID == e.Place.ID,
		m.Date.Equal(e.Date) && precision(m.Precision) == e.Precision,
	} {
		if same {
			score++
		}
	}
	return score, true
}

func (e *refEvent) add(m Mention) {
	e.Mentions = append(e.Mentions, m.ID)
	slices.Sort(e.Mentions)
	e.NumMentions = len(e.Mentions)
	if m.Source != "" {
		e.sources[m.Source] = true
	}
	e.articles[cmp.Or(m.Original, m.ArticleID)] = true
	e.NumSources, e.NumArticles = len(e.sources), len(e.articles)
	if len(m.SourceActor) > len(e.SourceActor) {
		e.SourceActor = m.SourceActor
	}
	if len(m.TargetActor) > len(e.TargetActor) {
		e.TargetActor = m.TargetActor
	}
	// The most frequent code, then the longest, then the smallest.
	e.codes[m.Code]++
	codes := make([]string, 0, len(e.codes))
	for c := range e.codes {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b string) int {
		return cmp.Or(cmp.Compare(e.codes[b], e.codes[a]), cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
	e.Code = codes[0]
	// The place that says most: coordinates, then the smallest radius,
	// then the smallest ID; the first among equals.
	mr, er := placeRank(m.Place), placeRank(e.Place)
	if mr > er || mr == er && hasCoords(m.Place) &&
		(m.Place.Radius < e.Place.Radius || m.Place.Radius == e.Place.Radius && m.Place.ID < e.Place.ID) {
		e.Place = m.Place
	}
	// The finest date, then the earliest; the first mention's in any case.
	mp := precision(m.Precision)
	if e.NumMentions == 1 || !m.Date.IsZero() && (mp < e.Precision || mp == e.Precision && m.Date.Before(e.Date)) {
		e.Date, e.Precision = m.Date, mp
	}
	if s := specificity(&m); s > e.score || s == e.score && m.ID < e.Representative.ID {
		e.Representative, e.score = m, s
	}
}

func (g *refMerger) Events() []Event {
	out := make([]Event, len(g.events))
	for i, e := range g.events {
		out[i] = e.Event
		out[i].Mentions = slices.Clone(e.Mentions)
	}
	return out
}

// refPartition is Partition with a refMerger.
func refPartition(mentions []Mention, opt MergeOptions) []Event {
	ms := slices.Clone(mentions)
	slices.SortFunc(ms, func(a, b Mention) int { return compareMentions(&a, &b, specificity(&a), specificity(&b)) })
	g := newRefMerger(opt)
	for _, m := range ms {
		g.Add(m)
	}
	events := g.Events()
	for i := range events {
		events[i].ID = events[i].Mentions[0]
	}
	slices.SortFunc(events, func(a, b Event) int { return strings.Compare(a.ID, b.ID) })
	return events
}

// randomMentions makes n mentions from small sets of facts, so that they
// share roots and weeks and meet every rule's edge: actors that are
// prefixes, suffixes or neither of each other, empty, or not in whole
// segments; places with and without coordinates, (0, 0), out of range,
// one GeoNames id at two spots, near and far; every precision, invalid
// ones, undated mentions, dates off midnight and in other time zones.
func randomMentions(rng *rand.Rand, n int) []Mention {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	actors := []string{"", "", "SYR", "SYRGOV", "SYRGOV", "SYRREB", "REB", "GOV", "SYRGOVMIL", "GOVMIL", "MIL",
		"SY", "SYRG", "RUS", "RUSMIL", "IGOUNO", "UNO", "IGOUNOHRI"}
	nan := math.NaN()
	places := []Place{
		{},
		{Lat: nan, Lon: nan},
		{Lat: nan, Lon: nan, Country: "SYR"},
		{Lat: nan, Lon: nan, Country: "JOR"},
		{ID: 7, Lat: nan, Lon: nan, Country: "SYR"},
		{ID: 1, Lat: 32.89, Lon: 36.04, Radius: 3, Country: "SYR"},
		{ID: 1, Lat: 32.90, Lon: 36.05, Radius: 3, Country: "SYR"},
		{ID: 2, Lat: 32.89, Lon: 36.125, Radius: 2, Country: "SYR"},
		{ID: 3, Lat: 32.62, Lon: 36.10, Radius: 2, Country: "SYR"},
		{ID: 4, Lat: 32.75, Lon: 36.15, Radius: 45, Country: "SYR"},
		{ID: 5, Lat: 35, Lon: 38, Radius: 500, Country: "SYR"},
		{Lat: 32.89, Lon: 36.04, Country: "SYR"},
		{Lat: 32.89, Lon: 36.04, Radius: -4},
		{ID: 6, Lat: 31.95, Lon: 35.93, Radius: 10, Country: "JOR"},
		{Lat: 0, Lon: 0, Country: "JOR"},
		{ID: 8, Lat: 95, Lon: 36, Country: "SYR"},
		{Lat: -33.9, Lon: 151.2, Radius: 20, Country: "AUS"},
		{Lat: 89.99, Lon: 179.99}, {Lat: 89.99, Lon: -179.99},
	}
	zones := []*time.Location{time.UTC, time.UTC, time.FixedZone("UTC+3", 3*3600), time.FixedZone("UTC-5", -5*3600)}
	base := time.Date(2024, 6, 24, 0, 0, 0, 0, time.UTC)
	ms := make([]Mention, n)
	ids := rng.Perm(n)
	for i := range ms {
		m := Mention{
			ID:          fmt.Sprintf("m%04d", ids[i]),
			ArticleID:   fmt.Sprint("a", rng.IntN(24)),
			Original:    pick("", "", "", "", "a1", "a2"),
			Source:      pick("", "reuters", "apnews", "sana", "blog", "afp", "bbc", "dpa", "efe", "irna", "tass", "xinhua", "ansa"),
			SourceActor: actors[rng.IntN(len(actors))],
			TargetActor: actors[rng.IntN(len(actors))],
			Code: pick("190", "195", "19", "1951", "191", "192", "193", "194", "196", "1952", "1953", "180", "181", "18",
				"010", "01", "", "1"),
			Place:     places[rng.IntN(len(places))],
			Precision: Precision(rng.IntN(6)),
		}
		switch r := rng.IntN(10); {
		case r == 0: // undated
		case r < 3: // a day, at midnight or not, in some zone
			m.Date = base.AddDate(0, 0, rng.IntN(28)).Add(time.Duration(rng.IntN(3)) * 7 * time.Hour).In(zones[rng.IntN(len(zones))])
		default:
			m.Date = base.AddDate(0, 0, rng.IntN(28))
		}
		if m.Precision == Month && rng.IntN(2) == 0 {
			m.Date = time.Date(2024, time.Month(6+rng.IntN(2)), 1, 0, 0, 0, 0, time.UTC)
		}
		if m.Precision == Year && rng.IntN(2) == 0 {
			m.Date = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		// A third retell one of the first three mentions' events, for
		// events of many mentions, articles and publishers.
		if i >= 3 && rng.IntN(3) == 0 {
			s := ms[rng.IntN(3)]
			m.SourceActor, m.TargetActor, m.Code, m.Place, m.Date, m.Precision = s.SourceActor, s.TargetActor, s.Code, s.Place, s.Date, s.Precision
		}
		ms[i] = m
	}
	return ms
}

var refOptions = []MergeOptions{
	{},
	{PlaceSlack: -1},
	{PlaceSlack: 60},
	{DateSlack: 36 * time.Hour},
	{DateSlack: -time.Hour},
	{DateSlack: time.Nanosecond, PlaceSlack: 0.5},
}

// dump prints events with every field, to the bit.
func dump(es []Event) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%#v\n", e)
	}
	return b.String()
}

// TestPartitionReference: Partition gives exactly refPartition's events
// on random sets of mentions, and a Merger fed mentions in random order
// answers every Add as the refMerger does and ends with the same events.
func TestPartitionReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	for trial := range 300 {
		ms := randomMentions(rng, 20+rng.IntN(300))
		opt := refOptions[trial%len(refOptions)]
		got, want := dump(Partition(ms, opt)), dump(refPartition(ms, opt))
		if got != want {
			t.Fatalf("trial %d (%+v): Partition\n%s\nwant\n%s", trial, opt, got, want)
		}
		g, ref := NewMerger(opt), newRefMerger(opt)
		// Past fitSetActors actor codes, the Merger compares them one
		// by one: from the start, from the 6th code on, or never here.
		g.fitSetActors = []int{0, 5, maxFitSetActors}[trial%3]
		for i, m := range ms {
			id, created := g.Add(m)
			wantID, wantCreated := ref.Add(m)
			if id != wantID || created != wantCreated {
				t.Fatalf("trial %d (%+v), mention %d %+v: Add = %s, %v; want %s, %v", trial, opt, i, m, id, created, wantID, wantCreated)
			}
			if i%7 == 0 {
				if e, ok := g.Event(id); !ok || e.ID != id || !slices.Contains(e.Mentions, m.ID) {
					t.Fatalf("trial %d, mention %d: Event(%s) = %v, %v", trial, i, id, e, ok)
				}
			}
		}
		if got, want := dump(g.Events()), dump(ref.Events()); got != want {
			t.Fatalf("trial %d (%+v): Merger events\n%s\nwant\n%s", trial, opt, got, want)
		}
	}
}

// TestPartitionReferenceGenerated: the same on the benchmark's mentions.
func TestPartitionReferenceGenerated(t *testing.T) {
	ms := generatedMentions(300)
	if got, want := dump(Partition(ms, MergeOptions{})), dump(refPartition(ms, MergeOptions{})); got != want {
		t.Errorf("Partition differs from refPartition on %d generated mentions", len(ms))
	}
}
