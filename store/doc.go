// Package store keeps what sitrep has read and coded: articles, their
// sentences, the events coded in them (each a mention, in GDELT's sense, of
// a real-world event), the merged events those mentions make up, and the
// quotes, counts and places found around them. It is the seam between the
// pipeline, which writes, and the API and exports, which read.
//
// Store is the interface; package store/sqlite implements it on an
// embedded SQLite file, and package store/storetest is the conformance
// suite every implementation must pass.
//
// What a store promises:
//
//   - Put is idempotent and atomic: an article whose ID is stored already
//     adds nothing, and an article is stored with all its annotations or
//     not at all, so a crash mid-ingest and a rerun leave no duplicates and
//     no gaps.
//   - What comes out is what went in: Article returns the record.Article
//     that was Put, byte for byte in its JSON form.
//   - Queries page by an opaque cursor that stays valid while articles are
//     added: a page never repeats or skips an event that existed when the
//     first page was read.
package store
