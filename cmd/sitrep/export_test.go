package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"sitrep/record"
	"sitrep/store"
)

func TestExportEvents(t *testing.T) {
	date := "2024-03-04"
	evs := []store.Event{
		{Event: record.Event{ID: "a-1", CAMEO: "190", Root: "19", Date: &date,
			Location: &record.Location{Name: "Daraa", Country: "SYR", Lat: 32.6, Lon: 36.1, Precision: "city"}}},
		{Event: record.Event{ID: "a-2", CAMEO: "010", Root: "01"}},
	}
	each := func(fn func(store.Event) error) error {
		for _, ev := range evs {
			if err := fn(ev); err != nil {
				return err
			}
		}
		return nil
	}
	for _, tc := range []struct {
		format           string
		written, skipped int
		lines            int
	}{{"gdelt", 2, 0, 2}, {"jsonl", 2, 0, 2}, {"acled", 1, 1, 2}, {"geojson", 1, 1, 3}, {"CSV", 2, 0, 3}} {
		var out bytes.Buffer
		w, s, err := exportEvents(&out, tc.format, nil, each)
		if err != nil || w != tc.written || s != tc.skipped || strings.Count(out.String(), "\n") != tc.lines {
			t.Errorf("%s: written %d, skipped %d, %v:\n%s", tc.format, w, s, err, out.String())
		}
		var stderr bytes.Buffer
		reportExport(&env{stderr: &stderr, name: "export"}, tc.format, w, s)
		if !strings.HasPrefix(stderr.String(), "sitrep: export: ") {
			t.Errorf("report: %q", stderr.String())
		}
	}
	var ue *usageError
	if _, _, err := exportEvents(&bytes.Buffer{}, "xml", nil, each); !errors.As(err, &ue) {
		t.Errorf("bad format: %v, want a usage error", err)
	}
	stop := errors.New("store failed")
	if _, _, err := exportEvents(&bytes.Buffer{}, "csv", nil, func(func(store.Event) error) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("store error: %v", err)
	}
}
