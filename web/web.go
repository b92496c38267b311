package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sitrep/event"
	"sitrep/server"
	"sitrep/store"
)

//go:embed static
var staticFS embed.FS

// Options tune the UI handler. The zero value is ready to use.
type Options struct {
	// Logger receives the detail of failed requests (nil: slog.Default()).
	Logger *slog.Logger
	// Nodes is the most actors /ui/network returns (0: 40).
	Nodes int
	// CacheSize is the number of filter combinations whose summaries are
	// kept (0: 32).
	CacheSize int
}

// A UI serves the page and its aggregation endpoints. Safe for concurrent
// use.
type UI struct {
	st    store.Store
	log   *slog.Logger
	nodes int
	cache *cache
	// families is the index of /ui/copies.
	families families
	// names caches the names of places by [lon, lat].
	names sync.Map
	mux   *http.ServeMux
	files func() (map[string]*file, error)
}

// Handler returns the web UI over st with the default options.
func Handler(st store.Store) http.Handler { return New(st, Options{}) }

// New returns the web UI over st: the page at / with its files, and
//
//	GET /ui/map?bbox=minLon,minLat,maxLon,maxLat&zoom=Z&…filters   grid clusters in the view (MapView)
//	GET /ui/timeline?…filters                                      events per day by type, the dates aside (Timeline)
//	GET /ui/network?…filters                                       the busiest actors and their pairs (Network)
//	GET /ui/types                                                  CAMEO roots, quad classes, PLOVER types
//	GET /ui/copies?article=ID                                      the other articles of its family of copies (Copies)
//
// The filters are those of the API's /api/events (server.ParseFilter).
// A bad parameter gets 400 with {"error": message}. The endpoints live
// outside /api/, which belongs to package server, so that the handler can
// be mounted as server.Options.UI.
func New(st store.Store, o Options) *UI {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Nodes <= 0 {
		o.Nodes = 40
	}
	if o.CacheSize <= 0 {
		o.CacheSize = 32
	}
	u := &UI{st: st, log: o.Logger, nodes: o.Nodes, cache: newCache(st, o.CacheSize)}
	u.files = sync.OnceValues(loadFiles)
	m := http.NewServeMux()
	m.HandleFunc("GET /ui/map", u.handleMap)
	m.HandleFunc("GET /ui/timeline", u.handleTimeline)
	m.HandleFunc("GET /ui/network", u.handleNetwork)
	m.HandleFunc("GET /ui/types", u.handleTypes)
	m.HandleFunc("GET /ui/copies", u.handleCopies)
	m.HandleFunc("/ui/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	})
	m.HandleFunc("GET /{$}", u.handleFile)
	m.HandleFunc("GET /{name}", u.handleFile)
	m.HandleFunc("/", u.handleMissing)
	u.mux = m
	return u
}

func (u *UI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
	u.mux.ServeHTTP(w, r)
}

func (u *UI) handleMap(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	sel, err := newSelection(v, "zoom")
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	view := [4]float64{-180, -85, 180, 85}
	if sel.q.BBox != nil {
		view = *sel.q.BBox
	}
	z := 2.0
	if s := v.Get("zoom"); s != "" {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || !(f >= 0 && f <= maxZoom) {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("bad parameter \"zoom\": want a number from 0 to %d", maxZoom))
			return
		}
		z = f
	}
	// The view is not a filter here: the summary of the whole selection
	// serves every view of it.
	v.Del("bbox")
	u.serve(w, r, v, func(s *summary) any { return clusters(s, view, z, u.placeName(r.Context())) }, "zoom")
}

func (u *UI) handleTimeline(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if _, err := newSelection(v); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	// The timeline shows every date, so that a brush can widen the range.
	v.Del("from")
	v.Del("to")
	u.serve(w, r, v, func(s *summary) any { return timeline(s, event.PloverTypes()) })
}

func (u *UI) handleNetwork(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	if _, err := newSelection(v); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	v.Del("bbox") // as on the map, the view is not a filter
	u.serve(w, r, v, func(s *summary) any { return network(s, u.nodes) })
}

// serve answers with what answer makes of the summary of the events the
// filters v select.
func (u *UI) serve(w http.ResponseWriter, r *http.Request, v url.Values, answer func(*summary) any, extra ...string) {
	sel, err := newSelection(v, extra...)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s, err := u.cache.get(r.Context(), sel)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	writeJSON(w, answer(s))
}

// newSelection reads the filters of /api/events from v, allowing the
// parameters extra (which the caller reads) besides.
func newSelection(v url.Values, extra ...string) (selection, error) {
	q, match, err := server.ParseFilter(v, extra...)
	if err != nil {
		return selection{}, err
	}
	k := url.Values{}
	for name, vals := range v {
		if !slices.Contains(extra, name) {
			k[name] = vals
		}
	}
	return selection{q: q, match: match, key: k.Encode()}, nil
}

// placeName returns a function that gives a place's name: from the
// summary when it was read event by event, else from the place's first
// event, once (names are cached by coordinates).
func (u *UI) placeName(ctx context.Context) func(*place) string {
	return func(p *place) string {
		if p.name != "" {
			return p.name
		}
		k := [2]float64{p.lon, p.lat}
		if v, ok := u.names.Load(k); ok {
			return v.(string)
		}
		d, err := u.st.Event(ctx, p.event)
		if err != nil || d.Location == nil {
			return "" // the page says "an unnamed place"; try again next time
		}
		u.names.Store(k, d.Location.Name)
		return d.Location.Name
	}
}

// Types is the answer of /ui/types: what the page's filters and legends
// offer.
type Types struct {
	Quads  []string `json:"quads"` // by quad class, 0 (unknown) to 4
	Roots  []Root   `json:"roots"`
	Plover []string `json:"plover"`
}

// A Root is a CAMEO root code.
type Root struct {
	Root        string `json:"root"`
	Description string `json:"description"`
	Quad        int    `json:"quad"`
}

func (u *UI) handleTypes(w http.ResponseWriter, r *http.Request) {
	onto, err := event.DefaultOntology()
	if err != nil {
		u.fail(w, r, err)
		return
	}
	t := Types{
		Quads:  []string{"unknown", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"},
		Roots:  []Root{},
		Plover: event.PloverTypes(),
	}
	for _, c := range onto.Codes() {
		if len(c.Code) == 2 {
			t.Roots = append(t.Roots, Root{c.Code, c.Description, int(c.Quad)})
		}
	}
	writeJSON(w, t)
}

// fail answers a failed request: 400 for a full-text query the store
// cannot parse, 500 with a generic message (and the detail in the log)
// for anything else.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if errors.Is(err, store.ErrQuery) {
		writeError(w, http.StatusBadRequest, "bad query: "+err.Error())
		return
	}
	u.log.Error("web: request failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

func writeJSON(w http.ResponseWriter, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		writeError(w, http.StatusInternalServerError, "internal error")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

func writeError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// A file is one embedded file, ready to serve.
type file struct {
	data, gz []byte
	etag     string
	ctype    string
}

func loadFiles() (map[string]*file, error) {
	files := map[string]*file{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		f := &file{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, ctype: mime.TypeByExtension(path.Ext(p))}
		if f.ctype == "" {
			f.ctype = "application/octet-stream"
		}
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			return err
		}
		if b.Len() < len(data) {
			f.gz = b.Bytes()
		}
		files[strings.TrimPrefix(p, "static/")] = f
		return nil
	})
	return files, err
}

func (u *UI) handleFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name == "" {
		name = "index.html"
	}
	files, err := u.files()
	if err != nil {
		u.fail(w, r, err)
		return
	}
	f := files[name]
	if f == nil || name == "notfound.html" {
		u.handleMissing(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", f.etag)
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == f.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.data
	if f.gz != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = f.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func acceptsGzip(r *http.Request) bool {
	for _, p := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if strings.TrimSpace(strings.SplitN(p, ";", 2)[0]) == "gzip" {
			return true
		}
	}
	return false
}

// handleMissing answers a page that does not exist with a page that says
// so and links home, never a blank one.
func (u *UI) handleMissing(w http.ResponseWriter, r *http.Request) {
	files, err := u.files()
	if err != nil {
		u.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	page := bytes.Replace(files["notfound.html"].data, []byte("{{path}}"), []byte(html.EscapeString(r.URL.Path)), 1)
	w.Write(page)
}
