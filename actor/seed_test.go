package actor

import (
	"context"
	"os"
	"strings"
	"testing"

	"sitrep/internal/testshared"
	"sitrep/nlp"
)

// seedDoc reads and tokenizes the founding test article.
func seedDoc(tb testing.TB) *nlp.Doc {
	tb.Helper()
	path := testshared.Path(tb, "seed/000_86861ccb5f158c03.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	doc := &nlp.Doc{Text: string(b)}
	if err := (nlp.Pipeline{new(nlp.Segmenter), new(nlp.Tokenizer)}).Annotate(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// TestMatchSeed matches the seed article sentence by sentence: the spans
// are the tokens' bytes, and chosen sentences give exactly these names.
func TestMatchSeed(t *testing.T) {
	d := mustDefault(t)
	doc := seedDoc(t)
	want := map[string]string{
		"Lavrov, meanwhile": "Lavrov=Lavrov | Moscow=Moscow | Syria=Syria | army=army | rebels=rebels",
		"Rebels and residents": "Rebels=rebels | residents=residents | rebel=rebel | Russian=Russian | " +
			"military police=military police",
		"\"Intense air": "Syria=Syria | civilians=civilians | United Nations=United Nations | " +
			"deputy spokesman=deputy spokesman | Farhan Haq=Farhan Haq | reporters=reporters",
		"The Observatory said": "rebel groups=rebel groups | the government=government | Nusra Front=Nusra Front | Syria=Syria",
		"Instead, Safadi":      "Safadi=Safadi | Jordan=Jordan | the displaced=displaced | hospitals=hospitals",
		"Syrian President":     "Syrian=Syrian | President=president | Bashar al-Assad=Bashar al-Assad | Russian=Russian | rebel groups=rebel groups",
	}
	seen := map[string]bool{}
	for i := range doc.Sentences {
		toks := doc.SentenceTokens(i)
		ms := d.Match(toks)
		prev := -1
		for _, m := range ms {
			if m.First < 0 || m.First >= m.Limit || m.Limit > len(toks) || m.First < prev {
				t.Fatalf("sentence %d: match tokens [%d, %d) after %d", i, m.First, m.Limit, prev)
			}
			prev = m.Limit
			if m.Start != toks[m.First].Start || m.End != toks[m.Limit-1].End {
				t.Errorf("match %q: span %v is not its tokens' bytes", m.Name, m.Span)
			}
		}
		sent := doc.Text[doc.Sentences[i].Start:doc.Sentences[i].End]
		for prefix, w := range want {
			if strings.HasPrefix(sent, prefix) {
				seen[prefix] = true
				if got := matchString(doc.Text, ms); got != w {
					t.Errorf("sentence %q:\n got %s\nwant %s", prefix, got, w)
				}
			}
		}
	}
	for prefix := range want {
		if !seen[prefix] {
			t.Errorf("no sentence starts with %q", prefix)
		}
	}
}

// TestSeedActors resolves the noun phrases of the seed article that name
// its actors.
func TestSeedActors(t *testing.T) {
	d := mustDefault(t)
	doc := seedDoc(t)
	phrases := []struct{ phrase, want string }{
		{"Syrian rebels", "SYRREB"},
		{"Russian Federation", "RUS"},
		{"Syrian President Bashar al-Assad", "SYRGOV"},
		{"Lavrov", "RUSGOV"},
		{"Moscow", "RUSGOV"},
		{"Syria's army", "SYRMIL"},
		{"regime forces", "SYRMIL"},
		{"Safadi", "JORGOV"},
		{"Jordan", "JOR"},
		{"Russian military police", "RUSMIL"},
		{"United Nations deputy spokesman Farhan Haq", "IGOUNO"},
		{"the al-Qaida-linked Nusra Front", "SYRREBMUS"},
		{"the Syrian government", "SYRGOV"},
		{"the displaced", "SYRREF"},
	}
	date := day("2018-07-05")
	for _, p := range phrases {
		i := strings.Index(doc.Text, p.phrase)
		if i < 0 {
			t.Errorf("%q is not in the seed article", p.phrase)
			continue
		}
		var toks []nlp.Token
		for _, tok := range doc.Tokens {
			if tok.Start >= i && tok.End <= i+len(p.phrase) {
				toks = append(toks, tok)
			}
		}
		a, ok := d.Resolve(toks, date, "SYR")
		if !ok || a.Code != p.want {
			t.Errorf("Resolve(%q) = %q, %v, want %s", p.phrase, a.Code, ok, p.want)
		}
		if ok && (a.Start < i || a.End > i+len(p.phrase)) {
			t.Errorf("Resolve(%q): span %v outside the phrase at %d", p.phrase, a.Span, i)
		}
	}
}
