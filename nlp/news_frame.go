package nlp

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The verb forms of an event clause.
type tense uint8

const (
	past        tense = iota // "shelled"
	perfect                  // "have shelled"
	progressive              // "are shelling"
	present                  // "shell", "shells": headlines
)

// eventClass picks the class of an event verb.
func (g *newsGen) eventClass() verbClass {
	switch r := g.rng.IntN(20); {
	case r < 7:
		return verbAttack
	case r < 12:
		return verbHarm
	case r < 16:
		return verbTake
	case r < 19:
		return verbFire
	default:
		return verbAid
	}
}

// verbWord appends a form of v in tense t agreeing with a subject.
func (g *newsGen) verbWord(v verb, t tense, plural bool) int {
	form, xpos := v.VBD, "VBD"
	switch t {
	case perfect:
		form, xpos = v.VBN, "VBN"
	case progressive:
		form, xpos = v.VBG, "VBG"
	case present:
		form, xpos = v.VBZ, "VBZ"
		if plural {
			form, xpos = v.Lemma, "VBP"
		}
	}
	return g.word(form, v.Lemma, "VERB", xpos)
}

// auxiliary appends "has"/"have" or "is"/"are" for tense t, or returns -1.
func (g *newsGen) auxiliary(t tense, plural bool) int {
	switch t {
	case perfect:
		if plural {
			return g.word("have", "have", "AUX", "VBP")
		}
		return g.word("has", "have", "AUX", "VBZ")
	case progressive:
		if plural {
			return g.word("are", "be", "AUX", "VBP")
		}
		return g.word("is", "be", "AUX", "VBZ")
	}
	return -1
}

// clause appends an active event clause and returns its verb: subject,
// verb, object, and perhaps a participle modifier, a relative clause, a
// place, a time and an "-ing" clause.
func (g *newsGen) clause(t tense, headline bool) int {
	s := g.subject()
	if !headline && !s.person && g.p(10) { // "forces backed by Russia"
		g.backedBy(s.head)
	}
	rel := !headline && t == past && g.p(8)
	if rel { // ", which has besieged the town since March,"
		g.relative(s)
	}
	c := g.eventClass()
	aux := g.auxiliary(t, s.plural)
	v := g.verbWord(pick(g, g.lex.verbs[c]), t, s.plural)
	g.attach(s.head, v, "nsubj")
	if aux >= 0 {
		g.attach(aux, v, "aux")
	}
	g.attach(g.object(c), v, "obj")
	if c == verbFire { // "at the capital", "into northern Israel"
		to := g.fn(pick(g, []string{"at", "into", "toward"}), "ADP", "IN")
		var h int
		if g.p(50) {
			h = g.target()
		} else {
			h = g.name(pick(g, g.lex.places), "NNP")
		}
		g.attach(to, h, "case")
		g.attach(h, v, "obl")
	}
	if c == verbAid && g.p(60) { // "people wounded in the attack"
		g.killedIn(g.toks[v].Head)
	}
	if g.p(65) {
		g.place(v)
	}
	if !headline && g.p(50) {
		g.time(v)
	}
	if !headline && (c == verbAttack || c == verbFire) && g.p(25) {
		g.killing(v)
	}
	return v
}

// killedIn gives the last object noun a participle: "wounded in the attack".
// obj is ignored when it is not a noun.
func (g *newsGen) killedIn(int) {
	obj := -1
	for i := len(g.toks) - 1; i >= 0; i-- {
		if g.toks[i].Deprel == "obj" {
			obj = i
			break
		}
	}
	if obj < 0 {
		return
	}
	h := pick(g, g.lex.verbs[verbHarm])
	p := g.dep(obj, "acl", h.VBN, h.Lemma, "VERB", "VBN")
	g.incident(p)
}

// incident appends "in the attack" as obl of h.
func (g *newsGen) incident(h int) {
	in := g.fn(pick(g, []string{"in", "in", "during"}), "ADP", "IN")
	det := g.fn("the", "DET", "DT")
	n := pick(g, g.lex.incidents)
	head := g.noun(n, n.Sing == "")
	g.attach(in, head, "case")
	g.attach(det, head, "det")
	g.attach(head, h, "obl")
}

// backedBy appends "backed by Russia" to the noun h.
func (g *newsGen) backedBy(h int) {
	b := pick(g, g.lex.verbs[verbBack])
	p := g.dep(h, "acl", b.VBN, b.Lemma, "VERB", "VBN")
	by := g.fn("by", "ADP", "IN")
	var a int
	if g.p(60) {
		a = g.name(pick(g, g.lex.nations).country, "NNP")
	} else {
		a = g.name(pick(g, g.lex.orgs), "NNP")
	}
	g.attach(by, a, "case")
	g.attach(a, p, "obl:agent")
}

// relative appends ", which has besieged the town since March," to s.
func (g *newsGen) relative(s subject) {
	g.comma(-2)
	comma := len(g.toks) - 1
	pron := "which"
	xpos := "WDT"
	if s.person {
		pron, xpos = "who", "WP"
	}
	w := g.fn(pron, "PRON", xpos)
	aux := g.auxiliary(perfect, s.plural)
	c := pick(g, []verbClass{verbAttack, verbTake, verbHarm})
	v := g.verbWord(pick(g, g.lex.verbs[c]), perfect, s.plural)
	g.attach(comma, v, "punct")
	g.attach(w, v, "nsubj")
	g.attach(aux, v, "aux")
	g.attach(g.object(c), v, "obj")
	if g.p(50) {
		since := g.fn("since", "ADP", "IN")
		m := g.name([]string{pick(g, g.lex.months)}, "NNP")
		g.attach(since, m, "case")
		g.attach(m, v, "obl")
	}
	g.comma(v)
	g.attach(v, s.head, "acl:relcl")
}

// killing appends ", killing at least 12 people" to v.
func (g *newsGen) killing(v int) {
	g.comma(-2)
	comma := len(g.toks) - 1
	h := pick(g, g.lex.verbs[verbHarm])
	k := g.dep(v, "advcl", h.VBG, h.Lemma, "VERB", "VBG")
	g.attach(comma, k, "punct")
	g.attach(g.quantity(pick(g, g.lex.victims)), k, "obj")
	if g.p(30) { // "and wounding five others"
		cc := g.fn("and", "CCONJ", "CC")
		h2 := pick(g, g.lex.verbs[verbHarm])
		w := g.dep(k, "conj", h2.VBG, h2.Lemma, "VERB", "VBG")
		g.attach(cc, w, "cc")
		num := g.number()
		o := g.dep(w, "obj", "others", "other", "NOUN", "NNS")
		g.attach(num, o, "nummod")
	}
}

// passive appends "The town of Homs was shelled by government forces" and
// returns the verb.
func (g *newsGen) passive() int {
	c := pick(g, []verbClass{verbAttack, verbAttack, verbHarm, verbHarm, verbTake})
	obj := g.object(c)
	plural := g.toks[obj].XPOS == "NNS"
	var aux, aux2 int
	perf := g.p(20)
	switch {
	case perf && plural:
		aux = g.word("have", "have", "AUX", "VBP")
	case perf:
		aux = g.word("has", "have", "AUX", "VBZ")
	case plural:
		aux = g.word("were", "be", "AUX", "VBD")
	default:
		aux = g.word("was", "be", "AUX", "VBD")
	}
	if perf {
		aux2 = g.word("been", "be", "AUX", "VBN")
	}
	vb := pick(g, g.lex.verbs[c])
	v := g.word(vb.VBN, vb.Lemma, "VERB", "VBN")
	g.attach(obj, v, "nsubj:pass")
	if perf {
		g.attach(aux, v, "aux")
		g.attach(aux2, v, "aux:pass")
	} else {
		g.attach(aux, v, "aux:pass")
	}
	switch {
	case g.p(50):
		by := g.fn("by", "ADP", "IN")
		s := g.subject()
		g.attach(by, s.head, "case")
		g.attach(s.head, v, "obl:agent")
	case c == verbHarm:
		g.incident(v)
	}
	if g.p(50) {
		g.place(v)
	}
	if g.p(40) {
		g.time(v)
	}
	return v
}

// speaker appends who reports and returns its head: "officials", "the
// ministry", "a military spokesman", "U.N. envoy Ali Rahimi", "Hamas".
func (g *newsGen) speaker() subject {
	switch r := g.rng.IntN(10); {
	case r < 5:
		s := pick(g, g.lex.speakers)
		plural := s.Plural != "" && (s.Sing == "" || g.p(60))
		det := -1
		if !plural {
			det = g.fn(pick(g, []string{"the", "a"}), "DET", "DT")
		}
		var adj = -1
		if g.p(35) {
			switch g.rng.IntN(3) {
			case 0:
				adj = g.fn(pick(g, []string{"local", "regional", "military", "senior"}), "ADJ", "JJ")
			default:
				nat := pick(g, g.lex.nations)
				adj = g.word(nat.adj, nat.adj, "ADJ", "JJ")
			}
		}
		h := g.noun(s, plural)
		if det >= 0 {
			if g.toks[det].Form == "a" {
				g.toks[det].Form = article(g.toks[det+1].Form)
			}
			g.attach(det, h, "det")
		}
		if adj >= 0 {
			g.attach(adj, h, "amod")
		}
		return subject{head: h, plural: plural}
	case r < 7:
		return g.personSubject()
	case r < 8:
		return subject{head: g.name(pick(g, g.lex.orgs), "NNP")}
	default:
		return g.actorSubject()
	}
}

// said appends "SPEAKER said" and returns "said"; the caller attaches it.
func (g *newsGen) said() int {
	s := g.speaker()
	verb, lemma := "said", "say"
	if g.p(15) {
		verb = "told"
		lemma = "tell"
	}
	v := g.word(verb, lemma, "VERB", "VBD")
	g.attach(s.head, v, "nsubj")
	if verb == "told" {
		a := g.name([]string{pick(g, g.lex.agencies)}, "NNP")
		g.attach(a, v, "iobj")
	} else if g.p(30) {
		g.time(v)
	}
	return v
}

// sentence builds one sentence and returns it as a Doc.
func (g *newsGen) sentence() *Doc {
	g.reset()
	var root int
	final := true
	title := false
	switch r := g.rng.IntN(100); {
	case r < 30: // Rebels shelled the town.
		root = g.clause(g.mainTense(), false)
	case r < 45: // Rebels shelled the town, officials said.
		v := g.clause(g.mainTense(), false)
		g.comma(v)
		root = g.said()
		g.attach(v, root, "ccomp")
	case r < 52: // Officials said rebels shelled the town.
		root = g.said()
		mark := -1
		if g.p(30) {
			mark = g.fn("that", "SCONJ", "IN")
		}
		v := g.clause(g.mainTense(), false)
		if mark >= 0 {
			g.attach(mark, v, "mark")
		}
		g.attach(v, root, "ccomp")
	case r < 62: // The town was shelled by rebels.
		root = g.passive()
	case r < 67: // Rebels shelled the town, according to officials.
		root = g.clause(past, false)
		g.comma(-2)
		comma := len(g.toks) - 1
		acc := g.word("according", "accord", "VERB", "VBG")
		to := g.fn("to", "ADP", "IN")
		s := g.speaker()
		g.attach(comma, s.head, "punct")
		g.attach(acc, s.head, "case")
		g.attach(to, acc, "fixed")
		g.attach(s.head, root, "obl")
	case r < 73: // "Rebels shelled our town," a resident said.
		g.fn(`"`, "PUNCT", "``")
		open := len(g.toks) - 1
		g.glueup = true
		v := g.clause(past, false)
		g.comma(v)
		g.glueup = true
		g.dep(v, "punct", `"`, `"`, "PUNCT", "''")
		g.attach(open, v, "punct")
		root = g.said()
		g.attach(v, root, "ccomp")
	case r < 77: // On Tuesday, rebels shelled the town.
		on := g.fn("on", "ADP", "IN")
		d := g.name([]string{pick(g, g.lex.days)}, "NNP")
		g.comma(d)
		root = g.clause(past, false)
		g.attach(on, d, "case")
		g.attach(d, root, "obl")
	case r < 82: // The number of civilians killed in the fighting has risen to 40.
		root = g.toll()
	case r < 92: // Rebels shell town in north
		root = g.clause(present, true)
		final = false
		title = g.p(40)
	default: // KABUL (Reuters) - Rebels shelled the town, police said.
		root = g.dateline()
	}
	if root >= 0 && g.toks[root].Head == -2 {
		g.attach(root, -1, "root")
	}
	if final {
		g.period(g.rootIndex())
	}
	return g.doc(title)
}

// mainTense picks the tense of a main event clause.
func (g *newsGen) mainTense() tense {
	switch r := g.rng.IntN(20); {
	case r < 15:
		return past
	case r < 18:
		return perfect
	default:
		return progressive
	}
}

// toll appends "The number of civilians killed in the fighting has risen to
// 40" and returns "risen".
func (g *newsGen) toll() int {
	det := g.fn("the", "DET", "DT")
	num := g.word("number", "number", "NOUN", "NN")
	of := g.fn("of", "ADP", "IN")
	vic := g.noun(pick(g, g.lex.victims), true)
	h := pick(g, g.lex.verbs[verbHarm])
	p := g.dep(vic, "acl", h.VBN, h.Lemma, "VERB", "VBN")
	g.incident(p)
	aux := g.word("has", "have", "AUX", "VBZ")
	v := g.word("risen", "rise", "VERB", "VBN")
	to := g.fn("to", "ADP", "IN")
	n := g.number()
	g.attach(det, num, "det")
	g.attach(of, vic, "case")
	g.attach(vic, num, "nmod")
	g.attach(num, v, "nsubj")
	g.attach(aux, v, "aux")
	g.attach(to, n, "case")
	g.attach(n, v, "obl")
	g.attach(v, -1, "root")
	return v
}

// dateline appends "KABUL (Reuters) - " and a report, and returns the city,
// the root (as EWT roots "TEHRAN (AFP) -").
func (g *newsGen) dateline() int {
	pl := pick(g, g.lex.places)
	city := -1
	for _, w := range pl {
		i := g.word(strings.ToUpper(w), w, "PROPN", "NNP")
		if city < 0 {
			city = i
		} else {
			g.attach(i, city, "flat")
		}
	}
	g.attach(city, -1, "root")
	if g.p(40) { // ", Syria"
		g.comma(-2)
		comma := len(g.toks) - 1
		c := g.name(pick(g, g.lex.nations).country, "NNP")
		g.attach(comma, c, "punct")
		g.attach(c, city, "appos")
	}
	open := g.fn("(", "PUNCT", "-LRB-")
	g.glueup = true
	a := g.name([]string{pick(g, g.lex.agencies)}, "NNP")
	g.glueup = true
	g.dep(a, "punct", ")", ")", "PUNCT", "-RRB-")
	g.attach(open, a, "punct")
	g.attach(a, city, "parataxis")
	dash := g.fn("-", "PUNCT", ":")
	g.toks[dash].Lemma = "-"
	g.capital = append(g.capital, dash+1)
	v := g.clause(past, false)
	body := v
	if g.p(50) {
		g.comma(v)
		body = g.said()
		g.attach(v, body, "ccomp")
	}
	g.attach(dash, body, "punct")
	g.attach(body, city, "parataxis")
	return city
}

func (g *newsGen) rootIndex() int {
	for i, t := range g.toks {
		if t.Head == -1 {
			return i
		}
	}
	return 0
}

// titleSmall are the words a title-case headline keeps in lower case.
var titleSmall = map[string]bool{"a": true, "an": true, "the": true, "and": true, "of": true,
	"in": true, "on": true, "at": true, "to": true, "by": true, "for": true, "near": true}

// doc turns the sentence built so far into a Doc with spans, capitalizing
// the first word, and every word but small ones in a title-case headline.
func (g *newsGen) doc(title bool) *Doc {
	first := 0
	if len(g.toks) > 1 && g.toks[0].UPOS == "PUNCT" {
		first = 1 // after an opening quote
	}
	g.capital = append(g.capital, first)
	for i := range g.toks {
		if title && !titleSmall[g.toks[i].Form] || slices.Contains(g.capital, i) {
			g.toks[i].Form = upperFirst(g.toks[i].Form)
		}
	}
	d := &Doc{Tokens: make([]Token, len(g.toks))}
	var b strings.Builder
	var mws []MultiWord
	for i, t := range g.toks {
		if i > 0 && !g.glue[i] {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t.Form)
		t.Span = Span{start, b.Len()}
		d.Tokens[i] = t
	}
	for _, m := range g.mws {
		s, e := d.Tokens[m[0]].Start, d.Tokens[m[1]-1].End
		mws = append(mws, MultiWord{Span: Span{s, e}, First: m[0], Limit: m[1]})
	}
	d.Text = b.String()
	for i := range d.Tokens {
		d.Tokens[i].Form = d.Text[d.Tokens[i].Start:d.Tokens[i].End]
	}
	for i := range mws {
		mws[i].Form = d.Text[mws[i].Start:mws[i].End]
	}
	d.Sentences = []Sentence{{Span: Span{0, len(d.Text)}, First: 0, Limit: len(d.Tokens), MultiWords: mws}}
	return d
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
