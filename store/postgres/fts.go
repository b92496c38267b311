package postgres

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"sitrep/store"
)

// The full-text index is made here, not by PostgreSQL's parser, so that
// it finds what SQLite's FTS5 finds, whatever the server's locale: a word
// is a run of letters and digits, folded to lower case, and the tsvector
// keeps its positions for phrases. PostgreSQL's default parser would
// drop "<grain>" as an XML tag and keep "example.org" as one host name.

// maxPos is the last word position a tsvector keeps, and maxPositions
// the most positions it keeps of one word.
const (
	maxPos       = 16383
	maxPositions = 256
)

// words returns the words of text, folded.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// tsvector returns the text form of the tsvector of text.
func tsvector(text string) string {
	pos := map[string][]int{}
	var order []string
	for i, w := range words(text) {
		p := min(i+1, maxPos)
		ps := pos[w]
		if ps == nil {
			order = append(order, w)
		}
		if len(ps) < maxPositions && (len(ps) == 0 || ps[len(ps)-1] != p) {
			pos[w] = append(ps, p)
		}
	}
	var b strings.Builder
	for i, w := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(lexeme(w))
		b.WriteByte(':')
		for j, p := range pos[w] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String()
}

// lexeme quotes a word for a tsvector or tsquery.
func lexeme(w string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), "'", "''") + "'"
}

// tsquery translates a full-text query in FTS5's syntax (words,
// "phrases", AND, OR, NOT, prefix*, parentheses; juxtaposition is AND;
// NOT binds tighter than AND, AND than OR) into the text of a tsquery.
func tsquery(q string) (string, error) {
	toks, err := lex(q)
	if err != nil {
		return "", fmt.Errorf("%w: text %q: %v", store.ErrQuery, q, err)
	}
	p := &parser{toks: toks}
	out, err := p.or()
	if err == nil && p.i < len(p.toks) {
		err = fmt.Errorf("unexpected %s", p.toks[p.i])
	}
	if err != nil {
		return "", fmt.Errorf("%w: text %q: %v", store.ErrQuery, q, err)
	}
	return out, nil
}

// A token is a word, phrase or operator of a query.
type token struct {
	kind   byte // 'w' term, '(' , ')', '&' AND, '|' OR, '!' NOT
	words  []string
	prefix bool
}

func (t token) String() string {
	switch t.kind {
	case 'w':
		return strconv.Quote(strings.Join(t.words, " "))
	case '&':
		return "AND"
	case '|':
		return "OR"
	case '!':
		return "NOT"
	}
	return string(t.kind)
}

func lex(q string) ([]token, error) {
	var toks []token
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')':
			toks = append(toks, token{kind: c})
			i++
		case c == '"':
			j := i + 1
			var b strings.Builder
			for {
				k := strings.IndexByte(q[j:], '"')
				if k < 0 {
					return nil, fmt.Errorf("unterminated phrase")
				}
				b.WriteString(q[j : j+k])
				j += k + 1
				if j < len(q) && q[j] == '"' { // "" is a quote
					b.WriteByte('"')
					j++
					continue
				}
				break
			}
			t := token{kind: 'w', words: words(b.String())}
			if j < len(q) && q[j] == '*' {
				t.prefix = true
				j++
			}
			if len(t.words) == 0 {
				return nil, fmt.Errorf("empty phrase")
			}
			toks = append(toks, t)
			i = j
		default:
			j := i
			for j < len(q) && !strings.ContainsRune(" \t\n\r()\"*", rune(q[j])) {
				j++
			}
			w := q[i:j]
			for _, r := range w {
				if r < 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
					return nil, fmt.Errorf("%q is not a word (quote it)", w)
				}
			}
			prefix := j < len(q) && q[j] == '*'
			if prefix {
				j++
			}
			if w == "" {
				return nil, fmt.Errorf("* without a word")
			}
			i = j
			if !prefix {
				switch w {
				case "AND":
					toks = append(toks, token{kind: '&'})
					continue
				case "OR":
					toks = append(toks, token{kind: '|'})
					continue
				case "NOT":
					toks = append(toks, token{kind: '!'})
					continue
				}
			}
			t := token{kind: 'w', words: words(w), prefix: prefix}
			if len(t.words) == 0 {
				return nil, fmt.Errorf("%q has no letters or digits", w)
			}
			toks = append(toks, t)
		}
	}
	if len(toks) == 0 {
		return nil, fmt.Errorf("no words")
	}
	return toks, nil
}

type parser struct {
	toks []token
	i    int
}

func (p *parser) peek() byte {
	if p.i < len(p.toks) {
		return p.toks[p.i].kind
	}
	return 0
}

func (p *parser) or() (string, error) {
	out, err := p.and()
	for err == nil && p.peek() == '|' {
		p.i++
		var r string
		if r, err = p.and(); err == nil {
			out = "(" + out + " | " + r + ")"
		}
	}
	return out, err
}

func (p *parser) and() (string, error) {
	out, err := p.not()
	for err == nil {
		switch p.peek() {
		case '&':
			p.i++
		case 'w', '(':
		default:
			return out, nil
		}
		var r string
		if r, err = p.not(); err == nil {
			out = "(" + out + " & " + r + ")"
		}
	}
	return out, err
}

func (p *parser) not() (string, error) {
	out, err := p.primary()
	for err == nil && p.peek() == '!' {
		p.i++
		var r string
		if r, err = p.primary(); err == nil {
			out = "(" + out + " & !" + r + ")"
		}
	}
	return out, err
}

func (p *parser) primary() (string, error) {
	if p.i >= len(p.toks) {
		return "", fmt.Errorf("unexpected end")
	}
	t := p.toks[p.i]
	p.i++
	switch t.kind {
	case 'w':
		parts := make([]string, len(t.words))
		for i, w := range t.words {
			parts[i] = lexeme(w)
		}
		if t.prefix {
			parts[len(parts)-1] += ":*"
		}
		return "(" + strings.Join(parts, " <-> ") + ")", nil
	case '(':
		out, err := p.or()
		if err != nil {
			return "", err
		}
		if p.peek() != ')' {
			return "", fmt.Errorf("unbalanced (")
		}
		p.i++
		return out, nil
	}
	return "", fmt.Errorf("unexpected %s", t)
}
