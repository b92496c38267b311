package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sitrep/samples"
)

// TestDemo runs 'sitrep demo --addr 127.0.0.1:0' as the README does: it
// prints the real URL, and the API and the web view answer there with the
// sample corpus ingested.
func TestDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var stderr strings.Builder
	go func() {
		done <- run(ctx, []string{"demo", "--addr", "127.0.0.1:0"}, nil, pw, &stderr)
		pw.Close()
	}()
	url := ""
	sc := bufio.NewScanner(pr)
	re := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)
	deadline := time.AfterFunc(2*time.Minute, cancel)
	defer deadline.Stop()
	for sc.Scan() {
		if m := re.FindString(sc.Text()); m != "" {
			url = m
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if url == "" {
		t.Fatalf("no URL printed; stderr:\n%s", stderr.String())
	}
	var stats struct{ Total int }
	getJSON(t, url+"/api/stats", &stats)
	if stats.Total < 500 {
		t.Errorf("/api/stats: %d events, want the demo corpus's hundreds", stats.Total)
	}
	var page struct {
		Events []struct {
			ID          string `json:"id"`
			NumArticles int    `json:"num_articles"`
		} `json:"events"`
		Next *string `json:"next"`
	}
	getJSON(t, url+"/api/events?actor=SYR&root=19&limit=5", &page)
	if len(page.Events) != 5 || page.Next == nil {
		t.Errorf("/api/events: %d events, next %v", len(page.Events), page.Next)
	}
	resp, err := http.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "<html") {
		t.Errorf("/: status %d, %d bytes", resp.StatusCode, len(body))
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("demo exited %d: %s", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Error("demo did not stop")
	}
	if !strings.Contains(stderr.String(), "78 articles read: 78 added") {
		t.Errorf("no ingest summary on stderr:\n%s", stderr.String())
	}
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("%s: %d %s", url, resp.StatusCode, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

// TestExportFormats ingests the demo corpus and exports it in every
// format: GDELT rows of 61 columns, GeoJSON that parses as a
// FeatureCollection of points, CSVs that parse; bad flags are usage
// errors.
func TestExportFormats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	var corpus strings.Builder
	io.Copy(&corpus, samples.Demo())
	if _, errs, code := sitrep(t, corpus.String(), "ingest", "--db", db, "--json", "-"); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	out, errs, code := sitrep(t, "", "export", "--db", db, "--format", "gdelt", "--actor", "SYR")
	if code != 0 {
		t.Fatalf("gdelt: %d %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 20 {
		t.Errorf("gdelt: %d rows for SYR", len(lines))
	}
	for i, l := range lines {
		if n := len(strings.Split(l, "\t")); n != 61 {
			t.Fatalf("gdelt row %d: %d columns", i+1, n)
		}
	}
	out, errs, code = sitrep(t, "", "export", "--db", db, "--format", "geojson")
	if code != 0 {
		t.Fatalf("geojson: %d %s", code, errs)
	}
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			Geometry struct {
				Type        string
				Coordinates []float64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		t.Fatalf("geojson: %v, type %q, %d features", err, fc.Type, len(fc.Features))
	}
	for _, f := range fc.Features {
		c := f.Geometry.Coordinates
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(c) != 2 || c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90 {
			t.Fatalf("bad feature %+v", f)
		}
	}
	for _, f := range []string{"csv", "acled"} {
		out, errs, code = sitrep(t, "", "export", "--db", db, "--format", f, "--from", "2018-01-01", "--to", "2018-12-31")
		if code != 0 {
			t.Fatalf("%s: %d %s", f, code, errs)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Errorf("%s: %d rows, %v", f, len(rows), err)
		}
	}
	plover := filepath.Join(t.TempDir(), "p.jsonl")
	if _, errs, code := sitrep(t, "", "export", "--db", db, "--format", "plover", "--out", plover); code != 0 {
		t.Fatalf("plover: %d %s", code, errs)
	}
	if b, err := os.ReadFile(plover); err != nil || !json.Valid([]byte(strings.SplitN(string(b), "\n", 2)[0])) {
		t.Errorf("plover file: %v", err)
	}
	for _, bad := range [][]string{{"--format", "xml"}, {"--bbox", "1,2,3"}} {
		if _, _, code := sitrep(t, "", append([]string{"export", "--db", db}, bad...)...); code != exitUsage {
			t.Errorf("export %v: exit %d, want %d", bad, code, exitUsage)
		}
	}
}
