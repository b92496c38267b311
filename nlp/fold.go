package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form dictionaries are matched in: lower case,
// diacritics removed ("Ḥamāh" → "hamah"), apostrophes and their look-alikes
// removed ("Dar'a", "Dar‘a" and "Darʿa" → "dara"), dashes made "-", and
// letters without a decomposition spelled out (ß → ss, æ → ae, ø → o, ł → l,
// đ → d, ı → i). Words keep their order; runs of white space become one
// space, and white space at either end is dropped. An ASCII string that is already folded is returned
// without allocating.
func Fold(s string) string {
	if folded(s) {
		return s
	}
	return string(AppendFold(make([]byte, 0, len(s)), s))
}

// folded reports whether s is ASCII and already in folded form.
func folded(s string) bool {
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', c == '\'', c == '`', '\t' <= c && c <= '\r':
			return false
		case c == ' ':
			if prevSpace || i == 0 || i == len(s)-1 {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return true
}

// AppendFold appends the folded form of s to dst.
func AppendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	emit := func(r rune) {
		if unicode.IsSpace(r) {
			space = len(dst) > start
			return
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, r)
	}
	var it norm.Iter
	it.InitString(norm.NFKD, s)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			switch {
			case r == utf8.RuneError && size <= 1:
				emit(r)
			case unicode.Is(unicode.Mn, r):
				// a combining mark left by decomposition
			case isApostropheLike(r):
			case r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—' || r == '―' || r == '−':
				emit('-')
			default:
				if sp, ok := spelledOut[r]; ok {
					for _, c := range sp {
						emit(c)
					}
					continue
				}
				emit(unicode.ToLower(r))
			}
		}
	}
	return dst
}

// isApostropheLike reports whether r is an apostrophe or one of the marks
// transliterations use for ʿayn and hamza.
func isApostropheLike(r rune) bool {
	switch r {
	case '\'', '`', '’', '‘', 'ʼ', 'ʻ', 'ʽ', 'ʾ', 'ʿ', '´', '′':
		return true
	}
	return false
}

// spelledOut maps letters that have no canonical decomposition.
var spelledOut = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// FoldTokens returns the folded forms of toks joined by single spaces, the
// form dictionary entries are compiled to.
func FoldTokens(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(Fold(t.Form))
	}
	return b.String()
}
