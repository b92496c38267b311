package nlp

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Daraa", "daraa"},
		{"Dar'a", "dara"},
		{"Dar‘a", "dara"},
		{"Darʿā", "dara"},
		{"Ḥamāh", "hamah"},
		{"São Paulo", "sao paulo"},
		{"Zürich", "zurich"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"al-Qaida–linked", "al-qaida-linked"},
		{"  Golan \t Heights ", "golan heights"},
		{"already folded", "already folded"},
		{"", ""},
		{"ＵＮ", "un"},
		{"\xff", "\ufffd"},
		{"\f", ""},
		{"x\vy", "x y"},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldAllocatesNothingWhenFolded(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Fold("syrian rebels") }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Dar‘ā Governorate")
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q is not UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, got, again)
		}
	})
}
