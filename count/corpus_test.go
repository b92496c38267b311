package count

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"sitrep/nlp"
)

// A goldCase is a corpus sentence and the counts it holds.
type goldCase struct {
	line  int
	text  string
	wants []goldCount
}

// A goldCount is one "want:" line; a nil field is not checked.
type goldCount struct {
	line      int
	typ       Type
	number    int64
	approx    bool
	qualifier *string
	object    *string
	verb      *string
	place     *string
}

// readCorpus reads testdata/counts.txt (its header gives the format).
func readCorpus(t testing.TB, path string) []goldCase {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var cases []goldCase
	sc := bufio.NewScanner(fh)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "want:"):
			if len(cases) == 0 {
				t.Fatalf("%s:%d: want before any sentence", path, n)
			}
			c := &cases[len(cases)-1]
			spec := strings.TrimSpace(strings.TrimPrefix(line, "want:"))
			if spec == "none" {
				if len(c.wants) > 0 {
					t.Fatalf("%s:%d: none after counts", path, n)
				}
				continue
			}
			g, err := parseGold(spec)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			g.line = n
			c.wants = append(c.wants, g)
		default:
			cases = append(cases, goldCase{line: n, text: line})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func parseGold(spec string) (goldCount, error) {
	var g goldCount
	fields := strings.Split(spec, "|")
	head := strings.Fields(fields[0])
	if len(head) != 2 {
		return g, fmt.Errorf("want TYPE NUMBER, got %q", fields[0])
	}
	typ, err := ParseType(head[0])
	if err != nil {
		return g, err
	}
	g.typ = typ
	num, approx := strings.CutPrefix(head[1], "~")
	if g.number, err = strconv.ParseInt(num, 10, 64); err != nil {
		return g, err
	}
	g.approx = approx
	opt := func(i int) *string {
		if i >= len(fields) {
			return nil
		}
		s := strings.TrimSpace(fields[i])
		return &s
	}
	g.qualifier, g.object, g.verb, g.place = opt(1), opt(2), opt(3), opt(4)
	return g, nil
}

// annotate parses text with the default model.
func annotate(t testing.TB, text string) *nlp.Doc {
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

func mustDefault(t testing.TB) *Finder {
	t.Helper()
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// pair matches gold counts to found ones: first by number (and type, when
// two share a number), then the rest in order. It returns, for each gold
// count, the index of its found count or -1, and the found counts left
// over.
func pair(wants []goldCount, got []Count) ([]int, int) {
	match := make([]int, len(wants))
	used := make([]bool, len(got))
	for i := range match {
		match[i] = -1
	}
	for pass := 0; pass < 3; pass++ {
		for i, w := range wants {
			if match[i] >= 0 {
				continue
			}
			for j, c := range got {
				if used[j] || pass == 0 && (c.Number != w.number || c.Type != w.typ) || pass == 1 && c.Number != w.number {
					continue
				}
				match[i], used[j] = j, true
				break
			}
		}
	}
	extra := 0
	for _, u := range used {
		if !u {
			extra++
		}
	}
	return match, extra
}

// corpusScore is the tally of a corpus run.
type corpusScore struct {
	gold, found, paired, spurious, negatives, falseAlarms int
	// field: right answers out of the gold counts checked for that field.
	right, checked map[string]int
	allRight       int
}

func (s *corpusScore) field(name string, ok bool) {
	s.checked[name]++
	if ok {
		s.right[name]++
	}
}

func (s *corpusScore) ratio(name string) float64 {
	if s.checked[name] == 0 {
		return 1
	}
	return float64(s.right[name]) / float64(s.checked[name])
}

// TestCorpus scores Find on testdata/counts.txt and testdata/heldout.txt:
// how many gold counts it finds, how many counts it finds that are not
// there, and per field how often it is right. It fails below the floors;
// every miss is logged (go test -v -run Corpus).
func TestCorpus(t *testing.T) {
	for _, c := range []struct {
		file      string
		sentences int
		floor     float64 // every field, and precision
	}{
		{"counts.txt", 80, 0.97},
		{"heldout.txt", 40, 0.95},
	} {
		t.Run(c.file, func(t *testing.T) {
			sc, sentences := runCorpus(t, "testdata/"+c.file)
			if sentences < c.sentences {
				t.Errorf("%s has %d sentences, want at least %d", c.file, sentences, c.sentences)
			}
			for _, name := range []string{"type", "number", "qualifier", "object", "verb", "place"} {
				if r := sc.ratio(name); r < c.floor {
					t.Errorf("%s accuracy %.1f%% is below its floor %.1f%%", name, 100*r, 100*c.floor)
				}
			}
			if p := sc.precision(); p < c.floor {
				t.Errorf("precision %.1f%% is below its floor %.1f%%", 100*p, 100*c.floor)
			}
		})
	}
}

func (s *corpusScore) precision() float64 {
	return float64(s.paired) / float64(max(s.found, 1))
}

// runCorpus runs Find on every sentence of a corpus file and scores it.
func runCorpus(t *testing.T, path string) (corpusScore, int) {
	f := mustDefault(t)
	name := path[strings.LastIndex(path, "/")+1:]
	cases := readCorpus(t, path)
	sc := corpusScore{right: map[string]int{}, checked: map[string]int{}}
	sentences := 0
	for _, c := range cases {
		sentences++
		doc := annotate(t, c.text)
		got := f.Find(doc)
		form := func(i int) string {
			if i < 0 {
				return "-"
			}
			return doc.Tokens[i].Form
		}
		sc.gold += len(c.wants)
		sc.found += len(got)
		if len(c.wants) == 0 {
			sc.negatives++
			if len(got) > 0 {
				sc.falseAlarms++
			}
		}
		match, extra := pair(c.wants, got)
		sc.spurious += extra
		for j, g := range got {
			if !slicesContains(match, j) {
				t.Logf("%s:%d: spurious %s %d %q (verb %s) in %q", name, c.line, g.Type, g.Number, g.Text, form(g.Verb), c.text)
			}
		}
		for i, w := range c.wants {
			var g Count
			ok := match[i] >= 0
			if ok {
				sc.paired++
				g = got[match[i]]
			}
			var bad []string
			check := func(name string, want *string, got string) {
				if want == nil {
					return
				}
				right := ok && got == *want
				sc.field(name, right)
				if !right {
					bad = append(bad, fmt.Sprintf("%s %q, want %q", name, got, *want))
				}
			}
			sc.field("type", ok && g.Type == w.typ)
			if !ok || g.Type != w.typ {
				bad = append(bad, fmt.Sprintf("type %s, want %s", g.Type, w.typ))
			}
			sc.field("number", ok && g.Number == w.number && g.Approx == w.approx)
			if !ok || g.Number != w.number || g.Approx != w.approx {
				bad = append(bad, fmt.Sprintf("number %d approx %v, want %d approx %v", g.Number, g.Approx, w.number, w.approx))
			}
			check("qualifier", w.qualifier, g.Qualifier)
			check("object", w.object, g.Object)
			verb, place := "-", "-"
			if ok {
				verb, place = form(g.Verb), form(g.Place)
			}
			check("verb", w.verb, verb)
			check("place", w.place, place)
			if len(bad) == 0 {
				sc.allRight++
			} else if !ok {
				t.Logf("%s:%d: missed %s %d in %q", name, w.line, w.typ, w.number, c.text)
			} else {
				t.Logf("%s:%d: %q: %s", name, w.line, g.Text, strings.Join(bad, "; "))
			}
		}
	}
	recall := float64(sc.paired) / float64(sc.gold)
	t.Logf("%d sentences, %d gold counts, %d found: recall %.1f%%, precision %.1f%%, all fields right %d/%d (%.1f%%)",
		sentences, sc.gold, sc.found, 100*recall, 100*sc.precision(), sc.allRight, sc.gold, 100*float64(sc.allRight)/float64(sc.gold))
	t.Logf("negative sentences with a count: %d/%d", sc.falseAlarms, sc.negatives)
	for _, name := range []string{"type", "number", "qualifier", "object", "verb", "place"} {
		t.Logf("%-9s %3d/%3d %5.1f%%", name, sc.right[name], sc.checked[name], 100*sc.ratio(name))
	}
	return sc, sentences
}

func slicesContains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
