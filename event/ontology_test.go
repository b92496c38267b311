package event

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/linefile"
)

func TestQuad(t *testing.T) {
	tests := []struct {
		code string
		want Quad
		name string
	}{
		{"01", VerbalCooperation, "Verbal Cooperation"},
		{"0233", VerbalCooperation, "Verbal Cooperation"},
		{"05", VerbalCooperation, "Verbal Cooperation"},
		{"06", MaterialCooperation, "Material Cooperation"},
		{"094", MaterialCooperation, "Material Cooperation"},
		{"10", VerbalConflict, "Verbal Conflict"},
		{"145", VerbalConflict, "Verbal Conflict"},
		{"15", MaterialConflict, "Material Conflict"},
		{"193", MaterialConflict, "Material Conflict"},
		{"2042", MaterialConflict, "Material Conflict"},
		{"00", 0, "Quad(0)"},
		{"21", 0, "Quad(0)"},
		{"1", 0, "Quad(0)"},
		{"", 0, "Quad(0)"},
		{"x9", 0, "Quad(0)"},
	}
	for _, tt := range tests {
		got := QuadClass(tt.code)
		if got != tt.want || got.String() != tt.name {
			t.Errorf("QuadClass(%q) = %d %q, want %d %q", tt.code, got, got, tt.want, tt.name)
		}
	}
	if s := Quad(7).String(); s != "Quad(7)" {
		t.Errorf("Quad(7).String() = %q", s)
	}
}

// base is a small valid ontology the error tests add lines to.
const base = "19\t4\t-10.0\tASSAULT\t-\tmilitary\tFIGHT\n" +
	"190  4  -10   ASSAULT  -  military  Use conventional military force  # padded with spaces\n"

func TestLoadOntology(t *testing.T) {
	in := "\ufeff# a byte-order mark and a comment\n\n" + base +
		"193 4 -10 ASSAULT firearms military Fight with \\#small arms  \n" +
		"1931\t4\t-9.5\t-\t-\t-\tFour digits, no PLOVER type\n"
	o, err := LoadOntology(strings.NewReader(in), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []Code{
		{"19", "19", "FIGHT", MaterialConflict, -10, "ASSAULT", "", "military"},
		{"190", "19", "Use conventional military force", MaterialConflict, -10, "ASSAULT", "", "military"},
		{"193", "19", "Fight with #small arms", MaterialConflict, -10, "ASSAULT", "firearms", "military"},
		{"1931", "19", "Four digits, no PLOVER type", MaterialConflict, -9.5, "", "", ""},
	}
	if got := o.Codes(); !slices.Equal(got, want) {
		t.Errorf("Codes() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestLoadOntologyErrors(t *testing.T) {
	tests := []struct {
		name, line, want string // want is the error after "x.txt:3: "
	}{
		{"too few columns", "193 4 -10 ASSAULT", "want 7 columns (code quad goldstein plover mode context description), got 4"},
		{"no description", "193 4 -10 ASSAULT - military", "want 7 columns (code quad goldstein plover mode context description), got 6"},
		{"letter in code", "19a 4 -10 ASSAULT - - x", `bad code "19a": want two to four digits`},
		{"one digit", "1 4 -10 ASSAULT - - x", `bad code "1": want two to four digits`},
		{"five digits", "19311 4 -10 ASSAULT - - x", `bad code "19311": want two to four digits`},
		{"non-ASCII digit", "19٣ 4 -10 ASSAULT - - x", `bad code "19٣": want two to four digits`},
		{"duplicate", "190 4 -10 ASSAULT - - again", `duplicate code "190" (first at line 2)`},
		{"quad 0", "193 0 -10 ASSAULT - - x", `bad quad "0": want 1, 2, 3 or 4`},
		{"quad 5", "193 5 -10 ASSAULT - - x", `bad quad "5": want 1, 2, 3 or 4`},
		{"quad word", "193 four -10 ASSAULT - - x", `bad quad "four": want 1, 2, 3 or 4`},
		{"goldstein word", "193 4 high ASSAULT - - x", `bad Goldstein weight "high": not a number`},
		{"goldstein NaN", "193 4 NaN ASSAULT - - x", `bad Goldstein weight "NaN": not a number`},
		{"goldstein comma", "193 4 -9,5 ASSAULT - - x", `bad Goldstein weight "-9,5": not a number`},
		{"goldstein high", "193 4 10.5 ASSAULT - - x", `Goldstein weight 10.5 outside [-10, 10]`},
		{"goldstein low", "193 4 -11 ASSAULT - - x", `Goldstein weight -11 outside [-10, 10]`},
		{"goldstein inf", "193 4 -Inf ASSAULT - - x", `Goldstein weight -Inf outside [-10, 10]`},
		{"older PLOVER type", "193 4 -10 FIGHT - - x", `unknown PLOVER type "FIGHT" (want one of AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT, or -)`},
		{"lower-case type", "193 4 -10 assault - - x", `unknown PLOVER type "assault" (want one of AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT, or -)`},
		{"bad mode", "193 4 -10 ASSAULT Firearms - x", `bad PLOVER mode "Firearms": want lower-case letters, '-' and '_'`},
		{"bad context", "193 4 -10 ASSAULT - military,,legal x", `bad PLOVER context "military,,legal": want comma-separated names of lower-case letters and '_'`},
		{"mode without type", "193 4 -10 - firearms - x", `PLOVER mode or context without a PLOVER type`},
		{"missing root", "201 4 -9.5 ASSAULT - - Engage in mass expulsion", `root "20" of code "201" is missing`},
		{"missing parent", "1941 4 -10 ASSAULT - - x", `parent "194" of code "1941" is missing`},
		{"quad not the root's", "191 3 -9.5 COERCE - - x", `quad 3 of code "191" differs from quad 4 of its root "19"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := LoadOntology(strings.NewReader(base+tt.line+"\n"), "x.txt")
			if o != nil {
				t.Error("got an ontology as well as an error")
			}
			if want := "x.txt:3: " + tt.want; err == nil || err.Error() != want {
				t.Errorf("got error\n%v\nwant\n%s", err, want)
			}
		})
	}
}

func TestLoadOntologyEveryError(t *testing.T) {
	in := "1931 4 -10 ASSAULT - - a code before its parent and root\n" +
		base +
		"193 4 -10 FIGHT - - x\n" +
		"194 4\n" +
		"193 4 -10 ASSAULT - - x\n" +
		"\n" +
		"195 9 -10 ASSAULT - - x\n"
	_, err := LoadOntology(strings.NewReader(in), "x.txt")
	var list linefile.List
	if !errors.As(err, &list) {
		t.Fatalf("got %T %v, want a linefile.List", err, err)
	}
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Line)
	}
	// Line 1's parent 193 appears only on line 6, so line 1 is fine, and
	// line 4's bad 193 does not count as a duplicate of line 6's.
	if want := []int{4, 5, 8}; !slices.Equal(lines, want) {
		t.Errorf("errors at lines %v, want %v:\n%v", lines, want, err)
	}
}

func TestLoadOntologyEmpty(t *testing.T) {
	for _, in := range []string{"", "# only a comment\n\n"} {
		_, err := LoadOntology(strings.NewReader(in), "empty.txt")
		if err == nil || err.Error() != "empty.txt: no event codes" {
			t.Errorf("LoadOntology(%q) error = %v", in, err)
		}
	}
}

func TestLoadOntologyLongLine(t *testing.T) {
	in := base + "193 4 -10 ASSAULT - - " + strings.Repeat("x", linefile.MaxLine) + "\n"
	_, err := LoadOntology(strings.NewReader(in), "x.txt")
	if err == nil || !strings.HasPrefix(err.Error(), "x.txt:3: ") {
		t.Errorf("got %v, want an error at x.txt:3", err)
	}
}

// FuzzLoadOntology checks that LoadOntology never panics, that every error
// names the file and a line of it, and that what it accepts is consistent.
func FuzzLoadOntology(f *testing.F) {
	f.Add(base)
	f.Add(base + "193 4 -10 ASSAULT firearms military x\n1931 4 -10 - - - y\n")
	f.Add(base + "193 4 NaN FIGHT - - x\n\xff\xfe 4\n")
	f.Add("20 4 -10 - - - x\n201 3 +1e1 - - - y # z\n")
	f.Fuzz(func(t *testing.T, in string) {
		const name = "fuzz.txt"
		o, err := LoadOntology(strings.NewReader(in), name)
		if err != nil {
			if o != nil {
				t.Fatal("an ontology as well as an error")
			}
			var list linefile.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T %v is not a linefile.List", err, err)
			}
			lines := strings.Count(in, "\n") + 1
			for _, e := range list {
				prefix := fmt.Sprintf("%s:%d: ", name, e.Line)
				if e.Line == 0 {
					prefix = name + ": "
				}
				if e.File != name || e.Line < 0 || e.Line > lines || !strings.HasPrefix(e.Error(), prefix) || e.Msg == "" {
					t.Fatalf("error %q does not have the form %q", e.Error(), prefix+"message")
				}
			}
			return
		}
		codes := o.Codes()
		if len(codes) == 0 || len(codes) != o.Len() {
			t.Fatalf("accepted %d codes, Len() = %d", len(codes), o.Len())
		}
		for i, c := range codes {
			if i > 0 && codes[i-1].Code >= c.Code {
				t.Fatalf("codes out of order: %q before %q", codes[i-1].Code, c.Code)
			}
			if got, ok := o.Code(c.Code); !ok || got != c || !o.Valid(c.Code) {
				t.Fatalf("Code(%q) = %+v, %v; Codes() has %+v", c.Code, got, ok, c)
			}
			root, ok := o.Code(c.Root)
			if !ok || c.Root != c.Code[:2] || root.Quad != c.Quad {
				t.Fatalf("code %+v: root %+v, %v", c, root, ok)
			}
			if c.Quad < VerbalCooperation || c.Quad > MaterialConflict || c.Goldstein < -10 || c.Goldstein > 10 ||
				c.Description == "" || (c.Plover != "" && !slices.Contains(PloverTypes(), c.Plover)) {
				t.Fatalf("accepted a bad code %+v", c)
			}
		}
	})
}
