package server

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitrep/export"
	"sitrep/store"
)

// An exportFormat is one value of GET /api/export's format parameter: an
// export.Format with the media type and file name extension of its
// response. A test checks that they are export.Formats().
type exportFormat struct {
	name        export.Format
	contentType string
	ext         string // of the file name offered for download
}

var exportFormats = []exportFormat{
	{export.GDELT, "text/tab-separated-values; charset=utf-8", "tsv"},
	{export.PLOVER, "application/x-ndjson", "jsonl"},
	{export.ACLED, "text/csv; charset=utf-8", "csv"},
	{export.GeoJSON, "application/geo+json", "geojson"},
	{export.CSV, "text/csv; charset=utf-8", "csv"},
}

// exportBatch is how many events are written between two moves of the
// write deadline and two flushes.
const exportBatch = 500

func (a *api) export(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	names := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		names[i] = string(f.name)
	}
	i := slices.IndexFunc(exportFormats, func(f exportFormat) bool {
		return string(f.name) == strings.ToLower(v.Get("format"))
	})
	if i < 0 {
		return bad("format", "want one of %s", strings.Join(names, ", "))
	}
	format := exportFormats[i]
	f, err := parseFilter(v, false, "format")
	if err != nil {
		return err
	}
	cw := &countingWriter{w: w}
	ew, err := export.NewWriter(format.name, cw, a.exportOpt)
	if err != nil {
		return fmt.Errorf("export %s: %w", format.name, err)
	}
	h := w.Header()
	h.Set("Content-Type", format.contentType)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="sitrep-events.%s"`, format.ext))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Trailer", "Sitrep-Written, Sitrep-Skipped")
	rc := http.NewResponseController(w)
	n, refused := 0, 0
	err = a.st.EachEvent(r.Context(), f.Query, func(e store.Event) error {
		if !f.match(&e) {
			return nil
		}
		if n++; n%exportBatch == 0 {
			// A long export keeps the connection as long as it writes.
			_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		}
		err := ew.Write(e)
		if err != nil && cw.err == nil {
			// The format refused this event (a number JSON cannot
			// hold); the others still go out.
			if refused++; refused <= 10 {
				a.log.Warn("export: event left out", "format", format.name, "err", err)
			}
			return nil
		}
		return err
	})
	if err == nil {
		err = ew.Close()
	}
	if err == nil {
		h.Set("Sitrep-Written", strconv.Itoa(ew.Written()))
		h.Set("Sitrep-Skipped", strconv.Itoa(ew.Skipped()+refused))
		return nil
	}
	if cw.n == 0 {
		// Nothing sent yet (the writers buffer): an error answer after all.
		for _, k := range []string{"Content-Disposition", "Trailer"} {
			h.Del(k)
		}
		return queryError("export "+string(format.name), err)
	}
	// Too late for a status: log, and cut the response so that the client
	// sees a broken transfer rather than a short file.
	if r.Context().Err() == nil {
		a.log.Error("export failed mid-stream", "url", r.URL.String(), "bytes", cw.n, "err", err)
	}
	panic(http.ErrAbortHandler)
}

// A countingWriter counts the bytes written through it.
// A countingWriter counts the bytes written through it and keeps the
// first error.
type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}
