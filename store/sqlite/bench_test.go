package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sitrep/store"
	"sitrep/store/storetest"
)

// BenchmarkPut stores articles of about ten events each.
func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	s := open(b, filepath.Join(b.TempDir(), "bench.db"), Options{})
	ins := storetest.Synthetic(21, 0, b.N, 10)
	events := 0
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.Put(ctx, ins[i]); err != nil {
			b.Fatal(err)
		}
		events += len(ins[i].Article.Events)
	}
	b.ReportMetric(float64(events)/float64(b.N), "events/article")
	b.StopTimer()
	size := int64(0)
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(s.Path() + suffix); err == nil {
			size += fi.Size()
		}
	}
	b.ReportMetric(float64(size)/float64(b.N), "bytes/article")
}

// bigStore makes a file of 10,000 synthetic articles, about 100,000
// events.
func bigStore(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "big.db")
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 10000; i += 500 {
		for _, in := range storetest.Synthetic(22, i, 500, 10) {
			if _, err := s.Put(context.Background(), in); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkEvents reads one page of 100 events from about 100,000.
func BenchmarkEvents(b *testing.B) {
	ctx := context.Background()
	s := open(b, bigStore(b), Options{ReadOnly: true})
	sum, err := s.Summary(ctx)
	if err != nil {
		b.Fatal(err)
	}
	// A cursor deep into the list.
	deep := store.Query{}
	for range 50 {
		_, next, err := s.Events(ctx, deep)
		if err != nil {
			b.Fatal(err)
		}
		deep.Cursor = next
	}
	for _, c := range []struct {
		name string
		q    store.Query
	}{
		{"all", store.Query{}},
		{"page50", deep},
		{"root", store.Query{Root: "04"}},
		{"actor", store.Query{Actor: "SYR"}},
		{"country", store.Query{Country: "UKR"}},
		{"dates", store.Query{From: "2024-06-01", To: "2024-06-30"}},
		{"bbox", store.Query{BBox: &[4]float64{35, 32, 37, 33}}},
		{"text-all", store.Query{Text: "Synthetic"}},
		{"text-one", store.Query{Text: `"article 1234"`}},
		{"root+country+dates", store.Query{Root: "19", Country: "SYR", From: "2024-03-01", To: "2024-09-30"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				evs, _, err := s.Events(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(evs)
			}
			b.ReportMetric(float64(n), "events/page")
		})
	}
	b.Logf("store: %+v", *sum)
}

// BenchmarkPutBatch stores articles of about ten events each, 64 a
// transaction (as ingest does); ns/op is per article.
func BenchmarkPutBatch(b *testing.B) {
	ctx := context.Background()
	s := open(b, filepath.Join(b.TempDir(), "bench.db"), Options{})
	ins := storetest.Synthetic(21, 0, b.N, 10)
	b.ResetTimer()
	for i := 0; i < b.N; i += 64 {
		if _, err := s.PutBatch(ctx, ins[i:min(i+64, b.N)]); err != nil {
			b.Fatal(err)
		}
	}
}
