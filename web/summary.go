package web

import (
	"context"
	"sync"
	"time"

	"sitrep/event"
	"sitrep/record"
	"sitrep/store"
)

// A summary is what one pass over the events a query selects yields for
// the map, the timeline and the network. It is a few numbers per distinct
// place, day and actor pair, however many events there are.
type summary struct {
	total     int
	unlocated int
	places    []*place
	days      map[string]*day
	pairs     map[[2]string]*pair
	actors    map[string]int // events per actor code, either side
}

// A place is the events at one point.
type place struct {
	lon, lat float64
	name     string // "" when read from points: see UI.placeName
	count    int
	mentions int
	quad     [5]int
	plover   []int  // by ploverIndex
	event    string // the first event's ID
}

// A day is the events of one day.
type day struct {
	quad   [5]int
	plover []int
}

// A pair is the events of one source on one target.
type pair struct {
	count int
	quad  [5]int
}

// ploverIndex numbers the PLOVER types in the manual's order; a code
// without one gets len(event.PloverTypes()).
func ploverIndex() map[string]int {
	m := map[string]int{}
	for i, t := range event.PloverTypes() {
		m[t] = i
	}
	return m
}

// A selection is the events a request's filters select: those of the
// store's query that match.
type selection struct {
	q     store.Query
	match func(*store.Event) bool
	// key names the selection in the cache.
	key string
}

// summarize reads the events of sel once: as points when the store can
// stream them (store.PointScanner), else with EachEvent.
func summarize(ctx context.Context, st store.Store, sel selection) (*summary, error) {
	pidx := ploverIndex()
	nplover := len(pidx) + 1
	s := &summary{days: map[string]*day{}, pairs: map[[2]string]*pair{}, actors: map[string]int{}}
	type point struct{ lon, lat float64 }
	at := map[point]*place{}
	add := func(e store.Point, name string) {
		s.total++
		quad := e.Quad
		if quad < 0 || quad > 4 {
			quad = 0
		}
		pl, ok := pidx[e.Plover]
		if !ok {
			pl = nplover - 1
		}
		if e.Located {
			k := point{e.Lon, e.Lat}
			p := at[k]
			if p == nil {
				p = &place{lon: e.Lon, lat: e.Lat, name: name, event: e.ID, plover: make([]int, nplover)}
				at[k] = p
				s.places = append(s.places, p)
			}
			p.count++
			p.mentions += max(e.NumMentions, 1)
			p.quad[quad]++
			p.plover[pl]++
		} else {
			s.unlocated++
		}
		if e.Date != "" {
			d := s.days[e.Date]
			if d == nil {
				d = &day{plover: make([]int, nplover)}
				s.days[e.Date] = d
			}
			d.quad[quad]++
			d.plover[pl]++
		}
		if e.Source != "" && e.Target != "" {
			k := [2]string{e.Source, e.Target}
			p := s.pairs[k]
			if p == nil {
				p = &pair{}
				s.pairs[k] = p
			}
			p.count++
			p.quad[quad]++
			s.actors[e.Source]++
			if e.Target != e.Source {
				s.actors[e.Target]++
			}
		}
	}
	var err error
	if ps, ok := st.(store.PointScanner); ok {
		err = ps.EachPoint(ctx, sel.q, func(p store.Point) error {
			// The filter's own test looks at the event code alone.
			if sel.match == nil || sel.match(&store.Event{Event: record.Event{CAMEO: p.CAMEO}}) {
				add(p, "")
			}
			return nil
		})
	} else {
		err = st.EachEvent(ctx, sel.q, func(e store.Event) error {
			if sel.match == nil || sel.match(&e) {
				add(pointOf(&e), placeName(&e))
			}
			return nil
		})
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// pointOf is the point of an event.
func pointOf(e *store.Event) store.Point {
	p := store.Point{ID: e.ID, CAMEO: e.CAMEO, Root: e.Root, Plover: e.Plover, Quad: e.Quad, NumMentions: e.NumMentions}
	if e.Date != nil {
		p.Date = *e.Date
	}
	if e.Source != nil {
		p.Source = e.Source.Code
	}
	if e.Target != nil {
		p.Target = e.Target.Code
	}
	if l := e.Location; l != nil {
		p.Located, p.Lat, p.Lon = true, l.Lat, l.Lon
	}
	return p
}

func placeName(e *store.Event) string {
	if e.Location == nil {
		return ""
	}
	return e.Location.Name
}

// A cache keeps the summaries of the latest queries. A summary is good as
// long as the store's Summary counts are unchanged. Those are read when
// the cache is made and then again in the background at most once per
// recheck interval, so that no request waits for them but the first
// (Summary counts whole tables): an ingest shows within about a second.
// Concurrent requests for one query share one pass. Safe for concurrent
// use.
type cache struct {
	st      store.Store
	size    int
	recheck time.Duration

	mu       sync.Mutex
	version  store.Summary
	checked  time.Time     // zero until the first count is in
	checking chan struct{} // closed when the count under way is in; nil when none is
	verr     error
	entries  map[string]*entry
	order    []string // least recently used first
}

type entry struct {
	done    chan struct{}
	sum     *summary
	err     error
	version store.Summary
}

func newCache(st store.Store, size int) *cache {
	c := &cache{st: st, size: size, recheck: time.Second, entries: map[string]*entry{}}
	c.mu.Lock()
	c.check()
	c.mu.Unlock()
	return c
}

// get returns the summary of sel, computing it when needed.
func (c *cache) get(ctx context.Context, sel selection) (*summary, error) {
	v, err := c.storeVersion(ctx)
	if err != nil {
		return nil, err
	}
	k := sel.key
	c.mu.Lock()
	e := c.entries[k]
	if e != nil && e.version != v {
		select {
		case <-e.done:
			e = nil // stale
		default: // still computing: share it
		}
	}
	if e == nil {
		e = &entry{done: make(chan struct{}), version: v}
		c.entries[k] = e
		go func() {
			// The pass outlives a client that goes away: the next one
			// asking for the same view gets it.
			ctx := context.WithoutCancel(ctx)
			e.sum, e.err = summarize(ctx, c.st, sel)
			close(e.done)
			if e.err != nil {
				c.mu.Lock()
				if c.entries[k] == e {
					delete(c.entries, k)
				}
				c.mu.Unlock()
			}
		}()
	}
	c.touch(k)
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.sum, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// touch marks k most recently used and evicts the oldest beyond size.
// c.mu is held.
func (c *cache) touch(k string) {
	for i, o := range c.order {
		if o == k {
			c.order = append(c.order[:i], c.order[i+1:]...)
			break
		}
	}
	c.order = append(c.order, k)
	for len(c.order) > c.size {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
}

// storeVersion returns the store's latest counts: it waits for the first
// count, and later only starts a new one when the last is old.
func (c *cache) storeVersion(ctx context.Context) (store.Summary, error) {
	c.mu.Lock()
	if c.checked.IsZero() {
		done := c.checking
		if done == nil {
			done = c.check()
		}
		c.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return store.Summary{}, ctx.Err()
		}
		c.mu.Lock()
		v, err := c.version, c.verr
		c.mu.Unlock()
		return v, err
	}
	if time.Since(c.checked) >= c.recheck && c.checking == nil {
		c.check()
	}
	v := c.version
	c.mu.Unlock()
	return v, nil
}

// check starts counting the store in the background. c.mu is held.
func (c *cache) check() chan struct{} {
	done := make(chan struct{})
	c.checking = done
	go func() {
		s, err := c.st.Summary(context.Background())
		c.mu.Lock()
		if err == nil {
			c.version, c.checked = *s, time.Now()
		}
		c.verr, c.checking = err, nil
		c.mu.Unlock()
		close(done)
	}()
	return done
}
