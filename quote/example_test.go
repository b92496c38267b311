package quote_test

import (
	"context"
	"fmt"
	"time"

	"sitrep/nlp"
	"sitrep/quote"
)

// Find returns the direct quotes and reported statements of a parsed text
// with their speakers coded; a pronoun speaker is coded by the mention it
// stands for.
func ExampleFinder_Find() {
	m, err := nlp.DefaultModel()
	if err != nil {
		panic(err)
	}
	doc := &nlp.Doc{Text: "Jordanian Foreign Minister Ayman Safadi met the UN envoy on Tuesday.\n\n" +
		`"Our borders will stay closed," he told reporters. The Syrian Observatory for Human Rights said ` +
		`12 civilians had been killed in Daraa.`}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		panic(err)
	}
	f, err := quote.Default()
	if err != nil {
		panic(err)
	}
	date := time.Date(2018, 7, 3, 0, 0, 0, 0, time.UTC)
	for _, q := range f.Find(doc, quote.Options{Date: date, Focus: "SYR"}) {
		fmt.Printf("direct=%v %q\n", q.Direct, q.Text)
		fmt.Printf("  %s %q (%s)", doc.Text[q.Verb.Start:q.Verb.End], q.Speaker.Text, q.Speaker.Code)
		if a := q.Speaker.Antecedent; a != nil {
			fmt.Printf(" = %q", doc.Text[a.Start:a.End])
		}
		fmt.Println()
	}
	// Output:
	// direct=true "Our borders will stay closed"
	//   told "he" (JORGOV) = "Foreign Minister Ayman Safadi"
	// direct=false "12 civilians had been killed in Daraa"
	//   said "The Syrian Observatory for Human Rights" (NGOSYRHRI)
}
