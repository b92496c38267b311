package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/server"
	"sitrep/store"
	"sitrep/store/sqlite"
	"sitrep/store/storetest"
)

// testData is what the tests store: the conformance suite's six
// hand-built articles (a shelling in Daraa and its reprint, strikes and
// talks in Ukraine, an undated protest, arrests in Suva condemned in
// Apia, an air strike near Khan Younis) and synthetic articles with about
// two events each on the same places through 2024.
func testData(synthetic int) []*store.Ingest {
	return append(storetest.Fixtures(), storetest.Synthetic(7, 0, synthetic, 2)...)
}

// openStore puts ins into a new SQLite file.
func openStore(tb testing.TB, ins []*store.Ingest) store.Store {
	tb.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "sitrep.db"), sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	for _, in := range ins {
		if _, err := st.Put(ctx, in); err != nil {
			tb.Fatalf("put %s: %v", in.Article.Meta.ID, err)
		}
	}
	return st
}

// serve serves the API with the UI over st, as `sitrep serve` does.
func serve(tb testing.TB, st store.Store) *httptest.Server {
	tb.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ts := httptest.NewServer(server.New(st, server.Options{Logger: log, UI: New(st, Options{Logger: log})}))
	tb.Cleanup(ts.Close)
	return ts
}

// get fetches path and checks its status; it decodes a JSON answer into
// out when out is not nil, and returns the body.
func get(tb testing.TB, ts *httptest.Server, path string, status int, out any) []byte {
	tb.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	if resp.StatusCode != status {
		tb.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, status, b)
	}
	if out != nil {
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			tb.Fatalf("GET %s: Content-Type %q", path, ct)
		}
		if err := json.Unmarshal(b, out); err != nil {
			tb.Fatalf("GET %s: %v\n%s", path, err, b)
		}
	}
	return b
}

// countEvents counts the events /api/events lists for the filters in
// query, page by page.
func countEvents(tb testing.TB, ts *httptest.Server, query string) int {
	tb.Helper()
	n, cursor := 0, ""
	for {
		var page struct {
			Events []store.Event `json:"events"`
			Next   *string       `json:"next"`
		}
		q := query + "&limit=1000"
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		get(tb, ts, "/api/events?"+strings.TrimPrefix(q, "&"), http.StatusOK, &page)
		n += len(page.Events)
		if page.Next == nil {
			return n
		}
		cursor = *page.Next
	}
}
