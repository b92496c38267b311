package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/article"
	"sitrep/samples"
	"sitrep/store"
	"sitrep/store/sqlite"
)

// storeContents lists what a database holds: article IDs, mention IDs
// with the merged event each joined, and merged events with their counts.
type storeContents struct {
	Articles, Mentions, Events []string
}

func contents(t *testing.T, path string) storeContents {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return contentsOf(t, st)
}

// contentsOf lists what st holds.
func contentsOf(t *testing.T, st store.Store) storeContents {
	t.Helper()
	ctx := context.Background()
	var c storeContents
	arts := map[string]bool{}
	if err := st.Mentions(ctx, func(m store.Mention) error {
		c.Mentions = append(c.Mentions, m.EventID+" "+m.Merged)
		arts[m.ArticleID] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.Fingerprints(ctx, func(f store.Fingerprint) error {
		c.Articles = append(c.Articles, f.ArticleID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.EachEvent(ctx, store.Query{}, func(e store.Event) error {
		b, _ := json.Marshal([]any{e.ID, e.Representative, e.NumMentions, e.NumSources, e.NumArticles})
		c.Events = append(c.Events, string(b))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(c.Articles)
	slices.Sort(c.Mentions)
	slices.Sort(c.Events)
	return c
}

// TestIngestDemo ingests the demo corpus twice into a real SQLite file:
// the second run adds nothing; the reprints and the stitched, spun copies
// are linked to their originals; events reported by several articles are
// merged.
func TestIngestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	var corpus bytes.Buffer
	if _, err := corpus.ReadFrom(samples.Demo()); err != nil {
		t.Fatal(err)
	}
	out, errs, code := sitrep(t, corpus.String(), "ingest", "--db", db, "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Read != 78 || sum.Added != 78 || sum.Near < 8 || sum.Stitched < 3 || sum.Merged == 0 {
		t.Errorf("first run: %+v; want 78 added, at least 8 near copies and 3 stitched, some mentions merged", sum)
	}
	first := contents(t, db)
	out, errs, code = sitrep(t, corpus.String(), "ingest", "--db", db, "--json", "-")
	if code != 0 {
		t.Fatalf("rerun exit %d: %s", code, errs)
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Added != 0 || sum.Stored != 78 {
		t.Errorf("rerun: %+v, %v; want nothing added, 78 already stored", sum, err)
	}
	if again := contents(t, db); !equalContents(first, again) {
		t.Errorf("the rerun changed the database")
	}

	ctx := context.Background()
	st, err := sqlite.Open(ctx, db, sqlite.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ids := demoIDs(t)
	rels, err := samples.DemoRelations()
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range rels {
		a, err := st.Article(ctx, ids[rel.Line])
		if err != nil {
			t.Fatalf("line %d: %v", rel.Line, err)
		}
		if a.Dedup == nil {
			t.Errorf("line %d: no dedup facts", rel.Line)
			continue
		}
		switch rel.Kind {
		case samples.Reprint:
			if want := ids[rel.Of[0]]; a.Dedup.NearOf != want {
				t.Errorf("line %d, a reprint of line %d: near_of %q, want %q", rel.Line, rel.Of[0], a.Dedup.NearOf, want)
			}
		case samples.Stitched:
			if !a.Dedup.Stitched {
				t.Errorf("line %d: not flagged as stitched", rel.Line)
			}
			for _, of := range rel.Of {
				if !slices.Contains(a.Dedup.Sources, ids[of]) {
					t.Errorf("line %d: sources %v lack line %d", rel.Line, a.Dedup.Sources, of)
				}
			}
		}
	}
	// Merged events: the most reported event counts more than one article.
	var most int
	if err := st.EachEvent(ctx, store.Query{}, func(e store.Event) error {
		most = max(most, e.NumArticles)
		if e.NumArticles > e.NumMentions || e.NumSources > e.NumMentions {
			t.Errorf("event %s: %d mentions, %d sources, %d articles", e.ID, e.NumMentions, e.NumSources, e.NumArticles)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if most < 2 {
		t.Errorf("no event merged across articles")
	}
}

// demoIDs maps the demo corpus's lines (from 1) to article IDs.
func demoIDs(t *testing.T) map[int]string {
	t.Helper()
	var buf bytes.Buffer
	buf.ReadFrom(samples.Demo())
	ids := map[int]string{}
	for i, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var r struct{ Title, Text string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		ids[i+1] = article.ContentID(r.Title, r.Text)
	}
	return ids
}

func equalContents(a, b storeContents) bool {
	return slices.Equal(a.Articles, b.Articles) && slices.Equal(a.Mentions, b.Mentions) && slices.Equal(a.Events, b.Events)
}

// TestIngestKilled kills an ingest with SIGKILL midway (a subprocess:
// this test binary re-run as sitrep), reruns it, and compares the
// database with one ingested in one go: the same articles, mentions and
// merged events, none twice, none missing.
func TestIngestKilled(t *testing.T) {
	if os.Getenv("SITREP_INGEST_CHILD") != "" {
		t.Skip("in the child")
	}
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	g, err := samples.DefaultGenerator()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(corpus)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.WriteJSONL(f, 150, 7); err != nil {
		t.Fatal(err)
	}
	f.Close()

	whole := filepath.Join(dir, "whole.db")
	if _, errs, code := sitrep(t, "", "ingest", "--db", whole, "--json", corpus); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := contents(t, whole)

	killed := filepath.Join(dir, "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$")
	cmd.Env = append(os.Environ(), "SITREP_INGEST_CHILD="+killed+"|"+corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some articles are stored, well before the end.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		time.Sleep(50 * time.Millisecond)
		if n := storedArticles(killed); n >= 20 {
			t.Logf("killing the ingest after %d articles", n)
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the child stored too little in 2 minutes: %s", stderr.String())
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	partial := contents(t, killed)
	if len(partial.Articles) >= len(want.Articles) {
		t.Fatalf("the child finished (%d articles) before it was killed", len(partial.Articles))
	}
	out, errs, code := sitrep(t, "", "ingest", "--db", killed, "--json", corpus)
	if code != 0 {
		t.Fatalf("rerun exit %d: %s", code, errs)
	}
	t.Logf("rerun: %s", strings.TrimSpace(out))
	got := contents(t, killed)
	if !equalContents(want, got) {
		t.Errorf("after the kill and a rerun: %d articles, %d mentions, %d events; in one go: %d, %d, %d",
			len(got.Articles), len(got.Mentions), len(got.Events), len(want.Articles), len(want.Mentions), len(want.Events))
	}
}

// TestIngestChild is the child of TestIngestKilled: an ingest that is
// killed midway.
func TestIngestChild(t *testing.T) {
	arg := os.Getenv("SITREP_INGEST_CHILD")
	if arg == "" {
		t.Skip("only as TestIngestKilled's child")
	}
	db, corpus, _ := strings.Cut(arg, "|")
	var out, errs bytes.Buffer
	run(context.Background(), []string{"ingest", "--db", db, "--json", corpus}, nil, &out, &errs)
}

// storedArticles counts the articles of a database another process is
// writing; 0 when it cannot be read yet.
func storedArticles(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path, sqlite.Options{ReadOnly: true})
	if err != nil {
		return 0
	}
	defer st.Close()
	s, err := st.Summary(ctx)
	if err != nil {
		return 0
	}
	return s.Articles
}

// TestBenchIngest runs the end-to-end bench on a few articles and checks
// its JSON line; the README's figures come from the full 5,000.
func TestBenchIngest(t *testing.T) {
	stdout, stderr, code := sitrep(t, "", "bench", "--articles", benchArticles(), "--json")
	if code != exitOK {
		t.Fatalf("bench: exit %d\n%s", code, stderr)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("%q: %v", stdout, err)
	}
	for _, k := range []string{"articles", "tokens", "seconds", "articles_per_sec", "tokens_per_sec", "peak_rss_mb", "cpu_seconds"} {
		if _, ok := r[k]; !ok {
			t.Errorf("no %q in %s", k, stdout)
		}
	}
	if want, _ := strconv.ParseFloat(benchArticles(), 64); r["articles"].(float64) < 0.95*want {
		t.Errorf("articles %v, want about %v (reprints generated word for word are skipped)", r["articles"], want)
	}
}

// benchArticles is the article count of TestBenchIngest: 30, or
// $SITREP_BENCH_ARTICLES to profile a longer run.
func benchArticles() string {
	if n := os.Getenv("SITREP_BENCH_ARTICLES"); n != "" {
		return n
	}
	return "30"
}

// TestIngestWatch polls a feed served over HTTP: the item's page is
// fetched and stored, and an interrupt ends the watch with the summary
// and status 0.
func TestIngestWatch(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>%[1]s/</link><description>d</description>
<item><title>Rebels shell Aleppo</title><link>%[1]s/a1.html</link><guid>a1</guid><pubDate>Mon, 02 Jul 2018 10:00:00 GMT</pubDate><description>Rebels shelled Aleppo.</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a1.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>Rebels shell Aleppo</title></head><body><article><h1>Rebels shell Aleppo</h1>
<p>ALEPPO, July 2 (Reuters) - Syrian rebels shelled government-held districts of Aleppo on Monday, killing at least three civilians, state media said.</p>
<p>The Syrian army responded with air strikes on rebel positions west of the city, a monitor said.</p></article></body></html>`)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "w.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errs bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"ingest", "--db", db, "--watch", "50ms", srv.URL + "/feed.xml"}, nil, &out, &errs)
	}()
	deadline := time.Now().Add(time.Minute)
	for storedArticles(db) < 1 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // a few more polls, which find nothing new
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(errs.String(), "1 article read: 1 added") {
		t.Errorf("summary:\n%s", errs.String())
	}
	c := contents(t, db)
	if len(c.Articles) != 1 || len(c.Mentions) == 0 {
		t.Errorf("%d articles, %d mentions stored", len(c.Articles), len(c.Mentions))
	}
}
