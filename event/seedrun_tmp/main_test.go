package seedrun_tmp

import (
	"os"
	"testing"
	"time"

	"sitrep/event"
	"sitrep/nlp"
)

func TestSeed(t *testing.T) {
	b, _ := os.ReadFile("/work/shared/seed/000_86861ccb5f158c03.txt")
	m, _ := nlp.DefaultModel()
	doc := &nlp.Doc{Text: string(b)}
	m.Pipeline().Annotate(t.Context(), doc)
	c, err := event.NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	evs, err := c.Code(t.Context(), doc, event.Options{Date: time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC), Focus: os.Getenv("FOCUS")})
	for _, e := range evs {
		s := doc.Sentences[e.Sentence]
		t.Logf("%v  [%s] rule=%s | %.90s", e, doc.Text[e.Verb.Start:e.Verb.End], e.Rule, doc.Text[s.Start:s.End])
	}
	if os.Getenv("EXPLAIN") != "" {
		for i := range doc.Sentences {
			t.Log("\n" + c.Explain(doc.SentenceTokens(i), event.Options{Date: time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)}))
		}
	}
}

func TestOne(t *testing.T) {
	text := os.Getenv("TEXT")
	if text == "" {
		t.Skip()
	}
	m, _ := nlp.DefaultModel()
	doc := &nlp.Doc{Text: text}
	m.Pipeline().Annotate(t.Context(), doc)
	c, err := event.NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	opt := event.Options{Date: time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC), Focus: os.Getenv("FOCUS")}
	for i := range doc.Sentences {
		t.Log("\n" + c.Explain(doc.SentenceTokens(i), opt))
	}
	evs, _ := c.Code(t.Context(), doc, opt)
	for _, e := range evs {
		t.Logf("%v [%s] %s", e, doc.Text[e.Verb.Start:e.Verb.End], e.Rule)
	}
}
