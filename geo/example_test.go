package geo_test

import (
	"context"
	"fmt"

	"sitrep/geo"
	"sitrep/nlp"
)

func ExampleGazetteer_Lookup() {
	g, err := geo.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range []string{"Deraa", "Daraa province", "Golan Heights", "Jordan"} {
		p := g.Lookup(name)[0]
		fmt.Printf("%s: %s %q %s %s %.1f %.1f\n", name, p.Kind, p.Name, p.Country, p.Feature, p.Lat, p.Lon)
	}
	// Output:
	// Deraa: city "Dar‘ā" SYR PPLA 32.6 36.1
	// Daraa province: region "Daraa Governorate" SYR ADM1 32.8 36.2
	// Golan Heights: area "Golan Heights" SYR RGN 33.0 35.8
	// Jordan: country "Jordan" JOR PCLI 31.2 36.8
}

func ExampleGazetteer_Match() {
	g, err := geo.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &nlp.Doc{Text: "Rebels in Daraa province fled toward Jordan and the Golan Heights, police said."}
	if err := (nlp.Pipeline{new(nlp.Segmenter), new(nlp.Tokenizer)}).Annotate(context.Background(), doc); err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range g.Match(doc.Tokens) {
		p := m.Places[0]
		fmt.Printf("[%d, %d) %q → %s %s (%d candidates)\n", m.Start, m.End, doc.Text[m.Start:m.End], p.Name, p.Country, len(m.Places))
	}
	// Output:
	// [10, 24) "Daraa province" → Daraa Governorate SYR (1 candidates)
	// [37, 43) "Jordan" → Jordan JOR (8 candidates)
	// [52, 65) "Golan Heights" → Golan Heights SYR (1 candidates)
}

func ExampleGazetteer_Country() {
	g, err := geo.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, code := range []string{"SY", "SYR", "760", "Russian Federation"} {
		c, _ := g.Country(code)
		fmt.Println(code, "→", c.ISO3, c.Names[0])
	}
	// Output:
	// SY → SYR Syria
	// SYR → SYR Syria
	// 760 → SYR Syria
	// Russian Federation → RUS Russia
}

func ExampleResolver_Resolve() {
	g, err := geo.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := nlp.DefaultModel()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &nlp.Doc{Text: "Rebels in southern Syria shelled Daraa province as Jordan closed its border. " +
		"Refugees gathered near the border with Jordan, a Beirut-based monitor said."}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		fmt.Println(err)
		return
	}
	r := geo.NewResolver(g)
	for _, x := range r.Resolve(doc, geo.ResolveOptions{}) {
		fmt.Printf("%q → %s (%s, %s) %s cue=%q: %s\n", x.Text, x.Place.Name, x.Place.Country, x.Precision, x.Role, x.Cue, x.Why)
	}
	// Output:
	// "southern Syria" → southern Syria (SYR, region) location cue="in": only candidate
	// "Daraa province" → Daraa Governorate (SYR, region) other cue="": only candidate
	// "Jordan" → Jordan (JOR, country) actor cue="": country
	// "border with Jordan" → Syria–Jordan border (SYR, region) location cue="near": border of Syria and Jordan
	// "Beirut" → Beirut (LBN, city) location cue="-based": capital
}
