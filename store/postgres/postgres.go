package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"sitrep/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options tune Open. The zero value gives the defaults.
type Options struct {
	// MaxConns is the most connections the store opens at once. 0 means
	// pgxpool's default (4, or the number of CPUs when more).
	MaxConns int
	// Retries is how often a write is tried again after a deadlock or a
	// serialization failure with another writer. 0 means 5.
	Retries int
}

// A Store is a store.Store on a PostgreSQL database. It is safe for
// concurrent use, also by several processes on one database.
type Store struct {
	pool    *pgxpool.Pool
	name    string // host and database, for errors
	retries int
}

var (
	_ store.Store        = (*Store)(nil)
	_ store.Batcher      = (*Store)(nil)
	_ store.PointScanner = (*Store)(nil)
	_ store.Remerger     = (*Store)(nil)
)

// migrationLock is the advisory lock key under which Open migrates, so
// that workers starting together migrate once.
const migrationLock = 0x73697472_65700001 // "sitrep" 1

// Open connects to the database dsn names (a postgres:// URL or
// key=value pairs, as libpq takes them) and brings its schema up to date.
// It fails when the database cannot be reached.
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if opt.MaxConns > 0 {
		cfg.MaxConns = int32(opt.MaxConns)
	}
	if opt.Retries <= 0 {
		opt.Retries = 5
	}
	name := cfg.ConnConfig.Host + ":" + strconv.Itoa(int(cfg.ConnConfig.Port)) + "/" + cfg.ConnConfig.Database
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", name, err)
	}
	s := &Store{pool: pool, name: name, retries: opt.Retries}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the store's connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Name returns the server and database, for messages.
func (s *Store) Name() string { return s.name }

// wrap gives err the database's name and what was being done. The
// store's own errors and cancellation pass unchanged.
func (s *Store) wrap(what string, err error) error {
	var pe *pgError
	if err == nil || errors.As(err, &pe) {
		return err
	}
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrCursor) || errors.Is(err, store.ErrQuery) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &pgError{s.name, what, err}
}

// A pgError is an error of the database.
type pgError struct {
	name, what string
	err        error
}

func (e *pgError) Error() string { return "postgres: " + e.name + ": " + e.what + ": " + e.err.Error() }
func (e *pgError) Unwrap() error { return e.err }

// retryable reports a deadlock or serialization failure, after which a
// transaction can be run again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// inTx runs fn in a transaction and commits it when fn returns nil,
// running it again after a deadlock with another writer.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	for try := 0; ; try++ {
		err := pgx.BeginFunc(ctx, s.pool, fn)
		if err == nil || !retryable(err) || try >= s.retries {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(try+1) * 10 * time.Millisecond):
		}
	}
}

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
	return ms
}

func latest() int {
	ms := listMigrations()
	return ms[len(ms)-1].version
}

// migrate applies the migrations the database has not had, in one
// transaction under an advisory lock.
func (s *Store) migrate(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`); err != nil {
			return err
		}
		var v int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
			return err
		}
		if v > latest() {
			return fmt.Errorf("schema version %d is newer than this sitrep's %d", v, latest())
		}
		for _, m := range listMigrations() {
			if m.version <= v {
				continue
			}
			b, err := migrations.ReadFile(m.name)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, string(b)); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version) VALUES ($1)`, m.version); err != nil {
				return err
			}
		}
		return nil
	})
	return s.wrap("migrate", err)
}
