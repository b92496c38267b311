package nlp

import "strings"

// Constructions of political and diplomatic news, the ones the event coder
// reads wrong when the parser misses them: titled names as objects and
// after prepositions, lists of parties, meetings, adverbial "as" clauses and
// fronted quotes. Truces, offensives and clashes are in news_accord.go.

// bareCountry returns a country whose name has no "the", for "in northern
// Syria" and "Syria's army".
func (g *newsGen) bareCountry() []string {
	for {
		if c := pick(g, g.lex.nations).country; c[0] != "the" {
			return c
		}
	}
}

// describe appends a description standing for a country: "the war-torn
// country", "the kingdom".
func (g *newsGen) describe() subject {
	d := pick(g, g.lex.describes)
	det := g.fn("the", "DET", "DT")
	adj := -1
	if d[0] != "" {
		adj = g.word(d[0], d[0], "ADJ", "JJ")
	}
	h := g.word(d[1], d[1], "NOUN", "NN")
	g.attach(det, h, "det")
	if adj >= 0 {
		g.attach(adj, h, "amod")
	}
	return subject{head: h}
}

// party appends one member of a list: a country, an organization, a titled
// person or an armed actor, as kind asks (0: countries, 1: any, 2: actors).
func (g *newsGen) party(kind int, used map[string]bool) int {
	if kind == 1 {
		kind = pick(g, []int{0, 0, 3, 4, 2})
	}
	switch kind {
	case 0:
		for range 8 {
			c := pick(g, g.lex.nations).country
			if key := c[len(c)-1]; !used[key] {
				used[key] = true
				return g.name(c, "NNP")
			}
		}
		return g.name(pick(g, g.lex.nations).country, "NNP")
	case 3:
		return g.name(pick(g, g.lex.orgs), "NNP")
	case 4:
		return g.personSubject().head
	default:
		return g.actorSubject().head
	}
}

// list appends two to four coordinated parties, "the US, Jordan, and
// Russian Federation", "Iran, Turkey and Hezbollah", "Syrian troops,
// Russian jets and Iranian militias", and returns the first, which heads
// the others as conj; each comma and the "and" go with the conjunct after
// them.
func (g *newsGen) list() int {
	n := 3 + g.rng.IntN(2)
	if g.p(25) {
		n = 2
	}
	kind := pick(g, []int{0, 0, 0, 1, 1, 2})
	oxford := g.p(40)
	used := map[string]bool{}
	first := -1
	for k := range n {
		comma, cc := -1, -1
		if k > 0 && (k < n-1 || oxford && n > 2) {
			g.comma(-2)
			comma = len(g.toks) - 1
		}
		if k > 0 && k == n-1 {
			cc = g.fn(pick(g, []string{"and", "and", "and", "or"}), "CCONJ", "CC")
		}
		h := g.party(kind, used)
		if comma >= 0 {
			g.attach(comma, h, "punct")
		}
		if cc >= 0 {
			g.attach(cc, h, "cc")
		}
		if k == 0 {
			first = h
		} else {
			g.attach(h, first, "conj")
		}
	}
	return first
}

// counterpart appends who a meeting or a statement is aimed at: a titled
// person, a country, an organization or a list of them.
func (g *newsGen) counterpart() int {
	switch r := g.rng.IntN(10); {
	case r < 5:
		return g.personSubject().head
	case r < 7:
		return g.name(pick(g, g.lex.nations).country, "NNP")
	case r < 8:
		return g.name(pick(g, g.lex.orgs), "NNP")
	default:
		return g.list()
	}
}

// meeting appends "Syrian President X met Russian President Y in Sochi",
// "X held talks with Turkish Foreign Minister Y", "X accused Iran, Russia
// and Turkey of ..." and returns the verb.
func (g *newsGen) meeting(t tense, headline bool) int {
	var s subject
	switch r := g.rng.IntN(10); {
	case r < 5:
		s = g.personSubject()
	case r < 7:
		s = subject{head: g.name(pick(g, g.lex.nations).country, "NNP")}
	case r < 8:
		s = subject{head: g.list(), plural: true}
	case r < 9:
		s = g.delegates()
	default:
		s = g.speaker()
	}
	aux := g.auxiliary(t, s.plural)
	var v int
	if g.p(25) { // "held talks with X", "spoke with X"
		if g.p(60) {
			v = g.verbWord(verb{"hold", "held", "held", "holds", "holding"}, t, s.plural)
			talks := g.word(pick(g, []string{"talks", "talks", "discussions", "consultations"}), "", "NOUN", "NNS")
			g.toks[talks].Lemma = singular(g.toks[talks].Form)
			g.attach(talks, v, "obj")
			with := g.fn("with", "ADP", "IN")
			o := g.counterpart()
			g.attach(with, o, "case")
			g.attach(o, talks, "nmod")
		} else {
			v = g.verbWord(pick(g, []verb{{"speak", "spoke", "spoken", "speaks", "speaking"},
				{"meet", "met", "met", "meets", "meeting"}, {"talk", "talked", "talked", "talks", "talking"}}), t, s.plural)
			with := g.fn("with", "ADP", "IN")
			o := g.counterpart()
			g.attach(with, o, "case")
			g.attach(o, v, "obl")
		}
	} else {
		vb := pick(g, g.lex.verbs[verbMeet])
		v = g.verbWord(vb, t, s.plural)
		lemma := vb.Lemma
		if lemma == "condemn" && g.p(70) || (lemma == "criticize" || lemma == "blame") && g.p(30) {
			g.attach(g.attackBy(), v, "obj")
			lemma = "" // no "for the attack" after it
		} else {
			g.attach(g.counterpart(), v, "obj")
		}
		switch lemma {
		case "accuse", "blame", "criticize", "praise", "thank", "condemn":
			if g.p(50) { // "of attacking civilians", "for the attack"
				if vb.Lemma == "accuse" {
					of := g.fn("of", "SCONJ", "IN")
					h := pick(g, g.lex.verbs[verbHarm])
					a := g.word(h.VBG, h.Lemma, "VERB", "VBG")
					g.attach(of, a, "mark")
					g.attach(a, v, "advcl")
					g.attach(g.quantity(pick(g, g.lex.victims)), a, "obj")
				} else {
					f := g.fn("for", "ADP", "IN")
					det := g.fn("the", "DET", "DT")
					n := pick(g, g.lex.incidents)
					h := g.noun(n, n.Sing == "")
					g.attach(f, h, "case")
					g.attach(det, h, "det")
					g.attach(h, v, "obl")
				}
			}
		case "urge", "call", "invite", "warn":
			if g.p(40) { // "urged X to end the fighting"
				to := g.fn("to", "PART", "TO")
				e := pick(g, []verb{{"end", "", "", "", ""}, {"halt", "", "", "", ""}, {"stop", "", "", "", ""}})
				x := g.word(e.Lemma, e.Lemma, "VERB", "VB")
				g.attach(to, x, "mark")
				g.attach(x, v, "xcomp")
				det := g.fn("the", "DET", "DT")
				n := pick(g, g.lex.incidents)
				o := g.noun(n, n.Sing == "")
				g.attach(det, o, "det")
				g.attach(o, x, "obj")
			}
		}
	}
	g.attach(s.head, v, "nsubj")
	if aux >= 0 {
		g.attach(aux, v, "aux")
	}
	if g.p(50) {
		g.place(v)
	}
	if !headline && g.p(45) {
		g.time(v)
	}
	if g.p(15) {
		g.subordinate(v, t)
	}
	return v
}

// delegates appends "the foreign ministers of Jordan and Egypt", "envoys
// from Russia, Iran and Turkey" and returns its head.
func (g *newsGen) delegates() subject {
	det := -1
	if g.p(60) {
		det = g.fn("the", "DET", "DT")
	}
	adj := -1
	if g.p(40) {
		adj = g.fn(pick(g, []string{"foreign", "defence", "senior"}), "ADJ", "JJ")
		if g.toks[adj].Form == "defence" {
			g.toks[adj].UPOS, g.toks[adj].XPOS = "NOUN", "NN"
		}
	}
	w := pick(g, []string{"ministers", "ambassadors", "envoys", "leaders", "delegations", "diplomats", "officials"})
	h := g.word(w, singular(w), "NOUN", "NNS")
	if det >= 0 {
		g.attach(det, h, "det")
	}
	if adj >= 0 {
		rel := "amod"
		if g.toks[adj].UPOS == "NOUN" {
			rel = "compound"
		}
		g.attach(adj, h, rel)
	}
	of := g.fn(pick(g, []string{"of", "from"}), "ADP", "IN")
	x := g.list()
	g.attach(of, x, "case")
	g.attach(x, h, "nmod")
	return subject{head: h, plural: true}
}

// attackBy appends "the attack by Iranian forces on the base", "an
// offensive by Russia" and returns its head.
func (g *newsGen) attackBy() int {
	n := pick(g, g.lex.incidents)
	plural := n.Sing == ""
	det := g.fn(pick(g, []string{"the", "the", "a"}), "DET", "DT")
	h := g.noun(n, plural)
	if g.toks[det].Form == "a" {
		if plural {
			g.toks[det].Form = "the"
		} else {
			g.toks[det].Form = article(g.toks[det+1].Form)
		}
	}
	g.toks[det].Lemma = strings.ToLower(g.toks[det].Form)
	if g.toks[det].Lemma == "an" {
		g.toks[det].Lemma = "a"
	}
	g.attach(det, h, "det")
	by := g.fn("by", "ADP", "IN")
	a := g.subject().head
	g.attach(by, a, "case")
	g.attach(a, h, "nmod")
	if g.p(40) {
		on := g.fn(pick(g, []string{"on", "against"}), "ADP", "IN")
		x := g.target()
		g.attach(on, x, "case")
		g.attach(x, h, "nmod")
	}
	return h
}

// singular returns the lemma of a plural in -s.
func singular(w string) string {
	if len(w) > 1 && w[len(w)-1] == 's' {
		return w[:len(w)-1]
	}
	return w
}

// subordinate appends an adverbial clause to v: "as Jordan sends aid",
// "after talks collapsed", "while rebels were shelling the town". The
// clause is in the present when t is, else in the past.
func (g *newsGen) subordinate(v int, t tense) {
	outer := g.sub
	g.sub = true
	defer func() { g.sub = outer }()
	mark := g.fn(pick(g, []string{"as", "as", "as", "as", "as", "after", "after", "while", "before", "when", "since"}), "SCONJ", "IN")
	st := past
	if t == present {
		st = present
	}
	var sv int
	switch r := g.rng.IntN(10); {
	case r < 3: // "after negotiations failed"
		sv = g.accordClause(st)
	case r < 5: // "as Jordan sends aid"
		sv = g.giving(st)
	default:
		sv = g.clause(st, true)
	}
	g.attach(mark, sv, "mark")
	g.attach(sv, v, "advcl")
}

// giving appends "Jordan sends aid to the displaced" and returns the verb.
func (g *newsGen) giving(t tense) int {
	var s subject
	switch r := g.rng.IntN(10); {
	case r < 5:
		s = subject{head: g.name(pick(g, g.lex.nations).country, "NNP")}
	case r < 7:
		s = g.describe()
	case r < 8:
		s = subject{head: g.name(pick(g, g.lex.orgs), "NNP")}
	default:
		s = g.subject()
	}
	aux := g.auxiliary(t, s.plural)
	if t == past && g.p(20) {
		aux = g.auxiliary(progressive, s.plural)
		if s.plural {
			g.toks[aux].Form, g.toks[aux].XPOS = "were", "VBD"
		} else {
			g.toks[aux].Form, g.toks[aux].XPOS = "was", "VBD"
		}
		t = progressive
	}
	v := g.verbWord(pick(g, g.lex.verbs[verbGive]), t, s.plural)
	g.attach(s.head, v, "nsubj")
	if aux >= 0 {
		g.attach(aux, v, "aux")
	}
	g.attach(g.goods(), v, "obj")
	if g.p(60) { // "to the displaced", "to Syrian refugees"
		to := g.fn("to", "ADP", "IN")
		var h int
		if g.p(25) {
			det := g.fn("the", "DET", "DT")
			w := pick(g, []string{"displaced", "wounded", "needy"})
			h = g.word(w, w, "ADJ", "JJ")
			g.attach(det, h, "det")
		} else {
			h = g.quantity(pick(g, g.lex.victims))
		}
		g.attach(to, h, "case")
		g.attach(h, v, "obl")
	}
	return v
}

// goods appends what is sent: "aid", "humanitarian aid", "medical
// supplies", and returns its head.
func (g *newsGen) goods() int {
	gd := pick(g, g.lex.goods)
	adj := -1
	if g.p(35) {
		a := pick(g, []string{"humanitarian", "medical", "military", "emergency"})
		if a == "emergency" {
			adj = g.word(a, a, "NOUN", "NN")
		} else {
			adj = g.word(a, a, "ADJ", "JJ")
		}
	}
	o := g.noun(gd, gd.Sing == "")
	if adj >= 0 {
		if g.toks[adj].UPOS == "ADJ" {
			g.attach(adj, o, "amod")
		} else {
			g.attach(adj, o, "compound")
		}
	}
	return o
}

// frontQuote appends '"Rebels shelled our town", United Nations deputy
// spokesman Amina Mohammed told reporters' with the comma inside or after
// the quote, or '"...," said the official', and returns the verb of
// saying.
func (g *newsGen) frontQuote() int {
	g.fn(`"`, "PUNCT", "``")
	open := len(g.toks) - 1
	g.glueup = true
	var v int
	switch r := g.rng.IntN(10); {
	case r < 6:
		v = g.clause(g.mainTense(), false)
	case r < 8:
		v = g.accordClause(perfect)
	default:
		v = g.meeting(perfect, false)
	}
	inside := g.p(50)
	if inside {
		g.comma(v)
	}
	g.glueup = true
	g.dep(v, "punct", `"`, `"`, "PUNCT", "''")
	if !inside {
		g.comma(v)
	}
	g.attach(open, v, "punct")
	var root int
	if g.p(20) { // '"...," said the official.'
		root = g.word("said", "say", "VERB", "VBD")
		s := g.speaker()
		g.attach(s.head, root, "nsubj")
	} else {
		var s subject
		if g.p(60) {
			s = g.personSubject()
		} else {
			s = g.speaker()
		}
		if g.p(45) {
			root = g.word("told", "tell", "VERB", "VBD")
			var o int
			if g.p(60) {
				o = g.word(pick(g, []string{"reporters", "journalists"}), "", "NOUN", "NNS")
				g.toks[o].Lemma = singular(g.toks[o].Form)
			} else {
				o = g.name([]string{pick(g, g.lex.agencies)}, "NNP")
			}
			g.attach(o, root, "iobj")
		} else {
			root = g.word("said", "say", "VERB", "VBD")
		}
		g.attach(s.head, root, "nsubj")
	}
	if g.p(25) { // "in a statement"
		in := g.fn("in", "ADP", "IN")
		a := g.fn("a", "DET", "DT")
		st := g.word("statement", "statement", "NOUN", "NN")
		g.attach(in, st, "case")
		g.attach(a, st, "det")
		g.attach(st, root, "obl")
	}
	if g.p(25) {
		g.time(root)
	}
	g.attach(v, root, "ccomp")
	return root
}
