package main

import (
	"os"
	"testing"

	"sitrep/internal/pgtest"
	"sitrep/internal/testshared"
)

// TestMain starts a throwaway PostgreSQL for the distributed tests when
// the slow suites run (or uses the one SITREP_POSTGRES names); the
// children re-run by the kill tests need none.
func TestMain(m *testing.M) {
	child := os.Getenv("SITREP_WORKER_CHILD") != "" || os.Getenv("SITREP_INGEST_CHILD") != ""
	if !child && (os.Getenv(testshared.SlowEnv) == "1" || os.Getenv(pgtest.EnvDSN) != "") {
		os.Exit(pgtest.Main(m))
	}
	os.Exit(m.Run())
}
