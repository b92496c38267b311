package nlp_test

import (
	"context"
	"fmt"
	"strings"

	"sitrep/nlp"
)

func ExampleTokenizer() {
	doc := &nlp.Doc{Text: "DAMASCUS (Reuters) - Syrian forces shelled al-Qaida-linked rebels, the U.S. said.\n" +
		"Rebels didn't retreat from Daraa."}
	pipeline := nlp.Pipeline{new(nlp.Segmenter), new(nlp.Tokenizer)}
	if err := pipeline.Annotate(context.Background(), doc); err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range doc.Sentences {
		var forms []string
		for _, tok := range doc.SentenceTokens(i) {
			forms = append(forms, tok.Form)
		}
		fmt.Printf("[%d, %d) %s\n", s.Start, s.End, strings.Join(forms, " "))
	}
	// Output:
	// [0, 81) DAMASCUS ( Reuters ) - Syrian forces shelled al-Qaida-linked rebels , the U.S. said .
	// [82, 115) Rebels did n't retreat from Daraa .
}

func ExampleTokenizer_multiWords() {
	doc := &nlp.Doc{Text: "Assad's army won't stop, the rebels' leader said."}
	pipeline := nlp.Pipeline{new(nlp.Segmenter), new(nlp.Tokenizer)}
	if err := pipeline.Annotate(context.Background(), doc); err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range doc.Sentences[0].MultiWords {
		fmt.Print(m.Form, " =")
		for _, tok := range doc.Tokens[m.First:m.Limit] {
			fmt.Print(" ", tok.Form)
		}
		fmt.Println()
	}
	// Output:
	// Assad's = Assad 's
	// won't = wo n't
	// rebels' = rebels '
}
