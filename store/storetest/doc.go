// Package storetest is the conformance suite of store.Store: Run checks,
// on fresh stores, every promise of package store's documentation.
//
// Its fixtures are hand-built record.Articles whose spans are found in
// their bodies by their words (Fixtures: six articles on Syria, Ukraine,
// Gaza, Fiji and Samoa, with a reprint that merges with and refines an
// earlier event, an undated article without source or dedup, places on
// both sides of the antimeridian), and Synthetic, which generates any
// number of articles for paging, limits, crash tests and benchmarks.
//
// The suite states the semantics once, in a model (model.go) that applies
// each Put the plain way and answers queries by filtering and sorting in
// memory; every backend's answers are compared with the model's. What is
// left to a backend is only what the interface leaves open: the form of
// cursors and the wording of errors. Full-text queries are checked
// against the model for single words, and by hand for a phrase and a
// prefix.
package storetest
