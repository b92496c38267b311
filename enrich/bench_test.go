package enrich_test

import (
	"context"
	"testing"
	"time"

	"sitrep/article"
	"sitrep/enrich"
	"sitrep/nlp"
	"sitrep/samples"
)

// demoDocs parses the demo corpus's first n articles.
func demoDocs(b *testing.B, st *stages, n int) ([]*nlp.Doc, []time.Time, int) {
	r := article.NewJSONLReader(samples.Demo(), "demo.jsonl")
	var docs []*nlp.Doc
	var dates []time.Time
	tokens := 0
	for len(docs) < n {
		a, err := r.Read()
		if err != nil {
			break
		}
		doc := &nlp.Doc{Text: a.Body()}
		if err := st.model.Pipeline().Annotate(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		dates = append(dates, a.Date)
		tokens += len(doc.Tokens)
	}
	return docs, dates, tokens
}

// BenchmarkCode and BenchmarkEnrich time the event coder and the
// enrichment on the same parsed demo articles, so that their ratio says
// what enrichment adds to coding; BenchmarkParse times the parse both
// need, which dominates `sitrep code`.
func BenchmarkCode(b *testing.B) {
	st := load(b)
	docs, dates, tokens := demoDocs(b, st, 40)
	b.ResetTimer()
	for range b.N {
		for i, doc := range docs {
			if _, err := st.coder.Code(context.Background(), doc, eventOptions(dates[i], st.coder.Focus(doc, dates[i]))); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}

func BenchmarkEnrich(b *testing.B) {
	st := load(b)
	docs, dates, tokens := demoDocs(b, st, 40)
	b.ResetTimer()
	for range b.N {
		for i, doc := range docs {
			sc := st.enricher.Read(doc, enrich.Options{Date: dates[i], Focus: "SYR"})
			for tok := range doc.Tokens {
				if doc.Tokens[tok].UPOS == "VERB" {
					sc.Where(tok)
					sc.When(tok)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}

func BenchmarkParse(b *testing.B) {
	st := load(b)
	docs, _, tokens := demoDocs(b, st, 40)
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			doc := &nlp.Doc{Text: d.Text}
			if err := st.model.Pipeline().Annotate(context.Background(), doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}
