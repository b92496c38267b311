// Package samples holds the articles sitrep shows and measures itself on:
// an embedded demo corpus of hand-written synthetic news, and a generator
// of any number of template-made articles for benchmarks.
//
// [Demo] returns demo.jsonl, 78 wire-style reports on ten conflicts
// (Syria 2018 to Haiti 2024) in the JSON Lines format article.JSONLReader
// reads. Every article was written for sitrep; README.md says which are
// reprints, stitched spun copies or independent reports of the same event,
// and [DemoRelations] reads that table so that deduplication can be tested
// against it.
//
// [Generator.Generate] writes articles deterministically for a seed by
// filling sentence templates (samples/synth/sentences.txt) with the actors,
// places and officials of a conflict (conflicts.txt) and shared word lists
// (words.txt). Lengths are log-normal with a median of [MedianWords] words,
// and [ReprintShare] of the articles reprint an earlier one with light
// edits, so that a benchmark's deduplication has realistic work.
// [DefaultGenerator] loads the embedded data files; [LoadGenerator] reads
// replacements and reports every bad line as "file:line: problem".
package samples
