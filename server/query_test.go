package server

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"sitrep/store"
)

func TestParseFilter(t *testing.T) {
	tests := []struct {
		name  string
		query string
		paged bool
		want  filter
	}{
		{"empty", "", true, filter{Query: store.Query{Limit: 100}}},
		{"unpaged", "", false, filter{}},
		{"actor upper-cased", "actor=syrGov", false, filter{Query: store.Query{Actor: "SYRGOV"}}},
		{"country", "country=syr", false, filter{Query: store.Query{Country: "SYR"}}},
		{"root", "root=19", false, filter{Query: store.Query{Root: "19"}}},
		{"cameo gives its root", "cameo=190", false, filter{Query: store.Query{Root: "19"}, Cameo: "190"}},
		{"plover", "plover=assault", false, filter{Query: store.Query{Plover: "ASSAULT"}}},
		{"dates", "from=2024-01-01&to=2024-01-31", false, filter{Query: store.Query{From: "2024-01-01", To: "2024-01-31"}}},
		{"same day", "from=2024-01-01&to=2024-01-01", false, filter{Query: store.Query{From: "2024-01-01", To: "2024-01-01"}}},
		{"bbox", "bbox=35.5,32.3,42.4,37.3", false, filter{Query: store.Query{BBox: &[4]float64{35.5, 32.3, 42.4, 37.3}}}},
		{"bbox across the antimeridian", "bbox=170,-20,-170,10", false, filter{Query: store.Query{BBox: &[4]float64{170, -20, -170, 10}}}},
		{"text", "q=shelling+Daraa", false, filter{Query: store.Query{Text: `"shelling" "Daraa"`}}},
		{"limit and cursor", "limit=7&cursor=abc", true, filter{Query: store.Query{Limit: 7, Cursor: "abc"}}},
		{"empty values are absent", "actor=&root=&bbox=&q=&limit=&from=", true, filter{Query: store.Query{Limit: 100}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := parseFilter(v, tt.paged)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestParseFilterErrors(t *testing.T) {
	tests := []struct {
		query, param, want string
	}{
		{"from=2024-1-1", "from", "want YYYY-MM-DD"},
		{"from=yesterday", "from", "want YYYY-MM-DD"},
		{"to=2024-02-30", "to", "want YYYY-MM-DD"},
		{"from=2024-02-01&to=2024-01-01", "to", "on or after from"},
		{"actor=SYR-GOV", "actor", "CAMEO actor code"},
		{"country=SY", "country", "alpha-3"},
		{"country=S1R", "country", "alpha-3"},
		{"root=1", "root", "two digits"},
		{"root=21", "root", "two digits"},
		{"root=00", "root", "two digits"},
		{"root=ab", "root", "two digits"},
		{"cameo=1", "cameo", "2 to 4 digits"},
		{"cameo=19011", "cameo", "2 to 4 digits"},
		{"cameo=2a", "cameo", "2 to 4 digits"},
		{"cameo=990", "cameo", "2 to 4 digits"},
		{"root=19&cameo=190", "cameo", "not both"},
		{"plover=SHELL", "plover", "PLOVER event type"},
		{"bbox=1,2,3", "bbox", "got 3"},
		{"bbox=1,2,3,x", "bbox", `"x" is not a number`},
		{"bbox=1,2,3,NaN", "bbox", "not a number"},
		{"bbox=-190,0,10,10", "bbox", "within ±180"},
		{"bbox=0,-91,10,10", "bbox", "within ±90"},
		{"bbox=0,10,10,0", "bbox", "minLat not above maxLat"},
		{"q=" + strings.Repeat("a", 501), "q", "at most 500"},
		{"q=+-+", "q", "at least one word"},
		{"limit=0", "limit", "1 to 1000"},
		{"limit=1001", "limit", "1 to 1000"},
		{"limit=ten", "limit", "1 to 1000"},
		{"contry=SYR", "contry", "unknown parameter"},
		{"actor=SYR&actor=ISR", "actor", "given 2 times"},
	}
	for _, tt := range tests {
		t.Run(tt.query[:min(len(tt.query), 30)], func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			_, err = parseFilter(v, true)
			var pe *paramError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a paramError", err)
			}
			if pe.name != tt.param || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want parameter %q and %q", err, tt.param, tt.want)
			}
			if !strings.HasPrefix(err.Error(), `bad parameter "`+tt.param+`": `) {
				t.Errorf("got %q, want it to start with the parameter's name", err)
			}
		})
	}
}

func TestParseFilterUnpaged(t *testing.T) {
	for _, p := range pageParams {
		_, err := parseFilter(url.Values{p: {"1"}}, false)
		var pe *paramError
		if !errors.As(err, &pe) || pe.name != p {
			t.Errorf("%s on an unpaged endpoint: got %v, want a bad parameter %q", p, err, p)
		}
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"shelling", `"shelling"`},
		{"  shelling   Daraa ", `"shelling" "Daraa"`},
		{`"Free Syrian Army" Idlib`, `"Free Syrian Army" "Idlib"`},
		{"shell*", `"shell"*`},
		{`"free syr"*`, `"free syr"*`},
		{"al-Qaida's", `"al-Qaida's"`},
		{`unbalanced "quote here`, `"unbalanced" "quote here"`},
		{"OR NOT AND NEAR(", `"OR" "NOT" "AND" "NEAR("`},
		{"a - b", `"a" "b"`},
		{`x""y`, `"x" "y"`},
		{"Ḥamāh", `"Ḥamāh"`},
	}
	for _, tt := range tests {
		got, err := ftsQuery(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ftsQuery(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// FuzzFTSQuery checks that no input escapes the quoting: the output is a
// run of quoted terms, each maybe followed by *, and every quote inside a
// term is doubled.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"shelling", `"a b"*`, `x"y`, `""""`, "a*b*", " * ", "\"\x00\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		out, err := ftsQuery(q)
		if err != nil {
			var pe *paramError
			if !errors.As(err, &pe) || pe.name != "q" {
				t.Fatalf("error %v does not name q", err)
			}
			return
		}
		rest := out
		for rest != "" {
			if rest[0] != '"' {
				t.Fatalf("%q: term does not start with a quote at %q", out, rest)
			}
			i := 1
			for {
				j := strings.IndexByte(rest[i:], '"')
				if j < 0 {
					t.Fatalf("%q: unterminated term", out)
				}
				i += j + 1
				if i < len(rest) && rest[i] == '"' {
					i++ // doubled quote
					continue
				}
				break
			}
			rest = strings.TrimPrefix(rest[i:], "*")
			if rest != "" && !strings.HasPrefix(rest, " ") {
				t.Fatalf("%q: terms not separated by a space", out)
			}
			rest = strings.TrimPrefix(rest, " ")
		}
	})
}
