package dedup_test

import (
	"fmt"
	"math"
	"time"

	"sitrep/dedup"
)

func ExampleIndex_Add() {
	x, err := dedup.NewIndex(dedup.Options{})
	if err != nil {
		panic(err)
	}
	story := "Rebels and Russia fail to agree on a ceasefire in southern Syria\n\n" +
		"Talks between rebel leaders and Russia on the surrender of towns in Daraa province collapsed on Wednesday, opposition negotiators said.\n\n" +
		"The rebels said Russia had demanded that they hand over all their heavy weapons before any deal.\n\n" +
		"Syrian government forces resumed their offensive in the province hours after the talks ended."
	spun := "Rebels and Russian Federation fail to agree on a ceasefire in southern Syria\n\n" +
		"Talks between rebel leaders and Russian Federation on the surrender of towns in Daraa province collapsed on Wednesday, opposition negotiators said.\n\n" +
		"The rebels said Russian Federation had demanded that they hand over all their heavy weapons before any deal.\n\n" +
		"Syrian government forces resumed their offensive in the province hours after the talks ended."
	x.Add(dedup.Doc{ID: "wire-1", Source: "wire", Text: story})
	res := x.Add(dedup.Doc{ID: "spun-1", Source: "spinner", Text: spun})
	fmt.Printf("exact of %q, near-duplicate of %q (similarity %.2f), original %q\n", res.ExactOf, res.NearOf, res.Similarity, res.Original)
	for i, s := range res.Sentences {
		fmt.Printf("sentence %d: from %s sentence %d, exact %v\n", i, s.Article, s.Sentence, s.Exact)
	}
	// Output:
	// exact of "", near-duplicate of "wire-1" (similarity 1.00), original "wire-1"
	// sentence 0: from wire-1 sentence 0, exact true
	// sentence 1: from wire-1 sentence 1, exact true
	// sentence 2: from wire-1 sentence 2, exact true
	// sentence 3: from wire-1 sentence 3, exact true
}

func ExampleMerger() {
	g := dedup.NewMerger(dedup.MergeOptions{})
	monday := time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)
	gajiram := dedup.Place{ID: 2339354, Lat: 12.48, Lon: 13.21, Radius: 2, Country: "NGA"}
	borno := dedup.Place{ID: 2565340, Lat: 11.5, Lon: 13.0, Radius: 200, Country: "NGA"}
	nowhere := dedup.Place{Lat: math.NaN(), Lon: math.NaN(), Country: "NGA"}
	for _, m := range []dedup.Mention{
		{ID: "m1", ArticleID: "ap-1", Source: "apnews", SourceActor: "NGAREB", TargetActor: "NGO", Code: "181", Place: gajiram, Date: monday, Precision: dedup.Day},
		{ID: "m2", ArticleID: "ap-2", Original: "ap-1", Source: "apnews", SourceActor: "NGAREB", TargetActor: "NGO", Code: "181", Place: gajiram, Date: monday, Precision: dedup.Day},
		{ID: "m3", ArticleID: "rt-1", Source: "reuters", SourceActor: "REB", TargetActor: "NGANGO", Code: "181", Place: borno, Date: monday, Precision: dedup.Day},
		{ID: "m4", ArticleID: "aj-1", Source: "aljazeera", TargetActor: "NGO", Code: "180", Place: nowhere, Date: monday, Precision: dedup.Week},
		{ID: "m5", ArticleID: "ap-3", Source: "apnews", SourceActor: "NGAREB", TargetActor: "NGO", Code: "181", Place: gajiram, Date: monday.AddDate(0, 0, 3), Precision: dedup.Day},
	} {
		g.Add(m)
	}
	for _, e := range g.Events() {
		fmt.Printf("%s %s %s %s %s: %d mentions, %d sources, %d articles\n", e.SourceActor, e.TargetActor, e.Code,
			e.Date.Format(time.DateOnly), e.Precision, e.NumMentions, e.NumSources, e.NumArticles)
	}
	// Output:
	// NGAREB NGANGO 181 2024-07-01 day: 4 mentions, 3 sources, 3 articles
	// NGAREB NGO 181 2024-07-04 day: 1 mentions, 1 sources, 1 articles
}
