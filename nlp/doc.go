// Package nlp turns raw English news text into sentences, tokens, part-of-speech
// tags, lemmas and a labeled dependency parse, the layers every later stage of
// sitrep reads.
//
// What goes in is a [Doc] holding the original text. Each [Annotator] adds one
// layer and never changes the layers before it:
//
//	Segmenter  sentences (byte spans)
//	Tokenizer  tokens (byte spans; contractions split the way UD EWT splits them)
//	Tagger     UPOS and PTB XPOS tags
//	Lemmatizer lemmas
//	Parser     heads and Universal Dependencies relations
//
// A [Pipeline] runs annotators in order. [DefaultModel] returns the tagger,
// lemmatizer and parser trained on UD English EWT and embedded in the binary.
//
// Guarantees: every sentence and token is a half-open byte range [Start, End)
// into Doc.Text, in document order and non-overlapping, and a token's Form is
// always Doc.Text[Start:End]. Nothing in this package panics on invalid UTF-8,
// NUL bytes or very long lines.
package nlp
