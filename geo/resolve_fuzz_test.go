package geo

import (
	"context"
	"os"
	"testing"

	"sitrep/internal/testshared"
	"sitrep/nlp"
)

// FuzzResolve resolves arbitrary text, tokenized only or fully parsed, with
// heads and tags sometimes scrambled, and checks Resolve's invariants:
// no panic; mentions sorted, non-overlapping, inside the text and their
// sentence; First, Limit and Head consistent with the span.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"Syrian forces shelled Daraa and the Syrian-Jordanian border.",
		"A Beirut-based monitor said Jordan's minister was in the southwest, near the border with Jordan.",
		"Paris, Texas; Atlanta, Georgia's Savannah; the north of the country; New York-based",
		"in Xyz Abc's -based --based the border between and near the",
		"Rebels in southern Syria — near the Israeli-occupied Golan Heights.",
		"\x00\xff in Da\u0301raa",
		"",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(3))
		f.Add(s, uint8(6))
	}
	g := defaultGaz(f)
	r := NewResolver(g)
	m, err := nlp.DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, mode uint8) {
		if len(text) > 2000 {
			return
		}
		doc := &nlp.Doc{Text: text}
		p := nlp.Pipeline{new(nlp.Segmenter), new(nlp.Tokenizer)}
		if mode&1 != 0 {
			p = m.Pipeline()
		}
		if err := p.Annotate(context.Background(), doc); err != nil {
			return
		}
		if mode&2 != 0 {
			// Scramble the parse: heads anywhere, even out of range, and
			// tags and relations from a small set.
			tags := []string{"", "PROPN", "NOUN", "ADJ", "VERB", "ADP"}
			rels := []string{"", "nsubj", "obj", "nmod:poss", "conj", "compound", "case", "obl"}
			for i := range doc.Tokens {
				k := int(mode) + i*7
				doc.Tokens[i].Head = k%11 - 3
				doc.Tokens[i].UPOS = tags[k%len(tags)]
				doc.Tokens[i].Deprel = rels[k%len(rels)]
			}
		}
		opt := ResolveOptions{}
		if mode&4 != 0 {
			opt.Focus = []string{"SYR", "xx", ""}
		}
		checkMentions(t, doc, r.Resolve(doc, opt))
	})
}

// BenchmarkResolve resolves a parsed article, parsed outside the timing:
// "news" is the CLI's bench corpus (eight short hand-written reports, 3.8
// kB), "seed" the founding article (a Syria story of 2.8 kB, from
// ../shared). It reports µs per article, ns per token and µs per sentence,
// to compare with the ~8 µs a token that parsing costs and the ~30 µs a
// sentence that coding costs.
func BenchmarkResolve(b *testing.B) {
	for _, c := range []struct{ name, path string }{
		{"news", "../cmd/sitrep/corpus/news.txt"},
		{"seed", "seed/000_86861ccb5f158c03.txt"},
	} {
		b.Run(c.name, func(b *testing.B) {
			path := c.path
			if c.name == "seed" {
				path = testshared.Path(b, path)
			}
			text, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			doc := parse(b, string(text))
			r := NewResolver(defaultGaz(b))
			r.Resolve(doc, ResolveOptions{}) // the city index and derived places are built once
			b.ReportAllocs()
			b.ResetTimer()
			n := 0
			for b.Loop() {
				n = len(r.Resolve(doc, ResolveOptions{}))
			}
			per := float64(b.Elapsed().Nanoseconds()) / 1000 / float64(b.N)
			b.ReportMetric(per, "µs/article")
			b.ReportMetric(1000*per/float64(len(doc.Tokens)), "ns/token")
			b.ReportMetric(per/float64(len(doc.Sentences)), "µs/sentence")
			b.ReportMetric(float64(n), "mentions")
			b.ReportMetric(float64(len(doc.Tokens)), "tokens")
		})
	}
}
