package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/natstest"
	"sitrep/internal/pgtest"
	"sitrep/internal/testshared"
	"sitrep/store"
	"sitrep/store/postgres"
	"sitrep/store/sqlite"
)

// TestSlowQueuePostgres sends one corpus (a) through 'sitrep ingest' into
// SQLite and (b) through 'ingest --queue' and three workers into
// PostgreSQL, restarting PostgreSQL while the workers run: the same
// articles and mentions, and the merged events dedup.Partition makes of
// those mentions, whichever worker stored what.
func TestSlowQueuePostgres(t *testing.T) {
	testshared.Slow(t)
	dsn := pgtest.DSN(t)
	corpus, want := queueCorpus(t, 90)
	srv := natstest.Start(t)
	publish(t, srv.URL(), corpus)
	ctx := context.Background()
	pg, err := postgres.Open(ctx, dsn, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	var lastErr string
	stored := func() int {
		s, err := pg.Summary(ctx)
		if err != nil {
			if err.Error() != lastErr {
				lastErr = err.Error()
				t.Logf("summary: %v", err)
			}
			return -1
		}
		return s.Articles
	}
	var workers []*workerRun
	for i := range 3 {
		workers = append(workers, startWorker(t, srv.URL(), "", "--store", dsn, "--batch", "4", "--name", fmt.Sprintf("w%d", i)))
	}
	waitFor(t, "20 articles stored", func() bool { return stored() >= 20 })
	if s := pgtest.Current(); s != nil {
		t.Logf("restarting PostgreSQL with %d articles stored", stored())
		if err := s.Restart(ctx); err != nil {
			t.Fatal(err)
		}
	}
	logged := -1
	waitDrained(t, srv.URL(), workers, func() bool {
		n := stored()
		drained := queueStatus(t, srv.URL()).Queued == 0
		if drained && n >= 0 && n != len(want.Articles) && n != logged {
			logged = n
			t.Logf("queue drained, %d of %d articles stored", n, len(want.Articles))
		}
		return drained && n == len(want.Articles)
	})
	st := queueStatus(t, srv.URL())
	for _, w := range workers {
		w.stop()
	}
	if len(st.Workers) != 3 || st.Dead != 0 {
		t.Errorf("status: %+v", st.Status)
	}
	rs, err := pg.Remerge(ctx, store.Partition)
	if err != nil || rs.Pending != 0 {
		t.Errorf("mentions left to remerge: %+v, %v", rs, err)
	}
	got := contentsOf(t, pg)
	if !equalContents(want, got) {
		t.Errorf("3 workers on PostgreSQL: %d articles, %d mentions, %d events; one process on SQLite: %d, %d, %d",
			len(got.Articles), len(got.Mentions), len(got.Events), len(want.Articles), len(want.Mentions), len(want.Events))
	}
	// Both are dedup.Partition of the mentions, whatever the order.
	if canon := canonical(t, corpusDB(t, corpus)); !slices.Equal(canon.Events, got.Events) || !slices.Equal(canon.Mentions, got.Mentions) {
		t.Errorf("the merged events are not dedup.Partition's of the mentions")
	}
	retried := 0
	var logs []string
	for _, w := range workers {
		retried += strings.Count(w.stderr.String(), `"msg":"commit failed, retrying"`)
		logs = append(logs, w.stderr.String())
	}
	n, ms, _ := commitCost(logs...)
	t.Logf("PostgreSQL: %d articles stored (with the remerge) in %d ms by 3 workers", n, ms)
	t.Logf("%d articles, %d mentions in %d merged events, equal; %d commits retried over the restart",
		len(got.Articles), len(got.Mentions), len(got.Events), retried)
}

// corpusDB ingests corpus into a new SQLite database in one process.
func corpusDB(t *testing.T, corpus string) string {
	t.Helper()
	db := t.TempDir() + "/single.db"
	if _, errs, code := sitrep(t, "", "ingest", "--db", db, "--json", corpus); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return db
}

// canonical lists a database's mentions and events as they are after
// dedup.Partition of its mentions.
func canonical(t *testing.T, db string) storeContents {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var ms []store.Mention
	if err := st.Mentions(ctx, func(m store.Mention) error {
		ms = append(ms, m)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var c storeContents
	for _, g := range store.Partition(ms) {
		for _, m := range g.Mentions {
			c.Mentions = append(c.Mentions, m+" "+g.ID)
		}
		b, _ := json.Marshal([]any{g.ID, g.Representative, g.NumMentions, g.NumSources, g.NumArticles})
		c.Events = append(c.Events, string(b))
	}
	slices.Sort(c.Mentions)
	slices.Sort(c.Events)
	return c
}
