package geo

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"sitrep/nlp"
)

// tokenize segments and tokenizes text.
func tokenize(tb testing.TB, text string) *nlp.Doc {
	tb.Helper()
	doc := &nlp.Doc{Text: text}
	if err := (nlp.Pipeline{new(nlp.Segmenter), new(nlp.Tokenizer)}).Annotate(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// parse annotates text with the embedded model: sentences, tokens, tags,
// lemmas and heads.
func parse(tb testing.TB, text string) *nlp.Doc {
	tb.Helper()
	m, err := nlp.DefaultModel()
	if err != nil {
		tb.Fatal(err)
	}
	doc := &nlp.Doc{Text: text}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// matched renders the matches of text as "text=kind:country" items.
func matched(g *Gazetteer, doc *nlp.Doc) string {
	var out []string
	for _, m := range g.Match(doc.Tokens) {
		p := m.Places[0]
		out = append(out, doc.Text[m.Start:m.End]+"="+p.Kind.String()+":"+p.Country)
	}
	return strings.Join(out, " | ")
}

func TestMatch(t *testing.T) {
	g := defaultGaz(t)
	tests := []struct{ text, want string }{
		{"", ""},
		{"Syrian forces shelled rebel positions in Daraa on Tuesday.", "Daraa=city:SYR"},
		{"Fighting in Daraa province and the Golan Heights.", "Daraa province=region:SYR | Golan Heights=area:SYR"},
		{"Fighting in Daraa Governorate.", "Daraa Governorate=region:SYR"},
		{"He fled from Dar'a to Jordan.", "Dar'a=city:SYR | Jordan=country:JOR"},
		{"Syria's army and the Russian Federation.", "Syria=country:SYR | Russian Federation=country:RUS"},
		{"Canada's food agency", "Canada=country:CAN"}, // not Cañadas, Mexico
		{"the Israeli-occupied Golan Heights", "Golan Heights=area:SYR"},
		{"Rebels in southern Syria were divided.", "southern Syria=area:SYR"},
		{"they took al-Bab and Ras al-Ain", "al-Bab=city:SYR | Ras al-Ain=city:SYR"},
		{"New York City police", "New York City=city:USA"},
		{"on the Golan Height", "Golan=area:SYR"},
		{"the daraa province and damascus", ""}, // no capital letter: no place
		{"DAMASCUS (Reuters) - ", "DAMASCUS=city:SYR"},
		// The stop-list.
		{"Of course.", ""}, // never
		{"Police said the US and the UK agreed.", "US=country:USA | UK=country:GBR"}, // never; upper
		{"Give us a call; Us too.", ""},                                              // upper: only in capitals
		{"Nice to see you.", ""},                                                     // proper, untagged, starts a sentence
		{"They met in Nice in March.", "Nice=city:FRA"},                              // proper, untagged, inside a sentence; March: never
		{"a nice day", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := tokenize(t, tt.text)
			if got := matched(g, doc); got != tt.want {
				t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestMatchTagged checks that a proper stop-list name needs PROPN when the
// tokens are tagged.
func TestMatchTagged(t *testing.T) {
	g := defaultGaz(t)
	toks := []nlp.Token{
		{Span: nlp.Span{Start: 0, End: 4}, Form: "Nice", UPOS: "ADJ"},
		{Span: nlp.Span{Start: 5, End: 7}, Form: "to", UPOS: "PART"},
	}
	if m := g.Match(toks); len(m) != 0 {
		t.Errorf("Match(Nice/ADJ) = %+v, want nothing", m)
	}
	toks[0].UPOS = "PROPN"
	if m := g.Match(toks); len(m) != 1 || m[0].Span != (nlp.Span{Start: 0, End: 4}) || m[0].First != 0 || m[0].Limit != 1 {
		t.Errorf("Match(Nice/PROPN) = %+v, want Nice at [0, 4)", m)
	}
}

// TestMatchSplitToken checks that tokens without space between them join
// without a space, whether or not the tokenizer split them.
func TestMatchSplitToken(t *testing.T) {
	g := defaultGaz(t)
	toks := []nlp.Token{
		{Span: nlp.Span{Start: 0, End: 3}, Form: "Dar"},
		{Span: nlp.Span{Start: 3, End: 5}, Form: "'a"},
		{Span: nlp.Span{Start: 6, End: 14}, Form: "Province"},
	}
	m := g.Match(toks)
	if len(m) != 1 || m[0].First != 0 || m[0].Limit != 3 || m[0].Span != (nlp.Span{Start: 0, End: 14}) || m[0].Places[0].Name != "Daraa Governorate" {
		t.Errorf("Match(Dar 'a Province) = %+v", m)
	}
}

// checkMatches asserts the invariants of Match's output.
func checkMatches(t *testing.T, g *Gazetteer, doc *nlp.Doc, ms []Match) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.First < 0 || m.Limit > len(doc.Tokens) || m.First >= m.Limit {
			t.Fatalf("match tokens [%d, %d) out of [0, %d)", m.First, m.Limit, len(doc.Tokens))
		}
		if m.Start != doc.Tokens[m.First].Start || m.End != doc.Tokens[m.Limit-1].End {
			t.Errorf("match span %v is not its tokens'", m.Span)
		}
		if m.Start < prev || m.End < m.Start || m.End > len(doc.Text) {
			t.Errorf("match span %v after %d or outside [0, %d)", m.Span, prev, len(doc.Text))
		}
		prev = m.End
		if len(m.Places) == 0 {
			t.Errorf("match %q has no places", doc.Text[m.Start:m.End])
		}
		if got := g.Lookup(doc.Text[m.Start:m.End]); len(got) != len(m.Places) {
			t.Errorf("match %q: %d places, Lookup %d", doc.Text[m.Start:m.End], len(m.Places), len(got))
		}
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"Syrian forces shelled rebel positions in Daraa on Tuesday.",
		"Fighting in Dar'a Province, the Golan Heights and al-Bab.",
		"DAMASCUS (Reuters) - Nice, US, Of, New York City.",
		"Ḥamāh and Ḩims\x00\xff",
	} {
		f.Add(s)
	}
	g, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := tokenize(t, text)
		checkMatches(t, g, doc, g.Match(doc.Tokens))
	})
}

// TestKeyFilter checks the name index's filter: it never rules out a key
// and rules out most strings that are none.
func TestKeyFilter(t *testing.T) {
	g := defaultGaz(t)
	for k := range g.names {
		if !g.filter.mayHave([]byte(k)) {
			t.Fatalf("filter rules out key %q", k)
		}
	}
	pass, none := 0, 0
	for i := range 100000 {
		k := fmt.Sprintf("zq%dx", i)
		if _, ok := g.names[k]; ok {
			continue
		}
		none++
		if g.filter.mayHave([]byte(k)) {
			pass++
		}
	}
	if rate := float64(pass) / float64(none); rate > 0.05 {
		t.Errorf("filter lets %.1f%% of non-keys through, want at most 5%%", 100*rate)
	}
	var zero keyFilter
	if !zero.mayHave([]byte("x")) {
		t.Error("zero filter rules out a key")
	}
}
