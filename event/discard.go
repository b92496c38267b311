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
	sentence, story []discard
}

type discard struct {
	phrase string // folded, without "+" and "_"
	whole  bool   // must end at a word boundary
}

// DefaultDiscards returns the embedded list (event/data/discards.txt).
func DefaultDiscards() (*Discards, error) { return defaultDiscards() }

var defaultDiscards = sync.OnceValues(func() (*Discards, error) {
	return ReadDiscards(bytes.NewReader(embedded("discards.txt")), "discards.txt")
})

// ReadDiscards reads a discard list; every bad line is reported.
func ReadDiscards(r io.Reader, name string) (*Discards, error) {
	d := &Discards{}
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
			d.story = append(d.story, discard{phrase, whole})
		} else {
			d.sentence = append(d.sentence, discard{phrase, whole})
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

func has(text string, list []discard) bool {
	for _, ds := range list {
		for i := 0; ; {
			k := strings.Index(text[i:], ds.phrase)
			if k < 0 {
				break
			}
			at := i + k
			end := at + len(ds.phrase)
			startOK := at == 0 || !isWordByte(text[at-1])
			endOK := !ds.whole || end == len(text) || !isWordByte(text[end])
			if startOK && endOK {
				return true
			}
			i = at + 1
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}
