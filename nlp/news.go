package nlp

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NewsSentences returns n synthetic news sentences built from lex by a small
// grammar of wire-report constructions, each a one-sentence Doc whose tokens
// carry gold lemmas, UPOS and XPOS tags, heads and relations in UD English
// EWT's conventions (those of nlp/testdata/news.conllu). The same lexicon,
// n and seed give the same sentences.
//
// The sentences teach the tagger and parser what EWT's web text rarely
// shows: a plural subject followed by a past-tense event verb ("Syrian
// government forces shelled ..."), next to the same participles used as
// modifiers ("forces backed by Russia", "people killed in the attack") so
// that the models learn the difference rather than "always VBD". Around the
// event clause the grammar varies subjects (nationality + unit + actor
// nouns, "X-led" compounds, organizations, titled names, coordination),
// objects (targets, numbers of victims with "at least" and "more than",
// weapons fired at places), place and time phrases, and the clause
// (passive, perfect, progressive, relative clauses, "-ing" clauses,
// reported speech before and after, quotes, headlines in sentence and title
// case, datelines).
//
// Tokens follow the Tokenizer: hyphenated words are whole, possessive 's is
// a multiword token, and Doc.Text spaces words the way news text does.
func NewsSentences(lex *NewsLexicon, n int, seed uint64) []*Doc {
	g := &newsGen{lex: lex, rng: rand.New(rand.NewPCG(seed, 0x6e657773))}
	docs := make([]*Doc, 0, n)
	for range n {
		docs = append(docs, g.sentence())
	}
	return docs
}

// newsGen builds one sentence at a time.
type newsGen struct {
	lex *NewsLexicon
	rng *rand.Rand

	toks    []Token // Head is -2 until attached
	glue    []bool  // no space before the token
	mws     [][2]int
	glueup  bool  // the next token follows without a space
	capital []int // tokens to capitalize: the first word, the word after a dateline
}

// A subject is a noun phrase's head and whether it is plural.
type subject struct {
	head   int
	plural bool
	person bool
}

func (g *newsGen) reset() {
	g.toks, g.glue, g.mws, g.glueup, g.capital = g.toks[:0], g.glue[:0], g.mws[:0], false, g.capital[:0]
}

func (g *newsGen) p(percent int) bool { return g.rng.IntN(100) < percent }

func pick[T any](g *newsGen, xs []T) T { return xs[g.rng.IntN(len(xs))] }

// word appends a token and returns its index.
func (g *newsGen) word(form, lemma, upos, xpos string) int {
	g.toks = append(g.toks, Token{Form: form, Lemma: lemma, UPOS: upos, XPOS: xpos, Head: -2})
	g.glue = append(g.glue, g.glueup)
	g.glueup = false
	return len(g.toks) - 1
}

func (g *newsGen) attach(d, h int, rel string) {
	g.toks[d].Head, g.toks[d].Deprel = h, rel
}

// dep appends a word and attaches it to h.
func (g *newsGen) dep(h int, rel, form, lemma, upos, xpos string) int {
	i := g.word(form, lemma, upos, xpos)
	g.attach(i, h, rel)
	return i
}

// fn appends a function word (its lemma is its lower-cased form).
func (g *newsGen) fn(form, upos, xpos string) int {
	return g.word(form, strings.ToLower(form), upos, xpos)
}

// comma, period and the other punctuation attach to h.
func (g *newsGen) comma(h int) {
	g.glueup = true
	g.dep(h, "punct", ",", ",", "PUNCT", ",")
}

func (g *newsGen) period(h int) {
	g.glueup = true
	g.dep(h, "punct", ".", ".", "PUNCT", ".")
}

// name appends a multiword name, the rest flat on its first word, and
// returns the first word.
func (g *newsGen) name(ws []string, xpos string) int {
	first := -1
	for _, w := range ws {
		i := g.word(w, w, "PROPN", xpos)
		if first < 0 {
			first = i
		} else {
			g.attach(i, first, "flat")
		}
	}
	return first
}

// noun appends a common noun, singular or plural; a multiword noun
// ("power station") is compounds on its last word, which is returned.
func (g *newsGen) noun(n noun, plural bool) int {
	form, xpos := n.Sing, "NN"
	if plural {
		form, xpos = n.Plural, "NNS"
	}
	ws, ls := words(form), words(n.Lemma)
	var ids []int
	for k, w := range ws {
		x, l := "NN", strings.ToLower(w)
		if k == len(ws)-1 {
			x = xpos
			if len(ls) == len(ws) {
				l = ls[k]
			}
		}
		ids = append(ids, g.word(w, l, "NOUN", x))
	}
	head := ids[len(ids)-1]
	for _, i := range ids[:len(ids)-1] {
		g.attach(i, head, "compound")
	}
	return head
}

// number appends a count and returns it: a word for small numbers, else
// digits with thousands separators.
func (g *newsGen) number() int {
	small := []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "11", "12", "15", "20"}
	if g.p(45) {
		w := pick(g, small)
		return g.word(w, w, "NUM", "CD")
	}
	v := 2 + g.rng.IntN(60)
	switch g.rng.IntN(6) {
	case 0:
		v = 100 + g.rng.IntN(900)
	case 1:
		v = 1000 + g.rng.IntN(20)*250
	}
	lemma := strconv.Itoa(v)
	form := lemma
	if v >= 1000 {
		form = lemma[:len(lemma)-3] + "," + lemma[len(lemma)-3:]
	}
	return g.word(form, lemma, "NUM", "CD")
}

// quantity appends a counted plural noun phrase of victims ("at least 12
// civilians", "more than 300 people", "dozens of villagers", "two Syrian
// soldiers") and returns its head.
func (g *newsGen) quantity(n noun) int {
	if n.Plural == "" {
		n = pick(g, g.lex.victims)
	}
	switch r := g.rng.IntN(10); {
	case r < 2: // "dozens of people"
		w := pick(g, []string{"dozens", "hundreds", "scores"})
		head := g.word(w, strings.TrimSuffix(w, "s"), "NOUN", "NNS")
		g.fn("of", "ADP", "IN")
		h := g.noun(n, true)
		g.attach(h, head, "nmod")
		g.attach(h-1, h, "case")
		return head
	case r < 5: // "at least 12"
		at := g.fn("at", "ADP", "IN")
		least := g.fn("least", "ADJ", "JJS")
		num := g.number()
		g.attach(at, least, "case")
		g.attach(least, num, "nmod")
		return g.countedNoun(num, n)
	case r < 7: // "more than 300"
		more := g.fn("more", "ADJ", "JJR")
		than := g.fn("than", "ADP", "IN")
		num := g.number()
		g.attach(more, num, "advmod")
		g.attach(than, more, "fixed")
		return g.countedNoun(num, n)
	default:
		return g.countedNoun(g.number(), n)
	}
}

// countedNoun appends the noun a number counts, perhaps with a nationality.
func (g *newsGen) countedNoun(num int, n noun) int {
	adj := -1
	if g.p(20) {
		nat := pick(g, g.lex.nations)
		adj = g.word(nat.adj, nat.adj, "ADJ", "JJ")
	}
	head := g.noun(n, true)
	g.attach(num, head, "nummod")
	if adj >= 0 {
		g.attach(adj, head, "amod")
	}
	return head
}

// actorSubject appends a plural or singular armed actor: "Syrian government
// forces", "the army", "Saudi-led coalition warplanes", "rebels".
func (g *newsGen) actorSubject() subject {
	a := pick(g, g.lex.actors)
	plural := a.Plural != "" && (a.Sing == "" || g.p(80))
	var pre []int // modifiers to attach to the head, in order
	det := -1
	if !plural || g.p(20) {
		det = g.fn("the", "DET", "DT")
	}
	led, ledTo, poss := -1, -1, -1
	country := pick(g, g.lex.nations).country
	switch r := g.rng.IntN(20); {
	case r < 2 && det >= 0 && !strings.HasSuffix(country[len(country)-1], "s"):
		// "Russia's army": the country replaces "the".
		glued := g.glue[det]
		g.toks = g.toks[:det]
		g.glue = g.glue[:det]
		det = -1
		g.glueup = glued
		poss = g.name(country, "NNP")
		g.glueup = true
		s := g.word("'s", "'s", "PART", "POS")
		g.attach(s, poss, "case")
		g.mws = append(g.mws, [2]int{s - 1, s + 1})
	case r < 12:
		nat := pick(g, g.lex.nations)
		pre = append(pre, g.word(nat.adj, nat.adj, "ADJ", "JJ"))
	case r < 16:
		nat := pick(g, g.lex.nations)
		part := pick(g, g.lex.verbs[verbBack]).VBN
		form := countryOrAdj(g, nat) + "-" + part
		led = g.word(form, form, "ADJ", "JJ")
	}
	nunits := 0
	switch r := g.rng.IntN(10); {
	case r < 4:
		nunits = 1
	case r < 5:
		nunits = 2
	}
	used := map[string]bool{a.Lemma: true}
	for range nunits {
		u := pick(g, g.lex.units)
		if used[u.Word] {
			continue
		}
		used[u.Word] = true
		var i int
		switch u.XPOS {
		case "JJ":
			lemma := u.Word
			if !isUpperStart(u.Word) {
				lemma = strings.ToLower(u.Word)
			}
			i = g.word(u.Word, lemma, "ADJ", "JJ")
		case "NNP":
			i = g.word(u.Word, u.Word, "PROPN", "NNP")
		default:
			i = g.word(u.Word, u.Word, "NOUN", "NN")
		}
		if led >= 0 && i == led+1 && u.XPOS != "JJ" { // "Saudi-led coalition"
			ledTo = i
		}
		pre = append(pre, i)
	}
	head := g.noun(a, plural)
	if det >= 0 {
		g.attach(det, head, "det")
	}
	for _, i := range pre {
		switch g.toks[i].UPOS {
		case "ADJ":
			g.attach(i, head, "amod")

		default:
			g.attach(i, head, "compound")
		}
	}
	if poss >= 0 {
		g.attach(poss, head, "nmod:poss")
	}
	if led >= 0 {
		if ledTo < 0 {
			ledTo = head
		}
		g.attach(led, ledTo, "amod")
	}
	return subject{head: head, plural: plural}
}

// countryOrAdj returns the first word of a country name or its adjective,
// for "Iran-backed" and "Saudi-led".
func countryOrAdj(g *newsGen, nat nation) string {
	if len(nat.country) == 1 && g.p(50) {
		return nat.country[0]
	}
	return nat.adj
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// subject appends the subject of an event clause.
func (g *newsGen) subject() subject {
	switch r := g.rng.IntN(20); {
	case r < 11:
		return g.actorSubject()
	case r < 13: // "Hezbollah" or "Hezbollah fighters"
		org := g.name(pick(g, g.lex.orgs), "NNP")
		if g.p(50) {
			a := pick(g, g.lex.actors)
			if a.Plural != "" {
				h := g.noun(a, true)
				g.attach(org, h, "compound")
				return subject{head: h, plural: true}
			}
		}
		return subject{head: org}
	case r < 14: // "the Kremlin"
		det := g.fn("the", "DET", "DT")
		org := g.name(pick(g, g.lex.theOrgs), "NNP")
		g.attach(det, org, "det")
		return subject{head: org}
	case r < 16:
		return g.personSubject()
	case r < 18: // "rebels and government forces"
		a := g.actorSubject()
		cc := g.fn("and", "CCONJ", "CC")
		b := g.actorSubject()
		g.attach(cc, b.head, "cc")
		g.attach(b.head, a.head, "conj")
		return subject{head: a.head, plural: true}
	default: // bare plural: "Gunmen", "Militants"
		a := pick(g, g.lex.actors)
		if a.Plural == "" {
			return g.actorSubject()
		}
		return subject{head: g.noun(a, true), plural: true}
	}
}

// personSubject appends a titled name: "President Ahmed Hassan", "army
// spokesman Ali Rahimi".
func (g *newsGen) personSubject() subject {
	var desc []int
	if g.p(55) {
		title := pick(g, g.lex.titles)
		for _, w := range title {
			desc = append(desc, g.word(w, w, "PROPN", "NNP"))
		}
	} else {
		var mod = -1
		switch g.rng.IntN(3) {
		case 0:
			mod = g.name(pick(g, g.lex.orgs), "NNP")
		case 1:
			u := pick(g, g.lex.units)
			if u.XPOS == "NN" {
				mod = g.word(u.Word, u.Word, "NOUN", "NN")
			}
		}
		role := pick(g, g.lex.roles)
		r := g.word(role, role, "NOUN", "NN")
		if mod >= 0 {
			g.attach(mod, r, "compound")
		}
		desc = append(desc, r)
	}
	p := g.name(pick(g, g.lex.persons), "NNP")
	last := desc[len(desc)-1]
	for _, d := range desc[:len(desc)-1] {
		g.attach(d, last, "compound")
	}
	g.attach(last, p, "nmod:desc")
	return subject{head: p, person: true}
}

// object appends the object of a verb of class c and returns its head.
func (g *newsGen) object(c verbClass) int {
	switch c {
	case verbHarm, verbAid:
		if g.p(15) {
			det := g.fn(pick(g, []string{"a", "the"}), "DET", "DT")
			h := g.noun(pick(g, g.lex.victims), false)
			g.attach(det, h, "det")
			return h
		}
		return g.quantity(pick(g, g.lex.victims))
	case verbTake:
		return g.site()
	case verbFire:
		w := pick(g, g.lex.weapons)
		if w.Plural == "" || g.p(15) {
			det := g.fn("a", "DET", "DT")
			h := g.noun(w, false)
			g.attach(det, h, "det")
			return h
		}
		if g.p(50) {
			return g.quantity(w)
		}
		return g.noun(w, true)
	default:
		return g.target()
	}
}

// target appends what an attack hits: "rebel positions", "a military base",
// "the town of Homs".
func (g *newsGen) target() int {
	t := pick(g, g.lex.targets)
	plural := t.Plural != "" && (t.Sing == "" || g.p(45))
	det := -1
	switch {
	case !plural:
		det = g.fn(pick(g, []string{"a", "the", "a", "an"}), "DET", "DT")
	case g.p(30):
		det = g.fn(pick(g, []string{"the", "several", "two"}), "DET", "DT")
		if g.toks[det].Form == "two" {
			g.toks[det].UPOS, g.toks[det].XPOS = "NUM", "CD"
		} else if g.toks[det].Form == "several" {
			g.toks[det].UPOS, g.toks[det].XPOS = "ADJ", "JJ"
		}
	}
	var mods []int
	if g.p(35) {
		a := pick(g, g.lex.adjs)
		mods = append(mods, g.word(a, a, "ADJ", "JJ"))
	}
	if g.p(35) {
		u := pick(g, g.lex.units)
		if u.XPOS == "NN" {
			mods = append(mods, g.word(u.Word, u.Word, "NOUN", "NN"))
		}
	}
	head := g.noun(t, plural)
	if det >= 0 {
		switch g.toks[det].UPOS {
		case "NUM":
			g.attach(det, head, "nummod")
		case "ADJ":
			g.attach(det, head, "amod")
		default:
			if w := g.toks[det].Form; w == "a" || w == "an" {
				g.toks[det].Form = article(g.toks[det+1].Form)
				g.toks[det].Lemma = "a"
			}
			g.attach(det, head, "det")
		}
	}
	for _, m := range mods {
		rel := "amod"
		if g.toks[m].UPOS == "NOUN" {
			rel = "compound"
		}
		g.attach(m, head, rel)
	}
	if !plural && g.toks[det].Form == "the" && g.p(35) {
		g.ofPlace(head)
	}
	return head
}

// article returns "an" before a vowel, else "a".
func article(next string) string {
	if next != "" && strings.ContainsRune("aeiouAEIOU", rune(next[0])) {
		return "an"
	}
	return "a"
}

// ofPlace appends "of PLACE" to the noun h.
func (g *newsGen) ofPlace(h int) {
	of := g.fn("of", "ADP", "IN")
	pl := g.name(pick(g, g.lex.places), "NNP")
	g.attach(of, pl, "case")
	g.attach(pl, h, "nmod")
}

// site appends a place that is taken: "the town of Kidal", "a military
// base", "Herat", "the strategic town".
func (g *newsGen) site() int {
	if g.p(25) {
		return g.name(pick(g, g.lex.places), "NNP")
	}
	s := pick(g, g.lex.sites)
	det := g.fn(pick(g, []string{"the", "the", "a"}), "DET", "DT")
	var adj = -1
	if g.p(40) {
		a := pick(g, g.lex.adjs)
		adj = g.word(a, a, "ADJ", "JJ")
	}
	head := g.noun(s, false)
	if g.toks[det].Form == "a" {
		g.toks[det].Form = article(g.toks[det+1].Form)
	}
	g.attach(det, head, "det")
	if adj >= 0 {
		g.attach(adj, head, "amod")
	}
	if g.toks[det].Form == "the" && g.p(60) {
		g.ofPlace(head)
	}
	return head
}

// place appends a place phrase attached to v as obl.
func (g *newsGen) place(v int) {
	in := g.fn(pick(g, []string{"in", "in", "in", "near", "around"}), "ADP", "IN")
	var head int
	switch g.rng.IntN(7) {
	case 0, 1: // in Aleppo
		head = g.name(pick(g, g.lex.places), "NNP")
	case 2: // in northern Syria
		d := g.word(pick(g, g.lex.dirs), "", "ADJ", "JJ")
		g.toks[d].Lemma = g.toks[d].Form
		if g.p(50) {
			head = g.name(pick(g, g.lex.nations).country, "NNP")
		} else {
			head = g.name(pick(g, g.lex.places), "NNP")
		}
		g.attach(d, head, "amod")
	case 3: // in the eastern city of Kharkiv
		det := g.fn("the", "DET", "DT")
		var d = -1
		if g.p(70) {
			d = g.word(pick(g, g.lex.dirs), "", "ADJ", "JJ")
			g.toks[d].Lemma = g.toks[d].Form
		}
		head = g.noun(pick(g, g.lex.sites), false)
		g.attach(det, head, "det")
		if d >= 0 {
			g.attach(d, head, "amod")
		}
		g.ofPlace(head)
	case 4: // in Helmand province
		pl := g.name(pick(g, g.lex.places), "NNP")
		a := pick(g, g.lex.areas)
		head = g.word(a, a, "NOUN", "NN")
		g.attach(pl, head, "compound")
	case 5: // near the border with Chad, near the Syrian border
		g.toks[in].Form, g.toks[in].Lemma = "near", "near"
		det := g.fn("the", "DET", "DT")
		nat := pick(g, g.lex.nations)
		if g.p(50) {
			a := g.word(nat.adj, nat.adj, "ADJ", "JJ")
			head = g.word("border", "border", "NOUN", "NN")
			g.attach(a, head, "amod")
		} else {
			head = g.word("border", "border", "NOUN", "NN")
			with := g.fn("with", "ADP", "IN")
			c := g.name(nat.country, "NNP")
			g.attach(with, c, "case")
			g.attach(c, head, "nmod")
		}
		g.attach(det, head, "det")
	default: // in Syria
		head = g.name(pick(g, g.lex.nations).country, "NNP")
	}
	g.attach(in, head, "case")
	g.attach(head, v, "obl")
}

// time appends a time phrase attached to v.
func (g *newsGen) time(v int) {
	switch g.rng.IntN(8) {
	case 0, 1, 2: // on Tuesday
		on := g.fn("on", "ADP", "IN")
		d := g.name([]string{pick(g, g.lex.days)}, "NNP")
		g.attach(on, d, "case")
		g.attach(d, v, "obl")
	case 3: // overnight
		g.dep(v, "advmod", "overnight", "overnight", "ADV", "RB")
	case 4: // last week
		l := g.fn("last", "ADJ", "JJ")
		w := pick(g, []string{"week", "month", "year"})
		h := g.dep(v, "obl:unmarked", w, w, "NOUN", "NN")
		g.attach(l, h, "amod")
	case 5: // late on Sunday
		late := g.fn(pick(g, []string{"late", "early"}), "ADV", "RB")
		on := g.fn("on", "ADP", "IN")
		d := g.name([]string{pick(g, g.lex.days)}, "NNP")
		g.attach(late, d, "advmod")
		g.attach(on, d, "case")
		g.attach(d, v, "obl")
	default: // in March
		in := g.fn("in", "ADP", "IN")
		m := g.name([]string{pick(g, g.lex.months)}, "NNP")
		g.attach(in, m, "case")
		g.attach(m, v, "obl")
	}
}
