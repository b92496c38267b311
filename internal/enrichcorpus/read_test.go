package enrichcorpus

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

const sample = `# a comment
== syria-daraa-01
pub: 2018-07-05
text: Syrian government forces shelled Nawa in Daraa province on Monday, killing
  at least 12 civilians in Nawa. “We have no water,” a doctor said.
place: Nawa => Nawá | SYR | 32.89 36.04 | 166365 | city
place: Daraa province => Daraa | SYR | 32.82 36.17 | 170903 | region
place: Nawa => Nawá | SYR | 32.89 36.04 | 166365 | city
time: on Monday => 2018-07-02 day
count: killed 12 at least | civilians
count: wounded 3 | -
event: shelled @ Nawa ; 2018-07-02 day
quote: We have no => a doctor | -
not: count | 12

== jordan-aid-02
pub: 2018-07-10
text: Jordan is delivering aid to southern Syria.
place: Jordan => Jordan | JOR | 31.88 35.88 | 248816 | country | actor
place: southern Syria => southern Syria | SYR | 32.90 36.40 | - | region | derived
event: delivering @ southern Syria ; 2018-07-10 none
quote: -
`

func TestParse(t *testing.T) {
	cases, err := Parse(strings.NewReader(sample), "sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 {
		t.Fatalf("got %d cases, want 2", len(cases))
	}
	c := cases[0]
	wantText := "Syrian government forces shelled Nawa in Daraa province on Monday, killing at least 12 civilians in Nawa. “We have no water,” a doctor said."
	if c.ID != "syria-daraa-01" || c.Line != 2 || c.Text != wantText {
		t.Errorf("got id %q line %d text %q", c.ID, c.Line, c.Text)
	}
	if !c.Pub.Equal(time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("pub %v", c.Pub)
	}
	span := func(sp nlp.Span) string { return c.Text[sp.Start:sp.End] }
	// The second "Nawa" annotation takes the second occurrence.
	if p := c.Places; len(p) != 3 || p[0].Span.Start >= p[2].Span.Start || span(p[2].Span) != "Nawa" ||
		p[0].GeoNameID != 166365 || p[1].Precision != Region || p[0].Lat != 32.89 || p[0].Actor || p[0].Derived {
		t.Errorf("places %+v", p)
	}
	if tm := c.Times; len(tm) != 1 || span(tm[0].Span) != "on Monday" || tm[0].Precision != Day ||
		!tm[0].Value.Equal(time.Date(2018, 7, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("times %+v", tm)
	}
	if n := c.Counts; len(n) != 2 || n[0] != (Count{Line: 10, Type: Killed, Number: 12, Qualifier: AtLeast, Object: "civilians", Span: n[0].Span}) ||
		span(n[0].Span) != "civilians" || n[1].Object != "" || n[1].Span != (nlp.Span{}) || n[1].Qualifier != Exact {
		t.Errorf("counts %+v", n)
	}
	if e := c.Events; len(e) != 1 || e[0].Place != 0 || e[0].Location != "Nawa" || span(e[0].Span) != "shelled" {
		t.Errorf("events %+v", e)
	}
	if q := c.Quotes; len(q) != 1 || span(q[0].Span) != "We have no" || span(q[0].SpeakerSpan) != "a doctor" || q[0].Code != "" {
		t.Errorf("quotes %+v", q)
	}
	if n := c.Nots; len(n) != 1 || n[0].Kind != "count" || span(n[0].Span) != "12" {
		t.Errorf("nots %+v", n)
	}
	d := cases[1]
	if p := d.Places; len(p) != 2 || !p[0].Actor || !p[1].Derived || p[1].GeoNameID != 0 {
		t.Errorf("places %+v", p)
	}
	if e := d.Events; len(e) != 1 || e[0].Precision != None || !e[0].Date.Equal(d.Pub) || e[0].Place != 1 {
		t.Errorf("events %+v", e)
	}
	if len(d.Quotes) != 0 {
		t.Errorf("quote: - gave %+v", d.Quotes)
	}
}

// TestParseErrors checks that each bad line is reported with its line
// number, and that the errors of one file come together.
func TestParseErrors(t *testing.T) {
	head := "== c\npub: 2020-01-06\ntext: Gunmen killed 5 people in Kabul on Sunday. \"We ran,\" he said.\n"
	tests := []struct {
		name, in, want string
	}{
		{"before header", "pub: 2020-01-01\n", "x.txt:1: pub: before the first case header"},
		{"no key", "== c\nwhatever\n", `x.txt:2: want "== id" or "key: value"`},
		{"unknown key", "== c\nwhere: Kabul\n", `x.txt:2: unknown key "where"`},
		{"empty value", "== c\npub:\n", "x.txt:2: pub: empty value"},
		{"bad id", "== Case 1\npub: 2020-01-01\ntext: x\n", `x.txt:1: bad case id "Case 1"`},
		{"duplicate id", head + head, `x.txt:4: case id "c" repeats the case at line 1`},
		{"bad pub", "== c\npub: 2020-02-30\ntext: x\n", `x.txt:2: pub: bad date "2020-02-30"`},
		{"second pub", head + "pub: 2020-01-07\n", "x.txt:4: second pub: (first at line 2)"},
		{"no text", "== c\npub: 2020-01-01\n", "x.txt:1: case c has no text: line"},
		{"no pub", "== c\ntext: x\n", "x.txt:1: case c has no pub: line"},
		{"stray indent", "== c\npub: 2020-01-01\n  more\n", "x.txt:3: indented line outside a text"},
		{"mention missing", head + "place: Kandahar => Kandahār | AFG | 31.61 65.71 | 1138336 | city\n", `x.txt:4: place: "Kandahar" is not in the text`},
		{"part of a word", head + "place: Kab => Kabul | AFG | 34.53 69.17 | 1138958 | city\n", `x.txt:4: place: "Kab" is not in the text`},
		{"out of order", head + "time: on Sunday => 2020-01-05 day\ncount: killed 5 | people\ncount: killed 5 | Gunmen\n", `x.txt:6: count: "Gunmen" is not in the text after the previous count`},
		{"place fields", head + "place: Kabul => Kabul | AFG | 34.53 69.17\n", "x.txt:4: place: want 5 or 6 fields after =>, got 3"},
		{"iso3", head + "place: Kabul => Kabul | AF | 34.53 69.17 | 1138958 | city\n", `x.txt:4: place: bad ISO3 country "AF"`},
		{"coordinates", head + "place: Kabul => Kabul | AFG | 34.53 | 1138958 | city\n", `x.txt:4: place: want "lat lon", got "34.53"`},
		{"latitude range", head + "place: Kabul => Kabul | AFG | 134.53 69.17 | 1138958 | city\n", `x.txt:4: place: bad coordinates "134.53 69.17"`},
		{"geonameid", head + "place: Kabul => Kabul | AFG | 34.53 69.17 | x1 | city\n", `x.txt:4: place: bad GeoNames id "x1"`},
		{"place precision", head + "place: Kabul => Kabul | AFG | 34.53 69.17 | 1138958 | town\n", `x.txt:4: place: bad precision "town"`},
		{"flag", head + "place: Kabul => Kabul | AFG | 34.53 69.17 | 1138958 | city | big\n", `x.txt:4: place: unknown flag "big"`},
		{"derived with id", head + "place: Kabul => Kabul | AFG | 34.53 69.17 | 1138958 | city | derived\n", "x.txt:4: place: a place has a GeoNames id or is derived"},
		{"no id not derived", head + "place: Kabul => Kabul | AFG | 34.53 69.17 | - | city\n", "x.txt:4: place: a place has a GeoNames id or is derived"},
		{"time date", head + "time: on Sunday => 2020-01-32 day\n", `x.txt:4: time: bad date "2020-01-32"`},
		{"time precision", head + "time: on Sunday => 2020-01-05 hour\n", `x.txt:4: time: bad precision "hour"`},
		{"time none", head + "time: on Sunday => 2020-01-06 none\n", "x.txt:4: time: a time expression has a precision"},
		{"week", head + "time: on Sunday => 2020-01-05 week\n", "x.txt:4: time: a week is given by its Monday; 2020-01-05 is a Sunday"},
		{"month", head + "time: on Sunday => 2020-01-05 month\n", "x.txt:4: time: a month is given by its first day"},
		{"year", head + "time: on Sunday => 2020-02-01 year\n", "x.txt:4: time: a year is given by January 1"},
		{"count type", head + "count: dead 5 | people\n", `x.txt:4: count: bad count type "dead"`},
		{"count number", head + "count: killed 5,000 | people\n", `x.txt:4: count: bad number "5,000"`},
		{"count zero", head + "count: killed 0 | people\n", `x.txt:4: count: bad number "0"`},
		{"qualifier", head + "count: killed 5 roughly | people\n", `x.txt:4: count: bad qualifier "roughly"`},
		{"count form", head + "count: killed 5 people\n", `x.txt:4: count: want "type number [qualifier] | object"`},
		{"event form", head + "event: killed in Kabul\n", `x.txt:4: event: want "verb @ location ; YYYY-MM-DD precision"`},
		{"event location", head + "event: killed @ Kabul ; 2020-01-05 day\n", `x.txt:4: event: location "Kabul" is no place mention`},
		{"event none date", head + "event: killed @ - ; 2020-01-05 none\n", "x.txt:4: event: an event with no date in the text has the publication date 2020-01-06"},
		{"event verb", head + "event: shot @ - ; 2020-01-06 none\n", `x.txt:4: event: "shot" is not in the text`},
		{"quote code", head + "quote: We ran => he | Afg\n", `x.txt:4: quote: bad actor code "Afg"`},
		{"quote speaker", head + "quote: We ran => she | -\n", `x.txt:4: quote: speaker "she" is not in the text`},
		{"not kind", head + "not: actor | Gunmen\n", `x.txt:4: not: bad kind "actor"`},
		{"dash then some", head + "quote: -\nquote: We ran => he | -\n", "x.txt:5: quote: annotation after quote: - (line 4)"},
		{"some then dash", head + "quote: We ran => he | -\nquote: -\n", "x.txt:5: quote: - after quote annotations (line 4)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in), "x.txt")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v\nwant one containing %q", err, tt.want)
			}
			var le *linefile.Error
			if !errors.As(err, &le) {
				t.Errorf("error %T is no linefile.Error", err)
			}
		})
	}
}

func TestParseReportsEveryBadLine(t *testing.T) {
	in := "== a\npub: 2020-13-01\ntext: Shelling hit Homs.\nplace: Hama => Hama | SYR | 35.13 36.76 | 170017 | city\ncount: killed x | -\n== b\npub: 2020-01-01\ntext: ok\n"
	cases, err := Parse(strings.NewReader(in), "x.txt")
	var l linefile.List
	if !errors.As(err, &l) || len(l) != 3 {
		t.Fatalf("got %v, want 3 errors", err)
	}
	for i, line := range []int{2, 4, 5} {
		if l[i].Line != line {
			t.Errorf("error %d at line %d, want %d", i, l[i].Line, line)
		}
	}
	if len(cases) != 1 || cases[0].ID != "b" {
		t.Errorf("got cases %+v, want only the good case b", cases)
	}
}

func TestFind(t *testing.T) {
	text := "Homsi fighters left Homs; UK-based, $2 billion, Kiev's"
	for _, tt := range []struct {
		s    string
		from int
		want nlp.Span
		ok   bool
	}{
		{"Homs", 0, nlp.Span{Start: 20, End: 24}, true},
		{"UK", 0, nlp.Span{Start: 26, End: 28}, true},
		{"$2 billion", 0, nlp.Span{Start: 36, End: 46}, true},
		{"Kiev", 0, nlp.Span{Start: 48, End: 52}, true},
		{"Homs", 21, nlp.Span{}, false},
		{"", 0, nlp.Span{}, false},
	} {
		got, ok := find(text, tt.s, tt.from)
		if got != tt.want || ok != tt.ok {
			t.Errorf("find(%q, %d) = %v, %v; want %v, %v", tt.s, tt.from, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNearestSpeaker(t *testing.T) {
	text := `"One," he said. "Two," he said.`
	second := nlp.Span{Start: strings.Index(text, "Two"), End: strings.Index(text, "Two") + 3}
	got, ok := nearest(text, "he", second)
	if !ok || got.Start != strings.LastIndex(text, "he") {
		t.Errorf("nearest speaker %v, want the second he", got)
	}
}

// FuzzParse checks that Parse never panics and that every span it returns
// lies inside its case's text and holds the mention it names.
func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("== a\npub: 2020-01-01\ntext: x\n  y\nquote: x => y | ABC\n")
	f.Add("== a\ntext: é\nnot: place | é\n")
	f.Fuzz(func(t *testing.T, in string) {
		cases, _ := Parse(strings.NewReader(in), "fuzz.txt")
		for _, c := range cases {
			check := func(sp nlp.Span, want string) {
				if sp.Start < 0 || sp.End > len(c.Text) || sp.Start > sp.End || c.Text[sp.Start:sp.End] != want {
					t.Fatalf("span %v for %q in %q", sp, want, c.Text)
				}
			}
			for _, p := range c.Places {
				check(p.Span, p.Mention)
			}
			for _, tm := range c.Times {
				check(tm.Span, tm.Mention)
			}
			for _, n := range c.Counts {
				check(n.Span, n.Object)
			}
			for _, e := range c.Events {
				check(e.Span, e.Verb)
				if e.Place >= len(c.Places) || (e.Place >= 0) != (e.Location != "") {
					t.Fatalf("event place %d of %d for %q", e.Place, len(c.Places), e.Location)
				}
			}
			for _, q := range c.Quotes {
				check(q.Span, q.Start)
				check(q.SpeakerSpan, q.Speaker)
			}
			for _, n := range c.Nots {
				check(n.Span, n.Mention)
			}
		}
	})
}
