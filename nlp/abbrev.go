package nlp

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:embed data/abbreviations.txt
var abbreviationsTxt string

//go:embed data/starters.txt
var startersTxt string

// abbrevKind says how a word ending in a period behaves at a possible
// sentence boundary.
type abbrevKind uint8

const (
	notAbbrev abbrevKind = iota
	// abbrevTitle comes before a name ("Gen. Smith"): never ends a sentence.
	abbrevTitle
	// abbrevInner is followed by more of the sentence ("e.g.", "No. 5").
	abbrevInner
	// abbrevPlain ends a sentence only before a common sentence starter.
	abbrevPlain
	// abbrevInitial is a single capital letter ("George W. Bush"): like
	// plain, but "A" and "I" after it are taken for more initials or names.
	abbrevInitial
)

var kindNames = map[string]abbrevKind{
	"title": abbrevTitle,
	"inner": abbrevInner,
	"plain": abbrevPlain,
}

// maxAbbrevLen bounds the length of a listed abbreviation, so that a long
// word is never hashed just to learn it is not one.
const maxAbbrevLen = 16

// Abbreviations is a compiled list of abbreviations that keep their final
// period ("U.S.", "Gen.", "e.g."). The Segmenter uses it to decide whether a
// period ends a sentence and the Tokenizer to keep the period in the token.
// It is immutable and safe for concurrent use.
type Abbreviations struct {
	kinds map[string]abbrevKind
}

// DefaultAbbreviations returns the list embedded from
// nlp/data/abbreviations.txt, compiled on first use.
func DefaultAbbreviations() *Abbreviations { return defaultAbbreviations() }

var defaultAbbreviations = sync.OnceValue(func() *Abbreviations {
	// TestDefaultAbbreviations checks that the embedded file has no bad
	// lines; were there any, the good ones would still be used.
	a, _ := parseAbbreviations("abbreviations.txt", strings.NewReader(abbreviationsTxt))
	return a
})

// ParseAbbreviations reads an abbreviation list in the format of
// nlp/data/abbreviations.txt: one abbreviation and its kind (title, inner or
// plain) a line, separated by white space; blank lines and lines starting
// with "#" are ignored. name is used in error messages, which report every
// bad line as "name:line: problem".
func ParseAbbreviations(name string, r io.Reader) (*Abbreviations, error) {
	a, err := parseAbbreviations(name, r)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// parseAbbreviations returns the list of all good lines and the errors of
// the bad ones.
func parseAbbreviations(name string, r io.Reader) (*Abbreviations, error) {
	a := &Abbreviations{kinds: make(map[string]abbrevKind)}
	var errs []error
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			errs = append(errs, fmt.Errorf("nlp: %s:%d: want an abbreviation and its kind, got %d fields", name, n, len(f)))
			continue
		}
		word, kindName := f[0], f[1]
		kind, ok := kindNames[kindName]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("nlp: %s:%d: unknown kind %q (want title, inner or plain)", name, n, kindName))
		case !strings.HasSuffix(word, ".") || len(word) < 2:
			errs = append(errs, fmt.Errorf("nlp: %s:%d: abbreviation %q does not end in a period", name, n, word))
		case len(word) > maxAbbrevLen:
			errs = append(errs, fmt.Errorf("nlp: %s:%d: abbreviation %q longer than %d bytes", name, n, word, maxAbbrevLen))
		case a.kinds[word] != notAbbrev:
			errs = append(errs, fmt.Errorf("nlp: %s:%d: duplicate abbreviation %q", name, n, word))
		default:
			a.kinds[word] = kind
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("nlp: read %s: %w", name, err))
	}
	return a, errors.Join(errs...)
}

// kind classifies w, a word ending in a period such as "Gen." or
// "pro-U.S.". Only the part after the last hyphen or slash counts, so a
// compound ending in an abbreviation is one too.
func (a *Abbreviations) kind(w string) abbrevKind {
	for i := len(w) - 2; i >= 0; i-- {
		if c := w[i]; c == '-' || c == '/' {
			w = w[i+1:]
			break
		}
	}
	if len(w) < 2 {
		return notAbbrev
	}
	if len(w) <= maxAbbrevLen {
		if k := a.kinds[w]; k != notAbbrev {
			return k
		}
	}
	if len(w) == 2 && asciiClass[w[0]]&cUpper != 0 {
		return abbrevInitial
	}
	if isDottedLetters(w) {
		return abbrevPlain
	}
	return notAbbrev
}

// isDottedLetters reports whether w is two or more single letters each
// followed by a period: "U.S.", "a.m.", "U.S.A.".
func isDottedLetters(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if asciiClass[w[i]]&cLetter == 0 || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// starters are the words after which a plain abbreviation ends a sentence.
var starters = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{})
	for line := range strings.Lines(startersTxt) {
		line = strings.TrimSpace(line)
		if line != "" && line[0] != '#' {
			m[line] = struct{}{}
		}
	}
	return m
})

// isStarter reports whether w commonly starts a sentence.
func isStarter(w string) bool {
	if len(w) == 0 || len(w) > 16 {
		return false
	}
	_, ok := starters()[w]
	return ok
}
