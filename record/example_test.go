package record_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"sitrep/article"
	"sitrep/event"
	"sitrep/nlp"
	"sitrep/record"
)

// A record is built from an article, its parsed body and the events coded
// in it; every offset points into the body.
func ExampleNew() {
	ctx := context.Background()
	a, err := article.ReadText(strings.NewReader(
		"Daraa offensive\n\nSyrian government forces shelled rebel positions in Daraa on Tuesday.\n"), "daraa.txt")
	if err != nil {
		log.Fatal(err)
	}
	a.Date = time.Date(2018, 7, 3, 0, 0, 0, 0, time.UTC)
	m, err := nlp.DefaultModel()
	if err != nil {
		log.Fatal(err)
	}
	doc := &nlp.Doc{Text: a.Body()}
	if err := m.Pipeline().Annotate(ctx, doc); err != nil {
		log.Fatal(err)
	}
	coder, err := event.NewCoder()
	if err != nil {
		log.Fatal(err)
	}
	evs, err := coder.Code(ctx, doc, event.Options{Date: a.Date, Focus: coder.Focus(doc, a.Date)})
	if err != nil {
		log.Fatal(err)
	}
	r, err := record.New(a, doc, evs, coder.Ontology)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range r.Events {
		fmt.Printf("%s %s(%s) %s %q [%d,%d) on %s, sentence %d\n", e.Source.Code, e.CAMEO, e.Plover, e.Target.Code,
			e.Verb.Text, e.Verb.Start, e.Verb.End, *e.Date, e.Sentence)
		fmt.Printf("source %q = body[%d:%d] = %q\n", e.Source.Text, e.Source.Start, e.Source.End, a.Body()[e.Source.Start:e.Source.End])
	}
	// Output:
	// SYRMIL 194(ASSAULT) SYRREB "shelled" [42,49) on 2018-07-03, sentence 1
	// source "Syrian government forces" = body[17:41] = "Syrian government forces"
}
