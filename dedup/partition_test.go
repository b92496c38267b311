package dedup

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
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

// generatedMentions makes the mentions of n articles the way the pipeline
// codes generated wire articles ('sitrep bench'): about 22 mentions an
// article, half of them of CAMEO root 01, actors and places of the
// article's conflict, most dated by the publication's week, 10% of the
// articles reprints with the original's mentions. The articles span
// n/13.7 weeks, the density of the bench's 5,000 articles in 7 years, so
// that a (root, week) bucket holds as many events as there.
func generatedMentions(n int) []Mention {
	rng := rand.New(rand.NewPCG(13, 17))
	type country struct {
		code     string
		lat, lon float64
	}
	countries := []country{{"ETH", 9, 40}, {"MLI", 17, -4}, {"UKR", 49, 32}, {"HTI", 19, -72.5}, {"COD", -2, 23},
		{"SDN", 15, 30}, {"YEM", 15.5, 48}, {"PSE", 31.9, 35.2}, {"SYR", 35, 38}, {"BFA", 12.2, -1.5},
		{"MMR", 21, 96}, {"LBN", 33.9, 35.9}, {"NGA", 9, 8}, {"SOM", 5, 46}, {"AFG", 34, 66}}
	places := make([][]Place, len(countries))
	for i, c := range countries {
		for j := range 12 {
			p := Place{ID: int64(100000*i + j + 1), Lat: c.lat + 6*rng.Float64() - 3, Lon: c.lon + 6*rng.Float64() - 3, Country: c.code}
			p.Radius = []float64{0, 0, 0, 0, 0, 0, 0, 5, 60, 123, 220}[rng.IntN(11)]
			places[i] = append(places[i], p)
		}
		places[i] = append(places[i], Place{Lat: c.lat, Lon: c.lon, Radius: 500, Country: c.code},
			Place{Lat: math.NaN(), Lon: math.NaN(), Country: c.code})
	}
	roles := []string{"GOV", "MIL", "REB", "CVL", "COP", "UAF", "EDU", "MED", "REF", "OPP", "JUD", "BUS", "INS"}
	actor := func(c string) string {
		switch r := rng.IntN(100); {
		case r < 78:
			return c + roles[rng.IntN(len(roles))]
		case r < 84:
			return c
		case r < 88:
			return roles[rng.IntN(len(roles))]
		case r < 95:
			return c + roles[rng.IntN(len(roles))] + roles[rng.IntN(len(roles))]
		case r < 98:
			return "IGOUNO"
		}
		return "IGOUNOHRIHCH"
	}
	roots := []string{"01", "01", "01", "01", "01", "01", "01", "01", "19", "19", "17", "11", "04", "18", "07", "12"}
	start := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	days := max(1, int(float64(n)/13.7*7))
	sources := []string{"Salween Report", "Horn Wire", "Sahel Monitor", "Levant Daily", "Caribbean Desk"}
	var ms []Mention
	type article struct {
		id string
		ms []Mention
	}
	var arts []article
	for a := range n {
		id := fmt.Sprintf("%016x%016x", rng.Uint64(), a)
		source := sources[rng.IntN(len(sources))]
		if len(arts) > 0 && rng.IntN(10) == 0 {
			orig := arts[rng.IntN(len(arts))]
			for _, m := range orig.ms {
				m.ID, m.ArticleID, m.Original, m.Source = fmt.Sprintf("%.12s-%08x", id, rng.Uint32()), id, orig.id, source
				ms = append(ms, m)
			}
			continue
		}
		ci := rng.IntN(len(countries))
		c := countries[ci].code
		pub := start.AddDate(0, 0, rng.IntN(days))
		art := article{id: id}
		for range 12 + rng.IntN(21) {
			m := Mention{ID: fmt.Sprintf("%.12s-%08x", id, rng.Uint32()), ArticleID: id, Source: source,
				SourceActor: actor(c), Code: roots[rng.IntN(len(roots))] + strconv.Itoa(rng.IntN(10)),
				Place: places[ci][rng.IntN(len(places[ci]))]}
			if rng.IntN(3) == 0 {
				m.TargetActor = actor(c)
			}
			if rng.IntN(14) == 0 {
				m.Code += strconv.Itoa(rng.IntN(10))
			}
			switch r := rng.IntN(1000); {
			case r < 810: // the publication's week, from Monday
				m.Date, m.Precision = pub.AddDate(0, 0, -((int(pub.Weekday())+6)%7)), Week
			case r < 960:
				m.Date, m.Precision = pub.AddDate(0, 0, -rng.IntN(7)), Day
			case r < 977:
				m.Date, m.Precision = pub.AddDate(0, 0, -rng.IntN(14)), Week
			case r < 991:
				m.Date, m.Precision = time.Date(pub.Year(), 1, 1, 0, 0, 0, 0, time.UTC), Year
			case r < 997:
				m.Date, m.Precision = time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC), Month
			}
			art.ms = append(art.ms, m)
		}
		arts = append(arts, art)
		ms = append(ms, art.ms...)
	}
	return ms
}

// BenchmarkPartition partitions the mentions of 2,500 generated articles
// (generatedMentions; about 60,000); an op is one Partition.
func BenchmarkPartition(b *testing.B) {
	ms := generatedMentions(2500)
	b.ReportAllocs()
	for b.Loop() {
		Partition(ms, MergeOptions{})
	}
	b.ReportMetric(float64(len(ms)), "mentions")
}
