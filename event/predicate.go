package event

import (
	"fmt"
	"slices"
)

// targetPreps are the prepositions whose object is a predicate's target
// when it has no object of its own ("attacked near the border" is a
// place; "fired at the convoy" a target).
var targetPreps = map[string]bool{
	"against": true, "on": true, "upon": true, "with": true, "to": true, "into": true,
	"toward": true, "towards": true, "at": true, "from": true, "over": true, "onto": true,
}

// verbEntries returns the dictionary verbs predicate v instantiates, the
// longest (phrasal) ones first.
func (s *sentence) verbEntries(v int) []*Verb {
	t := s.t
	if t.toks[v].UPOS != "VERB" {
		return nil
	}
	var out []*Verb
	// A form the dictionary lists itself ("LEFT [042:043]") is more
	// specific than the lemma ("LEAVE [012]"), so it comes first.
	for _, w := range []string{t.lower[v], t.lemma[v]} {
		for _, e := range s.c.Verbs.Verbs[w] {
			if !slices.Contains(out, e) && s.hasWords(v, e) {
				out = append(out, e)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *Verb) int {
		return (len(b.Before) + len(b.After)) - (len(a.Before) + len(a.After))
	})
	return out
}

// hasWords reports whether the other words of a multiword verb are
// present: particles after it as its dependents or the next words, words
// before it just before it.
func (s *sentence) hasWords(v int, e *Verb) bool {
	t := s.t
	next := v + 1
	for _, w := range e.After {
		found := false
		for _, c := range t.children[v] {
			if c > v && (t.lower[c] == w || t.lemma[c] == w) {
				switch relBase(t.rel[c]) {
				case "compound", "advmod", "obl", "obj", "xcomp", "case", "advcl", "nmod":
					found = true
				}
			}
		}
		if !found && next < len(t.toks) && (t.lower[next] == w || t.lemma[next] == w) {
			found = true
			next++
		}
		if !found {
			return false
		}
	}
	prev := v - 1
	for k := len(e.Before) - 1; k >= 0; k-- {
		if prev < 0 || t.lower[prev] != e.Before[k] && t.lemma[prev] != e.Before[k] {
			return false
		}
		prev--
	}
	return true
}

// codePredicate codes token v if it is a verb of the dictionary.
func (s *sentence) codePredicate(v int) []Event {
	t := s.t
	entries := s.verbEntries(v)
	if len(entries) == 0 {
		return nil
	}
	// The complement of a coded verb ("urged Eriador to respond",
	// "threatened to attack") is coded with that verb, not on its own.
	if g := s.governor(v); g >= 0 && !s.yields(g, v) {
		return nil
	}
	// An xcomp that the verb combines with takes over its arguments when
	// the verb has none of its own (a passive: "was seen to break").
	cl := s.clauseOf(v)
	code, rule, conf, best := s.choose(entries, cl)
	if code == "" {
		return nil
	}
	sources, targets := cl.subjects, []int(nil)
	reciprocal := entries[0].ReciprocalOrBlock()
	compound := false
	if best != nil {
		if best.source != nil {
			sources = best.source
		}
		targets = best.target
		reciprocal = best.p.Reciprocal
		compound = best.compound
	}
	// A bare kind of act (threaten, intend, appeal) takes its complement
	// as its object: "threatened to attack" is a threat of force.
	for _, x := range s.complements(v) {
		xc := s.plainCode(x)
		if s.yields(v, x) {
			return nil // the complement is the event
		}
		if p := s.c.pico(); p.General(code) {
			if c, ok := p.Combine(code, xc); ok {
				code, rule = c, rule+" + "+t.lemma[x]
			}
		} else if c := s.refusal(code, xc); c != "" {
			code, rule = c, rule+" + "+t.lemma[x]
		}
		xcl := s.clauseOf(x)
		if targets == nil {
			targets = s.defaultTargets(xcl)
		}
		if len(sources) == 0 {
			sources = xcl.subjects
		}
	}
	if targets == nil {
		targets = s.defaultTargets(cl)
	}
	// An agentless passive: PETRARCH takes the first actor after the verb
	// as the source ("was criticized over its dispute with Eriador").
	if cl.passive && len(cl.agents) == 0 && len(sources) == 0 && s.c.AgentlessPassiveSource {
		sources = s.firstActorAfter(cl)
		if len(sources) > 0 && targets == nil {
			targets = cl.objects
		}
	}
	// An act on another's act is addressed to its actor: "Gondor's prime
	// minister noted that Cirith Ungol regretted ...", "allowed that
	// Mordor isn't ...".
	// A subject that names no actor may hold one: "said that an arms
	// embargo against Mordor would not work".
	// When that actor is the source itself, the clause's other parties
	// are: "began to question whether he has a future with the Orcs".
	if len(targets) == 0 {
		srcs := s.actors(sources)
		same := func(heads []int) bool {
			as := s.actors(heads)
			return len(as) > 0 && len(srcs) > 0 && (as[0].Code == srcs[0].Code ||
				as[0].Country != "" && as[0].Country == srcs[0].Country)
		}
		for _, c := range t.kids(v, "ccomp") {
			if c < v {
				continue // "X began ..., Israel said": not what was said
			}
			for _, subj := range s.subjectsOf(c) {
				if found := s.actorsWithin(subj); len(found) > 0 && !same(found) {
					targets = found
					break
				}
			}
			if len(targets) == 0 {
				if found := s.defaultTargets(s.clauseOf(c)); !same(found) {
					targets = found
				}
			}
			if len(targets) > 0 {
				break
			}
		}
	}
	code, rule, ok := s.negate(cl, code, rule)
	if !ok {
		return nil
	}
	if cl.inherited {
		conf -= 0.1
	}
	return s.events(v, code, reciprocal, rule, conf, cl.negated, sources, targets, compound)
}

// governor returns the coded verb whose complement v is, through a chain
// of uncoded ones ("said to be about to restore": said), or -1.
func (s *sentence) governor(v int) int {
	t := s.t
	for relBase(t.rel[v]) == "xcomp" {
		h := t.head(v)
		if h < 0 {
			return -1
		}
		if s.plainCode(h) != "" {
			return h
		}
		v = h
	}
	return -1
}

// yields reports whether the bare kind of act g (say, see, intend) leaves
// the event to its complement x because the two do not combine.
func (s *sentence) yields(g, x int) bool {
	p := s.c.pico()
	gc, xc := s.plainCode(g), s.plainCode(x)
	if gc == "" || xc == "" || !p.General(gc) {
		return false
	}
	_, ok := p.Combine(gc, xc)
	return !ok
}

// refusal returns the code of refusing what code xc describes ("rejected
// to evacuate" is a refusal to retreat, 1246), when the governing code gc
// is a rejection; else "".
func (s *sentence) refusal(gc, xc string) string {
	if gc[:2] != "12" {
		return ""
	}
	if c, ok := s.c.pico().Negate(xc); ok && c[:2] == "12" {
		return c
	}
	return rejection(xc)
}

// complements returns the coded verbs that are v's complements, directly
// or through uncoded ones ("is about to restore").
func (s *sentence) complements(v int) []int {
	var out []int
	for _, x := range s.t.kids(v, "xcomp") {
		if s.plainCode(x) != "" {
			out = append(out, x)
		} else {
			out = append(out, s.complements(x)...)
		}
	}
	return out
}

// choose returns the code of the best-fitting pattern of the verb's
// blocks, else the verb's own code, with where it came from.
func (s *sentence) choose(entries []*Verb, cl *clause) (code, rule string, conf float64, best *match) {
	for _, e := range entries {
		for _, p := range e.Block.Patterns {
			if m := s.matchPattern(p, cl); m != nil && (best == nil || m.score > best.score) {
				best = m
			}
		}
	}
	if best != nil {
		return best.p.Code, best.p.Pos, 0.9, best
	}
	return entries[0].CodeOrBlock(), entries[0].Pos, 0.7, nil
}

// actorsWithin returns the first phrase, in i's phrase and its modifiers
// (not clauses of their own), that names an actor, with its conjuncts
// that do too.
func (s *sentence) actorsWithin(i int) []int {
	t := s.t
	if s.actorOf(i) != nil {
		var out []int
		for _, k := range t.conjuncts(i) {
			if s.actorOf(k) != nil {
				out = append(out, k)
			}
		}
		return out
	}
	for _, c := range t.children[i] {
		switch t.rel[c] {
		case "ccomp", "parataxis", "advcl", "acl:relcl", "csubj", "conj", "punct", "cc", "amod", "det", "nummod":
			continue // clauses of their own, and adjectives: "military aid"
		}
		if s.locative(c) {
			continue
		}
		if out := s.actorsWithin(c); len(out) > 0 {
			return out
		}
	}
	return nil
}

// locatives are prepositions whose object is where something happens.
var locatives = map[string]bool{
	"in": true, "near": true, "outside": true, "inside": true, "across": true, "around": true,
	"throughout": true, "within": true, "along": true, "during": true, "toward": true, "towards": true,
}

// locative reports whether phrase c says where (or when) the act
// happened, not to whom: "met in Amman". PETRARCH takes such actors as
// targets too, with LocativeTargets. A preposition right after a verb is
// taken for its particle ("taken in thousands of refugees").
func (s *sentence) locative(c int) bool {
	t := s.t
	if s.c.LocativeTargets || !locatives[t.prep(c)] {
		return false
	}
	if k := t.child(c, "case"); k > 0 && t.toks[k-1].UPOS == "VERB" {
		for _, e := range s.c.Verbs.Verbs[t.lemma[k-1]] {
			if len(e.After) > 0 && e.After[0] == t.lower[k] {
				return false
			}
		}
	}
	return true
}

// firstActorAfter returns the first phrase after the predicate that names
// an actor, in its prepositional phrases and their modifiers.
func (s *sentence) firstActorAfter(cl *clause) []int {
	saved := cl.objects
	cl.objects = nil
	defer func() { cl.objects = saved }()
	return s.defaultTargets(cl)
}

// defaultTargets returns the objects that name actors; else the first
// phrase after the predicate, in its objects and their modifiers, then its
// prepositional phrases, that names one ("restore ties with Gondor",
// "rescheduled his trip in the White Downs"); all its conjuncts.
func (s *sentence) defaultTargets(cl *clause) []int {
	var out []int
	for _, o := range cl.objects {
		if s.actorOf(o) != nil && !s.instrument(o) {
			out = append(out, o)
		}
	}
	if len(out) > 0 {
		return out
	}
	t := s.t
	var found []int
	walk := func(i int) bool {
		found = s.actorsWithin(i)
		return len(found) > 0
	}
	post := append(append([]int(nil), cl.objects...), cl.post...)
	for _, c := range post {
		switch relBase(t.rel[c]) {
		case "ccomp", "parataxis", "advcl", "conj":
			continue
		}
		if slices.Contains(cl.agents, c) || s.locative(c) || s.instrument(c) {
			continue // the doer of a passive; a place; a weapon
		}
		if walk(c) {
			return found
		}
	}
	// Last, a purpose clause's or a participle's object: "signed an accord
	// to supply Gondor", "rescheduled his trip hunting in the White Downs".
	for _, c := range post {
		if relBase(t.rel[c]) == "advcl" {
			if m := t.child(c, "mark"); (m < 0 || t.lower[m] == "to") && walk(c) {
				return found
			}
		}
	}
	return nil
}

// instrument reports whether phrase o names the weapon used, not the
// party it was used on: "fired two artillery shells at Seoul". Its head
// is a member of the verb dictionary's &WEAPON synset, and it names no
// country ("Syrian tanks" may well be a target).
func (s *sentence) instrument(o int) bool {
	if s.t.toks[o].UPOS != "NOUN" {
		return false
	}
	if a := s.actorOf(o); a != nil && a.Country != "" {
		return false
	}
	return s.wordIs(o, Word{Synset: "weapon"})
}

// events makes one event per source and target pair that name actors.
func (s *sentence) events(v int, code, reciprocal, rule string, conf float64, negated bool, sources, targets []int, compound bool) []Event {
	srcs := s.actors(sources)
	tgts := s.actors(targets)
	var out []Event
	add := func(a, b *Actor, code string) {
		// An event needs a source; under RequireDyad a target too.
		if a == nil || b == nil && s.c.RequireDyad {
			return
		}
		if a != nil && b != nil && a.Code == b.Code && a.Span == b.Span {
			return
		}
		out = append(out, Event{Source: a, Target: b, Code: code, Rule: rule,
			Confidence: conf, Negated: negated, Verb: s.t.toks[v].Span})
	}
	// A compound subject acting with no other party acts on itself in
	// pairs: "Gondor and Osgiliath renewed ties".
	if len(tgts) == 0 && len(srcs) > 1 && (compound || reciprocal != "" || pairwise(code)) {
		for i, a := range srcs {
			for j, b := range srcs {
				if i != j {
					add(a, b, code)
				}
			}
		}
		return out
	}
	if len(srcs) == 0 {
		srcs = []*Actor{nil}
	}
	if len(tgts) == 0 {
		tgts = []*Actor{nil}
	}
	for _, a := range srcs {
		for _, b := range tgts {
			add(a, b, code)
			if reciprocal != "" && a != nil && b != nil {
				add(b, a, reciprocal)
			}
		}
	}
	return out
}

// pairwise reports whether a code describes an interaction that a compound
// subject with no target has with itself: meeting, agreeing, cooperating.
func pairwise(code string) bool {
	switch code[:2] {
	case "03", "04", "05", "06":
		return true
	}
	return false
}

// actors returns the actors of phrases, skipping those that name none. A
// conjunct that names only a role takes the country of the phrase before
// it ("Danish media and government").
func (s *sentence) actors(heads []int) []*Actor {
	var out []*Actor
	var countries []string // of the first phrase, in order
	for k, h := range s.members(heads) {
		for _, a := range s.actorsOf(h) {
			if k == 0 && a.Country != "" && !slices.Contains(countries, a.Country) {
				countries = append(countries, a.Country)
			}
			if a.Incomplete && k > 0 && len(countries) > 0 {
				// "Lawmakers and officials in Arnor and Gondor".
				for _, c := range countries {
					out = append(out, &Actor{Code: c + a.Code, Country: c, Role: a.Role, Span: a.Span})
				}
				continue
			}
			if a.Incomplete && s.c.CompleteActors {
				continue
			}
			out = append(out, a)
		}
	}
	return out
}

// members returns heads with the phrases an apposition adds when it names
// another country's actor: "Mordor, the Shire, Arnor and Bree", parsed as
// Mordor with the apposition "the Shire, Arnor and Bree", is four actors;
// "Safadi, Jordan's foreign minister" stays one.
func (s *sentence) members(heads []int) []int {
	t := s.t
	out := append([]int(nil), heads...)
	for _, h := range heads {
		a := s.actorOf(h)
		if a == nil {
			continue
		}
		for _, ap := range t.kids(h, "appos") {
			b := s.actorOf(ap)
			if b == nil || b.Country == a.Country {
				continue
			}
			for _, c := range t.conjuncts(ap) {
				if !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func (e *Event) note(s string) { e.Rule = fmt.Sprintf("%s %s", e.Rule, s) }
