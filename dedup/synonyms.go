package dedup

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

//go:embed data/synonyms.txt
var dataFS embed.FS

// maxPhrase bounds the length of a synonym phrase, in words.
const maxPhrase = 16

// Synonyms rewrites the phrases that spinners and house styles swap for
// one another ("Russian Federation", "Russia") into one canonical form
// before near-duplicates are compared. It is read from a data file (see
// [ParseSynonyms]); a Synonyms is immutable and safe for concurrent use.
type Synonyms struct {
	first  map[uint64][]phrase // by the hash of the phrase's first word, longest first
	scheme uint64              // identifies the table's content, see Scheme
	n      int
}

// A phrase is one left-hand side and its canonical words.
type phrase struct {
	words, canon []uint64
}

// DefaultSynonyms returns the table embedded from dedup/data/synonyms.txt,
// parsed on first use.
func DefaultSynonyms() (*Synonyms, error) { return defaultSynonyms() }

var defaultSynonyms = sync.OnceValues(func() (*Synonyms, error) {
	f, err := dataFS.Open("data/synonyms.txt")
	if err != nil {
		return nil, fmt.Errorf("dedup: default synonyms: %w", err)
	}
	defer f.Close()
	return ParseSynonyms("synonyms.txt", f)
})

// LoadSynonyms reads a synonyms file from disk; see ParseSynonyms.
func LoadSynonyms(path string) (*Synonyms, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("dedup: %w", err)
	}
	defer f.Close()
	return ParseSynonyms(path, f)
}

// ParseSynonyms reads a synonyms table. Each line is one or more phrases
// separated by "|", then "=>", then the canonical form:
//
//	Russian Federation | Russian Fed. => Russia
//	Latin America => Latin America   # blocks a shorter rewrite inside it
//
// Phrases are compared word by word after folding (case, diacritics,
// apostrophes) with punctuation ignored, so "U.S." is the phrase "u s".
// The longest phrase starting at a word wins, and a phrase mapped to
// itself protects its words from shorter phrases. A canonical form must
// not itself be rewritten by the table, so that rewriting twice changes
// nothing. '#' starts a comment. Every bad line is reported as
// "file:line: problem" in a [linefile.List]; the table is returned only
// when there is none.
func ParseSynonyms(name string, r io.Reader) (*Synonyms, error) {
	s := &Synonyms{first: map[uint64][]phrase{}}
	var errs linefile.List
	type seen struct {
		line  int
		canon string
	}
	lines := map[string]seen{}
	type canonAt struct {
		text  string
		words []uint64
		line  int
	}
	var canons []canonAt
	var buf []word
	var scratch []byte
	hashes := func(text string) []uint64 {
		buf, scratch = scanWords(buf[:0], text, scratch)
		h := make([]uint64, len(buf))
		for i, w := range buf {
			h[i] = w.hash
		}
		return h
	}
	sc := linefile.NewScanner(r, name)
	for sc.Scan() {
		line := sc.Text()
		lhs, rhs, ok := strings.Cut(line, "=>")
		if !ok {
			errs.Add(name, sc.Line(), `missing "=>" in %q`, line)
			continue
		}
		canonText := strings.TrimSpace(rhs)
		canon := hashes(canonText)
		switch {
		case strings.Contains(rhs, "=>"):
			errs.Add(name, sc.Line(), `more than one "=>"`)
			continue
		case len(canon) == 0:
			errs.Add(name, sc.Line(), "canonical form %q has no words", canonText)
			continue
		case len(canon) > maxPhrase:
			errs.Add(name, sc.Line(), "canonical form %q is longer than %d words", canonText, maxPhrase)
			continue
		}
		canons = append(canons, canonAt{canonText, canon, sc.Line()})
		for _, p := range strings.Split(lhs, "|") {
			p = strings.TrimSpace(p)
			words := hashes(p)
			switch {
			case p == "":
				errs.Add(name, sc.Line(), "empty phrase")
				continue
			case len(words) == 0:
				errs.Add(name, sc.Line(), "phrase %q has no words", p)
				continue
			case len(words) > maxPhrase:
				errs.Add(name, sc.Line(), "phrase %q is longer than %d words", p, maxPhrase)
				continue
			}
			key := fmt.Sprint(words)
			if prev, dup := lines[key]; dup {
				errs.Add(name, sc.Line(), "phrase %q is already listed at line %d (=> %s)", p, prev.line, prev.canon)
				continue
			}
			lines[key] = seen{sc.Line(), canonText}
			s.add(phrase{words: words, canon: canon})
		}
	}
	if err := sc.Err(); err != nil {
		var le *linefile.Error
		if errors.As(err, &le) {
			errs = append(errs, le)
		} else {
			errs.Add(name, 0, "%v", err)
		}
	}
	for _, c := range canons {
		got := s.rewrite(nil, wordsOf(c.words))
		if !slices.Equal(got, c.words) {
			errs.Add(name, c.line, "canonical form %q is itself rewritten by the table; write its final form", c.text)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Synonyms) add(p phrase) {
	h := combine(uint64(len(p.words)), 0)
	for _, w := range p.words {
		h = combine(h, w)
	}
	h = combine(h, uint64(len(p.canon)))
	for _, w := range p.canon {
		h = combine(h, w)
	}
	s.scheme += h // a sum, so that the order of the lines does not matter
	s.n++
	list := append(s.first[p.words[0]], p)
	// Longest first, so that rewrite takes the first that matches.
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	s.first[p.words[0]] = list
}

// Len returns the number of phrases.
func (s *Synonyms) Len() int { return s.n }

// Scheme returns a number that changes whenever the table's content does
// (the order of its lines aside): fingerprints made with two tables of
// different schemes do not compare.
func (s *Synonyms) Scheme() uint64 { return s.scheme }

// rewrite appends the canonical word hashes of ws to dst. A phrase never
// spans a line break.
func (s *Synonyms) rewrite(dst []uint64, ws []word) []uint64 {
	for i := 0; i < len(ws); {
		n, canon := s.match(ws[i:])
		if n == 0 {
			dst = append(dst, ws[i].hash)
			i++
			continue
		}
		dst = append(dst, canon...)
		i += n
	}
	return dst
}

// match returns the length of the longest phrase at the start of ws and
// its canonical words, or 0.
func (s *Synonyms) match(ws []word) (int, []uint64) {
	if s == nil {
		return 0, nil
	}
	cands := s.first[ws[0].hash]
next:
	for _, p := range cands {
		if len(p.words) > len(ws) {
			continue
		}
		for j := 1; j < len(p.words); j++ {
			if ws[j].hash != p.words[j] || ws[j].line != ws[0].line {
				continue next
			}
		}
		return len(p.words), p.canon
	}
	return 0, nil
}

func wordsOf(hashes []uint64) []word {
	ws := make([]word, len(hashes))
	for i, h := range hashes {
		ws[i] = word{hash: h}
	}
	return ws
}
