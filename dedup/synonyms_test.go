package dedup

import (
	"errors"
	"strings"
	"testing"

	"sitrep/internal/linefile"
)

func TestDefaultSynonyms(t *testing.T) {
	syn, err := DefaultSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	if syn.Len() < 80 {
		t.Errorf("only %d phrases", syn.Len())
	}
	canon := func(s string) []uint64 {
		ws, _ := scanWords(nil, s, nil)
		return syn.rewrite(nil, ws)
	}
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"the Russian Federation said", "the Russia said", true},
		{"troops of the RUSSIAN FEDERATION", "troops of the russia", true},
		{"the U.S. envoy", "the United States envoy", true},
		{"the USA envoy", "the United States envoy", true},
		{"the United States of America envoy", "the U.S. envoy", true},
		{"the Syrian Arab Republic", "the Syria", true},
		{"Türkiye's army", "Turkey's army", true},
		{"Kiev and Kharkov", "Kyiv and Kharkiv", true},
		{"ISIL and Daesh fighters", "Islamic State and Islamic State fighters", true},
		{"the DRC and the Democratic Republic of the Congo", "the DR Congo and the DR Congo", true},
		{"the U.N.", "the UN", true},
		// Not rewritten: pronouns and words that only look like names.
		{"told us", "told United States", false},
		{"it is", "it Islamic State", false},
		{"Latin America", "Latin United States", false},
		{"the regime", "the government", false},
		// A phrase never spans lines.
		{"Russian\nFederation", "Russia", false},
	} {
		if got := slicesEqual(canon(tc.a), canon(tc.b)); got != tc.same {
			t.Errorf("%q and %q: same %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

func slicesEqual(a, b []uint64) bool {
	return len(a) == len(b) && (len(a) == 0 || string(hashBytesOf(a)) == string(hashBytesOf(b)))
}

func hashBytesOf(hs []uint64) []byte {
	b := make([]byte, 0, 8*len(hs))
	for _, h := range hs {
		for i := range 8 {
			b = append(b, byte(h>>(8*i)))
		}
	}
	return b
}

func TestParseSynonymsErrors(t *testing.T) {
	in := strings.Join([]string{
		"# comment",
		"Russian Federation => Russia",
		"no arrow here",                   // 3
		"A | | B => C",                    // 4: empty phrase
		"... => Syria",                    // 5: no words
		"Syria => ...",                    // 6: canonical without words
		"russian federation => Russland",  // 7: listed at line 2
		"Kiev => Kyiv => Kyyiv",           // 8
		"Burma => Myanmar",                //
		"Myanmar => Republic of Myanmar",  // 10: rewrites itself, and Burma's canonical
		strings.Repeat("w ", 17) + "=> x", // 11
	}, "\n")
	_, err := ParseSynonyms("syn.txt", strings.NewReader(in))
	var l linefile.List
	if !errors.As(err, &l) {
		t.Fatalf("error %v is not a linefile.List", err)
	}
	want := []string{
		`syn.txt:3: missing "=>" in "no arrow here"`,
		`syn.txt:4: empty phrase`,
		`syn.txt:5: phrase "..." has no words`,
		`syn.txt:6: canonical form "..." has no words`,
		`syn.txt:7: phrase "russian federation" is already listed at line 2 (=> Russia)`,
		`syn.txt:8: more than one "=>"`,
		`syn.txt:9: canonical form "Myanmar" is itself rewritten by the table; write its final form`,
		`syn.txt:10: canonical form "Republic of Myanmar" is itself rewritten by the table; write its final form`,
		`syn.txt:11: phrase "` + strings.TrimSpace(strings.Repeat("w ", 17)) + `" is longer than 16 words`,
	}
	got := strings.Split(err.Error(), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(want, "\n"))
	}
}

func TestSynonymsScheme(t *testing.T) {
	a, err := ParseSynonyms("a", strings.NewReader("Kiev => Kyiv\nBurma => Myanmar\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := ParseSynonyms("b", strings.NewReader("Burma => Myanmar\nKiev => Kyiv\n"))
	c, _ := ParseSynonyms("c", strings.NewReader("Burma => Myanmar\n"))
	if a.Scheme() != b.Scheme() {
		t.Error("the order of lines changes the scheme")
	}
	if a.Scheme() == c.Scheme() {
		t.Error("a line more does not change the scheme")
	}
}

func FuzzParseSynonyms(f *testing.F) {
	f.Add("Russian Federation | Russian Fed. => Russia\nU.S. => United States\n")
	f.Add("a => b\nb => c\n")
	f.Add("=>\n|=>|\n# x\n\\# => y")
	f.Fuzz(func(t *testing.T, in string) {
		syn, err := ParseSynonyms("f.txt", strings.NewReader(in))
		if err != nil {
			var l linefile.List
			if !errors.As(err, &l) || len(l) == 0 {
				t.Fatalf("error %v is not a linefile.List", err)
			}
			for _, e := range l {
				if e.File != "f.txt" || e.Line < 0 {
					t.Fatalf("bad position in %v", e)
				}
			}
			return
		}
		ws, _ := scanWords(nil, in, nil)
		out := syn.rewrite(nil, ws)
		if len(ws) > 0 && len(out) == 0 {
			t.Fatal("rewriting lost every word")
		}
	})
}
