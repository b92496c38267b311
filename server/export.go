package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"sitrep/store"
)

// An eventWriter writes events in one export format; Close writes what
// the format needs at its end and flushes.
type eventWriter interface {
	Write(store.Event) error
	Close() error
}

// An exportFormat is one value of GET /api/export's format parameter.
type exportFormat struct {
	name        string
	contentType string
	ext         string // of the file name offered for download
}

var exportFormats = []exportFormat{
	{"gdelt", "text/tab-separated-values; charset=utf-8", "tsv"},
	{"plover", "application/x-ndjson", "jsonl"},
	{"acled", "text/csv; charset=utf-8", "csv"},
	{"geojson", "application/geo+json", "geojson"},
	{"csv", "text/csv; charset=utf-8", "csv"},
}

// errNoExport is newEventWriter's answer while no export package is wired.
var errNoExport = errors.New("export formats are not built into this sitrep yet")

// newEventWriter returns the writer of one format.
func newEventWriter(format string, w io.Writer) (eventWriter, error) {
	return nil, errNoExport
}

// exportBatch is how many events are written between two moves of the
// write deadline and two flushes.
const exportBatch = 500

func (a *api) export(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	names := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		names[i] = f.name
	}
	i := slices.IndexFunc(exportFormats, func(f exportFormat) bool { return f.name == strings.ToLower(v.Get("format")) })
	if i < 0 {
		return bad("format", "want one of %s", strings.Join(names, ", "))
	}
	format := exportFormats[i]
	f, err := parseFilter(v, false, "format")
	if err != nil {
		return err
	}
	cw := &countingWriter{w: w}
	ew, err := newEventWriter(format.name, cw)
	if errors.Is(err, errNoExport) {
		return &httpError{http.StatusNotImplemented, err.Error()}
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format.name, err)
	}
	h := w.Header()
	h.Set("Content-Type", format.contentType)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="sitrep-events.%s"`, format.ext))
	h.Set("X-Content-Type-Options", "nosniff")
	rc := http.NewResponseController(w)
	n := 0
	err = a.st.EachEvent(r.Context(), f.Query, func(e store.Event) error {
		if !f.match(&e) {
			return nil
		}
		if n++; n%exportBatch == 0 {
			// A long export keeps the connection as long as it writes.
			_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
			_ = rc.Flush()
		}
		return ew.Write(e)
	})
	if err == nil {
		err = ew.Close()
	}
	if err == nil {
		return nil
	}
	if cw.n == 0 {
		return fmt.Errorf("export %s: %w", format.name, err)
	}
	// Too late for a status: log, and cut the response so that the client
	// sees a broken transfer rather than a short file.
	if r.Context().Err() == nil {
		a.log.Error("export failed mid-stream", "url", r.URL.String(), "bytes", cw.n, "err", err)
	}
	panic(http.ErrAbortHandler)
}

// A countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
