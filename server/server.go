package server

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"sitrep/export"
	"sitrep/store"
)

// Options configure the handler New returns. The zero value serves the API
// alone and logs nothing.
type Options struct {
	// Logger receives one line per request and the detail of every
	// internal error; nil discards them.
	Logger *slog.Logger
	// UI, when set, serves every path outside /api/ and /healthz (the web
	// page at /); nil answers those paths with 404.
	UI http.Handler
	// Export tunes the writers of GET /api/export (a gazetteer for GDELT's
	// ADM1 codes, the fatalities of an event); nil: export's defaults.
	Export *export.Options
}

// A route is one method and path the API serves. The OpenAPI document must
// describe every route, and a test checks that it does.
type route struct {
	method, path string
	handle       func(*api, http.ResponseWriter, *http.Request) error
}

var routes = []route{
	{"GET", "/api/events", (*api).events},
	{"GET", "/api/events/{id}", (*api).event},
	{"GET", "/api/articles/{id}", (*api).article},
	{"GET", "/api/stats", (*api).stats},
	{"GET", "/api/export", (*api).export},
	{"GET", "/api/openapi.json", (*api).openapi},
	{"GET", "/healthz", (*api).healthz},
}

//go:embed openapi.json
var openapiJSON []byte

// api holds what the handlers share.
type api struct {
	st        store.Store
	log       *slog.Logger
	exportOpt *export.Options
}

// New returns the HTTP handler of the API over st. It is safe for
// concurrent use as long as st is.
func New(st store.Store, opts Options) http.Handler {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &api{st: st, log: log, exportOpt: opts.Export}
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.Handle(rt.method+" "+rt.path, a.handler(rt.handle))
	}
	// Everything else under /api/ is a JSON 404, or 405 for a method the
	// API does not serve (every route is GET, and so HEAD).
	mux.Handle("/api/", a.handler(func(a *api, w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			return &httpError{http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed", r.Method)}
		}
		return &httpError{http.StatusNotFound, fmt.Sprintf("no such endpoint: %s", r.URL.Path)}
	}))
	if opts.UI != nil {
		mux.Handle("/", opts.UI)
	} else {
		mux.Handle("/", a.handler(func(*api, http.ResponseWriter, *http.Request) error {
			return &httpError{http.StatusNotFound, "not found (the API is under /api/; see /api/openapi.json)"}
		}))
	}
	return a.logRequests(mux)
}

// An httpError is an error with the status it answers with; its message
// is sent to the client as it is.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// handler adapts a handler that returns an error: a paramError becomes a
// 400, an httpError its status, and any other error a 500 whose detail is
// logged and not sent.
func (a *api) handler(h func(*api, http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(a, w, r)
		if err == nil {
			return
		}
		var pe *paramError
		var he *httpError
		switch {
		case errors.As(err, &pe):
			writeError(w, http.StatusBadRequest, pe.Error())
		case errors.As(err, &he):
			writeError(w, he.status, he.msg)
		case r.Context().Err() != nil:
			// The client went away; there is no one to answer.
			a.log.Info("request canceled", "method", r.Method, "path", r.URL.Path, "err", err)
		default:
			a.log.Error("internal error", "method", r.Method, "url", r.URL.String(), "err", err)
			writeError(w, http.StatusInternalServerError, "internal error")
		}
	})
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// writeJSON sends v as the response; HTML characters in text stay as
// they are.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // a write error means the client is gone
}

// logRequests logs every request with its status, size and duration, and
// turns a panic in a handler into a logged 500.
func (a *api) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					a.log.Warn("response aborted", "method", r.Method, "url", r.URL.String(), "bytes", rec.n)
					panic(v)
				}
				a.log.Error("panic", "method", r.Method, "url", r.URL.String(), "panic", fmt.Sprint(v))
				if rec.status == 0 {
					writeError(rec, http.StatusInternalServerError, "internal error")
				} else {
					panic(http.ErrAbortHandler) // too late for a status: cut the response
				}
			}
			a.log.Info("request", "method", r.Method, "url", r.URL.String(), "status", rec.code(),
				"bytes", rec.n, "duration", time.Since(start).Round(time.Microsecond))
		}()
		next.ServeHTTP(rec, r)
	})
}

// A recorder notes the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	n      int64
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(p)
	r.n += int64(n)
	return n, err
}

func (r *recorder) code() int {
	if r.status == 0 {
		return http.StatusOK
	}
	return r.status
}

// Unwrap lets http.ResponseController reach the connection (to flush and
// to move the write deadline).
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Timeouts of the server ListenAndServe runs. A response may take longer
// than writeTimeout as long as it keeps writing: the export handler moves
// the deadline forward with every batch.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 10 * time.Second
)

// ListenAndServe serves h on addr ("localhost:8080"; port 0 picks a free
// one) until ctx is canceled, then shuts down gracefully, waiting up to 10
// seconds for requests in flight. Once listening it writes the address it
// really listens on to announce ("listening on http://127.0.0.1:41234/");
// nil announces nothing. It returns nil after a shutdown caused by ctx.
func ListenAndServe(ctx context.Context, addr string, h http.Handler, announce io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	if announce != nil {
		fmt.Fprintf(announce, "listening on %s\n", URL(ln.Addr()))
	}
	return Serve(ctx, ln, h)
}

// URL returns the base URL of a listener's address, with "localhost" for
// an unspecified host, so that it can be pasted into a browser.
func URL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() || host == "" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// Serve serves h on ln until ctx is canceled, as ListenAndServe does. It
// closes ln.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if e := <-errc; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	if err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}
