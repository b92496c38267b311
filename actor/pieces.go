package actor

import (
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
	n := len(dst)
	start := 0
	for i, r := range form {
		if isDash(r) {
			dst = appendPart(dst, form[start:i], start == 0)
			start = i + utf8.RuneLen(r)
		}
	}
	dst = appendPart(dst, form[start:], start == 0)
	if len(dst) == n {
		// Only dashes, or only apostrophes: a dash is a piece of its own,
		// an apostrophe none.
		if f := nlp.Fold(form); f != "" {
			dst = append(dst, piece{text: f, initial: true})
		}
	}
	return dst
}

// appendPart appends the piece of one hyphen-free part of a token, if it
// folds to something.
func appendPart(dst []piece, part string, initial bool) []piece {
	if part == "" {
		return dst
	}
	f := foldPart(part)
	if f == "" {
		return dst
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(part, "'’‘`ʼʻʽʾʿ´′"))
	return append(dst, piece{text: f, lower: unicode.IsLower(r), upper: unicode.IsUpper(r), initial: initial})
}

// foldPart folds one part of a token and removes its periods unless it is
// nothing but punctuation.
func foldPart(part string) string {
	simple := true
	for i := 0; i < len(part); i++ {
		c := part[i]
		if c >= utf8.RuneSelf || c == '\'' || c == '`' || c == '.' || c <= ' ' {
			simple = false
			break
		}
	}
	if simple {
		return strings.ToLower(part)
	}
	f := nlp.Fold(part)
	if strings.IndexByte(f, '.') < 0 {
		return f
	}
	if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return f
	}
	return strings.ReplaceAll(f, ".", "")
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
