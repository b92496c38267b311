package timex

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sitrep/internal/linefile"
)

func TestDefault(t *testing.T) {
	r := mustDefault(t)
	if len(r.months) < 24 || len(r.weekdays) < 7 || len(r.parts) == 0 || len(r.units) == 0 {
		t.Errorf("default lists look short: %d month names, %d weekday names, %d parts, %d units",
			len(r.months), len(r.weekdays), len(r.parts), len(r.units))
	}
	if r2, _ := Default(); r2 != r {
		t.Error("Default built a second Resolver")
	}
	// Every embedded file is read, and reading them from DefaultFS gives
	// the same lists.
	for _, name := range dataFiles() {
		if _, err := DefaultFS().Open(name); err != nil {
			t.Errorf("DefaultFS: %v", err)
		}
	}
	if _, err := Load(DefaultFS()); err != nil {
		t.Errorf("Load(DefaultFS()): %v", err)
	}
}

// positioned matches "file:line: message", or "file: message" for a
// problem of the whole file.
var positioned = regexp.MustCompile(`^[a-z]+\.txt(:[1-9][0-9]*)?: `)

// errorsHaveFileLine fails unless err is a linefile.List whose every error
// is positioned.
func errorsHaveFileLine(t *testing.T, err error) linefile.List {
	t.Helper()
	var l linefile.List
	if !errors.As(err, &l) {
		t.Fatalf("error %v is not a linefile.List", err)
	}
	for _, e := range l {
		if !positioned.MatchString(e.Error()) {
			t.Errorf("error %q does not read file:line: message", e.Error())
		}
	}
	return l
}

func TestLoadErrors(t *testing.T) {
	fsys := fstest.MapFS{
		MonthsFile: {Data: []byte("1 January\n13 Smarch\n1 Jan\n2 January\n" +
			"3 March\n4 April\n5 May\n6 June\n7 July\n8 August\n9 September\n10 October\n11 November\n")},
		NumbersFile:    {Data: []byte("two 2\nthree x\ntwo 3\n")},
		UnitsFile:      {Data: []byte("day day 1\nweeks fortnight 2\n")},
		QualifiersFile: {Data: []byte("on | prep\nabout | vague\n# a comment\nin | prep year\nin | approx\nearly\n")},
		PhrasesFile: {Data: []byte("yesterday | day -1\ntoday | day zero\nlast night | day -1 dusk\n" +
			"9/11 | 2001-09-31 day\n9/12 | 2001-09-12 week\nfoo | week 1 night\n")},
		FutureFile: {Data: []byte("will aux\nwould maybe\n")},
	}
	r, err := Load(fsys)
	if r != nil || err == nil {
		t.Fatalf("Load = %v, %v; want an error", r, err)
	}
	l := errorsHaveFileLine(t, err)
	var got []string
	for _, e := range l {
		got = append(got, e.File+":"+itoa(e.Line))
	}
	want := []string{
		"future.txt:2",
		"months.txt:0", // December has no names
		"months.txt:2", "months.txt:3", "months.txt:4",
		"numbers.txt:2", "numbers.txt:3",
		"phrases.txt:2", "phrases.txt:3", "phrases.txt:4", "phrases.txt:5", "phrases.txt:6",
		"qualifiers.txt:2", "qualifiers.txt:5", "qualifiers.txt:6",
		"units.txt:2",
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors at %v\nwant %v\n%v", got, want, err)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestLoadOverride replaces one file; the others come from the embedded
// data.
func TestLoadOverride(t *testing.T) {
	phrases := "the other day | day -3 approx\nyesterday | day -1\n"
	r, err := Load(fstest.MapFS{PhrasesFile: {Data: []byte(phrases)}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range r.Find(parse(t, "I met him the other day, and last week, on Monday."), thursday) {
		got = append(got, e.String())
	}
	// "last week" is gone with the default phrases; "last" is still a
	// qualifier of weekdays, from the default qualifiers.txt.
	want := []string{"the other day | 2018-07-02 day approx", "on Monday | 2018-07-02 day"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := LoadDir(t.TempDir()); err != nil {
		t.Errorf("LoadDir of an empty directory: %v", err)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add("yesterday | day -1\n", "on | prep\n", "a 1\n")
	f.Add("9/11 | 2001-09-11 day\nx | skip\n", "the end of | period\n", "a few 3 approx\n")
	f.Add("a | weekend 99999999999\n|\n", "x | part\n|", "\xff 1\n")
	f.Add("a b c | day 0 night anchor! future approx\n", "last | last\n", "2 2\n")
	f.Fuzz(func(t *testing.T, phrases, quals, numbers string) {
		r, err := Load(fstest.MapFS{
			PhrasesFile:    {Data: []byte(phrases)},
			QualifiersFile: {Data: []byte(quals)},
			NumbersFile:    {Data: []byte(numbers)},
		})
		if err != nil {
			if r != nil {
				t.Error("a Resolver and an error")
			}
			errorsHaveFileLine(t, err)
			return
		}
		// A loaded Resolver runs on its own phrases.
		text := strings.NewReplacer("|", " ", "\n", " ").Replace(phrases + " " + quals + " on Monday")
		checkInvariants(t, r, text, thursday)
	})
}
