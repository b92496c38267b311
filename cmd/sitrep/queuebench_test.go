package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sitrep/internal/natstest"
	"sitrep/queue"
	"sitrep/samples"
)

// BenchmarkQueueWorkers measures articles per second through the queue
// into SQLite with 1 and 2 workers (in this process, each coding on every
// core), from the publish to the last commit, the workers' start aside;
// and a single-process 'sitrep ingest' of the same corpus. Set
// SITREP_BENCH_ARTICLES for another corpus size (default 200).
func BenchmarkQueueWorkers(b *testing.B) {
	n := 200
	if s := os.Getenv("SITREP_BENCH_ARTICLES"); s != "" {
		fmt.Sscan(s, &n)
	}
	corpus := filepath.Join(b.TempDir(), "corpus.jsonl")
	g, err := samples.DefaultGenerator()
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(corpus)
	if err != nil {
		b.Fatal(err)
	}
	if err := g.WriteJSONL(f, n, 5); err != nil {
		b.Fatal(err)
	}
	f.Close()
	ctx := context.Background()
	b.Run("ingest", func(b *testing.B) {
		stored := 0
		for b.Loop() {
			db := filepath.Join(b.TempDir(), "single.db")
			var out, errs bytes.Buffer
			if code := run(ctx, []string{"ingest", "--db", db, "--json", "--progress=false", corpus}, nil, &out, &errs); code != 0 {
				b.Fatalf("exit %d: %s", code, errs.String())
			}
			stored += storedArticles(db)
		}
		b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "articles/s")
	})
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var elapsed time.Duration
			stored := 0
			for b.Loop() {
				srv := natstest.Start(b)
				db := filepath.Join(b.TempDir(), "queue.db")
				var cancels []context.CancelFunc
				var dones []chan int
				for i := range workers {
					wctx, cancel := context.WithCancel(ctx)
					done := make(chan int, 1)
					go func() {
						done <- run(wctx, []string{"worker", "--queue", srv.URL(), "--db", db, "--name", fmt.Sprint("w", i)}, nil, &bytes.Buffer{}, &bytes.Buffer{})
					}()
					cancels, dones = append(cancels, cancel), append(dones, done)
				}
				q, err := queue.Open(ctx, srv.URL(), queue.Options{})
				if err != nil {
					b.Fatal(err)
				}
				for { // the workers have loaded their models
					st, err := q.Status(ctx)
					if err == nil && len(st.Workers) == workers {
						break
					}
					time.Sleep(20 * time.Millisecond)
				}
				start := time.Now()
				var out, errs bytes.Buffer
				if code := run(ctx, []string{"ingest", "--queue", srv.URL(), "--json", corpus}, nil, &out, &errs); code != 0 {
					b.Fatalf("exit %d: %s", code, errs.String())
				}
				for {
					st, err := q.Status(ctx)
					if err == nil && st.Queued == 0 {
						break
					}
					time.Sleep(10 * time.Millisecond)
				}
				elapsed += time.Since(start)
				for i := range cancels {
					cancels[i]()
					<-dones[i]
				}
				q.Close()
				stored += storedArticles(db)
			}
			b.ReportMetric(float64(stored)/elapsed.Seconds(), "articles/s")
		})
	}
}
