package timex

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"sitrep/internal/testshared"
	"sitrep/nlp"
)

var update = flag.Bool("update", false, "rewrite testdata/seed.golden")

func seedPath(tb testing.TB) string {
	return testshared.Path(tb, "seed/000_86861ccb5f158c03.txt")
}

// seedDoc reads and parses the founding test article.
func seedDoc(tb testing.TB) *nlp.Doc {
	tb.Helper()
	b, err := os.ReadFile(seedPath(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return parse(tb, string(b))
}

// TestSeed resolves the seed article, published on Thursday 2018-07-05,
// against what the brief asks, then against testdata/seed.golden, which
// also records prepositions, heads and sentences (-update rewrites it).
func TestSeed(t *testing.T) {
	r := mustDefault(t)
	doc := seedDoc(t)
	got := r.Find(doc, thursday)
	want := []string{
		"on Monday | 2018-07-02 day",
		"just under a year ago | 2017-01-01 year approx",
		"Wednesday evening | 2018-07-04 day evening",
		"earlier in the day | 2018-07-04 day", // anchored to Wednesday
		"on Sunday | 2018-07-01 day",
		"Last week | 2018-06-25 week",
	}
	var b strings.Builder
	for i, e := range got {
		d := e.String()
		if i >= len(want) || d != want[i] {
			t.Errorf("expression %d: %s", i, d)
		}
		fmt.Fprintf(&b, "%s\tsentence %d, tokens %d..%d, head %q, prep %q, relative %v\n",
			d, e.Sentence, e.First, e.Limit, doc.Tokens[e.Head].Form, e.Prep, e.Relative)
	}
	if len(got) != len(want) {
		t.Errorf("%d expressions, want %d", len(got), len(want))
	}
	for _, e := range got {
		if strings.Contains(e.Text, "war began") {
			t.Errorf("%q: \"since the war began\" is no date", e.Text)
		}
	}
	const golden = "testdata/seed.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(old) != b.String() {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, b.String())
	}
}
