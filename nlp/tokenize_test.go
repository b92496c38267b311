package nlp

import (
	"context"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// tokenize segments and tokenizes text, checks the invariants, and returns
// the token forms and the forms of the multiword tokens.
func tokenize(t testing.TB, text string) (forms, multi []string) {
	t.Helper()
	doc := &Doc{Text: text}
	if err := (Pipeline{new(Segmenter), new(Tokenizer)}).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkSentences(t, doc)
	checkTokens(t, doc)
	for _, tk := range doc.Tokens {
		forms = append(forms, tk.Form)
	}
	for _, s := range doc.Sentences {
		for _, m := range s.MultiWords {
			var parts []string
			for _, tk := range doc.Tokens[m.First:m.Limit] {
				parts = append(parts, tk.Form)
			}
			multi = append(multi, m.Form+"="+strings.Join(parts, "+"))
		}
	}
	return forms, multi
}

func TestTokenizer(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  string // token forms separated by spaces
		multi []string
	}{
		{"empty", "", "", nil},
		{"whitespace only", " \t\n\u00a0\u200b ", "", nil},
		{"punctuation", `"We will fight," he said (in Daraa); then: silence.`,
			`" We will fight , " he said ( in Daraa ) ; then : silence .`, nil},
		{"dashes", "Wait -- what? Rebels—backed by Turkey—fled – again.",
			"Wait -- what ? Rebels — backed by Turkey — fled – again .", nil},
		{"runs", "Really?! Well... No!!!", "Really ?! Well ... No !!!", nil},

		// Clitics and possessives.
		{"n't", "I don't know and won't, can't or didn't say.", "I do n't know and wo n't , ca n't or did n't say .",
			[]string{"don't=do+n't", "won't=wo+n't", "can't=ca+n't", "didn't=did+n't"}},
		{"capital N'T", "DON'T go.", "DO N'T go .", []string{"DON'T=DO+N'T"}},
		{"cannot gonna wanna gotta", "We cannot stay, gonna leave, wanna go, gotta run. Cannot!",
			"We can not stay , gon na leave , wan na go , got ta run . Can not !",
			[]string{"cannot=can+not", "gonna=gon+na", "wanna=wan+na", "gotta=got+ta", "Cannot=Can+not"}},
		{"pronoun clitics", "I'm sure they're here; we've seen you'll and he'd.",
			"I 'm sure they 're here ; we 've seen you 'll and he 'd .",
			[]string{"I'm=I+'m", "they're=they+'re", "we've=we+'ve", "you'll=you+'ll", "he'd=he+'d"}},
		{"could've", "They could've won.", "They could 've won .", []string{"could've=could+'ve"}},
		{"two clitics", "They shouldn't've won.", "They should n't 've won .", []string{"shouldn't've=should+n't+'ve"}},
		{"quote inside brackets", "(\"'rebels'\")", "( \" ' rebels ' \" )", nil},
		{"possessive", "Bush's plan and Syria's army.", "Bush 's plan and Syria 's army .",
			[]string{"Bush's=Bush+'s", "Syria's=Syria+'s"}},
		{"it's", "It's over, let's go.", "It 's over , let 's go .", []string{"It's=It+'s", "let's=let+'s"}},
		{"plural possessive", "The rebels' weapons and the Jones' house.", "The rebels ' weapons and the Jones ' house .",
			[]string{"rebels'=rebels+'", "Jones'=Jones+'"}},
		{"single-quoted word", "He said 'rebels' fled.", "He said ' rebels ' fled .", nil},
		{"curly apostrophes", "Don’t touch Bush’s car or the rebels’ guns.", "Do n’t touch Bush ’s car or the rebels ’ guns .",
			[]string{"Don’t=Do+n’t", "Bush’s=Bush+’s", "rebels’=rebels+’"}},
		{"curly quotes", "“Hello,” she said. ‘No,’ he said.", "“ Hello , ” she said . ‘ No , ’ he said .", nil},
		{"names with apostrophes", "O'Brien met Sa'd and Ma'arrat al-Nu'man.", "O'Brien met Sa'd and Ma'arrat al-Nu'man .", nil},
		{"name with possessive", "O'Brien's aide.", "O'Brien 's aide .", []string{"O'Brien's=O'Brien+'s"}},
		{"possessive then comma", `Syria's, "Assad's".`, `Syria 's , " Assad 's " .`,
			[]string{"Syria's=Syria+'s", "Assad's=Assad+'s"}},

		{"abbreviation with 's", "The U.N.'s envoy.", "The U.N. 's envoy .", []string{"U.N.'s=U.N.+'s"}},
		{"decade with 's", "In the 1990's.", "In the 1990's .", nil},
		{"clitic standing alone", "FERC 's plan and we 're off.", "FERC 's plan and we 're off .", nil},
		{"year with apostrophe", "In '72 and the ’90s.", "In '72 and the ’90s .", nil},
		{"two single quotes", "He said ''no'' twice.", "He said '' no '' twice .", nil},

		// Hyphens.
		{"hyphenated names", "Bashar al-Assad and the al-Qaida-linked group in a carrot-and-stick deal.",
			"Bashar al-Assad and the al-Qaida-linked group in a carrot-and-stick deal .", nil},
		{"dangling hyphen", "pro- and anti-government forces", "pro - and anti-government forces", nil},
		{"Unicode hyphen", "al\u2010Assad al\u2011Assad", "al\u2010Assad al\u2011Assad", nil},

		// Abbreviations.
		{"U.S. and U.N.", "The U.S. and U.N. met.", "The U.S. and U.N. met .", nil},
		{"final abbreviation", "He lives in the U.S.", "He lives in the U.S .", nil},
		{"final abbreviation then closers", `He said "in the U.S.")`, `He said " in the U.S . " )`, nil},
		{"abbreviation before the final period", "He lives in the U.S. now.", "He lives in the U.S. now .", nil},
		{"abbreviation then quote", `He said "the U.S." did it.`, `He said " the U.S. " did it .`, nil},
		{"titles", "Gen. Smith met Lt. Col. Jones, Dr. Lee and Mr. Ali.", "Gen. Smith met Lt. Col. Jones , Dr. Lee and Mr. Ali .", nil},
		{"e.g. i.e. etc.", "Arms, e.g. rifles, i.e. guns, etc., were seized.", "Arms , e.g. rifles , i.e. guns , etc. , were seized .", nil},
		{"a.m. and Jan.", "At 5 a.m. on Jan. 5.", "At 5 a.m. on Jan. 5 .", nil},
		{"U.S.-backed", "U.S.-backed and pro-U.S. forces (U.S.) left.", "U.S.-backed and pro-U.S. forces ( U.S. ) left .", nil},
		{"initials", "George W. Bush and J. R. R. Tolkien.", "George W. Bush and J. R. R. Tolkien .", nil},
		{"final letter", "It is Plan B.", "It is Plan B .", nil},
		{"unknown word with period", "Troops left Aleppo.", "Troops left Aleppo .", nil},

		// Numbers.
		{"numbers", "1,200 troops, 2.5 million, 9/11, 24/7, 10:30, 2018-07-04.",
			"1,200 troops , 2.5 million , 9/11 , 24/7 , 10:30 , 2018-07-04 .", nil},
		{"currency and percent", "$1.5 billion, €20, £3bn and 10% (5.5%).",
			"$ 1.5 billion , € 20 , £ 3bn and 10 % ( 5.5 % ) .", nil},
		{"number list label", "1. First item", "1 . First item", nil},
		{"ordinals and sign", "The 21st brigade lost -5 points.", "The 21st brigade lost - 5 points .", nil},
		{"and/or", "Aid and/or arms.", "Aid and / or arms .", nil},

		{"clock times", "At 5pm and 7:30PM, not 5 pm.", "At 5 pm and 7:30 PM , not 5 pm .", nil},

		// Runs and emoticons.
		{"symbol runs", "=== *** >> ~~", "=== *** >> ~~", nil},
		{"mixed final punctuation", "Really.? Yes!?", "Really .? Yes !?", nil},
		{"emoticon", "Great :) and ;-)", "Great :) and ;-)", nil},
		{"not an emoticon", "Time:)", "Time : )", nil},

		// URLs, e-mail, handles.
		{"URL", "Visit https://www.un.org/en/news?id=5 today.", "Visit https://www.un.org/en/news?id=5 today .", nil},
		{"URL in brackets", "(www.un.org) and (see http://x.org/a_(b)).", "( www.un.org ) and ( see http://x.org/a_(b) ) .", nil},
		{"domain", "See un.org.", "See un.org .", nil},
		{"email", "Write to press@un.org.", "Write to press@un.org .", nil},
		{"AT&T", "AT&T and R&D, Q&A, salt&pepper.", "AT&T and R&D , Q&A , salt & pepper .", nil},
		{"hashtag and handle", "#Syria @UN_News #1", "#Syria @UN_News # 1", nil},

		// Unicode.
		{"diacritics", "Café in Zürich, Hülya Öztürk.", "Café in Zürich , Hülya Öztürk .", nil},
		{"Arabic", "قال الجيش السوري.", "قال الجيش السوري .", nil},
		{"emoji", "Peace 🕊️ now 👍🏽👍 family 👨‍👩‍👧 flag 🇸🇾.", "Peace 🕊️ now 👍🏽 👍 family 👨‍👩‍👧 flag 🇸🇾 .", nil},
		{"non-breaking space", "10\u00a0km away", "10 km away", nil},
		{"zero-width space", "a\u200bb", "a b", nil},
		{"zero-width joiner", "a\u200db", "a\u200db", nil},
		{"invalid UTF-8", "caf\xe9 ok \xff.", "caf\xe9 ok \xff .", nil},
		{"NUL", "a\x00b", "a \x00 b", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forms, multi := tokenize(t, tt.text)
			if got := strings.Join(forms, " "); got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
			if !slices.Equal(multi, tt.multi) {
				t.Errorf("Tokenize(%q) multiwords\n got %q\nwant %q", tt.text, multi, tt.multi)
			}
		})
	}
}

// checkTokens fails t unless the tokens of doc are in order, non-empty,
// hold no whitespace, have Form == Text[Start:End], lie in their sentence,
// cover every non-space byte exactly once, and unless every MultiWord
// covers exactly its adjacent tokens.
func checkTokens(t testing.TB, doc *Doc) {
	t.Helper()
	text := doc.Text
	covered := make([]int, len(text))
	next := 0 // the first token of the next sentence
	for si, s := range doc.Sentences {
		if s.First != next || s.Limit < s.First || s.Limit > len(doc.Tokens) {
			t.Fatalf("sentence %d: tokens [%d, %d), want them to start at %d and end by %d", si, s.First, s.Limit, next, len(doc.Tokens))
		}
		next = s.Limit
		prev := s.Start
		for i, tk := range doc.Tokens[s.First:s.Limit] {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > s.End {
				t.Fatalf("sentence %d %v, token %d %v: out of order, empty or outside the sentence", si, s.Span, i, tk.Span)
			}
			if tk.Form != text[tk.Start:tk.End] {
				t.Fatalf("token %v: Form %q != text %q", tk.Span, tk.Form, text[tk.Start:tk.End])
			}
			for k := tk.Start; k < tk.End; {
				r, n := decode(text, k)
				if isSpace(r) {
					t.Fatalf("token %v %q holds whitespace %q", tk.Span, tk.Form, r)
				}
				k += n
			}
			for k := tk.Start; k < tk.End; k++ {
				covered[k]++
			}
			prev = tk.End
		}
		prevMW := s.First
		for _, m := range s.MultiWords {
			if m.First < prevMW || m.Limit-m.First < 2 || m.Limit > s.Limit {
				t.Fatalf("sentence %d, multiword %+v: tokens out of order, fewer than 2, or outside the sentence's [%d, %d)", si, m, s.First, s.Limit)
			}
			prevMW = m.Limit
			toks := doc.Tokens[m.First:m.Limit]
			if m.Start != toks[0].Start || m.End != toks[len(toks)-1].End || m.Form != text[m.Start:m.End] {
				t.Fatalf("multiword %+v does not cover exactly its tokens %v", m, toks)
			}
			for i := 1; i < len(toks); i++ {
				if toks[i].Start != toks[i-1].End {
					t.Fatalf("multiword %q: gap between tokens %q and %q", m.Form, toks[i-1].Form, toks[i].Form)
				}
			}
		}
	}
	if next != len(doc.Tokens) {
		t.Fatalf("%d tokens, but the sentences end at token %d", len(doc.Tokens), next)
	}
	checkCover(t, text, covered, "token")
}

func TestTokenizerKeepFinalPeriod(t *testing.T) {
	for _, tt := range []struct {
		keep bool
		want string
	}{
		{false, "He went to the U.S . Then he left the U.N ."},
		{true, "He went to the U.S. Then he left the U.N."},
	} {
		doc := &Doc{Text: "He went to the U.S. Then he left the U.N."}
		p := Pipeline{new(Segmenter), &Tokenizer{KeepFinalPeriod: tt.keep}}
		if err := p.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkTokens(t, doc)
		var forms []string
		for _, tk := range doc.Tokens {
			forms = append(forms, tk.Form)
		}
		if got := strings.Join(forms, " "); got != tt.want || len(doc.Sentences) != 2 {
			t.Errorf("KeepFinalPeriod %v: got %d sentences, tokens %s, want 2, %s", tt.keep, len(doc.Sentences), got, tt.want)
		}
	}
}

func TestSeedTokens(t *testing.T) {
	b, err := os.ReadFile(sharedPath(t, "seed/000_86861ccb5f158c03.txt"))
	if err != nil {
		t.Fatal(err)
	}
	forms, multi := tokenize(t, string(b))
	for _, w := range []string{"al-Qaida-linked", "carrot-and-stick", "al-Assad", "U.S.", "Israeli-occupied"} {
		if !slices.Contains(forms, w) {
			t.Errorf("%q is not a single token", w)
		}
	}
	for _, w := range []string{"al", "Qaida", "carrot", "U.S", "-"} {
		if slices.Contains(forms, w) {
			t.Errorf("%q should not be a token on its own", w)
		}
	}
	if want := "Syria's=Syria+'s"; !slices.Contains(multi, want) {
		t.Errorf("multiwords %q lack %q", multi, want)
	}
}

func TestTokenizerNeedsSentences(t *testing.T) {
	doc := &Doc{Text: "Rebels fled."}
	if err := new(Tokenizer).Annotate(context.Background(), doc); err != ErrNoSentences {
		t.Errorf("got error %v, want ErrNoSentences", err)
	}
	doc = &Doc{Text: "Rebels fled.", Sentences: []Sentence{{Span: Span{0, 99}}}}
	if err := new(Tokenizer).Annotate(context.Background(), doc); err == nil {
		t.Error("a sentence outside the text gave no error")
	}
	doc = &Doc{Text: " \n"}
	if err := new(Tokenizer).Annotate(context.Background(), doc); err != nil {
		t.Errorf("whitespace-only text: %v", err)
	}
}

func TestTokenizerCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &Doc{Text: "Rebels fled."}
	for _, a := range []Annotator{new(Segmenter), new(Tokenizer)} {
		if err := a.Annotate(ctx, doc); err != context.Canceled {
			t.Errorf("%T: got %v, want context.Canceled", a, err)
		}
	}
}

// TestConcurrentUse runs one Segmenter and one Tokenizer from several
// goroutines; run it with -race.
func TestConcurrentUse(t *testing.T) {
	p := Pipeline{new(Segmenter), new(Tokenizer)}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			doc := &Doc{Text: benchText[:5000]}
			if err := p.Annotate(context.Background(), doc); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

func FuzzTokenizer(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := &Doc{Text: text}
		if err := (Pipeline{new(Segmenter), new(Tokenizer)}).Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkSentences(t, doc)
		checkTokens(t, doc)
		// Annotating again gives the same layers.
		again := &Doc{Text: text}
		if err := (Pipeline{new(Segmenter), new(Tokenizer)}).Annotate(context.Background(), again); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc, again) {
			t.Fatal("a second run gave different sentences or tokens")
		}
	})
}

// TestLongLine checks that a 1 MB line without spaces or with many
// candidate boundaries is handled in linear time and keeps the invariants.
func TestLongLine(t *testing.T) {
	for name, text := range map[string]string{
		"letters":      strings.Repeat("a", 1<<20),
		"periods":      strings.Repeat("A. ", 1<<18),
		"dotted":       strings.Repeat("U.S.-", 1<<18),
		"apostrophes":  strings.Repeat("x'", 1<<19),
		"hyphens":      strings.Repeat("-a", 1<<19),
		"newlines":     strings.Repeat("Headline\n", 1<<17),
		"null bytes":   strings.Repeat("\x00", 1<<20),
		"invalid":      strings.Repeat("\xff", 1<<20),
		"quote period": strings.Repeat(`"." `, 1<<18),
	} {
		t.Run(name, func(t *testing.T) {
			tokenize(t, text)
		})
	}
}

// benchText is about 60 KB of news-like text with the features the
// segmenter and tokenizer handle.
var benchText = func() string {
	paras := []string{
		"Syrian rebels and Russia agree ceasefire in Daraa",
		"DAMASCUS (Reuters) - Syrian government forces backed by Russian air strikes pressed on with an offensive in the southwest on Tuesday, a monitor said, after the U.S. warned it would not intervene. The U.N. said more than 270,000 people had fled.",
		"President Bashar al-Assad's forces, which retook 2.5 square km on Monday, shelled rebel-held towns near the Jordanian border, Gen. Igor Konashenkov told reporters at 10:30 a.m. \"We won't stop until the terrorists are gone,\" he said. Rebels said they couldn't hold out.",
		"The al-Qaida-linked Nusra Front rejected the carrot-and-stick deal. Jordan's foreign minister, Ayman Safadi, said on Jan. 5 that aid worth $1.5 million (about 10% of the appeal) was ready, e.g. food and tents, and that 1,200 trucks were waiting.",
		"Many of them have been gathering on the border with Jordan and near the Israeli-occupied Golan Heights. Isn't it time the world acted? Officials in Washington, D.C. didn't comment... The talks resumed on 2018-07-04 in Bosra al-Sham.",
	}
	var b strings.Builder
	for b.Len() < 60_000 {
		for _, p := range paras {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}()

func BenchmarkSegmentTokenize(b *testing.B) {
	ctx := context.Background()
	p := Pipeline{new(Segmenter), new(Tokenizer)}
	tokens := 0
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		doc := &Doc{Text: benchText}
		if err := p.Annotate(ctx, doc); err != nil {
			b.Fatal(err)
		}
		tokens += len(doc.Tokens)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
