package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"sitrep/geo"
	"sitrep/record"
	"sitrep/store"
)

var goldenExt = map[Format]string{GDELT: "tsv", PLOVER: "jsonl", ACLED: "acled.csv", GeoJSON: "geojson", CSV: "csv"}

// gazetteer is the embedded gazetteer, which gives GDELT its ADM1 codes.
var gazetteer = sync.OnceValues(geo.Default)

// export writes evs in format f and returns the output and the writer.
func export(t testing.TB, f Format, opt *Options, evs []store.Event) (string, Writer) {
	t.Helper()
	var b bytes.Buffer
	w, err := NewWriter(f, &b, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if err := w.Write(ev); err != nil {
			t.Fatalf("Write(%s): %v", ev.ID, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String(), w
}

func TestGolden(t *testing.T) {
	g, err := gazetteer()
	if err != nil {
		t.Fatal(err)
	}
	opt := &Options{Gazetteer: g, Fatalities: func(ev *store.Event) int64 {
		if ev.CAMEO == "194" {
			return 3 // as a linked "killed" count would give
		}
		return 0
	}}
	for _, f := range Formats() {
		t.Run(string(f), func(t *testing.T) {
			have, w := export(t, f, opt, sampleEvents())
			path := filepath.Join("testdata", "golden."+goldenExt[f])
			if *update {
				if err := os.WriteFile(path, []byte(have), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if have != string(want) {
				t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, have)
			}
			if n := w.Written() + w.Skipped(); n != len(sampleEvents()) {
				t.Errorf("written %d + skipped %d != %d events", w.Written(), w.Skipped(), len(sampleEvents()))
			}
		})
	}
}

func TestSkipped(t *testing.T) {
	for _, tc := range []struct {
		f                Format
		written, skipped int
	}{{GDELT, 6, 0}, {PLOVER, 6, 0}, {CSV, 6, 0}, {GeoJSON, 5, 1}, {ACLED, 4, 2}} {
		_, w := export(t, tc.f, nil, sampleEvents())
		if w.Written() != tc.written || w.Skipped() != tc.skipped {
			t.Errorf("%s: written %d, skipped %d; want %d, %d", tc.f, w.Written(), w.Skipped(), tc.written, tc.skipped)
		}
	}
}

// TestGDELTColumns checks every row for the 61 columns and the values of
// the columns named in GDELTColumns.
func TestGDELTColumns(t *testing.T) {
	if len(GDELTColumns) != 61 {
		t.Fatalf("%d column names", len(GDELTColumns))
	}
	out, _ := export(t, GDELT, nil, sampleEvents())
	rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(rows) != len(sampleEvents()) {
		t.Fatalf("%d rows for %d events", len(rows), len(sampleEvents()))
	}
	col := map[string]int{}
	for i, name := range GDELTColumns {
		col[name] = i
	}
	for i, row := range rows {
		f := strings.Split(row, "\t")
		if len(f) != 61 {
			t.Fatalf("row %d has %d columns", i, len(f))
		}
		get := func(name string) string {
			j, ok := col[name]
			if !ok {
				t.Fatalf("no column %s", name)
			}
			return f[j]
		}
		if n, err := strconv.ParseInt(get("GLOBALEVENTID"), 10, 64); err != nil || n <= 0 {
			t.Errorf("row %d: GLOBALEVENTID %q", i, get("GLOBALEVENTID"))
		}
		if len(get("SOURCEURL")) > 0 && !strings.HasPrefix(get("SOURCEURL"), "https://") {
			t.Errorf("row %d: SOURCEURL %q", i, get("SOURCEURL"))
		}
	}
	first := strings.Split(rows[0], "\t")
	for name, want := range map[string]string{
		"SQLDATE": "20240304", "MonthYear": "202403", "Year": "2024", "FractionDate": "2024.1721",
		"Actor1Code": "SYRMIL", "Actor1Name": "SYRIAN GOVERNMENT FORCES", "Actor1CountryCode": "SYR", "Actor1Type1Code": "MIL",
		"Actor2Code": "SYRREB", "Actor2Type1Code": "REB", "IsRootEvent": "1",
		"EventCode": "194", "EventBaseCode": "194", "EventRootCode": "19", "QuadClass": "4", "GoldsteinScale": "-10.0",
		"NumMentions": "4", "NumSources": "3", "NumArticles": "4", "AvgTone": "0",
		"Actor1Geo_Type": "0", "Actor2Geo_Type": "0",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Dar‘ā, Daraa Governorate, Syria", "ActionGeo_CountryCode": "SY",
		"ActionGeo_ADM1Code": "SY", "ActionGeo_Lat": "32.6189", "ActionGeo_Long": "36.1021", "ActionGeo_FeatureID": "170905",
		"DATEADDED": "20240305000000", "SOURCEURL": "https://example.org/daraa",
	} {
		if have := first[col[name]]; have != want {
			t.Errorf("%s = %q, want %q", name, have, want)
		}
	}
}

func TestGDELTActorSplit(t *testing.T) {
	tb, err := DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code string
		want actorParts
	}{
		{"SYRGOV", actorParts{Country: "SYR", Types: [3]string{"GOV"}}},
		{"IGOUNO", actorParts{KnownGroup: "UNO", Types: [3]string{"IGO"}}},
		{"SYRREBMUS", actorParts{Country: "SYR", Religion: [2]string{"MUS"}, Types: [3]string{"REB"}}},
		{"MUS", actorParts{Country: "MUS"}},
		{"KURUAF", actorParts{Ethnic: "KUR", Types: [3]string{"UAF"}}},
		{"USAGOVHLHMIL", actorParts{Country: "USA", Types: [3]string{"GOV", "HLH", "MIL"}}},
		{"REB", actorParts{Types: [3]string{"REB"}}},
		{"MEA", actorParts{Country: "MEA"}},
		{"SY", actorParts{}},
		{"", actorParts{}},
	} {
		if have := tb.split(&record.Actor{Code: tc.code}); have != tc.want {
			t.Errorf("split(%q) = %+v, want %+v", tc.code, have, tc.want)
		}
	}
	if have := tb.split(nil); have != (actorParts{}) {
		t.Errorf("split(nil) = %+v", have)
	}
}

// TestGeoJSON parses the output and checks the RFC 7946 structure.
func TestGeoJSON(t *testing.T) {
	evs := sampleEvents()
	out, _ := export(t, GeoJSON, nil, evs)
	checkGeoJSON(t, out, 5)
	empty, w := export(t, GeoJSON, nil, nil)
	checkGeoJSON(t, empty, 0)
	if w.Written() != 0 || w.Skipped() != 0 {
		t.Errorf("empty: written %d, skipped %d", w.Written(), w.Skipped())
	}
	bad := evs[0]
	loc := *bad.Location
	loc.Lat, loc.Lon = 91, math.NaN()
	bad.Location = &loc
	out, w = export(t, GeoJSON, nil, []store.Event{bad, evs[0]})
	checkGeoJSON(t, out, 1)
	if w.Skipped() != 1 {
		t.Errorf("a point out of range was not skipped")
	}
}

func checkGeoJSON(t *testing.T, out string, features int) {
	t.Helper()
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			ID       string `json:"id"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fc); err != nil {
		t.Fatalf("not a FeatureCollection: %v\n%s", err, out)
	}
	if dec.More() {
		t.Errorf("data after the FeatureCollection")
	}
	if fc.Type != "FeatureCollection" || fc.Features == nil {
		t.Fatalf("type %q, features %v", fc.Type, fc.Features)
	}
	if len(fc.Features) != features {
		t.Errorf("%d features, want %d", len(fc.Features), features)
	}
	for i, f := range fc.Features {
		c := f.Geometry.Coordinates
		switch {
		case f.Type != "Feature" || f.ID == "":
			t.Errorf("feature %d: type %q, id %q", i, f.Type, f.ID)
		case f.Geometry.Type != "Point" || len(c) != 2:
			t.Errorf("feature %d: geometry %+v", i, f.Geometry)
		case c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90:
			t.Errorf("feature %d: coordinates %v out of range", i, c)
		case f.Properties == nil || f.Properties["cameo"] == nil || f.Properties["evidence"] == nil:
			t.Errorf("feature %d: properties %v", i, f.Properties)
		}
	}
}

// TestCSVRoundTrip reads the plain and ACLED CSV back with encoding/csv.
func TestCSVRoundTrip(t *testing.T) {
	evs := sampleEvents()
	for _, tc := range []struct {
		f       Format
		columns []string
		rows    int
	}{{CSV, CSVColumns, 6}, {ACLED, ACLEDColumns, 4}} {
		out, _ := export(t, tc.f, nil, evs)
		r := csv.NewReader(strings.NewReader(out))
		recs, err := r.ReadAll() // also checks that every row has the header's width
		if err != nil {
			t.Fatalf("%s: %v", tc.f, err)
		}
		if !slices.Equal(recs[0], tc.columns) {
			t.Errorf("%s: header %v", tc.f, recs[0])
		}
		if len(recs)-1 != tc.rows {
			t.Errorf("%s: %d rows, want %d", tc.f, len(recs)-1, tc.rows)
		}
	}
	out, _ := export(t, CSV, nil, evs)
	recs, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	for i, ev := range evs {
		r := recs[i+1]
		if r[0] != ev.ID || r[25] != ev.Evidence.Text || r[34] != ev.Article.URL || r[33] != ev.Article.Source {
			t.Errorf("row %d does not round-trip: %q", i, r)
		}
	}
	empty, _ := export(t, CSV, nil, nil)
	if empty != strings.Join(CSVColumns, ",")+"\n" {
		t.Errorf("no events: %q, want the header", empty)
	}
}

func TestPLOVER(t *testing.T) {
	out, _ := export(t, PLOVER, nil, sampleEvents())
	sc := bufio.NewScanner(strings.NewReader(out))
	n := 0
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		for _, k := range []string{"id", "date", "event_type", "mode", "context", "actor", "recipient", "location", "text", "cameo"} {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d lacks %q", n+1, k)
			}
		}
		n++
	}
	if n != 6 {
		t.Errorf("%d lines", n)
	}
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

var errFull = errors.New("disk full")

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

func TestWriteErrors(t *testing.T) {
	ev := sampleEvents()[0]
	for _, f := range Formats() {
		w, err := NewWriter(f, &failWriter{n: 10}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var werr error
		for range 2000 { // more than the buffer holds
			if werr = w.Write(ev); werr != nil {
				break
			}
		}
		cerr := w.Close()
		if !errors.Is(werr, errFull) && !errors.Is(cerr, errFull) {
			t.Errorf("%s: Write %v, Close %v; want %v", f, werr, cerr, errFull)
		}
		if err := w.Write(ev); err == nil {
			t.Errorf("%s: Write after a failure and Close succeeded", f)
		}
	}
	w, _ := NewWriter(CSV, io.Discard, nil)
	w.Close()
	if err := w.Write(ev); !errors.Is(err, ErrClosed) {
		t.Errorf("Write after Close: %v", err)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats() {
		if have, err := ParseFormat(strings.ToUpper(string(f))); err != nil || have != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, have, err)
		}
	}
	if _, err := ParseFormat("xml"); !errors.Is(err, ErrFormat) {
		t.Errorf("ParseFormat(xml): %v", err)
	}
	if _, err := NewWriter("xml", io.Discard, nil); !errors.Is(err, ErrFormat) {
		t.Errorf("NewWriter(xml): %v", err)
	}
}

func TestNumericID(t *testing.T) {
	seen := map[int64]string{}
	for _, ev := range sampleEvents() {
		n := NumericID(ev.ID)
		if n <= 0 || NumericID(ev.ID) != n {
			t.Errorf("NumericID(%q) = %d", ev.ID, n)
		}
		if o, dup := seen[n]; dup {
			t.Errorf("%q and %q collide", o, ev.ID)
		}
		seen[n] = ev.ID
	}
}

func TestDay(t *testing.T) {
	for _, tc := range []struct {
		s    string
		ok   bool
		yday int
		unix int64
	}{
		{"1970-01-01", true, 1, 0}, {"2024-03-04", true, 64, 1709510400}, {"2000-12-31", true, 366, 978220800},
		{"2023-02-29", false, 0, 0}, {"2024-13-01", false, 0, 0}, {"2024-3-4", false, 0, 0}, {"", false, 0, 0},
		{"abcd-ef-gh", false, 0, 0},
	} {
		d := parseDay(&tc.s)
		if d.ok != tc.ok || d.ok && (d.yday() != tc.yday || d.unix() != tc.unix) {
			t.Errorf("parseDay(%q) = %+v (yday %d, unix %d); want ok %v, %d, %d", tc.s, d, d.yday(), d.unix(), tc.ok, tc.yday, tc.unix)
		}
	}
	if parseDay(nil).ok {
		t.Error("parseDay(nil) ok")
	}
}
