package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"sitrep/store"
	"sitrep/store/storetest"
)

// crashArticles is what the crash test puts: each a fresh value.
func crashArticles() []*store.Ingest { return storetest.Synthetic(11, 0, 400, 10) }

// TestCrash puts articles in a child process, kills it with SIGKILL in the
// middle, and checks that no article was stored in part and that putting
// everything again stores every article once.
func TestCrash(t *testing.T) {
	if path := os.Getenv("SITREP_CRASH_DB"); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrash$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SITREP_CRASH_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	puts := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "put ") {
			puts++
		}
		if puts == 120 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if puts < 120 {
		t.Fatalf("the child put %d articles before it ended", puts)
	}

	ctx := context.Background()
	s := open(t, path, Options{})
	ins := crashArticles()
	events := map[string]int{}
	for _, in := range ins {
		events[in.Article.Meta.ID] = len(in.Article.Events)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, (SELECT count(*) FROM mentions m WHERE m.article = a.seq),
		(SELECT count(*) FROM mentions m JOIN events e ON e.id = m.merged WHERE m.article = a.seq),
		(SELECT count(*) FROM sentences x WHERE x.article = a.seq), (SELECT count(*) FROM articles_fts WHERE rowid = a.seq)
		FROM articles a`)
	if err != nil {
		t.Fatal(err)
	}
	stored := 0
	for rows.Next() {
		var id string
		var ms, merged, sents, fts int
		if err := rows.Scan(&id, &ms, &merged, &sents, &fts); err != nil {
			t.Fatal(err)
		}
		stored++
		if ms != events[id] || merged != ms || sents != events[id] || fts != 1 {
			t.Errorf("article %s stored in part: %d mentions (%d merged), %d sentences, %d in the index; want %d, %d, 1", id, ms, merged, sents, fts, events[id], events[id])
		}
	}
	rows.Close()
	if stored < puts || stored >= len(ins) {
		t.Fatalf("%d articles survived the crash; the child reported %d put of %d", stored, puts, len(ins))
	}
	t.Logf("killed after %d reported puts; %d articles stored", puts, stored)
	added := 0
	for _, in := range ins {
		ok, err := s.Put(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			added++
		}
	}
	sum, err := s.Summary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mentions := 0
	for _, n := range events {
		mentions += n
	}
	if added != len(ins)-stored || sum.Articles != len(ins) || sum.Mentions != mentions || sum.Events != mentions {
		t.Errorf("after putting everything again: %d added, %+v; want %d added, %d articles, %d mentions and events",
			added, sum, len(ins)-stored, len(ins), mentions)
	}
}

// crashChild puts crashArticles into path, reporting each, until killed.
func crashChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, in := range crashArticles() {
		if _, err := s.Put(ctx, in); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("put %s\n", in.Article.Meta.ID)
	}
	select {} // wait to be killed
}
