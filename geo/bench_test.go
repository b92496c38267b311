package geo

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// BenchmarkDefault measures decoding the embedded gazetteer, what the first
// Default call costs (the target is a second at most).
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookup looks up a mix of names: hits with one and many
// candidates, multi-word and folded names, a miss.
func BenchmarkLookup(b *testing.B) {
	g := defaultGaz(b)
	names := []string{"Daraa", "Damascus", "Golan Heights", "Dar'a Province", "Jordan", "Springfield", "Xyzzy", "london"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.Lookup(names[i%len(names)])
	}
}

// BenchmarkMatch matches the hand-written news reports of the CLI's bench
// corpus, already tokenized; bytes/s is of text.
func BenchmarkMatch(b *testing.B) {
	g := defaultGaz(b)
	text, err := os.ReadFile("../cmd/sitrep/corpus/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := tokenize(b, string(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(g.Match(doc.Tokens))
	}
	b.ReportMetric(float64(n), "matches")
	b.ReportMetric(float64(len(doc.Tokens)), "tokens")
}

// BenchmarkNearest finds the city nearest to points over the Middle East.
func BenchmarkNearest(b *testing.B) {
	g := defaultGaz(b)
	g.Nearest(0, 0) // build the grid outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.Nearest(30+float64(i%100)*0.1, 35+float64(i%70)*0.1)
	}
}

// BenchmarkLookupSpread looks up the names of 100,000 different cities, in
// a fixed shuffled order, so that most lookups miss the processor's caches
// as a real text's would.
func BenchmarkLookupSpread(b *testing.B) {
	g := defaultGaz(b)
	var names []string
	for _, p := range g.byID {
		if p.Kind == KindCity {
			names = append(names, p.Name)
		}
	}
	slices.Sort(names)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	names = names[:100000]
	// The queries live together, as a text's words would, so that what is
	// measured is the index's cache misses, not the query's.
	var arena strings.Builder
	for _, n := range names {
		arena.WriteString(n)
	}
	all, off := arena.String(), 0
	for i, n := range names {
		names[i], off = all[off:off+len(n)], off+len(n)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if len(g.Lookup(names[i%len(names)])) == 0 {
			b.Fatalf("Lookup(%q): nothing", names[i%len(names)])
		}
	}
}
