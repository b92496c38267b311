package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fx := storetest.Fixtures()
	for _, in := range fx {
		if _, err := s.Put(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	want, err := s.Summary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantPage, _, err := s.Events(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		s := open(t, path, opt)
		got, err := s.Summary(ctx)
		if err != nil || *got != *want {
			t.Errorf("reopened %+v: Summary = %+v, %v; want %+v", opt, got, err, want)
		}
		page, _, err := s.Events(ctx, store.Query{})
		if err != nil || len(page) != len(wantPage) {
			t.Errorf("reopened %+v: %d events, %v; want %d", opt, len(page), err, len(wantPage))
		}
		if added, err := s.Put(ctx, fx[0]); added || (opt.ReadOnly && !errors.Is(err, ErrReadOnly)) || (!opt.ReadOnly && err != nil) {
			t.Errorf("reopened %+v: Put of a stored article = %v, %v", opt, added, err)
		}
		s.Close()
	}
}

func TestMigrate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// A missing file, and an empty one (as touch leaves it).
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(dir, "new.db"), empty} {
		s := open(t, path, Options{})
		v, err := s.version(ctx, s.r)
		if err != nil || v != latest() {
			t.Errorf("%s: schema version %d, %v; want %d", path, v, err, latest())
		}
		var mode string
		if err := s.w.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("%s: journal mode %q, %v; want wal", path, mode, err)
		}
		s.Close()
		// Opening again applies nothing twice.
		s = open(t, path, Options{})
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM schema_version`).Scan(&n); err != nil || n != len(listMigrations()) {
			t.Errorf("%s: %d schema_version rows, %v; want %d", path, n, err, len(listMigrations()))
		}
	}
	// Read-only refuses a file that was never migrated, naming it.
	raw := filepath.Join(dir, "raw.db")
	if err := os.WriteFile(raw, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, raw, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), raw) {
		t.Errorf("read-only open of an unmigrated file: %v", err)
	}
	if _, err := Open(ctx, filepath.Join(dir, "missing", "x.db"), Options{ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing file succeeded")
	}
	// A file from a newer sitrep is refused.
	newer := filepath.Join(dir, "newer.db")
	s := open(t, newer, Options{})
	if _, err := s.w.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (9999)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, newer, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("open of a newer file: %v", err)
	}
}

func TestMigrationFiles(t *testing.T) {
	ms := listMigrations()
	ents, err := migrations.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != len(ents) {
		t.Errorf("%d files in migrations/, %d named NNNN_name.sql", len(ents), len(ms))
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("%s: version %d, want %d (numbered from 1 without gaps)", m.name, m.version, i+1)
		}
	}
}

func TestLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	s := open(t, path, Options{BusyTimeout: 50 * time.Millisecond})
	// Another writer holds the lock, as another process would.
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = s.Put(ctx, storetest.Fixtures()[0])
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) {
		t.Errorf("Put on a locked file: %v; want ErrLocked naming %s", err, path)
	}
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("Put gave up after %v, before the busy timeout", d)
	}
	// Readers are not blocked by the writer.
	if _, err := s.Summary(ctx); err != nil {
		t.Errorf("Summary while locked: %v", err)
	}
	if _, err := conn.ExecContext(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	if added, err := s.Put(ctx, storetest.Fixtures()[0]); err != nil || !added {
		t.Errorf("Put after the lock was released = %v, %v", added, err)
	}
}

func TestRemerge(t *testing.T) {
	storetest.RunRemerge(t, func(t *testing.T, n int) []store.Store {
		path := filepath.Join(t.TempDir(), "sitrep.db")
		var out []store.Store
		for range n {
			out = append(out, open(t, path, Options{BusyTimeout: time.Minute}))
		}
		return out
	})
}
