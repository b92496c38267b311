package dedup

import (
	"bufio"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// readMentions reads testdata/mentions.txt: the mentions and each one's
// gold event.
func readMentions(t testing.TB, path string) ([]Mention, map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ms []Mention
	gold := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 15 {
			t.Fatalf("%s:%d: %d fields, want 15", path, n, len(fs))
		}
		for i, v := range fs {
			if v == "-" {
				fs[i] = ""
			}
		}
		num := func(s string) float64 {
			if s == "" {
				return math.NaN()
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			return v
		}
		id, _ := strconv.ParseInt(fs[10], 10, 64)
		date, err := time.Parse(time.DateOnly, fs[12])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		prec := map[string]Precision{"day": Day, "week": Week, "month": Month, "year": Year}[fs[13]]
		radius := num(fs[9])
		if math.IsNaN(radius) {
			radius = 0
		}
		m := Mention{
			ID: fs[0], ArticleID: fs[1], Original: fs[2], Source: fs[3],
			SourceActor: fs[4], TargetActor: fs[5], Code: fs[6],
			Place: Place{Lat: num(fs[7]), Lon: num(fs[8]), Radius: radius, ID: id, Country: fs[11]},
			Date:  date, Precision: prec,
		}
		ms = append(ms, m)
		gold[m.ID] = fs[14]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ms, gold
}

// partition returns each mention's event.
func partition(g *Merger) map[string]string {
	out := map[string]string{}
	for _, e := range g.Events() {
		for _, m := range e.Mentions {
			out[m] = e.Mentions[0]
		}
	}
	return out
}

// pairScores counts mention pairs put together (or not) by got and gold.
func pairScores(got, gold map[string]string) (tp, fp, fn int) {
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			g, w := got[a] == got[b], gold[a] == gold[b]
			switch {
			case g && w:
				tp++
			case g:
				fp++
			case w:
				fn++
			}
		}
	}
	return tp, fp, fn
}

func TestMergeMentions(t *testing.T) {
	ms, gold := readMentions(t, "testdata/mentions.txt")
	g := NewMerger(MergeOptions{})
	for _, m := range ms {
		g.Add(m)
	}
	events := g.Events()
	for _, e := range events {
		t.Logf("%s %s %s %s %s@%d %s/%s: mentions %d sources %d articles %d %v", e.ID, e.SourceActor, e.TargetActor, e.Code,
			e.Place.Country, e.Place.ID, e.Date.Format(time.DateOnly), e.Precision, e.NumMentions, e.NumSources, e.NumArticles, e.Mentions)
	}
	got := partition(g)
	tp, fp, fn := pairScores(got, gold)
	p, r, f := prf(tp, fp, fn)
	t.Logf("mention pairs: precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, tp, fp, fn)
	if p < 1 || r < 0.95 {
		t.Errorf("merging below its floor (precision 1, recall 0.95)")
	}

	// The abduction: one event, five publishers, five articles (the AP
	// update counts with the AP story), seven mentions.
	abduction, _ := g.Event(got["m01"])
	if abduction.NumMentions != 7 || abduction.NumSources != 5 || abduction.NumArticles != 5 {
		t.Errorf("abduction: %d mentions, %d sources, %d articles; want 7, 5, 5", abduction.NumMentions, abduction.NumSources, abduction.NumArticles)
	}
	if abduction.SourceActor != "NGAREB" || abduction.TargetActor != "NGANGO" || abduction.Code != "181" || abduction.Place.ID != 2339354 ||
		!abduction.Date.Equal(time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)) || abduction.Precision != Day {
		t.Errorf("abduction facts: %+v", abduction)
	}
	if abduction.Representative.ID != "m01" {
		t.Errorf("abduction representative %s, want m01", abduction.Representative.ID)
	}
	// The strikes on Nawa on three days stay three events.
	for _, pair := range [][2]string{{"m11", "m15"}, {"m11", "m17"}, {"m15", "m17"}, {"m19", "m22"}} {
		if got[pair[0]] == got[pair[1]] {
			t.Errorf("%s and %s merged", pair[0], pair[1])
		}
	}

	// The partition and every event's facts do not depend on the order.
	want := g.Events()
	byMention := func(es []Event) map[string]Event {
		out := map[string]Event{}
		for _, e := range es {
			e.ID = ""
			out[e.Mentions[0]] = e
		}
		return out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(ms)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		g2 := NewMerger(MergeOptions{})
		for _, m := range shuffled {
			g2.Add(m)
		}
		a, b := byMention(want), byMention(g2.Events())
		if len(a) != len(b) {
			t.Fatalf("shuffled: %d events, want %d", len(b), len(a))
		}
		for k, e := range a {
			e2 := b[k]
			if !eventsEqual(e, e2) {
				t.Fatalf("shuffled: event of %s\n got %+v\nwant %+v", k, e2, e)
			}
		}
	}
}

// eventsEqual compares two events, NaN coordinates alike.
func eventsEqual(a, b Event) bool {
	nanless := func(e *Event) {
		for _, p := range []*Place{&e.Place, &e.Representative.Place} {
			if math.IsNaN(p.Lat) {
				p.Lat = -999
			}
			if math.IsNaN(p.Lon) {
				p.Lon = -999
			}
		}
	}
	nanless(&a)
	nanless(&b)
	return slices.Equal(a.Mentions, b.Mentions) && a.SourceActor == b.SourceActor && a.TargetActor == b.TargetActor &&
		a.Code == b.Code && a.Place == b.Place && a.Date.Equal(b.Date) && a.Precision == b.Precision &&
		a.Representative == b.Representative && a.NumMentions == b.NumMentions && a.NumSources == b.NumSources &&
		a.NumArticles == b.NumArticles
}

func TestActorsFit(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"SYR", "SYR", true},
		{"SYR", "SYRGOV", true},
		{"SYRGOV", "SYR", true},
		{"SYRGOVMIL", "SYR", true},
		{"REB", "SYRREB", true},
		{"", "SYRGOV", true},
		{"SYRGOV", "SYRREB", false},
		{"SYRMIL", "SYRGOV", false},
		{"RUS", "UKR", false},
		{"SY", "SYRGOV", false},
		{"GOV", "SYRGOVMIL", false},
	} {
		if got := actorsFit(tc.a, tc.b); got != tc.want {
			t.Errorf("actorsFit(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestMergeRules(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 7, d, 0, 0, 0, 0, time.UTC) }
	nawa := Place{ID: 163843, Lat: 32.89, Lon: 36.04, Radius: 3, Country: "SYR"}
	base := Mention{ID: "a", ArticleID: "x", Source: "s", SourceActor: "SYRGOV", TargetActor: "SYRCVL", Code: "195", Place: nawa, Date: day(1), Precision: Day}
	for _, tc := range []struct {
		name string
		edit func(m *Mention)
		opt  MergeOptions
		want bool
	}{
		{"same", func(m *Mention) {}, MergeOptions{}, true},
		{"next day", func(m *Mention) { m.Date = day(2) }, MergeOptions{}, false},
		{"next day with slack", func(m *Mention) { m.Date = day(2) }, MergeOptions{DateSlack: 24 * time.Hour}, true},
		{"the month", func(m *Mention) { m.Date, m.Precision = day(1), Month }, MergeOptions{}, true},
		{"the week", func(m *Mention) { m.Date, m.Precision = day(1), Week }, MergeOptions{}, true},
		{"last month", func(m *Mention) { m.Date, m.Precision = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), Month }, MergeOptions{}, false},
		{"the year", func(m *Mention) { m.Date, m.Precision = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Year }, MergeOptions{}, true},
		{"undated", func(m *Mention) { m.Date = time.Time{} }, MergeOptions{}, false},
		{"same root", func(m *Mention) { m.Code = "190" }, MergeOptions{}, true},
		{"other root", func(m *Mention) { m.Code = "183" }, MergeOptions{}, false},
		{"less specific actor", func(m *Mention) { m.SourceActor = "SYR" }, MergeOptions{}, true},
		{"other actor", func(m *Mention) { m.SourceActor = "SYRREB" }, MergeOptions{}, false},
		{"unknown target", func(m *Mention) { m.TargetActor = "" }, MergeOptions{}, true},
		{"the region", func(m *Mention) { m.Place = Place{ID: 170903, Lat: 32.75, Lon: 36.15, Radius: 45, Country: "SYR"} }, MergeOptions{}, true},
		{"town 8 km away", func(m *Mention) { m.Place = Place{ID: 1, Lat: 32.89, Lon: 36.125, Radius: 2, Country: "SYR"} }, MergeOptions{}, true},
		{"town 30 km away", func(m *Mention) { m.Place = Place{ID: 2, Lat: 32.62, Lon: 36.10, Radius: 2, Country: "SYR"} }, MergeOptions{}, false},
		{"country only", func(m *Mention) { m.Place = Place{Country: "SYR", Lat: math.NaN(), Lon: math.NaN()} }, MergeOptions{}, true},
		{"other country", func(m *Mention) { m.Place = Place{Country: "JOR", Lat: math.NaN(), Lon: math.NaN()} }, MergeOptions{}, false},
		{"nowhere", func(m *Mention) { m.Place = Place{Lat: math.NaN(), Lon: math.NaN()} }, MergeOptions{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := NewMerger(tc.opt)
			g.Add(base)
			m := base
			m.ID = "b"
			tc.edit(&m)
			_, created := g.Add(m)
			if created == tc.want {
				t.Errorf("merged %v, want %v", !created, tc.want)
			}
		})
	}
}

// TestMergeCoarseBetween: a month-precision mention that fits two events
// joins the larger one and does not join them.
func TestMergeCoarseBetween(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 7, d, 0, 0, 0, 0, time.UTC) }
	g := NewMerger(MergeOptions{})
	m := Mention{SourceActor: "SYRGOV", TargetActor: "SYRCVL", Code: "195", Place: Place{ID: 163843}, Precision: Day}
	add := func(id string, d int, p Precision) string {
		m.ID, m.ArticleID, m.Date, m.Precision = id, id, day(d), p
		e, _ := g.Add(m)
		return e
	}
	e1 := add("m1", 1, Day)
	add("m2", 1, Day)
	e2 := add("m3", 4, Day)
	if e1 == e2 {
		t.Fatal("two days merged")
	}
	if got := add("m4", 1, Month); got != e1 {
		t.Errorf("the month joined %s, want %s (more mentions)", got, e1)
	}
	if n := len(g.Events()); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
}

// TestActorRefs: the Merger's actorsFit on numbered codes agrees with
// actorsFit on the codes, for codes of up to six segments, codes not in
// whole segments, and more segments than a Merger numbers.
func TestActorRefs(t *testing.T) {
	codes := []string{"", "S", "SY", "SYRG", "SYRGO", "SYRGOVM"}
	segs := []string{"SYR", "GOV", "REB", "MIL", "IGO", "UNO"}
	var grow func(code string, n int)
	grow = func(code string, n int) {
		if code != "" {
			codes = append(codes, code)
		}
		if n == 0 {
			return
		}
		for _, s := range segs[:4] {
			grow(code+s, n-1)
		}
	}
	grow("", 5)
	codes = append(codes, "IGOUNOHRIHCH", "UNOHRIHCH", "HRIHCH", "HCH", "IGOUNOHRIHCHSYR", "UNOHRIHCHSYR")
	g := NewMerger(MergeOptions{})
	refs := make([]actorRef, len(codes))
	for i, c := range codes {
		refs[i] = g.actor(c)
	}
	// Use up the segment numbers: codes with a new segment are compared
	// as strings.
	for i := range 1 << 16 {
		g.actor(string([]byte{'#', byte(i >> 8), byte(i)}))
	}
	for _, c := range []string{"ZZZSYR", "SYRZZZ", "ZZZ", "GOVZZZSYR"} {
		r := g.actor(c)
		if r.packed {
			t.Fatalf("%s packed with %d segments numbered", c, len(g.segments))
		}
		codes, refs = append(codes, c), append(refs, r)
	}
	for i, a := range codes {
		for j, b := range codes {
			if got, want := g.actorsFit(&refs[i], &refs[j]), actorsFit(a, b); got != want {
				t.Errorf("actorsFit(%q, %q): %v on numbers, %v on codes", a, b, got, want)
			}
		}
	}
}

// TestPlacesFitBound: the chord bound never turns away two places the
// haversine distance keeps together, also at the limit to the last bit.
func TestPlacesFitBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	g := NewMerger(MergeOptions{PlaceSlack: -1})
	for i := range 200000 {
		a := Place{Lat: 180*rng.Float64() - 90, Lon: 360*rng.Float64() - 180}
		// Far, near, very near and next to each other.
		scale := []float64{180, 1, 1e-3, 1e-7, 1e-12}[i%5]
		b := Place{Lat: max(-90, min(90, a.Lat+scale*(2*rng.Float64()-1))), Lon: max(-180, min(180, a.Lon+scale*(2*rng.Float64()-1)))}
		if !hasCoords(a) || !hasCoords(b) {
			continue
		}
		d := haversine(a.Lat, a.Lon, b.Lat, b.Lon)
		for _, r := range []float64{d, math.Nextafter(d, math.Inf(1)), math.Nextafter(d, math.Inf(-1)), d * (1 + 1e-9), d * (1 - 1e-9)} {
			a.Radius = r
			ak, bk := placeKeyOf(a), placeKeyOf(b)
			if got, want := g.placesFit(&ak, &bk), d <= max(r, 0); got != want {
				t.Fatalf("%+v and %+v, %v km apart: fit %v, want %v", a, b, d, got, want)
			}
		}
	}
}

func TestTally(t *testing.T) {
	var tl tally
	want := map[string]int{}
	for i := range 40 {
		s := strconv.Itoa(i * 7 % 13)
		want[s]++
		if n := tl.add(s); n != want[s] {
			t.Fatalf("add %q: count %d, want %d", s, n, want[s])
		}
		if tl.len() != len(want) {
			t.Fatalf("after %d: %d strings, want %d", i, tl.len(), len(want))
		}
		for s, n := range want {
			if tl.count(s) != n {
				t.Fatalf("after %d: count(%q) = %d, want %d", i, s, tl.count(s), n)
			}
		}
	}
	if tl.count("x") != 0 {
		t.Errorf("count of a string never added: %d", tl.count("x"))
	}
}
