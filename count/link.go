package count

import "slices"

// A typing is a type and the token that gave it.
type typing struct {
	typ  Type
	verb int
}

func (t typing) ok() bool { return t.typ != 0 }

// link gives each quantity of s a type and its type word, or leaves it
// untyped (and so not a count). Coordinated quantities ("12 soldiers and 3
// civilians") share the verb before the first and the predicate after the
// last. For each quantity the first source that gives a type wins:
//
//  1. a transitive verb right before it ("killed 12", "rounded up 200"), or
//     a nominal before "of" ("the killing of 12 protesters");
//  2. the predicate after its noun phrase ("were killed", "have fled", "are
//     missing", "dead", "to flee", "were taken hostage"), unless it makes
//     the quantity the agent ("300 gunmen killed 12");
//  3. the count before it, when words such as "including" join them;
//  4. the parse: the object or passive subject of a transitive type verb,
//     the subject of an intransitive one or of a state;
//  5. the object's head noun ("refugees", "40 deaths", "claimed 15 lives")
//     or a modifier in it ("displaced Syrians");
//  6. a toll before it ("the death toll rose to 40").
//
// A displacement verb with a refugee noun gives Refugees ("500,000
// refugees have fled").
func (f *Finder) link(s *sentence, qs []quantity) {
	for a := 0; a < len(qs); {
		b := a
		for b+1 < len(qs) && f.coordinated(s, &qs[b], &qs[b+1]) {
			b++
		}
		left := f.leftType(s, &qs[a])
		right, agent := f.predicate(s, qs[b].end)
		if right.ok() && right.verb == qs[b].end && f.isState(s, right.verb) {
			// "left 30 dead", "took 250 people hostage": the count is the
			// object of the verb before it, and the event is that verb's.
			if v := qs[a].first - 1; v >= 0 && s.toks[v].UPOS == "VERB" && !f.isReport(s, v) {
				right.verb = v
			}
		}
		for i := a; i <= b; i++ {
			q := &qs[i]
			t := left
			if !t.ok() && !agent {
				t = right
			}
			if !t.ok() && i == a {
				t = f.coordinatedType(s, q)
			}
			if !t.ok() {
				t = f.inherited(s, qs[:i], q)
			}
			if !t.ok() && !agent {
				t = f.parseType(s, q)
			}
			own := f.objectType(s, q)
			if !t.ok() {
				t = own
			} else if t.typ == Displaced && own.typ == Refugees {
				t.typ = Refugees
			}
			if !t.ok() {
				t = f.tollType(s, qs, q)
			}
			q.typ, q.verb = t.typ, t.verb
			if q.head >= 0 && f.hasWord(s, q.head, kindEvent) {
				q.objLimit = q.objFirst // "40 deaths" counts no group
			}
		}
		a = b + 1
	}
}

// coordinated reports whether q is joined to p by "and", ",", ", and",
// "as well as" or "plus" and nothing else.
func (f *Finder) coordinated(s *sentence, p, q *quantity) bool {
	btw := s.low[p.end:q.first]
	switch len(btw) {
	case 1:
		return btw[0] == "and" || btw[0] == "," || btw[0] == "plus"
	case 2:
		return btw[0] == "," && btw[1] == "and"
	case 3:
		return btw[0] == "as" && btw[1] == "well" && btw[2] == "as"
	}
	return false
}

// leftType reads a transitive type verb right before q ("killed 12",
// "killing at least 12", "rounded up 200") or a nominal before "of" ("the
// killing of 12").
func (f *Finder) leftType(s *sentence, q *quantity) typing {
	first := q.first
	if isQuote(at(s.low, first-1)) {
		first-- // killed "dozens of terrorists"
	}
	if w, start, ok := f.wordEnding(s, first, kindVerb); ok {
		t := typing{w.typ, start}
		if c := at(s.low, start-1); (c == "or" || c == "and") && (w.typ == Killed || w.typ == Wounded) {
			if o, _, ok := f.wordEnding(s, start-1, kindVerb); ok && (o.typ == Killed || o.typ == Wounded) && o.typ != w.typ {
				t.typ = Casualties // "killed or wounded 54 civilians"
			}
		}
		return t
	}
	if at(s.low, first-1) == "of" {
		if w, start, ok := f.wordEnding(s, first-1, kindNominal); ok {
			return typing{w.typ, start}
		}
	}
	return typing{verb: -1}
}

// isQuote reports whether w is a quotation mark.
func isQuote(w string) bool {
	switch w {
	case `"`, "“", "”", "'", "‘", "’", "``", "''":
		return true
	}
	return false
}

// maxCoordinated bounds the noun phrase between a verb and a count
// coordinated with it ("killed a senior commander and three fighters").
const maxCoordinated = 8

// coordinatedType reads a transitive type verb whose object is a noun
// phrase coordinated with q: "killed a senior Hezbollah commander and
// three other fighters".
func (f *Finder) coordinatedType(s *sentence, q *quantity) typing {
	j := q.first - 1
	if at(s.low, j) != "and" {
		return typing{verb: -1}
	}
	if at(s.low, j-1) == "," {
		j--
	}
	and := j
	for n := 0; n < maxCoordinated && j > 0; n++ {
		j--
		switch s.toks[j].UPOS {
		case "DET", "ADJ", "NOUN", "PROPN", "PART":
			continue
		}
		break
	}
	if j+1 < and && j >= 0 { // a noun phrase between the verb and "and"
		if w, start, ok := f.wordEnding(s, j+1, kindVerb); ok && start <= j {
			return typing{w.typ, start}
		}
	}
	return typing{verb: -1}
}

// maxAside bounds the words of an aside between a count and its predicate.
const maxAside = 12

// skipAside returns the index after an aside at k (", including 40
// children,", ", most of them civilians,"), or k.
func (f *Finder) skipAside(s *sentence, k int) int {
	if at(s.low, k) != "," || !f.hasWord(s, k+1, kindAside) {
		return k
	}
	for j := k + 2; j < len(s.toks) && j <= k+maxAside; j++ {
		if s.low[j] == "," {
			return j + 1
		}
	}
	return k
}

// predicate reads what follows a count's noun phrase, which ends before
// token k: an auxiliary chain and a type verb, intransitive or state
// ("were killed", "have fled", "are missing", "dead", "to flee", "were left
// homeless", "were taken hostage"). agent is true when an active
// transitive type verb makes the count its subject ("300 gunmen killed
// 12"): no type then.
func (f *Finder) predicate(s *sentence, k int) (t typing, agent bool) {
	t.verb = -1
	k = f.skipAside(s, k)
	switch at(s.low, k) {
	case "who", "that", "which":
		k++ // "12 people who were killed"
	}
	be, have := false, false
	for n := 0; n < 6 && k < len(s.toks); n, k = n+1, k+1 {
		tok := &s.toks[k]
		switch {
		case s.lem[k] == "be":
			be = true
			continue
		case s.lem[k] == "have" && tok.UPOS == "AUX":
			have = true
			continue
		case tok.XPOS == "MD", tok.UPOS == "ADV" && s.low[k] != "not" && s.low[k] != "never",
			s.low[k] == "all", s.low[k] == "both":
			continue
		}
		break
	}
	if k >= len(s.toks) {
		return t, false
	}
	if (be || s.toks[k].UPOS == "VERB") && (at(s.low, k+1) == "and" || at(s.low, k+1) == "or") && f.hasWord(s, k+2, kindVerb) {
		k += 2 // "were shot and killed"
	}
	if s.low[k] == "to" {
		// "forced 20,000 families to flee", "are expected to be evacuated"
		k = f.skipInfinitive(s, k, &be)
	}
	// "were left homeless", "are feared dead", "are known to have died".
	link := -1
	if _, end, ok := f.firstWord(s, k, kindLink); ok && end < len(s.toks) {
		next := f.skipInfinitive(s, end, &be)
		if f.hasWord(s, next, kindState) || f.hasWord(s, next, kindVerb) || f.hasWord(s, next, kindIntransitive) {
			link, k, be = k, next, true
		}
	}
	if w, end, ok := f.firstWord(s, k, kindVerb); ok {
		switch {
		case be:
			return f.casualties(s, typing{w.typ, k}, end), false
		case have, f.phraseFollows(s, end):
			return t, true
		}
		return f.casualties(s, typing{w.typ, k}, end), false // "12 killed in ...", "people wounded."
	}
	if w, _, ok := f.firstWord(s, k, kindIntransitive); ok {
		return typing{w.typ, k}, false
	}
	if w, end, ok := f.firstWord(s, k, kindState); ok {
		t = typing{w.typ, k}
		if link >= 0 && s.toks[k].UPOS == "ADP" {
			t.verb = link // "were taken into custody", "were driven from their homes"
		}
		return f.casualties(s, t, end), false
	}
	return t, false
}

// skipInfinitive returns the index after "to", "have", "be" and "been" at
// k ("to have been killed"), setting *be when a form of "be" is among them.
func (f *Finder) skipInfinitive(s *sentence, k int, be *bool) int {
	for n := 0; n < 4 && k < len(s.toks); n, k = n+1, k+1 {
		switch {
		case s.low[k] == "to", s.low[k] == "have":
		case s.lem[k] == "be":
			*be = true
		default:
			return k
		}
	}
	return k
}

// casualties turns a killed or wounded typing into Casualties when the
// word ending before end is joined by "or" or "and" to a word of the other
// type ("were killed or injured", "dead or wounded").
func (f *Finder) casualties(s *sentence, t typing, end int) typing {
	if (t.typ != Killed && t.typ != Wounded) || (at(s.low, end) != "or" && at(s.low, end) != "and") {
		return t
	}
	for _, k := range []wordKind{kindVerb, kindState} {
		if w, _, ok := f.firstWord(s, end+1, k); ok && (w.typ == Killed || w.typ == Wounded) && w.typ != t.typ {
			return typing{Casualties, t.verb}
		}
	}
	return t
}

// phraseFollows reports whether a noun phrase starts at j, as the object
// of an active verb does.
func (f *Finder) phraseFollows(s *sentence, j int) bool {
	if j >= len(s.toks) || f.isDate(s, j) {
		return false
	}
	switch s.toks[j].XPOS {
	case "DT", "CD", "PRP", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS":
		return true
	}
	if isDigits(s, j) {
		return true
	}
	_, _, ok := f.quals.first(s.low[j], s.low, j)
	return ok
}

// inherited gives q the type and verb of the count before it when words
// such as "including" or "among them" come between ("killed 5, including
// 2 children").
func (f *Finder) inherited(s *sentence, before []quantity, q *quantity) typing {
	if _, _, ok := f.wordEnding(s, q.first, kindInherit); !ok {
		return typing{verb: -1}
	}
	for i := len(before) - 1; i >= 0; i-- {
		if p := &before[i]; p.typ != 0 {
			return typing{p.typ, p.verb}
		}
	}
	return typing{verb: -1}
}

// parseType reads q's relation in the parse: object or passive subject of
// a transitive type verb, subject of an intransitive verb or of a state,
// through coordination ("12 soldiers and 3 civilians").
func (f *Finder) parseType(s *sentence, q *quantity) typing {
	t := f.parseTypeAt(s, q.anchor())
	if !t.ok() && q.head >= 0 {
		t = f.parseTypeAt(s, q.numLimit-1) // "62 of its prisoners": the number heads
	}
	return t
}

func (f *Finder) parseTypeAt(s *sentence, h int) typing {
	none := typing{verb: -1}
	for n := 0; n < 4 && s.toks[h].Deprel == "conj"; n++ {
		if h = s.head(h); h < 0 {
			return none
		}
	}
	g := s.head(h)
	if g < 0 {
		return none
	}
	switch s.toks[h].Deprel {
	case "obj", "nsubj:pass":
		if w, _, ok := f.firstWord(s, g, kindVerb); ok {
			return typing{w.typ, g}
		}
	case "nsubj":
		for _, k := range []wordKind{kindIntransitive, kindState} {
			if w, _, ok := f.firstWord(s, g, k); ok {
				return typing{w.typ, g}
			}
		}
		if w, _, ok := f.firstWord(s, g, kindVerb); ok && hasChild(s, g, "aux:pass") {
			return typing{w.typ, g}
		}
	}
	return none
}

// hasChild reports whether token g has a dependent with relation rel.
func hasChild(s *sentence, g int, rel string) bool {
	for i := range s.toks {
		if s.toks[i].Head == g && i != g && s.toks[i].Deprel == rel {
			return true
		}
	}
	return false
}

// objectType reads the type of q's own words: a group noun ("1.5 million
// refugees"), an event noun ("40 deaths", "claimed 15 lives") or a type
// word modifying the head ("displaced Syrians", "missing soldiers").
func (f *Finder) objectType(s *sentence, q *quantity) typing {
	if q.head >= 0 {
		if w, _, ok := f.firstWord(s, q.head, kindGroup); ok {
			return typing{w.typ, q.head}
		}
		var t typing
		f.word(s, q.head, kindEvent, func(w typeWord, _ int) bool {
			switch {
			case len(w.with) == 0:
				t = typing{w.typ, q.head}
			case q.first > 0 && slices.Contains(w.with, s.lem[q.first-1]):
				t = typing{w.typ, q.first - 1} // "claimed 15 lives"
			default:
				if v := f.predicateVerb(s, q.end); v >= 0 && slices.Contains(w.with, s.lem[v]) {
					t = typing{w.typ, v} // "15 lives were lost"
				}
			}
			return !t.ok()
		})
		if t.ok() {
			return t
		}
	}
	for j := q.objFirst; j < q.head; j++ {
		for _, k := range []wordKind{kindVerb, kindState} {
			if w, _, ok := f.firstWord(s, j, k); ok {
				return typing{w.typ, j}
			}
		}
	}
	return typing{verb: -1}
}

// predicateVerb returns the first verb after the auxiliaries at k, or -1.
func (f *Finder) predicateVerb(s *sentence, k int) int {
	for n := 0; n < 4 && k < len(s.toks); n, k = n+1, k+1 {
		if s.toks[k].UPOS == "VERB" {
			return k
		}
		if s.toks[k].UPOS != "AUX" && s.toks[k].UPOS != "ADV" {
			break
		}
	}
	return -1
}

// maxToll bounds the distance from a toll noun to its number.
const maxToll = 12

// tollType reads a toll whose value q is: "the death toll rose to 40", "put
// the toll at 1,136", "the number of displaced people has reached 11
// million".
func (f *Finder) tollType(s *sentence, qs []quantity, q *quantity) typing {
	none := typing{verb: -1}
	_, c, ok := f.wordEnding(s, q.first, kindConnect)
	lowest := c - maxToll
	if !ok {
		c, lowest = q.first, q.first-1 // "the death toll up to 212"
	}
	for j := c - 1; j >= 0 && j >= lowest; j-- {
		if s.low[j] == ";" || s.low[j] == ":" || inQuantity(qs, j) {
			return none
		}
		w, _, ok := f.firstWord(s, j, kindToll)
		if !ok {
			continue
		}
		if w.typ != 0 {
			return typing{w.typ, j}
		}
		// "the number of people killed": the type word after "of".
		if at(s.low, j+1) != "of" {
			continue
		}
		for k := j + 2; k < c && !inQuantity(qs, k); k++ {
			for _, kind := range []wordKind{kindVerb, kindIntransitive, kindState, kindGroup, kindEvent} {
				if w, _, ok := f.firstWord(s, k, kind); ok {
					return typing{w.typ, k}
				}
			}
		}
	}
	return none
}

// inQuantity reports whether token j is inside one of qs.
func inQuantity(qs []quantity, j int) bool {
	for i := range qs {
		if j >= qs[i].first && j < qs[i].end {
			return true
		}
	}
	return false
}

// hasWord reports whether a type word of kind k starts at token i.
func (f *Finder) hasWord(s *sentence, i int, k wordKind) bool {
	_, _, ok := f.firstWord(s, i, k)
	return ok
}

// isState reports whether token i starts a state word.
func (f *Finder) isState(s *sentence, i int) bool { return f.hasWord(s, i, kindState) }

// isReport reports whether token i is a reporting verb.
func (f *Finder) isReport(s *sentence, i int) bool { return f.hasWord(s, i, kindReport) }
