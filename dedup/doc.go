// Package dedup finds the copies in a stream of news articles and merges
// the mentions of one real-world event, so that an abduction that 200
// outlets report counts once, with 200 mentions.
//
// # Articles
//
// What goes in: a [Doc] (ID, publisher, time, text and, optionally, the
// sentence spans nlp.Segmenter made). What comes out of [Index.Add]: a
// [Result] that says whether the article is an exact copy of an earlier
// one, a near-duplicate (a reprint with another headline or a paragraph
// less, an update, a spun copy), and, for each sentence, which earlier
// article and sentence it came from, so that a patchwork stitched from
// several articles is flagged with its sources.
//
// Three fingerprints are taken of an article (see [Fingerprint]):
//
//   - the exact fingerprint hashes its words after folding (nlp.Fold: case,
//     diacritics, apostrophes), with punctuation and white space ignored
//     and a line that repeats an earlier line (a title printed twice)
//     left out;
//   - the signature is a one-permutation MinHash of its word trigrams,
//     after the phrases a spinner swaps ("Russian Federation" for
//     "Russia", "Kiev" for "Kyiv") are rewritten by [Synonyms] from
//     dedup/data/synonyms.txt; 128 values of 16 bits estimate the Jaccard
//     similarity of two articles to within about 0.035;
//   - each sentence of at least MinSentenceWords words gets a hash of its
//     words after synonyms and a sketch of 16 MinHash bytes over its word
//     pairs, with an index key equal for equal sentences.
//
// Candidates for comparison are the earlier articles that share a band of
// the signature (LSH: 16 bands of 8 values) or a sentence key with a
// sentence like the new one; their signatures decide near-duplicates
// (Options.Threshold, 0.6 by default) and their sentences the provenance
// of the new article's sentences (an equal hash, or a sketch similarity
// of at least Options.SentenceThreshold). A sentence's origin follows
// copies of copies back to the first article that had it.
//
// # Guarantees
//
// Every span in a Result is a sentence of Doc.Text, in order and not
// overlapping. "Earlier" means added earlier: the index never reorders by
// publication time. The same sequence of articles gives the same results,
// and [Index.Restore] of the stored [Record]s (whose fingerprints a store
// keeps as the bytes of [Fingerprint.MarshalBinary], 277 bytes and 28 a
// sentence) gives an index that answers as the live one did; a record
// made with another synonym table or scheme version is refused
// ([ErrScheme]). Nothing panics on invalid UTF-8, empty texts or bad
// sentence spans (the index segments such texts itself).
//
// Memory: about 1.7 KB of heap an article of 25 sentences
// (BenchmarkIndexMemory), so 1.7 GB for a million articles.
//
// # Events
//
// A [Merger] groups [Mention]s (one coded event in one article: actors,
// CAMEO code, place, date and its precision, publisher, article and the
// article-level [Result.Original]) into [Event]s: mentions with
// compatible actors (equal, or one a more specific code of the other),
// the same CAMEO root, the same place (GeoNames id, or within the places'
// radii plus 10 km) and overlapping dates (a day, week, month or year by
// precision) are one event. An Event counts its mentions, distinct
// publishers and distinct articles (copies of one article once), keeps
// the most specific facts and a representative mention. See [Merger] for
// the rules and what depends on the order mentions come in. [Partition]
// groups a set of mentions canonically: the same events, named by their
// smallest mention ID, whatever the order or the number of processes that
// produced them.
//
// # Data
//
// dedup/data/synonyms.txt is embedded and hand-maintained; its header says
// what belongs in it and what does not. [LoadSynonyms] reads a
// replacement, reporting every bad line as "file:line: problem".
package dedup
