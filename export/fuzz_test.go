package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"testing"

	"sitrep/record"
	"sitrep/store"
)

// fuzzEvent builds an event from fuzzed values: any text, codes, dates and
// coordinates, with actors and location present or not.
func fuzzEvent(id, text, code, cameo, date, country string, lat, lon, goldstein float64, flags uint8) store.Event {
	ev := store.Event{Event: record.Event{
		ID: id, Evidence: record.Span{Text: text}, Verb: record.Span{Text: text[:len(text)/2]},
		CAMEO: cameo, Root: cameo[:min(2, len(cameo))], Goldstein: goldstein, Negated: flags&1 != 0,
	}, ID: id, Article: record.Meta{ID: id, URL: text, Source: code}}
	if flags&2 != 0 {
		ev.Source = &record.Actor{Code: code, Text: text}
	}
	if flags&4 != 0 {
		ev.Target = &record.Actor{Code: code + code, Text: text, Country: &country}
	}
	if flags&8 != 0 {
		ev.Date, ev.DatePrecision = &date, &date
		ev.Article.Date = &date
	}
	if flags&16 != 0 {
		ev.Location = &record.Location{Name: text, Country: country, Admin1: text, Lat: lat, Lon: lon, Precision: code, GeonamesID: int(flags)}
	}
	return ev
}

// FuzzWriters writes fuzzed events in every format and checks the
// invariants: no panic, GDELT rows of 61 columns, CSV rows of the header's
// width, one JSON object a PLOVER line, a GeoJSON document that parses,
// and written + skipped = events.
func FuzzWriters(f *testing.F) {
	f.Add("a1-b2", "Troops shelled Daraa.", "SYRMIL", "194", "2024-03-04", "SYR", 32.6, 36.1, -10.0, uint8(0xff))
	f.Add("", "", "", "", "", "", 0.0, 0.0, 0.0, uint8(0))
	f.Add("x\ty", "a\tb\nc\r\"d\",e", "IGOUNOMUS", "1831", "2023-02-29", "USA", 91.0, -181.0, 3.5, uint8(0x1e))
	f.Add("id", "\xff\xfe", "K", "2", "9999-12-31", "ZZZ", math.NaN(), math.Inf(1), math.NaN(), uint8(0x1f))
	f.Fuzz(func(t *testing.T, id, text, code, cameo, date, country string, lat, lon, goldstein float64, flags uint8) {
		ev := fuzzEvent(id, text, code, cameo, date, country, lat, lon, goldstein, flags)
		evs := []store.Event{ev, ev}
		for _, format := range Formats() {
			var b bytes.Buffer
			w, err := NewWriter(format, &b, nil)
			if err != nil {
				t.Fatal(err)
			}
			failed := 0
			for _, e := range evs {
				if err := w.Write(e); err != nil {
					failed++ // only JSON refuses NaN and infinities
					if format != PLOVER && format != GeoJSON {
						t.Fatalf("%s: %v", format, err)
					}
				}
			}
			if err := w.Close(); err != nil {
				t.Fatalf("%s: Close: %v", format, err)
			}
			if w.Written()+w.Skipped()+failed != len(evs) {
				t.Fatalf("%s: written %d + skipped %d + failed %d != %d", format, w.Written(), w.Skipped(), failed, len(evs))
			}
			checkFormat(t, format, b.String(), w.Written())
		}
	})
}

// checkFormat checks the shape of an output holding n events.
func checkFormat(t *testing.T, format Format, out string, n int) {
	t.Helper()
	switch format {
	case GDELT:
		rows := strings.SplitAfter(out, "\n")
		rows = rows[:len(rows)-1] // after the last "\n"
		if len(rows) != n {
			t.Fatalf("gdelt: %d rows for %d events:\n%q", len(rows), n, out)
		}
		for _, r := range rows {
			if c := strings.Count(r, "\t") + 1; c != 61 {
				t.Fatalf("gdelt: %d columns in %q", c, r)
			}
		}
	case CSV, ACLED:
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v\n%q", format, err, out)
		}
		if len(recs) != n+1 {
			t.Fatalf("%s: %d records for %d events", format, len(recs), n)
		}
	case PLOVER:
		lines := strings.SplitAfter(out, "\n")
		lines = lines[:len(lines)-1]
		if len(lines) != n {
			t.Fatalf("plover: %d lines for %d events", len(lines), n)
		}
		for _, l := range lines {
			if !json.Valid([]byte(l)) {
				t.Fatalf("plover: invalid JSON %q", l)
			}
		}
	case GeoJSON:
		var fc struct {
			Type     string            `json:"type"`
			Features []json.RawMessage `json:"features"`
		}
		if err := json.Unmarshal([]byte(out), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != n {
			t.Fatalf("geojson: %v, %d features for %d events:\n%s", err, len(fc.Features), n, out)
		}
	}
}

// generate calls fn with n synthetic events built from the samples, each
// with its own ID, reusing one buffer so that the generator itself holds
// nothing.
func generate(n int, fn func(store.Event) error) error {
	samples := sampleEvents()
	var id []byte
	for i := range n {
		ev := samples[i%len(samples)]
		id = fmt.Appendf(id[:0], "%s-%d", ev.ID, i)
		ev.ID = string(id)
		if err := fn(ev); err != nil {
			return err
		}
	}
	return nil
}

// TestBoundedMemory writes 100,000 events in every format and checks that
// the heap does not grow with them: a writer keeps nothing per event.
func TestBoundedMemory(t *testing.T) {
	const n = 100_000
	if testing.Short() {
		t.Skip("short")
	}
	for _, format := range Formats() {
		w, err := NewWriter(format, io.Discard, nil)
		if err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		generate(1000, w.Write) // warm up: buffers at their size
		runtime.GC()
		runtime.ReadMemStats(&before)
		if err := generate(n, w.Write); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		grown := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		t.Logf("%s: heap %+d bytes after %d events (%.0f allocated bytes/event)", format, grown, n,
			float64(after.TotalAlloc-before.TotalAlloc)/n)
		if grown > 1<<20 {
			t.Errorf("%s: the live heap grew by %d bytes over %d events", format, grown, n)
		}
	}
}

// BenchmarkWrite measures events per second for each format.
func BenchmarkWrite(b *testing.B) {
	for _, format := range Formats() {
		b.Run(string(format), func(b *testing.B) {
			w, err := NewWriter(format, io.Discard, nil)
			if err != nil {
				b.Fatal(err)
			}
			samples := sampleEvents()
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if err := w.Write(samples[i%len(samples)]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// TestAllocsPerEvent pins the allocations of a Write, so that a change that
// keeps something per event shows.
func TestAllocsPerEvent(t *testing.T) {
	samples := sampleEvents()
	for _, tc := range []struct {
		f   Format
		max float64
	}{{GDELT, 8}, {CSV, 40}, {ACLED, 30}, {PLOVER, 20}, {GeoJSON, 10}} {
		w, err := NewWriter(tc.f, io.Discard, nil)
		if err != nil {
			t.Fatal(err)
		}
		i := 0
		allocs := testing.AllocsPerRun(600, func() {
			w.Write(samples[i%len(samples)])
			i++
		})
		t.Logf("%s: %.1f allocations per event", tc.f, allocs)
		if allocs > tc.max {
			t.Errorf("%s: %.1f allocations per event, want at most %.0f", tc.f, allocs, tc.max)
		}
	}
}
