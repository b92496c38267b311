package dedup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// ambiguousMentions are mentions whose grouping by a Merger depends on
// their order: a country-level actor between a government and a rebel
// event of one day and place, and a month-precision mention between two
// days' events.
func ambiguousMentions() []Mention {
	day := func(d int) time.Time { return time.Date(2024, 7, d, 0, 0, 0, 0, time.UTC) }
	nawa := Place{ID: 163843, Lat: 32.89, Lon: 36.04, Radius: 3, Country: "SYR"}
	m := func(id, art, src, actor string, d int, p Precision) Mention {
		return Mention{ID: id, ArticleID: art, Source: src, SourceActor: actor, TargetActor: "SYRCVL", Code: "195", Place: nawa, Date: day(d), Precision: p}
	}
	return []Mention{
		m("z1", "a1", "reuters", "SYRGOV", 1, Day),
		m("z2", "a2", "apnews", "SYRGOV", 1, Day),
		m("z3", "a3", "sana", "SYRREB", 1, Day),
		m("z4", "a4", "blog", "SYR", 1, Day),
		m("z5", "a5", "reuters", "SYRGOV", 9, Day),
		m("z6", "a6", "monthly", "SYRGOV", 1, Month),
	}
}

// render prints events with every fact that Partition promises to keep.
func render(es []Event) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%s %s %s %s %v %s %s rep=%s %v %d/%d/%d\n", e.ID, e.SourceActor, e.TargetActor, e.Code, e.Place,
			e.Date.Format(time.DateOnly), e.Precision, e.Representative.ID, e.Mentions, e.NumMentions, e.NumSources, e.NumArticles)
	}
	return b.String()
}

// TestPartitionOrder: whatever the order the mentions come in, as if five
// processes had ingested the articles in turns, Partition gives the same
// events, IDs and counts, while a Merger fed the same orders does not.
func TestPartitionOrder(t *testing.T) {
	ms, gold := readMentions(t, "testdata/mentions.txt")
	ms = append(ms, ambiguousMentions()...)
	want := render(Partition(ms, MergeOptions{}))
	t.Logf("canonical events:\n%s", want)
	rng := rand.New(rand.NewPCG(8, 8))
	mergerOrders := map[string]bool{}
	for range 100 {
		// Five processes, each with a share of the mentions in its own
		// order, writing to one store in turns.
		procs := make([][]Mention, 5)
		for _, m := range ms {
			i := rng.IntN(len(procs))
			procs[i] = append(procs[i], m)
		}
		var stored []Mention
		for len(procs) > 0 {
			i := rng.IntN(len(procs))
			stored = append(stored, procs[i][0])
			if procs[i] = procs[i][1:]; len(procs[i]) == 0 {
				procs = slices.Delete(procs, i, i+1)
			}
		}
		if got := render(Partition(stored, MergeOptions{})); got != want {
			t.Fatalf("another order, other events:\n%s\nwant\n%s", got, want)
		}
		g := NewMerger(MergeOptions{})
		for _, m := range stored {
			g.Add(m)
		}
		mergerOrders[render(canonicalIDs(g.Events()))] = true
	}
	if len(mergerOrders) < 2 {
		t.Errorf("the Merger gave the same events in every order: the test has no ambiguous mentions")
	}
	t.Logf("the Merger made %d different partitions in 100 orders", len(mergerOrders))

	// The canonical partition keeps the Merger's accuracy on the gold events.
	got := map[string]string{}
	for _, e := range Partition(ms, MergeOptions{}) {
		for _, id := range e.Mentions {
			got[id] = e.ID
		}
	}
	tp, fp, fn := pairScores(got, gold)
	if p, r, _ := prf(tp, fp, fn); p < 1 || r < 0.95 {
		t.Errorf("canonical partition: precision %.3f recall %.3f, below the floor (1, 0.95)", p, r)
	}
	// The coarse mentions join an event instead of founding one.
	events := Partition(ambiguousMentions(), MergeOptions{})
	if len(events) != 3 {
		t.Errorf("ambiguous mentions: %d events, want 3 (government, rebels, the 9th):\n%s", len(events), render(events))
	}
}

// canonicalIDs names each event by its smallest mention and sorts them, to
// compare partitions whatever order made them.
func canonicalIDs(es []Event) []Event {
	for i := range es {
		es[i].ID = es[i].Mentions[0]
	}
	slices.SortFunc(es, func(a, b Event) int { return strings.Compare(a.ID, b.ID) })
	return es
}

func TestPartitionEmpty(t *testing.T) {
	if es := Partition(nil, MergeOptions{}); len(es) != 0 {
		t.Errorf("%d events from no mentions", len(es))
	}
}

func TestParsePrecision(t *testing.T) {
	for _, p := range []Precision{Day, Week, Month, Year} {
		if got, ok := ParsePrecision(p.String()); !ok || got != p {
			t.Errorf("ParsePrecision(%q) = %v, %v", p.String(), got, ok)
		}
	}
	for _, s := range []string{"", "publication", "Day", "Precision(9)"} {
		if _, ok := ParsePrecision(s); ok {
			t.Errorf("ParsePrecision(%q) accepted", s)
		}
	}
}
