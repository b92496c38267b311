package server

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestExport streams each format over the fixture and checks what each
// holds: every event the filter selects (GeoJSON: every located one; ACLED:
// the ones of an ACLED event type), with the counts in the trailers.
func TestExport(t *testing.T) {
	ts := newTestServer(t, Options{})
	all := ts.fx.events()
	located := 0
	for _, e := range all {
		if e.Location != nil {
			located++
		}
	}
	for _, f := range exportFormats {
		resp, err := ts.Client().Get(ts.URL + "/api/export?format=" + string(f.name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != f.contentType ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "sitrep-events."+f.ext) {
			t.Fatalf("%s: %d %q %q: %.200s", f.name, resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"), b)
		}
		written, _ := strconv.Atoi(resp.Trailer.Get("Sitrep-Written"))
		skipped, _ := strconv.Atoi(resp.Trailer.Get("Sitrep-Skipped"))
		if written+skipped != len(all) {
			t.Errorf("%s: %d written + %d skipped, want %d events", f.name, written, skipped, len(all))
		}
		lines := strings.Count(string(b), "\n")
		switch f.name {
		case "gdelt", "plover":
			if written != len(all) || lines != len(all) {
				t.Errorf("%s: %d written, %d lines, want %d", f.name, written, lines, len(all))
			}
		case "csv", "acled":
			if lines != written+1 || written == 0 {
				t.Errorf("%s: %d written, %d lines (with the header)", f.name, written, lines)
			}
		case "geojson":
			var fc struct {
				Type     string            `json:"type"`
				Features []json.RawMessage `json:"features"`
			}
			if err := json.Unmarshal(b, &fc); err != nil {
				t.Fatalf("geojson: %v", err)
			}
			if fc.Type != "FeatureCollection" || len(fc.Features) != located || written != located {
				t.Errorf("geojson: %s of %d features, %d written, want %d", fc.Type, len(fc.Features), written, located)
			}
		}
	}
	// Filters apply, the CAMEO code too; the format's name is
	// case-insensitive.
	resp, err := ts.Client().Get(ts.URL + "/api/export?format=GDELT&cameo=1951&actor=SYR")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := 0
	for _, e := range all {
		if e.CAMEO == "1951" && (strings.HasPrefix(e.Source.Code, "SYR") || strings.HasPrefix(e.Target.Code, "SYR")) {
			want++
		}
	}
	if got := strings.Count(string(b), "\n"); resp.StatusCode != http.StatusOK || got != want || want == 0 {
		t.Errorf("filtered gdelt export: status %d, %d rows, want %d", resp.StatusCode, got, want)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if cols := strings.Split(line, "\t"); len(cols) != 61 || cols[26] != "1951" {
			t.Errorf("gdelt row: %d columns, EventCode %q", len(cols), cols[min(26, len(cols)-1)])
		}
	}
}
