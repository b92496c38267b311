package samples

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"sitrep/article"
)

// demoRecords reads demo.jsonl strictly: every line one object with
// exactly the fields of article.Record.
func demoRecords(t *testing.T) []article.Record {
	t.Helper()
	var recs []article.Record
	sc := bufio.NewScanner(Demo())
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var r article.Record
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("%s:%d: %v", DemoName, n, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestDemoRecords(t *testing.T) {
	recs := demoRecords(t)
	if len(recs) < 70 {
		t.Errorf("%d articles, want 70 at least", len(recs))
	}
	urls := map[string]int{}
	prev := ""
	for i, r := range recs {
		n := i + 1
		if r.Title == "" || r.Text == "" || r.URL == "" || r.Date == "" || r.Source == "" {
			t.Errorf("line %d: a field is empty: %+v", n, r)
			continue
		}
		d, err := time.Parse(time.DateOnly, r.Date)
		if err != nil || d.Format(time.DateOnly) != r.Date {
			t.Errorf("line %d: date %q is not YYYY-MM-DD", n, r.Date)
		}
		if r.Date < prev {
			t.Errorf("line %d: date %s before the previous line's %s", n, r.Date, prev)
		}
		prev = r.Date
		u, err := url.Parse(r.URL)
		if err != nil || u.Scheme != "https" ||
			!(strings.HasSuffix(u.Host, ".example.com") || strings.HasSuffix(u.Host, ".example.org")) {
			t.Errorf("line %d: URL %q is not https under example.com or example.org", n, r.URL)
		}
		if m, dup := urls[r.URL]; dup {
			t.Errorf("line %d: URL %s already on line %d", n, r.URL, m)
		}
		urls[r.URL] = n
		if w := len(strings.Fields(r.Text)); w < 150 || w > 600 {
			t.Errorf("line %d: %d words, want 150 to 600", n, w)
		}
		if strings.Count(r.Text, "\n\n") < 3 {
			t.Errorf("line %d: fewer than four paragraphs", n)
		}
		if strings.Contains(r.Text, "@lift") || strings.Contains(r.Text, "\n\n\n") || r.Text != strings.TrimSpace(r.Text) {
			t.Errorf("line %d: stray markup or white space in text", n)
		}
	}
}

// TestDemoReads reads the corpus the way sitrep demo will.
func TestDemoReads(t *testing.T) {
	r := article.NewJSONLReader(Demo(), DemoName)
	ids := map[string]bool{}
	n := 0
	for {
		a, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if a.DateFrom != article.DateMetadata {
			t.Errorf("%s: date not taken from the record", a.Origin)
		}
		if ids[a.ID] {
			t.Errorf("%s: ID %s seen before: identical articles", a.Origin, a.ID)
		}
		ids[a.ID] = true
	}
	if n != len(demoRecords(t)) {
		t.Errorf("JSONLReader read %d articles, want %d", n, len(demoRecords(t)))
	}
}

func TestDemoRelations(t *testing.T) {
	rels, err := DemoRelations()
	if err != nil {
		t.Fatal(err)
	}
	recs := demoRecords(t)
	count := map[string]int{}
	events := map[int]int{}
	for _, r := range rels {
		count[r.Kind]++
		if r.Line > len(recs) {
			t.Errorf("relation of line %d: the corpus has %d lines", r.Line, len(recs))
			continue
		}
		rec := recs[r.Line-1]
		if rec.Title != r.Title {
			t.Errorf("line %d: title %q, README says %q", r.Line, rec.Title, r.Title)
		}
		want := map[string][2]int{Reprint: {1, 1}, SameEvent: {1, 1}, Stitched: {2, 3}}[r.Kind]
		if len(r.Of) < want[0] || len(r.Of) > want[1] {
			t.Errorf("line %d: %s of %d lines, want %d to %d", r.Line, r.Kind, len(r.Of), want[0], want[1])
		}
		for _, of := range r.Of {
			src := recs[of-1]
			switch r.Kind {
			case Reprint:
				checkReprint(t, r.Line, rec, of, src)
			case Stitched:
				checkStitched(t, r.Line, rec, of, src)
			case SameEvent:
				events[of]++
				if rec.Source == src.Source && rec.URL == src.URL {
					t.Errorf("line %d: same event as line %d in the same article", r.Line, of)
				}
			}
		}
	}
	if count[Reprint] < 6 || count[Stitched] < 2 {
		t.Errorf("%d reprints and %d stitched copies, want 6 and 2 at least", count[Reprint], count[Stitched])
	}
	most := 0
	for _, n := range events {
		most = max(most, n+1)
	}
	if most < 4 {
		t.Errorf("the most outlets reporting one event is %d, want 4 at least", most)
	}
}

// checkReprint: another outlet and headline, a day later at most, and
// most paragraphs the same.
func checkReprint(t *testing.T, n int, rec article.Record, of int, src article.Record) {
	t.Helper()
	d1, _ := time.Parse(time.DateOnly, src.Date)
	d2, _ := time.Parse(time.DateOnly, rec.Date)
	if days := d2.Sub(d1).Hours() / 24; days < 0 || days > 1 {
		t.Errorf("line %d: reprint dated %s, line %d %s", n, rec.Date, of, src.Date)
	}
	if rec.Source == src.Source || rec.Title == src.Title {
		t.Errorf("line %d: reprint of line %d keeps its source or title", n, of)
	}
	if s := similarParagraphs(rec.Text, src.Text); s < 3 {
		t.Errorf("line %d: shares %d paragraphs with line %d, want 3 at least", n, s, of)
	}
}

// checkStitched: the title twice at the top, and paragraphs of src that
// differ only by the spinner's word swaps.
func checkStitched(t *testing.T, n int, rec article.Record, of int, src article.Record) {
	t.Helper()
	paras := strings.Split(rec.Text, "\n\n")
	if len(paras) < 3 || paras[0] != rec.Title || paras[1] != rec.Title {
		t.Errorf("line %d: stitched copy does not begin with its title twice", n)
	}
	lifted := similarParagraphs(strings.Join(paras[2:], "\n\n"), src.Text)
	if lifted == 0 {
		t.Errorf("line %d: no paragraph lifted from line %d", n, of)
	}
}

// similar reports whether most words of a are words of b and the two are
// about as long: a spinner or an editor keeps most words.
func similar(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < len(fb)*7/10 || len(fb) < len(fa)*7/10 {
		return false
	}
	in := map[string]bool{}
	for _, w := range fb {
		in[w] = true
	}
	n := 0
	for _, w := range fa {
		if in[w] {
			n++
		}
	}
	return n*10 >= len(fa)*7
}

// similarParagraphs counts the paragraphs of a similar to one of b.
func similarParagraphs(a, b string) int {
	n := 0
	for _, p := range strings.Split(a, "\n\n") {
		for _, q := range strings.Split(b, "\n\n") {
			if similar(p, q) {
				n++
				break
			}
		}
	}
	return n
}

func TestParseRelations(t *testing.T) {
	tests := []struct {
		name, md, err string
		want          int
	}{
		{"ok", "## Related articles\n| line | relation | of | title |\n|---:|---|---|---|\n| 3 | reprint | 2 | A \\| B |\n| 9 | stitched | 1, 4 | C |\n", "", 2},
		{"other section ignored", "## Other\n| x | y |\n## Related articles\n| 2 | same-event | 1 | T |\n", "", 1},
		{"no table", "# samples\n", "no row", 0},
		{"bad kind", "## Related articles\n| 3 | copy | 2 | T |\n", `README.md:2: unknown relation "copy"`, 0},
		{"later of", "## Related articles\n| 3 | reprint | 5 | T |\n", `README.md:2: of "5"`, 0},
		{"cells", "## Related articles\n| 3 | reprint | 2 |\n", "README.md:2: want 4 cells", 0},
		{"line", "## Related articles\n| x | reprint | 2 | T |\n", `README.md:2: line "x"`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rels, err := parseRelations(tt.md, "README.md")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rels) != tt.want {
				t.Fatalf("%d relations, want %d: %+v", len(rels), tt.want, rels)
			}
		})
	}
	rels, _ := parseRelations(tests[0].md, "README.md")
	if rels[0].Title != "A | B" || rels[1].Of[1] != 4 {
		t.Errorf("parsed %+v", rels)
	}
}
