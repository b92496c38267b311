package conllu

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const sample = `# sent_id = 1
# text = I don't know, Bush's aides said.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	10	ccomp	10:ccomp	SpaceAfter=No
5	,	,	PUNCT	,	_	10	punct	10:punct	_
6-7	Bush's	_	_	_	_	_	_	_	_
6	Bush	Bush	PROPN	NNP	_	8	nmod:poss	8:nmod:poss	_
7	's	's	PART	POS	_	6	case	6:case	_
8	aides	aide	NOUN	NNS	_	10	nsubj	10:nsubj	_
8.1	said	say	VERB	VBD	_	_	_	_	_
9	said	say	VERB	VBD	_	0	root	0:root	SpaceAfter=No
10	.	.	PUNCT	.	_	9	punct	9:punct	_

`

func readAll(t *testing.T, in string) []*Sentence {
	t.Helper()
	out, err := ReadAll(strings.NewReader(in), "test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReadRebuildsTextAndSpans(t *testing.T) {
	// Heads are deliberately odd in the sample (word 4 → 10); only the
	// structure matters here.
	ss := readAll(t, strings.Replace(sample, "4	know	know	VERB	VB	_	10", "4	know	know	VERB	VB	_	9", 1))
	if len(ss) != 1 {
		t.Fatalf("got %d sentences", len(ss))
	}
	d := ss[0].Doc
	if want := "I don't know, Bush's aides said."; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
	for i, tok := range d.Tokens {
		if d.Text[tok.Start:tok.End] != tok.Form {
			t.Errorf("token %d: span %v gives %q, form %q", i, tok.Span, d.Text[tok.Start:tok.End], tok.Form)
		}
	}
	if len(d.Tokens) != 10 {
		t.Fatalf("got %d words, want 10 (empty node dropped)", len(d.Tokens))
	}
	mw := d.Sentences[0].MultiWords
	if len(mw) != 2 || mw[0].Form != "don't" || mw[0].First != 1 || mw[0].Limit != 3 || mw[1].Form != "Bush's" {
		t.Errorf("multiwords %+v", mw)
	}
	if d.Tokens[8].Head != -1 || d.Tokens[8].Deprel != "root" || d.Tokens[6].Head != 5 {
		t.Errorf("heads not read: %+v %+v", d.Tokens[8], d.Tokens[6])
	}
}

func TestWriteRoundTrip(t *testing.T) {
	in := strings.Replace(sample, "8.1	said	say	VERB	VBD	_	_	_	_	_\n", "", 1)
	ss := readAll(t, in)
	var buf bytes.Buffer
	if err := Write(&buf, ss[0]); err != nil {
		t.Fatal(err)
	}
	// Write blanks FEATS and DEPS; compare the other columns.
	var want strings.Builder
	for _, line := range strings.SplitAfter(in, "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) == 10 {
			cols[5], cols[8] = "_", "_"
		}
		want.WriteString(strings.Join(cols, "\t"))
	}
	if buf.String() != want.String() {
		t.Errorf("round trip:\n%s\nwant:\n%s", buf.String(), want.String())
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"columns", "1\tI\tI\n\n", "test.conllu:1: conllu: syntax error: want 10 tab-separated columns, got 3"},
		{"id", "# c\n2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n\n", "test.conllu:2: conllu: syntax error: bad word id \"2\", want 1"},
		{"head", "1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n\n", "test.conllu:1: conllu: syntax error: word 1: bad head \"x\""},
		{"head range", "1\tI\tI\tPRON\tPRP\t_\t5\troot\t_\t_\n\n", "test.conllu:1: conllu: syntax error: word 1: head 5 out of range"},
		{"multi", "1-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\n", "test.conllu:1: conllu: syntax error: multiword token 1-3 runs past the last word 1"},
		{"comment only", "# lonely\n", "test.conllu:1: conllu: syntax error: sentence has comments but no words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewReader(strings.NewReader(tc.in), "test.conllu").Read()
			if err == nil || err.Error() != tc.want || !errors.Is(err, ErrSyntax) {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	gold := readAll(t, sample)
	pred := readAll(t, sample)
	p := pred[0].Doc.Tokens
	p[0].UPOS = "NOUN"                // UPOS wrong
	p[5].Deprel = "nmod"              // universal LAS right, full LAS wrong
	p[7].Head, p[7].Deprel = 0, "obj" // head wrong
	s, err := Score(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	want := Scores{Words: 10, UPOS: 9, XPOS: 10, Lemma: 10, UAS: 9, LAS: 9, LASFull: 8}
	if s != want {
		t.Errorf("got %+v, want %+v", s, want)
	}
}
