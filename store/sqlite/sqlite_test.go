package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"sitrep/store"
	"sitrep/store/storetest"
)

func open(t testing.TB, path string, opt Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return open(t, filepath.Join(t.TempDir(), "sitrep.db"), Options{})
	})
}
