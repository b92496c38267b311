package dedup

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"sitrep/nlp"
)

// synthArticles makes n articles of about 600 words in 25 sentences from
// the corpus's vocabulary, each different.
func synthArticles(tb testing.TB, n int) []Doc {
	var vocab []string
	for _, d := range readCorpus(tb, "testdata/corpus.txt") {
		vocab = append(vocab, strings.Fields(d.Text)...)
	}
	rng := rand.New(rand.NewPCG(42, 42))
	docs := make([]Doc, n)
	var b strings.Builder
	for i := range docs {
		b.Reset()
		var spans []nlp.Span
		for s := range 25 {
			if s > 0 {
				b.WriteString("\n\n")
			}
			start := b.Len()
			for w := range 24 {
				if w > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strings.Trim(vocab[rng.IntN(len(vocab))], `.,"'`))
			}
			b.WriteByte('.')
			spans = append(spans, nlp.Span{Start: start, End: b.Len()})
		}
		docs[i] = Doc{ID: fmt.Sprintf("%032x", rng.Uint64()), Source: fmt.Sprintf("pub%d", rng.IntN(50)), Text: b.String(), Sentences: spans}
	}
	return docs
}

// BenchmarkAdd adds 600-word articles, all different, to an index that
// grows to 16,384 articles and starts again; an op is one article.
// "segment" lets the index find the sentences itself.
func BenchmarkAdd(b *testing.B) {
	docs := synthArticles(b, 16384)
	for _, segment := range []bool{false, true} {
		b.Run(fmt.Sprintf("segment=%v", segment), func(b *testing.B) {
			x := newTestIndex(b, Options{})
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if i > 0 && i%len(docs) == 0 {
					x = newTestIndex(b, Options{}) // no article twice
				}
				d := docs[i%len(docs)]
				d.ID = fmt.Sprint(i)
				if segment {
					d.Sentences = nil
				}
				x.Add(d)
				i++
			}
		})
	}
}

// BenchmarkIndexMemory reports the heap an index keeps per article
// (bytes/article) after 20,000 articles of 25 sentences, and the size of
// a stored fingerprint (record-bytes).
func BenchmarkIndexMemory(b *testing.B) {
	const n = 20000
	docs := synthArticles(b, n)
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		x := newTestIndex(b, Options{})
		var rec int
		for _, d := range docs {
			data, _ := x.Add(d).Record.Fingerprint.MarshalBinary()
			rec += len(data)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "bytes/article")
		b.ReportMetric(float64(rec)/n, "record-bytes")
		runtime.KeepAlive(x)
		runtime.KeepAlive(docs)
	}
}

// BenchmarkAddGenerated adds the articles of samples.Generator (median 400
// words, 10% reprints) to an index that grows to 20,000 articles and
// starts again; an op is one article.
func BenchmarkAddGenerated(b *testing.B) {
	docs := generatedDocs(b, 20000)
	x := newTestIndex(b, Options{})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i > 0 && i%len(docs) == 0 {
			x = newTestIndex(b, Options{})
		}
		x.Add(docs[i%len(docs)].Doc)
		i++
	}
}
