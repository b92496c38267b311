package timex_test

import (
	"context"
	"fmt"
	"time"

	"sitrep/nlp"
	"sitrep/timex"
)

func ExampleResolver_Find() {
	m, err := nlp.DefaultModel()
	if err != nil {
		panic(err)
	}
	doc := &nlp.Doc{Text: "The offensive resumed Wednesday evening after talks failed earlier in the day. " +
		"Rebels seized the town in early July 2017, just under a year ago. Talks will resume on Monday."}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		panic(err)
	}
	r, err := timex.Default()
	if err != nil {
		panic(err)
	}
	pub := time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC) // a Thursday
	for _, e := range r.Find(doc, pub) {
		fmt.Printf("%-22q %s %-5s part=%q approx=%v future=%v\n",
			e.Text, e.Value.Format(time.DateOnly), e.Precision, e.Part, e.Approx, e.Future)
	}
	// Output:
	// "Wednesday evening"    2018-07-04 day   part="evening" approx=false future=false
	// "earlier in the day"   2018-07-04 day   part="" approx=false future=false
	// "in early July 2017"   2017-07-01 month part="" approx=true future=false
	// "just under a year ago" 2017-01-01 year  part="" approx=true future=false
	// "on Monday"            2018-07-09 day   part="" approx=false future=true
}
