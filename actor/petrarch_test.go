package actor

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/linefile"
	"sitrep/internal/testshared"
)

func TestConvertPetrarch(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // entry lines
		errs     []string // "line: message part"
	}{
		{"country block", "SYRIA_  [SYR]\n+SYRIAN_ \n+DAMASCUS_ # capital\n",
			[]string{"Syria | Syrian | Damascus => SYR  # capital"}, nil},
		{"dated person", "BASHAR_AL_ASSAD_  # CountryInfo.txt\n\t[SYRELI 830101-000101]\n\t[SYRGOV >000717]\n\t[SYRELI]\n",
			[]string{"Bashar al Assad => SYRELI 1983-01-01..2000-01-01 ; SYRGOV 2000-07-17.. ; SYRELI  # CountryInfo.txt"}, nil},
		{"before and long dates", "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n",
			[]string{"Gollum | Smeagol => HOB ..1995-06-01 ; HOBGOV 1995-06-01..1999-08-15 ; HOBREB 1999-08-16.."}, nil},
		{"inline codes", "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n",
			[]string{"Javier de Cuellar => IGOUNO 1982-01-01..1991-12-31 ; ELI  # IGOrulers.txt"}, nil},
		{"acronyms and particles", "UN_SECRETARY_GENERAL [IGOUNO]\nFSB_ [RUSCOP]\nU.N._ [IGOUNO]\nABU_MOHAMMAD_AL-JAWLANI_ [SYRREBMUS]\n",
			[]string{"UN Secretary General => IGOUNO", "FSB => RUSCOP", "U.N. => IGOUNO", "Abu Mohammad al-Jawlani => SYRREBMUS"}, nil},
		{"group of primaries", "MUHAJIRIN_WA-ANSAR_ALLIANCE\nSARAYAT_AL-QUDS\n\t[SYRREBMUS]\n",
			[]string{"Muhajirin wa-Ansar Alliance | Sarayat al-Quds => SYRREBMUS"}, nil},
		{"uncoded primary before a blank line", "U.N._\n\nUN_ [IGOUNO]\n",
			[]string{"UN => IGOUNO"}, []string{`1: actor "U.N." has no code`}},
		{"lower-case code, null code", "PALESTINIAN [pse]\nINDIAN_OCEAN  [---]\n",
			[]string{"Palestinian => PSE", "Indian Ocean => ---"}, nil},
		{"unsupported codes", "LORIEN  [ELR/GAL]\nISILDUR  [+++]\nITHILEN_TELEVISION [ITHTV]\n",
			nil, []string{`1: unsupported code "ELR/GAL"`, `1: actor "Lorien" has no code`, `2: unsupported code "+++"`, `3: unsupported code "ITHTV"`}},
		{"bad dates", "AB_ \n\t[AAA 9008223-911221]\n\t[BBB 20121207-20120802]\n\t[CCC 20121204]\n\t[DDD 010230-020101]\n\t[EEE]\n",
			[]string{"Ab => EEE"}, []string{`2: bad date "9008223"`, `3: date restriction "20121207-20120802" ends before it starts`, "4: bad date restriction", `5: bad date "010230": no such day`}},
		{"two defaults", "MICHELE_MONTAS_\t[HTIOPPMED <061231] [IGOUNOMED]\t[---]\n",
			[]string{"Michele Montas => HTIOPPMED ..2006-12-31 ; IGOUNOMED"}, []string{"1: second undated code --- dropped"}},
		{"outside a record", "+SYNONYM\n\t[SYR]\n", nil, []string{`1: synonym "+SYNONYM" outside`, "2: code line"}},
		{"xml comments", "<!-- a\ncomment -->\nAB [AAA] <!-- inline --> # c\n<! -- one line -->\n", []string{"Ab => AAA  # c"}, nil},
		{"windows-1252", "COTE_D\x92IVOIRE_ [CIV]\n", []string{"Cote D’ivoire => CIV"}, nil},
		{"agents", "!PERSON! = MAN, MEN, WOMAN\n!MINST! = MINISTER, MINISTRY\n" +
			"REBEL [~REB] # note\nPOLICE {} [ ~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n" +
			"CONGRESS!PERSON! [~LEG]\n!MINST!_OF_SILLY_WALKS [~GOV]\nHUMAN_RIGHTS_ORGANIZATION  [  NGO~]\n" +
			"MILITIA [~UAF]\nGOVERNMENT_FORCES [~MIL]\nDEPARMENT_OF_ENVIRONMENT [~ENV}\nSPOKESMAN [~]\n",
			[]string{
				"rebel | rebels => ~REB  # note",
				"police => ~COP",
				"attorney general | attorneys general => ~GOV",
				"congressman | congressmen | congresswoman => ~LEG",
				"minister of silly walks | ministry of silly walks => ~GOV",
				"human rights organization | human rights organizations => NGO~",
				"militia | militias => ~UAF",
				"government forces => ~MIL",
				"deparment of environment | deparment of environments => ~ENV",
				"spokesman | spokesmen => ~",
			}, nil},
		{"bad agents", "X [~R] \n!NOPE!_Y [~GOV]\n!BAD = A\n", nil,
			[]string{`1: unsupported agent code "~R"`, "2: unknown substitution set !NOPE!", "3: bad substitution set"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := ConvertPetrarch(strings.NewReader(tc.in), "d.txt", &out)
			var got []string
			for _, line := range strings.Split(out.String(), "\n") {
				if line != "" && !strings.HasPrefix(line, "#") {
					got = append(got, line)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			checkFileLine(t, err, "d.txt")
			for _, e := range tc.errs {
				if err == nil || !strings.Contains(err.Error(), "d.txt:"+e) {
					t.Errorf("errors do not have %q:\n%v", e, err)
				}
			}
			if len(tc.errs) == 0 && err != nil {
				t.Errorf("unexpected errors:\n%v", err)
			}
			// What ConvertPetrarch writes is always a valid file.
			if _, err := ReadEntries(bytes.NewReader(out.Bytes()), "out.txt"); err != nil {
				t.Errorf("output does not read back:\n%v", err)
			}
		})
	}
}

// checkFileLine fails unless err is nil or a linefile.List whose errors
// all name file and a line.
func checkFileLine(tb testing.TB, err error, file string) {
	tb.Helper()
	if err == nil {
		return
	}
	var l linefile.List
	if !errors.As(err, &l) {
		tb.Fatalf("error %v is not a linefile.List", err)
	}
	for _, e := range l {
		if e.File != file || e.Line <= 0 || !strings.HasPrefix(e.Error(), file+":") {
			tb.Errorf("error %q has no %s:line", e.Error(), file)
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{
		"rebel": "rebels", "militia": "militias", "army": "armies", "attorney": "attorneys",
		"policeman": "policemen", "human": "humans", "witness": "witnesses", "church": "churches",
		"forces": "forces", "REBEL": "REBELS", "ARMY": "ARMIES", "bus": "buses", "crisis": "crisises",
	} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestConvertPetrarchShared converts the PETRARCH dictionaries of the shared
// data: the Phoenix production dictionaries and the validation suites'
// fictional ones. Every error names its file and line, and the output
// reads back without an error.
func TestConvertPetrarchShared(t *testing.T) {
	files := []string{
		"data/petrarch2/dictionaries/Phoenix.Countries.actors.txt",
		"data/petrarch2/dictionaries/Phoenix.International.actors.txt",
		"data/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
		"data/petrarch2/dictionaries/Phoenix.agents.txt",
		"data/petrarch2/dictionaries/PETR.Validate.actors.txt",
		"data/petrarch2/dictionaries/PETR.Validate.agents.txt",
		"data/ud-petrarch-validate/validate/PETR_Validate_actors_2_02.txt",
		"data/ud-petrarch-validate/validate/PETR_Validate_agents_2_02.txt",
	}
	for _, rel := range files {
		path := testshared.Path(t, rel)
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var out bytes.Buffer
			convErr := ConvertPetrarch(f, name, &out)
			checkFileLine(t, convErr, name)
			entries, err := ReadEntries(bytes.NewReader(out.Bytes()), "out.txt")
			if err != nil {
				t.Fatalf("output does not read back:\n%v", err)
			}
			nerr := 0
			if convErr != nil {
				nerr = len(convErr.(linefile.List))
			}
			t.Logf("%s: %d entries, %d lines not converted", name, len(entries), nerr)
			if len(entries) == 0 {
				t.Error("no entries")
			}
		})
	}
	// The validation suite's actors: dated records and unsupported codes.
	path := testshared.Path(t, "data/ud-petrarch-validate/validate/PETR_Validate_actors_2_02.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, err := ParsePetrarch(f, "PETR_Validate_actors_2_02.txt")
	for _, msg := range []string{`unsupported code "ELR/GAL"`, `unsupported code "+++"`, `unsupported code "FRO/BIL/SAM"`} {
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("errors lack %q:\n%v", msg, err)
		}
	}
	for _, e := range entries {
		if e.Names[0] == "Sam Gamgee" {
			want := "Sam Gamgee => HOB ; HOBCIV ..2008-01-20 ; ORCHOB 2010-01-09..2010-01-12 ; HOBMIL 2008-01-20..2012-11-09 ; HOBGOV 2012-11-09..2013-01-19 ; HOBELI 2013-01-19.."
			if got, _, _ := strings.Cut(e.String(), "  #"); got != want {
				t.Errorf("Sam Gamgee:\n got %s\nwant %s", got, want)
			}
			if code, _ := e.CodeOn(20100110); code != "ORCHOB" {
				t.Errorf("Sam Gamgee on 2010-01-10 is %s, want ORCHOB (the first period that covers the day)", code)
			}
		}
	}
}
