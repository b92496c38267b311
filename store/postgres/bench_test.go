package postgres

import (
	"context"
	"testing"

	"sitrep/internal/pgtest"
	"sitrep/store"
	"sitrep/store/storetest"
)

// BenchmarkPut stores articles of about ten events each, one a
// transaction.
func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	s := open(b, pgtest.DSN(b))
	ins := storetest.Synthetic(21, 0, b.N, 10)
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.Put(ctx, ins[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutBatch stores articles of about ten events each, 64 a
// transaction (as ingest does); ns/op is per article.
func BenchmarkPutBatch(b *testing.B) {
	ctx := context.Background()
	s := open(b, pgtest.DSN(b))
	ins := storetest.Synthetic(21, 0, b.N, 10)
	b.ResetTimer()
	for i := 0; i < b.N; i += 64 {
		if _, err := s.PutBatch(ctx, ins[i:min(i+64, b.N)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvents reads one page of 100 events from about 100,000.
func BenchmarkEvents(b *testing.B) {
	ctx := context.Background()
	s := open(b, pgtest.DSN(b))
	for i := 0; i < 10000; i += 500 {
		if _, err := s.PutBatch(ctx, storetest.Synthetic(22, i, 500, 10)); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
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
}
