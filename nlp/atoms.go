package nlp

import (
	"unicode"
	"unicode/utf8"
)

// Atoms are the per-token hashes that tagger and parser features combine.
// They are computed once per token, without allocating.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashLower hashes s with ASCII letters folded to lower case.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashExact hashes s as it is.
func hashExact(s string) uint64 {
	h := uint64(fnvOffset) ^ 0x5bd1e995
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// normHash is the hash of a word's normal form: lower case, with numbers
// collapsed into a few classes so that "1,200" and "3,400" share weights.
func normHash(s string) uint64 {
	digits, other := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digits++
		case c == ',' || c == '.' || c == '/' || c == ':' || c == '-':
		default:
			other++
		}
	}
	if digits > 0 && other == 0 {
		if digits == 4 && len(s) == 4 {
			return 0x9a3f_0000_0000_0004 // a year
		}
		return 0x9a3f_0000_0000_0001 + uint64(min(digits, 8))<<8
	}
	return hashLower(s)
}

// shapeHash hashes the word's shape: upper → X, lower → x, digit → d, other
// bytes kept, runs of a class cut to two ("Daraa" → "Xxx", "1,200" → "d,dd").
func shapeHash(s string) uint64 {
	h := uint64(fnvOffset)
	var prev byte
	run := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		var c byte
		switch {
		case 'a' <= r && r <= 'z':
			c = 'x'
		case 'A' <= r && r <= 'Z':
			c = 'X'
		case '0' <= r && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		default:
			c = '*'
		}
		if c == prev {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		prev = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// suffixHash hashes the last n bytes of s, lower-cased; shorter words hash
// whole, marked so that a 2-letter word is not its own 4-letter suffix.
func suffixHash(s string, n int) uint64 {
	if len(s) <= n {
		return hashLower(s) ^ uint64(n)<<60 ^ 0x55
	}
	return hashLower(s[len(s)-n:]) ^ uint64(n)<<60
}

// prefixHash hashes the first n bytes of s, lower-cased.
func prefixHash(s string, n int) uint64 {
	if len(s) <= n {
		return hashLower(s) ^ uint64(n)<<56 ^ 0xaa
	}
	return hashLower(s[:n]) ^ uint64(n)<<56
}

// Word flags, one bit each.
const (
	flagTitle  uint64 = 1 << iota // first letter upper case, others lower
	flagUpper                     // all letters upper case
	flagDigit                     // contains a digit
	flagHyphen                    // contains a hyphen
	flagFirst                     // first word of the sentence
	flagLower                     // all letters lower case
)

func wordFlags(s string) uint64 {
	var f uint64
	upper, lower, letters := 0, 0, 0
	firstUpper := false
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLetter(r):
			lower++
			letters++
		case '0' <= r && r <= '9':
			f |= flagDigit
		case r == '-':
			f |= flagHyphen
		}
	}
	switch {
	case letters == 0:
	case upper == letters && letters > 1:
		f |= flagUpper
	case firstUpper && upper == 1:
		f |= flagTitle
	case upper == 0:
		f |= flagLower
	}
	return f
}

// tokenAtoms are the precomputed hashes of one token.
type tokenAtoms struct {
	norm, exact, shape     uint64
	suf1, suf2, suf3, suf4 uint64
	pre1, pre2, pre3       uint64
	flags                  uint64
}

func (a *tokenAtoms) set(form string, first bool) {
	a.norm = normHash(form)
	a.exact = hashExact(form)
	a.shape = shapeHash(form)
	a.suf1 = suffixHash(form, 1)
	a.suf2 = suffixHash(form, 2)
	a.suf3 = suffixHash(form, 3)
	a.suf4 = suffixHash(form, 4)
	a.pre1 = prefixHash(form, 1)
	a.pre2 = prefixHash(form, 2)
	a.pre3 = prefixHash(form, 3)
	a.flags = wordFlags(form)

	if first {
		a.flags |= flagFirst
	}
}

// Boundary atoms for positions before the first and after the last token.
var (
	atomsStart = tokenAtoms{norm: 0xb05, exact: 0xb05, shape: 0xb05, suf3: 0xb05}
	atomsEnd   = tokenAtoms{norm: 0xe05, exact: 0xe05, shape: 0xe05, suf3: 0xe05}
)
