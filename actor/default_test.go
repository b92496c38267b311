package actor

import (
	"slices"
	"strings"
	"testing"
)

// TestDefault loads the embedded dictionary: it must have no bad line.
func TestDefault(t *testing.T) {
	d := mustDefault(t)
	agents := 0
	for _, e := range d.Entries() {
		if e.Agent() {
			agents++
		}
	}
	t.Logf("default dictionary: %d entries (%d agents), %d names", len(d.Entries()), agents, d.Len())
	if d.Len() < 30000 || agents < 1000 {
		t.Errorf("only %d names and %d agents", d.Len(), agents)
	}
	// Every code of every entry is known, and every name finds its entry
	// or a hand-maintained override.
	for _, e := range d.Entries() {
		for _, n := range e.Names {
			got, _, ok := d.Lookup(n)
			if !ok {
				t.Errorf("%s:%d: name %q not found", e.File, e.Line, n)
				continue
			}
			if got != e && !slices.Equal(got.Codings, e.Codings) && isGeneratedName(e.File) == isGeneratedName(got.File) {
				t.Errorf("%s:%d: name %q resolves to %s:%d", e.File, e.Line, n, got.File, got.Line)
			}
		}
	}
}

func isGeneratedName(file string) bool {
	return strings.HasPrefix(file, "phoenix-") || file == "countries.txt" || file == "capitals.txt"
}
