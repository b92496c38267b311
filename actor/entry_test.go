package actor

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/linefile"
)

func TestParseEntry(t *testing.T) {
	tests := []struct {
		name, line string
		names      []string
		codings    []Coding
		err        string
	}{
		{"country", "Syria | Syrian Arab Republic => SYR", []string{"Syria", "Syrian Arab Republic"}, []Coding{{Code: "SYR"}}, ""},
		{"periods", "Bashar al-Assad => SYRELI ..2000-07-16 ; SYRGOV 2000-07-17..2024-12-07 ; SYRELI 2024-12-08..",
			[]string{"Bashar al-Assad"},
			[]Coding{{"SYRELI", 0, 20000716}, {"SYRGOV", 20000717, 20241207}, {"SYRELI", 20241208, 0}}, ""},
		{"year and month precision", "X => ABC 2000..2001-02 ; DEF",
			[]string{"X"}, []Coding{{"ABC", 20000101, 20010228}, {"DEF", 0, 0}}, ""},
		{"leap year month end", "X => ABC ..2024-02", []string{"X"}, []Coding{{"ABC", 0, 20240229}}, ""},
		{"white space", "  Nusra   Front |al-Nusra=>  SYRREBMUS  ", []string{"Nusra Front", "al-Nusra"}, []Coding{{Code: "SYRREBMUS"}}, ""},
		{"agent suffix", "rebels | rebel fighters => ~REB", []string{"rebels", "rebel fighters"}, []Coding{{Code: "~REB"}}, ""},
		{"agent prefix", "aid groups => NGO~", []string{"aid groups"}, []Coding{{Code: "NGO~"}}, ""},
		{"agent empty", "spokesman => ~", []string{"spokesman"}, []Coding{{Code: "~"}}, ""},
		{"null code", "Indian Ocean => ---", []string{"Indian Ocean"}, []Coding{{Code: "---"}}, ""},
		{"no arrow", "Syria SYR", nil, nil, `missing "=>"`},
		{"empty name", "Syria | | Syrie => SYR", nil, nil, "empty name"},
		{"no code", "Syria =>", nil, nil, "no code"},
		{"lower-case code", "Syria => syr", nil, nil, `bad code "syr"`},
		{"code length", "Syria => SYRG", nil, nil, `bad code "SYRG"`},
		{"bad date", "X => SYRGOV 2000-13-01..", nil, nil, `bad date "2000-13-01"`},
		{"no such day", "X => SYRGOV 2001-02-29..", nil, nil, "no such day"},
		{"short year", "X => SYRGOV 00-07-17..", nil, nil, "bad date"},
		{"end before start", "X => SYRGOV 2001..2000", nil, nil, "ends before it starts"},
		{"empty period", "X => SYRGOV ..", nil, nil, "bad period"},
		{"period without dots", "X => SYRGOV 2000", nil, nil, "bad period"},
		{"two defaults", "X => SYRGOV ; SYRELI", nil, nil, "more than one undated code"},
		{"agent with period", "X => ~REB 2000..", nil, nil, "cannot have a period"},
		{"agent and actor", "X => ~REB ; SYR 2000..", nil, nil, "exactly one code"},
		{"bad agent", "X => ~RE", nil, nil, "bad agent code"},
		{"two tildes", "X => ~REB~", nil, nil, "bad agent code"},
		{"extra field", "X => SYR 2000.. 2001..", nil, nil, "bad code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := parseEntry(tc.line)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("parseEntry(%q) error %v, want %q", tc.line, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseEntry(%q): %v", tc.line, err)
			}
			if !slices.Equal(e.Names, tc.names) || !slices.Equal(e.Codings, tc.codings) {
				t.Errorf("parseEntry(%q) = %q %v, want %q %v", tc.line, e.Names, e.Codings, tc.names, tc.codings)
			}
			// The line String writes reads back the same.
			back, err := parseEntry(linefile.StripComment(e.String()))
			if err != nil || !slices.Equal(back.Names, e.Names) || !slices.Equal(back.Codings, e.Codings) {
				t.Errorf("String %q reads back as %v, %v", e.String(), back, err)
			}
		})
	}
}

func TestCodeOn(t *testing.T) {
	assad, err := parseEntry("Bashar al-Assad => SYRELI 1983-01-01..2000-01-01 ; SYRGOV 2000-07-17.. ; SYRELI")
	if err != nil {
		t.Fatal(err)
	}
	ended, err := parseEntry("Walid Muallem => SYRGOV 2006-02-11..2020-11-16")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		e    *Entry
		d    Date
		want string
	}{
		{assad, 19990101, "SYRELI"},   // first period
		{assad, 20000301, "SYRELI"},   // between periods: the default
		{assad, 20000716, "SYRELI"},   // the day before
		{assad, 20000717, "SYRGOV"},   // first day, inclusive
		{assad, 20180705, "SYRGOV"},   // open end
		{assad, 19700101, "SYRELI"},   // before everything: the default
		{assad, 0, "SYRELI"},          // no date: the default
		{ended, 20100101, "SYRGOV"},   // in office
		{ended, 20201116, "SYRGOV"},   // last day, inclusive
		{ended, 20201117, ""},         // role ended, no default
		{ended, 0, "SYRGOV"},          // no date, no default: the latest period
		{&Entry{Codings: nil}, 0, ""}, // nothing
		{&Entry{Codings: []Coding{{"A", 20100101, 0}, {"B", 20200101, 0}}}, 0, "B"}, // latest start
	}
	for _, tc := range tests {
		got, ok := tc.e.CodeOn(tc.d)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("%v.CodeOn(%d) = %q, %v, want %q", tc.e.Codings, tc.d, got, ok, tc.want)
		}
	}
}

func TestDateOf(t *testing.T) {
	if got := DateOf(day("2018-07-05")); got != 20180705 {
		t.Errorf("DateOf = %d", got)
	}
	if got := Date(20180705).String(); got != "2018-07-05" {
		t.Errorf("String = %q", got)
	}
	if DateOf(time.Time{}) != 0 || Date(0).String() != "" {
		t.Error("zero handling")
	}
}

func TestReadEntriesReportsEveryBadLine(t *testing.T) {
	in := "# header\n" +
		"Syria => SYR\n" +
		"bad line\n" +
		"\n" +
		"X => SYRGOV 2001..2000  # comment\n" +
		"Y => SYRGOV\n" +
		"Z | => SYR\n"
	entries, err := ReadEntries(strings.NewReader(in), "t.txt")
	if len(entries) != 2 {
		t.Errorf("got %d good entries, want 2", len(entries))
	}
	var l linefile.List
	if !errors.As(err, &l) {
		t.Fatalf("error %v is not a linefile.List", err)
	}
	var lines []int
	for _, e := range l {
		if e.File != "t.txt" {
			t.Errorf("error %v names file %q", e, e.File)
		}
		lines = append(lines, e.Line)
	}
	if !slices.Equal(lines, []int{3, 5, 7}) {
		t.Errorf("errors at lines %v, want 3 5 7:\n%v", lines, err)
	}
	if entries[1].Line != 6 || entries[1].File != "t.txt" {
		t.Errorf("entry at %s:%d", entries[1].File, entries[1].Line)
	}
}
