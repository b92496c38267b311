package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRoot(t *testing.T) {
	root := Root(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("Root() = %s, which has no go.mod: %v", root, err)
	}
	if want := filepath.Join(root, "internal", "testshared"); !sameDir(t, want, ".") {
		t.Errorf("Root() = %s, but the test runs outside %s", root, want)
	}
}

func TestPath(t *testing.T) {
	p := Path(t, "docs/STYLE.md") // skips when ../shared is absent
	if _, err := os.Stat(p); err != nil {
		t.Errorf("Path returned %s: %v", p, err)
	}
}

func sameDir(t *testing.T, a, b string) bool {
	t.Helper()
	fa, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	return os.SameFile(fa, fb)
}
