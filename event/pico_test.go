package event

import (
	"strings"
	"testing"
)

func TestPICO(t *testing.T) {
	p, err := DefaultPICO()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		op, a, b, want string
	}{
		{"combine", "130", "190", "138"}, // threaten + fight
		{"combine", "030", "070", "033"}, // intend + aid
		{"combine", "010", "050", "010"}, // a statement about cooperation
		{"negate", "170", "", "057"},     // not wire-tapping
		{"negate", "110", "", "050"},     // not clashing
		{"negate", "060", "", "121"},     // not cooperating materially
		{"negate", "057", "", "170"},
		{"negate", "050", "", "110"},
		{"negate", "070", "", "120"}, // no row: the bare rejection
	} {
		var got string
		var ok bool
		if tc.op == "combine" {
			got, ok = p.Combine(tc.a, tc.b)
		} else {
			got, ok = p.Negate(tc.a)
		}
		if !ok || got != tc.want {
			t.Errorf("%s(%s, %s) = %q, %v; want %s", tc.op, tc.a, tc.b, got, ok, tc.want)
		}
	}
	if !p.General("130") || p.General("138") || p.General("120") {
		t.Error("General")
	}
}

func TestReadPICOErrors(t *testing.T) {
	_, err := ReadPICO(strings.NewReader("010:0x1000\n011\n012:0xZZ\n010:0x2000\n"), "p.txt")
	want := "p.txt:2: want CODE:VALUE, got \"011\"\np.txt:3: code 012: bad term \"0xZZ\" in \"0xZZ\"\np.txt:4: code 010 listed twice"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
