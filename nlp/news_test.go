package nlp

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/linefile"
)

func TestDefaultNewsLexicon(t *testing.T) {
	lex, err := parseNewsLexicon("news.txt", strings.NewReader(newsTxt))
	if err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
	if DefaultNewsLexicon() == nil {
		t.Fatal("no default lexicon")
	}
	t.Logf("lexicon: %d nationalities, %d actors, %d units, %d organizations, %d persons, %d verbs, %d targets, %d victims, %d places",
		len(lex.nations), len(lex.actors), len(lex.units), len(lex.orgs)+len(lex.theOrgs), len(lex.persons),
		len(lex.verbs[verbAttack])+len(lex.verbs[verbHarm])+len(lex.verbs[verbTake])+len(lex.verbs[verbFire])+len(lex.verbs[verbBack])+len(lex.verbs[verbAid]),
		len(lex.targets), len(lex.victims), len(lex.places))
}

// minimalLexicon has one entry of every kind.
const minimalLexicon = `nation Syrian Syria
actor force - forces
unit government NN
org Hamas
theorg Kremlin
person Ali_Rahimi
title President
role spokesman
verb shell shelled shelled shells shelling attack
verb kill killed killed kills killing harm
verb seize seized seized seizes seizing take
verb fire fired fired fires firing fire
verb back backed backed backs backing back
verb treat treated treated treats treating aid
target position position positions
victim civilian civilian civilians
weapon rocket rocket rockets
site town town towns
incident attack attack attacks
area province
place Aleppo
speaker official official officials
agency Reuters
adj key
direction northern
day Monday
month March
`

func TestParseNewsLexicon(t *testing.T) {
	if _, err := ParseNewsLexicon("mine.txt", strings.NewReader(minimalLexicon)); err != nil {
		t.Fatalf("minimal lexicon: %v", err)
	}
	tests := []struct {
		name string
		add  string   // lines appended to the minimal lexicon, from line 28
		want []string // every error, in order
	}{
		{"unknown kind", "vehicle tank tank tanks\n", []string{`mine.txt:28: nlp: unknown kind "vehicle"`}},
		{"too few fields", "verb strike struck struck strikes attack\n", []string{`mine.txt:28: nlp: verb wants 6 fields, got 5`}},
		{"unknown class", "verb strike struck struck strikes striking hit\n", []string{`mine.txt:28: nlp: verb "strike": unknown class "hit"`}},
		{"no forms", "actor ghost - -\n", []string{`mine.txt:28: nlp: actor "ghost" has neither a singular nor a plural`}},
		{"bad tag", "unit navy NNS\n", []string{`mine.txt:28: nlp: unit "navy": tag "NNS", want NN, NNP or JJ`}},
		{"one-word person", "person Cher\n", []string{`mine.txt:28: nlp: person "Cher": want a given and a family name`}},
		{"bad underscore", "place _Aleppo\n", []string{`mine.txt:28: nlp: bad field "_Aleppo"`}},
		{"punctuation", "place Aleppo,\n", []string{`mine.txt:28: nlp: bad field "Aleppo,"`}},
		{"duplicate", "\n# again\nplace Aleppo\n", []string{`mine.txt:30: nlp: duplicate of line 21`}},
		{"every bad line", "place Homs\nfoo\nday Friday extra\n", []string{
			`mine.txt:29: nlp: unknown kind "foo"`,
			`mine.txt:30: nlp: day wants 1 fields, got 2`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseNewsLexicon("mine.txt", strings.NewReader(minimalLexicon+tt.add))
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", err, strings.Join(tt.want, "\n"))
			}
			var le *linefile.Error
			if !errors.As(err, &le) || le.File != "mine.txt" {
				t.Errorf("error %v is not a *linefile.Error", err)
			}
		})
	}
	// A lexicon lacking a kind the grammar needs says which.
	_, err := ParseNewsLexicon("small.txt", strings.NewReader("place Aleppo\n"))
	if err == nil || !strings.Contains(err.Error(), "small.txt: nlp: no verb of class attack") ||
		!strings.Contains(err.Error(), "small.txt: nlp: no nation entry") {
		t.Errorf("missing kinds: got %v", err)
	}
}

func TestNewsSentences(t *testing.T) {
	lex := DefaultNewsLexicon()
	const n = 3000
	docs := NewsSentences(lex, n, 1)
	if len(docs) != n {
		t.Fatalf("%d sentences, want %d", len(docs), n)
	}
	if again := NewsSentences(lex, n, 1); !reflect.DeepEqual(docs, again) {
		t.Error("the same seed gave different sentences")
	}
	if other := NewsSentences(lex, 10, 2); reflect.DeepEqual(docs[:10], other) {
		t.Error("another seed gave the same sentences")
	}
	seen := map[string]bool{}
	seg, tok := &Segmenter{}, &Tokenizer{}
	for k, d := range docs {
		seen[d.Text] = true
		if len(d.Sentences) != 1 || d.Sentences[0].Span != (Span{0, len(d.Text)}) || d.Sentences[0].Limit != len(d.Tokens) {
			t.Fatalf("sentence %d %q: bad sentence span %+v", k, d.Text, d.Sentences)
		}
		toks := d.SentenceTokens(0)
		checkTree(t, toks)
		for i, tk := range toks {
			if tk.Form != d.Text[tk.Start:tk.End] || tk.Form == "" || strings.ContainsAny(tk.Form, " _") {
				t.Fatalf("sentence %q: token %d %q does not match its span %v", d.Text, i, tk.Form, tk.Span)
			}
			if tk.Lemma == "" || tk.UPOS == "" || tk.XPOS == "" {
				t.Fatalf("sentence %q: token %d %q lacks a lemma or tag: %+v", d.Text, i, tk.Form, tk)
			}
		}
		for _, mw := range d.Sentences[0].MultiWords {
			if mw.Form != d.Text[mw.Start:mw.End] || mw.Start != toks[mw.First].Start || mw.End != toks[mw.Limit-1].End {
				t.Fatalf("sentence %q: bad multiword %+v", d.Text, mw)
			}
		}
		// The Tokenizer cuts the text into the same tokens, so that the
		// model learns from the words it will see.
		raw := &Doc{Text: d.Text}
		if err := seg.Annotate(t.Context(), raw); err != nil {
			t.Fatal(err)
		}
		if err := tok.Annotate(t.Context(), raw); err != nil {
			t.Fatal(err)
		}
		if len(raw.Sentences) != 1 {
			t.Errorf("sentence %q: the Segmenter finds %d sentences", d.Text, len(raw.Sentences))
			continue
		}
		var got, want []string
		for _, tk := range raw.Tokens {
			got = append(got, tk.Form)
		}
		for _, tk := range toks {
			want = append(want, tk.Form)
		}
		if !slices.Equal(got, want) || len(raw.Sentences[0].MultiWords) != len(d.Sentences[0].MultiWords) {
			t.Errorf("sentence %q:\nthe Tokenizer gives %q\nthe generator     %q", d.Text, got, want)
		}
	}
	if len(seen) < n*9/10 {
		t.Errorf("only %d distinct sentences of %d", len(seen), n)
	}
}

func TestNewsSentencesTeachBothReadings(t *testing.T) {
	docs := NewsSentences(DefaultNewsLexicon(), 2000, 1)
	counts := map[string]int{}
	for _, d := range docs {
		for _, tk := range d.Tokens {
			if tk.UPOS != "VERB" {
				continue
			}
			switch {
			case tk.XPOS == "VBD" && (tk.Deprel == "root" || tk.Deprel == "ccomp" || tk.Deprel == "parataxis"):
				counts["finite past event verb"]++
			case tk.XPOS == "VBN" && tk.Deprel == "acl":
				counts["participle modifier"]++
			case tk.XPOS == "VBN" && strings.HasPrefix(tk.Deprel, "root"):
				counts["passive or perfect root"]++
			}
		}
	}
	t.Logf("%v", counts)
	for _, k := range []string{"finite past event verb", "participle modifier", "passive or perfect root"} {
		if counts[k] < 100 {
			t.Errorf("only %d cases of %s in 2000 sentences", counts[k], k)
		}
	}
}
