package event

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

// A VerbDictionary holds verb synonym blocks, their patterns, and the
// synonym sets (synsets) patterns refer to. It is read from the PETRARCH
// verb-dictionary format (the form sitrep ships its own verbs in), in
// which case does not matter:
//
//	&WEAPON                       a synset: "&NAME", then "+WORD" lines
//	+GUN
//	+MACHINE_GUN                  "_" joins the words of a phrase
//	---  KILL   [190]  ---        a block of synonymous verbs with its code
//	KILL                          a verb; "{...}" after it lists inflections
//	MURDER [1823]                 a verb with a code of its own
//	+SHOOT_DOWN {+SHOT_DOWN}      a phrasal verb: "+" marks the verb word
//	- $ * (WITH &WEAPON) +  [193] a pattern: "*" is the verb, "$" the source,
//	                              "+" the target, "%" a compound actor,
//	                              "^" any one word, "(PREP ...)" a
//	                              prepositional phrase, "{...}" a noun
//	                              phrase whose last word is the head, "A/B"
//	                              alternatives, "[042:043]" a code and the
//	                              code of the reciprocal event, "[---]" no
//	                              event.
//	~ a (a b ATTACK) SAY = a b 015  a transformation (recorded, not applied)
//
// Verbs and pattern words are kept lower case with "_" as spaces; they are
// matched against both the form and the lemma of a token, so inflections
// and plurals need not be listed.
type VerbDictionary struct {
	// Blocks in file order.
	Blocks []*Block
	// Verbs maps a verb word (lower case) to the entries that use it.
	Verbs map[string][]*Verb
	// Synsets maps a synset name ("weapon", without "&") to its members.
	Synsets map[string]*Synset
	// Transforms are the "~" lines, kept for reference.
	Transforms []string
	// Warnings lists the lines a lenient read skipped, with the reason.
	Warnings linefile.List

	// byLast indexes each synset's members by their last word, and by its
	// singular, for the coder; built on first use, so the dictionary must
	// not change after it is first used to code.
	byLastOnce sync.Once
	byLast     map[string]map[string][][]string
}

// members returns the members of synset name whose last word is w.
func (v *VerbDictionary) members(name, w string) [][]string {
	v.byLastOnce.Do(func() {
		v.byLast = make(map[string]map[string][][]string, len(v.Synsets))
		for n, set := range v.Synsets {
			idx := map[string][][]string{}
			for _, m := range set.Members {
				last := m[len(m)-1]
				idx[last] = append(idx[last], m)
				if sg := singular(last); sg != last {
					idx[sg] = append(idx[sg], m)
				}
			}
			v.byLast[n] = idx
		}
	})
	return v.byLast[name][w]
}

// A Block is a set of synonymous verbs sharing a default code and patterns.
type Block struct {
	Name string
	Code string // "" for the null code "---"
	// Reciprocal is the code of the event back from the target, when the
	// header gives one ("[040:040]": meeting goes both ways).
	Reciprocal string
	Verbs      []*Verb
	Patterns   []*Pattern
	Pos        string // file:line of the header
}

// A Verb is one verb of a block, possibly a phrasal verb.
type Verb struct {
	// Word is the verb itself, lower case ("shoot" in "shoot down").
	Word string
	// Before and After are the other words of a multiword verb, in order
	// ("wire" in "wire tap"; "down" in "shoot down").
	Before, After []string
	// Code (and Reciprocal) override the block's for the bare verb when
	// HasCode.
	Code, Reciprocal string
	HasCode          bool
	Block            *Block
	Pos              string
}

// CodeOrBlock returns the verb's own code, or its block's.
func (v *Verb) CodeOrBlock() string {
	if v.HasCode {
		return v.Code
	}
	return v.Block.Code
}

// ReciprocalOrBlock returns the verb's own reciprocal code, or its block's.
func (v *Verb) ReciprocalOrBlock() string {
	if v.HasCode {
		return v.Reciprocal
	}
	return v.Block.Reciprocal
}

// A Pattern refines a block's code by the words around the verb.
type Pattern struct {
	// Pre and Post are the elements before and after the verb.
	Pre, Post []Elem
	// Code is the event code ("" for none); Reciprocal, when set, is the
	// code of the event from the target back to the source.
	Code, Reciprocal string
	Text             string // the pattern as written
	Pos              string
}

// ElemKind says what a pattern element matches.
type ElemKind int

const (
	ElemWords    ElemKind = iota // a word or noun phrase
	ElemSource                   // "$": the source actor
	ElemTarget                   // "+": the target actor
	ElemCompound                 // "%": a compound actor acting reciprocally
	ElemSkip                     // "^": any one word
	ElemPrep                     // "(PREP ...)": a prepositional phrase
)

// An Elem is one element of a pattern.
type Elem struct {
	Kind ElemKind
	// Words of a noun phrase, the head last; a single word is a phrase of
	// one. Each word may have alternatives or name a synset.
	Words []Word
	// Preps are the alternative prepositions of an ElemPrep.
	Preps []string
	// Object holds the elements inside an ElemPrep after the preposition.
	Object []Elem
}

// A Word matches a token by one of its alternatives or by a synset.
type Word struct {
	Alts   []string // lower case
	Synset string   // synset name, without "&"
}

// A Synset is a named set of words and phrases.
type Synset struct {
	Name    string
	Members [][]string // each member's words, lower case
	Pos     string
}

// VerbOptions tune ReadVerbs.
type VerbOptions struct {
	// ValidCode reports whether a code is an event code; nil accepts any
	// code of two to four hexadecimal digits. Codes that are neither valid
	// nor "---" are errors, unless Lenient.
	ValidCode func(string) bool
	// Lenient reads dictionaries the way PETRARCH does: invalid codes
	// (placeholders like "[+++]") become the null code, and lines it cannot
	// read are skipped and listed in Warnings instead of failing the read.
	Lenient bool
}

var (
	reBlock = regexp.MustCompile(`^---+\s*(.*?)\s*(?:\[([^\]]*)\])?\s*(?:---+)?$`)
	reCode  = regexp.MustCompile(`\[([^\[\]]*)\]`)
	reHex   = regexp.MustCompile(`^[0-9A-Fa-f]{2,4}$`)
)

// ReadVerbs reads a verb dictionary; name is used in errors, which list
// every bad line.
func ReadVerbs(r io.Reader, name string, opt VerbOptions) (*VerbDictionary, error) {
	d := &VerbDictionary{Verbs: map[string][]*Verb{}, Synsets: map[string]*Synset{}}
	var errs linefile.List
	sc := linefile.NewScanner(r, name)
	inXMLComment := false
	var block *Block
	var synset *Synset
	code := func(line int, s string) (string, bool) {
		s = strings.TrimSpace(s)
		if s == "---" || s == "" {
			return "", true
		}
		valid := reHex.MatchString(s)
		if valid && opt.ValidCode != nil {
			valid = opt.ValidCode(s)
		}
		if valid {
			return s, true
		}
		if opt.Lenient {
			return "", true
		}
		errs.Add(name, line, "unknown event code %q", s)
		return "", false
	}
	codes := func(line int, s string) (string, string, bool) {
		a, b, two := strings.Cut(s, ":")
		c1, ok := code(line, a)
		if !ok {
			return "", "", false
		}
		if !two {
			return c1, "", true
		}
		c2, ok := code(line, b)
		return c1, c2, ok
	}
	for sc.Scan() {
		line, text := sc.Line(), sc.Text()
		pos := fmt.Sprintf("%s:%d", name, line)
		// PETRARCH's files also use XML comments.
		if inXMLComment || strings.HasPrefix(text, "<!--") {
			inXMLComment = !strings.Contains(text, "-->")
			continue
		}
		switch {
		case strings.HasPrefix(text, "---"):
			m := reBlock.FindStringSubmatch(text)
			if m == nil {
				errs.Add(name, line, "bad block header %q", text)
				block = nil
				continue
			}
			c, r, _ := codes(line, m[2])
			block = &Block{Name: m[1], Code: c, Reciprocal: r, Pos: pos}
			d.Blocks = append(d.Blocks, block)
			synset = nil
		case strings.HasPrefix(text, "&"):
			nm := strings.ToLower(strings.TrimRight(strings.Fields(text)[0][1:], "_"))
			if nm == "" {
				errs.Add(name, line, "synset without a name")
				continue
			}
			synset = &Synset{Name: nm, Pos: pos}
			d.Synsets[nm] = synset
			block = nil
		case strings.HasPrefix(text, "~"):
			d.Transforms = append(d.Transforms, text)
		case strings.HasPrefix(text, "-"):
			if block == nil {
				errs.Add(name, line, "pattern outside a verb block")
				continue
			}
			loc := reCode.FindStringSubmatchIndex(text)
			if loc == nil {
				errs.Add(name, line, "pattern without a [code]")
				continue
			}
			if rest := strings.TrimSpace(text[loc[1]:]); rest != "" && !strings.HasPrefix(rest, "<") {
				errs.Add(name, line, "text %q after the pattern's code", rest)
				continue
			}
			m := []string{text[loc[0]:loc[1]], text[loc[2]:loc[3]]}
			p, err := parsePattern(strings.TrimSpace(text[1:loc[0]]))
			if err != nil {
				errs.Add(name, line, "%v", err)
				continue
			}
			p.Pos = pos
			var ok bool
			if p.Code, p.Reciprocal, ok = codes(line, m[1]); !ok {
				continue
			}
			block.Patterns = append(block.Patterns, p)
		case strings.HasPrefix(text, "+") && synset != nil:
			words := splitWords(strings.ReplaceAll(text[1:], " ", "_"))
			if len(words) == 0 {
				errs.Add(name, line, "empty synset member")
				continue
			}
			synset.Members = append(synset.Members, words)
		default:
			if block == nil {
				errs.Add(name, line, "verb %q outside a verb block", text)
				continue
			}
			v, err := parseVerb(text)
			if err != nil {
				errs.Add(name, line, "%v", err)
				continue
			}
			v.Block, v.Pos = block, pos
			if m := reCode.FindStringSubmatch(stripBraces(text)); m != nil {
				c, r, ok := codes(line, m[1])
				if !ok {
					continue
				}
				v.Code, v.Reciprocal, v.HasCode = c, r, true
			}
			block.Verbs = append(block.Verbs, v)
			d.Verbs[v.Word] = append(d.Verbs[v.Word], v)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	// Every synset a pattern names must exist.
	for _, b := range d.Blocks {
		kept := b.Patterns[:0]
		for _, p := range b.Patterns {
			ok := true
			for _, s := range p.synsets() {
				if d.Synsets[s] == nil {
					file, line := splitPos(p.Pos)
					errs.Add(file, line, "undefined synset &%s", strings.ToUpper(s))
					ok = false
				}
			}
			if ok {
				kept = append(kept, p)
			}
		}
		b.Patterns = kept
	}
	if opt.Lenient {
		d.Warnings = errs
		return d, nil
	}
	return d, errs.Err()
}

func splitPos(pos string) (string, int) {
	i := strings.LastIndexByte(pos, ':')
	var n int
	fmt.Sscan(pos[i+1:], &n)
	return pos[:i], n
}

// stripBraces removes "{...}" inflection lists.
func stripBraces(s string) string {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+j+1:]
	}
}

// parseVerb reads a verb line: "KILL", "+SHOOT_DOWN {...} [193]",
// "WIRE_+TAP".
func parseVerb(text string) (*Verb, error) {
	f := strings.Fields(stripBraces(text))
	if len(f) == 0 || strings.HasPrefix(f[0], "[") {
		return nil, fmt.Errorf("verb line without a verb")
	}
	parts := strings.Split(strings.Trim(f[0], "_"), "_")
	v := &Verb{}
	verbAt := -1
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			verbAt = i
			parts[i] = p[1:]
		}
		parts[i] = strings.ToLower(parts[i])
	}
	if verbAt < 0 {
		if len(parts) > 1 {
			return nil, fmt.Errorf("multiword verb %q does not mark its verb with +", f[0])
		}
		verbAt = 0
	}
	v.Word = parts[verbAt]
	v.Before = parts[:verbAt]
	v.After = parts[verbAt+1:]
	if v.Word == "" {
		return nil, fmt.Errorf("empty verb in %q", f[0])
	}
	return v, nil
}

// splitWords turns "MACHINE_GUN" into ["machine", "gun"].
func splitWords(s string) []string {
	var out []string
	for _, w := range strings.Split(s, "_") {
		if w != "" {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// WriteVerbs writes d in the PETRARCH verb-dictionary syntax that
// ReadVerbs reads, the way sitrep keeps its own verb dictionary: words
// lower case, synset names upper case, no inflection lists, each block and
// pattern followed by a comment giving the line it came from.
func WriteVerbs(w io.Writer, d *VerbDictionary, header string) error {
	bw := &errWriter{w: w}
	for _, line := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		bw.printf("# %s\n", line)
	}
	bw.printf("\n####### SYNSETS #######\n")
	names := make([]string, 0, len(d.Synsets))
	for n := range d.Synsets {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		s := d.Synsets[n]
		bw.printf("\n&%s  # %s\n", strings.ToUpper(n), s.Pos)
		for _, m := range s.Members {
			bw.printf("+%s\n", strings.Join(m, "_"))
		}
	}
	bw.printf("\n####### VERBS #######\n")
	for _, b := range d.Blocks {
		code := b.Code
		if code == "" {
			code = "---"
		}
		if b.Reciprocal != "" {
			code += ":" + b.Reciprocal
		}
		bw.printf("\n--- %s [%s] ---  # %s\n", b.Name, code, b.Pos)
		for _, v := range b.Verbs {
			words := append(append(append([]string(nil), v.Before...), "+"+v.Word), v.After...)
			text := strings.Join(words, "_")
			if len(words) == 1 {
				text = v.Word
			}
			if v.HasCode {
				c := v.Code
				if c == "" {
					c = "---"
				}
				if v.Reciprocal != "" {
					c += ":" + v.Reciprocal
				}
				text += " [" + c + "]"
			}
			bw.printf("%s\n", text)
		}
		for _, p := range b.Patterns {
			code := p.Code
			if code == "" {
				code = "---"
			}
			if p.Reciprocal != "" {
				code += ":" + p.Reciprocal
			}
			bw.printf("- %-50s [%s]  # %s\n", patternText(p.Text), code, p.Pos)
		}
	}
	return bw.err
}

// patternText lower-cases a pattern, keeping synset names upper case.
func patternText(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = reSynsetName.ReplaceAllStringFunc(strings.ToLower(w), strings.ToUpper)
	}
	return strings.Join(f, " ")
}

var reSynsetName = regexp.MustCompile(`&[a-z0-9_]+`)

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// CleanVerbs drops from d what valid rejects (patterns and verb codes with
// codes outside the ontology, and reciprocal codes outside it) and
// patterns that repeat another of their block, and returns one note per
// change.
func CleanVerbs(d *VerbDictionary, valid func(string) bool) []string {
	var notes []string
	ok := func(c string) bool { return c == "" || valid(c) }
	for _, b := range d.Blocks {
		if !ok(b.Code) {
			notes = append(notes, fmt.Sprintf("%s: block %s: code %s is not in the ontology; block code dropped", b.Pos, b.Name, b.Code))
			b.Code = ""
		}
		for _, v := range b.Verbs {
			if v.HasCode && !ok(v.Code) {
				notes = append(notes, fmt.Sprintf("%s: verb %s: code %s is not in the ontology; the block's code applies", v.Pos, v.Word, v.Code))
				v.HasCode, v.Code = false, ""
			}
		}
		seen := map[string]bool{}
		kept := b.Patterns[:0]
		for _, p := range b.Patterns {
			key := patternText(p.Text) + "|" + p.Code + "|" + p.Reciprocal
			switch {
			case !ok(p.Code):
				notes = append(notes, fmt.Sprintf("%s: pattern %q: code %s is not in the ontology; pattern dropped", p.Pos, patternText(p.Text), p.Code))
				continue
			case seen[key]:
				notes = append(notes, fmt.Sprintf("%s: pattern %q repeats one above; dropped", p.Pos, patternText(p.Text)))
				continue
			case !ok(p.Reciprocal):
				notes = append(notes, fmt.Sprintf("%s: pattern %q: reciprocal code %s is not in the ontology; reciprocal dropped", p.Pos, patternText(p.Text), p.Reciprocal))
				p.Reciprocal = ""
			}
			seen[key] = true
			kept = append(kept, p)
		}
		b.Patterns = kept
	}
	return notes
}
