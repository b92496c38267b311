package event_test

import (
	"fmt"
	"log"
	"strings"

	"sitrep/event"
)

func Example() {
	o, err := event.DefaultOntology()
	if err != nil {
		log.Fatal(err)
	}
	for _, code := range []string{"0233", "173", "193"} {
		c, _ := o.Code(code)
		fmt.Printf("%s %s\n  root %s, %s, Goldstein %+.1f, PLOVER %s mode=%q context=%q\n",
			c.Code, c.Description, c.Root, c.Quad, c.Goldstein, c.Plover, c.Mode, c.Context)
	}
	fmt.Println(o.Valid("190"), o.Valid("199"))
	// Output:
	// 0233 Appeal for humanitarian aid
	//   root 02, Verbal Cooperation, Goldstein +3.4, PLOVER REQUEST mode="assist" context="humanitarian"
	// 173 Arrest, detain, or charge with legal action
	//   root 17, Material Conflict, Goldstein -5.0, PLOVER COERCE mode="arrest" context="legal"
	// 193 Fight with small arms and light weapons
	//   root 19, Material Conflict, Goldstein -10.0, PLOVER ASSAULT mode="firearms" context="military"
	// true false
}

// An ontology file can replace the embedded one; LoadOntology reports every
// bad line at once.
func ExampleLoadOntology() {
	const file = `# code quad goldstein plover mode context description
19   4  -10.0  ASSAULT  -         military  FIGHT
190  4  -10.0  ASSAULT  -         military  Use conventional military force
193  4  -10.0  FIGHT    firearms  military  Fight with small arms and light weapons
194  4  -12.0  ASSAULT  -         military  Fight with artillery and tanks
2041 4  -10.0  ASSAULT  -         cbrn      Use chemical, biological, or radiological weapons
`
	_, err := event.LoadOntology(strings.NewReader(file), "ontology.txt")
	fmt.Println(err)
	// Output:
	// ontology.txt:4: unknown PLOVER type "FIGHT" (want one of AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT, or -)
	// ontology.txt:5: Goldstein weight -12.0 outside [-10, 10]
	// ontology.txt:6: root "20" of code "2041" is missing
	// ontology.txt:6: parent "204" of code "2041" is missing
}
