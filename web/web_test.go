package web

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sitrep/store"
	"sitrep/store/storetest"
)

func TestMap(t *testing.T) {
	ts := serve(t, openStore(t, testData(30)))
	for _, filters := range []string{"", "actor=SYRGOV", "country=UKR", "root=19", "plover=ASSAULT", "from=2024-03-01&to=2024-06-30", "cameo=195", "q=shelled"} {
		var mv MapView
		get(t, ts, "/ui/map?zoom=1&"+filters, http.StatusOK, &mv)
		want := countEvents(t, ts, filters)
		if mv.Total != want {
			t.Errorf("%q: total %d, /api/events lists %d", filters, mv.Total, want)
		}
		sum := 0
		for _, c := range mv.Clusters {
			sum += c.Count
			if c.Count == 1 && c.Event == "" || c.Count > 1 && c.Event != "" {
				t.Errorf("%q: cluster of %d has event %q", filters, c.Count, c.Event)
			}
			if c.Mentions < c.Count || c.Places < 1 || c.Quad < 0 || c.Quad > 4 {
				t.Errorf("%q: bad cluster %+v", filters, c)
			}
			if c.Lon < c.BBox[0] || c.Lon > c.BBox[2] || c.Lat < c.BBox[1] || c.Lat > c.BBox[3] {
				t.Errorf("%q: centroid outside its bounds: %+v", filters, c)
			}
		}
		if sum != mv.InView || mv.InView != mv.Total-mv.Unlocated {
			t.Errorf("%q: clusters hold %d, in view %d, total %d, unlocated %d", filters, sum, mv.InView, mv.Total, mv.Unlocated)
		}
		if want > 0 && len(mv.Clusters) == 0 && mv.Unlocated < want {
			t.Errorf("%q: no clusters", filters)
		}
	}
}

func TestMapZoom(t *testing.T) {
	ts := serve(t, openStore(t, testData(30)))
	// Clusters split as the map zooms in: at zoom 0 some cell holds
	// several places, at zoom 10 none does; southern Syria at zoom 8
	// shows Daraa alone.
	var world, south MapView
	prev := 0
	for z := 0; z <= 10; z += 2 {
		var mv MapView
		get(t, ts, fmt.Sprintf("/ui/map?zoom=%d&bbox=-180,-85,180,85", z), http.StatusOK, &mv)
		if len(mv.Clusters) < prev {
			t.Errorf("zoom %d: %d clusters, fewer than the %d of zoom %d", z, len(mv.Clusters), prev, z-2)
		}
		prev = len(mv.Clusters)
		most := 0
		for _, c := range mv.Clusters {
			most = max(most, c.Places)
		}
		if z == 0 && most < 2 || z == 10 && most != 1 {
			t.Errorf("zoom %d: at most %d places in a cluster", z, most)
		}
		if z == 0 {
			world = mv
		}
	}
	if world.InView != world.Total-world.Unlocated {
		t.Errorf("the world holds %d of %d events", world.InView, world.Total)
	}
	get(t, ts, "/ui/map?zoom=8&bbox=35.5,32.2,37,33.5", http.StatusOK, &south)
	if len(south.Clusters) != 1 || south.Clusters[0].Places != 1 || !strings.HasPrefix(south.Clusters[0].Name, "Daraa") {
		t.Errorf("southern Syria at zoom 8: %+v, want Daraa alone", south.Clusters)
	}
	if south.InView >= south.Total {
		t.Errorf("southern Syria: %d in view of %d", south.InView, south.Total)
	}
	// A view across the antimeridian holds Suva and Apia.
	var pacific MapView
	get(t, ts, "/ui/map?zoom=3&bbox=170,-25,-165,-5", http.StatusOK, &pacific)
	if len(pacific.Clusters) != 2 {
		t.Errorf("across the antimeridian: %d clusters, want Suva and Apia", len(pacific.Clusters))
	}
}

func TestTimelineAndNetwork(t *testing.T) {
	ts := serve(t, openStore(t, testData(30)))
	var all, ranged Timeline
	get(t, ts, "/ui/timeline", http.StatusOK, &all)
	get(t, ts, "/ui/timeline?from=2024-03-01&to=2024-03-31", http.StatusOK, &ranged)
	total := countEvents(t, ts, "")
	n := all.Undated
	for i, d := range all.Days {
		n += d.Total
		q, p := 0, 0
		for _, c := range d.Quad {
			q += c
		}
		for _, c := range d.Plover {
			p += c
		}
		if q != d.Total || p != d.Total || len(d.Plover) != len(all.Plover) {
			t.Errorf("%s: total %d, by quad %d, by PLOVER %d (%d columns of %d)", d.Day, d.Total, q, p, len(d.Plover), len(all.Plover))
		}
		if i > 0 && all.Days[i-1].Day >= d.Day {
			t.Errorf("days out of order: %s, %s", all.Days[i-1].Day, d.Day)
		}
	}
	if n != total {
		t.Errorf("timeline counts %d events, the API %d", n, total)
	}
	if len(ranged.Days) != len(all.Days) {
		t.Errorf("the timeline of a date range has %d days, want all %d", len(ranged.Days), len(all.Days))
	}

	var nw Network
	get(t, ts, "/ui/network", http.StatusOK, &nw)
	found := false
	for _, l := range nw.Links {
		if l.Source == "SYRGOV" && l.Target == "SYRREB" {
			found = true
		}
	}
	if !found || len(nw.Nodes) == 0 || nw.Nodes[0].Count < nw.Nodes[len(nw.Nodes)-1].Count {
		t.Errorf("network: %+v", nw)
	}
	var syr Network
	get(t, ts, "/ui/network?actor=FJI", http.StatusOK, &syr)
	for _, l := range syr.Links {
		if !strings.HasPrefix(l.Source, "FJI") && !strings.HasPrefix(l.Target, "FJI") {
			t.Errorf("actor=FJI: link %+v", l)
		}
	}
}

func TestCopies(t *testing.T) {
	ins := testData(0)
	ts := serve(t, openStore(t, ins))
	first, reprint := ins[0].Article.Meta.ID, ins[1].Article.Meta.ID
	var c Copies
	get(t, ts, "/ui/copies?article="+first, http.StatusOK, &c)
	if c.Original != first || len(c.Family) != 1 || c.Family[0].ID != reprint || c.Family[0].Relation != "reprint" || c.Family[0].Of != first {
		t.Errorf("copies of the Daraa report: %+v", c)
	}
	get(t, ts, "/ui/copies?article="+reprint, http.StatusOK, &c)
	if c.Original != first || len(c.Family) != 1 || c.Family[0].ID != first || c.Family[0].Relation != "original" {
		t.Errorf("copies of its reprint: %+v", c)
	}
	get(t, ts, "/ui/copies?article="+ins[2].Article.Meta.ID, http.StatusOK, &c)
	if len(c.Family) != 0 {
		t.Errorf("copies of an original article: %+v", c)
	}
	get(t, ts, "/ui/copies?article=nope", http.StatusNotFound, nil)
}

func TestBadParameters(t *testing.T) {
	ts := serve(t, openStore(t, testData(0)))
	for _, tc := range []struct{ path, want string }{
		{"/ui/map?zoom=x", `"zoom"`},
		{"/ui/map?zoom=99", `"zoom"`},
		{"/ui/map?bbox=1,2,3", `"bbox"`},
		{"/ui/map?bbox=0,10,10,0", `"bbox"`},
		{"/ui/map?actor=SYR-GOV", `"actor"`},
		{"/ui/timeline?from=2024-13-01", `"from"`},
		{"/ui/timeline?from=2024-03-02&to=2024-03-01", `"to"`},
		{"/ui/network?plover=SHELLING", `"plover"`},
		{"/ui/network?root=21", `"root"`},
		{"/ui/network?colour=red", `"colour"`},
		{"/ui/map?q=" + url.QueryEscape(`"`), `"q"`},
		{"/ui/copies", `"article"`},
		{"/ui/copies?article=x&y=1", `"y"`},
	} {
		var e struct{ Error string }
		get(t, ts, tc.path, http.StatusBadRequest, &e)
		if !strings.Contains(e.Error, tc.want) {
			t.Errorf("%s: error %q does not name %s", tc.path, e.Error, tc.want)
		}
	}
	var e struct{ Error string }
	get(t, ts, "/ui/nothing", http.StatusNotFound, &e)
	if e.Error == "" {
		t.Error("/ui/nothing: no error message")
	}
}

func TestFiles(t *testing.T) {
	ts := serve(t, openStore(t, testData(0)))
	page := string(get(t, ts, "/", http.StatusOK, nil))
	for _, want := range []string{`<script type="module" src="/app.js">`, `id="map"`, `id="timeline"`, `id="event-list"`, `id="network"`, `role="alert"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	get(t, ts, "/?actor=%%%", http.StatusOK, nil) // the page reports bad parameters itself
	for _, name := range []string{"app.js", "map.js", "timeline.js", "network.js", "evidence.js", "util.js", "style.css"} {
		get(t, ts, "/"+name, http.StatusOK, nil)
	}
	missing := string(get(t, ts, "/nope/<b>", http.StatusNotFound, nil))
	if !strings.Contains(missing, "Not found") || !strings.Contains(missing, "/nope/&lt;b&gt;") || !strings.Contains(missing, `href="/"`) {
		t.Errorf("the missing page:\n%s", missing)
	}
	get(t, ts, "/notfound.html", http.StatusNotFound, nil)

	// world.json comes gzipped to a browser that takes it, and decodes.
	req, _ := http.NewRequest("GET", ts.URL+"/world.json", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("ETag") == "" {
		t.Fatalf("world.json headers: %v", resp.Header)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Scale     int
		Arcs      [][]int
		Countries []struct {
			Name, ISO3 string
			Polygons   [][][]int
		}
	}
	if err := json.NewDecoder(zr).Decode(&w); err != nil {
		t.Fatal(err)
	}
	iso := map[string]bool{}
	for _, c := range w.Countries {
		iso[c.ISO3] = true
		for _, p := range c.Polygons {
			for _, r := range p {
				for _, a := range r {
					if a < 0 {
						a = ^a
					}
					if a >= len(w.Arcs) {
						t.Fatalf("%s: arc %d of %d", c.Name, a, len(w.Arcs))
					}
				}
			}
		}
	}
	for _, c := range []string{"SYR", "UKR", "PSE", "FJI", "WSM", "SDN", "MMR"} {
		if !iso[c] {
			t.Errorf("world.json has no %s", c)
		}
	}
	// A second request with the ETag is answered 304.
	req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	resp2, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp2.Body)
	resp2.Body.Close()
	if resp2.StatusCode != http.StatusNotModified {
		t.Errorf("world.json with its ETag: %d", resp2.StatusCode)
	}
}

func TestTypes(t *testing.T) {
	ts := serve(t, openStore(t, testData(0)))
	var ty Types
	get(t, ts, "/ui/types", http.StatusOK, &ty)
	if len(ty.Roots) != 20 || ty.Roots[18].Root != "19" || ty.Roots[18].Quad != 4 || len(ty.Plover) != 16 || len(ty.Quads) != 5 {
		t.Errorf("types: %+v", ty)
	}
}

// eventsOnly hides a store's EachPoint, so that summaries are read with
// EachEvent.
type eventsOnly struct{ store.Store }

// TestPointsMatchEvents checks that the summaries read as points, the fast
// path, equal those read event by event, for every filter.
func TestPointsMatchEvents(t *testing.T) {
	st := openStore(t, testData(40))
	if _, ok := st.(store.PointScanner); !ok {
		t.Skip("the store streams no points")
	}
	fast, slow := serve(t, st), serve(t, eventsOnly{st})
	for _, filters := range []string{"", "actor=SYR", "country=FJI", "root=19", "cameo=1951", "plover=COERCE", "from=2024-03-01&to=2024-06-30", "q=shelled", "bbox=30,30,40,52"} {
		for _, path := range []string{"/ui/map?zoom=3&", "/ui/map?zoom=12&", "/ui/timeline?", "/ui/network?"} {
			a := get(t, fast, path+filters, http.StatusOK, nil)
			b := get(t, slow, path+filters, http.StatusOK, nil)
			if string(a) != string(b) {
				t.Errorf("%s%s:\npoints: %s\nevents: %s", path, filters, a, b)
			}
		}
	}
}

// TestCacheSeesIngest checks that the aggregates follow the store: an
// article put after a summary shows within a few seconds.
func TestCacheSeesIngest(t *testing.T) {
	st := openStore(t, testData(0))
	ts := serve(t, st)
	var before MapView
	get(t, ts, "/ui/map?zoom=2", http.StatusOK, &before)
	more := storetest.Synthetic(99, 0, 3, 2)
	added := 0
	for _, in := range more {
		if _, err := st.Put(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		added += len(in.Article.Events)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		var after MapView
		get(t, ts, "/ui/map?zoom=2", http.StatusOK, &after)
		if after.Total == before.Total+added {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after adding %d events: total %d, was %d", added, after.Total, before.Total)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
