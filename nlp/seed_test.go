package nlp

import (
	"os"
	"testing"
)

// TestSeedArticle runs the whole pipeline on the founding article.
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile(sharedPath(t, "seed/000_86861ccb5f158c03.txt"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	doc := &Doc{Text: string(b)}
	if err := m.Pipeline().Annotate(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != 17 {
		t.Fatalf("%d sentences, want 17", len(doc.Sentences))
	}
	for i := range doc.Sentences {
		toks := doc.SentenceTokens(i)
		for _, tok := range toks {
			if doc.Text[tok.Start:tok.End] != tok.Form {
				t.Errorf("token %q has span %v = %q", tok.Form, tok.Span, doc.Text[tok.Start:tok.End])
			}
		}
		checkTree(t, toks)
	}
	want := map[string]string{"resumed": "VERB", "regime": "NOUN", "retake": "VERB"}
	seen := map[string]bool{}
	for _, tok := range doc.Tokens {
		if upos, ok := want[tok.Form]; ok {
			seen[tok.Form] = true
			if tok.UPOS != upos {
				t.Errorf("%q at %d tagged %s, want %s", tok.Form, tok.Start, tok.UPOS, upos)
			}
		}
	}
	for w := range want {
		if !seen[w] {
			t.Errorf("%q not found", w)
		}
	}
}
