package event

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sitrep/actor"
	"sitrep/nlp"
)

// A Coder codes the events of parsed documents: for each predicate whose
// verb is in its verb dictionary, who did it (source), to whom (target),
// and the CAMEO code the verb's patterns give. Safe for concurrent use.
type Coder struct {
	Verbs    *VerbDictionary
	Actors   *actor.Dictionary
	Ontology *Ontology
	// RequireDyad drops events that lack a source or a target, as
	// PETRARCH's require_dyad option does. By default an event needs a
	// source only.
	RequireDyad bool
	// KeepNegated keeps negated conflict events ("did not attack"), marked
	// Negated, instead of dropping them.
	KeepNegated bool
	// PICO combines and negates codes; nil means the embedded table.
	PICO *PICO
	// Discards lists phrases that mark sentences and stories not to code;
	// nil codes everything.
	Discards *Discards
	// Nouns lists event nouns ("offensive", "air strike"); nil codes
	// verbs only.
	Nouns *NounDictionary
	// PetrarchNegation negates codes through the PICO table, as PETRARCH
	// does, instead of sitrep's rules (see negate).
	PetrarchNegation bool
	// CompleteActors drops actors that name a role but no country or
	// organization ("a senior official"), as PETRARCH does; by default they
	// take part in events, marked Incomplete.
	CompleteActors bool
	// LocativeTargets lets a phrase of place ("in Amman", "near the
	// border") give the target when nothing else does, as PETRARCH does.
	LocativeTargets bool
	// AgentlessPassiveSource takes the first actor after an agentless
	// passive verb as its source, as PETRARCH does ("Eriador was criticized
	// over its dispute with Gondor" is Gondor criticizing Eriador). Off,
	// an agentless passive has no source.
	AgentlessPassiveSource bool
}

func (c *Coder) pico() *PICO {
	if c.PICO != nil {
		return c.PICO
	}
	p, err := DefaultPICO()
	if err != nil {
		return &PICO{value: map[string]int{}, code: map[int]string{}}
	}
	return p
}

// An Event is one coded event and the evidence for it.
type Event struct {
	// Sentence is the index of the sentence in the document.
	Sentence int
	Source   *Actor // nil when no actor fills the slot
	Target   *Actor
	// Verb is the predicate's span in the text.
	Verb nlp.Span
	// Code is the CAMEO event code.
	Code string
	// Negated is set for events coded from a negated predicate (a
	// negated cooperation is coded as a rejection).
	Negated bool
	// Rule names what decided the code: a pattern's or verb's file:line,
	// with a note on any change made to it ("verbs.txt:812 negated").
	Rule string
	// Confidence is a rough 0–1 estimate of how sure the coder is.
	Confidence float64
}

// An Actor is a coded participant of an event.
type Actor struct {
	Code    string
	Country string
	Role    string // the role segments, joined ("GOV", "MIL"); "" for none
	// Span is the text that named the actor (for a pronoun, the pronoun).
	nlp.Span
	// Incomplete is set when only the role is known ("rebels" with no
	// country in sight).
	Incomplete bool
}

// Options of one Code call.
type Options struct {
	// Date is the publication date; actor codes depend on it (a minister
	// in office).
	Date time.Time
	// Focus is the story's country (ISO alpha-3), used to complete bare
	// roles such as "the regime"; "" for none.
	Focus string
}

// Code codes every sentence of doc, which must be parsed.
func (c *Coder) Code(ctx context.Context, doc *nlp.Doc, opt Options) ([]Event, error) {
	if c.Discards.Story(doc.Text) {
		return nil, nil
	}
	if opt.Focus == "" {
		opt.Focus = c.Focus(doc, opt.Date)
	}
	var out []Event
	var prev *mention
	for si := range doc.Sentences {
		if si&31 == 31 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		toks := doc.SentenceTokens(si)
		if len(toks) == 0 {
			continue
		}
		evs, last, err := c.codeSentence(toks, opt, prev, false)
		if last != nil {
			prev = last
		}
		if err != nil {
			return nil, fmt.Errorf("sentence %d: %w", si, err)
		}
		for i := range evs {
			evs[i].Sentence = si
		}
		out = append(out, evs...)
	}
	return out, nil
}

// Focus returns the country an article is about: the one its actor names
// point to most often (countries, their people and institutions), the
// first named on a tie; "" when it names none.
func (c *Coder) Focus(doc *nlp.Doc, date time.Time) string {
	day := actor.DateOf(date)
	count := map[string]int{}
	var order []string
	for i := range doc.Sentences {
		for _, m := range c.Actors.Match(doc.SentenceTokens(i)) {
			if m.Entry.Agent() {
				continue
			}
			code, ok := m.Entry.CodeOn(day)
			if !ok || len(code) < 3 || !c.Actors.IsCountry(code[:3]) {
				continue
			}
			if count[code[:3]] == 0 {
				order = append(order, code[:3])
			}
			count[code[:3]]++
		}
	}
	best := ""
	for _, k := range order {
		if count[k] > count[best] {
			best = k
		}
	}
	return best
}

// CodeSentence codes one parsed sentence on its own, as a story of one
// sentence (a story-level discard phrase in it discards it).
func (c *Coder) CodeSentence(toks []nlp.Token, opt Options) ([]Event, error) {
	evs, _, err := c.codeSentence(toks, opt, nil, true)
	return evs, err
}

// codeSentence codes one sentence; prev is the last subject actor of the
// sentences before, and last that of this one. Story-level discards are
// checked when alone is set; Code checks them once for the whole story.
func (c *Coder) codeSentence(toks []nlp.Token, opt Options, prev *mention, alone bool) (evs []Event, last *mention, err error) {
	// A parse the coder cannot make sense of yields no event, not a panic.
	defer func() {
		if r := recover(); r != nil {
			evs, last, err = nil, nil, fmt.Errorf("event: coding failed: %v", r)
		}
	}()
	if !wellFormed(toks) {
		return nil, nil, nil
	}
	if c.Discards != nil {
		text := toks[0].Form
		for _, t := range toks[1:] {
			text += " " + t.Form
		}
		if c.Discards.Sentence(text) || alone && c.Discards.Story(text) {
			return nil, nil, nil
		}
	}
	s := newSentence(c, toks, opt)
	s.prev = prev
	coded := map[int]bool{}
	for v := range toks {
		ev := s.codePredicate(v)
		if len(ev) > 0 {
			coded[v] = true
		}
		evs = append(evs, ev...)
	}
	for n := range toks {
		evs = append(evs, s.codeNominal(n, coded)...)
	}
	return dedupe(evs), s.lastSubject(), nil
}

// wellFormed reports whether toks' heads form a tree.
func wellFormed(toks []nlp.Token) bool {
	n := len(toks)
	for i, t := range toks {
		if t.Head < -1 || t.Head >= n || t.Head == i {
			return false
		}
	}
	for i := range toks {
		a, steps := i, 0
		for a >= 0 {
			if steps > n {
				return false
			}
			a = toks[a].Head
			steps++
		}
	}
	return true
}

// dedupe drops events that repeat an earlier one with the same verb,
// actors and code.
func dedupe(evs []Event) []Event {
	seen := map[string]bool{}
	out := evs[:0]
	for _, e := range evs {
		key := fmt.Sprintf("%d|%s|%s|%s", e.Verb.Start, actorCode(e.Source), actorCode(e.Target), e.Code)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, e)
	}
	return out
}

func actorCode(a *Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

// String formats an event as "SOURCE TARGET CODE", "-" for an empty slot.
func (e Event) String() string {
	return strings.Join([]string{actorCode(e.Source), actorCode(e.Target), e.Code}, " ")
}
