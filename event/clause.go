package event

import (
	"slices"
	"strings"

	"sitrep/actor"
	"sitrep/nlp"
)

// A sentence is one sentence being coded, with the actors of its noun
// phrases worked out as they are needed.
type sentence struct {
	c    *Coder
	t    *tree
	opt  Options
	done []bool
	nps  [][]*Actor
	// clauses and codes are worked out once per predicate (see clauseOf
	// and plainCode); codes[v] is "" until then.
	clauses []*clause
	codes   []string
	// prev is the last subject of the sentences before that named an
	// actor, for pronouns that refer back to it.
	prev *mention
	// scratch is the match matchPattern works in: most patterns fail,
	// and only one that fits is copied out.
	scratch match
}

func newSentence(c *Coder, toks []nlp.Token, opt Options) *sentence {
	return &sentence{c: c, t: newTree(toks), opt: opt,
		done: make([]bool, len(toks)), nps: make([][]*Actor, len(toks))}
}

// npRels are the relations that keep a dependent inside its head's noun
// phrase for actor coding.
var npRels = map[string]bool{
	"det": true, "amod": true, "compound": true, "flat": true, "nmod:poss": true,
	"nummod": true, "nmod:desc": true, "fixed": true, "goeswith": true, "nmod:npmod": true,
	"compound:prt": true, "det:poss": true,
}

// actorOf returns the first actor named by the noun phrase headed by
// token i, or nil.
func (s *sentence) actorOf(i int) *Actor {
	if as := s.actorsOf(i); len(as) > 0 {
		return as[0]
	}
	return nil
}

// actorsOf returns the actors named by the noun phrase headed by token i:
// usually one; several when a role noun is placed in several countries
// ("lawmakers in Arnor and Gondor"). A role noun with no country of its
// own takes the country of a prepositional phrase ("soldiers from
// Gondor"); an apposition names the actor when the head does not
// ("Safadi, the foreign minister").
func (s *sentence) actorsOf(i int) []*Actor {
	if i < 0 {
		return nil
	}
	if s.done[i] {
		return s.nps[i]
	}
	s.done[i] = true
	t := s.t
	a := s.resolve(i)
	var out []*Actor
	// "The ambassadors of Arnor, Osgiliath and Gondor": one actor for
	// each country of a coordinated "of" phrase.
	if of := s.ofConjuncts(i); len(of) > 1 {
		if h := s.resolveHead(i); h != nil && h.Incomplete {
			a = h
		}
	}
	// "Eriadori and Calenardhon leaders": one actor for each country of
	// a coordinated modifier.
	if out = s.coordinatedModifiers(i); len(out) > 0 {
		s.nps[i] = out
		return out
	}
	if a == nil || a.Incomplete {
		for _, c := range t.children[i] {
			if relBase(t.rel[c]) != "nmod" {
				continue
			}
			prep := t.prep(c)
			switch prep {
			case "of", "from", "in", "for":
			default:
				continue
			}
			for _, k := range t.conjuncts(c) {
				for _, b := range s.actorsOf(k) {
					if b.Incomplete || b.Country == "" {
						continue
					}
					if a == nil {
						if prep != "of" {
							continue // "an attack in Ithilen" is not Ithilen
						}
						// "the leaders of Gondor", "the population
						// of Gondor": Gondor.
						out = append(out, b)
						continue
					}
					out = append(out, &Actor{Code: b.Country + a.Code, Country: b.Country,
						Role: a.Role, Span: a.Span})
				}
			}
			if len(out) > 0 {
				break
			}
		}
	}
	if len(out) == 0 && a != nil {
		out = []*Actor{a}
	}
	if len(out) == 0 && t.toks[i].UPOS == "PRON" && isPersonalPronoun(t.lower[i]) && relBase(t.rel[i]) == "nsubj" {
		out = s.antecedent(i)
	}
	if len(out) == 0 {
		for _, ap := range t.kids(i, "appos") {
			if b := s.resolve(ap); b != nil {
				out = []*Actor{b}
				break
			}
		}
	}
	s.nps[i] = out
	return out
}

// coordinatedModifiers returns one actor per country of a coordinated
// modifier of i (with i's role, if its head word names one), or nil.
func (s *sentence) coordinatedModifiers(i int) []*Actor {
	t := s.t
	for _, c := range t.children[i] {
		if c > i || (t.rel[c] != "compound" && t.rel[c] != "amod") || t.child(c, "conj") < 0 {
			continue
		}
		var countries []*Actor
		for _, m := range t.conjuncts(c) {
			if b := s.resolve(m); b != nil && b.Country != "" && !b.Incomplete {
				countries = append(countries, b)
			}
		}
		if len(countries) < 2 {
			return nil
		}
		role, _ := s.c.Actors.Resolve(t.toks[i:i+1], s.opt.Date, "")
		var out []*Actor
		for _, b := range countries {
			if role.Incomplete {
				out = append(out, &Actor{Code: b.Country + role.Code, Country: b.Country,
					Role: strings.Join(role.Roles, ""), Span: b.Span})
			} else {
				out = append(out, b)
			}
		}
		return out
	}
	return nil
}

// ofConjuncts returns the conjoined heads of i's "of" phrase, or nil.
func (s *sentence) ofConjuncts(i int) []int {
	for _, c := range s.t.children[i] {
		if relBase(s.t.rel[c]) == "nmod" && s.t.prep(c) == "of" {
			return s.t.conjuncts(c)
		}
	}
	return nil
}

// resolveHead codes i's phrase without its "of" phrase.
func (s *sentence) resolveHead(i int) *Actor {
	t := s.t
	lo := i
	for _, c := range t.children[i] {
		if c < i && (npRels[t.rel[c]] || npRels[relBase(t.rel[c])]) {
			a, _ := t.span(c)
			lo = min(lo, a)
		}
	}
	a, ok := s.c.Actors.Resolve(t.toks[lo:i+1], s.opt.Date, s.opt.Focus)
	if !ok {
		return nil
	}
	return actorOf(a)
}

// isPersonalPronoun reports whether w is a third-person subject pronoun
// that can stand for an actor. Possessives ("its embassy") are left alone:
// they rarely name the party an event is about.
func isPersonalPronoun(w string) bool {
	switch w {
	case "it", "they", "he", "she":
		return true
	}
	return false
}

// A mention is a subject phrase that pronouns after it can stand for.
type mention struct {
	actors []*Actor
	plural bool // "rebels", "Jordan and Israel"
	person bool // a proper name that codes as a role in a country, not a country
}

// mentionOf describes subject k, or returns false when it names no actor.
func (s *sentence) mentionOf(k int) (mention, bool) {
	t := s.t
	as := s.actorsOf(k)
	if len(as) == 0 {
		return mention{}, false
	}
	m := mention{actors: as}
	for _, c := range t.conjuncts(k)[1:] {
		m.actors = append(m.actors, s.actorsOf(c)...)
	}
	switch {
	case len(m.actors) > 1 || t.toks[k].XPOS == "NNS" || t.toks[k].XPOS == "NNPS":
		m.plural = true
	case t.toks[k].UPOS == "PROPN" && as[0].Role != "":
		m.person = true
	}
	return m, true
}

// fits reports whether pronoun w can stand for m: "they" a plural, "it" a
// country or organization, "he" and "she" a person.
func (m mention) fits(w string) bool {
	if len(m.actors) == 0 {
		return false
	}
	switch w {
	case "they":
		return m.plural
	case "it":
		return !m.plural && !m.person
	default:
		return m.person
	}
}

// antecedent returns the actors a pronoun at i stands for: the nearest
// subject before it in the sentence that fits it ("Ethiopia indicated it
// would act"; "Jordan and Israel have said they will not"), else the last
// subject of the sentences before if it fits ("it" and "they" only). When
// nothing fits the pronoun codes nothing: better an empty slot than a guess.
func (s *sentence) antecedent(i int) []*Actor {
	t := s.t
	w := t.lower[i]
	for k := i - 1; k >= 0; k-- {
		if relBase(t.rel[k]) != "nsubj" || t.toks[k].UPOS == "PRON" {
			continue
		}
		m, ok := s.mentionOf(k)
		if ok && m.fits(w) {
			return s.asPronoun(m.actors, i)
		}
		// The nearest subject that agrees in number is the antecedent
		// even when it names no actor ("both countries have insisted
		// they"): then the pronoun codes nothing.
		plural := t.toks[k].XPOS == "NNS" || t.toks[k].XPOS == "NNPS" || t.child(k, "conj") >= 0
		if !ok && (w == "they") == plural {
			return nil
		}
	}
	// "Jordan, which has taken in ..., and Israel have said they": when
	// the parser has split the coordination, "they" is the countries named
	// as subjects before it.
	if w == "they" {
		var all []*Actor
		for k := i - 1; k >= 0; k-- {
			if relBase(t.rel[k]) == "nsubj" && t.toks[k].UPOS == "PROPN" {
				if m, ok := s.mentionOf(k); ok && !m.person {
					all = append(all, m.actors...)
				}
			}
		}
		if len(all) > 1 {
			return s.asPronoun(all, i)
		}
	}
	if s.prev != nil && (w == "it" || w == "they") && s.prev.fits(w) {
		return s.asPronoun(s.prev.actors, i)
	}
	return nil
}

// asPronoun copies actors with the pronoun's span.
func (s *sentence) asPronoun(as []*Actor, i int) []*Actor {
	out := make([]*Actor, len(as))
	for k, a := range as {
		b := *a
		b.Span = s.t.toks[i].Span
		out[k] = &b
	}
	return out
}

// resolve codes the phrase of head i alone. When the whole phrase names no
// actor, its longest beginning that does is taken ("Gondor's Prime
// Minister Falastur", whose name the dictionary lacks, is Gondor's prime
// minister; "Caras Galadhon's new mayor" is Caras Galadhon).
func (s *sentence) resolve(i int) *Actor {
	t := s.t
	switch t.toks[i].UPOS {
	case "NOUN", "PROPN", "PRON", "X", "ADJ", "NUM", "SYM":
	default:
		// A word the tagger got wrong in a nominal's place ("Pyongyang"
		// tagged as a verb, but a subject) is still a phrase.
		if r := relBase(t.rel[i]); r != "nsubj" && r != "obj" {
			return nil
		}
	}
	lo, hi := s.npBounds(i)
	// Quantifiers before the phrase are not part of the name: "at least
	// 12 civilians", "more than half a million displaced Syrians".
	for lo < i && quantifier(t.toks[lo]) {
		lo++
	}
	if a, ok := s.c.Actors.Resolve(t.toks[lo:hi+1], s.opt.Date, s.opt.Focus); ok {
		return actorOf(a)
	}
	// A beginning that ends in a name or a possessive, or that is a bare
	// country: "Gondor's Prime Minister Falastur", "Russian air strikes";
	// not "military" of "military aid".
	for end := hi; end > lo; end-- {
		last := t.toks[end-1]
		named := last.UPOS == "PROPN" || strings.EqualFold(last.Form, "'s")
		a, ok := s.c.Actors.Resolve(t.toks[lo:end], s.opt.Date, "")
		if ok && (named || len(a.Roles) == 0 && !a.Incomplete) {
			return actorOf(a)
		}
	}
	// Last, a proper name on its own, whatever its modifiers ("an anti-
	// Gondor parade", where the dash hides Gondor from the phrase).
	if t.toks[i].UPOS == "PROPN" {
		if a, ok := s.c.Actors.Resolve(t.toks[i:i+1], s.opt.Date, s.opt.Focus); ok {
			return actorOf(a)
		}
	}
	return nil
}

// quantifier reports whether tok can open a count before a noun phrase.
func quantifier(tok nlp.Token) bool {
	switch tok.UPOS {
	case "ADP", "ADV", "NUM", "SYM", "CCONJ":
		return true
	}
	switch strings.ToLower(tok.Form) {
	case "least", "most", "more", "than", "dozens", "hundreds", "thousands", "millions", "half", "several", "some":
		return true
	}
	return false
}

// actorOf converts a resolved actor.
func actorOf(a actor.Actor) *Actor {
	return &Actor{Code: a.Code, Country: a.Country, Role: strings.Join(a.Roles, ""),
		Span: a.Span, Incomplete: a.Incomplete}
}

// npBounds returns the first and last token of i's noun phrase: i, its
// pre- and post-modifiers that keep to the phrase, and "of" phrases.
func (s *sentence) npBounds(i int) (int, int) {
	t := s.t
	lo, hi := i, i
	for _, c := range t.children[i] {
		keep := npRels[t.rel[c]] || npRels[relBase(t.rel[c])] && t.rel[c] != "nmod"
		if !keep && relBase(t.rel[c]) == "nmod" && t.prep(c) == "of" {
			keep = true
		}
		if !keep {
			continue
		}
		a, b := t.span(c)
		lo, hi = min(lo, a), max(hi, b)
	}
	return lo, hi
}

// A clause is what the coder knows about one predicate.
type clause struct {
	verb     int
	passive  bool
	negated  bool
	subjects []int // heads of the subject phrases (own or inherited)
	objects  []int // direct and indirect objects; subjects of a passive
	agents   []int // "by" phrases of a passive
	// pre and post are the predicate's constituents before and after it.
	pre, post []int
	inherited bool // the subjects come from another predicate
	// preSlots and postSlots lay out pre and post for pattern matching,
	// once per clause (see slots).
	preSlots, postSlots []pslot
	slotted             bool
}

// clauseOf works out predicate v's arguments, once: callers share the
// clause and must not change it.
func (s *sentence) clauseOf(v int) *clause {
	if s.clauses == nil {
		s.clauses = make([]*clause, len(s.t.toks))
	}
	if s.clauses[v] == nil {
		s.clauses[v] = s.newClause(v)
	}
	return s.clauses[v]
}

func (s *sentence) newClause(v int) *clause {
	t := s.t
	cl := &clause{verb: v, negated: t.negated(v)}
	cl.passive = t.child(v, "aux:pass") >= 0 || t.child(v, "nsubj:pass") >= 0
	for _, c := range t.children[v] {
		switch r := t.rel[c]; {
		case r == "nsubj:pass" || r == "csubj:pass":
			cl.objects = append(cl.objects, t.conjuncts(c)...)
		case relBase(r) == "nsubj":
			cl.subjects = append(cl.subjects, t.conjuncts(c)...)
		case r == "obj" || r == "iobj":
			cl.objects = append(cl.objects, t.conjuncts(c)...)
		case r == "obl:agent" || relBase(r) == "obl" && cl.passive && t.prep(c) == "by":
			cl.agents = append(cl.agents, t.conjuncts(c)...)
		}
	}
	// A relative pronoun subject stands for the noun the clause modifies.
	for k, subj := range cl.subjects {
		if isRelative(t.lower[subj]) && t.rel[v] == "acl:relcl" {
			if h := t.head(v); h >= 0 {
				cl.subjects[k] = h
			}
		}
	}
	if len(cl.subjects) == 0 {
		cl.subjects = s.inheritSubjects(v, cl)
		cl.inherited = len(cl.subjects) > 0
	}
	if cl.passive && len(cl.agents) > 0 {
		// The agent does it to the passive subject.
		cl.subjects = cl.agents
	} else if cl.passive {
		cl.subjects = nil
	}
	if len(cl.objects) == 0 {
		cl.objects = s.sharedObjects(v)
	}
	// Constituents: before the predicate its subjects (patterns describe
	// the subject there, not adverbs: "recently allowed" is "allowed"),
	// after it its own dependents in order, but not a clause of its own
	// ("allowed that Mordor isn't the neatest place").
	for _, c := range t.children[v] {
		if c < v {
			continue
		}
		switch relBase(t.rel[c]) {
		case "punct", "cc", "aux", "cop", "mark", "conj", "parataxis", "discourse", "dep", "vocative", "reparandum", "ccomp", "csubj", "nsubj":
			continue
		}
		cl.post = append(cl.post, c)
	}
	for _, subj := range cl.subjects {
		if subj < v && !slices.Contains(cl.pre, subj) {
			cl.pre = append(cl.pre, subj)
		}
	}
	slices.Sort(cl.pre)
	return cl
}

func isRelative(w string) bool {
	switch w {
	case "which", "who", "that", "whom", "whose":
		return true
	}
	return false
}

// inheritSubjects finds the subjects of a predicate that has none of its
// own: the controller of an infinitive ("Arnor is about to restore": the
// object of an object-control verb, else the subject), the subjects of the
// verb it is conjoined with, the noun a participle or relative clause
// modifies.
func (s *sentence) inheritSubjects(v int, cl *clause) []int {
	t := s.t
	h := t.head(v)
	if h < 0 {
		return nil
	}
	switch rel := t.rel[v]; relBase(rel) {
	case "xcomp":
		if obj := t.child(h, "obj"); obj >= 0 && t.toks[obj].UPOS != "VERB" {
			return t.conjuncts(obj)
		}
		// "Gollum was seen to break into ...": raising from a passive.
		if subj := t.child(h, "nsubj:pass"); subj >= 0 {
			return t.conjuncts(subj)
		}
		return s.subjectsOf(h)
	case "advcl":
		// A participle clause (", killing twelve") or a purpose clause
		// ("vowed to wage war") shares the subject; a subordinate one
		// ("after leaving") is not coded for it.
		m := t.child(v, "mark")
		if (m < 0 || t.lower[m] == "to") && (t.isVerbal(h) || t.toks[h].UPOS == "ADJ") {
			return s.subjectsOf(h)
		}
	case "conj":
		if t.isVerbal(h) || t.toks[h].UPOS == "ADJ" {
			return s.subjectsOf(h)
		}
	case "acl":
		if rel == "acl:relcl" {
			// "the town the army captured": the noun is the object;
			// "forces that attacked": handled by the relative pronoun.
			return nil
		}
		// "forces backed by Russia": the noun undergoes the act;
		// "forces attacking the town": the noun does it.
		if t.toks[v].XPOS == "VBN" {
			cl.objects = append(cl.objects, h)
			cl.passive = true
			return nil
		}
		return []int{h}
	case "ccomp":
		// "X wants to ..." is xcomp; a bare ccomp with no subject has none.
	}
	return nil
}

// subjectsOf returns the subjects of predicate p, own or inherited.
func (s *sentence) subjectsOf(p int) []int {
	t := s.t
	var out []int
	for _, c := range t.children[p] {
		if relBase(t.rel[c]) == "nsubj" && t.rel[c] != "nsubj:pass" {
			out = append(out, t.conjuncts(c)...)
		}
	}
	if len(out) > 0 {
		return out
	}
	if t.rel[p] == "acl:relcl" || relBase(t.rel[p]) == "root" {
		return nil
	}
	return s.inheritSubjects(p, &clause{})
}

// sharedObjects returns the objects a predicate shares with a conjoined
// one ("shelled and then stormed the town").
func (s *sentence) sharedObjects(v int) []int {
	t := s.t
	for _, c := range t.kids(v, "conj") {
		if c > v && t.isVerbal(c) {
			if obj := t.child(c, "obj"); obj >= 0 {
				return t.conjuncts(obj)
			}
		}
	}
	return nil
}

// lastSubject returns the sentence's last subject that names an actor, or
// nil. When the sentence's subjects name different countries or actors
// that are not one coordinated phrase, it is an empty mention that fits no
// pronoun: a pronoun in the next sentence could stand for either, and an
// empty slot beats a guess.
func (s *sentence) lastSubject() *mention {
	t := s.t
	var last *mention
	var lastTok int
	for k := len(t.toks) - 1; k >= 0; k-- {
		if relBase(t.rel[k]) != "nsubj" || t.toks[k].UPOS == "PRON" {
			continue
		}
		m, ok := s.mentionOf(k)
		if !ok {
			continue
		}
		if last == nil {
			last, lastTok = &m, k
			continue
		}
		if slices.Contains(t.conjuncts(k), lastTok) || slices.Contains(t.conjuncts(lastTok), k) {
			continue
		}
		if party(m.actors[0]) != party(last.actors[0]) {
			return &mention{} // ambiguous: fits nothing
		}
	}
	return last
}

// party is what an actor stands for when deciding whether two mentions
// could be the same: its country, else its code.
func party(a *Actor) string {
	if a.Country != "" {
		return a.Country
	}
	return a.Code
}
