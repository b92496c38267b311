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
	"sitrep/internal/pgtest"
	"sitrep/queue"
	"sitrep/samples"
)

// BenchmarkQueueWorkers measures articles per second through the queue
// into SQLite and PostgreSQL (with SITREP_SLOW=1 or SITREP_POSTGRES) with
// 1 and 2 workers (in this process, each coding on every core), from the
// publish to the last commit, the workers' start aside, and the time
// their commits (with the remerge) took per article; and a single-process
// 'sitrep ingest' of the same corpus. Set
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
	for _, c := range []struct {
		workers  int
		postgres bool
	}{{1, false}, {2, false}, {1, true}, {2, true}} {
		name := fmt.Sprintf("sqlite/workers=%d", c.workers)
		if c.postgres {
			name = fmt.Sprintf("postgres/workers=%d", c.workers)
		}
		workers := c.workers
		b.Run(name, func(b *testing.B) {
			var elapsed time.Duration
			var logs []*bytes.Buffer
			for b.Loop() {
				srv := natstest.Start(b)
				db := filepath.Join(b.TempDir(), "queue.db")
				if c.postgres {
					db = pgtest.DSN(b)
				}
				var cancels []context.CancelFunc
				var dones []chan int
				for i := range workers {
					wctx, cancel := context.WithCancel(ctx)
					done := make(chan int, 1)
					log := &bytes.Buffer{}
					logs = append(logs, log)
					go func() {
						done <- run(wctx, []string{"worker", "--queue", srv.URL(), "--db", db, "--name", fmt.Sprint("w", i)}, nil, &bytes.Buffer{}, log)
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
			}
			var all []string
			for _, l := range logs {
				all = append(all, l.String())
			}
			stored, ms, _ := commitCost(all...)
			if os.Getenv("SITREP_BENCH_LOG") != "" {
				for _, l := range all {
					b.Log(l)
				}
			}
			b.ReportMetric(float64(stored)/elapsed.Seconds(), "articles/s")
			b.ReportMetric(float64(ms)/float64(stored), "commit-ms/article")
		})
	}
}
