package dedup

import (
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// A word is one normalized word of a text: its hash and where it stands.
type word struct {
	hash  uint64 // hashWord of the folded word
	start int32  // byte offset of the word in the original text
	line  int32  // 0-based line number ('\n'-separated) in the original text
}

// scanWords appends the words of text to dst. A word is a run of letters,
// digits and combining marks, with apostrophes inside it ("Dar'a",
// "Syria's"); everything else (white space, punctuation, dashes, periods)
// separates words, so "U.S." is the two words "u" and "s" and
// "al-Qaida-linked" three. Each word is folded the way nlp.Fold folds
// (lower case, no diacritics, no apostrophes) before it is hashed, so that
// case, diacritics and punctuation never change a fingerprint.
func scanWords(dst []word, text string, scratch []byte) ([]word, []byte) {
	line := int32(0)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			if !isASCIIWord(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += size
			continue
		}
		start, ascii := i, true
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if isASCIIWord(c) || (isApostrophe(rune(c)) && inWord(text[i+1:])) {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) && !(isApostrophe(r) && inWord(text[i+size:])) {
				break
			}
			ascii = false
			i += size
		}
		w := text[start:i]
		scratch = scratch[:0]
		if ascii {
			for j := 0; j < len(w); j++ {
				c := w[j]
				switch {
				case 'A' <= c && c <= 'Z':
					c += 'a' - 'A'
				case c == '\'' || c == '`':
					continue
				}
				scratch = append(scratch, c)
			}
		} else {
			scratch = nlp.AppendFold(scratch, w)
		}
		if len(scratch) == 0 {
			continue
		}
		dst = append(dst, word{hash: hashBytes(scratch), start: int32(start), line: line})
	}
	return dst, scratch
}

func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// isApostrophe reports the characters nlp.Fold removes from inside words.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '´', '′':
		return true
	}
	return false
}

// inWord reports whether an apostrophe followed by s joins the word
// before it with what follows: it does before a word character ("Dar'a"),
// but not before a possessive s, which becomes a word of its own so that
// "Russian Federation's" holds the phrase "Russian Federation".
func inWord(s string) bool {
	if s == "" || !startsWord(s) {
		return false
	}
	if (s[0] == 's' || s[0] == 'S') && (len(s) == 1 || !startsWord(s[1:])) {
		return false
	}
	return true
}

// startsWord reports whether s begins with a word character.
func startsWord(s string) bool {
	if s[0] < utf8.RuneSelf {
		return isASCIIWord(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// hashBytes is 64-bit FNV-1a with a final mix: fixed forever, because
// fingerprints made with it are stored.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return mix64(h)
}

// mix64 is the SplitMix64 finalizer: a bijection that spreads every input
// bit over the whole output.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// combine hashes an ordered pair.
func combine(h, x uint64) uint64 {
	return mix64(h*0x9e3779b97f4a7c15 + x)
}

// seqHash hashes a sequence of word hashes: a polynomial over them (they
// are already mixed) and one mix at the end.
func seqHash(seed uint64, ws []uint64) uint64 {
	h := seed
	for _, w := range ws {
		h = h*0x9e3779b97f4a7c15 + w
	}
	return mix64(h)
}
