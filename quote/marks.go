package quote

import (
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// A marked is a direct quote found by its marks: from its first opening
// mark to its last closing mark, and the quoted words of each paragraph it
// runs over.
type marked struct {
	span  nlp.Span
	parts []nlp.Span
}

// paragraphs splits text into paragraphs. The first line (the title of an
// article read by package article) is always a paragraph of its own.
// After it, paragraphs end at blank lines when the text has any, and at
// every line break when it has none (one paragraph a line); a text with
// blank lines keeps its single line breaks inside paragraphs, since it is
// likely hard-wrapped.
func paragraphs(text string) []nlp.Span {
	var out []nlp.Span
	start := 0
	// The title.
	if i := indexByte(text, 0, '\n'); i >= 0 {
		out = appendPara(out, text, 0, i)
		start = i + 1
	}
	blank := hasBlankLine(text, start)
	lineStart := start
	for i := start; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		if !blank || onlySpace(text[lineStart:i]) {
			out = appendPara(out, text, start, i)
			start = i + 1
		}
		lineStart = i + 1
	}
	return appendPara(out, text, start, len(text))
}

// appendPara adds text[start:end] as a paragraph unless it is only white
// space.
func appendPara(out []nlp.Span, text string, start, end int) []nlp.Span {
	if start < end && !onlySpace(text[start:end]) {
		out = append(out, nlp.Span{Start: start, End: end})
	}
	return out
}

func indexByte(s string, from int, c byte) int {
	for i := from; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// hasBlankLine reports whether text[from:] has a line with only white
// space between two line breaks.
func hasBlankLine(text string, from int) bool {
	prev := -1
	for i := from; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		if prev >= 0 && onlySpace(text[prev+1:i]) {
			return true
		}
		prev = i
	}
	return false
}

func onlySpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// A mark's direction: whether its neighbours let it open or close a quote.
type direction uint8

const (
	either direction = iota // spaces on both sides, or letters on both
	opens
	closes
)

// markAt reports whether text[i:] starts with a double quotation mark, its
// length, and which way it faces. Straight marks face the way their
// neighbours say; curly ones the way they are drawn unless their
// neighbours clearly say otherwise (“ used as a closing mark after a word).
// Single marks are never quotation marks here: ' and ’ are apostrophes
// far more often, and quotes within quotes stay inside the outer quote.
func markAt(text string, i, lo, hi int) (n int, dir direction, ok bool) {
	var drawn direction
	switch {
	case text[i] == '"':
		n, drawn = 1, either
	case hasPrefixAt(text, i, "“"):
		n, drawn = len("“"), opens
	case hasPrefixAt(text, i, "”"):
		n, drawn = len("”"), closes
	default:
		return 0, 0, false
	}
	before, after := ' ', ' '
	if i > lo {
		before, _ = utf8.DecodeLastRuneInString(text[lo:i])
	}
	if i+n < hi {
		after, _ = utf8.DecodeRuneInString(text[i+n : hi])
	}
	canOpen := openingContext(before) && !unicode.IsSpace(after) && !closingPunct(after)
	canClose := !unicode.IsSpace(before) && !openingPunct(before) && (unicode.IsSpace(after) || closingPunct(after))
	switch {
	case canOpen && !canClose:
		dir = opens
	case canClose && !canOpen:
		dir = closes
	default:
		dir = drawn
	}
	return n, dir, true
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

// openingContext: what may come before an opening mark.
func openingContext(r rune) bool { return unicode.IsSpace(r) || openingPunct(r) }

func openingPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':', '‘', '\'':
		return true
	}
	return false
}

// closingPunct: what may come after a closing mark.
func closingPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '’', '\'', '…':
		return true
	}
	return false
}

// pairMarks finds the direct quotes of text: double quotation marks
// paired within a paragraph, and quotes that run on into the next
// paragraph by the news convention (the closing mark left out at the end
// of a paragraph and the next one opening with a mark). An opening mark
// that is never closed, and a closing mark that was never opened, make no
// quote; nor do marks with no words between them ("").
func pairMarks(text string) []marked {
	var out []marked
	var carried *marked // a quote left open at the end of the last paragraph
	for pi, p := range paragraphs(text) {
		open := -1 // the offset of the current opening mark
		openLen := 0
		first := true // no mark seen yet in this paragraph
		lead := firstNonSpace(text, p)
		for i := p.Start; i < p.End; {
			n, dir, ok := markAt(text, i, p.Start, p.End)
			if !ok {
				_, size := utf8.DecodeRuneInString(text[i:p.End])
				i += size
				continue
			}
			if carried != nil && first && !(i == lead && dir != closes) {
				carried = nil // the paragraph does not carry the quote on
			}
			first = false
			switch {
			case open < 0 && dir != closes:
				open, openLen = i, n
			case open < 0:
				// A stray closing mark.
			case dir == opens:
				// A second opening mark: the first was never closed.
				if carried != nil && open == lead {
					carried = nil
				}
				open, openLen = i, n
			default:
				part := trimPart(text, nlp.Span{Start: open + openLen, End: i})
				if carried != nil && open == lead {
					carried.parts = append(carried.parts, part)
					carried.span.End = i + n
					out = appendMarked(out, text, *carried)
					carried = nil
				} else {
					out = appendMarked(out, text, marked{
						span:  nlp.Span{Start: open, End: i + n},
						parts: []nlp.Span{part},
					})
				}
				open = -1
			}
			i += n
		}
		if first {
			carried = nil
		}
		if open < 0 || pi == 0 && p.Start == 0 && p.End < len(text) {
			// Nothing left open, or a title, which never runs on.
			carried = nil
			continue
		}
		// The quote runs to the end of the paragraph: it is carried into
		// the next one if that opens with a mark.
		part := trimPart(text, nlp.Span{Start: open + openLen, End: p.End})
		if carried != nil && open == lead {
			carried.parts = append(carried.parts, part)
			carried.span.End = p.End
		} else {
			carried = &marked{span: nlp.Span{Start: open, End: p.End}, parts: []nlp.Span{part}}
		}
	}
	return out
}

// appendMarked adds m unless none of its parts has a letter or digit.
func appendMarked(out []marked, text string, m marked) []marked {
	parts := m.parts[:0:0]
	for _, p := range m.parts {
		if hasWord(text[p.Start:p.End]) {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return out
	}
	m.parts = parts
	return append(out, m)
}

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func firstNonSpace(text string, p nlp.Span) int {
	for i, r := range text[p.Start:p.End] {
		if !unicode.IsSpace(r) {
			return p.Start + i
		}
	}
	return p.End
}

// trimPart trims white space from both ends of s, and the comma that news
// style puts inside a closing mark ("We will fight," he said): it belongs
// to the sentence around the quote, not to the quoted words.
func trimPart(text string, s nlp.Span) nlp.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.Start < s.End {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		s.End -= n
	}
	return s
}
