package nlp

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Segmenter splits Doc.Text into sentences, tuned for English news:
//
//   - A period ends a sentence unless the word before it is an abbreviation
//     ("the U.S. said", "Gen. Smith"), an initial ("George W. Bush"), a list
//     number ("1. First item"), or the next word starts in lowercase. A plain
//     abbreviation such as "U.S." or "Inc." still ends a sentence when the
//     next word commonly starts one ("supplied by the U.S. The next day")
//     or starts a new line.
//   - "?", "!", "…" and runs such as "?!" or "..." end a sentence unless
//     the next word starts in lowercase.
//   - Closing quotes and brackets after the punctuation stay with the
//     sentence they close (`He said: "We will fight." Then ...`).
//   - A blank line always ends a sentence, so a headline set off by blank
//     lines is a sentence of its own. A single line break ends one before a
//     list item ("2) ...", "- ...") and after a line that looks like a
//     headline: no final punctuation, no dangling function word, and either
//     title case, or followed by a byline ("By ..."), a dateline or a much
//     longer line.
//   - Datelines ("DAMASCUS (Reuters) - Syrian forces ...") stay with their
//     first sentence: dashes never end a sentence.
//
// Annotate sets Doc.Sentences to byte spans that start and end on non-space
// characters, in order and non-overlapping; every byte that is not
// whitespace lies in exactly one sentence. First, Limit and MultiWords are
// left for the Tokenizer. The zero value is ready to use and a Segmenter is
// safe for concurrent use.
type Segmenter struct {
	// Abbreviations decides which periods end sentences; nil means
	// DefaultAbbreviations().
	Abbreviations *Abbreviations
}

// Annotate sets doc.Sentences.
func (s *Segmenter) Annotate(ctx context.Context, doc *Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ab := s.Abbreviations
	if ab == nil {
		ab = DefaultAbbreviations()
	}
	g := segmenter{text: doc.Text, ab: ab, start: -1, lineFirst: -1}
	g.run()
	doc.Sentences = g.out
	return nil
}

// segmenter holds the state of one pass over a text.
type segmenter struct {
	text string
	ab   *Abbreviations
	out  []Sentence
	// start is the first byte of the current sentence, or -1 until its
	// first non-space rune is seen.
	start int
	// end is the end of the last non-space rune seen.
	end int
	// lineFirst is the first non-space byte of the current line, or -1.
	lineFirst int
}

// emit closes the current sentence, if it has begun, at g.end.
func (g *segmenter) emit() {
	if g.start >= 0 {
		g.out = append(g.out, Sentence{Span: Span{g.start, g.end}})
		g.start = -1
	}
}

func (g *segmenter) run() {
	t := g.text
	if len(t) > 0 {
		// Most news sentences are 100–200 bytes long.
		g.out = make([]Sentence, 0, len(t)/128+1)
	}
	for i := 0; i < len(t); {
		// Fast path: ASCII letters, digits and most punctuation.
		if c := t[i]; c < utf8.RuneSelf && asciiClass[c]&cSpace == 0 && c != '.' && c != '?' && c != '!' {
			if g.start < 0 {
				g.start = i
			}
			if g.lineFirst < 0 {
				g.lineFirst = i
			}
			i++
			g.end = i
			continue
		}
		if n, para := newlineAt(t, i); n > 0 {
			g.newline(i+n, para)
			i += n
			g.lineFirst = -1
			continue
		}
		r, n := decode(t, i)
		if isSpace(r) {
			i += n
			continue
		}
		if g.start < 0 {
			g.start = i
		}
		if g.lineFirst < 0 {
			g.lineFirst = i
		}
		i += n
		if !isTerminal(r) {
			g.end = i
			continue
		}
		// A run of terminal punctuation, then closing quotes and brackets.
		p := i - n
		for i < len(t) {
			r, n := decode(t, i)
			if !isTerminal(r) {
				break
			}
			i += n
		}
		q := i
		for i < len(t) {
			r, n := decode(t, i)
			if !isCloser(r) {
				break
			}
			i += n
		}
		g.end = i
		if i < len(t) {
			if r, _ := decode(t, i); isSpace(r) && g.boundary(p, q, i) {
				g.emit()
			}
		}
	}
	g.emit()
}

// boundary reports whether the sentence ends after the terminal punctuation
// t[p:q] and the closing quotes and brackets t[q:j], which are followed by
// whitespace at t[j].
func (g *segmenter) boundary(p, q, j int) bool {
	t := g.text
	next, k, para := g.peek(j)
	if para {
		return true
	}
	if !canStartSentence(next) {
		return false
	}
	if t[p:q] != "." || j > q {
		// "?", "!", "...", or a period closed by a quote: `fight." Then`.
		return true
	}
	ws, ok := g.wordStart(p)
	if !ok {
		return true
	}
	if ws == g.start && isListLabel(t[ws:p]) {
		return false // "1. First item" is one sentence
	}
	for ws < p {
		r, n := decode(t, ws)
		if !isOpener(r) {
			break
		}
		ws += n
	}
	switch g.ab.kind(t[ws : p+1]) {
	case abbrevTitle, abbrevInner:
		return false
	case abbrevPlain:
		// A line break after "U.S." more often ends a paragraph than
		// wraps a line.
		return isStarter(wordAt(t, k)) || strings.ContainsAny(t[j:k], "\n\r\u2028\u0085")
	case abbrevInitial:
		w := wordAt(t, k)
		return len(w) > 1 && isStarter(w)
	}
	return true
}

// maxWordBack bounds the look back for the word before a period: longer
// words are never abbreviations or list labels.
const maxWordBack = 64

// wordStart returns the start of the space-delimited word ending at p, or
// false if it is longer than maxWordBack.
func (g *segmenter) wordStart(p int) (int, bool) {
	t := g.text
	ws := p
	for ws > 0 && p-ws <= maxWordBack {
		r, n := decodeLast(t, ws)
		if isSpace(r) {
			return ws, true
		}
		ws -= n
	}
	return ws, ws == 0
}

// peek looks past the whitespace at t[j] and any opening quotes and
// brackets. It returns the first other rune and its position, and para set
// if a blank line, a paragraph separator or the end of the text comes first.
func (g *segmenter) peek(j int) (r rune, k int, para bool) {
	t := g.text
	lines := 0
	for k = j; k < len(t); {
		if n, p := newlineAt(t, k); n > 0 {
			if lines++; p || lines > 1 {
				return 0, k, true
			}
			k += n
			continue
		}
		r, n := decode(t, k)
		if isSpace(r) {
			k += n
			continue
		}
		if isOpener(r) {
			k += n
			for k < len(t) {
				r, n = decode(t, k)
				if !isOpener(r) {
					return r, k, false
				}
				k += n
			}
			return 0, k, true
		}
		return r, k, false
	}
	return 0, k, true
}

// canStartSentence reports whether a sentence may begin with r: a capital,
// a letter of a script without case, a digit or a symbol, but not a
// lowercase letter or punctuation such as a comma or dash.
func canStartSentence(r rune) bool {
	switch {
	case r < 0x80:
		return asciiClass[r]&(cUpper|cDigit) != 0 || r == '$' || r == '#' || r == '@'
	case isLetter(r):
		return !unicode.IsLower(r)
	}
	return unicode.IsDigit(r) || unicode.IsSymbol(r)
}

// wordAt returns the run of letters at t[k:], at most 17 bytes of it (no
// starter is longer).
func wordAt(t string, k int) string {
	e := k
	for e < len(t) && e-k <= 16 {
		r, n := decode(t, e)
		if !isLetter(r) {
			break
		}
		e += n
	}
	return t[k:e]
}

// isListLabel reports whether w labels a list item when followed by "." or
// ")": one to three digits, a single letter, or a short roman numeral.
func isListLabel(w string) bool {
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	if len(w) == 1 && asciiClass[w[0]]&cLetter != 0 {
		return true
	}
	digits, roman := true, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		digits = digits && asciiClass[c]&cDigit != 0
		switch c {
		case 'i', 'v', 'x', 'I', 'V', 'X':
		default:
			roman = false
		}
	}
	return digits && len(w) <= 3 || roman
}

// newline decides whether the single line break ending at after ends the
// sentence. para is set for a paragraph separator.
func (g *segmenter) newline(after int, para bool) {
	if g.start < 0 {
		return
	}
	t := g.text
	k := after
	for k < len(t) {
		if n, _ := newlineAt(t, k); n > 0 {
			para = true // a blank line
			break
		}
		r, n := decode(t, k)
		if !isSpace(r) {
			break
		}
		k += n
	}
	if para || k == len(t) || g.listItemAt(k) {
		g.emit()
		return
	}
	if g.start == g.lineFirst && g.looksLikeHeadline(g.start, g.end, k) {
		g.emit()
	}
}

// listItemAt reports whether a list item starts at t[k]: a bullet ("-",
// "*", "•"), or a label ("1.", "2)", "(3)", "b)") followed by a space.
func (g *segmenter) listItemAt(k int) bool {
	t := g.text
	r, n := decode(t, k)
	spaceAt := func(i int) bool {
		if i >= len(t) {
			return false
		}
		r, _ := decode(t, i)
		return isSpace(r)
	}
	switch r {
	case '-', '*', '+', '•', '▪', '◦', '‣', '·':
		return spaceAt(k + n)
	case '(':
		k++
	}
	e := k
	for e < len(t) && e-k < 4 && asciiClass[t[e]]&(cLetter|cDigit) != 0 {
		e++
	}
	if e == k || e >= len(t) || !isListLabel(t[k:e]) {
		return false
	}
	if t[e] == ')' || t[e] == '.' && r != '(' && asciiClass[t[k]]&cDigit != 0 {
		return spaceAt(e + 1)
	}
	return false
}

// maxHeadline is the longest line, in bytes, taken for a headline.
const maxHeadline = 200

// looksLikeHeadline reports whether the line t[s:e], which has no blank line
// after it and whose next line starts at t[k], is a headline: short, not
// ending in punctuation or a function word, followed by a line that does not
// start in lowercase, and either in title case, followed by a byline or a
// dateline, or much shorter than the line after it. Hard-wrapped body text
// fails the last test because its lines have about the same length.
func (g *segmenter) looksLikeHeadline(s, e, k int) bool {
	t := g.text
	if e-s > maxHeadline {
		return false
	}
	last, _ := decodeLast(t, e)
	if isTerminal(last) || isOpener(last) && !isCloser(last) {
		return false
	}
	switch last {
	case ',', ';', ':', '-', '–', '—', '/', '&', '+', '=':
		return false
	}
	if next, _, _ := g.peek(k); !canStartSentence(next) {
		return false
	}
	words, capitalized := 0, 0
	var lastWord string
	for i := s; i < e; {
		r, n := decode(t, i)
		if isSpace(r) || !isLetter(r) && !isDigit(r) {
			i += n
			continue
		}
		ws := i
		for i < e {
			r, n := decode(t, i)
			if isSpace(r) {
				break
			}
			i += n
		}
		words++
		if isUpper(r) || isDigit(r) {
			capitalized++
		}
		lastWord = t[ws:i]
	}
	if words == 0 || words > 30 || isFunctionWord(lastWord) {
		return false
	}
	if capitalized*10 >= words*6 || g.bylineAt(k) || g.datelineAt(k) {
		return true
	}
	nextEnd := k
	for nextEnd < len(t) && nextEnd-k <= e-s+20 {
		if n, _ := newlineAt(t, nextEnd); n > 0 {
			break
		}
		nextEnd++
	}
	return nextEnd-k > e-s+20
}

// bylineAt reports whether a byline ("By Suleiman Al-Khalidi") starts at t[k].
func (g *segmenter) bylineAt(k int) bool {
	t := g.text[k:]
	return len(t) > 3 && (t[:3] == "By " || t[:3] == "BY ") && asciiClass[t[3]]&cUpper != 0
}

// datelineAt reports whether a dateline starts at t[k]: one to three words
// in capitals followed by a comma, a bracket or a dash ("AMMAN (Reuters) -",
// "BEIRUT, July 5 (AP) —", "UNITED NATIONS —").
func (g *segmenter) datelineAt(k int) bool {
	t := g.text
	i, letters := k, 0
	for range 3 {
		ws := i
		for i < len(t) && (asciiClass[t[i]]&cUpper != 0 || i > ws && (t[i] == '-' || t[i] == '.' || t[i] == '\'')) {
			i++
		}
		if i-ws < 2 || i >= len(t) {
			return false
		}
		letters += i - ws
		switch rest := t[i:]; {
		case rest[0] == ',':
			return letters >= 3
		case strings.HasPrefix(rest, " (") || strings.HasPrefix(rest, " -") ||
			strings.HasPrefix(rest, " —") || strings.HasPrefix(rest, " –"):
			return letters >= 3
		case rest[0] != ' ':
			return false
		}
		i++
	}
	return false
}

// isFunctionWord reports whether w, ending a line, shows that the sentence
// goes on: "in", "the", "and", "said".
func isFunctionWord(w string) bool {
	if len(w) > 9 {
		return false
	}
	var buf [9]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if asciiClass[c]&cUpper != 0 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(w)]) {
	case "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or",
		"but", "nor", "with", "by", "from", "as", "than", "that", "which",
		"who", "whom", "whose", "is", "are", "was", "were", "be", "been",
		"has", "have", "had", "will", "would", "can", "could", "should",
		"may", "might", "must", "its", "their", "his", "her", "our", "into",
		"onto", "over", "under", "after", "before", "between", "against",
		"about", "not", "said", "says", "told", "near", "this", "these",
		"those", "including", "while", "when", "where", "if", "because":
		return true
	}
	return false
}
