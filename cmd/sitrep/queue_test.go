package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"sitrep/internal/natstest"
	"sitrep/queue"
	"sitrep/samples"
)

// queueCorpus writes n generated articles as JSON Lines and returns the
// file, with the contents of a database 'sitrep ingest' made of it in one
// process.
func queueCorpus(t *testing.T, n int) (string, storeContents) {
	t.Helper()
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
	if err := g.WriteJSONL(f, n, 11); err != nil {
		t.Fatal(err)
	}
	f.Close()
	whole := filepath.Join(dir, "whole.db")
	if _, errs, code := sitrep(t, "", "ingest", "--db", whole, "--json", corpus); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return corpus, contents(t, whole)
}

// publish runs 'sitrep ingest --queue' and returns its summary.
func publish(t *testing.T, url string, args ...string) publishSummary {
	t.Helper()
	out, errs, code := sitrep(t, "", append([]string{"ingest", "--queue", url, "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("ingest --queue: exit %d: %s", code, errs)
	}
	var sum publishSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%q: %v", out, err)
	}
	return sum
}

// queueStatus runs 'sitrep status --json'.
func queueStatus(t *testing.T, url string) statusReport {
	t.Helper()
	out, errs, code := sitrep(t, "", "status", "--queue", url, "--json")
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	var r statusReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%q: %v", out, err)
	}
	return r
}

// A workerRun is 'sitrep worker' running in this process.
type workerRun struct {
	cancel context.CancelFunc
	done   chan int
	stderr *syncBuffer
}

// startWorker starts 'sitrep worker' in a goroutine.
func startWorker(t *testing.T, url, db string, args ...string) *workerRun {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := &workerRun{cancel: cancel, done: make(chan int, 1), stderr: &syncBuffer{}}
	argv := append([]string{"worker", "--queue", url, "--db", db, "--ack-wait", "2s", "--backoff", "20ms"}, args...)
	go func() {
		w.done <- run(ctx, argv, nil, &bytes.Buffer{}, w.stderr)
	}()
	t.Cleanup(w.stop)
	return w
}

// stop cancels the worker (as SIGTERM does) and waits for it.
func (w *workerRun) stop() {
	if w.cancel == nil {
		return
	}
	w.cancel()
	w.cancel = nil
	<-w.done
}

// waitFor polls cond every 50 ms for up to a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s after a minute", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitDrained waits up to two minutes for done (the queue drained into
// the store), failing at once when a message goes to the dead letters;
// on failure it logs the queue's status and the end of each worker's log.
func waitDrained(t *testing.T, url string, workers []*workerRun, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !done() {
		st := queueStatus(t, url)
		if st.Dead == 0 && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		t.Logf("status: %+v", st.Status)
		for i, w := range workers {
			lines := strings.Split(strings.TrimSpace(w.stderr.String()), "\n")
			t.Logf("worker %d, last log lines:\n%s", i, strings.Join(lines[max(0, len(lines)-15):], "\n"))
		}
		if st.Dead > 0 {
			t.Fatalf("%d articles went to the dead letters", st.Dead)
		}
		t.Fatalf("the queue did not drain in two minutes")
	}
}

// drained reports whether the queue is empty and db holds n articles.
func drained(t *testing.T, url, db string, n int) func() bool {
	return func() bool {
		return storedArticles(db) == n && queueStatus(t, url).Queued == 0
	}
}

// TestQueueIngest: the same corpus through 'ingest --queue' and a worker
// gives the database 'sitrep ingest' gives, merged events included;
// publishing it again queues nothing.
func TestQueueIngest(t *testing.T) {
	corpus, want := queueCorpus(t, 40)
	srv := natstest.Start(t)
	sum := publish(t, srv.URL(), corpus)
	if sum.Read != 40 || sum.Queued == 0 || sum.Queued+sum.Published != 40 {
		t.Errorf("publish: %+v", sum)
	}
	if again := publish(t, srv.URL(), corpus); again.Queued != 0 || again.Published != 40 {
		t.Errorf("publish again: %+v; want nothing queued", again)
	}
	db := filepath.Join(t.TempDir(), "queue.db")
	w := startWorker(t, srv.URL(), db, "--batch", "16", "--health", "127.0.0.1:0")
	waitDrained(t, srv.URL(), []*workerRun{w}, drained(t, srv.URL(), db, len(want.Articles)))
	checkHealth(t, w.stderr.String())
	st := queueStatus(t, srv.URL())
	w.stop()
	if got := contents(t, db); !equalContents(want, got) {
		t.Errorf("through the queue: %d articles, %d mentions, %d events; in one process: %d, %d, %d",
			len(got.Articles), len(got.Mentions), len(got.Events), len(want.Articles), len(want.Mentions), len(want.Events))
	}
	if len(st.Workers) != 1 || st.Dead != 0 || st.Published != uint64(sum.Queued) {
		t.Errorf("status: %+v", st.Status)
	}
	n, ms, _ := commitCost(w.stderr.String())
	t.Logf("SQLite: %d articles stored (with the remerge) in %d ms", n, ms)
	var log map[string]any
	line, _, _ := strings.Cut(w.stderr.String(), "\n")
	if err := json.Unmarshal([]byte(line), &log); err != nil || log["msg"] != "worker started" {
		t.Errorf("the worker's log is not JSON lines: %q", line)
	}
}

// TestQueueWorkerKilled stops a worker with SIGTERM (it finishes its batch
// and acks it), kills another with SIGKILL mid-batch, restarts the NATS
// server while articles are queued, and finishes with a third worker:
// nothing lost, nothing stored twice.
func TestQueueWorkerKilled(t *testing.T) {
	if os.Getenv("SITREP_WORKER_CHILD") != "" {
		t.Skip("in the child")
	}
	if testing.Short() {
		t.Skip("short")
	}
	corpus, want := queueCorpus(t, 60)
	srv := natstest.Start(t)
	publish(t, srv.URL(), corpus)
	srv.Restart() // file storage: the queue survives
	if st := queueStatus(t, srv.URL()); st.Queued != uint64(len(want.Articles)) {
		t.Fatalf("after a restart %d queued, want %d", st.Queued, len(want.Articles))
	}
	db := filepath.Join(t.TempDir(), "queue.db")

	// SIGTERM: the worker finishes its batch, acks it and exits 0.
	child, stderr := startChild(t, srv.URL(), db)
	waitFor(t, "8 articles stored", func() bool { return storedArticles(db) >= 8 })
	child.Process.Signal(syscall.SIGTERM)
	if err := child.Wait(); err != nil {
		t.Fatalf("after SIGTERM: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr.String(), `"msg":"worker stopped"`) {
		t.Errorf("no 'worker stopped' in the log:\n%s", stderr)
	}
	st := queueStatus(t, srv.URL())
	if st.InFlight != 0 || int(st.Queued)+storedArticles(db) != len(want.Articles) {
		t.Errorf("after SIGTERM: %d in flight, %d queued, %d stored; want 0 in flight and %d in all", st.InFlight, st.Queued, storedArticles(db), len(want.Articles))
	}

	// SIGKILL mid-batch: its messages come back after the ack wait.
	child, stderr = startChild(t, srv.URL(), db)
	before := storedArticles(db)
	waitFor(t, "more articles stored", func() bool { return storedArticles(db) >= before+8 })
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()
	st = queueStatus(t, srv.URL())
	t.Logf("killed with %d stored, %d queued, %d in flight", storedArticles(db), st.Queued, st.InFlight)
	if st.Queued == 0 {
		t.Fatalf("the child finished before it was killed")
	}

	// The server restarts while articles are queued and a worker runs.
	w := startWorker(t, srv.URL(), db, "--batch", "8")
	waitFor(t, "more articles stored", func() bool { return storedArticles(db) >= before+24 })
	srv.Restart()
	waitDrained(t, srv.URL(), []*workerRun{w}, drained(t, srv.URL(), db, len(want.Articles)))
	w.stop()
	if got := contents(t, db); !equalContents(want, got) {
		t.Errorf("through killed workers: %d articles, %d mentions, %d events; in one process: %d, %d, %d",
			len(got.Articles), len(got.Mentions), len(got.Events), len(want.Articles), len(want.Mentions), len(want.Events))
	}
	if st := queueStatus(t, srv.URL()); st.Dead != 0 || st.InFlight != 0 {
		t.Errorf("status: %+v", st.Status)
	}
}

// startChild runs 'sitrep worker' in a subprocess: this test binary run
// as TestQueueWorkerChild.
func startChild(t *testing.T, url, db string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestQueueWorkerChild$")
	cmd.Env = append(os.Environ(), "SITREP_WORKER_CHILD="+url+"|"+db)
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, stderr
}

// TestQueueWorkerChild is the worker of TestQueueWorkerKilled; it exits
// with the worker's status on SIGTERM.
func TestQueueWorkerChild(t *testing.T) {
	arg := os.Getenv("SITREP_WORKER_CHILD")
	if arg == "" {
		t.Skip("only as TestQueueWorkerKilled's child")
	}
	url, db, _ := strings.Cut(arg, "|")
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	code := run(ctx, []string{"worker", "--queue", url, "--db", db, "--batch", "4", "--ack-wait", "2s"}, nil, &bytes.Buffer{}, os.Stderr)
	os.Exit(code)
}

// TestQueuePoison: an article that takes too long to code on each of its
// deliveries, and messages that are not articles, end in the dead-letter
// stream with their errors, shown by 'sitrep status'; the rest is stored.
func TestQueuePoison(t *testing.T) {
	srv := natstest.Start(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	var lines []string
	for i := range 3 {
		lines = append(lines, fmt.Sprintf(`{"title":"Clash %d","text":"Syrian government forces shelled rebel positions in Daraa on Tuesday, killing %d fighters.","date":"2024-03-0%d","source":"wire"}`, i, i+2, i+1))
	}
	long := strings.Repeat("Government forces shelled rebel positions near the town on Tuesday, officials said. ", 4000)
	lines = append(lines, fmt.Sprintf(`{"title":"Long","text":%q,"date":"2024-03-05","source":"wire"}`, long))
	if err := os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := publish(t, srv.URL(), corpus); sum.Queued != 4 {
		t.Fatalf("publish: %+v", sum)
	}
	nc, err := nats.Connect(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	for _, bad := range []string{"{not json", `{"v":1,"article":{"ID":"x","Title":"t","Text":"u"},"dedup":{}}`} {
		if _, err := nc.Request(queue.ArticleSubject, []byte(bad), 5*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "queue.db")
	w := startWorker(t, srv.URL(), db, "--timeout", "150ms", "--max-deliver", "2")
	waitFor(t, "3 dead letters", func() bool {
		st := queueStatus(t, srv.URL())
		return st.Dead == 3 && st.Queued == 0
	})
	w.stop()
	if n := storedArticles(db); n != 3 {
		t.Errorf("%d articles stored, want 3", n)
	}
	st := queueStatus(t, srv.URL())
	var errs []string
	for _, d := range st.DeadLetters {
		errs = append(errs, fmt.Sprintf("%d %s", d.Deliveries, d.Error))
	}
	slices.Sort(errs)
	if len(errs) != 3 || !strings.HasPrefix(errs[0], "1 queue: malformed message: ") || !strings.HasPrefix(errs[1], "1 queue: malformed message: ") ||
		!strings.HasPrefix(errs[2], "2 ") || !strings.Contains(errs[2], "coding took too long") {
		t.Errorf("dead letters:\n%s", strings.Join(errs, "\n"))
	}
	out, _, code := sitrep(t, "", "status", "--queue", srv.URL())
	if code != 0 || !strings.Contains(out, "dead letters: 3") || !strings.Contains(out, "coding took too long") {
		t.Errorf("status: exit %d\n%s", code, out)
	}
}

// TestQueueUnreachable: ingest, worker and status give up on a server
// that is not there with a clear error, after retrying.
func TestQueueUnreachable(t *testing.T) {
	srv := natstest.Start(t)
	url := srv.URL()
	srv.Stop()
	for _, args := range [][]string{
		{"ingest", "--queue", url, "--retry", "300ms", "testdata/news.txt"},
		{"worker", "--queue", url, "--retry", "300ms", "--db", filepath.Join(t.TempDir(), "w.db")},
		{"status", "--queue", url, "--retry", "300ms"},
	} {
		_, errs, code := sitrep(t, "", args...)
		if code != exitFailure || !strings.Contains(errs, "NATS server unreachable: "+url) || !strings.Contains(errs, "attempts") {
			t.Errorf("%s: exit %d: %s", args[0], code, errs)
		}
	}
}

// checkHealth finds the health address in a worker's log and checks
// that /healthz and /readyz answer 200.
func checkHealth(t *testing.T, log string) {
	t.Helper()
	addr := ""
	for line := range strings.Lines(log) {
		var e struct{ Msg, Addr string }
		if json.Unmarshal([]byte(line), &e) == nil && e.Msg == "health endpoints" {
			addr = e.Addr
		}
	}
	if addr == "" {
		t.Fatalf("no health address in the log:\n%s", log)
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %s", path, resp.Status)
		}
	}
}

// commitCost sums, from workers' JSON logs, the articles stored and the
// milliseconds their commits and remerges took.
func commitCost(logs ...string) (articles, storeMS, remergeMS int) {
	for _, l := range logs {
		for line := range strings.Lines(l) {
			var e struct {
				Msg          string
				Articles, MS int
			}
			if json.Unmarshal([]byte(line), &e) != nil {
				continue
			}
			switch e.Msg {
			case "batch stored":
				articles += e.Articles
				storeMS += e.MS
			case "events remerged":
				remergeMS += e.MS
			}
		}
	}
	return
}

// A syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
