package actor

import (
	"bytes"
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// Names and text are matched as sequences of pieces. A piece is a token's
// form folded with nlp.Fold, or one part of it when the token has hyphens
// ("al-Assad" is "al" "assad", so that it matches "Bashar al Assad" too),
// with its periods removed ("U.S." and "U.S" are "us"). A token that folds
// to nothing (an apostrophe) has no pieces: names drop it and the matcher
// steps over it. Matches always start and end on token boundaries, so
// "al-Qaida" is not found inside "al-Qaida-linked".

// A piece is one matching unit and what its first letter was.
type piece struct {
	text string
	// lower: the piece starts with a lower-case letter.
	lower bool
	// initial: the piece starts its token.
	initial bool
	// upper: the piece starts with an upper-case letter.
	upper bool
}

// isDash reports whether r is a hyphen or dash: nlp.Fold makes all of these "-".
func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}

// appendPieces appends the pieces of one token form to dst.
func appendPieces(dst []piece, form string) []piece {
	eachPiece(form, nil, func(text []byte, lower, upper, initial bool) {
		dst = append(dst, piece{text: string(text), lower: lower, upper: upper, initial: initial})
	})
	return dst
}

// eachPiece calls fn with each piece of a token form: its folded text
// (valid only during the call), whether it starts with a lower-case or an
// upper-case letter, and whether it starts the token. buf is scratch space
// and is returned for reuse.
func eachPiece(form string, buf []byte, fn func(text []byte, lower, upper, initial bool)) []byte {
	n := 0
	part := func(p string, initial bool) {
		if p == "" {
			return
		}
		buf = foldPart(buf[:0], p)
		if len(buf) == 0 {
			return
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(p, "'’‘`ʼʻʽʾʿ´′"))
		fn(buf, unicode.IsLower(r), unicode.IsUpper(r), initial)
		n++
	}
	start := 0
	for i, r := range form {
		if isDash(r) {
			part(form[start:i], start == 0)
			start = i + utf8.RuneLen(r)
		}
	}
	part(form[start:], start == 0)
	if n == 0 {
		// Only dashes, or only apostrophes: a dash is a piece of its own,
		// an apostrophe none.
		if buf = nlp.AppendFold(buf[:0], form); len(buf) > 0 {
			fn(buf, false, false, true)
		}
	}
	return buf
}

// foldPart appends to dst the folded form of one hyphen-free part of a
// token, without its periods unless it is nothing but punctuation.
func foldPart(dst []byte, part string) []byte {
	simple := true
	for i := 0; i < len(part); i++ {
		c := part[i]
		if c >= utf8.RuneSelf || c == '\'' || c == '`' || c == '.' || c <= ' ' {
			simple = false
			break
		}
	}
	if simple {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	start := len(dst)
	dst = nlp.AppendFold(dst, part)
	f := dst[start:]
	if bytes.IndexByte(f, '.') < 0 || bytes.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return dst
	}
	w := start
	for _, c := range f {
		if c != '.' {
			dst[w] = c
			w++
		}
	}
	return dst[:w]
}

// namePieces tokenizes names the way the nlp Tokenizer tokenizes text (one
// name a sentence, keeping a final abbreviation's period: "U.S.") and
// returns each name's pieces, without a leading "the" unless the name is
// nothing else.
func namePieces(names []string) [][]piece {
	var b strings.Builder
	doc := &nlp.Doc{Sentences: make([]nlp.Sentence, len(names))}
	for i, n := range names {
		if i > 0 {
			b.WriteByte('\n')
		}
		start := b.Len()
		b.WriteString(n)
		doc.Sentences[i].Span = nlp.Span{Start: start, End: b.Len()}
	}
	doc.Text = b.String()
	out := make([][]piece, len(names))
	if len(names) == 0 {
		return out
	}
	tk := nlp.Tokenizer{KeepFinalPeriod: true}
	if err := tk.Annotate(context.Background(), doc); err != nil {
		// The tokenizer fails only on a cancelled context or bad sentence
		// spans, neither of which can happen here; fall back to spaces.
		for i, n := range names {
			for _, w := range strings.Fields(n) {
				out[i] = appendPieces(out[i], w)
			}
		}
		return out
	}
	for i := range names {
		var ps []piece
		for _, t := range doc.SentenceTokens(i) {
			ps = appendPieces(ps, t.Form)
		}
		if len(ps) > 1 && ps[0].text == "the" {
			ps = ps[1:]
		}
		out[i] = ps
	}
	return out
}

// keyOf joins pieces into the string names are compared by.
func keyOf(ps []piece) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.text)
	}
	return b.String()
}

// NameKeys returns the keys names are matched and compared by: each name's
// pieces (see Match) joined by single spaces, without a leading "the".
// Two names with the same key are the same name to a Dictionary; a key is
// "" for a name that folds to nothing.
func NameKeys(names []string) []string {
	keys := make([]string, len(names))
	for i, ps := range namePieces(names) {
		keys[i] = keyOf(ps)
	}
	return keys
}
