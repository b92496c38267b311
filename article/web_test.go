package article

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// feedServer serves an RSS feed whose items link to pages on the same
// server; /gone answers 404. It counts the requests for each path and
// checks the User-Agent.
type feedServer struct {
	*httptest.Server
	mu    sync.Mutex
	hits  map[string]int
	items []string // the item paths the feed lists
}

func newFeedServer(t *testing.T, items ...string) *feedServer {
	s := &feedServer{hits: map[string]int{}, items: items}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		items := s.items
		s.mu.Unlock()
		if r.Header.Get("User-Agent") != DefaultUserAgent {
			t.Errorf("User-Agent %q", r.Header.Get("User-Agent"))
		}
		switch {
		case r.URL.Path == "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
			for _, p := range items {
				fmt.Fprintf(w, `<item><title>Story %s</title><link>%s%s</link><guid>%s</guid><description>Summary of %s.</description></item>`,
					p, s.URL, p, p, p)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/story"):
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Story %s</title>
<meta property="article:published_time" content="2018-07-05T10:00:00Z"></head>
<body><article><p>Full text of %s. %s</p><p>Second paragraph of the story, long enough to be read as the main text of the page.</p></article></body></html>`,
				r.URL.Path, r.URL.Path, strings.Repeat("More words about the fighting. ", 10))
		case r.URL.Path == "/big":
			fmt.Fprint(w, strings.Repeat("x", 5000))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *feedServer) setItems(items ...string) {
	s.mu.Lock()
	s.items = items
	s.mu.Unlock()
}

func TestFeedByURL(t *testing.T) {
	s := newFeedServer(t, "/story1", "/gone")
	var got []string
	for a, err := range Open(context.Background(), s.URL+"/feed.xml", &Options{Now: fixedNow}) {
		if err != nil {
			got = append(got, "! "+strings.ReplaceAll(err.Error(), s.URL, "URL"))
			continue
		}
		got = append(got, fmt.Sprintf("%s | %s | %s %s | %s | %.30s", strings.ReplaceAll(a.Origin, s.URL, "URL"), a.Title,
			a.Date.Format("2006-01-02"), a.DateFrom, strings.ReplaceAll(a.URL, s.URL, "URL"), a.Text))
	}
	check(t, got, []string{
		"URL/feed.xml#1 | Story /story1 | 2018-07-05 metadata | URL/story1 | Full text of /story1. More wor",
		"! URL/feed.xml: item 2 (URL/gone): warning: page: HTTP 404 Not Found; using the feed's text",
		"URL/feed.xml#2 | Story /gone | 0001-01-01  | URL/gone | Summary of /gone.",
	})
	if s.hits["/story1"] != 1 {
		t.Errorf("page fetched %d times", s.hits["/story1"])
	}
}

func TestFetchErrors(t *testing.T) {
	s := newFeedServer(t)
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	var got []string
	for _, err := range Walk(context.Background(), []string{deadURL + "/feed.xml", s.URL + "/big", s.URL + "/nothing"}, &Options{MaxSize: 1000}) {
		msg := fmt.Sprint(err)
		msg = strings.ReplaceAll(strings.ReplaceAll(msg, s.URL, "URL"), deadURL, "DEAD")
		if i := strings.Index(msg, "unreachable: "); i >= 0 {
			msg = msg[:i+len("unreachable")] // the rest is the system's wording
		}
		got = append(got, msg)
	}
	check(t, got, []string{
		"DEAD/feed.xml: unreachable",
		"URL/big: reading: article: too large: more than 1000 bytes, over the limit of 1000 bytes (Options.MaxSize)",
		"URL/nothing: HTTP 404 Not Found",
	})
}

func TestWatcherPoll(t *testing.T) {
	s := newFeedServer(t, "/story1", "/story2")
	seenPath := filepath.Join(t.TempDir(), "seen.txt")
	seen, err := OpenSeenFile(seenPath)
	if err != nil {
		t.Fatal(err)
	}
	w := &Watcher{Feeds: []string{s.URL + "/feed.xml"}, Seen: seen}
	poll := func(w *Watcher) []string {
		var titles []string
		for a, err := range w.Poll(context.Background()) {
			if err != nil {
				t.Fatal(err)
			}
			titles = append(titles, a.Title)
		}
		return titles
	}
	check(t, poll(w), []string{"Story /story1", "Story /story2"})
	s.setItems("/story3", "/story1", "/story2")
	check(t, poll(w), []string{"Story /story3"})
	check(t, poll(w), nil)
	seen.Close()
	for _, p := range []string{"/story1", "/story2", "/story3"} {
		if s.hits[p] != 1 {
			t.Errorf("%s fetched %d times", p, s.hits[p])
		}
	}
	// A new watcher with the same file remembers.
	seen, err = OpenSeenFile(seenPath)
	if err != nil {
		t.Fatal(err)
	}
	defer seen.Close()
	s.setItems("/story4", "/story3")
	check(t, poll(&Watcher{Feeds: w.Feeds, Seen: seen}), []string{"Story /story4"})
	data, _ := os.ReadFile(seenPath)
	if strings.Count(string(data), "\n") != 4 {
		t.Errorf("seen file:\n%s", data)
	}
}
