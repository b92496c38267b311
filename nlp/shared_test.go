package nlp

import (
	"testing"

	"sitrep/internal/testshared"
)

// sharedPath returns the path of rel inside ../shared, skipping the test
// when the shared data is absent.
func sharedPath(tb testing.TB, rel string) string {
	tb.Helper()
	return testshared.Path(tb, rel)
}
