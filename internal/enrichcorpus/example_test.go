package enrichcorpus_test

import (
	"fmt"
	"strings"

	"sitrep/internal/enrichcorpus"
)

func ExampleParse() {
	const corpus = `== syria-daraa-01
pub: 2018-07-05
text: Syrian government forces shelled Nawa in Daraa province on Monday, killing
  at least 12 civilians, the Syrian Observatory for Human Rights said.
place: Nawa => Nawá | SYR | 32.89 36.04 | 166365 | city
place: Daraa province => Daraa | SYR | 32.82 36.17 | 170903 | region
time: on Monday => 2018-07-02 day
count: killed 12 at least | civilians
event: shelled @ Nawa ; 2018-07-02 day
quote: -
`
	cases, err := enrichcorpus.Parse(strings.NewReader(corpus), "corpus.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := cases[0]
	for _, p := range c.Places {
		fmt.Printf("place %q at %d: %s %s %d\n", p.Mention, p.Span.Start, p.Country, p.Precision, p.GeoNameID)
	}
	for _, t := range c.Times {
		fmt.Printf("time %q: %s %s\n", c.Text[t.Span.Start:t.Span.End], t.Value.Format("2006-01-02"), t.Precision)
	}
	for _, n := range c.Counts {
		fmt.Printf("count: %s %d (%s) %s\n", n.Type, n.Number, n.Qualifier, n.Object)
	}
	e := c.Events[0]
	fmt.Printf("event %q at %s on %s\n", e.Verb, c.Places[e.Place].Name, e.Date.Format("2006-01-02"))

	_, err = enrichcorpus.Parse(strings.NewReader("== x\npub: 2018-07-05\ntext: Shelling hit Homs.\ntime: on Sunday => 2018-07-01 day\n"), "corpus.txt")
	fmt.Println(err)
	// Output:
	// place "Nawa" at 33: SYR city 166365
	// place "Daraa province" at 41: SYR region 170903
	// time "on Monday": 2018-07-02 day
	// count: killed 12 (at least) civilians
	// event "shelled" at Nawá on 2018-07-02
	// corpus.txt:4: time: "on Sunday" is not in the text
}
