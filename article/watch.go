package article

import (
	"bufio"
	"context"
	"fmt"
	"iter"
	"os"
	"strings"
	"sync"
	"time"
)

// Seen remembers which feed items were read, by key (the item's GUID,
// else its link). A store can implement it to keep the set with the
// articles; [SeenFile] keeps it in a file.
type Seen interface {
	Has(key string) bool
	Add(key string) error
}

// A SeenSet is a Seen in memory. Its zero value is empty and ready.
type SeenSet struct {
	mu   sync.Mutex
	keys map[string]bool
}

func (s *SeenSet) Has(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[key]
}

func (s *SeenSet) Add(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys == nil {
		s.keys = map[string]bool{}
	}
	s.keys[key] = true
	return nil
}

// A SeenFile is a Seen kept in a text file, one key a line, each new key
// appended as it is added.
type SeenFile struct {
	set SeenSet
	mu  sync.Mutex
	f   *os.File
}

// OpenSeenFile opens the seen set in path, creating the file if needed.
func OpenSeenFile(path string) (*SeenFile, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	s := &SeenFile{f: f}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if k := strings.TrimSpace(sc.Text()); k != "" {
			s.set.Add(k)
		}
	}
	if err := sc.Err(); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func (s *SeenFile) Has(key string) bool { return s.set.Has(key) }

// Add adds key to the set and appends it to the file.
func (s *SeenFile) Add(key string) error {
	key = strings.Join(strings.Fields(key), " ") // one line, whatever the key holds
	if s.set.Has(key) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.f.WriteString(key + "\n"); err != nil {
		return fmt.Errorf("%s: %w", s.f.Name(), err)
	}
	return s.set.Add(key)
}

// Close closes the file.
func (s *SeenFile) Close() error { return s.f.Close() }

// A Watcher polls feeds and yields only the items it has not seen before.
type Watcher struct {
	// Feeds are the feeds' URLs (or files).
	Feeds []string
	// Interval is the time between the start of one poll and the next;
	// zero means 15 minutes.
	Interval time.Duration
	// Seen holds the items already read; nil means a SeenSet in memory,
	// made at the first poll.
	Seen Seen
	// Options tune reading; their Seen is replaced by the Watcher's.
	Options Options
}

// Poll reads every feed once and yields the articles of the items not seen
// before, each marked seen once yielded. A feed that cannot be read is an
// error in the sequence; its items are tried again at the next poll.
func (w *Watcher) Poll(ctx context.Context) iter.Seq2[*Article, error] {
	if w.Seen == nil {
		w.Seen = &SeenSet{}
	}
	opts := w.Options
	opts.Seen = w.Seen
	return Walk(ctx, w.Feeds, &opts)
}

// Watch polls at every Interval until ctx is done or the consumer stops.
func (w *Watcher) Watch(ctx context.Context) iter.Seq2[*Article, error] {
	interval := w.Interval
	if interval <= 0 {
		interval = 15 * time.Minute
	}
	return func(yield func(*Article, error) bool) {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			for a, err := range w.Poll(ctx) {
				if ctx.Err() != nil {
					return
				}
				if !yield(a, err) {
					return
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}
}
