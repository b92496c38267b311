package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"sitrep/nlp"
)

// A Sentence is one CoNLL-U sentence.
type Sentence struct {
	// Doc holds the sentence as a one-sentence document. Doc.Text is rebuilt
	// from the forms: words are separated by one space unless the word (or its
	// multiword token) has SpaceAfter=No.
	Doc *nlp.Doc
	// Comments are the comment lines before the sentence, without the newline.
	Comments []string
	// Feats and Misc are the FEATS and MISC columns of each word, "_" when empty.
	Feats, Misc []string
	// MultiMisc is the MISC column of each multiword token line, parallel to
	// Doc.Sentences[0].MultiWords.
	MultiMisc []string
	// Line is the 1-based line number of the sentence's first line.
	Line int
}

// Words returns the sentence's words.
func (s *Sentence) Words() []nlp.Token { return s.Doc.Tokens }

// A Reader reads CoNLL-U sentences from a stream.
type Reader struct {
	// Name identifies the input in errors, usually a file name.
	Name string

	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader reading from r; name is used in errors.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{Name: name, sc: sc}
}

// ErrSyntax is wrapped by every error about malformed CoNLL-U.
var ErrSyntax = errors.New("conllu: syntax error")

func (r *Reader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %w: %s", r.Name, r.line, ErrSyntax, fmt.Sprintf(format, args...))
}

type rawWord struct {
	form, lemma, upos, xpos, feats, deprel, misc string
	head                                         int
}

type rawMulti struct {
	first, last int // 1-based word ids
	form, misc  string
}

// Read returns the next sentence, or io.EOF after the last one.
func (r *Reader) Read() (*Sentence, error) {
	var (
		comments []string
		words    []rawWord
		multis   []rawMulti
		start    int
	)
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if r.line == 1 {
			line = strings.TrimPrefix(line, "\ufeff") // a byte order mark
		}
		if line == "" {
			if len(words) == 0 && len(comments) == 0 {
				continue
			}
			if len(words) == 0 {
				return nil, r.errorf("sentence has comments but no words")
			}
			return r.build(start, comments, words, multis)
		}
		if start == 0 {
			start = r.line
		}
		if line[0] == '#' {
			if len(words) > 0 {
				return nil, r.errorf("comment inside a sentence")
			}
			comments = append(comments, line)
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, r.errorf("want 10 tab-separated columns, got %d", len(cols))
		}
		id := cols[0]
		if strings.IndexByte(id, '.') >= 0 {
			continue // empty node of the enhanced graph
		}
		if dash := strings.IndexByte(id, '-'); dash >= 0 {
			a, err1 := strconv.Atoi(id[:dash])
			b, err2 := strconv.Atoi(id[dash+1:])
			if err1 != nil || err2 != nil || a != len(words)+1 || b < a {
				return nil, r.errorf("bad multiword token id %q", id)
			}
			if cols[1] == "" {
				return nil, r.errorf("multiword token %s has an empty form", id)
			}
			multis = append(multis, rawMulti{first: a, last: b, form: cols[1], misc: cols[9]})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(words)+1 {
			return nil, r.errorf("bad word id %q, want %d", id, len(words)+1)
		}
		w := rawWord{form: cols[1], lemma: cols[2], upos: cols[3], xpos: cols[4],
			feats: cols[5], deprel: cols[7], misc: cols[9], head: -1}
		if w.form == "" {
			return nil, r.errorf("word %d has an empty form", n)
		}
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return nil, r.errorf("word %d: bad head %q", n, cols[6])
			}
			w.head = h - 1
		}
		words = append(words, w)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", r.Name, r.line+1, err)
	}
	if len(words) > 0 {
		return r.build(start, comments, words, multis)
	}
	if len(comments) > 0 {
		return nil, r.errorf("sentence has comments but no words")
	}
	return nil, io.EOF
}

func (r *Reader) build(start int, comments []string, words []rawWord, multis []rawMulti) (*Sentence, error) {
	for _, m := range multis {
		if m.last > len(words) {
			return nil, fmt.Errorf("%s:%d: %w: multiword token %d-%d runs past the last word %d",
				r.Name, start, ErrSyntax, m.first, m.last, len(words))
		}
	}
	for i, w := range words {
		if w.head >= len(words) {
			return nil, fmt.Errorf("%s:%d: %w: word %d: head %d out of range", r.Name, start, ErrSyntax, i+1, w.head+1)
		}
	}
	var b strings.Builder
	doc := &nlp.Doc{Tokens: make([]nlp.Token, len(words))}
	s := &Sentence{Doc: doc, Comments: comments, Line: start,
		Feats: make([]string, len(words)), Misc: make([]string, len(words))}
	var mws []nlp.MultiWord
	mi := 0
	for i := 0; i < len(words); {
		last := i // last word of the surface token
		misc := words[i].misc
		ms := b.Len()
		if mi < len(multis) && multis[mi].first == i+1 {
			last = multis[mi].last - 1
			misc = multis[mi].misc
		}
		// The words of a multiword token are written without spaces between
		// them; the token's own MISC decides the space after it.
		for j := i; j <= last; j++ {
			w := words[j]
			ws := b.Len()
			b.WriteString(w.form)
			doc.Tokens[j] = nlp.Token{Span: nlp.Span{Start: ws, End: b.Len()}, Lemma: w.lemma,
				UPOS: w.upos, XPOS: w.xpos, Head: w.head, Deprel: w.deprel}
			s.Feats[j] = w.feats
			s.Misc[j] = w.misc
		}
		if last > i || mi < len(multis) && multis[mi].first == i+1 {
			mws = append(mws, nlp.MultiWord{Span: nlp.Span{Start: ms, End: b.Len()}, First: i, Limit: last + 1, Form: multis[mi].form})
			s.MultiMisc = append(s.MultiMisc, multis[mi].misc)
			mi++
		}
		i = last + 1
		if i < len(words) && !noSpaceAfter(misc) {
			b.WriteByte(' ')
		}
	}
	doc.Text = b.String()
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		t.Form = doc.Text[t.Start:t.End]
	}
	doc.Sentences = []nlp.Sentence{{Span: nlp.Span{Start: 0, End: len(doc.Text)}, First: 0, Limit: len(words), MultiWords: mws}}
	return s, nil
}

// noSpaceAfter reports whether a MISC column says SpaceAfter=No.
func noSpaceAfter(misc string) bool {
	for f := range strings.SplitSeq(misc, "|") {
		if f == "SpaceAfter=No" {
			return true
		}
	}
	return false
}

// ReadAll reads every sentence from r; name is used in errors.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of the CoNLL-U file at path.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(bufio.NewReader(f), path)
}
