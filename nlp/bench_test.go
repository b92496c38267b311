package nlp_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/testshared"
	"sitrep/nlp"
)

// benchDocs returns the fixed benchmark corpus: the sentences of UD English
// EWT dev and test as raw text, one document per source document.
func benchDocs(b *testing.B) []string {
	b.Helper()
	var texts []string
	for _, name := range []string{"dev", "test"} {
		for _, s := range readTreebank(b, "data/ud-english-ewt/en_ewt-ud-"+name+".conllu") {
			for _, c := range s.Comments {
				if strings.HasPrefix(c, "# newdoc") || len(texts) == 0 {
					texts = append(texts, "")
				}
			}
			texts[len(texts)-1] += s.Doc.Text + "\n"
		}
	}
	return texts
}

// BenchmarkPipeline measures segment+tokenize+tag+lemmatize+parse, one
// core, on EWT dev and test as raw text (about 50,000 tokens).
func BenchmarkPipeline(b *testing.B) {
	texts := benchDocs(b)
	m, err := nlp.DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	p := m.Pipeline()
	ctx := context.Background()
	tokens := 0
	for b.Loop() {
		for _, text := range texts {
			doc := &nlp.Doc{Text: text}
			if err := p.Annotate(ctx, doc); err != nil {
				b.Fatal(err)
			}
			tokens += len(doc.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkStages times each annotator alone on the same corpus.
func BenchmarkStages(b *testing.B) {
	texts := benchDocs(b)
	m, err := nlp.DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	stages := []struct {
		name string
		a    nlp.Annotator
	}{
		{"segment", &nlp.Segmenter{}}, {"tokenize", &nlp.Tokenizer{}},
		{"tag", m.Tagger}, {"lemmatize", m.Lemmatizer}, {"parse", m.Parser},
	}
	for i, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			// Prepare documents annotated up to this stage.
			docs := make([]*nlp.Doc, len(texts))
			tokens := 0
			for j, text := range texts {
				docs[j] = &nlp.Doc{Text: text}
				for _, prev := range stages[:i] {
					if err := prev.a.Annotate(ctx, docs[j]); err != nil {
						b.Fatal(err)
					}
				}
			}
			n := 0
			for b.Loop() {
				for _, d := range docs {
					if err := st.a.Annotate(ctx, d); err != nil {
						b.Fatal(err)
					}
					n += len(d.Tokens)
				}
				_ = tokens
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkLoadModel measures decoding the embedded model.
func BenchmarkLoadModel(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(testshared.Root(b), "nlp", "model", "en_ewt.model.gz"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := nlp.ReadModel(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
