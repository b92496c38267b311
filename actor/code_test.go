package actor

import (
	"strings"
	"testing"
)

func TestReadCodes(t *testing.T) {
	in := "# comment\nGOV  role  Government: the executive\nSUN state Soviet Union\nSUN religion Sunni\nIGO\ttype\tInter-governmental\n"
	infos, err := ReadCodes(strings.NewReader(in), "roles.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []CodeInfo{
		{"GOV", KindRole, "Government: the executive", "roles.txt", 2},
		{"SUN", KindState, "Soviet Union", "roles.txt", 3},
		{"SUN", KindReligion, "Sunni", "roles.txt", 4},
		{"IGO", KindType, "Inter-governmental", "roles.txt", 5},
	}
	if len(infos) != len(want) {
		t.Fatalf("got %v", infos)
	}
	for i := range want {
		if infos[i] != want[i] {
			t.Errorf("line %d: got %+v, want %+v", i, infos[i], want[i])
		}
	}
}

func TestVocabCheck(t *testing.T) {
	v := newVocab()
	for _, ci := range []CodeInfo{
		{Code: "SYR", Kind: KindCountry}, {Code: "MUS", Kind: KindCountry}, {Code: "MUS", Kind: KindReligion},
		{Code: "GOV", Kind: KindRole}, {Code: "REB", Kind: KindRole}, {Code: "IGO", Kind: KindType},
		{Code: "UNO", Kind: KindOrg}, {Code: "SUN", Kind: KindState}, {Code: "WST", Kind: KindRegion},
	} {
		v.add(ci)
	}
	tests := []struct{ code, err string }{
		{"SYR", ""}, {"SYRGOV", ""}, {"SYRREBMUS", ""}, {"IGOUNO", ""}, {"IGOWSTUNO", ""},
		{"GOV", ""}, {"SUN", ""}, {"MUS", ""}, {"---", ""},
		{"XYZ", `unknown country code "XYZ"`},
		{"XYZGOV", `unknown country code "XYZ" in "XYZGOV"`},
		{"SYRABC", `unknown code "ABC" in "SYRABC"`},
		{"UNOGOV", `starts with "UNO"`},
		{"SYRGO", "bad code"}, {"", "bad code"}, {"syr", "bad code"}, {"SY-", "bad code"},
	}
	for _, tc := range tests {
		err := v.check(tc.code)
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("check(%q) = %v, want %q", tc.code, err, tc.err)
		}
	}
	agents := []struct{ code, err string }{
		{"~REB", ""}, {"IGO~", ""}, {"~", ""}, {"~GOVREB", ""},
		{"~ABC", "unknown code"}, {"REB", "bad agent code"}, {"~RE", "bad agent code"}, {"~~", "bad agent code"}, {"~---", "bad agent code"},
	}
	for _, tc := range agents {
		err := v.checkAgent(tc.code)
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("checkAgent(%q) = %v, want %q", tc.code, err, tc.err)
		}
	}
	if got := (KindState | KindReligion).String(); got != "state|religion" {
		t.Errorf("Kind.String = %q", got)
	}
}

func TestIsISOCountry(t *testing.T) {
	for _, tc := range []struct {
		code string
		want bool
	}{
		{"SYR", true},
		{"USA", true},
		{"JOR", true},
		{"PSE", true},
		{"KSV", false},    // Kosovo: a state without an ISO code
		{"SUN", false},    // the Soviet Union
		{"AFR", false},    // a region
		{"IGO", false},    // an organization type
		{"GOV", false},    // a role
		{"---", false},    // the null code
		{"syr", false},    // codes are upper case
		{"SYRGOV", false}, // a whole actor code
		{"", false},
	} {
		if got := IsISOCountry(tc.code); got != tc.want {
			t.Errorf("IsISOCountry(%q) = %v, want %v", tc.code, got, tc.want)
		}
	}
}
