package event_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/event"
	"sitrep/nlp"
)

// A corpusCase is one sentence of testdata/coder.txt and its wanted events.
type corpusCase struct {
	line int
	text string
	date time.Time
	want []string // "SOURCE TARGET CODE" patterns; none for "want: none"
}

func readCorpus(t *testing.T) []corpusCase { return readCorpusFile(t) }

func readCorpusFile(t testing.TB) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "coder.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusCase
	date := time.Time{}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "date:"):
			d, err := time.Parse(time.DateOnly, strings.TrimSpace(line[5:]))
			if err != nil {
				t.Fatalf("coder.txt:%d: %v", n, err)
			}
			date = d
		case strings.HasPrefix(line, "want:"):
			if len(out) == 0 {
				t.Fatalf("coder.txt:%d: want before any sentence", n)
			}
			w := strings.TrimSpace(line[5:])
			if w != "none" {
				out[len(out)-1].want = append(out[len(out)-1].want, w)
			}
		default:
			out = append(out, corpusCase{line: n, text: line, date: date})
		}
	}
	return out
}

// matchCode reports whether a coded value fits a wanted one: "-" for an
// empty slot, "A|B" alternatives, a trailing "*" for a prefix, and for
// event codes a two-digit root.
func matchCode(want, got string, isEvent bool) bool {
	for _, alt := range strings.Split(want, "|") {
		switch {
		case alt == got:
			return true
		case strings.HasSuffix(alt, "*") && strings.HasPrefix(got, strings.TrimSuffix(alt, "*")):
			return true
		case isEvent && len(alt) == 2 && strings.HasPrefix(got, alt):
			return true
		}
	}
	return false
}

func fits(want string, e event.Event) bool {
	w := strings.Fields(want)
	if len(w) != 3 {
		return false
	}
	src, tgt := "-", "-"
	if e.Source != nil {
		src = e.Source.Code
	}
	if e.Target != nil {
		tgt = e.Target.Code
	}
	return matchCode(w[0], src, false) && matchCode(w[1], tgt, false) && matchCode(w[2], e.Code, true)
}

// TestCoderCorpus codes the annotated corpus with the embedded model and
// dictionaries and holds recall and precision to floors.
func TestCoderCorpus(t *testing.T) {
	m, err := nlp.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	c, err := event.NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	var wanted, found, coded, right int
	for _, cc := range readCorpus(t) {
		doc := &nlp.Doc{Text: cc.text}
		if err := m.Pipeline().Annotate(t.Context(), doc); err != nil {
			t.Fatal(err)
		}
		evs, err := c.Code(t.Context(), doc, event.Options{Date: cc.date})
		if err != nil {
			t.Fatalf("coder.txt:%d: %v", cc.line, err)
		}
		used := make([]bool, len(evs))
		for _, w := range cc.want {
			wanted++
			hit := false
			for i, e := range evs {
				if !used[i] && fits(w, e) {
					used[i], hit = true, true
					break
				}
			}
			if hit {
				found++
			} else {
				t.Logf("coder.txt:%d: missed %q in %q; coded %v", cc.line, w, cc.text, evs)
			}
		}
		for i, e := range evs {
			coded++
			if used[i] {
				right++
			} else {
				t.Logf("coder.txt:%d: extra %v in %q", cc.line, e, cc.text)
			}
		}
	}
	recall := float64(found) / float64(max(wanted, 1))
	precision := float64(right) / float64(max(coded, 1))
	t.Logf("coder corpus: %d/%d wanted events found (recall %.2f), %d/%d coded events wanted (precision %.2f)",
		found, wanted, recall, right, coded, precision)
	if recall < 0.85 || precision < 0.88 {
		t.Errorf("below the floors (recall 0.85, precision 0.88)")
	}
}
