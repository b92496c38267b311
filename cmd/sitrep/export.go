package main

import (
	"fmt"
	"io"

	"sitrep/export"
	"sitrep/store"
)

// exportHelp describes the formats of 'sitrep export --format'.
const exportHelp = `Formats (--format):
  gdelt     GDELT 2.0 Events: 61 tab-separated columns, no header
  plover    PLOVER JSON Lines, one event a line (also: jsonl)
  acled     ACLED-style CSV: only events of an ACLED type, not negated
  geojson   a GeoJSON FeatureCollection of points: only events with a place
  csv       CSV with a header: the main fields of every event`

// exportEvents is the body of 'sitrep export': it writes every event that
// each hands to its callback (store.Store.EachEvent with the command's
// query) in the named format to out, one at a time, and says how many it
// wrote and how many the format could not hold. A bad format is a
// usageError; an error of each or of out stops the export.
func exportEvents(out io.Writer, format string, opt *export.Options, each func(fn func(store.Event) error) error) (written, skipped int, err error) {
	f, err := export.ParseFormat(format)
	if err != nil {
		return 0, 0, &usageError{msg: err.Error()}
	}
	w, err := export.NewWriter(f, out, opt)
	if err != nil {
		return 0, 0, err
	}
	err = each(w.Write)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return w.Written(), w.Skipped(), err
}

// reportExport prints the counts of an export on stderr.
func reportExport(e *env, format string, written, skipped int) {
	if skipped == 0 {
		fmt.Fprintf(e.stderr, "sitrep: %s: %d events written as %s\n", e.name, written, format)
		return
	}
	why := "without an ACLED event type or negated"
	if format == string(export.GeoJSON) {
		why = "without a location"
	}
	fmt.Fprintf(e.stderr, "sitrep: %s: %d events written as %s, %d skipped (%s)\n", e.name, written, format, skipped, why)
}
