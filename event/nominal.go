package event

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

// A NounDictionary lists event nouns and the verbs that carry them (see
// event/data/nouns.txt for the format). Safe for concurrent use.
type NounDictionary struct {
	nouns  map[string][]nounEntry // by head lemma
	aspect map[string]bool
	light  map[string][]string // verb lemma → particles of phrasal forms ("" for none)
}

type nounEntry struct {
	before []string // words before the head ("air" in "air strike")
	code   string
	pos    string
}

// DefaultNouns returns the embedded event nouns (event/data/nouns.txt).
func DefaultNouns() (*NounDictionary, error) { return defaultNouns() }

var defaultNouns = sync.OnceValues(func() (*NounDictionary, error) {
	o, err := DefaultOntology()
	if err != nil {
		return nil, err
	}
	return ReadNouns(bytes.NewReader(embedded("nouns.txt")), "nouns.txt", o.Valid)
})

// ReadNouns reads an event-noun dictionary; valid checks codes (nil: any).
// Every bad line is reported.
func ReadNouns(r io.Reader, name string, valid func(string) bool) (*NounDictionary, error) {
	d := &NounDictionary{nouns: map[string][]nounEntry{}, aspect: map[string]bool{}, light: map[string][]string{}}
	var errs linefile.List
	sc := linefile.NewScanner(r, name)
	for sc.Scan() {
		line, text := sc.Line(), sc.Text()
		if k, rest, ok := strings.Cut(text, ":"); ok && (k == "aspect" || k == "light") {
			for _, v := range strings.Fields(rest) {
				verb, particle, _ := strings.Cut(strings.ToLower(v), "_")
				if k == "aspect" {
					d.aspect[verb] = true
				} else {
					d.light[verb] = append(d.light[verb], particle)
				}
			}
			continue
		}
		names, code, ok := strings.Cut(text, "=>")
		code = strings.TrimSpace(code)
		if !ok || code == "" {
			errs.Add(name, line, "want NOUN | NOUN => CODE, got %q", text)
			continue
		}
		if !reHex.MatchString(code) || valid != nil && !valid(code) {
			errs.Add(name, line, "unknown event code %q", code)
			continue
		}
		for _, n := range strings.Split(names, "|") {
			words := strings.Fields(strings.ToLower(n))
			if len(words) == 0 {
				errs.Add(name, line, "empty noun")
				continue
			}
			head := words[len(words)-1]
			d.nouns[head] = append(d.nouns[head], nounEntry{before: words[:len(words)-1], code: code,
				pos: fmt.Sprintf("%s:%d", name, line)})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	return d, errs.Err()
}

// codeNominal codes token n if it is an event noun carried by a verb that
// coded nothing itself: the subject of an aspect verb ("the offensive
// resumed against opposition forces ... by the Syrian government") or the
// object of a light verb ("carried out air strikes on the town"). Parsers
// often get such sentences wrong, so the verb may also hang from the noun
// as a modifier, and the "by" and "against" phrases are read from the
// words that follow them, not from the tree.
func (s *sentence) codeNominal(n int, coded map[int]bool) []Event {
	d := s.c.Nouns
	t := s.t
	if d == nil || t.toks[n].UPOS != "NOUN" {
		return nil
	}
	code, rule := s.nounCode(n)
	if code == "" {
		return nil
	}
	v, light := s.carrier(n)
	if v < 0 || coded[v] || t.negated(v) {
		return nil
	}
	var sources []*Actor
	if light {
		sources = s.actors(s.clauseOf(v).subjects)
	}
	var targets []*Actor
	for k := min(n, v) + 1; k < len(t.toks); k++ {
		switch t.lower[k] {
		case "by":
			if len(sources) == 0 {
				sources = s.runActors(k + 1)
			}
		case "against", "on", "at", "into", "upon":
			if len(targets) == 0 {
				targets = s.runActors(k + 1)
			}
		}
		if t.toks[k].UPOS == "VERB" && k != v && relBase(t.rel[k]) != "acl" && relBase(t.rel[k]) != "amod" {
			break // another clause
		}
	}
	if len(sources) == 0 {
		sources = s.actorsOf(n)
	}
	if len(sources) == 0 {
		return nil
	}
	if len(targets) == 0 {
		targets = []*Actor{nil}
	}
	var out []Event
	for _, a := range sources {
		for _, b := range targets {
			if b == nil && s.c.RequireDyad || b != nil && a.Code == b.Code {
				continue
			}
			out = append(out, Event{Source: a, Target: b, Code: code, Rule: rule,
				Confidence: 0.6, Verb: t.toks[n].Span})
		}
	}
	return out
}

// carrier returns the verb that carries event noun n, and whether it is a
// light verb (whose subject is the source), or -1.
func (s *sentence) carrier(n int) (int, bool) {
	t := s.t
	d := s.c.Nouns
	if v := t.head(n); v >= 0 && t.toks[v].UPOS == "VERB" {
		switch relBase(t.rel[n]) {
		case "nsubj":
			if d.aspect[t.lemma[v]] {
				return v, false
			}
		case "obj":
			if s.lightVerb(v) {
				return v, true
			}
		}
	}
	for _, c := range t.kids(n, "acl") {
		if c > n && d.aspect[t.lemma[c]] {
			return c, false
		}
	}
	return -1, false
}

// runActors codes the noun phrases that run from token k: words of noun
// phrases up to the next preposition, verb or clause, split at "and" and
// commas ("the Syrian government and Russian military").
func (s *sentence) runActors(k int) []*Actor {
	t := s.t
	var out []*Actor
	start := k
	flush := func(end int) {
		// The longest beginning of the run that names an actor
		// ("opposition forces Wednesday evening").
		for e := end; e > start; e-- {
			a, ok := s.c.Actors.Resolve(t.toks[start:e], s.opt.Date, s.opt.Focus)
			if !ok {
				continue
			}
			if !(a.Incomplete && s.c.CompleteActors) {
				out = append(out, actorOf(a))
			}
			break
		}
		start = end + 1
	}
	for ; k < len(t.toks); k++ {
		switch tok := t.toks[k]; {
		case tok.UPOS == "CCONJ" || tok.Form == ",":
			flush(k)
		case tok.UPOS == "DET" || tok.UPOS == "ADJ" || tok.UPOS == "NOUN" || tok.UPOS == "PROPN" ||
			tok.UPOS == "NUM" || tok.UPOS == "PART" || tok.Form == "-":
		default:
			flush(k)
			return out
		}
	}
	flush(k)
	return out
}

// nounCode returns the code of event noun n, its longest entry first.
func (s *sentence) nounCode(n int) (string, string) {
	t := s.t
	best, rule, bestLen := "", "", -1
	for _, key := range []string{t.lemma[n], t.lower[n]} {
		for _, e := range s.c.Nouns.nouns[key] {
			if len(e.before) <= bestLen {
				continue
			}
			ok := true
			for k, pos := len(e.before)-1, n-1; k >= 0; k, pos = k-1, pos-1 {
				if pos < 0 || t.lower[pos] != e.before[k] && t.lemma[pos] != e.before[k] {
					ok = false
					break
				}
			}
			if ok {
				best, rule, bestLen = e.code, e.pos, len(e.before)
			}
		}
	}
	return best, rule
}

// lightVerb reports whether v is a light verb of the dictionary, with its
// particle if it is phrasal ("carry out").
func (s *sentence) lightVerb(v int) bool {
	t := s.t
	for _, particle := range s.c.Nouns.light[t.lemma[v]] {
		if particle == "" {
			return true
		}
		for _, c := range t.children[v] {
			if c > v && t.lower[c] == particle {
				return true
			}
		}
	}
	return false
}
