package count

import (
	"errors"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sitrep/internal/linefile"
)

func TestDefault(t *testing.T) {
	f := mustDefault(t)
	if g, _ := Default(); g != f {
		t.Error("Default compiled twice")
	}
	for _, tc := range []struct {
		table string
		n     int
	}{{"numbers", len(f.numbers.m)}, {"qualifiers", len(f.quals.m)}, {"stops", len(f.stops.m)}, {"types", len(f.words.m)}} {
		if tc.n == 0 {
			t.Errorf("%s is empty", tc.table)
		}
	}
}

func TestTypes(t *testing.T) {
	for _, typ := range Types() {
		back, err := ParseType(typ.String())
		if err != nil || back != typ {
			t.Errorf("%v: ParseType(%q) = %v, %v", typ, typ.String(), back, err)
		}
	}
	if _, err := ParseType("dead"); !errors.Is(err, ErrType) {
		t.Errorf("ParseType(dead): %v, want ErrType", err)
	}
	if s := Type(0).String(); s != "Type(0)" {
		t.Errorf("Type(0) = %q", s)
	}
}

// withFile returns the embedded files with one replaced.
func withFile(t *testing.T, name, content string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, f := range files {
		data, err := fs.ReadFile(DefaultFS(), f)
		if err != nil {
			t.Fatal(err)
		}
		m[f] = &fstest.MapFile{Data: data}
	}
	m[name] = &fstest.MapFile{Data: []byte(content)}
	return m
}

var positioned = regexp.MustCompile(`^[a-z]+\.txt:[1-9][0-9]*: `)

// TestLoadErrors checks that every bad line is reported at its file and
// line, not only the first.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		file, content string
		want          []string // "line: substring"
	}{
		{"numbers.txt", "unit one 1\nplural two 2\nunit Three 3\nunit four x\nfraction half 2/1\nvague dozens 24\nunit one 1\nunit five 5 6\n",
			[]string{"2: unknown kind", "3: not lower case", "4: bad value", "5: fraction", "6: a vague word has a VALUE and a BASE", "7: already defined", "8: extra fields"}},
		{"qualifiers.txt", "more than => more than\nover\nAbout => about approx\nmore than => over\nsome => approx\n",
			[]string{"2: want PHRASE", "3: not lower case", "4: already defined", "5: no normalized form"}},
		{"stops.txt", "after years\nunits km\nafter Km\nbefore\n",
			[]string{"2: unknown kind", "3: not lower case", "4: no words"}},
		{"types.txt", "verb killed kill\nverb dead kill2\nsmell killed x\nverb - kill3\nhost killed take\nevent killed life with=\nverb killed kill\nplace killed,x in\nverb killed\nverb killed _x\n",
			[]string{"2: unknown type", "3: unknown kind", "4: needs a type", "5: takes no type", "6: with=", "7: already defined", "8: unknown type", "9: want KIND TYPE WORD", "10: not lower case"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, err := Load(withFile(t, tc.file, tc.content))
			if err == nil || f != nil {
				t.Fatalf("Load: %v, %v; want an error and no Finder", f, err)
			}
			var l linefile.List
			if !errors.As(err, &l) {
				t.Fatalf("error %T %v is not a linefile.List", err, err)
			}
			var got []string
			for _, e := range l {
				if !positioned.MatchString(e.Error()) || e.File != tc.file {
					t.Errorf("error %q is not at %s:line", e, tc.file)
				}
				got = append(got, e.Error())
			}
			for _, w := range tc.want {
				line, sub, _ := strings.Cut(w, ": ")
				if !slices.ContainsFunc(got, func(g string) bool {
					return strings.HasPrefix(g, tc.file+":"+line+": ") && strings.Contains(g, sub)
				}) {
					t.Errorf("no error %q in:\n%s", w, err)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("got %d errors, want %d:\n%s", len(got), len(tc.want), err)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	m := withFile(t, "numbers.txt", "")
	delete(m, "types.txt")
	if _, err := Load(m); err == nil || !strings.Contains(err.Error(), "types.txt") {
		t.Errorf("Load without types.txt: %v", err)
	}
}

// TestLoadOverride shows that a replaced file changes what is found.
func TestLoadOverride(t *testing.T) {
	data, err := fs.ReadFile(DefaultFS(), "numbers.txt")
	if err != nil {
		t.Fatal(err)
	}
	numbers := strings.Replace(string(data), "vague dozens 24 12", "vague dozens 36 12", 1)
	f, err := Load(withFile(t, "numbers.txt", numbers))
	if err != nil {
		t.Fatal(err)
	}
	got := f.Find(annotate(t, "Dozens of people were killed."))
	if len(got) != 1 || got[0].Number != 36 {
		t.Errorf("got %+v, want one count of 36", got)
	}
}
