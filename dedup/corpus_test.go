package dedup

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// A corpusDoc is one article of testdata/corpus.txt with its expectations.
type corpusDoc struct {
	Doc
	want     string // "new", "exact", "near"
	wantOf   string
	sources  []string
	stitched bool
	// tags are the paragraphs marked as copied: their span in Text and
	// the article they came from.
	tags []corpusTag
}

type corpusTag struct {
	start, end int
	from       string
}

// readCorpus reads testdata/corpus.txt (format in its header).
func readCorpus(t testing.TB, path string) []*corpusDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []*corpusDoc
	var cur *corpusDoc
	var text strings.Builder
	finish := func() {
		if cur != nil {
			cur.Text = strings.TrimSpace(text.String())
			docs = append(docs, cur)
		}
		text.Reset()
	}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case cur == nil && (line == "" || strings.HasPrefix(line, "#")):
			continue
		case strings.HasPrefix(line, "=== "):
			finish()
			f := strings.Fields(line[4:])
			if len(f) != 3 {
				t.Fatalf("%s:%d: want === ID SOURCE TIME", path, n)
			}
			tm, err := time.Parse(time.RFC3339, f[2])
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			cur = &corpusDoc{Doc: Doc{ID: f[0], Source: f[1], Time: tm}}
			continue
		case strings.HasPrefix(line, "want: ") && text.Len() == 0:
			f := strings.Fields(line[6:])
			switch f[0] {
			case "new":
				cur.want = "new"
			case "exact", "near":
				cur.want, cur.wantOf = f[0], f[1]
			case "sources":
				cur.sources = f[1:]
			case "stitched":
				cur.stitched = true
			default:
				t.Fatalf("%s:%d: unknown want %q", path, n, f[0])
			}
			continue
		}
		if i := strings.LastIndex(line, " <<"); i >= 0 {
			start := text.Len()
			text.WriteString(line[:i])
			cur.tags = append(cur.tags, corpusTag{start, text.Len(), line[i+3:]})
		} else {
			text.WriteString(line)
		}
		text.WriteByte('\n')
	}
	finish()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// goldOrigin returns the article a sentence at [start, end) was copied
// from, by its paragraph's tag, or "".
func (d *corpusDoc) goldOrigin(start int) string {
	for _, g := range d.tags {
		if g.start <= start && start < g.end {
			return g.from
		}
	}
	return ""
}

func newTestIndex(t testing.TB, opt Options) *Index {
	t.Helper()
	x, err := NewIndex(opt)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// prf returns precision, recall and F1.
func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// TestCorpus adds the corpus in order and scores duplicate detection and
// sentence provenance against its tags.
func TestCorpus(t *testing.T) {
	docs := readCorpus(t, "testdata/corpus.txt")
	x := newTestIndex(t, Options{})
	var dupTP, dupFP, dupFN, provTP, provFP, provFN int
	for _, d := range docs {
		res := x.Add(d.Doc)
		got, gotOf := "new", res.NearOf
		switch {
		case res.ExactOf != "":
			got = "exact"
		case res.NearOf != "":
			got = "near"
		}
		t.Logf("%-3s %-5s %-3s sim %.2f copied %.2f sources %v stitched %v", d.ID, got, gotOf, res.Similarity, res.Copied, res.Sources, res.Stitched)
		switch {
		case got == d.want && gotOf == d.wantOf:
			if got != "new" {
				dupTP++
			}
		default:
			t.Errorf("%s: got %s %s (similarity %.2f), want %s %s", d.ID, got, gotOf, res.Similarity, d.want, d.wantOf)
			if got != "new" {
				dupFP++
			}
			if d.want != "new" {
				dupFN++
			}
		}
		if !slices.Equal(res.Sources, d.sources) && (d.sources != nil || d.stitched) {
			t.Errorf("%s: sources %v, want %v", d.ID, res.Sources, d.sources)
		}
		if res.Stitched != d.stitched {
			t.Errorf("%s: stitched %v, want %v", d.ID, res.Stitched, d.stitched)
		}
		for i, s := range res.Sentences {
			if s.Words < MinSentenceWords {
				continue
			}
			want, got := d.goldOrigin(s.Start), s.Original
			switch {
			case want == got && want != "":
				provTP++
			case want == got:
			default:
				t.Logf("  %s sentence %d: origin %q (%s sentence %d, exact %v, sim %.2f), want %q: %.60q", d.ID, i, got, s.Article, s.Sentence, s.Exact, s.Similarity, want, d.Text[s.Start:s.End])
				if got != "" {
					provFP++
				}
				if want != "" {
					provFN++
				}
			}
		}
	}
	p, r, f := prf(dupTP, dupFP, dupFN)
	t.Logf("duplicates: precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, dupTP, dupFP, dupFN)
	pp, pr, pf := prf(provTP, provFP, provFN)
	t.Logf("provenance: precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", pp, pr, pf, provTP, provFP, provFN)
	if p < 1 || r < 1 {
		t.Errorf("duplicate detection below its floor (precision 1, recall 1)")
	}
	if pp < 0.95 || pr < 0.9 {
		t.Errorf("provenance below its floor (precision 0.95, recall 0.9)")
	}
}
