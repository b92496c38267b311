package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/actor"
)

// TestDictLookupJSON checks the guarantees of 'sitrep dict lookup --json':
// one line, the documented fields only, spans that are the text they
// claim, at most one coding applying per entry, and candidates for every
// place.
func TestDictLookupJSON(t *testing.T) {
	for _, text := range []string{
		"Syria's army in Daraa",
		"United Nations deputy spokesman Farhan Haq",
		"Bashar al-Assad",
		"Assad forces shelled Jordan and the Golan Heights",
		"springfield",
		"   ",
	} {
		t.Run(text, func(t *testing.T) {
			stdout, stderr, code := sitrep(t, "", "dict", "lookup", "--json", "--date", "2018-07-05", text)
			if strings.TrimSpace(text) == "" {
				if code != exitUsage {
					t.Errorf("exit %d for an empty TEXT, want %d", code, exitUsage)
				}
				return
			}
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			if strings.Count(stdout, "\n") != 1 || !strings.HasSuffix(stdout, "\n") {
				t.Errorf("not one line of JSON:\n%s", stdout)
			}
			var r lookupResult
			dec := json.NewDecoder(strings.NewReader(stdout))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				t.Fatal(err)
			}
			if r.Text != text || r.Date != "2018-07-05" || r.Actors == nil || r.Places == nil {
				t.Errorf("text %q, date %q, actors %v, places %v", r.Text, r.Date, r.Actors, r.Places)
			}
			span := func(what, got string, start, end int) {
				t.Helper()
				if start < 0 || start >= end || end > len(text) || text[start:end] != got {
					t.Errorf("%s %q at [%d, %d) is not the text there", what, got, start, end)
				}
			}
			for _, a := range r.Actors {
				span("actor", a.Text, a.Start, a.End)
				applies := 0
				for _, c := range a.Codes {
					if c.Applies {
						applies++
						if c.Code != a.Code {
							t.Errorf("actor %q: the applying coding is %s, its code %s", a.Text, c.Code, a.Code)
						}
					}
				}
				if applies > 1 || applies == 0 && a.Code != "" || len(a.Names) == 0 || a.File == "" || a.Line < 1 {
					t.Errorf("actor %+v", a)
				}
			}
			if res := r.Resolved; res != nil {
				span("resolved actor", res.Text, res.Start, res.End)
				if res.Code == "" || len(res.Evidence) == 0 || res.Roles == nil {
					t.Errorf("resolved %+v", res)
				}
			}
			for _, p := range r.Places {
				span("place", p.Text, p.Start, p.End)
				if len(p.Candidates) == 0 {
					t.Errorf("place %q has no candidates", p.Text)
				}
				for _, c := range p.Candidates {
					if c.Name == "" || c.Kind == "" || c.Also == nil || c.Lat < -90 || c.Lat > 90 || c.Lon < -180 || c.Lon > 180 {
						t.Errorf("place %q: candidate %+v", p.Text, c)
					}
				}
			}
		})
	}
}

// TestApplyingCoding checks that the coding lookup marks is the one whose
// code Entry.CodeOn returns.
func TestApplyingCoding(t *testing.T) {
	d, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	days := []actor.Date{19710314, 19900101, 20000620, 20000717, 20180705, 20241207, 20241208, 20260101}
	for _, e := range d.Entries() {
		for _, day := range days {
			i := applyingCoding(e, day)
			code, ok := e.CodeOn(day)
			if ok != (i >= 0) || ok && e.Codings[i].Code != code {
				t.Fatalf("%s:%d on %d: coding %d, CodeOn says %q, %v", e.File, e.Line, day, i, code, ok)
			}
		}
	}
}

// TestDictImportThenCheck converts the PETRARCH test dictionaries (actors,
// agents, verbs) with --out into a folder beside a code table and
// countries, and checks that folder: what import-petrarch writes, check
// accepts.
func TestDictImportThenCheck(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"roles.txt", "codes.txt", "countries.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata/dict/ok", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		in   string
		code int
	}{{"actors.txt", exitFailure}, {"agents.txt", exitOK}, {"verbs.txt", exitFailure}} {
		out := filepath.Join(dir, "petrarch-"+tc.in)
		if tc.in == "verbs.txt" {
			out = filepath.Join(dir, "verbs-petrarch.txt")
		}
		_, stderr, code := sitrep(t, "", "dict", "import-petrarch", "--out", out, filepath.Join("testdata/petrarch", tc.in))
		if code != tc.code {
			t.Errorf("import-petrarch %s: exit %d, want %d\n%s", tc.in, code, tc.code, stderr)
		}
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Errorf("import-petrarch %s wrote nothing: %v", tc.in, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 6 {
		t.Errorf("%d files in the folder, want 6: import-petrarch left temporary files", len(entries))
	}
	stdout, stderr, code := sitrep(t, "", "dict", "check", dir)
	if code != exitOK || !strings.HasPrefix(stdout, dir+": ok: actor dictionary 5 files, 17 entries, ") ||
		!strings.HasSuffix(stdout, "; verbs 1 file, 3 blocks, 6 verbs, 4 patterns\n") {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
}
