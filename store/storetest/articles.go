package storetest

import (
	"fmt"
	"math/rand/v2"

	"sitrep/store"
)

var (
	syrGov  = [4]string{"SYRGOV", "SYR", "GOV", "Syrian government forces"}
	rebels  = [4]string{"SYRREB", "SYR", "REB", "rebel positions"}
	rusMil  = [4]string{"RUSMIL", "RUS", "MIL", "Russian forces"}
	none    = [4]string{}
	fjiCop  = [4]string{"FJICOP", "FJI", "COP", "Fijian police"}
	wsmGov  = [4]string{"WSMGOV", "WSM", "GOV", "Samoan officials"}
	civ     = [4]string{"CVL", "", "CVL", "protesters"}
	commndr = [4]string{"SYRREB", "SYR", "REB", "a rebel commander"}
)

// Fixtures returns the suite's articles in the order they are Put: a
// shelling in Daraa and its reprint by another outlet (one merged event of
// two mentions), strikes and talks in Ukraine, an undated protest with no
// source (Put without dedup), an arrest and its condemnation on both sides
// of the antimeridian, and a Gaza air strike. Every call returns new
// values.
func Fixtures() []*store.Ingest {
	g := newMerger()
	var out []*store.Ingest

	a1 := newDraft("Government forces shell Daraa", "2024-03-06", "Reuters", "https://example.org/reuters/daraa",
		`Syrian government forces shelled rebel positions in Daraa on Tuesday. The Syrian Observatory said at least 12 people were killed in the shelling. "We will respond," a rebel commander said.`)
	a1.event(ev{key: "daraa", sentence: 0, verb: "shelled", cameo: "195", plover: "ASSAULT", quad: 4, gold: -10,
		src: syrGov, tgt: rebels, loc: &daraa, locWords: "Daraa"}).
		count(1, "at least 12 people were killed", "killed", 12, "at least", &daraa).
		quote(2, `"We will respond,"`, true, commndr).
		place(0, "Daraa", "location", &daraa, 0.9)
	a1.dedup = &store.Dedup{Original: a1.a.Meta.ID, Fingerprint: []byte("fp:" + a1.a.Meta.ID[:8])}
	out = append(out, g.ingest(a1))

	a2 := newDraft("Syrian army shells rebels in Daraa", "2024-03-05", "AP", "https://example.org/ap/daraa",
		`Syrian government forces shelled rebel positions in Daraa on Tuesday, the day before the talks. The Syrian Observatory said at least 12 people were killed.`)
	a2.event(ev{key: "daraa2", sentence: 0, verb: "shelled", cameo: "195", plover: "ASSAULT", quad: 4, gold: -10,
		src: syrGov, tgt: rebels, loc: &daraa, locWords: "Daraa", date: "2024-03-05", prec: "day", join: "daraa", rep: true}).
		count(1, "at least 12 people were killed", "killed", 12, "at least", nil)
	a2.dedup = &store.Dedup{NearOf: a1.a.Meta.ID, Similarity: 0.82, Original: a1.a.Meta.ID, Copied: 0.7,
		Sources: []string{a1.a.Meta.ID}, Sentences: []store.SentenceOrigin{{Sentence: 1, Article: a1.a.Meta.ID, ArticleSentence: 1}},
		Fingerprint: []byte("fp:" + a2.a.Meta.ID[:8])}
	out = append(out, g.ingest(a2))

	a3 := newDraft("Missiles hit Kharkiv; minister meets UN envoy", "2023-11-10", "Kyiv Independent", "",
		`Russian forces struck Kharkiv with missiles overnight, the Ukrainian military said. Ukraine's foreign minister met the UN envoy in Kyiv & discussed <grain> exports.`)
	a3.event(ev{key: "kharkiv", sentence: 0, verb: "struck", cameo: "195", plover: "ASSAULT", quad: 4, gold: -10,
		src: rusMil, tgt: [4]string{"UKR", "UKR", "", "Kharkiv"}, loc: &kharkiv, locWords: "Kharkiv", date: "2023-11-09", prec: "day"}).
		event(ev{key: "kyiv", sentence: 1, verb: "met", cameo: "040", plover: "CONSULT", quad: 1, gold: 1,
			src: [4]string{"UKRGOV", "UKR", "GOV", "Ukraine's foreign minister"}, tgt: [4]string{"IGOUNO", "", "IGO", "the UN envoy"},
			loc: &kyiv, locWords: "Kyiv"}).
		quote(0, "Russian forces struck Kharkiv with missiles overnight", false, [4]string{"UKRMIL", "UKR", "MIL", "the Ukrainian military"}).
		place(0, "Kharkiv", "location", &kharkiv, 0.95).
		place(1, "Kyiv", "location", &kyiv, 0.7)
	a3.dedup = &store.Dedup{Original: a3.a.Meta.ID, Fingerprint: []byte("fp:" + a3.a.Meta.ID[:8])}
	out = append(out, g.ingest(a3))

	a4 := newDraft("Protest", "", "", "", `Protesters gathered outside the parliament. Police watched protesters from a distance.`)
	a4.event(ev{key: "protest", sentence: 1, verb: "watched", cameo: "141", plover: "PROTEST", quad: 3, gold: -6.5,
		src: civ, tgt: none}).
		place(0, "parliament", "location", nil, 0)
	in4 := g.ingest(a4)
	in4.Mentions, in4.Merged, in4.DateFrom = nil, nil, ""
	out = append(out, in4)

	a5 := newDraft("Arrests in Suva condemned in Apia", "2024-03-06", "RNZ", "https://example.org/rnz/suva",
		`Fijian police arrested protesters in Suva on Wednesday. Samoan officials condemned the arrests in Apia. Fijian police also arrested protesters in Suva's market.`)
	a5.event(ev{key: "suva", sentence: 0, verb: "arrested", cameo: "173", plover: "COERCE", quad: 4, gold: -5,
		src: fjiCop, tgt: civ, loc: &suva, locWords: "Suva", date: "2024-03-06", prec: "day"}).
		event(ev{key: "apia", sentence: 1, verb: "condemned", cameo: "111", plover: "ACCUSE", quad: 3, gold: -2,
			src: wsmGov, tgt: none, loc: &apia, locWords: "Apia", date: "2024-03-01", prec: "month"}).
		event(ev{key: "suva2", sentence: 2, verb: "arrested", cameo: "173", plover: "COERCE", quad: 4, gold: -5,
			src: fjiCop, tgt: civ, loc: &suva, locWords: "Suva", date: "2024-03-06", prec: "day", join: "suva"})
	a5.dedup = &store.Dedup{Original: a5.a.Meta.ID}
	out = append(out, g.ingest(a5))

	a6 := newDraft("Air strike near Khan Younis", "2024-03-06", "Al Jazeera", "https://example.org/aj/khan-younis",
		`Israeli aircraft bombed targets near Khan Younis. Syria condemned the strike.`)
	a6.event(ev{key: "gaza", sentence: 0, verb: "bombed", cameo: "195", plover: "ASSAULT", quad: 4, gold: -10,
		src: [4]string{"ISRMIL", "ISR", "MIL", "Israeli aircraft"}, tgt: none, loc: &khanYunis, locWords: "Khan Younis"}).
		event(ev{key: "syria", sentence: 1, verb: "condemned", cameo: "111", plover: "ACCUSE", quad: 3, gold: -2,
			src: [4]string{"SYR", "SYR", "", "Syria"}, tgt: none, loc: &syria})
	a6.dedup = &store.Dedup{Original: a6.a.Meta.ID, Fingerprint: []byte("fp:" + a6.a.Meta.ID[:8])}
	out = append(out, g.ingest(a6))
	return out
}

// Synthetic returns n generated articles, the same for the same seed and
// first, each with 1 to 2×events−1 events (events on average) on
// dates spread over 2024, one in twenty undated, across a few countries,
// codes and places. Their IDs are "syn-<seed>-<first+i>"; no events
// merge across articles.
func Synthetic(seed uint64, first, n, events int) []*store.Ingest {
	r := rand.New(rand.NewPCG(seed, uint64(first)))
	type actor struct{ code, country, role string }
	actors := []actor{{"SYRGOV", "SYR", "GOV"}, {"SYRREB", "SYR", "REB"}, {"RUSMIL", "RUS", "MIL"}, {"UKRMIL", "UKR", "MIL"},
		{"ISRMIL", "ISR", "MIL"}, {"PSEREB", "PSE", "REB"}, {"IGOUNO", "", "IGO"}, {"CVL", "", "CVL"}}
	codes := []struct{ cameo, plover string }{{"195", "ASSAULT"}, {"190", "ASSAULT"}, {"040", "CONSULT"}, {"111", "ACCUSE"},
		{"173", "COERCE"}, {"141", "PROTEST"}, {"070", "AID"}}
	places := []place{daraa, kharkiv, kyiv, khanYunis, suva, apia}
	g := newMerger()
	out := make([]*store.Ingest, 0, n)
	for i := range n {
		k := 1 + r.IntN(2*events-1)
		date := ""
		if r.IntN(20) != 0 {
			date = fmt.Sprintf("2024-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
		}
		body := ""
		for j := range k {
			body += fmt.Sprintf("Sentence %d of article %d: alpha hit beta near gamma %d. ", j, first+i, r.IntN(1000))
		}
		d := newDraft(fmt.Sprintf("Synthetic %d", first+i), date, []string{"Reuters", "AP", "AFP", ""}[r.IntN(4)], "", body[:len(body)-1])
		d.a.Meta.ID = fmt.Sprintf("syn-%d-%06d", seed, first+i)
		for j := range k {
			s, t := actors[r.IntN(len(actors))], actors[r.IntN(len(actors))]
			c := codes[r.IntN(len(codes))]
			e := ev{key: fmt.Sprint(j), sentence: j, verb: "hit", cameo: c.cameo, plover: c.plover, quad: 4, gold: -5,
				src: [4]string{s.code, s.country, s.role, "alpha"}, tgt: [4]string{t.code, t.country, t.role, "beta"}}
			if r.IntN(4) != 0 {
				p := places[r.IntN(len(places))]
				e.loc, e.locWords = &p, "gamma"
			}
			d.event(e)
		}
		d.dedup = &store.Dedup{Original: d.a.Meta.ID, Fingerprint: []byte(d.a.Meta.ID)}
		out = append(out, g.ingest(d))
	}
	return out
}
