// Package enrichcorpus reads the enrichment corpus, testdata/enrich/corpus.txt:
// short synthetic news texts with the gold an analyst gives them for the
// enrichment stages that follow event coding — where (places resolved to
// GeoNames), when (time expressions resolved against the publication date),
// how many (casualty and displacement counts) and who said it (direct quotes
// and their speakers) — and the date and place of each main event.
//
// [Read] parses the file into [Case]s. Every annotation names its mention as
// it is written in the text, and Read finds it there and records its byte
// [nlp.Span]; a mention that is not in the text, a bad date, an unknown
// precision or count type and every other malformed line is reported as
// "corpus.txt:212: problem", all of them in one error (a [linefile.List]).
// The format and its conventions are documented in
// testdata/enrich/README.md.
//
// The package only reads and checks the gold; scoring lives in the tests of
// the packages that are measured against it. Only tests import it.
package enrichcorpus
