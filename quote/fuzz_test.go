package quote_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/quote"
)

// FuzzFind runs Find on arbitrary text, parsed by the embedded model: it
// never panics, every span lies inside the text, quotes come in order,
// Text is its Parts and the Parts lie inside the Span, and speakers are
// their spans' text (see checkQuotes).
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will fight," he said.`,
		`“We will fight,” he said, “until the end.”`,
		"Title \"open\n\n\"First paragraph.\n\n\"Second,\" she said.",
		`Lavrov said Moscow was helping Syria's army "convince" rebels.`,
		`Five civilians, the Observatory said, were killed. According to the UN, "" was said.`,
		`"unclosed and " stray" marks '' ‘’ "`,
		"KYIV (Reuters) - Ukraine's military said: \"Drones.\"",
		"\"\xff\xfe\" he said",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "article.txt")); err == nil {
		f.Add(string(b))
	}
	fd, err := quote.Default()
	if err != nil {
		f.Fatal(err)
	}
	if _, err := model(); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 {
			return // parsing long inputs only slows the fuzzer down
		}
		doc := parse(t, text)
		qs := fd.Find(doc, quote.Options{Focus: "SYR"})
		checkQuotes(t, doc, qs)
		for _, q := range qs {
			if q.Direct && utf8.ValidString(text) {
				s := text[q.Start:q.End]
				first, _ := utf8.DecodeRuneInString(s)
				if !strings.ContainsRune("\"“”", first) {
					t.Errorf("direct quote %q does not open with a mark", s)
				}
			}
		}
	})
}
