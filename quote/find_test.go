package quote_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/internal/testshared"
	"sitrep/nlp"
	"sitrep/quote"
)

var model = sync.OnceValues(nlp.DefaultModel)

// parse annotates text with the embedded model.
func parse(tb testing.TB, text string) *nlp.Doc {
	tb.Helper()
	m, err := model()
	if err != nil {
		tb.Fatal(err)
	}
	doc := &nlp.Doc{Text: text}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

func finder(tb testing.TB) *quote.Finder {
	tb.Helper()
	f, err := quote.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

func day(tb testing.TB, s string) time.Time {
	tb.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// format prints quotes one a line: kind, text, verb, speaker (with its
// antecedent) and code.
func format(doc *nlp.Doc, qs []quote.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		k := "indirect"
		if q.Direct {
			k = "direct"
		}
		spk, code := "-", "-"
		if q.Speaker != nil {
			spk = q.Speaker.Text
			if a := q.Speaker.Antecedent; a != nil {
				spk += " => " + doc.Text[a.Start:a.End]
			} else if strings.Contains("he she they it", strings.ToLower(spk)) {
				spk += " => -"
			}
			if q.Speaker.Code != "" {
				code = q.Speaker.Code
			}
		}
		verb := doc.Text[q.Verb.Start:q.Verb.End]
		if verb == "" {
			verb = "-"
		}
		fmt.Fprintf(&b, "%s | %s | %s | %s | %s | sentences %d-%d\n", k, q.Text, verb, spk, code, q.Sentences[0], q.Sentences[1])
	}
	return b.String()
}

// TestSeed finds the statements of the founding test article.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(testshared.Path(t, "seed/000_86861ccb5f158c03.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, string(b))
	qs := finder(t).Find(doc, quote.Options{Date: day(t, "2018-07-05"), Focus: "SYR"})
	got := format(doc, qs)
	for _, want := range []string{
		// Lavrov's statement, and the word he is quoted as using.
		`indirect | Moscow was helping Syria's army "convince" rebels to lay down their arms | said | Lavrov | RUSGOV | sentences 4-4`,
		`direct | convince | said | Lavrov | RUSGOV | sentences 4-4`,
		`indirect | Jordan is delivering aid to the displaced and has deployed field hospitals near the border | said | Safadi | JORGOV | sentences 7-7`,
		`indirect | a string of rebel towns have reached their own surrender arrangements that have allowed Russian military police to enter and patrol their towns | say | Rebels and residents | SYRREB | sentences 10-10`,
		`direct | Intense air and ground based strikes have reportedly continued in multiple areas in Syria's Daraa Governorate, ` +
			`resulting in the death and injury of civilians and the largest displacement in the area since the conflict began | ` +
			`told | United Nations deputy spokesman Farhan Haq | IGOUNO | sentences 11-11`,
		// "The Observatory" is the Syrian Observatory for Human Rights, but
		// this story never names it in full: no code.
		`indirect | some rebel groups accepted to reconcile with the government after handing over their weapons while ` +
			`the al-Qaida-linked Nusra Front and other ultra-radical groups have rejected to evacuate toward northern Syria | said | The Observatory | - | sentences 12-12`,
		// No person in the window: the sentence before names none, the one
		// before that is the Observatory's statement; Farhan Haq, three
		// sentences back, did not say this.
		`direct | The time has come for the conscience of humanity to wake up after the greatest crime in history is being committed against the Syrian people | said | he => - | - | sentences 14-14`,
		`indirect | it had told them not to expect any U.S. military support | said | rebels | SYRREB | sentences 15-15`,
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("missing\n\t%s\nin\n%s", want, got)
		}
	}
	for _, q := range qs {
		if q.Direct && q.Text == "convince" {
			if doc.Text[q.Start:q.End] != `"convince"` {
				t.Errorf("the quote's span is %q, want the word with its marks", doc.Text[q.Start:q.End])
			}
		}
	}
}

// TestFindBadInput gives Find docs that are not what it expects: it must
// not panic, and finds no speaker where there is no parse.
func TestFindBadInput(t *testing.T) {
	f := finder(t)
	text := `"We will fight," he said. Rebels said they would leave.`
	unparsed := &nlp.Doc{Text: text}
	if err := (nlp.Pipeline{new(nlp.Segmenter), new(nlp.Tokenizer)}).Annotate(t.Context(), unparsed); err != nil {
		t.Fatal(err)
	}
	badHeads := parse(t, text)
	for i := range badHeads.Tokens {
		badHeads.Tokens[i].Head = 1000 - 7*i
	}
	cyclic := parse(t, text)
	for i := range cyclic.Tokens {
		s := cyclic.Sentences[0]
		if i >= s.First && i < s.Limit {
			cyclic.Tokens[i].Head = (i - s.First + 1) % (s.Limit - s.First)
		}
	}
	badSentences := parse(t, text)
	badSentences.Sentences = append(badSentences.Sentences, nlp.Sentence{Span: nlp.Span{Start: 5, End: 900}, First: 3, Limit: 1})
	badTokens := parse(t, text)
	badTokens.Tokens[2].End = 10_000
	for _, tt := range []struct {
		name string
		doc  *nlp.Doc
		want int // quotes at least
	}{
		{"nil", nil, 0},
		{"empty", &nlp.Doc{}, 0},
		{"not segmented", &nlp.Doc{Text: text}, 1},
		{"not parsed", unparsed, 1},
		{"heads out of range", badHeads, 1},
		{"cyclic heads", cyclic, 1},
		{"bad sentence", badSentences, 1},
		{"bad token", badTokens, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			qs := f.Find(tt.doc, quote.Options{})
			if len(qs) < tt.want {
				t.Errorf("%d quotes, want at least %d", len(qs), tt.want)
			}
			if tt.doc != nil {
				checkQuotes(t, tt.doc, qs)
			}
		})
	}
	var none *quote.Finder
	if qs := none.Find(parse(t, text), quote.Options{}); qs != nil {
		t.Errorf("a nil Finder found %v", qs)
	}
	noActors := &quote.Finder{Words: f.Words}
	qs := noActors.Find(parse(t, text), quote.Options{})
	if len(qs) == 0 || qs[0].Speaker == nil || qs[0].Speaker.Code != "" {
		t.Errorf("a Finder without actors: %+v", qs)
	}
}

// checkQuotes checks the invariants of Find's output.
func checkQuotes(tb testing.TB, doc *nlp.Doc, qs []quote.Quote) {
	tb.Helper()
	in := func(s nlp.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(doc.Text) }
	for i, q := range qs {
		if !in(q.Span) || q.Len() == 0 {
			tb.Fatalf("quote %d: span %v outside the text (%d bytes)", i, q.Span, len(doc.Text))
		}
		if i > 0 && q.Start < qs[i-1].Start {
			tb.Errorf("quote %d starts at %d, before quote %d at %d", i, q.Start, i-1, qs[i-1].Start)
		}
		if len(q.Parts) == 0 {
			tb.Errorf("quote %d has no parts", i)
		}
		texts := make([]string, len(q.Parts))
		for k, p := range q.Parts {
			if !in(p) || p.Start < q.Start || p.End > q.End || k > 0 && p.Start < q.Parts[k-1].End {
				tb.Fatalf("quote %d: part %v outside its span %v or out of order", i, p, q.Span)
			}
			texts[k] = doc.Text[p.Start:p.End]
		}
		if q.Text != strings.Join(texts, " ") {
			tb.Errorf("quote %d: Text %q is not its parts %q", i, q.Text, texts)
		}
		if strings.TrimSpace(q.Text) == "" || !utf8.ValidString(q.Text) && utf8.ValidString(doc.Text) {
			tb.Errorf("quote %d: Text %q", i, q.Text)
		}
		if q.Direct {
			for _, m := range []string{doc.Text[q.Start:], doc.Text[:q.End]} {
				if !strings.ContainsAny(m, "\"“”") {
					tb.Errorf("direct quote %d %q has no marks", i, doc.Text[q.Start:q.End])
				}
			}
		}
		if !in(q.Verb) {
			tb.Errorf("quote %d: verb %v outside the text", i, q.Verb)
		}
		if n := len(doc.Sentences); n > 0 && (q.Sentences[0] < 0 || q.Sentences[0] > q.Sentences[1] || q.Sentences[1] >= n) {
			tb.Errorf("quote %d: sentences %v of %d", i, q.Sentences, n)
		}
		if sp := q.Speaker; sp != nil {
			if !in(sp.Span) || sp.Text != doc.Text[sp.Start:sp.End] {
				tb.Errorf("quote %d: speaker %v %q is not its span", i, sp.Span, sp.Text)
			}
			if a := sp.Antecedent; a != nil && (!in(*a) || a.End > sp.End) {
				tb.Errorf("quote %d: antecedent %v is not before the speaker %v", i, *a, sp.Span)
			}
			if sp.Code == "" && (sp.Country != "" || sp.Role != "") {
				tb.Errorf("quote %d: country %q and role %q without a code", i, sp.Country, sp.Role)
			}
		}
	}
}

// TestFindInvariantsCorpus checks the invariants on every corpus text.
func TestFindInvariantsCorpus(t *testing.T) {
	f := finder(t)
	for _, cc := range readCorpus(t) {
		doc := parse(t, cc.text)
		checkQuotes(t, doc, f.Find(doc, quote.Options{Date: cc.date, Focus: cc.focus}))
	}
}

// TestWindow: a wider window reaches further back for an antecedent.
func TestWindow(t *testing.T) {
	text := "Title\n\nForeign Minister Ayman Safadi spoke in Amman. The talks lasted hours. Aid was discussed. " +
		`"Our borders are closed," he said.`
	doc := parse(t, text)
	f := finder(t)
	opt := quote.Options{Date: day(t, "2018-07-05")}
	if got := format(doc, f.Find(doc, opt)); !strings.Contains(got, "he => - | -") {
		t.Errorf("window 2 found an antecedent three sentences back:\n%s", got)
	}
	wide := *f
	wide.Window = 3
	if got := format(doc, wide.Find(doc, opt)); !strings.Contains(got, "he => Foreign Minister Ayman Safadi | JORGOV") {
		t.Errorf("window 3 did not find Safadi:\n%s", got)
	}
}
