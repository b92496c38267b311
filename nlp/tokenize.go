package nlp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNoSentences is returned by Tokenizer.Annotate for a text that has
// words but no sentences: a Segmenter must run first.
var ErrNoSentences = errors.New("nlp: tokenize: text has no sentences; run a Segmenter first")

// A Tokenizer splits each sentence of a Doc into tokens the way UD English
// EWT does, so that the tagger and parser see the words they were trained
// on:
//
//   - Punctuation is split off: commas, quotes, brackets, colons,
//     semicolons, the final period. Runs such as "...", "?!", "--", "***"
//     and a pair of single quotes are one token; "$", "€" and "%" are
//     tokens of their own ("$" "1.5", "10" "%"), and so are "am" and "pm"
//     after a time ("5" "pm").
//   - Clitics are split off and the surface word is recorded as a
//     MultiWord: "don't" = "do" "n't", "won't" = "wo" "n't", "can't" =
//     "ca" "n't", "Bush's" = "Bush" "'s", "rebels'" = "rebels" "'",
//     "I'm", "'re", "'ve", "'ll", "'d", "cannot" = "can" "not", "gonna" =
//     "gon" "na", "wanna", "gotta"; curly apostrophes (’) too. "'re",
//     "'ve", "'ll" and "'d" split only after pronouns and modals, so that
//     names such as "Sa'd" stay whole, and "'s" not after digits ("1990's").
//   - Kept whole: numbers ("1,200", "2.5", "9/11", "10:30", "2018-07-04"),
//     URLs, e-mail addresses, "AT&T", words with inner apostrophes
//     ("O'Brien"), hashtags, and abbreviations with their period ("U.S.",
//     "e.g.", "Gen.", "pro-U.S.-backed"). A period that ends the sentence
//     is split off even after an abbreviation ("in the U.S." gives "U.S"
//     "."), as EWT does; see KeepFinalPeriod.
//
// One departure from EWT, on purpose: EWT splits most hyphenated words
// ("al" "-" "Assad"); news is full of hyphenated names and compounds
// ("al-Qaida-linked", "carrot-and-stick", "Israeli-occupied") that actor and
// place dictionaries match as one string, so a hyphen between two word
// characters never splits. Web-only EWT habits ("dont" = "do" "nt", "its" =
// "it" "s") are not copied either.
//
// Annotate sets Doc.Tokens and each sentence's First, Limit and MultiWords.
// Tokens are byte spans of Doc.Text with Form == Text[Start:End]; together
// they cover every byte of the sentences that is not whitespace, and no
// token holds whitespace. The zero value is ready to use and a Tokenizer is
// safe for concurrent use.
type Tokenizer struct {
	// Abbreviations lists the words that keep their final period; nil
	// means DefaultAbbreviations().
	Abbreviations *Abbreviations
	// KeepFinalPeriod keeps the period that ends a sentence in the
	// abbreviation before it: "in the U.S." ends in the token "U.S.". The
	// default, false, splits it off as EWT does in 53 of its 56 such
	// sentences ("U.S" "."), so that the tagger and parser see the final
	// punctuation they were trained on.
	KeepFinalPeriod bool
}

// Annotate sets doc.Tokens and the token ranges of doc.Sentences.
func (tk *Tokenizer) Annotate(ctx context.Context, doc *Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t := doc.Text
	if len(doc.Sentences) == 0 {
		doc.Tokens = nil
		if strings.TrimFunc(t, isSpace) != "" {
			return ErrNoSentences
		}
		return nil
	}
	ab := tk.Abbreviations
	if ab == nil {
		ab = DefaultAbbreviations()
	}
	// News averages about one token per five bytes.
	z := tokenizer{text: t, ab: ab, keepFinal: tk.KeepFinalPeriod, toks: make([]Token, 0, len(t)/5+8)}
	prev := 0
	for i := range doc.Sentences {
		if i%1024 == 1023 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s := &doc.Sentences[i]
		if s.Start < prev || s.End < s.Start || s.End > len(t) {
			return fmt.Errorf("nlp: tokenize: sentence %d span [%d, %d) out of order or outside the text (%d bytes)", i, s.Start, s.End, len(t))
		}
		prev = s.End
		s.First = len(z.toks)
		mw := len(z.mws)
		z.sentence(s.Start, s.End)
		s.Limit = len(z.toks)
		s.MultiWords = nil
		if len(z.mws) > mw {
			// Later appends may move z.mws, but this slice keeps the
			// values it was given.
			s.MultiWords = z.mws[mw:len(z.mws):len(z.mws)]
		}
	}
	doc.Tokens = z.toks
	return nil
}

// tokenizer holds the state of one pass over a text.
type tokenizer struct {
	text      string
	ab        *Abbreviations
	keepFinal bool
	toks      []Token
	mws       []MultiWord
}

func (z *tokenizer) emit(s, e int) {
	z.toks = append(z.toks, Token{Span: Span{s, e}, Form: z.text[s:e]})
}

// multiWord records t[s:e], the surface of the tokens from first on.
func (z *tokenizer) multiWord(s, e, first int) {
	z.mws = append(z.mws, MultiWord{Span: Span{s, e}, First: first, Limit: len(z.toks), Form: z.text[s:e]})
}

// sentence tokenizes t[ss:se] one whitespace-delimited chunk at a time.
func (z *tokenizer) sentence(ss, se int) {
	t := z.text
	for i := ss; i < se; {
		r, n := decode(t, i)
		if isSpace(r) {
			i += n
			continue
		}
		e := i + n
		for e < se {
			if c := t[e]; c < utf8.RuneSelf {
				if asciiClass[c]&cSpace != 0 {
					break
				}
				e++
				continue
			}
			r, n := decode(t, e)
			if isSpace(r) {
				break
			}
			e += n
		}
		z.chunk(i, e, se)
		i = e
	}
}

// chunk tokenizes t[a:b], a run of non-space runes in a sentence ending at se.
func (z *tokenizer) chunk(a, b, se int) {
	t := z.text
	// quoted is set when the chunk opens with a single quote, after other
	// opening quotes and brackets if any, so that a final "'" closes the
	// quotation instead of marking a possessive.
	quoted, lead := false, true
	for i := a; i < b; {
		r, n := decode(t, i)
		if !isOpener(r) {
			lead = false
		}
		if isWordRune(r, n) {
			if hasURLPrefix(t[i:b]) {
				e := urlEnd(t, i, b)
				z.emit(i, e)
				i = e
				continue
			}
			i = z.word(i, z.scanWord(i, b, se), b, quoted)
			continue
		}
		e := i + n
		switch r {
		case '.', '?', '!':
			// "...", "?!", ".?", "!!!": one token per run.
			for e < b && (t[e] == '.' || t[e] == '?' || t[e] == '!') {
				e++
			}
		case '#', '@':
			// Hashtags and handles: "#Syria", "@UN" (but "#" "1").
			if e < b {
				if r2, n2 := decode(t, e); r == '@' && isWordRune(r2, n2) || isLetter(r2) {
					i = z.word(i, z.scanWord(e, b, se), b, quoted)
					continue
				}
			}
			e = sameRun(t, e, b, byte(r))
		case ':', ';':
			if i == a {
				e = emoticonEnd(t, i, b)
			}
		case '\'', '’', '‘':
			if e = apostropheEnd(t, i, e, b); e > i+n {
				break // "'s", "'72", "''"
			}
			if lead && r != '’' {
				quoted = true
			}
		case '-', '=', '*', '~', '_', '+', '<', '>', '^', '`', '|', '/', '\\':
			// "--", "==", "***", ">>": one token per run.
			e = sameRun(t, e, b, byte(r))
		default:
			if unicode.In(r, unicode.So, unicode.Sk) {
				e = symbolEnd(t, e, b, r)
			}
		}
		z.emit(i, e)
		i = e
	}
}

// scanWord returns the end of the word starting at t[i], within the chunk
// ending at b of the sentence ending at se. A word is a run of word runes
// joined by connectors that have word runes on both sides: hyphens
// ("al-Assad"), periods before a letter or digit ("U.S", "2.5",
// "www.un.org"), commas, slashes and colons between digits ("1,200", "9/11",
// "10:30"), apostrophes between letters ("O'Brien", "don't"), "&" between
// capitals ("AT&T") and "@" ("press@un.org"). An abbreviation also keeps
// its final period.
func (z *tokenizer) scanWord(i, b, se int) int {
	t := z.text
	j := i
	seg := i // start of the current hyphen-separated part
	var prev rune
	for {
		for j < b {
			if c := t[j]; c < utf8.RuneSelf {
				if asciiClass[c]&(cLetter|cDigit) == 0 && c != '_' {
					break
				}
				prev = rune(c)
				j++
				continue
			}
			r, n := decode(t, j)
			if !isWordRune(r, n) {
				break
			}
			prev = r
			j += n
		}
		if j >= b {
			return j
		}
		switch c := t[j]; c {
		case '-':
			if wordRuneAt(t, j+1, b) {
				j++
				seg = j
				continue
			}
		case 0xE2: // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, U+2019 ’
			if j+2 < b && t[j+1] == 0x80 {
				switch t[j+2] {
				case 0x90, 0x91:
					if wordRuneAt(t, j+3, b) {
						j += 3
						seg = j
						continue
					}
				case 0x99:
					if (isLetter(prev) || isDigit(prev)) && letterAt(t, j+3, b) {
						j += 3
						continue
					}
				}
			}
		case '.':
			if j+1 < b && asciiClass[t[j+1]]&(cLetter|cDigit) != 0 {
				j++
				continue
			}
			if z.keepsPeriod(seg, j, se) {
				j++ // and go on: "U.S.-backed", "U.N.'s"
				continue
			}
		case ',', '/', ':':
			if isDigit(prev) && j+1 < b && asciiClass[t[j+1]]&cDigit != 0 {
				j++
				continue
			}
		case '\'':
			if (isLetter(prev) || isDigit(prev)) && letterAt(t, j+1, b) {
				j++
				continue
			}
		case '&':
			if isUpper(prev) && j+1 < b && asciiClass[t[j+1]]&cUpper != 0 {
				j++
				continue
			}
		case '@':
			if wordRuneAt(t, j+1, b) {
				j++
				continue
			}
		}
		return j
	}
}

// keepsPeriod reports whether the period at t[j] belongs to the word part
// t[seg:j]: it does after an abbreviation or an initial, unless it ends the
// sentence ("in the U.S." is "U.S" ".", "Plan B." is "B" "."; with
// keepFinal an abbreviation keeps it there too).
func (z *tokenizer) keepsPeriod(seg, j, se int) bool {
	switch z.ab.kind(z.text[seg : j+1]) {
	case notAbbrev:
		return false
	case abbrevInitial:
		return !z.endsSentence(j+1, se)
	}
	return z.keepFinal || !z.endsSentence(j+1, se)
}

// endsSentence reports whether only closing quotes and brackets follow
// t[k] in the sentence ending at se.
func (z *tokenizer) endsSentence(k, se int) bool {
	for k < se {
		r, n := decode(z.text, k)
		if !isCloser(r) {
			return false
		}
		k += n
	}
	return true
}

// word emits the word t[i:j] of the chunk ending at b, split into clitics
// where it has them, and returns where the chunk goes on: after j, or after
// the apostrophe of a plural possessive ("rebels'").
func (z *tokenizer) word(i, j, b int, quoted bool) int {
	t := z.text
	first := len(z.toks)
	if cut := wholeWordCut(t[i:j]); cut > 0 {
		z.emit(i, i+cut)
		z.emit(i+cut, j)
		z.multiWord(i, j, first)
		return j
	}
	// Up to two clitics from the end: "could've", "shouldn't've".
	var cuts [2]int
	nc := 0
	for e := j; nc < len(cuts); nc++ {
		n := cliticLen(t[i:e])
		if n == 0 {
			break
		}
		e -= n
		cuts[nc] = e
	}
	if nc > 0 {
		s := i
		for c := nc - 1; c >= 0; c-- {
			z.emit(s, cuts[c])
			s = cuts[c]
		}
		z.emit(s, j)
		z.multiWord(i, j, first)
		return j
	}
	if !quoted && j-i >= 2 && (t[j-1] == 's' || t[j-1] == 'S') && j < b {
		if r, n := decode(t, j); isApostrophe(r) && !wordRuneAt(t, j+n, b) {
			z.emit(i, j)
			z.emit(j, j+n)
			z.multiWord(i, j+n, first)
			return j + n
		}
	}
	if k := clockSuffix(t[i:j]); k > 0 {
		z.emit(i, i+k)
		z.emit(i+k, j)
		return j
	}
	z.emit(i, j)
	return j
}

// clockSuffix returns where "am" or "pm" starts in a time such as "5pm" or
// "7:30PM", which EWT splits into two tokens, or 0.
func clockSuffix(w string) int {
	n := len(w) - 2
	if n < 1 || !strings.EqualFold(w[n:], "am") && !strings.EqualFold(w[n:], "pm") {
		return 0
	}
	for k := 0; k < n; k++ {
		if asciiClass[w[k]]&cDigit == 0 && (w[k] != ':' || k == 0) {
			return 0
		}
	}
	return n
}

// sameRun returns the end of the run of byte c that continues at t[e].
func sameRun(t string, e, b int, c byte) int {
	for e < b && t[e] == c {
		e++
	}
	return e
}

// emoticonEnd returns the end of the emoticon (":)", ";-)", ":D") that is
// the whole chunk t[i:b], or i+1 if there is none.
func emoticonEnd(t string, i, b int) int {
	switch t[i+1 : b] {
	case ")", "(", "D", "P", "p", "/", "|", "-)", "-(", "-D", "-P", "'(":
		return b
	}
	return i + 1
}

// apostropheEnd returns the end of the token that starts with the
// apostrophe or single quote t[i:e] in a chunk ending at b: a run of the
// same quote (two straight ones as a double quote), a clitic standing alone
// ("FERC 's"), or a year ("'72", "'90s").
// It returns e when the apostrophe stands alone.
func apostropheEnd(t string, i, e, b int) int {
	if q := t[i:e]; strings.HasPrefix(t[e:b], q) {
		for strings.HasPrefix(t[e:b], q) {
			e += len(q)
		}
		return e
	}
	k := e
	for k < b && asciiClass[t[k]]&cDigit != 0 {
		k++
	}
	if k > e {
		if k < b && t[k] == 's' {
			k++ // '90s
		}
		if !wordRuneAt(t, k, b) {
			return k
		}
		return e
	}
	for k < b && k-e < 2 && asciiClass[t[k]]&cLetter != 0 {
		k++
	}
	if k > e && !wordRuneAt(t, k, b) && cliticLen("I"+t[i:k]) == k-i {
		return k // 's, 're, 'll, 've, 'm, 'd
	}
	return e
}

// wholeWordCut returns where to split a word that is two syntactic words
// without an apostrophe ("cannot" = "can" "not"), or 0.
func wholeWordCut(w string) int {
	if len(w) != 5 && len(w) != 6 {
		return 0
	}
	for _, s := range [...]string{"cannot", "gonna", "wanna", "gotta"} {
		if strings.EqualFold(w, s) {
			return 3
		}
	}
	return 0
}

// cliticLen returns the length of the clitic at the end of w ("n't", "'s",
// "'m", "'re", "'ve", "'ll", "'d", with a straight or curly apostrophe), or
// 0. "'s" follows any word; "'m" only "I"; the others only pronouns and
// modals ("we're", "could've"), so that names such as "Sa'd" stay whole.
func cliticLen(w string) int {
	n := len(w)
	if tail := w[max(0, n-6):]; strings.IndexByte(tail, '\'') < 0 && !strings.Contains(tail, "’") {
		return 0
	}
	if n >= 4 && (w[n-1] == 't' || w[n-1] == 'T') {
		for _, ap := range [...]string{"'", "’"} {
			m := len(ap) + 2
			if n > m && strings.HasSuffix(w[:n-1], ap) && (w[n-m] == 'n' || w[n-m] == 'N') &&
				asciiClass[w[n-m-1]]&cLetter != 0 {
				return m
			}
		}
	}
	for _, suf := range [...]string{"s", "m", "d", "re", "ve", "ll"} {
		if n <= len(suf) || !strings.EqualFold(w[n-len(suf):], suf) {
			continue
		}
		stem := w[:n-len(suf)]
		switch {
		case strings.HasSuffix(stem, "'"):
			stem = stem[:len(stem)-1]
		case strings.HasSuffix(stem, "’"):
			stem = stem[:len(stem)-len("’")]
		default:
			return 0
		}
		if stem == "" {
			return 0
		}
		if r, _ := decodeLast(stem, len(stem)); !isLetter(r) && (r != '.' || suf != "s") {
			return 0 // "the 1990's" is one token in EWT; "U.N.'s" is two
		}
		switch suf {
		case "s":
		case "m":
			if stem != "I" && stem != "i" {
				return 0
			}
		case "ve":
			// "could've", and after another clitic: "shouldn't've", "I'd've".
			if !takesClitic(stem) && (len(stem) > 12 || cliticLen(stem) == 0) {
				return 0
			}
		default:
			if !takesClitic(stem) {
				return 0
			}
		}
		return n - len(stem)
	}
	return 0
}

// cliticHosts are the words, in lowercase, that take "'re", "'ve", "'ll"
// and "'d".
var cliticHosts = map[string]bool{
	"i": true, "you": true, "we": true, "they": true, "he": true, "she": true,
	"it": true, "who": true, "what": true, "that": true, "there": true,
	"here": true, "where": true, "how": true, "why": true, "when": true,
	"this": true, "everyone": true, "someone": true, "nobody": true,
	"could": true, "would": true, "should": true, "might": true, "must": true,
	"may": true, "will": true,
}

func takesClitic(w string) bool {
	if len(w) > 8 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if asciiClass[c]&cUpper != 0 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return cliticHosts[string(buf[:len(w)])]
}

// hasURLPrefix reports whether s starts a URL: a scheme or "www.".
func hasURLPrefix(s string) bool {
	for _, p := range [...]string{"http://", "https://", "ftp://", "www."} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// urlEnd returns the end of the URL starting at t[i] in the chunk ending at
// b: the rest of the chunk less trailing punctuation, and less closing
// brackets the URL did not open ("(see http://x.org/a_(b))").
func urlEnd(t string, i, b int) int {
	var unclosed [3]int // "()", "[]", "{}": opened less closed
	for k := i; k < b; k++ {
		switch t[k] {
		case '(':
			unclosed[0]++
		case ')':
			unclosed[0]--
		case '[':
			unclosed[1]++
		case ']':
			unclosed[1]--
		case '{':
			unclosed[2]++
		case '}':
			unclosed[2]--
		}
	}
	e := b
	for e > i+1 {
		switch c := t[e-1]; c {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '>':
			e--
			continue
		case ')', ']', '}':
			k := strings.IndexByte(")]}", c)
			if unclosed[k] < 0 {
				unclosed[k]++
				e--
				continue
			}
			return e
		}
		if r, n := decodeLast(t, e); isCloser(r) && r >= 0x80 {
			e -= n
			continue
		}
		return e
	}
	return e
}

// symbolEnd returns the end of the emoji or symbol r that ends at e, in a
// chunk ending at b: it takes combining marks, variation selectors, skin
// tones, a second regional indicator (flags), and symbols joined by ZWJ.
func symbolEnd(t string, e, b int, r rune) int {
	if isRegionalIndicator(r) && e < b {
		if r2, n := decode(t, e); isRegionalIndicator(r2) {
			e += n
		}
	}
	for e < b {
		r2, n := decode(t, e)
		switch {
		case r2 == 0x200D: // ZWJ
			e += n
			if e < b {
				if r3, n3 := decode(t, e); unicode.Is(unicode.So, r3) {
					e += n3
				}
			}
		case r2 >= 0x1F3FB && r2 <= 0x1F3FF, unicode.IsMark(r2):
			e += n
		default:
			return e
		}
	}
	return e
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// wordRuneAt reports whether a word rune starts at t[k], k < b.
func wordRuneAt(t string, k, b int) bool {
	if k >= b {
		return false
	}
	r, n := decode(t, k)
	return isWordRune(r, n)
}

// letterAt reports whether a letter starts at t[k], k < b.
func letterAt(t string, k, b int) bool {
	if k >= b {
		return false
	}
	r, _ := decode(t, k)
	return isLetter(r)
}
