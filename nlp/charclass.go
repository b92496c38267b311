package nlp

import (
	"unicode"
	"unicode/utf8"
)

// The segmenter and the tokenizer must agree exactly on what whitespace is:
// together they guarantee that every byte that is not whitespace lies in
// exactly one sentence and one token. Both classify text only through the
// functions in this file.

// ASCII character classes, looked up by byte; bytes above 0x7F have none.
const (
	cSpace   uint8 = 1 << iota // ' ', \t, \v, \f, \r, \n
	cNewline                   // \n
	cLetter                    // A-Z a-z
	cDigit                     // 0-9
	cUpper                     // A-Z
	cLower                     // a-z
)

var asciiClass = func() (t [256]uint8) {
	for _, c := range " \t\v\f\r\n" {
		t[c] |= cSpace
	}
	t['\n'] |= cNewline
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= cLetter | cLower
		t[c-'a'+'A'] |= cLetter | cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= cDigit
	}
	return t
}()

// decode returns the rune at s[i] and its size. Invalid UTF-8 decodes as
// utf8.RuneError of size 1, so decoding always advances.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeLast returns the rune ending at s[i-1] and its size.
func decodeLast(s string, i int) (rune, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// isSpace reports whether r separates words. Besides Unicode White_Space
// (which includes the no-break space U+00A0) it counts the invisible
// separators U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+180E and U+FEFF
// (byte order mark). ZWJ and ZWNJ are not spaces: they join emoji sequences
// and shape Arabic and Persian words.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cSpace != 0
	}
	switch r {
	case 0x200B, 0x2060, 0x180E, 0xFEFF:
		return true
	}
	return unicode.IsSpace(r)
}

// newlineAt reports whether a line break starts at s[i], its size, and
// whether it is a paragraph separator (U+2029). A "\r" directly before "\n"
// is plain whitespace, so "\r\n" counts as one line break.
func newlineAt(s string, i int) (size int, para bool) {
	switch c := s[i]; {
	case c == '\n':
		return 1, false
	case c == '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return 0, false
		}
		return 1, false
	case c < utf8.RuneSelf:
		return 0, false
	}
	switch r, n := utf8.DecodeRuneInString(s[i:]); r {
	case 0x2028, 0x85:
		return n, false
	case 0x2029:
		return n, true
	}
	return 0, false
}

// isWordRune reports whether r can be part of a word: letters, digits,
// combining marks, ZWNJ/ZWJ, the underscore, bytes that are not valid
// UTF-8 (so that "caf\xe9" stays one token) and U+FFFD, which stands for
// such bytes once repaired ("\ufffdvacuation" stays one token too).
func isWordRune(r rune, size int) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(cLetter|cDigit) != 0 || r == '_'
	}
	if r == utf8.RuneError {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || r == 0x200C || r == 0x200D
}

// isLower reports whether r is a lowercase letter.
func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cLower != 0
	}
	return unicode.IsLower(r)
}

// isUpper reports whether r is an uppercase or titlecase letter.
func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cUpper != 0
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// isDigit reports whether r is a decimal digit in any script.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cDigit != 0
	}
	return unicode.IsDigit(r)
}

// isLetter reports whether r is a letter in any script.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cLetter != 0
	}
	return unicode.IsLetter(r)
}

// isOpener reports whether r opens a quotation or a bracket.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '„', '‚', '¿', '¡':
		return true
	}
	return false
}

// isCloser reports whether r may close a quotation or a bracket after the
// punctuation that ends a sentence.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›':
		return true
	}
	return false
}

// isTerminal reports whether r can end a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '?', '!', '…', '‼', '⁇', '⁈', '⁉', '。', '？', '！':
		return true
	}
	return false
}

// isApostrophe reports whether r is a straight or curly apostrophe.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' }
