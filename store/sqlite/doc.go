// Package sqlite implements store.Store on one SQLite file, with the pure-Go
// driver modernc.org/sqlite: no cgo, no server.
//
// Open creates the file when it is missing and brings its schema up to date
// from the numbered migrations embedded in migrations/ (0001_init.sql, ...),
// recording the version reached in the schema_version table. A migration is
// a new file with the next number; files once released are never edited.
//
// The database runs in WAL mode: readers never wait for the writer and the
// writer never waits for readers. Writes go through one connection; Put is
// one IMMEDIATE transaction, so that an article is stored whole or not at
// all, also when the process is killed midway. When another process holds
// the write lock, a write waits Options.BusyTimeout and then fails with an
// error that wraps ErrLocked and names the file.
//
// What is stored: articles (metadata, body and the record.Article JSON as
// Put, so that Article gives back the same bytes), an FTS5 index over title
// and body, sentences, mentions (one row per coded event, with the facts
// deduplication merged on), merged events (counts, representative, and the
// representative's date, type, actors, countries and location copied out
// for filtering), actors, places, quotes, counts, dedup facts and
// fingerprints. See migrations/0001_init.sql.
package sqlite
