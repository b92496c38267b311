package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// validCoNLLU checks what a scorer relies on: ten tab-separated columns,
// word ids 1..n in order, multiword ranges over the next words, heads in
// range, exactly one root whose relation is root, and no cycles.
func validCoNLLU(text string) error {
	if text == "" {
		return fmt.Errorf("no output")
	}
	if !strings.HasSuffix(text, "\n\n") {
		return fmt.Errorf("the last sentence does not end with a blank line")
	}
	for i, block := range strings.Split(strings.TrimSuffix(text, "\n\n"), "\n\n") {
		if err := validSentence(block); err != nil {
			return fmt.Errorf("sentence %d: %w", i+1, err)
		}
	}
	return nil
}

func validSentence(block string) error {
	var heads []int
	var rels []string
	nextMulti := 0 // the id a multiword range must start at, 0 if none pending
	for _, line := range strings.Split(block, "\n") {
		if strings.HasPrefix(line, "#") {
			if len(heads) > 0 {
				return fmt.Errorf("comment after words: %q", line)
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return fmt.Errorf("%d columns: %q", len(cols), line)
		}
		for _, c := range cols {
			if c == "" || strings.TrimSpace(c) != c {
				return fmt.Errorf("empty or padded column: %q", line)
			}
		}
		n := len(heads) + 1
		if a, b, ok := strings.Cut(cols[0], "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || first != n || last <= first || nextMulti != 0 {
				return fmt.Errorf("bad multiword range %q before word %d", cols[0], n)
			}
			nextMulti = last
			continue
		}
		if id, err := strconv.Atoi(cols[0]); err != nil || id != n {
			return fmt.Errorf("id %q, want %d", cols[0], n)
		}
		if nextMulti == n {
			nextMulti = 0
		}
		h, err := strconv.Atoi(cols[6])
		if err != nil || h < 0 {
			return fmt.Errorf("word %d: head %q", n, cols[6])
		}
		heads = append(heads, h)
		rels = append(rels, cols[7])
	}
	if nextMulti != 0 {
		return fmt.Errorf("multiword range runs past the last word")
	}
	if len(heads) == 0 {
		return fmt.Errorf("no words")
	}
	roots := 0
	for i, h := range heads {
		if h > len(heads) || h == i+1 {
			return fmt.Errorf("word %d: head %d out of range", i+1, h)
		}
		if (h == 0) != (rels[i] == "root") {
			return fmt.Errorf("word %d: head %d with relation %s", i+1, h, rels[i])
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	for i := range heads {
		seen := 0
		for j := i + 1; j != 0; j = heads[j-1] {
			if seen++; seen > len(heads) {
				return fmt.Errorf("word %d: cycle", i+1)
			}
		}
	}
	return nil
}

func TestValidCoNLLU(t *testing.T) {
	good := "# text = a b\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n\n"
	if err := validCoNLLU(good); err != nil {
		t.Errorf("good sentence: %v", err)
	}
	for name, bad := range map[string]string{
		"two roots":   "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t0\troot\t_\t_\n\n",
		"cycle":       "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t3\tdep\t_\t_\n3\tc\tc\tX\tX\t_\t2\tdep\t_\t_\n\n",
		"head range":  "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t3\tdep\t_\t_\n\n",
		"9 columns":   "1\ta\ta\tX\tX\t_\t0\troot\t_\n\n",
		"bad id":      "2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n",
		"bad range":   "1-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n\n",
		"no blank":    "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n",
		"root as dep": "1\ta\ta\tX\tX\t_\t0\tdep\t_\t_\n\n",
	} {
		if validCoNLLU(bad) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// validJSON checks the JSON lines of 'sitrep parse --format json' against
// the guarantees README.md gives: spans are byte ranges of text that hold
// the forms and sentence texts, ids run from 1, heads are in range with
// one root, and multiword ranges cover their words.
func validJSON(out string) error {
	if !strings.HasSuffix(out, "\n") {
		return fmt.Errorf("output does not end with a newline")
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var doc jsonDoc
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&doc); err != nil {
			return fmt.Errorf("line %d: %w", i+1, err)
		}
		if err := validDoc(&doc); err != nil {
			return fmt.Errorf("line %d: %w", i+1, err)
		}
	}
	return nil
}

func validDoc(doc *jsonDoc) error {
	text := doc.Text
	in := func(start, end int) bool { return 0 <= start && start <= end && end <= len(text) }
	prevEnd := 0
	for _, s := range doc.Sentences {
		if !in(s.Start, s.End) || s.Start < prevEnd || text[s.Start:s.End] != s.Text {
			return fmt.Errorf("sentence %d: span [%d, %d) does not hold its text", s.Index, s.Start, s.End)
		}
		prevEnd = s.End
		roots := 0
		tokEnd := s.Start
		for i, t := range s.Tokens {
			if t.ID != i+1 {
				return fmt.Errorf("sentence %d: token %d has id %d", s.Index, i+1, t.ID)
			}
			if !in(t.Start, t.End) || t.Start < tokEnd || t.End > s.End || text[t.Start:t.End] != t.Form {
				return fmt.Errorf("sentence %d: token %d: span [%d, %d) does not hold %q", s.Index, t.ID, t.Start, t.End, t.Form)
			}
			tokEnd = t.End
			if t.Head < 0 || t.Head > len(s.Tokens) || t.Head == t.ID {
				return fmt.Errorf("sentence %d: token %d: head %d", s.Index, t.ID, t.Head)
			}
			if (t.Head == 0) != (t.Deprel == "root") {
				return fmt.Errorf("sentence %d: token %d: head %d with relation %q", s.Index, t.ID, t.Head, t.Deprel)
			}
			if t.Head == 0 {
				roots++
			}
			if t.Lemma == "" || t.UPOS == "" || t.XPOS == "" || t.Deprel == "" {
				return fmt.Errorf("sentence %d: token %d: missing annotation %+v", s.Index, t.ID, t)
			}
		}
		if len(s.Tokens) > 0 && roots != 1 {
			return fmt.Errorf("sentence %d: %d roots", s.Index, roots)
		}
		for _, m := range s.MultiWords {
			if m.First < 1 || m.Last <= m.First || m.Last > len(s.Tokens) || !in(m.Start, m.End) || text[m.Start:m.End] != m.Form {
				return fmt.Errorf("sentence %d: multiword %+v", s.Index, m)
			}
			if m.Start != s.Tokens[m.First-1].Start || m.End != s.Tokens[m.Last-1].End {
				return fmt.Errorf("sentence %d: multiword %+v does not span its words", s.Index, m)
			}
		}
	}
	return nil
}

func TestValidJSON(t *testing.T) {
	good := `{"text":"I won't.","sentences":[{"index":0,"start":0,"end":8,"text":"I won't.","tokens":[` +
		`{"id":1,"start":0,"end":1,"form":"I","lemma":"I","upos":"PRON","xpos":"PRP","head":3,"deprel":"nsubj"},` +
		`{"id":2,"start":2,"end":4,"form":"wo","lemma":"will","upos":"AUX","xpos":"MD","head":3,"deprel":"aux"},` +
		`{"id":3,"start":4,"end":7,"form":"n't","lemma":"not","upos":"PART","xpos":"RB","head":0,"deprel":"root"},` +
		`{"id":4,"start":7,"end":8,"form":".","lemma":".","upos":"PUNCT","xpos":".","head":3,"deprel":"punct"}],` +
		`"multiwords":[{"first":2,"last":3,"start":2,"end":7,"form":"won't"}]}]}` + "\n"
	if err := validJSON(good); err != nil {
		t.Errorf("good document: %v", err)
	}
	for name, bad := range map[string][2]string{
		"form outside its span": {`"start":0,"end":1,"form":"I"`, `"start":1,"end":2,"form":"I"`},
		"two roots":             {`"head":3,"deprel":"punct"`, `"head":0,"deprel":"root"`},
		"head out of range":     {`"head":3,"deprel":"nsubj"`, `"head":5,"deprel":"nsubj"`},
		"multiword range":       {`"first":2,"last":3`, `"first":2,"last":5`},
		"unknown field":         {`"index":0`, `"index":0,"extra":1`},
		"bad id":                {`"id":4`, `"id":5`},
	} {
		if validJSON(strings.Replace(good, bad[0], bad[1], 1)) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
