package queue

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/article"
	"sitrep/dedup"
	"sitrep/internal/natstest"
)

// messages makes n articles with their dedup facts, every third one a
// reprint of the one before.
func messages(t *testing.T, n int) []*Message {
	t.Helper()
	x, err := dedup.NewIndex(dedup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*Message
	for i := range n {
		title := fmt.Sprintf("Report %d", i)
		text := fmt.Sprintf("Government forces shelled the town of Number%d on Tuesday, officials said. Rebels answered with rockets fired at the garrison of Number%d overnight.", i-i%3, i-i%3)
		a := &article.Article{ID: article.ContentID(title, text), Title: title, Text: text, Source: "wire"}
		res := x.Add(dedup.Doc{ID: a.ID, Source: a.Source, Text: a.Body()})
		d, err := NewDedup(&res)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, &Message{Article: a, Dedup: d})
	}
	return out
}

// open connects to the server at url; the test fails if the queue logs
// a failure while the server is up.
func open(t *testing.T, url string) *Queue {
	t.Helper()
	var log syncBuffer
	q, err := Open(context.Background(), url, Options{RetryFor: 5 * time.Second, Log: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		q.Close()
		if s := log.String(); strings.Contains(s, "fetch failed") && !strings.Contains(s, "disconnected") {
			t.Errorf("the queue logged failures:\n%s", s)
		}
	})
	return q
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

// A recorder is a Handler that remembers what it committed; fail decides
// which articles fail, and commitErrs how many commits fail first.
type recorder struct {
	mu         sync.Mutex
	fail       func(*Job) error
	commitErrs int
	delay      time.Duration // each Commit takes this long
	pending    []string
	committed  map[string]int
	attempts   map[string]int
}

func newRecorder() *recorder {
	return &recorder{committed: map[string]int{}, attempts: map[string]int{}}
}

func (r *recorder) Process(ctx context.Context, jobs []*Job) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pending = r.pending[:0]
	for _, j := range jobs {
		r.attempts[j.Message.Article.ID]++
		if r.fail != nil {
			if err := r.fail(j); err != nil {
				j.Fail(err)
				continue
			}
		}
		r.pending = append(r.pending, j.Message.Article.ID)
	}
}

func (r *recorder) Commit(ctx context.Context) error {
	time.Sleep(r.delay)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.commitErrs > 0 {
		r.commitErrs--
		return errors.New("database down")
	}
	for _, id := range r.pending {
		r.committed[id]++
	}
	return nil
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.committed)
}

// drain runs a consumer with h until cond holds or 20 s pass.
func drain(t *testing.T, q *Queue, opt ConsumerOptions, h Handler, cond func() bool) {
	t.Helper()
	if opt.Idle == 0 {
		opt.Idle = 100 * time.Millisecond
	}
	c, err := q.Consumer(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx, h) }()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !cond() {
		t.Fatal("condition not met in 20 s")
	}
}

func TestPublishConsume(t *testing.T) {
	srv := natstest.Start(t)
	q := open(t, srv.URL())
	ctx := context.Background()
	msgs := messages(t, 30)
	res, err := q.Publish(ctx, msgs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || r.Duplicate {
			t.Errorf("message %d: %+v", i, r)
		}
	}
	// Published again within the window: the server drops the copies.
	res, err = q.Publish(ctx, msgs[:5])
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if !r.Duplicate {
			t.Errorf("republished message %d not a duplicate", i)
		}
	}
	r := newRecorder()
	r.commitErrs = 2 // the database is down for two commits
	drain(t, q, ConsumerOptions{Batch: 7}, r, func() bool { return r.count() == len(msgs) })
	for _, m := range msgs {
		if n := r.committed[m.Article.ID]; n != 1 {
			t.Errorf("article %s committed %d times", m.Article.ID, n)
		}
	}
	st, err := q.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Queued != 0 || st.InFlight != 0 || st.Dead != 0 || st.Published != 30 || len(st.Workers) != 1 || st.Workers[0].Done != 30 {
		t.Errorf("status %+v", st)
	}
	recs, err := q.Journal(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(msgs) {
		t.Fatalf("journal: %d records, want %d", len(recs), len(msgs))
	}
	for i, rec := range recs {
		if rec.ID != msgs[i].Article.ID || rec.Fingerprint == nil {
			t.Errorf("journal %d: %s, want %s", i, rec.ID, msgs[i].Article.ID)
		}
	}
	x, _ := dedup.NewIndex(dedup.Options{})
	if err := x.Restore(recs); err != nil {
		t.Fatal(err)
	}
	if x.Len() != 30 {
		t.Errorf("restored index holds %d articles", x.Len())
	}
}

// TestSlowBatch: a batch whose commit takes three times the ack wait is
// not handed to another worker while its own lives: a slow worker takes
// a batch, a fast one the rest and then waits for more; each article is
// processed once and none goes to the dead letters.
func TestSlowBatch(t *testing.T) {
	srv := natstest.Start(t)
	q := open(t, srv.URL())
	ctx := context.Background()
	msgs := messages(t, 8)
	if _, err := q.Publish(ctx, msgs); err != nil {
		t.Fatal(err)
	}
	slow, fast := newRecorder(), newRecorder()
	slow.delay = 900 * time.Millisecond
	var wg sync.WaitGroup
	run, cancel := context.WithCancel(ctx)
	start := func(name string, r *recorder) {
		c, err := q.Consumer(ctx, ConsumerOptions{Name: name, Batch: 2, AckWait: 300 * time.Millisecond,
			MaxDeliver: 2, Idle: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			if err := c.Run(run, r); err != nil {
				t.Error(err)
			}
		})
	}
	tried := func(r *recorder) int {
		r.mu.Lock()
		defer r.mu.Unlock()
		return len(r.attempts)
	}
	start("slow", slow)
	for deadline := time.Now().Add(10 * time.Second); tried(slow) == 0 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	start("fast", fast)
	for deadline := time.Now().Add(20 * time.Second); slow.count()+fast.count() < len(msgs) && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // time for a redelivery to show
	cancel()
	wg.Wait()
	for _, m := range msgs {
		if n := slow.attempts[m.Article.ID] + fast.attempts[m.Article.ID]; n != 1 {
			t.Errorf("article %s processed %d times", m.Article.ID, n)
		}
	}
	if st, err := q.Status(ctx); err != nil || st.Dead != 0 || st.Queued != 0 {
		t.Errorf("status %+v, %v; want nothing dead or queued", st, err)
	}
}

// TestPoison: an article that always fails goes to the dead-letter
// stream after MaxDeliver attempts, with its error; the others are done.
func TestPoison(t *testing.T) {
	srv := natstest.Start(t)
	q := open(t, srv.URL())
	ctx := context.Background()
	msgs := messages(t, 6)
	poison := msgs[2].Article.ID
	if _, err := q.Publish(ctx, msgs); err != nil {
		t.Fatal(err)
	}
	r := newRecorder()
	r.fail = func(j *Job) error {
		if j.Message.Article.ID == poison {
			return fmt.Errorf("coder crashed on attempt %d", j.Delivered)
		}
		return nil
	}
	drain(t, q, ConsumerOptions{MaxDeliver: 3, Backoff: 10 * time.Millisecond}, r, func() bool {
		st, err := q.Status(ctx)
		return err == nil && st.Dead == 1 && r.count() == 5
	})
	if r.attempts[poison] != 3 {
		t.Errorf("poison tried %d times, want 3", r.attempts[poison])
	}
	dead, err := q.DeadLetters(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].Article != poison || dead[0].Deliveries != 3 || dead[0].Error != "coder crashed on attempt 3" {
		t.Fatalf("dead letters %+v", dead)
	}
	if m, err := Decode(dead[0].Data); err != nil || m.Article.ID != poison {
		t.Errorf("the dead letter does not hold the message: %v", err)
	}
	st, _ := q.Status(ctx)
	if st.Queued != 0 {
		t.Errorf("%d messages left in the queue", st.Queued)
	}
}

// TestMalformed: messages that are not articles go to the dead-letter
// stream on their first delivery; the good one is done.
func TestMalformed(t *testing.T) {
	srv := natstest.Start(t)
	q := open(t, srv.URL())
	ctx := context.Background()
	msgs := messages(t, 1)
	good, _ := Encode(msgs[0])
	tampered := strings.Replace(string(good), "Government", "Rebel", 1)
	bad := []string{"not json", `{"v":2}`, `{"v":1,"dedup":{}}`, tampered}
	for _, b := range bad {
		if _, err := q.js.Publish(ctx, ArticleSubject, []byte(b)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := q.Publish(ctx, msgs); err != nil {
		t.Fatal(err)
	}
	r := newRecorder()
	drain(t, q, ConsumerOptions{}, r, func() bool {
		st, err := q.Status(ctx)
		return err == nil && st.Dead == uint64(len(bad)) && r.count() == 1
	})
	dead, err := q.DeadLetters(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range dead {
		if d.Deliveries != 1 || !strings.Contains(d.Error, "malformed") || string(d.Data) != bad[i] {
			t.Errorf("dead letter %d: %+v", i, d)
		}
	}
	if last, _ := q.DeadLetters(ctx, 2); len(last) != 2 || last[1].Seq != dead[3].Seq {
		t.Errorf("the last 2 dead letters: %+v", last)
	}
}

// TestRestart: messages queued survive a restart of the server (file
// storage), and the consumer and publisher ride it out.
func TestRestart(t *testing.T) {
	srv := natstest.Start(t)
	q := open(t, srv.URL())
	ctx := context.Background()
	msgs := messages(t, 40)
	if _, err := q.Publish(ctx, msgs[:20]); err != nil {
		t.Fatal(err)
	}
	srv.Restart()
	if _, err := q.Publish(ctx, msgs[20:]); err != nil {
		t.Fatal(err)
	}
	r := newRecorder()
	restarted := false
	drain(t, q, ConsumerOptions{Batch: 4}, r, func() bool {
		if !restarted && r.count() >= 8 {
			restarted = true
			srv.Restart()
		}
		return r.count() == len(msgs)
	})
	for _, m := range msgs {
		if n := r.committed[m.Article.ID]; n != 1 {
			t.Errorf("article %s committed %d times", m.Article.ID, n)
		}
	}
}

// TestUnreachable: no server gives ErrUnreachable naming the address,
// after retrying.
func TestUnreachable(t *testing.T) {
	srv := natstest.Start(t)
	url := srv.URL()
	srv.Stop()
	start := time.Now()
	_, err := Open(context.Background(), "nats://user:secret@"+strings.TrimPrefix(url, "nats://"), Options{RetryFor: 600 * time.Millisecond})
	if !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), strings.TrimPrefix(url, "nats://")) || strings.Contains(err.Error(), "secret") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "attempts") || time.Since(start) < 200*time.Millisecond {
		t.Errorf("no retries: %v after %v", err, time.Since(start))
	}
}

func TestDecode(t *testing.T) {
	msgs := messages(t, 3)
	good, err := Encode(msgs[2])
	if err != nil {
		t.Fatal(err)
	}
	m, err := Decode(good)
	if err != nil || m.Article.ID != msgs[2].Article.ID || len(m.Dedup.Sentences) == 0 || string(m.Dedup.Fingerprint) != string(msgs[2].Dedup.Fingerprint) {
		t.Fatalf("round trip: %+v, %v", m, err)
	}
	for name, data := range map[string]string{
		"empty":       "",
		"array":       "[]",
		"version":     `{"v":0}`,
		"no article":  `{"v":1,"dedup":{}}`,
		"no dedup":    strings.Replace(string(good), `"dedup"`, `"x"`, 1),
		"bad span":    strings.Replace(string(good), `"end":`, `"end":1`, 1),
		"id not text": strings.Replace(string(good), "shelled", "shelling", 1),
		"bad base64":  strings.Replace(string(good), `"fingerprint":"`, `"fingerprint":"!`, 1),
	} {
		if _, err := Decode([]byte(data)); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: err = %v, want ErrMalformed", name, err)
		}
	}
}

// BenchmarkOverhead measures what the queue costs an article, coding
// aside: publish (with the journal), fetch, commit (nothing) and ack of a
// 2.5 KB article, on an embedded server with file storage, in batches of
// 64. The dedup fingerprint is taken outside the timer.
func BenchmarkOverhead(b *testing.B) {
	srv := natstest.Start(b)
	q, err := Open(context.Background(), srv.URL(), Options{Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	ctx, cancel := context.WithCancel(context.Background())
	r := newRecorder()
	c, err := q.Consumer(ctx, ConsumerOptions{Idle: 10 * time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- c.Run(ctx, r) }()
	x, _ := dedup.NewIndex(dedup.Options{})
	body := strings.Repeat("Government forces shelled rebel positions near the town on Tuesday, officials said. ", 30)
	done := 0
	for b.Loop() {
		b.StopTimer()
		var msgs []*Message
		for range 64 {
			title := fmt.Sprintf("Report %d", done+len(msgs))
			a := &article.Article{ID: article.ContentID(title, body), Title: title, Text: body, Source: "wire"}
			res := x.Add(dedup.Doc{ID: a.ID, Text: a.Body()})
			d, _ := NewDedup(&res)
			msgs = append(msgs, &Message{Article: a, Dedup: d})
		}
		b.StartTimer()
		if _, err := q.Publish(ctx, msgs); err != nil {
			b.Fatal(err)
		}
		done += 64
		for r.count() < done {
			time.Sleep(50 * time.Microsecond)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(done), "µs/article")
	cancel()
	if err := <-stopped; err != nil {
		b.Fatal(err)
	}
}
