package samples

import (
	"bytes"
	"io"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sitrep/article"
)

func testGenerator(t testing.TB) *Generator {
	t.Helper()
	g, err := DefaultGenerator()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func generate(t testing.TB, n int, seed uint64) []Article {
	t.Helper()
	return slices.Collect(testGenerator(t).Generate(n, seed))
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := generate(t, 300, 7), generate(t, 300, 7)
	if !slices.Equal(a, b) {
		t.Fatal("two runs with seed 7 differ")
	}
	if short := generate(t, 40, 7); !slices.Equal(short, a[:40]) {
		t.Error("a run of 40 is not the prefix of a run of 300")
	}
	if c := generate(t, 300, 8); slices.Equal(a, c) {
		t.Error("seeds 7 and 8 give the same articles")
	}
}

func TestGenerateCount(t *testing.T) {
	for _, n := range []int{0, 1, 2, 999} {
		if got := len(generate(t, n, 1)); got != n {
			t.Errorf("Generate(%d) yielded %d", n, got)
		}
	}
	// Stopping early stops the generator.
	seen := 0
	for range testGenerator(t).Generate(100, 1) {
		seen++
		if seen == 3 {
			break
		}
	}
	if seen != 3 {
		t.Errorf("saw %d", seen)
	}
}

// TestGenerateCorpus checks the shape of 5,000 articles: valid fields,
// unique URLs, the reprint share, and lengths like wire copy.
func TestGenerateCorpus(t *testing.T) {
	const n = 5000
	arts := generate(t, n, 2018)
	urls := map[string]bool{}
	var lengths []int
	reprints := 0
	for i, a := range arts {
		if a.Index != i {
			t.Fatalf("article %d has Index %d", i, a.Index)
		}
		if a.Title == "" || a.Text == "" || a.Source == "" {
			t.Fatalf("article %d: empty field: %+v", i, a.Record)
		}
		if strings.Contains(a.Title+a.Text, "{") || strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("article %d: unfilled slot or empty paragraph: %q", i, a.Text)
		}
		d, err := time.Parse(time.DateOnly, a.Date)
		if err != nil {
			t.Fatalf("article %d: date %q: %v", i, a.Date, err)
		}
		u, err := url.Parse(a.URL)
		if err != nil || u.Scheme != "https" || !strings.Contains(u.Host, ".example.") {
			t.Fatalf("article %d: URL %q", i, a.URL)
		}
		if urls[a.URL] {
			t.Fatalf("article %d: URL %s repeated", i, a.URL)
		}
		urls[a.URL] = true
		if _, err := article.FromRecord(a.Record); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		if a.Of < 0 {
			if a.Of != -1 {
				t.Fatalf("article %d: Of %d", i, a.Of)
			}
			lengths = append(lengths, countWords(a.Text))
			continue
		}
		reprints++
		o := arts[a.Of]
		if a.Of >= i || o.Of != -1 {
			t.Fatalf("article %d reprints %d, which is not an earlier original", i, a.Of)
		}
		od, _ := time.Parse(time.DateOnly, o.Date)
		if days := d.Sub(od).Hours() / 24; days < 0 || days > 1 {
			t.Errorf("article %d dated %s reprints one of %s", i, a.Date, o.Date)
		}
		if a.Source == o.Source {
			t.Errorf("article %d reprints %d in the same outlet %s", i, a.Of, a.Source)
		}
		if s := similarParagraphs(a.Text, o.Text); s*2 < strings.Count(o.Text, "\n\n") {
			t.Errorf("article %d shares only %d paragraphs with %d", i, s, a.Of)
		}
	}
	share := float64(reprints) / n
	if share < 0.08 || share > 0.12 {
		t.Errorf("reprint share %.3f, want about %.2f", share, ReprintShare)
	}
	slices.Sort(lengths)
	median := lengths[len(lengths)/2]
	long := len(lengths) - slices.IndexFunc(lengths, func(w int) bool { return w >= 1500 })
	t.Logf("%d reprints (%.1f%%); original lengths: min %d, median %d, max %d words, %d of 1,500+",
		reprints, 100*share, lengths[0], median, lengths[len(lengths)-1], long)
	if median < 350 || median > 460 {
		t.Errorf("median length %d words, want about %d", median, MedianWords)
	}
	if long < 5 || lengths[len(lengths)-1] > maxWords+200 {
		t.Errorf("%d articles of 1,500 words or more (longest %d), want a few", long, lengths[len(lengths)-1])
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	if err := testGenerator(t).WriteJSONL(&buf, 50, 3); err != nil {
		t.Fatal(err)
	}
	want := generate(t, 50, 3)
	r := article.NewJSONLReader(&buf, "synth.jsonl")
	for i := 0; ; i++ {
		a, err := r.Read()
		if err == io.EOF {
			if i != len(want) {
				t.Errorf("read %d articles, want %d", i, len(want))
			}
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != want[i].Title || a.Text != want[i].Text || a.URL != want[i].URL {
			t.Fatalf("article %d read back differs", i)
		}
	}
}

// validFS is a minimal set of data files that loads.
func validFS() fstest.MapFS {
	return fstest.MapFS{
		ConflictsFile: {Data: []byte("[x 2020-01-01 2020-01-31]\ncountry = X\ndateline = XC\ngov = the army\narmed = rebels\n" +
			"ally = allies\nplace = A | B\nregion = the north\nperson = Minister Y\nmonitor = medics\nneighbor = Z\n")},
		WordsFile: {Data: []byte("agency = UNHCR\nngo = MSF\nresident = a man\nweapon = rockets\n" +
			"outlet = Wire A @ a.example.com | Wire B @ b.example.com\nedit = said => stated\n")},
		SentencesFile: {Data: []byte("[title]\n{place} hit\n[lead]\n{gov} shelled {place} {day}.\n[detail]\n{n} killed in {place2}.\n" +
			"[quote]\n\"No,\" said {resident}.\n[humanitarian]\n{big} fled.\n[diplomacy]\n{person} spoke.\n[background]\n{country} is at war.\n")},
	}
}

func TestLoadGenerator(t *testing.T) {
	g, err := LoadGenerator(validFS())
	if err != nil {
		t.Fatal(err)
	}
	arts := slices.Collect(g.Generate(30, 1))
	if len(arts) != 30 || !strings.HasSuffix(arts[0].Text, ".") {
		t.Errorf("generated %+v", arts[0])
	}

	bad := validFS()
	bad[ConflictsFile] = &fstest.MapFile{Data: []byte("place = A\n[y 2020-02-01 2020-01-01]\n[x 2020-01-01 2020-01-31]\nplace = A\nfoo = B\ncountry = X\ncountry = Y\n")}
	bad[WordsFile] = &fstest.MapFile{Data: []byte("agency = \nplace = A\noutlet = Wire A\nedit = nothing\n")}
	bad[SentencesFile] = &fstest.MapFile{Data: []byte("{place} before a section\n[lead]\n{nowhere}\n{place\n[ending]\n")}
	_, err = LoadGenerator(bad)
	if err == nil {
		t.Fatal("bad files loaded")
	}
	for _, want := range []string{
		`conflicts.txt:1: list "place" before any`,
		"conflicts.txt:2: section \"[y 2020-02-01 2020-01-01]\": 2020-01-01 is before 2020-02-01",
		`conflicts.txt:3: [x] has no "dateline" list`,
		"conflicts.txt:3: [x] needs two places",
		`conflicts.txt:5: unknown conflict slot "foo"`,
		`conflicts.txt:7: slot "country" given twice`,
		`words.txt:1: slot "agency" has an empty alternative`,
		`words.txt:2: unknown word slot "place"`,
		`words.txt:3: outlet "Wire A": want "Name @ domain"`,
		`words.txt:4: edit "nothing"`,
		`words.txt: no "ngo" list`,
		"sentences.txt:1: template outside a known section",
		"sentences.txt:3: unknown slot {nowhere}",
		"sentences.txt:4: unclosed '{'",
		"sentences.txt:5: unknown section [ending]",
		"sentences.txt: no template in [title]",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}

	missing := validFS()
	delete(missing, WordsFile)
	if _, err := LoadGenerator(missing); err == nil || !strings.Contains(err.Error(), "words.txt") {
		t.Errorf("missing words.txt: %v", err)
	}
}

func TestParseTemplate(t *testing.T) {
	tests := []struct {
		in   string
		want []part
		err  string
	}{
		{"plain", []part{{lit: "plain"}}, ""},
		{"{gov} hit {place}.", []part{{slot: slotGov}, {lit: " hit "}, {slot: slotPlace}, {lit: "."}}, ""},
		{"a }", nil, "unmatched"},
		{"{outlet}", nil, "unknown slot"},
		{"{dateline} x", nil, "unknown slot"},
	}
	for _, tt := range tests {
		got, err := parseTemplate(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, template(tt.want)) {
			t.Errorf("%q: got %v, %v", tt.in, got, err)
		}
	}
}

func TestHelpers(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 123456: "123,456", 1234567: "1,234,567"} {
		if got := string(appendThousands(nil, n)); got != want {
			t.Errorf("appendThousands(%d) = %s", n, got)
		}
	}
	for in, want := range map[string]string{
		"Syria: 12 killed in Daraa": "syria-12-killed-in-daraa",
		"  -- Odd, title! ":         "odd-title",
		"Ünïcode words":             "n-code-words",
	} {
		if got := string(appendSlug(nil, in)); got != want {
			t.Errorf("appendSlug(%q) = %q, want %q", in, got, want)
		}
	}
	if n := countWords(" a  b\n\nc "); n != 3 {
		t.Errorf("countWords = %d", n)
	}
}

// FuzzLoadGenerator: any sentences file either fails to load with errors
// naming it, or loads into a generator whose articles have every field.
func FuzzLoadGenerator(f *testing.F) {
	f.Add(string(validFS()[SentencesFile].Data))
	f.Add("[title]\n{\n[lead]\n}")
	f.Add("[title]\nx\n[lead]\n{n}{n2}{big}{day}{weekday}{place2}\n")
	f.Fuzz(func(t *testing.T, sentences string) {
		fsys := validFS()
		fsys[SentencesFile] = &fstest.MapFile{Data: []byte(sentences)}
		g, err := LoadGenerator(fsys)
		if err != nil {
			if !strings.Contains(err.Error(), SentencesFile) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for a := range g.Generate(20, 1) {
			if a.URL == "" || a.Date == "" || a.Source == "" {
				t.Fatalf("article %d: %+v", a.Index, a.Record)
			}
		}
	})
}

var _ fs.FS = validFS()

func BenchmarkGenerate(b *testing.B) {
	g := testGenerator(b)
	const n = 5000
	bytes := 0
	b.ResetTimer()
	for b.Loop() {
		for a := range g.Generate(n, 1) {
			bytes += len(a.Text)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.SetBytes(int64(bytes / b.N))
}

// countWords counts runs of bytes other than spaces and newlines.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

func BenchmarkWriteJSONL(b *testing.B) {
	g := testGenerator(b)
	const n = 5000
	for b.Loop() {
		if err := g.WriteJSONL(io.Discard, n, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}
