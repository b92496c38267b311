package nlp

// Events of fighting and of truces for the news generator: truces and talks
// that are brokered, fail or are rejected; offensives that resume; clashes;
// "This comes as a blow ... as the country renews efforts to ...".

// accordNoun appends "the ceasefire", "a truce brokered by Russia, Turkey
// and Iran", "talks between the two sides" and returns its head and
// whether it is plural.
func (g *newsGen) accordNoun() (int, bool) {
	a := pick(g, g.lex.accords)
	plural := a.Sing == ""
	det := -1
	if !plural || g.p(40) {
		det = g.fn(pick(g, []string{"the", "the", "a"}), "DET", "DT")
		if plural {
			g.toks[det].Form, g.toks[det].Lemma = "the", "the"
		}
	}
	h := g.noun(a, plural)
	if det >= 0 {
		if g.toks[det].Form == "a" {
			g.toks[det].Form = article(g.toks[det+1].Form)
		}
		g.attach(det, h, "det")
	}
	switch r := g.rng.IntN(10); {
	case r < 4: // "agreed by the US, Jordan and Russia"
		vb := pick(g, []verb{{"agree", "agreed", "agreed", "", ""}, {"broker", "brokered", "brokered", "", ""},
			{"mediate", "mediated", "mediated", "", ""}, {"negotiate", "negotiated", "negotiated", "", ""},
			{"sign", "signed", "signed", "", ""}})
		p := g.dep(h, "acl", vb.VBN, vb.Lemma, "VERB", "VBN")
		by := g.fn("by", "ADP", "IN")
		var ag int
		if g.p(70) {
			ag = g.list()
		} else {
			ag = g.name(pick(g, g.lex.nations).country, "NNP")
		}
		g.attach(by, ag, "case")
		g.attach(ag, p, "obl:agent")
		if g.p(30) { // "just under a year ago", "in March"
			g.ago(p)
		}
	case r < 6: // "between the government and rebels"
		b := g.fn("between", "ADP", "IN")
		x := g.list()
		g.attach(b, x, "case")
		g.attach(x, h, "nmod")
	}
	return h, plural
}

// ago appends "a year ago", "just under a year ago", "two months ago" to v.
func (g *newsGen) ago(v int) {
	just := -1
	if g.p(30) {
		just = g.fn("just", "ADV", "RB")
	}
	under := -1
	if g.p(30) {
		under = g.fn(pick(g, []string{"under", "over"}), "ADP", "IN")
	}
	var n int
	unit := pick(g, []string{"year", "month", "week"})
	if g.p(50) {
		a := g.fn("a", "DET", "DT")
		n = g.word(unit, unit, "NOUN", "NN")
		g.attach(a, n, "det")
	} else {
		num := g.word(pick(g, []string{"two", "three", "six", "four"}), "", "NUM", "CD")
		g.toks[num].Lemma = g.toks[num].Form
		n = g.word(unit+"s", unit, "NOUN", "NNS")
		g.attach(num, n, "nummod")
	}
	ago := g.fn("ago", "ADV", "RB")
	if under >= 0 {
		g.attach(under, n, "case")
	}
	if just >= 0 {
		g.attach(just, n, "advmod")
	}
	g.attach(n, ago, "obl:unmarked")
	g.attach(ago, v, "advmod")
}

// accordClause appends "negotiations failed", "the ceasefire brokered by
// Russia collapsed" and returns the verb.
func (g *newsGen) accordClause(t tense) int {
	h, plural := g.accordNoun()
	vb := pick(g, g.lex.verbs[verbFail])
	aux := -1
	if t == perfect {
		aux = g.auxiliary(perfect, plural)
	}
	v := g.verbWord(vb, t, plural)
	g.attach(h, v, "nsubj")
	if aux >= 0 {
		g.attach(aux, v, "aux")
	}
	switch {
	case vb.Lemma == "fail" && g.p(60): // "failed to resolve the impasse"
		to := g.fn("to", "PART", "TO")
		x := g.word(pick(g, []string{"resolve", "end", "break"}), "", "VERB", "VB")
		g.toks[x].Lemma = g.toks[x].Form
		det := g.fn("the", "DET", "DT")
		o := g.word(pick(g, []string{"impasse", "deadlock", "stalemate", "crisis"}), "", "NOUN", "NN")
		g.toks[o].Lemma = g.toks[o].Form
		g.attach(to, x, "mark")
		g.attach(x, v, "xcomp")
		g.attach(det, o, "det")
		g.attach(o, x, "obj")
	case vb.Lemma == "end" || vb.Lemma == "collapse":
	default:
		if g.p(30) {
			g.place(v)
		}
	}
	return v
}

// offensive appends "The offensive resumed against opposition forces
// Wednesday evening by the Syrian government and Russian military after
// negotiations failed" and returns the verb.
func (g *newsGen) offensive(t tense, headline bool) int {
	n := pick(g, g.lex.incidents)
	plural := n.Sing == "" || n.Plural != "" && g.p(25)
	det := -1
	switch {
	case headline:
	case n.Plural == "" && g.p(45): // "Fighting resumed"
	case plural && g.p(50): // "Clashes erupted"
	default:
		det = g.fn("the", "DET", "DT")
	}
	mod := -1
	switch g.rng.IntN(4) {
	case 0:
		nat := pick(g, g.lex.nations)
		mod = g.word(nat.adj, nat.adj, "ADJ", "JJ")
	case 1:
		if u := pick(g, g.lex.units); u.XPOS == "NN" {
			mod = g.word(u.Word, u.Word, "NOUN", "NN")
		}
	}
	h := g.noun(n, plural)
	if det >= 0 {
		g.attach(det, h, "det")
	}
	if mod >= 0 {
		if g.toks[mod].UPOS == "ADJ" {
			g.attach(mod, h, "amod")
		} else {
			g.attach(mod, h, "compound")
		}
	}
	aux := g.auxiliary(t, plural)
	v := g.verbWord(pick(g, g.lex.verbs[verbStart]), t, plural)
	g.attach(h, v, "nsubj")
	if aux >= 0 {
		g.attach(aux, v, "aux")
	}
	if g.p(15) {
		g.dep(v, "advmod", "again", "again", "ADV", "RB")
	}
	if g.p(60) { // "against opposition forces"
		a := g.fn(pick(g, []string{"against", "against", "on"}), "ADP", "IN")
		var o int
		if g.p(70) {
			o = g.actorSubject().head
		} else {
			o = g.target()
		}
		g.attach(a, o, "case")
		g.attach(o, v, "obl")
	}
	if g.p(40) {
		g.place(v)
	}
	if !headline && g.p(60) {
		g.time(v)
	}
	if g.p(45) { // "by the Syrian government and Russian military"
		by := g.fn("by", "ADP", "IN")
		var a int
		if g.p(40) {
			a = g.list()
		} else {
			a = g.actorSubject().head
		}
		g.attach(by, a, "case")
		g.attach(a, v, "obl")
	}
	if g.p(40) {
		g.subordinate(v, t)
	}
	return v
}

// comesAs appends "This comes as a major victory for Syria as the war-torn
// country renews efforts to take back Daraa" and returns "comes".
func (g *newsGen) comesAs() int {
	var s int
	switch g.rng.IntN(3) {
	case 0:
		s = g.word("This", "this", "PRON", "DT")
	case 1:
		s = g.word("It", "it", "PRON", "PRP")
	default:
		det := g.fn("the", "DET", "DT")
		w := pick(g, []string{"move", "attack", "announcement", "decision", "offensive", "advance"})
		s = g.word(w, w, "NOUN", "NN")
		g.attach(det, s, "det")
	}
	t := present
	if g.p(40) {
		t = past
	}
	v := g.verbWord(verb{"come", "came", "come", "comes", "coming"}, t, false)
	g.attach(s, v, "nsubj")
	as := g.fn("as", "ADP", "IN")
	det := g.fn("a", "DET", "DT")
	adj := -1
	if g.p(60) {
		adj = g.fn(pick(g, []string{"major", "significant", "serious", "fresh", "heavy", "welcome"}), "ADJ", "JJ")
	}
	o := pick(g, g.lex.outcomes)
	n := g.word(o, o, "NOUN", "NN")
	g.toks[det].Form = article(g.toks[det+1].Form)
	g.attach(as, n, "case")
	g.attach(det, n, "det")
	if adj >= 0 {
		g.attach(adj, n, "amod")
	}
	g.attach(n, v, "obl")
	if g.p(70) { // "for Syria"
		f := g.fn(pick(g, []string{"for", "to"}), "ADP", "IN")
		var x int
		if g.p(60) {
			x = g.name(pick(g, g.lex.nations).country, "NNP")
		} else {
			x = g.actorSubject().head
		}
		g.attach(f, x, "case")
		g.attach(x, n, "nmod")
	}
	if g.p(75) {
		if g.p(40) {
			mark := g.fn("as", "SCONJ", "IN")
			e := g.efforts(t)
			g.attach(mark, e, "mark")
			g.attach(e, v, "advcl")
		} else {
			g.subordinate(v, t)
		}
	}
	return v
}

// efforts appends "the war-torn country renews efforts to take back the
// province from rebel fighters" and returns "renews".
func (g *newsGen) efforts(t tense) int {
	var s subject
	if g.p(50) {
		s = g.describe()
	} else {
		s = g.subject()
	}
	vb := pick(g, []verb{{"renew", "renewed", "renewed", "renews", "renewing"},
		{"redouble", "redoubled", "redoubled", "redoubles", "redoubling"},
		{"intensify", "intensified", "intensified", "intensifies", "intensifying"},
		{"step", "stepped", "stepped", "steps", "stepping"}})
	v := g.verbWord(vb, t, s.plural)
	g.attach(s.head, v, "nsubj")
	if vb.Lemma == "step" {
		g.dep(v, "compound:prt", "up", "up", "ADP", "RP")
	}
	poss := -1
	if g.p(40) {
		poss = g.fn(pick(g, []string{"its", "their"}), "PRON", "PRP$")
	}
	eff := g.word("efforts", "effort", "NOUN", "NNS")
	if poss >= 0 {
		g.attach(poss, eff, "nmod:poss")
	}
	g.attach(eff, v, "obj")
	to := g.fn("to", "PART", "TO")
	tk := pick(g, g.lex.verbs[verbTake])
	x := g.word(tk.Lemma, tk.Lemma, "VERB", "VB")
	if tk.Lemma == "retake" && g.p(40) {
		g.toks[x].Form, g.toks[x].Lemma = "take", "take"
		g.dep(x, "compound:prt", "back", "back", "ADP", "RP")
	}
	g.attach(to, x, "mark")
	g.attach(x, eff, "acl")
	g.attach(g.site(), x, "obj")
	if g.p(50) {
		from := g.fn("from", "ADP", "IN")
		a := g.actorSubject().head
		g.attach(from, a, "case")
		g.attach(a, x, "obl")
	}
	return v
}

// clash appends "Rebels and troops clashed in Daraa", "Rebels clashed with
// troops", in headlines also "Rebels, troops clash in Daraa", and returns
// the verb.
func (g *newsGen) clash(t tense, headline bool) int {
	a := g.subject()
	var v int
	switch r := g.rng.IntN(10); {
	case r < 4: // "X and Y clash", "X, Y clash"
		var sep int
		if headline && g.p(60) {
			g.comma(-2)
			sep = len(g.toks) - 1
		} else {
			sep = g.fn("and", "CCONJ", "CC")
		}
		b := g.subject()
		if g.toks[sep].Form == "," {
			g.attach(sep, b.head, "punct")
		} else {
			g.attach(sep, b.head, "cc")
		}
		g.attach(b.head, a.head, "conj")
		aux := g.auxiliary(t, true)
		v = g.verbWord(pick(g, g.lex.verbs[verbClash]), t, true)
		if aux >= 0 {
			g.attach(aux, v, "aux")
		}
	default: // "X clashed with Y"
		aux := g.auxiliary(t, a.plural)
		v = g.verbWord(pick(g, g.lex.verbs[verbClash]), t, a.plural)
		if aux >= 0 {
			g.attach(aux, v, "aux")
		}
		with := g.fn("with", "ADP", "IN")
		b := g.subject()
		g.attach(with, b.head, "case")
		g.attach(b.head, v, "obl")
	}
	g.attach(a.head, v, "nsubj")
	if g.p(70) {
		g.place(v)
	}
	if !headline && g.p(50) {
		g.time(v)
	}
	if g.p(20) {
		g.subordinate(v, t)
	}
	return v
}

// accordEvent appends "Rebels rejected a truce brokered by Egypt and
// Qatar", "The ceasefire agreed by the US, Jordan and Russia collapsed"
// and returns the verb.
func (g *newsGen) accordEvent(t tense) int {
	if g.p(45) {
		v := g.accordClause(t)
		if g.p(30) {
			g.subordinate(v, t)
		}
		return v
	}
	s := g.subject()
	aux := g.auxiliary(t, s.plural)
	vb := pick(g, []verb{{"reject", "rejected", "rejected", "rejects", "rejecting"},
		{"accept", "accepted", "accepted", "accepts", "accepting"},
		{"sign", "signed", "signed", "signs", "signing"},
		{"violate", "violated", "violated", "violates", "violating"},
		{"break", "broke", "broken", "breaks", "breaking"},
		{"welcome", "welcomed", "welcomed", "welcomes", "welcoming"},
		{"broker", "brokered", "brokered", "brokers", "brokering"}})
	v := g.verbWord(vb, t, s.plural)
	g.attach(s.head, v, "nsubj")
	if aux >= 0 {
		g.attach(aux, v, "aux")
	}
	o, _ := g.accordNoun()
	g.attach(o, v, "obj")
	if g.p(40) {
		g.time(v)
	}
	return v
}
