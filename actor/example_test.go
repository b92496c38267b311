package actor_test

import (
	"context"
	"fmt"
	"time"

	"sitrep/actor"
	"sitrep/nlp"
)

func ExampleDictionary_Match() {
	d, err := actor.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &nlp.Doc{Text: "Lavrov said Moscow was helping Syria's army convince rebels to lay down their arms."}
	if err := (nlp.Pipeline{new(nlp.Segmenter), new(nlp.Tokenizer)}).Annotate(context.Background(), doc); err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range d.Match(doc.Tokens) {
		code, _ := m.Entry.CodeOn(20180705)
		fmt.Printf("[%d, %d) %-8s %s\n", m.Start, m.End, doc.Text[m.Start:m.End], code)
	}
	// Output:
	// [0, 6) Lavrov   RUSGOV
	// [12, 18) Moscow   RUSGOV
	// [31, 36) Syria    SYR
	// [39, 43) army     ~MIL
	// [53, 59) rebels   ~REB
}

func ExampleDictionary_Resolve() {
	d, err := actor.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	date := time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)
	for _, phrase := range []string{
		"Syria's army",
		"Russian military police",
		"regime forces",
		"United Nations deputy spokesman Farhan Haq",
		"Lavrov",
		"rebels",
	} {
		doc := &nlp.Doc{Text: phrase, Sentences: []nlp.Sentence{{Span: nlp.Span{Start: 0, End: len(phrase)}}}}
		if err := new(nlp.Tokenizer).Annotate(context.Background(), doc); err != nil {
			fmt.Println(err)
			return
		}
		focus := ""
		if phrase == "regime forces" {
			focus = "SYR" // the story is about Syria
		}
		a, ok := d.Resolve(doc.Tokens, date, focus)
		if !ok {
			fmt.Printf("%-45s no actor\n", phrase)
			continue
		}
		fmt.Printf("%-45s %-7s", phrase, a.Code)
		for _, ev := range a.Evidence {
			fmt.Printf(" %s(%s)", ev.Rule, ev.Code)
		}
		if a.Incomplete {
			fmt.Print(" incomplete")
		}
		fmt.Println()
	}
	// Output:
	// Syria's army                                  SYRMIL  possessor(SYR) agent(~MIL)
	// Russian military police                       RUSMIL  country(RUS) agent(~MIL)
	// regime forces                                 SYRMIL  focus(SYR) agent(~MIL)
	// United Nations deputy spokesman Farhan Haq    IGOUNO  named(IGOUNO)
	// Lavrov                                        RUSGOV  named(RUSGOV)
	// rebels                                        REB     agent(~REB) incomplete
}
