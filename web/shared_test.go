package web

import (
	"bytes"
	"path/filepath"
	"testing"

	"sitrep/internal/testshared"
	"sitrep/web/internal/worldgen"
)

// TestWorldUpToDate rebuilds static/world.json from ../shared and checks
// that the committed file is what gen.go writes.
func TestWorldUpToDate(t *testing.T) {
	testshared.Path(t, worldgen.SourceFile)
	shared := filepath.Join(testshared.Root(t), "..", "shared")
	want, _, err := worldgen.Build(shared)
	if err != nil {
		t.Fatal(err)
	}
	got, err := staticFS.ReadFile("static/world.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("static/world.json is stale: run go generate ./web (%d bytes committed, %d built)", len(got), len(want))
	}
}
