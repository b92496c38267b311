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

// FuzzPipeline runs the whole embedded pipeline on arbitrary text: every
// sentence must come out as one projective tree with a root, over tokens
// whose forms are their spans.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"", " ", "\x00", "\xff\xfe", "Rebels fled.", "a\n\nb", `"Go," he said.`,
		"DAMASCUS (Reuters) - Syrian forces shelled Daraa on Monday, killing 12.",
		"1. First\n2. Second", "U.S. U.N. e.g. ... ??? !!!", "al-Qaida-linked don't can't won't",
	} {
		f.Add(s)
	}
	m, err := DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	p := m.Pipeline()
	f.Fuzz(func(t *testing.T, text string) {
		doc := &Doc{Text: text}
		if err := p.Annotate(t.Context(), doc); err != nil {
			t.Fatal(err)
		}
		for i := range doc.Sentences {
			toks := doc.SentenceTokens(i)
			for _, tok := range toks {
				if text[tok.Start:tok.End] != tok.Form || tok.UPOS == "" || tok.XPOS == "" {
					t.Fatalf("token %+v", tok)
				}
			}
			if len(toks) > 0 {
				checkTree(t, toks)
			}
		}
	})
}
