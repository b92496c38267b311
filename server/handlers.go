package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"sitrep/store"
)

// eventsPage is the answer of GET /api/events.
type eventsPage struct {
	Events []store.Event `json:"events"`
	// Next is the cursor of the next page; nil after the last.
	Next *string `json:"next"`
}

func (a *api) events(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r.URL.Query(), true)
	if err != nil {
		return err
	}
	evs, next, err := a.page(r, f)
	if err != nil {
		return err
	}
	out := eventsPage{Events: evs}
	if out.Events == nil {
		out.Events = []store.Event{}
	}
	if next != "" {
		out.Next = &next
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// page reads one page of events. The store selects by CAMEO root only, so
// a finer code is filtered here: pages are read until f.Limit events
// match or the events run out, each asking only for as many as are still
// wanted, so that the cursor returned never passes an event not returned.
// A page may therefore hold fewer than f.Limit events before the end.
func (a *api) page(r *http.Request, f *filter) ([]store.Event, string, error) {
	var out []store.Event
	q := f.Query
	for {
		q.Limit = f.Limit - len(out)
		evs, next, err := a.st.Events(r.Context(), q)
		if errors.Is(err, store.ErrCursor) {
			return nil, "", bad("cursor", "want the next value of an earlier page")
		}
		if err != nil {
			return nil, "", queryError("events", err)
		}
		for i := range evs {
			if f.match(&evs[i]) {
				out = append(out, evs[i])
			}
		}
		if next == "" || len(out) == f.Limit || f.Cameo == "" {
			return out, next, nil
		}
		q.Cursor = next
	}
}

func (a *api) event(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	id := r.PathValue("id")
	d, err := a.st.Event(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return &httpError{http.StatusNotFound, fmt.Sprintf("event %q not found", id)}
	}
	if err != nil {
		return fmt.Errorf("event %q: %w", id, err)
	}
	if d.Mentions == nil {
		d.Mentions = []store.EventMention{}
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// articleExtra is what GET /api/articles/{id} adds to the article's record.
type articleExtra struct {
	Body     string       `json:"body"`
	DateFrom string       `json:"date_from"`
	Dedup    *store.Dedup `json:"dedup"`
}

func (a *api) article(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	id := r.PathValue("id")
	d, err := a.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return &httpError{http.StatusNotFound, fmt.Sprintf("article %q not found", id)}
	}
	if err != nil {
		return fmt.Errorf("article %q: %w", id, err)
	}
	// The record's own JSON (record.Article.MarshalJSON) with the body and
	// the dedup facts added at its end: the record keeps its shape as it
	// grows, and is not re-encoded through a copy of its type here.
	rec, err := json.Marshal(d.Article)
	if err != nil {
		return fmt.Errorf("article %q: %w", id, err)
	}
	if dd := d.Dedup; dd != nil {
		if dd.Sources == nil {
			dd.Sources = []string{}
		}
		if dd.Sentences == nil {
			dd.Sentences = []store.SentenceOrigin{}
		}
	}
	extra, err := marshal(articleExtra{Body: d.Body, DateFrom: d.DateFrom, Dedup: d.Dedup})
	if err != nil {
		return fmt.Errorf("article %q: %w", id, err)
	}
	rec = bytes.TrimSpace(rec)
	if len(rec) < 2 || rec[len(rec)-1] != '}' {
		return fmt.Errorf("article %q: record JSON is not an object", id)
	}
	body := append(rec[:len(rec)-1:len(rec)-1], ',')
	body = append(body, extra[1:]...)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(body)
	return nil
}

// marshal encodes v as writeJSON does, with a final newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return b.Bytes(), err
}

func (a *api) stats(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r.URL.Query(), false)
	if err != nil {
		return err
	}
	if f.Cameo != "" && len(f.Cameo) > 2 {
		// The store counts by root; counting a finer code means reading
		// the events.
		return a.statsByScan(w, r, f)
	}
	s, err := a.st.Stats(r.Context(), f.Query)
	if err != nil {
		return queryError("stats", err)
	}
	writeJSON(w, http.StatusOK, nonNilStats(s))
	return nil
}

// statsByScan counts the events f selects by reading them all.
func (a *api) statsByScan(w http.ResponseWriter, r *http.Request, f *filter) error {
	s := &store.Stats{}
	days := map[string]int{}
	types := map[[2]string]int{}
	err := a.st.EachEvent(r.Context(), f.Query, func(e store.Event) error {
		if !f.match(&e) {
			return nil
		}
		s.Total++
		if e.Date != nil {
			days[*e.Date]++
		}
		types[[2]string{e.Root, e.Plover}]++
		return nil
	})
	if err != nil {
		return queryError("stats", err)
	}
	for d, n := range days {
		s.ByDay = append(s.ByDay, store.DayCount{Day: d, Count: n})
	}
	for t, n := range types {
		s.ByType = append(s.ByType, store.TypeCount{Root: t[0], Plover: t[1], Count: n})
	}
	sortStats(s)
	writeJSON(w, http.StatusOK, nonNilStats(s))
	return nil
}

func nonNilStats(s *store.Stats) *store.Stats {
	if s.ByDay == nil {
		s.ByDay = []store.DayCount{}
	}
	if s.ByType == nil {
		s.ByType = []store.TypeCount{}
	}
	return s
}

func (a *api) openapi(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openapiJSON)
	return nil
}

func (a *api) healthz(w http.ResponseWriter, r *http.Request) error {
	if _, err := a.st.Has(r.Context(), "healthz"); err != nil {
		a.log.Error("health check", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "store unavailable"})
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// noParams rejects query parameters on an endpoint that takes none.
func noParams(r *http.Request) error {
	names := slices.Sorted(maps.Keys(r.URL.Query()))
	if len(names) > 0 {
		return bad(names[0], "unknown parameter (this endpoint takes none)")
	}
	return nil
}

// queryError answers a query the store refused (store.ErrQuery, which
// the parameter checks should have caught) with 400, and wraps any other
// error for the log.
func queryError(what string, err error) error {
	if errors.Is(err, store.ErrQuery) {
		return &httpError{http.StatusBadRequest, err.Error()}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// sortStats orders counts by day and by root, then PLOVER type.
func sortStats(s *store.Stats) {
	slices.SortFunc(s.ByDay, func(x, y store.DayCount) int { return strings.Compare(x.Day, y.Day) })
	slices.SortFunc(s.ByType, func(x, y store.TypeCount) int {
		if c := strings.Compare(x.Root, y.Root); c != 0 {
			return c
		}
		return strings.Compare(x.Plover, y.Plover)
	})
}
