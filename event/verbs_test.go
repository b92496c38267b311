package event

import (
	"errors"
	"os"
	"strings"
	"testing"

	"sitrep/internal/linefile"
	"sitrep/internal/testshared"
)

const verbSample = `
&WEAPON
+GUN
+MACHINE_GUN
---  EXPLOSIVE_DESTRUCTION   [190]  ---
+BLOW_UP {+BLOWS_UP +BLOWING_UP +BLEW_UP +BLOWN_UP } # ab 31 Dec 2005
DYNAMITE [193]
WIRE_+TAP
- * (AT CONVOY)          [190]         # FIRE
- &WEAPON * (FROM $) (TOWARD +)   [193]
- * {TEAR GAS}  [175]
- % * {DIPLOMATIC TIES}  [050:050]
- * (TO/FOR PROTEST)   [141]
- % SAID WOULD_*_TALKS  [102]
---  CHAT   [---]  ---
CHAT
- * PLANS  [---]
`

func TestReadVerbs(t *testing.T) {
	d, err := ReadVerbs(strings.NewReader(verbSample), "v.txt", VerbOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 || d.Blocks[0].Code != "190" || d.Blocks[1].Code != "" {
		t.Fatalf("blocks %+v", d.Blocks)
	}
	blow := d.Verbs["blow"][0]
	if len(blow.After) != 1 || blow.After[0] != "up" || blow.CodeOrBlock() != "190" || blow.Pos != "v.txt:6" {
		t.Errorf("blow up: %+v", blow)
	}
	if v := d.Verbs["dynamite"][0]; v.CodeOrBlock() != "193" {
		t.Errorf("dynamite code %q", v.CodeOrBlock())
	}
	if v := d.Verbs["tap"][0]; len(v.Before) != 1 || v.Before[0] != "wire" {
		t.Errorf("wire tap: %+v", v)
	}
	ps := d.Blocks[0].Patterns
	if len(ps) != 6 {
		t.Fatalf("%d patterns", len(ps))
	}
	if p := ps[1]; len(p.Pre) != 1 || p.Pre[0].Words[0].Synset != "weapon" || len(p.Post) != 2 ||
		p.Post[0].Kind != ElemPrep || p.Post[0].Preps[0] != "from" || p.Post[0].Object[0].Kind != ElemSource ||
		p.Post[1].Object[0].Kind != ElemTarget || p.Code != "193" {
		t.Errorf("weapon pattern %+v", p)
	}
	if p := ps[2]; len(p.Post) != 1 || len(p.Post[0].Words) != 2 || p.Post[0].Words[1].Alts[0] != "gas" {
		t.Errorf("tear gas %+v", p)
	}
	if p := ps[3]; p.Pre[0].Kind != ElemCompound || p.Code != "050" || p.Reciprocal != "050" {
		t.Errorf("compound %+v", p)
	}
	if p := ps[4]; len(p.Post[0].Preps) != 2 || p.Post[0].Preps[1] != "for" {
		t.Errorf("alternatives %+v", p)
	}
	if p := ps[5]; len(p.Pre) != 3 || len(p.Post) != 1 {
		t.Errorf("star inside a compound word: %+v", p)
	}
	if len(d.Synsets["weapon"].Members) != 2 {
		t.Errorf("synset %+v", d.Synsets["weapon"])
	}
}

func TestReadVerbsErrors(t *testing.T) {
	in := strings.Join([]string{
		"- * LOST [010]",    // 1: outside a block
		"--- OK [190] ---",  // 2
		"- * TALKS",         // 3: no code
		"- * (AT {X) [190]", // 4: unbalanced
		"- TALKS [190]",     // 5: no star
		"- * &NOPE [190]",   // 6: undefined synset
		"- * PLANS [1999x]", // 7: bad code
		"A_B",               // 8: multiword verb without +
	}, "\n")
	_, err := ReadVerbs(strings.NewReader(in), "bad.txt", VerbOptions{})
	var list linefile.List
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	want := []int{1, 3, 4, 5, 6, 7, 8}
	if len(list) != len(want) {
		t.Fatalf("got %d errors:\n%v", len(list), err)
	}
	for i, e := range list {
		if e.File != "bad.txt" || e.Line != want[i] {
			t.Errorf("error %d at %s:%d, want line %d: %v", i, e.File, e.Line, want[i], e)
		}
	}
}

func TestReadPetrarchVerbFiles(t *testing.T) {
	for _, rel := range []string{
		"data/petrarch2/dictionaries/CAMEO.2.0.txt",
		"data/ud-petrarch-validate/validate/PETR_Validate_verbs_2_02.txt",
		"data/petrarch2/dictionaries/PETR.Validate.verbs.txt",
	} {
		f, err := os.Open(testshared.Path(t, rel))
		if err != nil {
			t.Fatal(err)
		}
		d, err := ReadVerbs(f, rel, VerbOptions{Lenient: true})
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		for _, w := range d.Warnings {
			t.Logf("warning: %v", w)
		}
		patterns := 0
		for _, b := range d.Blocks {
			patterns += len(b.Patterns)
		}
		t.Logf("%s: %d blocks, %d verb words, %d patterns, %d synsets", rel, len(d.Blocks), len(d.Verbs), patterns, len(d.Synsets))
	}
}

func FuzzReadVerbs(f *testing.F) {
	f.Add(verbSample)
	f.Fuzz(func(t *testing.T, in string) {
		_, err := ReadVerbs(strings.NewReader(in), "f.txt", VerbOptions{})
		if err == nil {
			return
		}
		var list linefile.List
		if !errors.As(err, &list) {
			t.Fatalf("error %v is not a linefile.List", err)
		}
		for _, e := range list {
			if e.File != "f.txt" || e.Line < 1 {
				t.Fatalf("error without file:line: %v", e)
			}
		}
	})
}
