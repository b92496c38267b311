package count

import (
	"os"
	"strings"
	"testing"

	"sitrep/internal/testshared"
)

// TestSeed finds the counts of the founding article: the half million
// displaced Syrians Jordan has taken in, and nothing in "the death and
// injury of civilians", which has no number.
func TestSeed(t *testing.T) {
	data, err := os.ReadFile(testshared.Path(t, "seed/000_86861ccb5f158c03.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := annotate(t, string(data))
	got := mustDefault(t).Find(doc)
	if len(got) != 1 {
		for _, c := range got {
			t.Logf("%s %d %q", c.Type, c.Number, c.Text)
		}
		t.Fatalf("got %d counts, want 1", len(got))
	}
	c := got[0]
	form := func(i int) string {
		if i < 0 {
			return "-"
		}
		return doc.Tokens[i].Form
	}
	if c.Type != Displaced || c.Number != 500000 || c.Qualifier != "more than" || c.Approx ||
		c.Object != "displaced Syrians" || c.Text != "more than half a million displaced Syrians" {
		t.Errorf("got %s %d %q approx %v object %q text %q", c.Type, c.Number, c.Qualifier, c.Approx, c.Object, c.Text)
	}
	if form(c.Verb) != "displaced" || form(c.Place) != "Jordan" {
		t.Errorf("verb %q place %q, want displaced and Jordan", form(c.Verb), form(c.Place))
	}
	if !strings.Contains(doc.Text[doc.Sentences[c.Sentence].Start:doc.Sentences[c.Sentence].End], "Jordan, which has taken in") {
		t.Errorf("count in the wrong sentence %d", c.Sentence)
	}
}
