package geo

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sitrep/nlp"
)

// A corpusCase is one report of testdata/resolve.txt and the mentions it
// should give.
type corpusCase struct {
	line  int
	text  string
	focus []string
	wants []corpusWant
}

type corpusWant struct {
	line     int
	text     string
	country  string // "" for none (open sea), "-" for no place at all
	id       int64  // 0 if not given
	lat, lon float64
	hasPoint bool
	role     Role
}

// readCorpus reads testdata/resolve.txt, failing on any bad line.
func readCorpus(t *testing.T, path string) []corpusCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	roles := map[string]Role{"location": RoleLocation, "actor": RoleActor, "other": RoleOther}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kw, rest, _ := strings.Cut(line, ":")
		rest = strings.TrimSpace(rest)
		switch kw {
		case "text":
			out = append(out, corpusCase{line: n, text: rest})
			continue
		}
		if len(out) == 0 {
			t.Fatalf("%s:%d: %s before any text", path, n, kw)
		}
		c := &out[len(out)-1]
		switch kw {
		case "focus":
			c.focus = strings.Fields(rest)
		case "want":
			parts := strings.Split(rest, "|")
			if len(parts) != 3 {
				t.Fatalf("%s:%d: want MENTION | GOLD | ROLE", path, n)
			}
			w := corpusWant{line: n, text: strings.TrimSpace(parts[0])}
			role, ok := roles[strings.TrimSpace(parts[2])]
			if !ok {
				t.Fatalf("%s:%d: bad role %q", path, n, parts[2])
			}
			w.role = role
			gold := strings.Fields(parts[1])
			if len(gold) == 0 {
				t.Fatalf("%s:%d: no gold", path, n)
			}
			w.country, gold = gold[0], gold[1:]
			if w.country == "-" && len(gold) > 0 {
				w.country = "" // open sea: coordinates, no country
			} else if w.country == "-" {
				c.wants = append(c.wants, w)
				continue
			}
			if len(gold) == 1 || len(gold) == 3 {
				if w.id, err = strconv.ParseInt(gold[0], 10, 64); err != nil {
					t.Fatalf("%s:%d: bad id %q", path, n, gold[0])
				}
				gold = gold[1:]
			}
			if len(gold) == 2 {
				lat, err1 := strconv.ParseFloat(gold[0], 64)
				lon, err2 := strconv.ParseFloat(gold[1], 64)
				if err1 != nil || err2 != nil {
					t.Fatalf("%s:%d: bad coordinates %q", path, n, gold)
				}
				w.lat, w.lon, w.hasPoint = lat, lon, true
			} else if len(gold) != 0 {
				t.Fatalf("%s:%d: want ISO3 [ID] [LAT LON]", path, n)
			}
			c.wants = append(c.wants, w)
		default:
			t.Fatalf("%s:%d: unknown keyword %q", path, n, kw)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestResolveCorpus resolves the reports of testdata/resolve.txt and
// measures, over the gold mentions: how many are found (a mention with
// exactly their text), resolved right (the gold id, or within 161 km of
// the gold point; unresolved for a gold "-"), in the right country, and
// given the right role.
func TestResolveCorpus(t *testing.T) {
	cases := readCorpus(t, "testdata/resolve.txt")
	r := NewResolver(defaultGaz(t))
	var gold, found, right, country, withCountry, role int
	for _, c := range cases {
		doc := parse(t, c.text)
		ms := r.Resolve(doc, ResolveOptions{Focus: c.focus})
		checkMentions(t, doc, ms)
		used := make([]bool, len(ms))
		for _, w := range c.wants {
			gold++
			var m *Mention
			for i := range ms {
				if !used[i] && ms[i].Text == w.text {
					m, used[i] = &ms[i], true
					break
				}
			}
			if m == nil {
				t.Errorf("resolve.txt:%d: %q not found in %q", w.line, w.text, c.text)
				continue
			}
			found++
			ok := false
			switch {
			case w.country == "-":
				ok = m.Place == nil
			case m.Place == nil:
			case w.id != 0 && m.Place.ID == w.id:
				ok = true
			case w.hasPoint:
				ok = Haversine(m.Place.Lat, m.Place.Lon, w.lat, w.lon) <= 161
			}
			if ok {
				right++
			} else {
				t.Logf("resolve.txt:%d: %q: got %s", w.line, w.text, describe(*m))
			}
			if w.country != "-" && w.country != "" {
				withCountry++
				if m.Place != nil && m.Place.Country == w.country {
					country++
				}
			}
			if m.Role == w.role {
				role++
			} else {
				t.Logf("resolve.txt:%d: %q: role %s, want %s", w.line, w.text, m.Role, w.role)
			}
		}
	}
	pct := func(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }
	t.Logf("corpus: %d texts, %d gold mentions; found %d (%.1f%%); right place %d (%.1f%% of found); right country %d of %d (%.1f%%); right role %d (%.1f%%)",
		len(cases), gold, found, pct(found, gold), right, pct(right, found), country, withCountry, pct(country, withCountry), role, pct(role, found))
	if len(cases) < 40 {
		t.Errorf("%d texts, want at least 40", len(cases))
	}
	// Floors, a little under the figures measured when they were set.
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"found", pct(found, gold), 97},
		{"place", pct(right, found), 97},
		{"country", pct(country, withCountry), 97},
		{"role", pct(role, found), 97},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.1f%%, floor %.1f%%", f.name, f.got, f.floor)
		}
	}
}

// TestResolveCases checks what Resolve makes of short texts: each want is
// "text=kind:country:role" for every mention, in order ("-" for no place).
func TestResolveCases(t *testing.T) {
	r := NewResolver(defaultGaz(t))
	tests := []struct {
		name, text string
		focus      []string
		want       string
	}{
		{"empty", "", nil, ""},
		{"demonyms are no places", "Syrian and Russian jets pounded rebel-held areas.", nil, ""},
		{"jordan the country", "Jordan closed its border crossing.", nil, "Jordan=country:JOR:actor"},
		{"jordan's minister", "Jordan's foreign minister arrived in Cairo.", nil, "Jordan=country:JOR:actor | Cairo=city:EGY:location"},
		{"georgia the country", "Russian troops crossed into Georgia near Tskhinvali.", nil, "Georgia=country:GEO:location | Tskhinvali=city:GEO:location"},
		{"georgia the state", "A storm hit Savannah and Atlanta in Georgia.", nil, "Savannah=city:USA:other | Atlanta=city:USA:other | Georgia=region:USA:location"},
		{"tripoli libya", "Rockets hit Tripoli as Libyan factions fought.", nil, "Tripoli=city:LBY:other"},
		{"tripoli lebanon", "Clashes in Tripoli and Beirut left Lebanese soldiers dead.", nil, "Tripoli=city:LBN:location | Beirut=city:LBN:location"},
		{"homs and hama", "Troops shelled Homs and Hama.", nil, "Homs=city:SYR:other | Hama=city:SYR:other"},
		{"unknown name", "Clashes in Qwertzuiop and in Daraa.", nil, "Qwertzuiop=-:-:location | Daraa=city:SYR:location"},
		{"x-based", "A London-based monitor reported strikes in Idlib.", nil, "London=city:GBR:location | Idlib=city:SYR:location"},
		{"x-backed", "Russia-backed forces shelled Avdiivka.", nil, "Russia=country:RUS:actor | Avdiivka=city:UKR:other"},
		{"type word", "Fighting spread across Daraa province.", nil, "Daraa province=region:SYR:location"},
		{"city of", "They entered the city of Homs.", nil, "Homs=city:SYR:other"},
		{"demonym container", "They shelled the northern Iraqi town of Sinjar.", nil, "Sinjar=city:IRQ:other"},
		{"possessive container", "Fighting in Syria's Idlib Governorate continued.", nil, "Syria=country:SYR:other | Idlib Governorate=region:SYR:location"},
		{"the north", "Rebels hold the north.", []string{"SYR"}, "north=area:SYR:other"},
		{"north of the country", "Floods hit the north of the country.", []string{"NGA"}, "north of the country=area:NGA:other"},
		{"north of a city", "Clashes 10 km north of Damascus.", nil, "Damascus=city:SYR:location"},
		{"syrian-jordanian border", "Refugees gathered on the Syrian-Jordanian border.", nil, "Syrian-Jordanian border=area:SYR:location"},
		{"border between", "Troops massed on the border between Armenia and Azerbaijan.", nil, "border between Armenia and Azerbaijan=area:ARM:location"},
		{"bare border unplaced", "They fled to the border.", nil, ""},
		{"border town", "Shells hit the border town of Ramtha in Jordan.", nil, "Ramtha=city:JOR:other | Jordan=country:JOR:location"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, tt.text)
			ms := r.Resolve(doc, ResolveOptions{Focus: tt.focus})
			checkMentions(t, doc, ms)
			var got []string
			for _, m := range ms {
				kind, country := "-", "-"
				if m.Place != nil {
					kind, country = m.Place.Kind.String(), m.Place.Country
				}
				got = append(got, fmt.Sprintf("%s=%s:%s:%s", m.Text, kind, country, m.Role))
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("Resolve(%q)\n got %s\nwant %s", tt.text, g, tt.want)
				for _, m := range ms {
					t.Logf("%s", describe(m))
				}
			}
		})
	}
}

// TestResolveUnparsed resolves text that is only tokenized: names are
// still found and resolved, roles come from the words around them.
func TestResolveUnparsed(t *testing.T) {
	r := NewResolver(defaultGaz(t))
	doc := tokenize(t, "Shelling in Daraa and near the border with Jordan. Jordan, which hosts refugees, said Israel agreed.")
	ms := r.Resolve(doc, ResolveOptions{Focus: []string{"SYR"}})
	checkMentions(t, doc, ms)
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s=%s", m.Text, m.Role))
	}
	want := "Daraa=location | border with Jordan=location | Jordan=actor | Israel=other"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

// TestResolveBadDoc feeds Resolve documents whose sentences and tokens lie
// outside the text: it must skip them, not panic.
func TestResolveBadDoc(t *testing.T) {
	r := NewResolver(defaultGaz(t))
	good := parse(t, "Fighting in Daraa.")
	bad := []*nlp.Doc{
		nil,
		{Text: "x", Sentences: []nlp.Sentence{{Span: nlp.Span{Start: 0, End: 10}, First: 0, Limit: 5}}},
		{Text: good.Text, Sentences: good.Sentences, Tokens: good.Tokens[:1]},
		{Text: good.Text[:5], Sentences: good.Sentences, Tokens: good.Tokens},
	}
	for i, d := range bad {
		if ms := r.Resolve(d, ResolveOptions{}); len(ms) != 0 {
			t.Errorf("doc %d: %d mentions", i, len(ms))
		}
	}
	var nilR *Resolver
	if ms := nilR.Resolve(good, ResolveOptions{}); ms != nil {
		t.Errorf("nil resolver: %v", ms)
	}
}

// TestResolveFocus checks the story's countries ResolveFocus returns:
// given ones first, then the text's, places outweighing actors' names.
func TestResolveFocus(t *testing.T) {
	r := NewResolver(defaultGaz(t))
	doc := parse(t, "Government forces shelled Daraa and Quneitra. Jordan closed its border, and the US urged restraint.")
	tests := []struct {
		name  string
		given []string
		want  string // the first countries of the focus
	}{
		{"inferred", nil, "SYR"},
		{"given first", []string{"jor"}, "JOR SYR"},
		{"bad codes skipped", []string{"xx", "", "Jordan"}, "JOR SYR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, focus := r.ResolveFocus(doc, ResolveOptions{Focus: tt.given})
			if len(ms) == 0 {
				t.Fatal("no mentions")
			}
			want := strings.Fields(tt.want)
			if len(focus) < len(want) || !slices.Equal(focus[:len(want)], want) {
				t.Errorf("focus %v, want it to start with %v", focus, want)
			}
		})
	}
	if ms, focus := r.ResolveFocus(parse(t, "Nothing happened."), ResolveOptions{}); len(ms) != 0 || len(focus) != 0 {
		t.Errorf("no places: got %v, %v", ms, focus)
	}
}
