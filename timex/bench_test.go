package timex

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkFind measures Find on parsed text, parsing outside the timed
// loop: the seed article (6 expressions in 450 tokens) and the corpus
// sentences joined into one text (a date every few words). ns/token is
// what to set beside the parser's ~8 µs a token.
func BenchmarkFind(b *testing.B) {
	r := mustDefault(b)
	b.Run("seed", func(b *testing.B) {
		text, err := os.ReadFile(seedPath(b))
		if err != nil {
			b.Fatal(err)
		}
		benchFind(b, r, string(text))
	})
	b.Run("corpus", func(b *testing.B) {
		var text strings.Builder
		for _, c := range readCorpus(b, "testdata/dates.txt") {
			text.WriteString(c.text)
			text.WriteString("\n\n")
		}
		benchFind(b, r, text.String())
	})
}

func benchFind(b *testing.B, r *Resolver, text string) {
	doc := parse(b, text)
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n = len(r.Find(doc, thursday))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(doc.Tokens)), "ns/token")
	b.ReportMetric(float64(n), "exprs")
}
