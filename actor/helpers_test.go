package actor

import (
	"context"
	"testing"
	"time"

	"sitrep/nlp"
)

// tokens tokenizes s as one sentence.
func tokens(tb testing.TB, s string) []nlp.Token {
	tb.Helper()
	doc := &nlp.Doc{Text: s, Sentences: []nlp.Sentence{{Span: nlp.Span{Start: 0, End: len(s)}}}}
	if err := new(nlp.Tokenizer).Annotate(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc.Tokens
}

func mustDefault(tb testing.TB) *Dictionary {
	tb.Helper()
	d, err := Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return d
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}
