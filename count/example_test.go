package count_test

import (
	"context"
	"fmt"

	"sitrep/count"
	"sitrep/nlp"
)

func ExampleFinder_Find() {
	m, err := nlp.DefaultModel()
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := count.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &nlp.Doc{Text: "Jordan, which has taken in more than half a million displaced Syrians, closed its border. " +
		"Gunmen killed at least 12 villagers in Zamfara state and abducted dozens of others."}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		fmt.Println(err)
		return
	}
	form := func(i int) string {
		if i < 0 {
			return "-"
		}
		return doc.Tokens[i].Form
	}
	for _, c := range f.Find(doc) {
		fmt.Printf("%-9s %6d %-9q approx=%-5v object=%-19q verb=%-9s place=%s\n",
			c.Type, c.Number, c.Qualifier, c.Approx, c.Object, form(c.Verb), form(c.Place))
	}
	// Output:
	// displaced 500000 "more than" approx=false object="displaced Syrians" verb=displaced place=Jordan
	// killed        12 "at least" approx=false object="villagers"         verb=killed    place=Zamfara
	// abducted      24 ""        approx=true  object="others"            verb=abducted  place=-
}
