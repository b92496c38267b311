package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"sitrep/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrLocked is wrapped by the error of a write that waited
// Options.BusyTimeout for another process to release the database.
var ErrLocked = errors.New("sqlite: database is locked")

// ErrReadOnly is returned by Put on a store opened read-only.
var ErrReadOnly = errors.New("sqlite: store is read-only")

// Options tune Open. The zero value opens the file for reading and writing
// with the defaults.
type Options struct {
	// ReadOnly opens an existing, migrated file for queries only (for
	// serving); Put returns ErrReadOnly.
	ReadOnly bool
	// BusyTimeout is how long a statement waits for a lock another
	// process holds before failing. 0 means 5 s.
	BusyTimeout time.Duration
	// Readers is the number of connections that serve queries at once.
	// 0 means 8.
	Readers int
}

// A Store is a store.Store on a SQLite file. It is safe for concurrent use.
type Store struct {
	path    string
	timeout time.Duration
	w       *sql.DB // nil when read-only; one connection
	r       *sql.DB

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // the writer's prepared statements, by query
	noted map[string]bool      // queries to prepare
}

// prepared returns the writer's prepared statement for q, or nil when it
// is not prepared yet; the query is then noted, and prepareNoted prepares
// it once the writer's one connection is free again. Put runs the same
// dozen statements for every article, and preparing them anew cost as
// much as running them.
func (s *Store) prepared(q string) *sql.Stmt {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stmts[q]; ok {
		return st
	}
	if s.noted == nil {
		s.noted = map[string]bool{}
	}
	s.noted[q] = true
	return nil
}

// prepareNoted prepares the queries prepared noted. It must not run inside
// a transaction of the writer. It does not hold the lock while it waits
// for the writer's connection, which another goroutine's transaction may
// hold while it asks prepared for a statement.
func (s *Store) prepareNoted(ctx context.Context) {
	s.mu.Lock()
	var qs []string
	for q := range s.noted {
		qs = append(qs, q)
	}
	s.mu.Unlock()
	for _, q := range qs {
		st, err := s.w.PrepareContext(ctx, q)
		if err != nil {
			continue // run unprepared, as before
		}
		s.mu.Lock()
		if _, ok := s.stmts[q]; ok {
			st.Close()
		} else {
			if s.stmts == nil {
				s.stmts = map[string]*sql.Stmt{}
			}
			s.stmts[q] = st
		}
		delete(s.noted, q)
		s.mu.Unlock()
	}
}

var _ store.Store = (*Store)(nil)

// Open opens the SQLite file at path, creating and migrating it unless
// opt.ReadOnly.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: no file name")
	}
	if opt.BusyTimeout <= 0 {
		opt.BusyTimeout = 5 * time.Second
	}
	if opt.Readers <= 0 {
		opt.Readers = 8
	}
	s := &Store{path: path, timeout: opt.BusyTimeout}
	busy := "_pragma=busy_timeout(" + strconv.FormatInt(opt.BusyTimeout.Milliseconds(), 10) + ")"
	name := "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	var err error
	if !opt.ReadOnly {
		// The writer keeps 32 MB of pages in its cache (SQLite's default is
		// 2 MB): at 100,000 mentions the indexes no longer fit in 2 MB, and
		// re-reading their pages made an ingest of 5,000 articles 30% slower.
		s.w, err = sql.Open("sqlite", name+"?"+busy+"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_pragma=cache_size(-32768)&_txlock=immediate")
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		s.w.SetMaxOpenConns(1)
		s.w.SetConnMaxIdleTime(0)
		if err := s.migrate(ctx); err != nil {
			s.w.Close()
			return nil, err
		}
		if err := s.fillWindows(ctx); err != nil {
			s.w.Close()
			return nil, err
		}
		// Statistics for the query planner, on tables never analyzed.
		if _, err := s.w.ExecContext(ctx, `PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002`); err != nil {
			s.w.Close()
			return nil, s.wrap("optimize", err)
		}
	}
	ro := "&_pragma=query_only(1)"
	if opt.ReadOnly {
		ro = "&mode=ro"
	}
	s.r, err = sql.Open("sqlite", name+"?"+busy+ro)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.r.SetMaxOpenConns(opt.Readers)
	s.r.SetMaxIdleConns(opt.Readers)
	if opt.ReadOnly {
		v, err := s.version(ctx, s.r)
		if err != nil {
			s.Close()
			return nil, err
		}
		if want := latest(); v != want {
			s.Close()
			return nil, fmt.Errorf("sqlite: %s has schema version %d, this sitrep needs %d: open it for writing once to migrate it", path, v, want)
		}
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	var errs []error
	if s.w != nil {
		s.mu.Lock()
		for _, st := range s.stmts {
			errs = append(errs, st.Close())
		}
		s.stmts = nil
		s.mu.Unlock()
		// Refresh the planner's statistics where they drifted: without
		// them SQLite sorts all events of a common actor instead of
		// walking the date order (80 ms against 1 ms for a page of
		// 100,000 events).
		if _, err := s.w.Exec(`PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002`); err != nil {
			errs = append(errs, s.wrap("optimize", err))
		}
		errs = append(errs, s.w.Close())
	}
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	return errors.Join(errs...)
}

// Path returns the file's name as given to Open.
func (s *Store) Path() string { return s.path }

// wrap gives err the file's name and what was being done, and ErrLocked
// when it is a lock timeout. The store's own errors, fn's errors and
// errors wrapped once already pass unchanged.
func (s *Store) wrap(what string, err error) error {
	var fe *fileError
	if err == nil || errors.As(err, &fe) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &fileError{s.path, what, fmt.Errorf("%w: another process held the write lock for more than %v (%w)", ErrLocked, s.timeout, err)}
		}
	}
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrCursor) || errors.Is(err, store.ErrQuery) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &fileError{s.path, what, err}
}

// A fileError is an error of the database file.
type fileError struct {
	path, what string
	err        error
}

func (e *fileError) Error() string { return "sqlite: " + e.path + ": " + e.what + ": " + e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

type migration struct {
	version int
	name    string
}

func listMigrations() []migration {
	ents, _ := fs.ReadDir(migrations, "migrations")
	var ms []migration
	for _, e := range ents {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		ms = append(ms, migration{v, path.Join("migrations", e.Name())})
	}
	return ms // ReadDir sorts by name, and the numbers have equal widths
}

func latest() int {
	ms := listMigrations()
	return ms[len(ms)-1].version
}

func (s *Store) version(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var v int
	err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	if err != nil {
		return 0, s.wrap("read schema version", err)
	}
	return v, nil
}

// migrate applies the migrations the file has not had, each in its own
// transaction.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return s.wrap("create schema_version", err)
	}
	ms := listMigrations()
	for _, m := range ms {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			v, err := s.version(ctx, tx)
			if err != nil {
				return err
			}
			if v > latest() {
				return fmt.Errorf("sqlite: %s has schema version %d, newer than this sitrep's %d", s.path, v, latest())
			}
			if v >= m.version {
				return nil
			}
			b, err := migrations.ReadFile(m.name)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(b)); err != nil {
				return s.wrap("migrate "+m.name, err)
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, m.version)
			return s.wrap("migrate "+m.name, err)
		})
		if err != nil {
			return s.wrap("migrate", err)
		}
	}
	return nil
}

// inTx runs fn in a write transaction and commits it when fn returns nil.
// The caller wraps its errors.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
