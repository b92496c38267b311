package nlp

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
)

// segment runs a Segmenter on text and returns the sentences as strings.
func segment(t *testing.T, text string) []string {
	t.Helper()
	doc := &Doc{Text: text}
	if err := new(Segmenter).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkSentences(t, doc)
	var got []string
	for _, s := range doc.Sentences {
		got = append(got, text[s.Start:s.End])
	}
	return got
}

func TestSegmenter(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"whitespace only", "  \n\t \u00a0\r\n\u200b\n", nil},
		{"surrounding whitespace", "  Rebels fled.  \n", []string{"Rebels fled."}},
		{"two sentences", "Rebels fled. The army advanced.", []string{"Rebels fled.", "The army advanced."}},
		{"no final punctuation", "Rebels fled", []string{"Rebels fled"}},

		// Abbreviations.
		{"U.S. inside", "Officials in the U.S. said the talks failed. Others disagreed.",
			[]string{"Officials in the U.S. said the talks failed.", "Others disagreed."}},
		{"U.S. before a name", "He visited U.S. Army bases in Iraq.", []string{"He visited U.S. Army bases in Iraq."}},
		{"U.S. at the end before a starter", "The weapons were supplied by the U.S. The next day, rebels attacked.",
			[]string{"The weapons were supplied by the U.S.", "The next day, rebels attacked."}},
		{"U.S. at the end of the text", "He lives in the U.S.", []string{"He lives in the U.S."}},
		{"U.N. and pronoun", "The aid came from the U.N. It was not enough.",
			[]string{"The aid came from the U.N.", "It was not enough."}},
		{"U.S. at the end of a line", "The arms came from the U.S.\nSyria's army fled.",
			[]string{"The arms came from the U.S.", "Syria's army fled."}},
		{"titles", "Gen. Smith met Lt. Col. Jones and Sen. Brown. They talked.",
			[]string{"Gen. Smith met Lt. Col. Jones and Sen. Brown.", "They talked."}},
		{"Mr. Mrs. Dr.", "Mr. and Mrs. Smith met Dr. Lee and Rep. Gov. Ward. He left.",
			[]string{"Mr. and Mrs. Smith met Dr. Lee and Rep. Gov. Ward.", "He left."}},
		{"St.", "He lives in St. Louis. She lives in Paris.", []string{"He lives in St. Louis.", "She lives in Paris."}},
		{"a.m. and months", "The attack began at 5 a.m. on Jan. 5 and ended on Sept. 11. It was over.",
			[]string{"The attack began at 5 a.m. on Jan. 5 and ended on Sept. 11.", "It was over."}},
		{"a.m. at the end", "The attack began at 5 a.m. The army said.",
			[]string{"The attack began at 5 a.m.", "The army said."}},
		{"Corp. inside", "Shares of Acme Corp. Rose 5 percent.", []string{"Shares of Acme Corp. Rose 5 percent."}},
		{"Inc. at the end", "He works for Acme Inc. The company declined to comment.",
			[]string{"He works for Acme Inc.", "The company declined to comment."}},
		{"Co. No. vs.", "Daraa Co. won case No. 12 in Syria vs. Jordan talks.",
			[]string{"Daraa Co. won case No. 12 in Syria vs. Jordan talks."}},
		{"etc.", "They seized tanks, trucks, etc. But they left.",
			[]string{"They seized tanks, trucks, etc.", "But they left."}},
		{"e.g. and i.e.", "Heavy arms, e.g. Grad rockets, i.e. Russian ones, were used.",
			[]string{"Heavy arms, e.g. Grad rockets, i.e. Russian ones, were used."}},
		{"pro-U.S.", "They met pro-U.S. Kurdish fighters.", []string{"They met pro-U.S. Kurdish fighters."}},
		{"unknown word before capital", "Forces left Aleppo. Damascus fell.", []string{"Forces left Aleppo.", "Damascus fell."}},

		// Initials.
		{"initial", "George W. Bush spoke.", []string{"George W. Bush spoke."}},
		{"initials", "J. R. R. Tolkien wrote it. He died.", []string{"J. R. R. Tolkien wrote it.", "He died."}},
		{"letter at the end", "They called it Plan B. The army rejected it.",
			[]string{"They called it Plan B.", "The army rejected it."}},
		{"initial before A", "Mary A. Smith spoke.", []string{"Mary A. Smith spoke."}},

		// Quotes.
		{"quote ends sentence", `He said: "We will fight." Then he left.`,
			[]string{`He said: "We will fight."`, "Then he left."}},
		{"quote with comma", `"We will fight," he said. Then he left.`,
			[]string{`"We will fight," he said.`, "Then he left."}},
		{"quote period then lowercase", `"We will fight." he said.`, []string{`"We will fight." he said.`}},
		{"question in quote then lowercase", `"Will you fight?" he asked.`, []string{`"Will you fight?" he asked.`}},
		{"quote opens next sentence", `Rebels fled. "We lost," one said.`,
			[]string{"Rebels fled.", `"We lost," one said.`}},
		{"curly quotes", "He said: “We will fight.” Then he left. ‘No,’ she said.",
			[]string{"He said: “We will fight.”", "Then he left.", "‘No,’ she said."}},
		{"abbreviation then closing quote", `He said "we love the U.S." The crowd cheered.`,
			[]string{`He said "we love the U.S."`, "The crowd cheered."}},
		{"bracket", "Rebels fled (to Jordan.) Then they returned.",
			[]string{"Rebels fled (to Jordan.)", "Then they returned."}},

		// Headlines, blank lines and line breaks.
		{"headline and blank line", "Ceasefire collapses in Daraa\n\nRebels said on Monday that talks had failed.",
			[]string{"Ceasefire collapses in Daraa", "Rebels said on Monday that talks had failed."}},
		{"headline twice", "Deal breaks down\n\nDeal breaks down\n\nThe deal broke down.",
			[]string{"Deal breaks down", "Deal breaks down", "The deal broke down."}},
		{"headline before a longer line", "Ceasefire collapses in Daraa\nRebels in southern Syria said on Monday that the deal had failed.",
			[]string{"Ceasefire collapses in Daraa", "Rebels in southern Syria said on Monday that the deal had failed."}},
		{"title-case headline", "Syrian Army Retakes Border Crossing Near Jordan\nThe army said it took the post.",
			[]string{"Syrian Army Retakes Border Crossing Near Jordan", "The army said it took the post."}},
		{"headline, byline, dateline", "Syria's Assad vows to retake Daraa\nBy Suleiman Al-Khalidi\nAMMAN (Reuters) - Syrian forces advanced.",
			[]string{"Syria's Assad vows to retake Daraa", "By Suleiman Al-Khalidi", "AMMAN (Reuters) - Syrian forces advanced."}},
		{"headline and dateline", "Syria's Assad vows to retake Daraa\nUNITED NATIONS — The council met.",
			[]string{"Syria's Assad vows to retake Daraa", "UNITED NATIONS — The council met."}},
		{"wrapped before capitals", "Forces loyal to the government of President Assad\nNATO said nothing.",
			[]string{"Forces loyal to the government of President Assad\nNATO said nothing."}},
		{"blank line ends a sentence", "The army said\n\nthat it had won.", []string{"The army said", "that it had won."}},
		{"blank line with spaces", "First part\n \t\nSecond part", []string{"First part", "Second part"}},
		{"paragraph separator", "First part\u2029Second part", []string{"First part", "Second part"}},
		{"CRLF", "Deal collapses\r\n\r\nRebels fled. They hid.\r\n", []string{"Deal collapses", "Rebels fled.", "They hid."}},
		{"wrapped after function word", "Syrian government forces shelled rebel positions in the south of\nDaraa province on Tuesday, a monitor said.",
			[]string{"Syrian government forces shelled rebel positions in the south of\nDaraa province on Tuesday, a monitor said."}},
		{"wrapped before a capital", "Syrian government forces shelled positions held by Free Syrian\nArmy fighters on Tuesday, the monitor said.",
			[]string{"Syrian government forces shelled positions held by Free Syrian\nArmy fighters on Tuesday, the monitor said."}},
		{"wrapped before lowercase", "Syrian forces shelled\nrebel positions.", []string{"Syrian forces shelled\nrebel positions."}},

		// Lists.
		{"numbered list", "The demands were:\n1. A ceasefire.\n2. The release of prisoners.\n3) Aid access",
			[]string{"The demands were:", "1. A ceasefire.", "2. The release of prisoners.", "3) Aid access"}},
		{"numbered list without periods", "1. First item\n2. Second item\n(3) Third item",
			[]string{"1. First item", "2. Second item", "(3) Third item"}},
		{"bullets", "Key points:\n- Rebels retreat\n* Army advances\n• Aid waits",
			[]string{"Key points:", "- Rebels retreat", "* Army advances", "• Aid waits"}},
		{"lettered list", "Options:\na) Stay\nb) Leave", []string{"Options:", "a) Stay", "b) Leave"}},
		{"list after a sentence", "Rebels fled. 2. The army followed.", []string{"Rebels fled.", "2. The army followed."}},

		// Datelines.
		{"dateline with hyphen", "DAMASCUS (Reuters) - Syrian forces shelled Daraa on Tuesday. Rebels fled.",
			[]string{"DAMASCUS (Reuters) - Syrian forces shelled Daraa on Tuesday.", "Rebels fled."}},
		{"dateline with em dash", "BEIRUT, July 5 (AP) — Syrian troops advanced. Rebels fled.",
			[]string{"BEIRUT, July 5 (AP) — Syrian troops advanced.", "Rebels fled."}},
		{"dateline on its own line", "BEIRUT, July 5 (AP) —\nSyrian troops advanced.",
			[]string{"BEIRUT, July 5 (AP) —\nSyrian troops advanced."}},
		{"dateline with D.C.", "WASHINGTON, D.C. (Reuters) - The U.S. said it would act.",
			[]string{"WASHINGTON, D.C. (Reuters) - The U.S. said it would act."}},

		// Numbers, ellipses, URLs.
		{"decimal", "Prices rose 3.5 percent. They fell.", []string{"Prices rose 3.5 percent.", "They fell."}},
		{"number starts a sentence", "The toll rose to 20. 15 of them were children.",
			[]string{"The toll rose to 20.", "15 of them were children."}},
		{"ellipsis inside", "He said... the army was coming.", []string{"He said... the army was coming."}},
		{"ellipsis ends", "We waited... Then the shelling began.", []string{"We waited...", "Then the shelling began."}},
		{"ellipsis character", "We waited… Then it began.", []string{"We waited…", "Then it began."}},
		{"?!", "Is this a ceasefire?! No one knows.", []string{"Is this a ceasefire?!", "No one knows."}},
		{"question then lowercase", "Why? because they can.", []string{"Why? because they can."}},
		{"exclamation", "Stop! Go back!", []string{"Stop!", "Go back!"}},
		{"URL", "See www.un.org/en for details. Thanks.", []string{"See www.un.org/en for details.", "Thanks."}},
		{"URL at the end", "The report is at http://www.un.org/report.pdf. It is long.",
			[]string{"The report is at http://www.un.org/report.pdf.", "It is long."}},
		{"email", "Write to press@un.org. Or call.", []string{"Write to press@un.org.", "Or call."}},
		{"comma after period", "He works at Acme Inc., a firm.", []string{"He works at Acme Inc., a firm."}},

		// Unicode.
		{"French", "Le président a parlé. «Nous agirons», a-t-il dit.",
			[]string{"Le président a parlé.", "«Nous agirons», a-t-il dit."}},
		{"Arabic", "قال الجيش. وأضاف المتحدث.", []string{"قال الجيش.", "وأضاف المتحدث."}},
		{"non-breaking spaces", "Rebels fled.\u00a0The army advanced.", []string{"Rebels fled.", "The army advanced."}},
		{"zero-width space", "\u200bRebels fled.\u200b", []string{"Rebels fled."}},
		{"emoji", "Peace at last 🕊️. Everyone cheered 🎉!", []string{"Peace at last 🕊️.", "Everyone cheered 🎉!"}},
		{"invalid UTF-8 and NUL", "Caf\xe9 \x00 open. Next\xff one.", []string{"Caf\xe9 \x00 open.", "Next\xff one."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := segment(t, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSegmenterCustomAbbreviations(t *testing.T) {
	ab, err := ParseAbbreviations("mine.txt", strings.NewReader("Cmdr.\ttitle\n"))
	if err != nil {
		t.Fatal(err)
	}
	text := "He met Gen. Smith."
	doc := &Doc{Text: text}
	if err := (&Segmenter{Abbreviations: ab}).Annotate(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != 2 {
		t.Errorf("without Gen. in the list, want 2 sentences, got %d", len(doc.Sentences))
	}
}

// checkSentences fails t unless doc.Sentences are in order, non-overlapping,
// start and end on non-space runes and together cover every non-space byte.
func checkSentences(t testing.TB, doc *Doc) {
	t.Helper()
	text := doc.Text
	covered := make([]int, len(text))
	prev := 0
	for i, s := range doc.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence %d %v: out of order, empty or outside the text (%d bytes; previous ends at %d)", i, s.Span, len(text), prev)
		}
		if r, _ := decode(text, s.Start); isSpace(r) {
			t.Errorf("sentence %d %v starts with whitespace %q", i, s.Span, r)
		}
		if r, _ := decodeLast(text, s.End); isSpace(r) {
			t.Errorf("sentence %d %v ends with whitespace %q", i, s.Span, r)
		}
		for k := s.Start; k < s.End; k++ {
			covered[k]++
		}
		prev = s.End
	}
	checkCover(t, text, covered, "sentence")
}

// checkCover fails t unless covered counts exactly one for every byte of a
// non-space rune of text.
func checkCover(t testing.TB, text string, covered []int, what string) {
	t.Helper()
	for i := 0; i < len(text); {
		r, n := decode(text, i)
		for k := i; k < i+n; k++ {
			if !isSpace(r) && covered[k] != 1 {
				t.Fatalf("byte %d (%q) of non-space %q is in %d %ss, want 1", k, text[k], r, covered[k], what)
			}
		}
		i += n
	}
}

func TestSeedSegmentation(t *testing.T) {
	b, err := os.ReadFile(sharedPath(t, "seed/000_86861ccb5f158c03.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	got := segment(t, text)
	if len(got) != 17 {
		t.Fatalf("got %d sentences, want 17:\n%s", len(got), strings.Join(got, "\n"))
	}
	if got[0] != got[1] || strings.ContainsAny(got[0], ".\n") {
		t.Errorf("the first two sentences should be the title twice, got %q and %q", got[0], got[1])
	}
	for i, s := range got[2:] {
		if !strings.HasSuffix(s, ".") {
			t.Errorf("sentence %d does not end in a period: %q", i+2, s)
		}
	}
}

func FuzzSegmenter(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := &Doc{Text: text}
		if err := new(Segmenter).Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkSentences(t, doc)
	})
}

// fuzzSeeds are tricky inputs shared by the fuzz tests.
var fuzzSeeds = []string{
	"",
	" ",
	"\n\n\n",
	"\x00",
	"\xff\xfe",
	"a\x00b. C\x00d.",
	"caf\xe9. \xe2\x80 \xe2\x80\x99s",
	"The U.S. said. The next day, Gen. Smith left. George W. Bush spoke.",
	`He said: "We will fight." Then... "We will fight," he said. ..." he said.`,
	"Title\n\nTitle\n\nBody text here.\n1. First\n2) Second\n- third",
	"DAMASCUS (Reuters) - Syrian forces ... BEIRUT, July 5 (AP) — rebels",
	"I don't know, won't, can't, cannot, gonna, Bush's, rebels' 'quoted' O'Brien's",
	"don’t Bush’s ‘quoted’ “Hello,” she said.",
	"$1.5 10% 1,200 2.5 9/11 24/7 10:30 2018-07-04 www.un.org press@un.org http://x.org/a_(b).",
	"al-Assad al-Qaida-linked carrot-and-stick pro-U.S.-backed U.S.-led e.g. i.e.",
	"Plan B. A. B. C. 1. 2. 3. i. ii. (a) b) ?! ?!? ... …",
	"قال الجيش. وأضاف المتحدث. 🕊️ 👨‍👩‍👧 🇸🇾 👍🏽 a\u200db a\u200bb \u00a0\u2028\u2029",
	"'s n't 've 'm ' ’ - -- --- . .. ''''' \"\"\"",
	"\r\n\r\nx\ry\u0085z",
	strings.Repeat("a.", 500) + strings.Repeat("A.-", 300) + strings.Repeat("x'", 200),
}
