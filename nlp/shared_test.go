package nlp

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// sharedPath returns the path of rel inside the project's shared data
// folder, ../shared beside the module root (the directory holding go.mod).
// It skips the test when that folder is absent, as it is outside the
// project's own machines, and fails it when the folder is there but rel is
// not.
func sharedPath(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("no go.mod above the test directory, so no ../shared for %s", rel)
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("%s is absent: skipping the test that reads %s", shared, rel)
	}
	p := filepath.Join(shared, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("shared data: %v", err)
	}
	return p
}
