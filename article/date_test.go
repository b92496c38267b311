package article

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFindDateline(t *testing.T) {
	ref := time.Date(2018, 7, 20, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ text, want, span string }{
		{"Title\n\nDAMASCUS, July 5 (Reuters) - Rebels agreed.", "2018-07-05", "July 5"},
		{"KABUL, Afghanistan, Dec. 30 (AP) — x", "2017-12-30", "Dec. 30"},
		{"Title\n\nBEIRUT, 5 July — x", "2018-07-05", "5 July"},
		{"Posted July 5, 2018 by staff", "2018-07-05", "July 5, 2018"},
		{"Updated 2018-07-05 10:00", "2018-07-05", "2018-07-05"},
		{"On 5th July 2016 the talks began.", "2016-07-05", "5th July 2016"},
		{"Talks will be held on July 25 in Geneva.", "", ""},         // no year, not a dateline
		{"ROME, February 30 (Reuters) - x", "", ""},                  // no such day
		{"The 1800-01-01 date and May 1, 1850 are too old.", "", ""}, // out of range
		{"may 5 people gathered", "", ""},
		{strings.Repeat("x ", 400) + "July 5, 2018", "", ""}, // past the opening
	} {
		d, ok := FindDateline(tc.text, ref)
		got := ""
		if ok {
			got = d.Date.Format(time.DateOnly)
		}
		if got != tc.want || ok && tc.text[d.Start:d.End] != tc.span {
			t.Errorf("%.40q: got %s %q, want %s %q", tc.text, got, tc.text[d.Start:d.End], tc.want, tc.span)
		}
	}
	if _, ok := FindDateline("DAMASCUS, July 5 (Reuters) - x", time.Time{}); ok {
		t.Error("a date without a year found with no reference time")
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2018-07-05":                     "2018-07-05T00:00:00Z",
		"2018-07-05T10:00:00+02:00":      "2018-07-05T08:00:00Z",
		"Thu, 05 Jul 2018 10:00:00 GMT":  "2018-07-05T10:00:00Z",
		"Thu, 5 Jul 2018 10:00:00 +0100": "2018-07-05T09:00:00Z",
		"July 5, 2018":                   "2018-07-05T00:00:00Z",
		"5 July 2018":                    "2018-07-05T00:00:00Z",
		"July 5":                         "error",
		"0001-01-01":                     "error",
	} {
		d, err := ParseDate(in)
		got := "error"
		if err == nil {
			got = d.Format(time.RFC3339)
		}
		if got != want {
			t.Errorf("ParseDate(%q) = %s, want %s", in, got, want)
		}
	}
}

func FuzzFindDateline(f *testing.F) {
	for _, s := range []string{"DAMASCUS, July 5 (Reuters) - x", "July 5, 2018", "2018-07-05", "5th Sept. 2019", "\xff May 31 —", ""} {
		f.Add(s)
	}
	ref := time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		d, ok := FindDateline(text, ref)
		if !ok {
			return
		}
		if d.Start < 0 || d.Start > d.End || d.End > len(text) || d.End > datelineWindow {
			t.Fatalf("span %d:%d of %d bytes", d.Start, d.End, len(text))
		}
		if y := d.Date.Year(); y < minYear || y > maxYear || d.Date.Location() != time.UTC || d.Date.Hour() != 0 {
			t.Fatalf("date %v", d.Date)
		}
		if !d.YearGiven && d.Date.After(ref.AddDate(0, 0, 2)) {
			t.Fatalf("date %v after the reference", d.Date)
		}
		d2, _ := FindDateline(text, ref)
		if d2 != d {
			t.Fatal("not deterministic")
		}
	})
}

func FuzzJSONLReader(f *testing.F) {
	for _, s := range []string{
		`{"title":"A","text":"x","date":"2018-07-05"}` + "\n" + `not json` + "\n" + `{"body":"b","pubDate":"bad"}`,
		"{\"text\":\"caf\xe9\"}\n\n{}\n[1]\n{\"title\":7}",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ids := map[string]string{}
		for range 2 {
			r := NewJSONLReader(bytes.NewReader(data), "in.jsonl")
			r.MaxLine = 1 << 10
			for n := 0; ; n++ {
				if n > len(data)+2 {
					t.Fatal("the reader does not end")
				}
				a, err := r.Read()
				if err != nil {
					if !strings.HasPrefix(err.Error(), "in.jsonl") {
						if err.Error() == "EOF" {
							break
						}
						t.Fatalf("error without its input: %v", err)
					}
					continue
				}
				if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Text) || !utf8.ValidString(a.URL) || !utf8.ValidString(a.Source) {
					t.Fatalf("invalid UTF-8 in %+v", a)
				}
				if a.ID != ContentID(a.Title, a.Text) {
					t.Fatal("ID is not the content hash")
				}
				if prev, ok := ids[a.Origin]; ok && prev != a.ID {
					t.Fatalf("%s: ID %s then %s", a.Origin, prev, a.ID)
				}
				ids[a.Origin] = a.ID
			}
		}
	})
}
