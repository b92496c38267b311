package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/record"
	"sitrep/store"
	"sitrep/store/sqlite"
	"sitrep/store/storetest"
)

// testServer serves the API over the fixture; log collects what it logs.
type testServer struct {
	*httptest.Server
	st  store.Store
	fx  *fixture
	log *syncBuffer
}

func newTestServer(t *testing.T, opts Options) *testServer {
	t.Helper()
	st, fx := openFixture(t)
	ts := &testServer{st: st, fx: fx, log: &syncBuffer{}}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(ts.log, nil))
	}
	ts.Server = httptest.NewServer(New(st, opts))
	t.Cleanup(ts.Close)
	return ts
}

// get fetches path, checks the status and the content type, and decodes
// a JSON answer into out (when not nil). It returns the body.
func (ts *testServer) get(t *testing.T, path string, status int, out any) []byte {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != status {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, status, b)
	}
	if ct := resp.Header.Get("Content-Type"); strings.HasPrefix(path, "/api/") && !strings.HasPrefix(path, "/api/export") && ct != "application/json" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("GET %s: %v: %s", path, err, b)
		}
	}
	return b
}

// apiError is the body of every error answer.
type apiError struct {
	Error string `json:"error"`
}

// page is a decoded GET /api/events answer; Next is a pointer so that
// null and "" differ.
type page struct {
	Events []store.Event `json:"events"`
	Next   *string       `json:"next"`
}

// all follows the pages of a query to the end and returns the events.
func (ts *testServer) all(t *testing.T, query url.Values, limit int) []store.Event {
	t.Helper()
	var out []store.Event
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	q.Set("limit", strconv.Itoa(limit))
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("more than 1000 pages")
		}
		var p page
		ts.get(t, "/api/events?"+q.Encode(), http.StatusOK, &p)
		if len(p.Events) > limit {
			t.Fatalf("page of %d events, limit %d", len(p.Events), limit)
		}
		out = append(out, p.Events...)
		if p.Next == nil {
			return out
		}
		if *p.Next == "" {
			t.Fatal(`next is "", want null at the end`)
		}
		q.Set("cursor", *p.Next)
	}
}

func ids(evs []store.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, Options{})
	var h map[string]string
	ts.get(t, "/healthz", http.StatusOK, &h)
	if h["status"] != "ok" {
		t.Errorf("healthz: %v", h)
	}
}

// TestEventsPagination follows next to the end with several page sizes:
// every stored event comes once, in order, and the last next is null.
func TestEventsPagination(t *testing.T) {
	ts := newTestServer(t, Options{})
	want := ts.fx.events()
	for _, limit := range []int{1, 3, 7, 1000} {
		got := ts.all(t, nil, limit)
		seen := map[string]bool{}
		for _, e := range got {
			if seen[e.ID] {
				t.Errorf("limit %d: event %s twice", limit, e.ID)
			}
			seen[e.ID] = true
		}
		for _, e := range want {
			if !seen[e.ID] {
				t.Errorf("limit %d: event %s skipped", limit, e.ID)
			}
		}
		if len(got) != len(want) {
			t.Errorf("limit %d: %d events, want %d", limit, len(got), len(want))
		}
		checkOrder(t, got)
	}
	// The default page is 100, more than the fixture holds.
	var p page
	ts.get(t, "/api/events", http.StatusOK, &p)
	if len(p.Events) != len(want) || p.Next != nil {
		t.Errorf("default page: %d events, next %v; want %d and null", len(p.Events), p.Next, len(want))
	}
}

// checkOrder checks newest first, undated last.
func checkOrder(t *testing.T, evs []store.Event) {
	t.Helper()
	for i := 1; i < len(evs); i++ {
		a, b := evs[i-1].Date, evs[i].Date
		if a == nil && b != nil || a != nil && b != nil && *a < *b {
			t.Errorf("events %d and %d out of order: %v before %v", i-1, i, deref(a), deref(b))
		}
	}
}

// TestEventsShape checks that a listed event is the stored record event
// with its article and counts.
func TestEventsShape(t *testing.T) {
	ts := newTestServer(t, Options{})
	got := ts.all(t, nil, 1000)
	byID := map[string]store.Event{}
	for _, e := range got {
		byID[e.ID] = e
	}
	for _, want := range ts.fx.events() {
		e, ok := byID[want.ID]
		if !ok {
			t.Fatalf("event %s missing", want.ID)
		}
		if e.Representative != want.ID {
			t.Errorf("event %s: representative %q", want.ID, e.Representative)
		}
		// In JSON the merged event's ID takes the place of the mention's.
		e.Event.ID = e.Representative
		if !jsonEqual(t, e.Event, want) {
			t.Errorf("event %s: record differs:\n got %s\nwant %s", want.ID, mustJSON(t, e.Event), mustJSON(t, want))
		}
		a := ts.fx.articleOf(want.ID)
		if e.Article.ID != a.Meta.ID || e.Article.Title != a.Meta.Title {
			t.Errorf("event %s: article %+v, want %+v", want.ID, e.Article, a.Meta)
		}
		wantN := 1
		if want.ID == ts.fx.merged {
			wantN = 2
		}
		if e.NumMentions != wantN || e.NumArticles != wantN {
			t.Errorf("event %s: %d mentions in %d articles, want %d", want.ID, e.NumMentions, e.NumArticles, wantN)
		}
	}
	// The raw JSON has the fields of a `sitrep code` event and the
	// merged counts, with snake_case names.
	raw := ts.get(t, "/api/events?limit=1", http.StatusOK, nil)
	for _, field := range []string{`"evidence":`, `"cameo":`, `"quad_class":`, `"article":`, `"num_mentions":`, `"num_sources":`, `"num_articles":`, `"representative":`, `"next":`} {
		if !bytes.Contains(raw, []byte(field)) {
			t.Errorf("events JSON lacks %s: %s", field, raw)
		}
	}
}

func jsonEqual(t *testing.T, a, b any) bool {
	return bytes.Equal(mustJSON(t, a), mustJSON(t, b))
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEventsFilters checks each filter against the fixture: the events
// returned, over all pages, are exactly those the filter's meaning selects.
func TestEventsFilters(t *testing.T) {
	ts := newTestServer(t, Options{})
	fx := ts.fx
	// mentionedIn lists the articles each merged event has a mention in.
	mentionedIn := map[string][]*record.Article{}
	for _, e := range fx.events() {
		mentionedIn[e.ID] = []*record.Article{fx.articleOf(e.ID)}
	}
	mentionedIn[fx.merged] = append(mentionedIn[fx.merged], fx.articles[1])
	country := func(c string) func(record.Event) bool {
		return func(e record.Event) bool {
			return deref(e.Source.Country) == c || deref(e.Target.Country) == c || e.Location != nil && e.Location.Country == c
		}
	}
	inBox := func(minLon, minLat, maxLon, maxLat float64) func(record.Event) bool {
		return func(e record.Event) bool {
			l := e.Location
			if l == nil || l.Lat < minLat || l.Lat > maxLat {
				return false
			}
			if minLon <= maxLon {
				return minLon <= l.Lon && l.Lon <= maxLon
			}
			return l.Lon >= minLon || l.Lon <= maxLon
		}
	}
	text := func(word string) func(record.Event) bool {
		return func(e record.Event) bool {
			for _, a := range mentionedIn[e.ID] {
				if strings.Contains(strings.ToLower(a.Meta.Title+" "+body(a)), word) {
					return true
				}
			}
			return false
		}
	}
	tests := []struct {
		query string
		want  func(record.Event) bool
	}{
		{"actor=SYR", func(e record.Event) bool {
			return strings.HasPrefix(e.Source.Code, "SYR") || strings.HasPrefix(e.Target.Code, "SYR")
		}},
		{"actor=rusmil", func(e record.Event) bool { return e.Source.Code == "RUSMIL" || e.Target.Code == "RUSMIL" }},
		{"country=UKR", country("UKR")},
		{"country=pse", country("PSE")},
		{"root=19", func(e record.Event) bool { return e.Root == "19" }},
		{"cameo=19", func(e record.Event) bool { return e.Root == "19" }},
		{"cameo=195", func(e record.Event) bool { return strings.HasPrefix(e.CAMEO, "195") }},
		{"cameo=1951", func(e record.Event) bool { return e.CAMEO == "1951" }},
		{"plover=ACCUSE", func(e record.Event) bool { return e.Plover == "ACCUSE" }},
		{"from=2024-03-05", func(e record.Event) bool { return e.Date != nil && *e.Date >= "2024-03-05" }},
		{"to=2024-03-02", func(e record.Event) bool { return e.Date != nil && *e.Date <= "2024-03-02" }},
		{"from=2024-03-02&to=2024-03-03", func(e record.Event) bool {
			return e.Date != nil && *e.Date >= "2024-03-02" && *e.Date <= "2024-03-03"
		}},
		{"bbox=35,31,38,37", inBox(35, 31, 38, 37)},
		{"bbox=170,-30,-170,0", inBox(170, -30, -170, 0)},
		{"q=convoy", text("convoy")},
		{"q=daraa", text("daraa")},
		{"q=hosp*", text("hosp")},
		{`q="russian troops"`, text("russian troops")},
		{"actor=SYR&plover=ASSAULT&from=2024-03-02", func(e record.Event) bool {
			return (strings.HasPrefix(e.Source.Code, "SYR") || strings.HasPrefix(e.Target.Code, "SYR")) &&
				e.Plover == "ASSAULT" && e.Date != nil && *e.Date >= "2024-03-02"
		}},
		{"country=NOR", func(record.Event) bool { return false }},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, e := range fx.events() {
				if tt.want(e) {
					want = append(want, e.ID)
				}
			}
			if len(want) == len(fx.events()) && !strings.HasPrefix(tt.query, "cameo=19") {
				t.Fatalf("the filter selects every event of the fixture; it tests nothing")
			}
			if len(want) == 0 && tt.query != "country=NOR" {
				t.Fatalf("the filter selects no event of the fixture; it tests nothing")
			}
			for _, limit := range []int{2, 1000} {
				got := ts.all(t, q, limit)
				checkOrder(t, got)
				g := ids(got)
				slices.Sort(g)
				w := slices.Sorted(slices.Values(want))
				if !slices.Equal(g, w) {
					t.Errorf("limit %d: got %d events %v\nwant %d %v", limit, len(g), g, len(w), w)
				}
			}
		})
	}
}

// TestEventDetail reads a merged event with both its mentions, and an
// event of one mention.
func TestEventDetail(t *testing.T) {
	ts := newTestServer(t, Options{})
	var d store.EventDetail
	ts.get(t, "/api/events/"+ts.fx.merged, http.StatusOK, &d)
	if d.ID != ts.fx.merged || d.NumMentions != 2 || len(d.Mentions) != 2 {
		t.Fatalf("merged event: id %s, %d mentions, %d listed", d.ID, d.NumMentions, len(d.Mentions))
	}
	arts := []string{d.Mentions[0].Article.ID, d.Mentions[1].Article.ID}
	slices.Sort(arts)
	want := []string{ts.fx.articles[0].Meta.ID, ts.fx.articles[1].Meta.ID}
	slices.Sort(want)
	if !slices.Equal(arts, want) {
		t.Errorf("mentions from articles %v, want %v", arts, want)
	}
	for _, m := range d.Mentions {
		if m.Evidence.Text == "" || m.Verb.Text == "" {
			t.Errorf("mention %s without evidence: %+v", m.ID, m)
		}
	}
	single := ts.fx.articles[2].Events[1]
	ts.get(t, "/api/events/"+single.ID, http.StatusOK, &d)
	if d.ID != single.ID || len(d.Mentions) != 1 || d.Mentions[0].ID != single.ID || d.Evidence != single.Evidence {
		t.Errorf("single event: %+v", d)
	}
}

// TestArticle reads an article's record, body and dedup facts.
func TestArticle(t *testing.T) {
	ts := newTestServer(t, Options{})
	a := ts.fx.articles[1]
	raw := ts.get(t, "/api/articles/"+a.Meta.ID, http.StatusOK, nil)
	var got struct {
		record.Article
		Body     string       `json:"body"`
		DateFrom string       `json:"date_from"`
		Dedup    *store.Dedup `json:"dedup"`
	}
	// record.Article's MarshalJSON is promoted; decode the two halves.
	if err := json.Unmarshal(raw, &got.Article); err != nil {
		t.Fatal(err)
	}
	var extra struct {
		Body     string         `json:"body"`
		DateFrom string         `json:"date_from"`
		Dedup    map[string]any `json:"dedup"`
	}
	if err := json.Unmarshal(raw, &extra); err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, got.Article, *a) {
		t.Errorf("record differs:\n got %s\nwant %s", mustJSON(t, got.Article), mustJSON(t, *a))
	}
	if extra.Body != body(a) || extra.DateFrom != "input" {
		t.Errorf("body %q, date_from %q", extra.Body, extra.DateFrom)
	}
	if extra.Dedup["near_of"] != ts.fx.articles[0].Meta.ID || extra.Dedup["fingerprint"] != nil {
		t.Errorf("dedup %v", extra.Dedup)
	}
	for _, field := range []string{`"sentences":`, `"events":`, `"quotes":[]`, `"counts":[]`, `"places":[]`, `"body":`, `"dedup":{`} {
		if !bytes.Contains(raw, []byte(field)) {
			t.Errorf("article JSON lacks %s: %s", field, raw)
		}
	}
	// An article without dedup facts has "dedup": null.
	raw = ts.get(t, "/api/articles/"+ts.fx.articles[3].Meta.ID, http.StatusOK, nil)
	if !bytes.Contains(raw, []byte(`"dedup":null`)) {
		t.Errorf("article without dedup: %s", raw)
	}
}

func TestNotFound(t *testing.T) {
	ts := newTestServer(t, Options{})
	for _, path := range []string{
		"/api/events/nope",
		"/api/events/" + ts.fx.articles[1].Events[0].ID, // a mention merged into another event
		"/api/articles/0000",
		"/api/articles/" + url.PathEscape("a/b"),
		"/api/nothing",
		"/api/events/x/y",
		"/",
		"/index.html",
	} {
		var e apiError
		ts.get(t, path, http.StatusNotFound, &e)
		if e.Error == "" {
			t.Errorf("%s: no error message", path)
		}
	}
	var e apiError
	ts.get(t, "/api/events/nope", http.StatusNotFound, &e)
	if e.Error != `event "nope" not found` {
		t.Errorf("error %q", e.Error)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	ts := newTestServer(t, Options{})
	for _, path := range []string{"/api/events", "/api/stats", "/api/events/x"} {
		resp, err := ts.Client().Post(ts.URL+path, "application/json", strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || !bytes.Contains(b, []byte(`"error"`)) || resp.Header.Get("Allow") == "" {
			t.Errorf("POST %s: %d %s (Allow %q)", path, resp.StatusCode, b, resp.Header.Get("Allow"))
		}
	}
}

// TestBadParameters checks that every bad parameter, on every endpoint
// that takes it, gives 400 and a message naming it.
func TestBadParameters(t *testing.T) {
	ts := newTestServer(t, Options{})
	filters := []struct{ query, param string }{
		{"from=2024-13-01", "from"},
		{"to=03/01/2024", "to"},
		{"from=2024-03-05&to=2024-03-01", "to"},
		{"actor=SYR%20GOV", "actor"},
		{"country=SYRIA", "country"},
		{"root=7", "root"},
		{"cameo=19x", "cameo"},
		{"root=19&cameo=190", "cameo"},
		{"plover=BOMB", "plover"},
		{"bbox=1,2,3", "bbox"},
		{"bbox=0,50,10,40", "bbox"},
		{"q=%22%22", "q"},
		{"colour=red", "colour"},
		{"actor=SYR&actor=RUS", "actor"},
	}
	type tc struct{ path, param string }
	var cases []tc
	for _, base := range []string{"/api/events?", "/api/stats?", "/api/export?format=csv&"} {
		for _, f := range filters {
			cases = append(cases, tc{base + f.query, f.param})
		}
	}
	cases = append(cases,
		tc{"/api/events?limit=0", "limit"},
		tc{"/api/events?limit=5000", "limit"},
		tc{"/api/events?cursor=not-a-cursor", "cursor"},
		tc{"/api/stats?limit=5", "limit"},
		tc{"/api/stats?cursor=x", "cursor"},
		tc{"/api/export", "format"},
		tc{"/api/export?format=xml", "format"},
		tc{"/api/events/" + ts.fx.merged + "?verbose=1", "verbose"},
		tc{"/api/articles/" + ts.fx.articles[0].Meta.ID + "?x=1", "x"},
		tc{"/api/openapi.json?v=2", "v"},
	)
	for _, c := range cases {
		var e apiError
		ts.get(t, c.path, http.StatusBadRequest, &e)
		if !strings.HasPrefix(e.Error, `bad parameter "`+c.param+`": `) {
			t.Errorf("GET %s: error %q does not name %q", c.path, e.Error, c.param)
		}
	}
	var e apiError
	ts.get(t, "/api/events?from=2024-3-1", http.StatusBadRequest, &e)
	if e.Error != `bad parameter "from": want YYYY-MM-DD` {
		t.Errorf("error %q", e.Error)
	}
}

// TestStats checks the counts against the fixture, with and without a
// filter, and with a CAMEO code the store cannot count by itself.
func TestStats(t *testing.T) {
	ts := newTestServer(t, Options{})
	for _, tt := range []struct {
		query string
		want  func(record.Event) bool
	}{
		{"", func(record.Event) bool { return true }},
		{"?plover=ASSAULT", func(e record.Event) bool { return e.Plover == "ASSAULT" }},
		{"?cameo=195", func(e record.Event) bool { return strings.HasPrefix(e.CAMEO, "195") }},
		{"?actor=SYR&from=2024-03-03", func(e record.Event) bool {
			return (strings.HasPrefix(e.Source.Code, "SYR") || strings.HasPrefix(e.Target.Code, "SYR")) && e.Date != nil && *e.Date >= "2024-03-03"
		}},
	} {
		want := store.Stats{ByDay: []store.DayCount{}, ByType: []store.TypeCount{}}
		days := map[string]int{}
		types := map[[2]string]int{}
		for _, e := range ts.fx.events() {
			if !tt.want(e) {
				continue
			}
			want.Total++
			if e.Date != nil {
				days[*e.Date]++
			}
			types[[2]string{e.Root, e.Plover}]++
		}
		for d, n := range days {
			want.ByDay = append(want.ByDay, store.DayCount{Day: d, Count: n})
		}
		for k, n := range types {
			want.ByType = append(want.ByType, store.TypeCount{Root: k[0], Plover: k[1], Count: n})
		}
		sortStats(&want)
		var got store.Stats
		ts.get(t, "/api/stats"+tt.query, http.StatusOK, &got)
		if !jsonEqual(t, got, want) {
			t.Errorf("stats%s:\n got %s\nwant %s", tt.query, mustJSON(t, got), mustJSON(t, want))
		}
	}
}

func TestOpenAPIServed(t *testing.T) {
	ts := newTestServer(t, Options{})
	b := ts.get(t, "/api/openapi.json", http.StatusOK, nil)
	if !bytes.Equal(b, openapiJSON) {
		t.Error("served document differs from the embedded one")
	}
}

// TestInternalError closes the store under the server: every query fails,
// the client gets a generic 500 and the log gets the detail.
func TestInternalError(t *testing.T) {
	ts := newTestServer(t, Options{})
	if err := ts.st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/events", "/api/events/x", "/api/articles/x", "/api/stats", "/api/stats?cameo=190", "/api/export?format=csv"} {
		var e apiError
		ts.get(t, path, http.StatusInternalServerError, &e)
		if e.Error != "internal error" {
			t.Errorf("%s: error %q, want the generic message", path, e.Error)
		}
	}
	log := ts.log.String()
	if !strings.Contains(log, "level=ERROR") || !strings.Contains(log, "closed") {
		t.Errorf("log lacks the error's detail:\n%s", log)
	}
	var h map[string]string
	ts.get(t, "/healthz", http.StatusServiceUnavailable, &h)
}

// TestPanic checks that a panicking handler answers a generic 500.
func TestPanic(t *testing.T) {
	ui := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("the UI broke") })
	ts := newTestServer(t, Options{UI: ui})
	var e apiError
	ts.get(t, "/", http.StatusInternalServerError, &e)
	if e.Error != "internal error" || !strings.Contains(ts.log.String(), "the UI broke") {
		t.Errorf("error %q; log:\n%s", e.Error, ts.log)
	}
}

func TestUI(t *testing.T) {
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<p>ui "+r.URL.Path+"</p>")
	})
	ts := newTestServer(t, Options{UI: ui})
	for path, want := range map[string]string{"/": "<p>ui /</p>", "/app.js": "<p>ui /app.js</p>"} {
		if got := string(ts.get(t, path, http.StatusOK, nil)); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
	// The API keeps its paths, also the unknown ones.
	ts.get(t, "/api/unknown", http.StatusNotFound, nil)
	ts.get(t, "/healthz", http.StatusOK, nil)
}

// TestRequestLog checks one log line per request with its status.
func TestRequestLog(t *testing.T) {
	ts := newTestServer(t, Options{})
	ts.get(t, "/api/events?limit=2", http.StatusOK, nil)
	ts.get(t, "/api/events?limit=0", http.StatusBadRequest, nil)
	log := ts.log.String()
	for _, want := range []string{`url="/api/events?limit=2" status=200`, `url="/api/events?limit=0" status=400`} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %s:\n%s", want, log)
		}
	}
}

// TestListenAndServe serves on port 0, reads the announced address,
// answers a request and shuts down when the context is canceled.
func TestListenAndServe(t *testing.T) {
	st, _ := openFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- ListenAndServe(ctx, "127.0.0.1:0", New(st, Options{}), pw) }()
	line := make([]byte, 200)
	n, err := pr.Read(line)
	if err != nil {
		t.Fatal(err)
	}
	announced := strings.TrimSpace(string(line[:n]))
	base, ok := strings.CutPrefix(announced, "listening on ")
	if !ok || strings.HasSuffix(base, ":0/") {
		t.Fatalf("announced %q", announced)
	}
	resp, err := http.Get(base + "healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ListenAndServe after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no shutdown after cancel")
	}
	if _, err := http.Get(base + "healthz"); err == nil {
		t.Error("still serving after shutdown")
	}
}

// A syncBuffer is a bytes.Buffer safe for the server's goroutines.
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

// TestPaginationSynthetic pages through a larger generated store, also
// with a CAMEO code the server filters itself, and with articles added
// between pages.
func TestPaginationSynthetic(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "syn.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, in := range storetest.Synthetic(7, 0, 150, 3) {
		if _, err := st.Put(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := st.Summary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: httptest.NewServer(New(st, Options{})), st: st}
	defer ts.Close()

	all := ts.all(t, nil, 1000)
	if len(all) != sum.Events {
		t.Fatalf("%d events in pages of 1000, the store holds %d", len(all), sum.Events)
	}
	checkOrder(t, all)
	if got := ts.all(t, nil, 37); !slices.Equal(ids(got), ids(all)) {
		t.Errorf("pages of 37 differ from pages of 1000")
	}
	var want []string
	for _, e := range all {
		if strings.HasPrefix(e.CAMEO, "195") {
			want = append(want, e.ID)
		}
	}
	if len(want) == 0 || len(want) == len(all) {
		t.Fatalf("cameo=195 selects %d of %d events", len(want), len(all))
	}
	if got := ts.all(t, url.Values{"cameo": {"195"}}, 5); !slices.Equal(ids(got), want) {
		t.Errorf("cameo=195 in pages of 5: %d events, want %d", len(got), len(want))
	}

	// Articles added while paging do not make a page repeat or skip an
	// event that was there before.
	q := url.Values{"limit": {"50"}}
	seen := map[string]int{}
	added := false
	for {
		var p page
		ts.get(t, "/api/events?"+q.Encode(), http.StatusOK, &p)
		for _, e := range p.Events {
			seen[e.ID]++
		}
		if !added {
			for _, in := range storetest.Synthetic(7, 150, 30, 3) {
				if _, err := st.Put(ctx, in); err != nil {
					t.Fatal(err)
				}
			}
			added = true
		}
		if p.Next == nil {
			break
		}
		q.Set("cursor", *p.Next)
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("event %s on %d pages", id, n)
		}
	}
	for _, e := range all {
		if seen[e.ID] != 1 {
			t.Errorf("event %s skipped after articles were added", e.ID)
		}
	}
}
