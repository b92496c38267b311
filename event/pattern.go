package event

import (
	"fmt"
	"strings"
)

// parsePattern reads a pattern's text: the part between "-" and "[code]".
func parsePattern(text string) (*Pattern, error) {
	body := strings.TrimSpace(text)
	toks, err := patternTokens(body)
	if err != nil {
		return nil, err
	}
	p := &Pattern{Text: body}
	star := -1
	for i, t := range toks {
		if t == "*" {
			if star >= 0 {
				return nil, fmt.Errorf("pattern %q has more than one *", body)
			}
			star = i
		}
	}
	if star < 0 {
		return nil, fmt.Errorf("pattern %q has no * for the verb", body)
	}
	if p.Pre, err = parseElems(toks[:star]); err != nil {
		return nil, fmt.Errorf("pattern %q: %v", body, err)
	}
	if p.Post, err = parseElems(toks[star+1:]); err != nil {
		return nil, fmt.Errorf("pattern %q: %v", body, err)
	}
	return p, nil
}

// patternTokens splits a pattern into tokens, keeping "{...}" and "(...)"
// groups whole and splitting "_"-joined words around a "*"
// ("WOULD_*_TALKS" → "WOULD", "*", "TALKS").
func patternTokens(s string) ([]string, error) {
	var toks []string
	depth, start := 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{' || c == '(':
			if depth == 0 && start < 0 {
				start = i
			}
			depth++
		case c == '}' || c == ')':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("unbalanced %q in %q", c, s)
			}
		case (c == ' ' || c == '\t') && depth == 0:
			if start >= 0 {
				toks = append(toks, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("unbalanced brackets in %q", s)
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	var out []string
	for _, t := range toks {
		if t[0] != '{' && t[0] != '(' && strings.Contains(t, "*") && t != "*" {
			for _, p := range strings.Split(t, "_") {
				if p != "" {
					out = append(out, p)
				}
			}
			continue
		}
		out = append(out, t)
	}
	return out, nil
}

// parseElems reads the elements of one side of a pattern.
func parseElems(toks []string) ([]Elem, error) {
	var out []Elem
	for _, t := range toks {
		e, err := parseElem(t)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func parseElem(t string) (Elem, error) {
	switch t {
	case "$":
		return Elem{Kind: ElemSource}, nil
	case "+":
		return Elem{Kind: ElemTarget}, nil
	case "%":
		return Elem{Kind: ElemCompound}, nil
	case "^":
		return Elem{Kind: ElemSkip}, nil
	}
	switch t[0] {
	case '(':
		inner := strings.TrimSpace(t[1 : len(t)-1])
		toks, err := patternTokens(inner)
		if err != nil {
			return Elem{}, err
		}
		if len(toks) == 0 || strings.ContainsAny(toks[0], "{(&$+%^") {
			return Elem{}, fmt.Errorf("prepositional phrase %q does not start with a preposition", t)
		}
		e := Elem{Kind: ElemPrep}
		for _, p := range strings.Split(toks[0], "/") {
			e.Preps = append(e.Preps, strings.ToLower(strings.ReplaceAll(p, "_", " ")))
		}
		if e.Object, err = parseElems(toks[1:]); err != nil {
			return Elem{}, err
		}
		return e, nil
	case '{':
		inner := strings.Fields(t[1 : len(t)-1])
		if len(inner) == 0 {
			return Elem{}, fmt.Errorf("empty phrase %q", t)
		}
		e := Elem{Kind: ElemWords}
		for _, w := range inner {
			for _, part := range strings.Split(w, "_") {
				if part != "" {
					e.Words = append(e.Words, parseWord(part))
				}
			}
		}
		return e, nil
	}
	if strings.ContainsAny(t, "{}()$+%^") {
		return Elem{}, fmt.Errorf("bad pattern word %q", t)
	}
	e := Elem{Kind: ElemWords}
	for _, part := range strings.Split(t, "_") {
		if part != "" {
			e.Words = append(e.Words, parseWord(part))
		}
	}
	if len(e.Words) == 0 {
		return Elem{}, fmt.Errorf("empty pattern word %q", t)
	}
	return e, nil
}

func parseWord(s string) Word {
	if strings.HasPrefix(s, "&") {
		return Word{Synset: strings.ToLower(strings.TrimRight(s[1:], "_"))}
	}
	var w Word
	for _, a := range strings.Split(s, "/") {
		if a != "" {
			w.Alts = append(w.Alts, strings.ToLower(a))
		}
	}
	return w
}

// synsets lists the synsets the pattern names.
func (p *Pattern) synsets() []string {
	var out []string
	var walk func([]Elem)
	walk = func(es []Elem) {
		for _, e := range es {
			for _, w := range e.Words {
				if w.Synset != "" {
					out = append(out, w.Synset)
				}
			}
			walk(e.Object)
		}
	}
	walk(p.Pre)
	walk(p.Post)
	return out
}
