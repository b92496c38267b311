package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"sitrep/store"
	"sitrep/store/postgres"
	"sitrep/store/sqlite"
)

// isPostgres reports whether a --db (or --store) value names a
// PostgreSQL database rather than an SQLite file.
func isPostgres(name string) bool {
	return strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://")
}

// openStore opens the store a --db value names: a postgres:// URL, or
// the path of an SQLite file. readOnly opens an existing SQLite file for
// queries only; a PostgreSQL database is opened (and migrated) as it
// is, the role's grants deciding what it may do.
func openStore(ctx context.Context, name string, readOnly bool) (store.Store, error) {
	if isPostgres(name) {
		return postgres.Open(ctx, name, postgres.Options{})
	}
	if readOnly {
		if _, err := os.Stat(name); err != nil {
			return nil, fmt.Errorf("--db: %w", err)
		}
	}
	return sqlite.Open(ctx, name, sqlite.Options{ReadOnly: readOnly})
}
