package nlp

import (
	"strings"
	"testing"
)

func TestDefaultAbbreviations(t *testing.T) {
	if _, err := parseAbbreviations("abbreviations.txt", strings.NewReader(abbreviationsTxt)); err != nil {
		t.Fatalf("embedded list: %v", err)
	}
	ab := DefaultAbbreviations()
	tests := []struct {
		word string
		want abbrevKind
	}{
		{"Gen.", abbrevTitle},
		{"Mr.", abbrevTitle},
		{"St.", abbrevTitle},
		{"e.g.", abbrevInner},
		{"No.", abbrevInner},
		{"Inc.", abbrevPlain},
		{"Sept.", abbrevPlain},
		{"U.S.", abbrevPlain},
		{"U.S.A.", abbrevPlain},
		{"a.m.", abbrevPlain},
		{"pro-U.S.", abbrevPlain},
		{"W.", abbrevInitial},
		{"w.", notAbbrev},
		{"Syria.", notAbbrev},
		{"un.org.", notAbbrev},
		{"1.", notAbbrev},
		{".", notAbbrev},
		{"..", notAbbrev},
		{"-.", notAbbrev},
		{"Ph.D.", abbrevPlain},
		{strings.Repeat("a.", 40), abbrevPlain},
	}
	for _, tt := range tests {
		if got := ab.kind(tt.word); got != tt.want {
			t.Errorf("kind(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
	if !isStarter("The") || isStarter("the") || isStarter("Army") {
		t.Error("isStarter: want The, not the or Army")
	}
}

func TestParseAbbreviations(t *testing.T) {
	ab, err := ParseAbbreviations("mine.txt", strings.NewReader("# mine\n\nBrig.Gen.\ttitle\nHQ. plain\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ab.kind("Brig.Gen.") != abbrevTitle || ab.kind("HQ.") != abbrevPlain || ab.kind("Gen.") != notAbbrev {
		t.Errorf("custom list not used: %v", ab.kinds)
	}

	_, err = ParseAbbreviations("bad.txt", strings.NewReader("Gen. rank\nUS plain\nMr.\nDr. title\nDr. title\n"))
	if err == nil {
		t.Fatal("no error for a bad list")
	}
	for _, want := range []string{
		`bad.txt:1: unknown kind "rank"`,
		`bad.txt:2: abbreviation "US" does not end in a period`,
		`bad.txt:3: want an abbreviation and its kind, got 1 fields`,
		`bad.txt:5: duplicate abbreviation "Dr."`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q\nlacks %q", err, want)
		}
	}
}
