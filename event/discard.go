package event

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"sync"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

// Discards are phrases that mark text not to code: sports results,
// historical chronologies. PETRARCH's format, one phrase a line: a leading
// "+" discards the whole story, else only the sentence; a trailing "_"
// makes the phrase end at a word boundary, else it is a stem ("BASEBALL"
// also matches "baseballs"). Matching ignores case and diacritics and
// starts at a word boundary.
type Discards struct {
	sentence, story discardSet
}

type discard struct {
	phrase string // folded, without "+" and "_"
	whole  bool   // must end at a word boundary
}

// A discardSet holds phrases by their first keyLen bytes (all of a
// shorter phrase), so that a text is scanned once, looking up each word's
// start, instead of once per phrase.
type discardSet map[string][]discard

const keyLen = 4

func (ds discardSet) add(d discard) {
	k := d.phrase[:min(keyLen, len(d.phrase))]
	ds[k] = append(ds[k], d)
}

// DefaultDiscards returns the embedded list (event/data/discards.txt).
func DefaultDiscards() (*Discards, error) { return defaultDiscards() }

var defaultDiscards = sync.OnceValues(func() (*Discards, error) {
	return ReadDiscards(bytes.NewReader(embedded("discards.txt")), "discards.txt")
})

// ReadDiscards reads a discard list; every bad line is reported.
func ReadDiscards(r io.Reader, name string) (*Discards, error) {
	d := &Discards{sentence: discardSet{}, story: discardSet{}}
	var errs linefile.List
	sc := linefile.NewScanner(bufio.NewReader(r), name)
	for sc.Scan() {
		text := sc.Text()
		story := strings.HasPrefix(text, "+")
		text = strings.TrimSpace(strings.TrimPrefix(text, "+"))
		whole := strings.HasSuffix(text, "_")
		text = strings.TrimSuffix(text, "_")
		phrase := nlp.Fold(strings.ReplaceAll(text, "_", " "))
		if phrase == "" {
			errs.Add(name, sc.Line(), "empty discard phrase")
			continue
		}
		if story {
			d.story.add(discard{phrase, whole})
		} else {
			d.sentence.add(discard{phrase, whole})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	return d, errs.Err()
}

// Story reports whether text has a story-level discard phrase.
func (d *Discards) Story(text string) bool { return d != nil && has(nlp.Fold(text), d.story) }

// Sentence reports whether text has a sentence-level discard phrase.
func (d *Discards) Sentence(text string) bool {
	return d != nil && has(nlp.Fold(text), d.sentence)
}

func has(text string, set discardSet) bool {
	if len(set) == 0 {
		return false
	}
	for at := range len(text) {
		if at > 0 && isWordByte(text[at-1]) {
			continue // phrases start at a word boundary
		}
		for k := 1; k <= keyLen && at+k <= len(text); k++ {
			for _, ds := range set[text[at:at+k]] {
				end := at + len(ds.phrase)
				if strings.HasPrefix(text[at:], ds.phrase) &&
					(!ds.whole || end == len(text) || !isWordByte(text[end])) {
					return true
				}
			}
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}
