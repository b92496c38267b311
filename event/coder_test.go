package event_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"sitrep/event"
	"sitrep/nlp"
)

// parsedCorpus returns the sentences of testdata/coder.txt as one parsed
// document each.
func parsedCorpus(tb testing.TB) ([]*nlp.Doc, []time.Time) {
	tb.Helper()
	m, err := nlp.DefaultModel()
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*nlp.Doc
	var dates []time.Time
	for _, cc := range readCorpusFile(tb) {
		doc := &nlp.Doc{Text: cc.text}
		if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, doc)
		dates = append(dates, cc.date)
	}
	return docs, dates
}

// TestCodeLeavesParse checks that coding reads the parse and never changes
// it: documents are shared between the coder and what comes after it.
func TestCodeLeavesParse(t *testing.T) {
	c, err := event.NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	docs, dates := parsedCorpus(t)
	for i, doc := range docs {
		before := doc.Clone()
		if _, err := c.Code(t.Context(), doc, event.Options{Date: dates[i]}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(before, doc) {
			t.Errorf("coding changed the parse of %q", doc.Text)
		}
		if _, err := c.Code(t.Context(), before, event.Options{Date: dates[i]}); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkCoder codes the parsed sentences of the coder corpus and
// reports sentences per second on one core; parsing is not counted.
func BenchmarkCoder(b *testing.B) {
	c, err := event.NewCoder()
	if err != nil {
		b.Fatal(err)
	}
	docs, dates := parsedCorpus(b)
	sentences := 0
	for _, d := range docs {
		sentences += len(d.Sentences)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, doc := range docs {
			if _, err := c.Code(ctx, doc, event.Options{Date: dates[i]}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// fuzzWords are the words the fuzzer builds sentences from: actors, verbs
// and event nouns of the embedded dictionaries, pronouns, prepositions and
// negation, so that random trees reach the coder's rules.
var fuzzWords = strings.Fields(`Syria Syrian army rebels Jordan Israel Russia Moscow the regime
	they it he who which that said attacked attack offensive air strikes on against by with of in
	not never will would to and or , . 's killed refugees government forces police open borders
	resumed launched aid delivered talks met urged threatened fired shells at Assad president`)

var fuzzTags = strings.Fields("NOUN PROPN VERB AUX ADP DET PRON ADJ ADV CCONJ PART PUNCT NUM SCONJ")

var fuzzRels = strings.Fields(`nsubj nsubj:pass obj iobj obl obl:agent nmod nmod:poss amod compound
	flat conj cc case det advmod aux aux:pass cop mark ccomp xcomp advcl acl acl:relcl appos
	punct root parataxis nummod fixed dobj nsubjpass name neg`)

// FuzzCoder codes arbitrary trees over the dictionaries' words, well- and
// ill-formed: the coder must neither panic nor fail, and every event must
// point into the text with a known code.
func FuzzCoder(f *testing.F) {
	c, err := event.NewCoder()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte("Syria attacked the rebels on Monday, Jordan said."))
	f.Add([]byte{0, 0, 0, 0, 255, 255, 255, 255, 7, 7, 7, 7, 7, 7, 7, 7})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc := fuzzDoc(data)
		before := doc.Clone()
		evs, err := c.Code(context.Background(), doc, event.Options{Date: time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatalf("%q: %v", doc.Text, err)
		}
		if !reflect.DeepEqual(before, doc) {
			t.Fatalf("%q: coding changed the parse", doc.Text)
		}
		for _, e := range evs {
			if !c.Ontology.Valid(e.Code) && e.Code != "" {
				t.Errorf("%q: unknown code %q", doc.Text, e.Code)
			}
			if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
				t.Errorf("%q: event in sentence %d of %d", doc.Text, e.Sentence, len(doc.Sentences))
			}
			for _, sp := range []nlp.Span{e.Verb, span(e.Source), span(e.Target)} {
				if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start > sp.End {
					t.Errorf("%q: span %v outside the text", doc.Text, sp)
				}
			}
		}
	})
}

func span(a *event.Actor) nlp.Span {
	if a == nil {
		return nlp.Span{}
	}
	return a.Span
}

// fuzzDoc builds a one-sentence document from data, four bytes a token:
// word, tag, head and relation. Heads may make cycles or point outside
// the sentence.
func fuzzDoc(data []byte) *nlp.Doc {
	var b strings.Builder
	var toks []nlp.Token
	r := rand.New(rand.NewPCG(uint64(len(data)), 1))
	for i := 0; i+3 < len(data) && len(toks) < 40; i += 4 {
		w := fuzzWords[int(data[i])%len(fuzzWords)]
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		head := int(data[i+2])%12 - 2
		if r.IntN(4) == 0 {
			head = int(int8(data[i+2]))
		}
		toks = append(toks, nlp.Token{Span: nlp.Span{Start: start, End: b.Len()}, Form: w,
			Lemma: strings.ToLower(w), UPOS: fuzzTags[int(data[i+1])%len(fuzzTags)],
			Head: head, Deprel: fuzzRels[int(data[i+3])%len(fuzzRels)]})
	}
	doc := &nlp.Doc{Text: b.String(), Tokens: toks}
	if len(toks) > 0 {
		doc.Sentences = []nlp.Sentence{{Span: nlp.Span{Start: 0, End: b.Len()}, First: 0, Limit: len(toks)}}
	}
	return doc
}
