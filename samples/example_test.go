package samples_test

import (
	"fmt"
	"io"

	"sitrep/article"
	"sitrep/samples"
)

func ExampleDemo() {
	r := article.NewJSONLReader(samples.Demo(), samples.DemoName)
	n := 0
	for {
		a, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		if n++; n == 4 {
			fmt.Println(a.Origin, a.Date.Format("2006-01-02"), a.Source)
			fmt.Println(a.Title)
		}
	}
	fmt.Println(n, "articles")
	// Output:
	// demo.jsonl:4 2018-06-28 Wire A
	// Syrian troops push into eastern Daraa as Russian jets pound rebel towns
	// 78 articles
}

func ExampleGenerator_Generate() {
	g, err := samples.DefaultGenerator()
	if err != nil {
		fmt.Println(err)
		return
	}
	originals, reprints := 0, 0
	for a := range g.Generate(1000, 42) {
		if a.Of >= 0 {
			reprints++
		} else {
			originals++
		}
	}
	fmt.Println(originals, "originals,", reprints, "reprints")
	// Output:
	// 899 originals, 101 reprints
}
