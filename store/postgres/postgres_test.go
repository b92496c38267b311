package postgres

import (
	"context"
	"os"
	"strings"
	"testing"

	"sitrep/internal/pgtest"
	"sitrep/store"
	"sitrep/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func open(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t, pgtest.DSN(t)) })
}

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := open(t, dsn)
	var n, v int
	if err := s.pool.QueryRow(ctx, `SELECT count(*), max(version) FROM schema_version`).Scan(&n, &v); err != nil || n != len(listMigrations()) || v != latest() {
		t.Errorf("schema_version: %d rows, version %d, %v; want %d, %d", n, v, err, len(listMigrations()), latest())
	}
	s.Close()
	// Opening again applies nothing twice; a newer schema is refused.
	s = open(t, dsn)
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM schema_version`).Scan(&n); err != nil || n != len(listMigrations()) {
		t.Errorf("reopened: %d schema_version rows, %v", n, err)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO schema_version (version) VALUES (9999)`); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dsn, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("open of a newer schema: %v", err)
	}
}

func TestMigrationFiles(t *testing.T) {
	for i, m := range listMigrations() {
		if m.version != i+1 {
			t.Errorf("%s: version %d, want %d (numbered from 1 without gaps)", m.name, m.version, i+1)
		}
	}
}

func TestUnreachable(t *testing.T) {
	_, err := Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2", Options{})
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1/none") {
		t.Errorf("Open of an unreachable server: %v, want an error naming it", err)
	}
}

func TestRemerge(t *testing.T) {
	storetest.RunRemerge(t, func(t *testing.T, n int) []store.Store {
		dsn := pgtest.DSN(t)
		var out []store.Store
		for range n {
			out = append(out, open(t, dsn))
		}
		return out
	})
}
