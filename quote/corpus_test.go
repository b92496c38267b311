package quote_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/nlp"
	"sitrep/quote"
)

// A corpusCase is one text of testdata/quotes.txt and its wanted statements.
type corpusCase struct {
	name    string
	section string // "" or the section given by a "section:" line
	line    int
	text    string
	date    time.Time
	focus   string
	want    []wantQuote
}

// A wantQuote is one "want:" line.
type wantQuote struct {
	line                                  int
	direct                                bool
	text, verb, speaker, antecedent, code string
	anaphor                               bool // SPEAKER was written "PRONOUN => ANTECEDENT"
}

func readCorpus(tb testing.TB) []corpusCase {
	tb.Helper()
	const file = "quotes.txt"
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var (
		out     []corpusCase
		date    time.Time
		focus   string
		lines   []string
		n       int
		cur     *corpusCase
		sawNone bool
		section string
	)
	flush := func() {
		if cur != nil {
			cur.text = strings.Join(lines, "\n")
			if len(cur.want) == 0 && !sawNone {
				tb.Fatalf("%s:%d: case %s wants nothing; write \"want: none\"", file, cur.line, cur.name)
			}
			out = append(out, *cur)
		}
		lines, sawNone = nil, false
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(raw, ">"):
			if cur == nil {
				tb.Fatalf("%s:%d: text outside a case", file, n)
			}
			lines = append(lines, strings.TrimPrefix(strings.TrimPrefix(raw, ">"), " "))
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "=== "):
			flush()
			cur = &corpusCase{name: strings.TrimSpace(line[4:]), line: n, date: date, focus: focus, section: section}
		case strings.HasPrefix(line, "section:"):
			flush()
			cur = nil
			section = strings.TrimSpace(line[8:])
		case strings.HasPrefix(line, "date:"):
			d, err := time.Parse(time.DateOnly, strings.TrimSpace(line[5:]))
			if err != nil {
				tb.Fatalf("%s:%d: %v", file, n, err)
			}
			if cur != nil {
				cur.date = d
			} else {
				date = d
			}
		case strings.HasPrefix(line, "focus:"):
			fo := strings.TrimSpace(line[6:])
			if fo == "-" {
				fo = ""
			}
			if cur != nil {
				cur.focus = fo
			} else {
				focus = fo
			}
		case line == "want: none":
			if cur == nil {
				tb.Fatalf("%s:%d: want outside a case", file, n)
			}
			sawNone = true
		case strings.HasPrefix(line, "want:"):
			if cur == nil {
				tb.Fatalf("%s:%d: want outside a case", file, n)
			}
			f := strings.Split(line[5:], "|")
			if len(f) != 5 {
				tb.Fatalf("%s:%d: want KIND | TEXT | VERB | SPEAKER | CODE", file, n)
			}
			for i := range f {
				f[i] = strings.TrimSpace(f[i])
			}
			w := wantQuote{line: n, text: f[1], verb: f[2], speaker: f[3], code: f[4]}
			switch f[0] {
			case "direct":
				w.direct = true
			case "indirect":
			default:
				tb.Fatalf("%s:%d: kind %q is neither direct nor indirect", file, n, f[0])
			}
			if sp, ante, ok := strings.Cut(w.speaker, "=>"); ok {
				w.speaker, w.antecedent, w.anaphor = strings.TrimSpace(sp), strings.TrimSpace(ante), true
			}
			cur.want = append(cur.want, w)
		default:
			tb.Fatalf("%s:%d: unknown line %q", file, n, line)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	flush()
	return out
}

// codeFits reports whether a code fits a wanted one: "-" for none, "A/B"
// alternatives, "X*" a prefix.
func codeFits(want, got string) bool {
	for _, alt := range strings.Split(want, "/") {
		switch {
		case alt == "-" && got == "", alt == got:
			return true
		case strings.HasSuffix(alt, "*") && got != "" && strings.HasPrefix(got, strings.TrimSuffix(alt, "*")):
			return true
		}
	}
	return false
}

// corpusScore is what TestCorpus measures.
type corpusScore struct {
	wanted, found, matched  int // statements: wanted, found, found and wanted (same kind and text)
	verbs, verbsRight       int
	speakers, speakersRight int // speaker phrase (and antecedent) of matched statements
	codes, codesRight       int // speaker code of matched statements
}

func (c corpusScore) String() string {
	pct := func(a, b int) string { return fmt.Sprintf("%d/%d (%.1f%%)", a, b, 100*float64(a)/float64(max(b, 1))) }
	return fmt.Sprintf("quote spans: recall %s, precision %s; verbs %s; speaker spans %s; speaker codes %s",
		pct(c.matched, c.wanted), pct(c.matched, c.found), pct(c.verbsRight, c.verbs),
		pct(c.speakersRight, c.speakers), pct(c.codesRight, c.codes))
}

// add adds o's counts to c.
func (c *corpusScore) add(o corpusScore) {
	c.wanted += o.wanted
	c.found += o.found
	c.matched += o.matched
	c.verbs += o.verbs
	c.verbsRight += o.verbsRight
	c.speakers += o.speakers
	c.speakersRight += o.speakersRight
	c.codes += o.codes
	c.codesRight += o.codesRight
}

// scoreCorpus scores every case, by section ("" for the cases before any
// "section:" line).
func scoreCorpus(t *testing.T, verbose bool) map[string]corpusScore {
	m, err := nlp.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	f, err := quote.Default()
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]corpusScore{}
	for _, cc := range readCorpus(t) {
		var sc corpusScore
		doc := &nlp.Doc{Text: cc.text}
		if err := m.Pipeline().Annotate(t.Context(), doc); err != nil {
			t.Fatal(err)
		}
		qs := f.Find(doc, quote.Options{Date: cc.date, Focus: cc.focus})
		sc.wanted += len(cc.want)
		sc.found += len(qs)
		used := make([]bool, len(qs))
		logf := func(format string, args ...any) {
			if verbose {
				t.Logf(format, args...)
			}
		}
		for _, w := range cc.want {
			k := -1
			for i, q := range qs {
				if !used[i] && q.Direct == w.direct && q.Text == w.text {
					k = i
					break
				}
			}
			if k < 0 {
				logf("quotes.txt:%d: %s: missed %s %q; found %s", w.line, cc.name, kind(w.direct), w.text, describe(doc, qs))
				continue
			}
			used[k] = true
			sc.matched++
			q := qs[k]
			if w.verb != "?" {
				sc.verbs++
				if got := doc.Text[q.Verb.Start:q.Verb.End]; got == w.verb || w.verb == "-" && got == "" {
					sc.verbsRight++
				} else {
					logf("quotes.txt:%d: %s: verb %q, want %q", w.line, cc.name, got, w.verb)
				}
			}
			if w.speaker != "?" {
				sc.speakers++
				got, ante := "-", ""
				if q.Speaker != nil {
					got = q.Speaker.Text
					ante = "-"
					if a := q.Speaker.Antecedent; a != nil {
						ante = doc.Text[a.Start:a.End]
					}
				}
				if got == w.speaker && (!w.anaphor || ante == w.antecedent) {
					sc.speakersRight++
				} else {
					logf("quotes.txt:%d: %s: speaker %q (antecedent %q), want %q (antecedent %q)",
						w.line, cc.name, got, ante, w.speaker, w.antecedent)
				}
			}
			if w.code != "?" {
				sc.codes++
				got := ""
				if q.Speaker != nil {
					got = q.Speaker.Code
				}
				if codeFits(w.code, got) {
					sc.codesRight++
				} else {
					logf("quotes.txt:%d: %s: code %q, want %q", w.line, cc.name, got, w.code)
				}
			}
		}
		for i, q := range qs {
			if !used[i] {
				logf("quotes.txt:%d: %s: extra %s %q", cc.line, cc.name, kind(q.Direct), q.Text)
			}
		}
		all := scores[cc.section]
		all.add(sc)
		scores[cc.section] = all
	}
	return scores
}

func kind(direct bool) string {
	if direct {
		return "direct"
	}
	return "indirect"
}

func describe(doc *nlp.Doc, qs []quote.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "\n\t%s %q", kind(q.Direct), q.Text)
		if q.Speaker != nil {
			fmt.Fprintf(&b, " by %q (%s)", q.Speaker.Text, q.Speaker.Code)
		}
	}
	return b.String()
}

// TestCorpus finds the statements of the annotated corpus and holds the
// accuracy of quote spans, verbs, speaker spans and speaker codes to
// floors. Run with -v to see every miss.
func TestCorpus(t *testing.T) {
	scores := scoreCorpus(t, testing.Verbose())
	var sc corpusScore
	for name, s := range scores {
		if name == "" {
			name = "tuned"
		}
		t.Logf("%s cases: %v", name, s)
		sc.add(s)
	}
	t.Logf("all cases: %v", sc)
	floors := []struct {
		name    string
		got, of int
		floor   float64
	}{
		{"quote span recall", sc.matched, sc.wanted, 0.91},
		{"quote span precision", sc.matched, sc.found, 0.93},
		{"verbs", sc.verbsRight, sc.verbs, 0.95},
		{"speaker spans", sc.speakersRight, sc.speakers, 0.92},
		{"speaker codes", sc.codesRight, sc.codes, 0.90},
	}
	for _, f := range floors {
		if r := float64(f.got) / float64(max(f.of, 1)); r < f.floor {
			t.Errorf("%s %.3f is below the floor %.2f", f.name, r, f.floor)
		}
	}
}
