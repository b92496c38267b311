package enrichcorpus

import (
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/nlp"
)

// TestCoverage checks the parts of the README's coverage list that can be
// counted, so that an edit cannot silently drop a form the components claim
// to handle, and logs the size of the corpus.
func TestCoverage(t *testing.T) {
	cases := readCorpus(t)
	seen := map[string][]string{} // feature -> ids of the cases that have it
	var places, times, counts, events, quotes, nots int
	for _, c := range cases {
		places += len(c.Places)
		times += len(c.Times)
		counts += len(c.Counts)
		events += len(c.Events)
		quotes += len(c.Quotes)
		nots += len(c.Nots)
		mark := func(feature string) {
			if ids := seen[feature]; len(ids) == 0 || ids[len(ids)-1] != c.ID {
				seen[feature] = append(ids, c.ID)
			}
		}
		mark("pub weekday " + c.Pub.Weekday().String())
		if len(c.Times) == 0 {
			mark("no time expression")
		}
		for _, p := range c.Places {
			mark("country " + p.Country)
			mark("place precision " + string(p.Precision))
			if p.Actor {
				mark("place actor")
			}
			if p.Derived {
				mark("place derived")
			}
		}
		for _, tm := range c.Times {
			mark("time precision " + string(tm.Precision))
			if tm.Value.After(c.Pub) {
				mark("time future")
			}
		}
		for i, n := range c.Counts {
			mark("count type " + string(n.Type))
			mark("count qualifier " + qualifierName(n.Qualifier))
			if i > 0 && sameSentence(c.Text, c.Counts[i-1].Span, n.Span) {
				mark("two counts in a sentence")
			}
		}
		for _, e := range c.Events {
			mark("event precision " + string(e.Precision))
		}
		for _, q := range c.Quotes {
			mark("quote code " + map[bool]string{true: "known", false: "unknown"}[q.Code != ""])
			if q.Span.Start > 0 && strings.HasSuffix(c.Text[:q.Span.Start], "“") {
				mark("quote curly")
			} else {
				mark("quote straight")
			}
			if q.SpeakerSpan.End <= q.Span.Start {
				mark("quote attribution before")
			} else {
				mark("quote attribution after")
			}
			if strings.EqualFold(q.Speaker, "he") || strings.EqualFold(q.Speaker, "she") {
				mark("quote pronoun speaker")
			}
			if q.Span.End <= q.SpeakerSpan.Start && strings.Contains(c.Text[q.Span.End:q.SpeakerSpan.Start], "according to") {
				mark("quote according to")
			}
		}
		for _, n := range c.Nots {
			mark("not " + n.Kind)
		}
	}
	want := []string{"no time expression", "place actor", "place derived", "time future",
		"two counts in a sentence", "quote curly", "quote straight", "quote attribution before",
		"quote attribution after", "quote pronoun speaker", "quote according to", "quote code known",
		"quote code unknown", "not place", "not time", "not count", "not quote"}
	for _, p := range []PlacePrecision{Country, Region, City, Subcity} {
		want = append(want, "place precision "+string(p))
	}
	for _, p := range []TimePrecision{Day, Week, Month, Year} {
		want = append(want, "time precision "+string(p), "event precision "+string(p))
	}
	want = append(want, "event precision none")
	for _, ct := range []CountType{Killed, Wounded, Displaced, Refugees, Arrested, Abducted, Missing} {
		want = append(want, "count type "+string(ct))
	}
	for _, q := range []Qualifier{Exact, AtLeast, MoreThan, Nearly, About, UpTo, Vague} {
		want = append(want, "count qualifier "+qualifierName(q))
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		want = append(want, "pub weekday "+d.String())
	}
	// The conflicts the README lists.
	for _, iso3 := range strings.Fields("SYR IRQ YEM UKR RUS SDN SSD SOM MLI BFA NER NGA COD ETH MMR AFG LBY ISR PSE LBN COL HTI MOZ IND PAK ARM AZE MEX GEO JOR") {
		want = append(want, "country "+iso3)
	}
	for _, f := range want {
		if len(seen[f]) == 0 {
			t.Errorf("no case has %s", f)
		}
	}
	t.Logf("%d cases: %d places, %d times, %d counts, %d events, %d quotes, %d traps",
		len(cases), places, times, counts, events, quotes, nots)
	if testing.Verbose() {
		keys := make([]string, 0, len(seen))
		for k := range seen {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			t.Logf("%-32s %d: %s", k, len(seen[k]), strings.Join(seen[k], " "))
		}
	}
}

// sameSentence reports whether two count objects, a before b, are in one
// sentence: both are in the text and no ". " lies between them.
func sameSentence(text string, a, b nlp.Span) bool {
	return a.End > 0 && b.End > 0 && a.End <= b.Start && !strings.Contains(text[a.End:b.Start], ". ")
}

func qualifierName(q Qualifier) string {
	if q == Exact {
		return "exact"
	}
	return string(q)
}
