// Package testshared helps tests find the project's shared data and decide
// whether to run the slow suites.
//
// The shared data folder lives at ../shared beside the module root (the
// directory holding go.mod). It is present on the project's own machines
// and in CI, and absent elsewhere: [Path] skips a test cleanly when it is
// missing, so `go test ./...` passes on any clone. [Slow] skips a test
// unless SITREP_SLOW=1, the switch .ci/run sets for the slow suites.
//
// Only tests import this package.
package testshared
