package nlp_test

import (
	"context"
	"fmt"

	"sitrep/nlp"
)

func ExampleDefaultModel() {
	m, err := nlp.DefaultModel()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &nlp.Doc{Text: "Jordan will not open its borders to refugees."}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range doc.Tokens {
		head := "ROOT"
		if t.Head >= 0 {
			head = doc.Tokens[t.Head].Form
		}
		fmt.Printf("%-8s %-8s %-5s %-4s %-10s %s\n", t.Form, t.Lemma, t.UPOS, t.XPOS, t.Deprel, head)
	}
	// Output:
	// Jordan   Jordan   PROPN NNP  nsubj      open
	// will     will     AUX   MD   aux        open
	// not      not      PART  RB   advmod     open
	// open     open     VERB  VB   root       ROOT
	// its      its      PRON  PRP$ nmod:poss  borders
	// borders  border   NOUN  NNS  obj        open
	// to       to       ADP   IN   case       refugees
	// refugees refugee  NOUN  NNS  obl        open
	// .        .        PUNCT .    punct      open
}
