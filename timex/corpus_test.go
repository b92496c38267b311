package timex

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"sitrep/nlp"
)

// A corpusCase is one sentence of testdata/dates.txt and the expressions
// expected in it, each written as in the file: "SPAN | DATE PRECISION
// [PART] [approx] [future]".
type corpusCase struct {
	line int
	pub  time.Time
	text string
	want []string
}

func readCorpus(t testing.TB, name string) []corpusCase {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []corpusCase
	var pub time.Time
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "@"):
			pub, err = time.Parse(time.DateOnly, strings.TrimSpace(line[1:]))
			if err != nil {
				t.Fatalf("%s:%d: %v", name, n, err)
			}
		case strings.HasPrefix(line, "="):
			if len(cases) == 0 {
				t.Fatalf("%s:%d: an expectation before any text", name, n)
			}
			c := &cases[len(cases)-1]
			c.want = append(c.want, normalize(strings.TrimSpace(line[1:])))
		default:
			if pub.IsZero() {
				t.Fatalf("%s:%d: text before any @ date", name, n)
			}
			cases = append(cases, corpusCase{line: n, pub: pub, text: line})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// normalize collapses the spaces of an expectation.
func normalize(s string) string {
	span, rest, _ := strings.Cut(s, "|")
	return strings.TrimSpace(span) + " | " + strings.Join(strings.Fields(rest), " ")
}

// parse annotates text with the default model.
func parse(t testing.TB, text string) *nlp.Doc {
	t.Helper()
	m, err := nlp.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	doc := &nlp.Doc{Text: text}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// corpusFloor is the share of corpus sentences whose expressions must all
// come out exactly right (span, value, precision, part, approx, future).
const corpusFloor = 0.95

func TestCorpus(t *testing.T) {
	r := mustDefault(t)
	cases := readCorpus(t, "testdata/dates.txt")
	if len(cases) < 80 {
		t.Fatalf("%d cases, want at least 80", len(cases))
	}
	exact, tp, fp, fn := 0, 0, 0, 0
	for _, c := range cases {
		var got []string
		for _, e := range r.Find(parse(t, c.text), c.pub) {
			got = append(got, e.String())
		}
		want := map[string]bool{}
		for _, w := range c.want {
			want[w] = true
		}
		ok := len(got) == len(c.want)
		for _, g := range got {
			if want[g] {
				tp++
				delete(want, g)
			} else {
				fp++
				ok = false
			}
		}
		fn += len(want)
		if ok {
			exact++
			continue
		}
		t.Logf("dates.txt:%d: %s\n\tgot  %q\n\twant %q", c.line, c.text, got, c.want)
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	rc := float64(tp) / float64(max(tp+fn, 1))
	f1 := 2 * p * rc / max(p+rc, 1e-9)
	share := float64(exact) / float64(len(cases))
	t.Logf("%d/%d sentences exact (%.1f%%); expressions: precision %.3f, recall %.3f, F1 %.3f (%d right, %d wrong, %d missed)",
		exact, len(cases), 100*share, p, rc, f1, tp, fp, fn)
	if share < corpusFloor {
		t.Errorf("%.1f%% of sentences exact, below the floor of %.0f%%", 100*share, 100*corpusFloor)
	}
}

func mustDefault(t testing.TB) *Resolver {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
