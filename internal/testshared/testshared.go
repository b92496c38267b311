package testshared

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// SlowEnv is the environment variable that turns on the slow suites: tests
// named Slow or Accuracy that call [Slow] run only when it is "1".
const SlowEnv = "SITREP_SLOW"

// Root returns the module root: the nearest directory at or above the
// working directory that holds go.mod. It fails the test when there is none.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("testshared: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatalf("testshared: no go.mod at or above the working directory")
		}
		dir = parent
	}
}

// Path returns the path of rel (slash-separated, e.g.
// "data/ud-english-ewt/en_ewt-ud-dev.conllu") inside ../shared beside the
// module root. It skips the test when ../shared is absent and fails it when
// ../shared is there but rel is not, since that means the data moved.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	shared := filepath.Join(Root(tb), "..", "shared")
	if _, err := os.Stat(shared); errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("%s is absent: skipping the test that reads %s", filepath.Clean(shared), rel)
	}
	p := filepath.Join(shared, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("testshared: %v", err)
	}
	return p
}

// Slow skips the test unless SITREP_SLOW=1.
func Slow(tb testing.TB) {
	tb.Helper()
	if os.Getenv(SlowEnv) != "1" {
		tb.Skipf("slow test: set %s=1 to run it", SlowEnv)
	}
}
