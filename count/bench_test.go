package count

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"sitrep/internal/testshared"
)

// benchArticle is an article made of the first sentences of the count
// corpus, four to a paragraph: wire-report text with a count in most
// sentences, denser in counts than a real article.
func benchArticle(b *testing.B) string {
	var sb strings.Builder
	for i, c := range readCorpus(b, "testdata/counts.txt")[:60] {
		if i > 0 {
			sb.WriteString(" ")
			if i%4 == 0 {
				sb.WriteString("\n\n")
			}
		}
		sb.WriteString(c.text)
	}
	return sb.String()
}

// BenchmarkFind finds the counts of a parsed article and reports the
// time per token; the parse is outside the timed loop. "corpus" is the
// count-dense article of benchArticle, "seed" the founding article (one
// count in 500 tokens), skipped when ../shared is absent.
func BenchmarkFind(b *testing.B) {
	b.Run("corpus", func(b *testing.B) { benchFind(b, benchArticle(b)) })
	b.Run("seed", func(b *testing.B) {
		data, err := os.ReadFile(testshared.Path(b, "seed/000_86861ccb5f158c03.txt"))
		if err != nil {
			b.Fatal(err)
		}
		benchFind(b, string(data))
	})
}

func benchFind(b *testing.B, text string) {
	f := mustDefault(b)
	doc := annotate(b, text)
	n := 0
	for b.Loop() {
		n = len(f.Find(doc))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(doc.Tokens)), "ns/token")
	b.ReportMetric(float64(n), "counts")
}

// BenchmarkDefault loads and compiles the embedded lexicon, what Default
// does once per process.
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
