package nlp

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
)

// ewtSentence is one sentence of UD English EWT: its text, the byte spans
// of its syntactic words and of its multiword tokens in that text.
type ewtSentence struct {
	text           string
	newDoc, newPar bool
	words, multi   []Span
	// alignedOK is set when every word and multiword token was found in
	// the text, in order.
	alignedOK bool
}

// readEWT reads the sentences of an EWT CoNLL-U file from ../shared,
// skipping the test when it is absent. Only what these tests need is read.
func readEWT(tb testing.TB, name string) []ewtSentence {
	tb.Helper()
	f, err := os.Open(sharedPath(tb, "data/ud-english-ewt/"+name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []ewtSentence
	var cur ewtSentence
	pos := 0 // bytes of cur.text aligned so far
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.text != "" {
				out = append(out, cur)
			}
			cur, pos = ewtSentence{}, 0
		case strings.HasPrefix(line, "# newdoc"):
			cur.newDoc = true
		case strings.HasPrefix(line, "# newpar"):
			cur.newPar = true
		case strings.HasPrefix(line, "# text = "):
			cur.text = strings.TrimPrefix(line, "# text = ")
			cur.alignedOK = true
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) != 10 || strings.Contains(cols[0], ".") {
				continue // empty nodes
			}
			s, ok := ewtAlign(cur.text, &pos, cols[1])
			cur.alignedOK = cur.alignedOK && ok
			if strings.Contains(cols[0], "-") {
				// A multiword token: its words spell it ("won't" =
				// "wo" "n't"), so align them inside it.
				cur.multi = append(cur.multi, s)
				pos = s.Start
				continue
			}
			cur.words = append(cur.words, s)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// ewtAlign finds form at text[*pos:] after optional spaces and advances
// *pos past it.
func ewtAlign(text string, pos *int, form string) (Span, bool) {
	i := *pos
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if !strings.HasPrefix(text[i:], form) {
		return Span{i, i}, false
	}
	*pos = i + len(form)
	return Span{i, i + len(form)}, true
}

// f1 returns precision, recall and F1 of got against want, as sets.
func spanF1(got, want map[Span]bool) (p, r, f float64) {
	hit := 0
	for s := range got {
		if want[s] {
			hit++
		}
	}
	if len(got) > 0 {
		p = float64(hit) / float64(len(got))
	}
	if len(want) > 0 {
		r = float64(hit) / float64(len(want))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// TestEWTTokenization tokenizes every sentence of the EWT dev set as one
// sentence and compares the word spans with the gold ones. Hyphenated
// words, which EWT splits and we keep whole, count as errors here; the
// second score leaves out sentences that have a hyphen between letters.
func TestEWTTokenization(t *testing.T) {
	sents := readEWT(t, "en_ewt-ud-dev.conllu")
	got, want := map[Span]bool{}, map[Span]bool{}
	gotNH, wantNH := map[Span]bool{}, map[Span]bool{}
	gotMW, wantMW := map[Span]bool{}, map[Span]bool{}
	offset, skipped := 0, 0
	tk := new(Tokenizer)
	for _, s := range sents {
		if !s.alignedOK {
			skipped++
			continue
		}
		if strings.TrimFunc(s.text, isSpace) == "" {
			continue
		}
		doc := &Doc{Text: s.text, Sentences: []Sentence{{Span: Span{0, len(s.text)}}}}
		if err := tk.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		hyphen := strings.Contains(s.text, "-")
		for _, tok := range doc.Tokens {
			sp := Span{tok.Start + offset, tok.End + offset}
			got[sp] = true
			if !hyphen {
				gotNH[sp] = true
			}
		}
		for _, w := range s.words {
			sp := Span{w.Start + offset, w.End + offset}
			want[sp] = true
			if !hyphen {
				wantNH[sp] = true
			}
		}
		for _, m := range doc.Sentences[0].MultiWords {
			gotMW[Span{m.Start + offset, m.End + offset}] = true
		}
		for _, m := range s.multi {
			wantMW[Span{m.Start + offset, m.End + offset}] = true
		}
		offset += len(s.text) + 1
	}
	p, r, f := spanF1(got, want)
	t.Logf("EWT dev words: P %.4f R %.4f F1 %.4f (%d sentences, %d not aligned)", p, r, f, len(sents), skipped)
	pn, rn, fn := spanF1(gotNH, wantNH)
	t.Logf("EWT dev words, sentences without hyphens: P %.4f R %.4f F1 %.4f", pn, rn, fn)
	pm, rm, fm := spanF1(gotMW, wantMW)
	t.Logf("EWT dev multiword tokens: P %.4f R %.4f F1 %.4f", pm, rm, fm)
	// Raise the floors as the tokenizer improves.
	const floor, floorNH, floorMW = 0.98, 0.988, 0.87
	if f < floor || fn < floorNH || fm < floorMW {
		t.Errorf("F1 below the floors %.2f, %.2f, %.2f", floor, floorNH, floorMW)
	}
}

// TestEWTSegmentation rebuilds the documents of the EWT dev set, sentences
// joined by a space and paragraphs by a blank line, and compares the
// sentence spans with the gold ones. EWT is web text (e-mail, reviews,
// forums) where sentences often lack final punctuation, so the score is far
// below what news gives; the floor guards against regressions.
func TestEWTSegmentation(t *testing.T) {
	sents := readEWT(t, "en_ewt-ud-dev.conllu")
	var text strings.Builder
	want := map[Span]bool{}
	for i, s := range sents {
		if i > 0 {
			if s.newDoc || s.newPar {
				text.WriteString("\n\n")
			} else {
				text.WriteString(" ")
			}
		}
		trimmed := strings.TrimFunc(s.text, isSpace)
		if trimmed == "" {
			continue
		}
		start := text.Len() + strings.Index(s.text, trimmed)
		text.WriteString(s.text)
		want[Span{start, start + len(trimmed)}] = true
	}
	doc := &Doc{Text: text.String()}
	if err := new(Segmenter).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	got := map[Span]bool{}
	for _, s := range doc.Sentences {
		got[s.Span] = true
	}
	p, r, f := spanF1(got, want)
	t.Logf("EWT dev sentences: P %.4f R %.4f F1 %.4f (%d gold, %d found)", p, r, f, len(want), len(got))
	const floor = 0.80 // raise it as the segmenter improves
	if f < floor {
		t.Errorf("F1 %.4f below the floor %.2f", f, floor)
	}
}
