package storetest

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"sitrep/store"
)

// Run runs the conformance suite: every promise of package store, checked
// on new stores that open returns (one for each subtest; open should
// register their cleanup with t).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"PutIdempotent", testPutIdempotent},
		{"Article", testArticle},
		{"Event", testEvent},
		{"NotFound", testNotFound},
		{"Filters", testFilters},
		{"Order", testOrder},
		{"Pages", testPages},
		{"PagesWhileAdding", testPagesWhileAdding},
		{"Limits", testLimits},
		{"EachEvent", testEachEvent},
		{"Stats", testStats},
		{"Fingerprints", testFingerprints},
		{"Mentions", testMentions},
		{"BadQuery", testBadQuery},
		{"ConcurrentPut", testConcurrentPut},
		{"BadIngest", testBadIngest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

// fill puts ins and returns the model of the result.
func fill(t *testing.T, s store.Store, ins ...*store.Ingest) *model {
	t.Helper()
	m := newModel()
	for _, in := range ins {
		put(t, s, m, in)
	}
	return m
}

func put(t *testing.T, s store.Store, m *model, in *store.Ingest) {
	t.Helper()
	want := m.put(in)
	got, err := s.Put(context.Background(), in)
	if err != nil {
		t.Fatalf("Put %s: %v", in.Article.Meta.ID, err)
	}
	if got != want {
		t.Fatalf("Put %s: added = %v, want %v", in.Article.Meta.ID, got, want)
	}
}

func summary(t *testing.T, s store.Store) store.Summary {
	t.Helper()
	sum, err := s.Summary(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return *sum
}

func (m *model) summary() store.Summary {
	var sum store.Summary
	for _, in := range m.articles {
		sum.Articles++
		if d := in.Dedup; d != nil && (d.ExactOf != "" || d.NearOf != "") {
			sum.Duplicates++
		}
		sum.Mentions += len(in.Article.Events)
	}
	sum.Events = len(m.events)
	return sum
}

func testPutIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	fx := Fixtures()
	m := fill(t, s, fx...)
	want := m.summary()
	if got := summary(t, s); got != want {
		t.Fatalf("Summary = %+v, want %+v", got, want)
	}
	for _, in := range Fixtures() { // equal values, new pointers
		put(t, s, m, in)
	}
	if got := summary(t, s); got != want {
		t.Errorf("Summary after putting again = %+v, want %+v", got, want)
	}
	// A changed record under a stored ID changes nothing either.
	changed := Fixtures()[0]
	changed.Article.Meta.Title = "Another title"
	changed.Body = "Another body."
	if added, err := s.Put(ctx, changed); err != nil || added {
		t.Errorf("Put of a stored ID with another record = %v, %v; want false, nil", added, err)
	}
	got, err := s.Article(ctx, changed.Article.Meta.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.Meta.Title != fx[0].Article.Meta.Title || got.Body != fx[0].Body {
		t.Errorf("the second Put changed the stored article: title %q", got.Article.Meta.Title)
	}
	for _, in := range fx {
		if ok, err := s.Has(ctx, in.Article.Meta.ID); err != nil || !ok {
			t.Errorf("Has(%s) = %v, %v", in.Article.Meta.ID, ok, err)
		}
	}
	if ok, err := s.Has(ctx, "nope"); err != nil || ok {
		t.Errorf("Has(nope) = %v, %v", ok, err)
	}
}

func testArticle(t *testing.T, s store.Store) {
	fx := Fixtures()
	fill(t, s, fx...)
	for _, in := range fx {
		got, err := s.Article(context.Background(), in.Article.Meta.ID)
		if err != nil {
			t.Fatal(err)
		}
		gotJS, _ := got.Article.MarshalJSON()
		wantJS, _ := in.Article.MarshalJSON()
		if string(gotJS) != string(wantJS) {
			t.Errorf("Article(%s) record:\n got %s\nwant %s", in.Article.Meta.ID, gotJS, wantJS)
		}
		if got.Body != in.Body || got.DateFrom != in.DateFrom {
			t.Errorf("Article(%s): body %q, date_from %q; want %q, %q", in.Article.Meta.ID, got.Body, got.DateFrom, in.Body, in.DateFrom)
		}
		if !reflect.DeepEqual(got.Dedup, in.Dedup) {
			t.Errorf("Article(%s).Dedup = %+v, want %+v", in.Article.Meta.ID, got.Dedup, in.Dedup)
		}
	}
}

func testEvent(t *testing.T, s store.Store) {
	m := fill(t, s, Fixtures()...)
	merged := 0
	for id, ev := range m.events {
		got, err := s.Event(context.Background(), id)
		if err != nil {
			t.Fatalf("Event(%s): %v", id, err)
		}
		same(t, "Event("+id+")", got.Event, m.event(id))
		var want []store.EventMention
		for _, mid := range ev.mentions {
			want = append(want, m.mentions[mid])
		}
		same(t, "Event("+id+").Mentions", got.Mentions, want)
		if len(ev.mentions) > 1 {
			merged++
		}
	}
	if merged < 2 {
		t.Fatalf("the fixtures merge %d events, want 2 or more", merged)
	}
	// The Daraa reprint became the representative and refined the date.
	daraa := Fixtures()[1].Article.Events[0]
	got, err := s.Event(context.Background(), Fixtures()[0].Article.Events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Representative != daraa.ID || *got.Date != "2024-03-05" || got.NumMentions != 2 || got.NumSources != 2 || got.NumArticles != 1 {
		t.Errorf("Daraa event: representative %s, date %s, counts %d %d %d; want %s, 2024-03-05, 2 2 1",
			got.Representative, *got.Date, got.NumMentions, got.NumSources, got.NumArticles, daraa.ID)
	}
}

// same compares two values by their JSON form.
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	fx := Fixtures()
	fill(t, s, fx...)
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(nope): %v, want ErrNotFound", err)
	}
	if _, err := s.Event(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event(nope): %v, want ErrNotFound", err)
	}
	// A mention that joined another's event is no merged event of its own.
	joined := fx[1].Article.Events[0].ID
	if _, err := s.Event(ctx, joined); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event(%s), a mention of another event: %v, want ErrNotFound", joined, err)
	}
}

// queries are the filters the suite checks, alone and combined.
func queries() []store.Query {
	qs := []store.Query{
		{},
		{Actor: "SYR"}, {Actor: "SYRGOV"}, {Actor: "SYRREB"}, {Actor: "CVL"}, {Actor: "IGO"}, {Actor: "X"}, {Actor: "SYR*"},
		{Country: "SYR"}, {Country: "UKR"}, {Country: "PSE"}, {Country: "FJI"}, {Country: "WSM"}, {Country: "ZZZ"},
		{Root: "19"}, {Root: "11"}, {Root: "04"}, {Root: "14"},
		{Plover: "ASSAULT"}, {Plover: "ACCUSE"}, {Plover: "COERCE"},
		{From: "2024-03-06"}, {To: "2024-03-05"}, {From: "2024-03-05", To: "2024-03-05"}, {From: "2023-01-01", To: "2023-12-31"},
		{From: "2025-01-01"},
		{BBox: &[4]float64{35, 32, 37, 33}},                     // Daraa
		{BBox: &[4]float64{20, 40, 40, 55}},                     // Ukraine
		{BBox: &[4]float64{170, -25, -170, -10}},                // Fiji and Samoa, across the antimeridian
		{BBox: &[4]float64{-180, -90, 180, 90}},                 // everything located
		{BBox: &[4]float64{36.1021, 32.6189, 36.1021, 32.6189}}, // a point, inclusive
		{Text: "Daraa"}, {Text: "observatory"}, {Text: "grain"}, {Text: "parliament"}, {Text: "Suva"}, {Text: "nothing"},
		{Text: "missiles"},
	}
	combos := []store.Query{
		{Actor: "SYR", Root: "19"}, {Country: "SYR", Plover: "ACCUSE"}, {Country: "UKR", From: "2023-11-10"},
		{Root: "19", BBox: &[4]float64{30, 30, 40, 35}, From: "2024-03-01", To: "2024-03-31"},
		{Text: "condemned", Country: "WSM"}, {Actor: "FJI", Text: "arrested", Plover: "COERCE"},
	}
	return append(qs, combos...)
}

func ids(evs []store.Event) []string {
	out := []string{}
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

// all pages through q with pages of limit events.
func all(t *testing.T, s store.Store, q store.Query, limit int) []store.Event {
	t.Helper()
	q.Limit = limit
	var out []store.Event
	for page := 0; ; page++ {
		evs, next, err := s.Events(context.Background(), q)
		if err != nil {
			t.Fatalf("Events(%+v): %v", q, err)
		}
		if len(evs) > limit {
			t.Fatalf("Events(%+v) returned %d events", q, len(evs))
		}
		out = append(out, evs...)
		if next == "" {
			return out
		}
		if len(evs) == 0 || page > 100000 {
			t.Fatalf("Events(%+v): page %d is empty but has a next cursor", q, page)
		}
		q.Cursor = next
	}
}

func testFilters(t *testing.T, s store.Store) {
	m := fill(t, s, Fixtures()...)
	nonEmpty := 0
	for _, q := range queries() {
		want := m.query(q)
		got := all(t, s, q, 1000)
		if !slices.Equal(ids(got), want) {
			t.Errorf("Events(%s) = %v, want %v", show(q), ids(got), want)
			continue
		}
		for _, e := range got {
			same(t, "Events: event "+e.ID, e, m.event(e.ID))
		}
		if len(want) > 0 && len(want) < len(m.events) {
			nonEmpty++
		}
	}
	if nonEmpty < len(queries())/2 {
		t.Errorf("only %d of %d queries select some but not all events: the fixtures do not exercise the filters", nonEmpty, len(queries()))
	}
	// Anchors for the model itself.
	anchors := []struct {
		q    store.Query
		want int
	}{
		{store.Query{Actor: "SYR"}, 2}, {store.Query{BBox: &[4]float64{170, -25, -170, -10}}, 2},
		{store.Query{Text: "grain"}, 2}, {store.Query{From: "2024-03-06"}, 3},
	}
	for _, a := range anchors {
		if n := len(m.query(a.q)); n != a.want {
			t.Errorf("model: %s selects %d events, want %d", show(a.q), n, a.want)
		}
	}
	// A phrase and a prefix query, which the model does not parse.
	for _, q := range []store.Query{{Text: `"rebel positions"`}, {Text: "shell*"}} {
		want := m.query(store.Query{Text: "Daraa"})
		if got := ids(all(t, s, q, 1000)); !slices.Equal(got, want) {
			t.Errorf("Events(%s) = %v, want %v", show(q), got, want)
		}
	}
}

func show(q store.Query) string {
	b, _ := json.Marshal(q)
	return string(b)
}

func testOrder(t *testing.T, s store.Store) {
	m := fill(t, s, Fixtures()...)
	got := all(t, s, store.Query{}, 1000)
	if len(got) != len(m.events) {
		t.Fatalf("Events returned %d events, want %d", len(got), len(m.events))
	}
	// The undated protest is last; the Daraa event keeps the place of its
	// first date (2024-03-06) though its representative now says 03-05.
	last := got[len(got)-1]
	if last.Date != nil {
		t.Errorf("last event %s has date %s, want the undated one", last.ID, *last.Date)
	}
	daraa := Fixtures()[0].Article.Events[0].ID
	i := slices.IndexFunc(got, func(e store.Event) bool { return e.ID == daraa })
	if i < 0 || i > 3 {
		t.Errorf("Daraa event at %d of %v, want among the first four (first stored as of 2024-03-06)", i, ids(got))
	}
}

func testPages(t *testing.T, s store.Store) {
	m := fill(t, s, append(Fixtures(), Synthetic(1, 0, 20, 3)...)...)
	for _, q := range []store.Query{{}, {Root: "19"}, {Country: "SYR"}, {Text: "alpha"}} {
		want := m.query(q)
		for _, limit := range []int{1, 2, 7, 1000} {
			got := ids(all(t, s, q, limit))
			if !slices.Equal(got, want) {
				t.Errorf("Events(%s) in pages of %d = %d events %v, want %d", show(q), limit, len(got), got, len(want))
			}
		}
	}
}

func testPagesWhileAdding(t *testing.T, s store.Store) {
	ctx := context.Background()
	fx := Fixtures()
	m := fill(t, s, fx[0])
	for _, in := range append(fx[2:], Synthetic(1, 0, 20, 3)...) {
		put(t, s, m, in)
	}
	before := m.query(store.Query{})
	adds := append([]*store.Ingest{fx[1]}, Synthetic(2, 0, 40, 3)...) // fx[1] grows the Daraa event
	seen := map[string]bool{}
	q := store.Query{Limit: 5}
	for page := 0; ; page++ {
		evs, next, err := s.Events(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if seen[e.ID] {
				t.Errorf("page %d repeats event %s", page, e.ID)
			}
			seen[e.ID] = true
		}
		if next == "" {
			break
		}
		q.Cursor = next
		for range 3 {
			if len(adds) > 0 {
				put(t, s, m, adds[0])
				adds = adds[1:]
			}
		}
	}
	for _, id := range before {
		if !seen[id] {
			t.Errorf("event %s, stored before the first page, was skipped", id)
		}
	}
}

func testLimits(t *testing.T, s store.Store) {
	m := fill(t, s, Synthetic(3, 0, 110, 10)...)
	if len(m.events) <= 1000 {
		t.Fatalf("only %d events", len(m.events))
	}
	for _, c := range []struct{ limit, want int }{{0, 100}, {-1, 100}, {1000, 1000}, {5000, 1000}, {3, 3}} {
		evs, next, err := s.Events(context.Background(), store.Query{Limit: c.limit})
		if err != nil || len(evs) != c.want || next == "" {
			t.Errorf("Events(Limit %d) = %d events, next %q, %v; want %d and a next page", c.limit, len(evs), next, err, c.want)
		}
	}
	evs, next, err := s.Events(context.Background(), store.Query{Limit: len(m.events)})
	if err != nil || len(evs) != 1000 || next == "" {
		t.Errorf("Events(Limit %d) = %d, %q, %v", len(m.events), len(evs), next, err)
	}
	// The last page has no next cursor, also when it is full.
	q := store.Query{Root: "04"}
	n := len(m.query(q))
	q.Limit = n
	evs, next, err = s.Events(context.Background(), q)
	if err != nil || len(evs) != n || next != "" {
		t.Errorf("Events(%s) = %d events, next %q, %v; want %d and no next page", show(q), len(evs), next, err, n)
	}
}

func testEachEvent(t *testing.T, s store.Store) {
	ctx := context.Background()
	fill(t, s, append(Fixtures(), Synthetic(4, 0, 30, 3)...)...)
	for _, q := range queries() {
		var got []store.Event
		if err := s.EachEvent(ctx, q, func(e store.Event) error { got = append(got, e); return nil }); err != nil {
			t.Fatalf("EachEvent(%s): %v", show(q), err)
		}
		same(t, "EachEvent("+show(q)+")", got, all(t, s, q, 3))
	}
	// Limit and Cursor are ignored.
	_, next, err := s.Events(ctx, store.Query{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := s.EachEvent(ctx, store.Query{Limit: 2, Cursor: next}, func(store.Event) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if sum := summary(t, s); n != sum.Events {
		t.Errorf("EachEvent with Limit and Cursor gave %d events, want all %d", n, sum.Events)
	}
	stop := errors.New("stop")
	n = 0
	err = s.EachEvent(ctx, store.Query{}, func(store.Event) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("EachEvent stopping at the third: %v after %d calls", err, n)
	}
}

func testStats(t *testing.T, s store.Store) {
	m := fill(t, s, append(Fixtures(), Synthetic(5, 0, 30, 3)...)...)
	for _, q := range queries() {
		got, err := s.Stats(context.Background(), q)
		if err != nil {
			t.Fatalf("Stats(%s): %v", show(q), err)
		}
		same(t, "Stats("+show(q)+")", got, m.stats(q))
	}
}

func testFingerprints(t *testing.T, s store.Store) {
	fx := Fixtures()
	m := fill(t, s, append(fx, Synthetic(6, 0, 5, 2)...)...)
	var want []store.Fingerprint
	for _, in := range m.articles {
		if in.Dedup == nil || in.Dedup.Fingerprint == nil {
			continue
		}
		f := store.Fingerprint{ArticleID: in.Article.Meta.ID, Source: in.Article.Meta.Source, Bytes: in.Dedup.Fingerprint}
		if d := in.Article.Meta.Date; d != nil {
			f.Time, _ = time.Parse(time.DateOnly, *d)
		}
		want = append(want, f)
	}
	var got []store.Fingerprint
	if err := s.Fingerprints(context.Background(), func(f store.Fingerprint) error { got = append(got, f); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("Fingerprints gave %d, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].ArticleID != want[i].ArticleID || got[i].Source != want[i].Source || !got[i].Time.Equal(want[i].Time) ||
			string(got[i].Bytes) != string(want[i].Bytes) {
			t.Errorf("fingerprint %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	stop := errors.New("stop")
	if err := s.Fingerprints(context.Background(), func(store.Fingerprint) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Fingerprints did not return fn's error: %v", err)
	}
}

func testMentions(t *testing.T, s store.Store) {
	m := fill(t, s, append(Fixtures(), Synthetic(7, 0, 5, 2)...)...)
	var got []store.Mention
	if err := s.Mentions(context.Background(), func(x store.Mention) error { got = append(got, x); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(m.order) {
		t.Fatalf("Mentions gave %d, want %d", len(got), len(m.order))
	}
	for i, w := range m.order {
		g := got[i]
		if !sameFloat(g.Lat, w.Lat) || !sameFloat(g.Lon, w.Lon) {
			t.Errorf("mention %d at %v,%v, want %v,%v", i, g.Lat, g.Lon, w.Lat, w.Lon)
		}
		g.Lat, g.Lon, w.Lat, w.Lon = 0, 0, 0, 0
		if g != w {
			t.Errorf("mention %d = %+v, want %+v", i, g, w)
		}
	}
	stop := errors.New("stop")
	if err := s.Mentions(context.Background(), func(store.Mention) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Mentions did not return fn's error: %v", err)
	}
}

func testBadQuery(t *testing.T, s store.Store) {
	ctx := context.Background()
	fill(t, s, Fixtures()...)
	_, next, err := s.Events(ctx, store.Query{Limit: 1})
	if err != nil || next == "" {
		t.Fatal(next, err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(next)
	for _, c := range []string{"garbage!", "Zm9v", next[:len(next)/2], base64.RawURLEncoding.EncodeToString(append(raw, 0))} {
		if _, _, err := s.Events(ctx, store.Query{Cursor: c}); !errors.Is(err, store.ErrCursor) {
			t.Errorf("Events with cursor %q: %v, want ErrCursor", c, err)
		}
	}
	for _, q := range []store.Query{
		{From: "2024-3-5"}, {To: "yesterday"}, {BBox: &[4]float64{0, 10, 1, 5}}, {BBox: &[4]float64{0, -100, 1, 5}},
		{Text: `"unbalanced`}, {Text: "AND"},
	} {
		if _, _, err := s.Events(ctx, q); !errors.Is(err, store.ErrQuery) {
			t.Errorf("Events(%s): %v, want ErrQuery", show(q), err)
		}
		if _, err := s.Stats(ctx, q); !errors.Is(err, store.ErrQuery) {
			t.Errorf("Stats(%s): %v, want ErrQuery", show(q), err)
		}
		if err := s.EachEvent(ctx, q, func(store.Event) error { return nil }); !errors.Is(err, store.ErrQuery) {
			t.Errorf("EachEvent(%s): %v, want ErrQuery", show(q), err)
		}
	}
}

func testConcurrentPut(t *testing.T, s store.Store) {
	const n = 8
	fx := Fixtures()
	var wg sync.WaitGroup
	added := make([]bool, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			// Each goroutine puts its own copy, and some other articles.
			in := Fixtures()[0]
			added[i], errs[i] = s.Put(context.Background(), in)
			if i%2 == 0 {
				_, err := s.Put(context.Background(), Synthetic(8, i, 1, 3)[0])
				errs[i] = errors.Join(errs[i], err)
			}
		})
	}
	wg.Wait()
	count := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("goroutine %d: %v", i, errs[i])
		}
		if added[i] {
			count++
		}
	}
	if count != 1 {
		t.Errorf("%d of %d concurrent Puts of one article reported it added, want 1", count, n)
	}
	m := newModel()
	m.put(fx[0])
	for i := 0; i < n; i += 2 {
		m.put(Synthetic(8, i, 1, 3)[0])
	}
	if got, want := summary(t, s), m.summary(); got != want {
		t.Errorf("Summary = %+v, want %+v", got, want)
	}
}

func testBadIngest(t *testing.T, s store.Store) {
	ctx := context.Background()
	fx := Fixtures()
	noID := *fx[3].Article
	noID.Meta.ID = ""
	unknownRep := slices.Clone(fx[1].Merged)
	unknownRep[0].Representative = "nope"
	otherEvent := slices.Clone(fx[0].Mentions)
	otherEvent[0].EventID = "nope"
	lostMerged := slices.Clone(fx[0].Mentions)
	lostMerged[0].Merged = "nope"
	bad := map[string]*store.Ingest{
		"nil":                      nil,
		"no article":               {},
		"no ID":                    {Article: &noID},
		"mentions of other size":   {Article: fx[0].Article, Body: fx[0].Body, Mentions: []store.Mention{}},
		"mention of another event": {Article: fx[0].Article, Body: fx[0].Body, Mentions: otherEvent, Merged: fx[0].Merged},
		"merged event missing":     {Article: fx[0].Article, Body: fx[0].Body, Mentions: lostMerged, Merged: fx[0].Merged},
		"unknown representative":   {Article: fx[1].Article, Body: fx[1].Body, Mentions: fx[1].Mentions, Merged: unknownRep},
	}
	for name, in := range bad {
		if added, err := s.Put(ctx, in); err == nil || added {
			t.Errorf("Put(%s) = %v, %v; want an error", name, added, err)
		}
	}
	if sum := summary(t, s); sum != (store.Summary{}) {
		t.Errorf("failed Puts stored something: %+v", sum)
	}
}
