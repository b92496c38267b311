package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"sitrep/nlp"
	"sitrep/nlp/conllu"
)

// parseCommand is 'sitrep parse'.
type parseCommand struct {
	input  string // "text" or "conllu"
	format string // "conllu" or "json"
	model  string // model file; "" for the embedded model
}

func (c *parseCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.StringVar(&c.input, "input", "text", "")
	fs.StringVar(&c.format, "format", "conllu", "")
	fs.StringVar(&c.model, "model", "", "")
	return fs
}

func (c *parseCommand) synopsis() string {
	return "sitrep parse [--input text|conllu] [--format conllu|json] [--model FILE] FILE|-"
}

func (c *parseCommand) help() string {
	return `Parse annotates FILE, or standard input for "-", with sentences, tokens,
part-of-speech tags, lemmas and a dependency parse.

With --input text (the default), FILE is raw UTF-8 text, annotated as one
document. With --input conllu, FILE is CoNLL-U: its sentences and tokens are
kept, and tags, lemmas, heads and relations are predicted afresh, so that the
output can be scored against the input by any CoNLL-U scorer. Sentences are
read and written one at a time.

Invalid UTF-8 is replaced by U+FFFD with a warning. A missing file, a
directory and binary data are errors.

Flags:
  --input text|conllu    what FILE holds (default text)
  --format conllu|json   the output format (default conllu): CoNLL-U, or JSON
                         as described in README.md; with --input conllu, one
                         JSON document per sentence, one per line
  --model FILE           a model written by 'sitrep train' (default: the model
                         embedded in sitrep)
`
}

func (c *parseCommand) run(ctx context.Context, e *env, args []string) error {
	if c.input != "text" && c.input != "conllu" {
		return usagef("--input: want text or conllu, got %q", c.input)
	}
	if c.format != "conllu" && c.format != "json" {
		return usagef("--format: want conllu or json, got %q", c.format)
	}
	switch len(args) {
	case 0:
		return usagef("missing FILE (use - for standard input)")
	case 1:
	default:
		return usagef("want one FILE, got %d arguments", len(args))
	}
	in, err := openText(args[0], e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	m, _, err := loadModel(c.model)
	if err != nil {
		return err
	}
	if c.input == "conllu" {
		err = c.parseCoNLLU(ctx, e, m, in)
		warnInvalid(e, in)
		return err
	}
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	warnInvalid(e, in)
	doc := &nlp.Doc{Text: string(data)}
	if err := m.Pipeline().Annotate(ctx, doc); err != nil {
		return fmt.Errorf("%s: %w", in.Name, err)
	}
	if c.format == "json" {
		return writeJSON(e.stdout, doc, 0)
	}
	return conllu.WriteDoc(e.stdout, doc, 1)
}

// parseCoNLLU re-annotates the CoNLL-U sentences of in one at a time.
func (c *parseCommand) parseCoNLLU(ctx context.Context, e *env, m *nlp.Model, in *textFile) error {
	r := conllu.NewReader(in, in.Name)
	an := m.Analyzers()
	w := bufio.NewWriter(e.stdout)
	for n := 0; ; n++ {
		s, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		clearAnnotation(s.Doc)
		if err := an.Annotate(ctx, s.Doc); err != nil {
			return fmt.Errorf("%s:%d: %w", in.Name, s.Line, err)
		}
		if c.format == "json" {
			err = writeJSON(w, s.Doc, n)
		} else {
			err = conllu.Write(w, s)
		}
		if err != nil {
			return err
		}
	}
	return w.Flush()
}

// clearAnnotation removes the tags, lemmas, heads and relations of doc, so
// that nothing of a gold annotation survives where an annotator leaves a
// token alone.
func clearAnnotation(doc *nlp.Doc) {
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		t.Lemma, t.UPOS, t.XPOS, t.Deprel = "", "", "", ""
		t.Head = -1
	}
}

// jsonDoc is the JSON form of an annotated document; README.md documents it.
type jsonDoc struct {
	Text      string         `json:"text"`
	Sentences []jsonSentence `json:"sentences"`
}

type jsonSentence struct {
	Index      int             `json:"index"`
	Start      int             `json:"start"`
	End        int             `json:"end"`
	Text       string          `json:"text"`
	Tokens     []jsonToken     `json:"tokens"`
	MultiWords []jsonMultiWord `json:"multiwords"`
}

type jsonToken struct {
	ID     int    `json:"id"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Form   string `json:"form"`
	Lemma  string `json:"lemma"`
	UPOS   string `json:"upos"`
	XPOS   string `json:"xpos"`
	Head   int    `json:"head"`
	Deprel string `json:"deprel"`
}

type jsonMultiWord struct {
	First int    `json:"first"`
	Last  int    `json:"last"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Form  string `json:"form"`
}

// newJSONDoc converts doc; its sentences are numbered from firstIndex.
// Sentences without tokens are left out.
func newJSONDoc(doc *nlp.Doc, firstIndex int) *jsonDoc {
	jd := &jsonDoc{Text: doc.Text, Sentences: []jsonSentence{}}
	for si, s := range doc.Sentences {
		if s.Limit <= s.First {
			continue
		}
		js := jsonSentence{
			Index:      firstIndex + si,
			Start:      s.Start,
			End:        s.End,
			Text:       doc.Text[s.Start:s.End],
			Tokens:     make([]jsonToken, 0, s.Limit-s.First),
			MultiWords: make([]jsonMultiWord, 0, len(s.MultiWords)),
		}
		for i, t := range doc.Tokens[s.First:s.Limit] {
			js.Tokens = append(js.Tokens, jsonToken{
				ID: i + 1, Start: t.Start, End: t.End, Form: t.Form, Lemma: t.Lemma,
				UPOS: t.UPOS, XPOS: t.XPOS, Head: t.Head + 1, Deprel: t.Deprel, // root: -1+1 = 0
			})
		}
		for _, mw := range s.MultiWords {
			js.MultiWords = append(js.MultiWords, jsonMultiWord{
				First: mw.First - s.First + 1, Last: mw.Limit - s.First,
				Start: mw.Start, End: mw.End, Form: mw.Form,
			})
		}
		jd.Sentences = append(jd.Sentences, js)
	}
	return jd
}

// writeJSON writes doc as one line of JSON.
func writeJSON(w io.Writer, doc *nlp.Doc, firstIndex int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(newJSONDoc(doc, firstIndex))
}
