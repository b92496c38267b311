package quote_test

import (
	"os"
	"path/filepath"
	"testing"

	"sitrep/quote"
)

// BenchmarkFind finds the statements of testdata/article.txt, parsed once
// outside the timed loop, and reports nanoseconds per token.
func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc := parse(b, string(text))
	f := finder(b)
	opt := quote.Options{Date: day(b, "2024-05-14"), Focus: "SDN"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(f.Find(doc, opt))
	}
	if n == 0 {
		b.Fatal("no quotes")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(doc.Tokens)), "ns/token")
}
