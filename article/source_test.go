package article

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fixedNow is the reference time of the tests: datelines without a year
// read against it when the input has no modification time.
func fixedNow() time.Time { return time.Date(2018, 7, 20, 0, 0, 0, 0, time.UTC) }

// summarize lists what a sequence yielded, one line each: an article as
// "origin | title | date (how) | url | source", an error as "! message".
// Dates from file times are shown as "(file)" alone, since checkouts set
// them.
func summarize(t *testing.T, seq func(func(*Article, error) bool)) []string {
	t.Helper()
	var got []string
	for a, err := range seq {
		if err != nil {
			got = append(got, "! "+err.Error())
			continue
		}
		if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Text) {
			t.Errorf("%s: invalid UTF-8", a.Origin)
		}
		if a.ID != ContentID(a.Title, a.Text) {
			t.Errorf("%s: ID %s is not the content hash", a.Origin, a.ID)
		}
		date := "-"
		switch {
		case a.DateFrom == DateFileTime:
			date = "(file)"
		case !a.Date.IsZero():
			date = a.Date.Format(time.RFC3339) + " (" + string(a.DateFrom) + ")"
		}
		got = append(got, strings.Join([]string{a.Origin, a.Title, date, a.URL, a.Source}, " | "))
	}
	return got
}

func check(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOpenFormats(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"text with dateline", "testdata/corpus/wire/dateline.txt", []string{
			"testdata/corpus/wire/dateline.txt | Rebels agree to hand over heavy weapons | DATELINE |  | "}},
		{"text without date", "testdata/corpus/wire/undated.txt", []string{
			"testdata/corpus/wire/undated.txt | Shelling continues near the border | (file) |  | "}},
		{"html", "testdata/corpus/page.html", []string{
			"testdata/corpus/page.html | Jordan delivers aid to Syrian refugees | 2018-07-06T09:30:00Z (metadata) |  | Example Wire"}},
		{"json array", "testdata/corpus/array.json", []string{
			"testdata/corpus/array.json:2 | Airstrikes hit Idlib | 2019-05-06T08:00:00Z (metadata) | https://example.org/idlib | Example Wire",
			"testdata/corpus/array.json:3 | Talks in Astana | 2019-05-07T10:00:00Z (metadata) |  | ",
			`! testdata/corpus/array.json:4: item 3: field "title": want a string, got a number`,
			`! testdata/corpus/array.json:5: item 4: warning: field "date": "sometime in May" is not a date: want YYYY-MM-DD, RFC 3339 or RFC 1123`,
			"testdata/corpus/array.json:5 | Bad date | - |  | ",
		}},
		{"json object", "testdata/corpus/object.json", []string{
			"testdata/corpus/object.json | UN envoy meets opposition | 2018-07-10T00:00:00Z (metadata) | https://example.org/geneva | "}},
		{"json lines", "testdata/corpus/lines.jsonl", []string{
			"testdata/corpus/lines.jsonl:1 | Truce holds | 2018-07-08T00:00:00Z (metadata) |  | Example Wire",
			"! testdata/corpus/lines.jsonl:2: unexpected end of JSON input",
			`! testdata/corpus/lines.jsonl:4: article: empty: no title or text (fields: "titel", "txt")`,
			"testdata/corpus/lines.jsonl:5 |  | 2018-07-09T00:00:00Z (dateline) |  | ",
		}},
		{"rss file", "testdata/corpus/feed.rss", []string{
			"testdata/corpus/feed.rss#1 | Ceasefire declared in the south | 2018-07-07T12:00:00Z (metadata) | https://example.org/ceasefire | Example Wire: World",
			"testdata/corpus/feed.rss#2 | Aid convoy reaches Douma | - | https://example.org/douma | Example Wire: World",
		}},
		{"latin-1", "testdata/bad/latin1.txt", []string{
			"! testdata/bad/latin1.txt: warning: not UTF-8: read as Windows-1252",
			"testdata/bad/latin1.txt | Café bomb | (file) |  | "}},
		{"utf-16", "testdata/bad/utf16.txt", []string{
			"! testdata/bad/utf16.txt: warning: decoded from UTF-16",
			"testdata/bad/utf16.txt | UN talks | (file) |  | "}},
		{"empty", "testdata/bad/empty.txt", []string{"! testdata/bad/empty.txt: article: empty"}},
		{"binary", "testdata/bad/binary.txt", []string{"! testdata/bad/binary.txt: article: binary data, not text"}},
		{"missing", "testdata/bad/missing.txt", []string{"! testdata/bad/missing.txt: no such file or directory"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := summarize(t, Open(context.Background(), tc.src, &Options{Now: fixedNow}))
			for i := range tc.want {
				tc.want[i] = strings.Replace(tc.want[i], "DATELINE", fmt.Sprintf("%d-07-05T00:00:00Z (dateline)", fileYear(t, tc.src)), 1)
			}
			check(t, got, tc.want)
		})
	}
}

// fileYear returns the year a dateline without one takes in path: the
// year of its modification time, or the one before when July 5 is later.
func fileYear(t *testing.T, path string) int {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	d, _ := yearFor(time.July, 5, fi.ModTime())
	return d.Year()
}

func TestOpenHTMLText(t *testing.T) {
	for a, err := range Open(context.Background(), "testdata/corpus/page.html", nil) {
		if err != nil {
			t.Fatal(err)
		}
		paras := strings.Split(a.Text, "\n\n")
		if len(paras) < 3 || !strings.HasPrefix(paras[len(paras)-3], "Jordan delivered food") ||
			strings.Contains(a.Text, "Home") || strings.Contains(a.Text, "Copyright") {
			t.Errorf("text:\n%s", a.Text)
		}
	}
}

func TestWalkDirectory(t *testing.T) {
	var origins []string
	for a, err := range Walk(context.Background(), []string{"testdata/corpus"}, &Options{Now: fixedNow}) {
		if err != nil {
			origins = append(origins, "!")
			continue
		}
		origins = append(origins, filepath.ToSlash(a.Origin))
	}
	want := "testdata/corpus/array.json:2 testdata/corpus/array.json:3 ! ! testdata/corpus/array.json:5 " +
		"testdata/corpus/feed.rss#1 testdata/corpus/feed.rss#2 " +
		"testdata/corpus/lines.jsonl:1 ! ! testdata/corpus/lines.jsonl:5 " +
		"testdata/corpus/object.json testdata/corpus/page.html " +
		"testdata/corpus/wire/dateline.txt testdata/corpus/wire/undated.txt"
	if got := strings.Join(origins, " "); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestOpenStdin(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"text", "Title\n\nBody text.\n", "stdin | Title | - |  | "},
		{"jsonl", "\n {\"title\":\"T\",\"text\":\"x\"}\n{\"text\":\"y\"}\n", "stdin:2 | T | - |  |  ;; stdin:3 |  | - |  | "},
		{"json object", "{\n \"title\": \"T\",\n \"text\": \"x\"\n}\n", "stdin | T | - |  | "},
		{"json array", "[{\"title\":\"T\",\"text\":\"x\"}]", "stdin:1 | T | - |  | "},
		{"html", "<!DOCTYPE html><html><head><title>Page</title></head><body><p>" + strings.Repeat("Words of the page. ", 30) + "</p></body></html>",
			"stdin | Page | - |  | "},
		{"feed", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><entry><id>1</id><title>E</title><summary>S</summary></entry></feed>",
			"stdin#1 | E | - |  | F"},
		{"empty", "", "! stdin: article: empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := summarize(t, Open(context.Background(), "-", &Options{Stdin: strings.NewReader(tc.in), Now: fixedNow}))
			if g := strings.Join(got, " ;; "); g != tc.want {
				t.Errorf("got  %q\nwant %q", g, tc.want)
			}
		})
	}
}

func TestOpenTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	// A sparse 50 MB file: the size is refused before anything is read.
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	lines := filepath.Join(dir, "big.jsonl")
	data := `{"text":"small"}` + "\n" + `{"text":"` + strings.Repeat("x", 2000) + `"}` + "\n" + `{"text":"after"}` + "\n"
	if err := os.WriteFile(lines, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	for a, err := range Walk(context.Background(), []string{big, lines}, &Options{MaxSize: 1000, NoFileTime: true}) {
		var se *SizeError
		switch {
		case errors.As(err, &se):
			got = append(got, strings.TrimPrefix(err.Error(), dir+string(filepath.Separator)))
		case err != nil:
			t.Error(err)
		default:
			got = append(got, filepath.Base(a.Origin))
		}
	}
	check(t, got, []string{
		"big.txt: article: too large: 50.0 MiB, over the limit of 1000 bytes (Options.MaxSize)",
		"big.jsonl:1",
		"big.jsonl:2: article: too large: 2011 bytes, over the limit of 1000 bytes (Options.MaxSize)",
		"big.jsonl:3",
	})
	for _, err := range Open(context.Background(), big, nil) {
		if err == nil || !strings.Contains(err.Error(), "50.0 MiB, over the limit of 10.0 MiB") {
			t.Errorf("default limit: %v", err)
		}
	}
}

func TestSettleDateOrder(t *testing.T) {
	mtime := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	def := time.Date(2019, 9, 9, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		a    Article
		opts Options
		want string
	}{
		{"metadata wins", Article{Text: "BEIRUT, 2018-07-09 - x", Date: def, DateFrom: DateMetadata}, Options{}, "2019-09-09 metadata"},
		{"dateline", Article{Text: "BEIRUT, 2018-07-09 - x"}, Options{Date: def}, "2018-07-09 dateline"},
		{"default", Article{Text: "no date"}, Options{Date: def}, "2019-09-09 default"},
		{"file", Article{Text: "no date"}, Options{}, "2020-01-02 file"},
		{"no file time", Article{Text: "no date"}, Options{NoFileTime: true}, "0001-01-01 "},
		{"yearless against file time", Article{Text: "KABUL, Dec. 30 (AP) - x"}, Options{}, "2019-12-30 dateline"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newReader(&tc.opts)
			a := tc.a
			r.settleDate(&a, mtime)
			if got := a.Date.Format(time.DateOnly) + " " + string(a.DateFrom); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
