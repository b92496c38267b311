package actor

import (
	"io/fs"
	"testing"
	"time"
)

// BenchmarkDefault loads and compiles the embedded dictionary, what
// Default does once per process.
func BenchmarkDefault(b *testing.B) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Load(sub); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch matches every sentence of the seed article and reports
// the time per token.
func BenchmarkMatch(b *testing.B) {
	d := mustDefault(b)
	doc := seedDoc(b)
	b.ResetTimer()
	for b.Loop() {
		for i := range doc.Sentences {
			d.Match(doc.SentenceTokens(i))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(doc.Tokens)), "ns/token")
}

// BenchmarkResolve codes a typical noun phrase.
func BenchmarkResolve(b *testing.B) {
	d := mustDefault(b)
	toks := tokens(b, "United Nations deputy spokesman Farhan Haq")
	date := time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, ok := d.Resolve(toks, date, "SYR"); !ok {
			b.Fatal("no actor")
		}
	}
}
