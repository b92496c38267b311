package actor

import (
	"strings"
	"time"
	"unicode"

	"sitrep/nlp"
)

// An Actor is the coded referent of a noun phrase.
type Actor struct {
	// Code is the CAMEO code: country (or organization type) first, then
	// organization and role codes ("SYRREB", "IGOUNO", "RUSGOV"). When
	// Incomplete it is the role alone ("REB").
	Code string
	// Country is the code's first segment: an ISO alpha-3 country, a
	// historic state or region, or an organization type such as IGO. It
	// is empty when Incomplete.
	Country string
	// Roles are the code's role segments (GOV, MIL, REB, ...) in order.
	Roles []string
	// Incomplete is set when the phrase names a role ("rebels") but
	// neither it nor the focus says whose.
	Incomplete bool
	// First and Limit delimit the tokens of the matches that decided the
	// code, and Span their bytes.
	First, Limit int
	nlp.Span
	// Evidence lists the matches and rules that decided the code, in the
	// order of the phrase.
	Evidence []Evidence
}

// An Evidence is one step of a resolution: a rule and the match (or, for
// RuleFocus, none) it used.
type Evidence struct {
	Rule string
	// Match is the dictionary match; its Entry is nil for RuleFocus.
	Match Match
	// Code is what the step contributed on the phrase's date: an actor
	// code, an agent code ("~REB") or the focus country.
	Code string
}

// The rules Resolve applies, as named in Evidence.
const (
	// RuleNamed: a named actor (person, organization, armed group,
	// capital) gives its code, and wins over countries before it.
	RuleNamed = "named"
	// RuleNamedBase: a country's government (a capital, a head of state:
	// SYRGOV) followed by an agent gives its country, and the agent its
	// role ("Assad forces" → SYR + MIL, "Damascus residents" → SYRCVL).
	RuleNamedBase = "named-base"
	// RuleCountry: a country name or demonym gives the country.
	RuleCountry = "country"
	// RulePossessor: the possessor ("Syria's", "of the UN") gives the
	// country of the head that follows or precedes it.
	RulePossessor = "possessor"
	// RuleAgent: a role noun gives the roles.
	RuleAgent = "agent"
	// RuleFocus: no country in the phrase; the story's focus country is
	// taken.
	RuleFocus = "focus"
)

// Resolve codes a noun phrase, toks, as of date (the zero time uses each
// entry's default or latest coding) in a story about focus (a country code
// such as "SYR", or ""). It reports false when the phrase does not name an
// actor. The rules, in CAMEO/PETRARCH order (country first, then roles):
//
//  1. The phrase is matched (see Match). Words after a preposition, comma,
//     dash or relative pronoun outside a name are a modifier and do not
//     code, except that "of X" is read as a possessor ("the spokesman of
//     the UN" as "the UN's spokesman"). A possessive "'s" splits the rest
//     into a possessor and a head ("Syria's army").
//  2. The head's last word must be part of a match: "opposition towns"
//     and "Russian Federation ceasefire deal" are not actors. A match with
//     NullCode there makes the phrase no actor.
//  3. A named actor in the head (a person, organization, armed group or
//     capital; the last one if there are several) decides, and wins over
//     countries and agents around it ("Syrian President Bashar al-Assad"
//     → SYRGOV, "Hezbollah fighters" → LBNREB). When it is a country's
//     government and nothing more (SYRGOV) and an agent with a role
//     follows, the country is composed with the agent instead ("Assad
//     forces" → SYRMIL, "Damascus residents" → SYRCVL; "the Kremlin
//     spokesman" stays RUSGOV, as a spokesman adds no role).
//  4. Otherwise the country is the last country name or demonym before the
//     first agent ("Syrian rebels"), else the possessor's ("Jordan's
//     foreign minister"), else the focus ("regime forces" in a Syria story
//     → SYRMIL). The first agent that has a role gives the roles:
//     "~REB" after the country, "NGO~" before it; later agents add
//     nothing ("rebel commander" is REB, "army spokesman" MIL).
//  5. An agent with no country and no focus gives the role alone, flagged
//     Incomplete ("rebels" → REB).
func (d *Dictionary) Resolve(toks []nlp.Token, date time.Time, focus string) (Actor, bool) {
	ms := d.Match(toks)
	if len(ms) == 0 {
		return Actor{}, false
	}
	day := DateOf(date)
	covered := make([]int, len(toks)) // match index + 1, or 0
	for i, m := range ms {
		for t := m.First; t < m.Limit; t++ {
			covered[t] = i + 1
		}
	}
	// The head region ends at the first boundary word outside a match.
	cut, of := len(toks), -1
	for t, tok := range toks {
		if covered[t] == 0 && isBoundary(tok) {
			cut = t
			if strings.EqualFold(tok.Form, "of") {
				of = t
			}
			break
		}
	}
	headStart, possFrom, possTo := 0, 0, 0
	for t := cut - 1; t > 0; t-- {
		if covered[t] == 0 && isPossessive(toks[t].Form) {
			headStart, possFrom, possTo = t+1, 0, t
			break
		}
	}
	if headStart == 0 && of >= 0 {
		possFrom, possTo = of+1, len(toks)
		for t := of + 1; t < len(toks); t++ {
			if covered[t] == 0 && isBoundary(toks[t]) {
				possTo = t
				break
			}
		}
	}
	// The head word: the region's last word that is not punctuation.
	head := -1
	for t := cut - 1; t >= headStart; t-- {
		if !isPunct(toks[t].Form) {
			head = t
			break
		}
	}
	if head < 0 || covered[head] == 0 {
		return Actor{}, false
	}
	type coded struct {
		m    Match
		code string
	}
	var named, countries, agents []coded
	for _, m := range ms {
		if m.First < headStart || m.Limit > cut {
			continue
		}
		e := m.Entry
		if e.Agent() {
			agents = append(agents, coded{m, e.Codings[0].Code})
			continue
		}
		code, ok := e.CodeOn(day)
		if !ok {
			continue
		}
		if code == NullCode {
			if m.First <= head && head < m.Limit {
				return Actor{}, false
			}
			continue
		}
		if code, ok = d.unfocus(code, focus); !ok {
			continue
		}
		if d.isCountryCode(code) {
			countries = append(countries, coded{m, code})
		} else {
			named = append(named, coded{m, code})
		}
	}
	var a Actor
	firstRole := func(after int) *coded {
		for i := range agents {
			if agents[i].m.First >= after && agentHasRole(agents[i].code) {
				return &agents[i]
			}
		}
		return nil
	}
	if len(named) > 0 {
		n := named[len(named)-1]
		if ag := firstRole(n.m.Limit); ag != nil && d.isGovernment(n.code) {
			a.Evidence = append(a.Evidence,
				Evidence{Rule: RuleNamedBase, Match: n.m, Code: n.code},
				Evidence{Rule: RuleAgent, Match: ag.m, Code: ag.code})
			return d.finish(a, compose(n.code[:3], ag.code), toks), true
		}
		a.Evidence = append(a.Evidence, Evidence{Rule: RuleNamed, Match: n.m, Code: n.code})
		return d.finish(a, n.code, toks), true
	}
	ag := firstRole(0)
	var base string
	var country *coded
	for i := range countries {
		if len(agents) > 0 && countries[i].m.First > agents[0].m.First {
			break
		}
		country = &countries[i]
	}
	if country == nil && len(countries) > 0 {
		country = &countries[len(countries)-1]
	}
	if country != nil {
		base = country.code
		a.Evidence = append(a.Evidence, Evidence{Rule: RuleCountry, Match: country.m, Code: country.code})
	} else if possTo > possFrom {
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.First < possFrom || m.Limit > possTo || m.Entry.Agent() {
				continue
			}
			code, ok := m.Entry.CodeOn(day)
			if !ok || code == NullCode {
				continue
			}
			if code, ok = d.unfocus(code, focus); !ok {
				continue
			}
			if b := d.stripRoles(code); b != "" {
				base = b
				a.Evidence = append(a.Evidence, Evidence{Rule: RulePossessor, Match: m, Code: code})
				break
			}
		}
	}
	if base == "" && ag != nil && focus != "" && d.vocab.kinds[focus]&leading != 0 {
		base = focus
		a.Evidence = append(a.Evidence, Evidence{Rule: RuleFocus, Code: focus})
	}
	switch {
	case ag == nil && base == "":
		return Actor{}, false
	case ag == nil:
		return d.finish(a, base, toks), true
	}
	a.Evidence = append(a.Evidence, Evidence{Rule: RuleAgent, Match: ag.m, Code: ag.code})
	if base == "" {
		body, _ := agentBody(ag.code)
		a = d.finish(a, body, toks)
		a.Incomplete, a.Country, a.Roles = true, "", nil
		for _, s := range segments(body) {
			if d.vocab.kinds[s]&KindRole != 0 {
				a.Roles = append(a.Roles, s)
			}
		}
		return a, true
	}
	code := compose(base, ag.code)
	// An agent placed before the country ("NGO~": "MSF") and one placed
	// after it ("~GOV": "diplomat") both apply: "an MSF Arnor diplomat" is
	// NGOARNGOV, as PETRARCH codes it.
	before := strings.HasSuffix(ag.code, "~")
	for i := range agents {
		other := agents[i]
		if other.m.First > ag.m.First && agentHasRole(other.code) && strings.HasSuffix(other.code, "~") != before {
			a.Evidence = append(a.Evidence, Evidence{Rule: RuleAgent, Match: other.m, Code: other.code})
			code = compose(code, other.code)
			break
		}
	}
	return d.finish(a, code, toks), true
}

// unfocus returns code, or for FocusCode the story's focus country; false
// when code is FocusCode and the story has no focus that can lead a code.
func (d *Dictionary) unfocus(code, focus string) (string, bool) {
	if code != FocusCode {
		return code, true
	}
	if focus == "" || d.vocab.kinds[focus]&leading == 0 {
		return "", false
	}
	return focus, true
}

// finish fills in the code's parts and the span of the evidence.
func (d *Dictionary) finish(a Actor, code string, toks []nlp.Token) Actor {
	a.Code = code
	segs := segments(code)
	if len(segs) > 0 {
		a.Country = segs[0]
		for _, s := range segs[1:] {
			if d.vocab.kinds[s]&KindRole != 0 {
				a.Roles = append(a.Roles, s)
			}
		}
	}
	a.First, a.Limit = -1, -1
	for _, ev := range a.Evidence {
		if ev.Match.Entry == nil {
			continue
		}
		if a.First < 0 || ev.Match.First < a.First {
			a.First = ev.Match.First
		}
		if ev.Match.Limit > a.Limit {
			a.Limit = ev.Match.Limit
		}
	}
	if a.First >= 0 {
		a.Span = nlp.Span{Start: toks[a.First].Start, End: toks[a.Limit-1].End}
	} else {
		a.First, a.Limit = 0, 0
	}
	return a
}

// isCountryCode reports whether code is a bare country, state or region:
// something that composes with agents rather than deciding on its own.
// IsCountry reports whether code is a country, a historic state or a
// region: a code that can lead an actor code and stand for a story's focus.
func (d *Dictionary) IsCountry(code string) bool { return d.isCountryCode(code) }

func (d *Dictionary) isCountryCode(code string) bool {
	return len(code) == 3 && d.vocab.kinds[code]&(KindCountry|KindState|KindRegion) != 0
}

// isGovernment reports whether code is a country's government and nothing
// more (SYRGOV): the code of capitals, heads of state and government
// buildings, whose agents are the state's ("Assad forces", "Damascus
// residents").
func (d *Dictionary) isGovernment(code string) bool {
	return len(code) == 6 && code[3:] == "GOV" && d.isCountryCode(code[:3])
}

// stripRoles returns code without its role segments after the first
// ("SYRGOV" → "SYR", "IGOUNO" → "IGOUNO"), or "" when only roles remain.
func (d *Dictionary) stripRoles(code string) string {
	segs := segments(code)
	if len(segs) == 0 || d.vocab.kinds[segs[0]]&^KindRole == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(segs[0])
	for _, s := range segs[1:] {
		if d.vocab.kinds[s] != KindRole {
			b.WriteString(s)
		}
	}
	return b.String()
}

// compose applies an agent code to an actor code: "~REB" appends REB,
// "NGO~" prepends NGO; segments the actor already has are not repeated.
func compose(base, agent string) string {
	body, _ := agentBody(agent)
	if body == "" {
		return base
	}
	have := map[string]bool{}
	for _, s := range segments(base) {
		have[s] = true
	}
	var add strings.Builder
	for _, s := range segments(body) {
		if !have[s] {
			add.WriteString(s)
			have[s] = true
		}
	}
	if strings.HasSuffix(agent, "~") {
		return add.String() + base
	}
	return base + add.String()
}

func agentHasRole(code string) bool {
	body, _ := agentBody(code)
	return body != ""
}

// prepositions end the head of a noun phrase when outside a name.
var prepositions = map[string]bool{
	"in": true, "of": true, "from": true, "at": true, "on": true, "near": true,
	"across": true, "inside": true, "outside": true, "around": true, "within": true,
	"throughout": true, "along": true, "to": true, "for": true, "with": true,
	"by": true, "into": true, "over": true, "under": true, "after": true,
	"before": true, "against": true, "between": true, "among": true, "during": true,
	"without": true, "toward": true, "towards": true, "behind": true, "beyond": true,
	"who": true, "which": true, "that": true, "whose": true, "whom": true,
}

// isBoundary reports whether tok ends the head of a noun phrase.
func isBoundary(tok nlp.Token) bool {
	if tok.UPOS == "ADP" {
		return true
	}
	switch tok.Form {
	case ",", ";", ":", "(", "[", "-", "--", "–", "—":
		return true
	}
	return prepositions[strings.ToLower(tok.Form)]
}

// isPossessive reports whether form is a possessive clitic token.
func isPossessive(form string) bool {
	switch form {
	case "'s", "’s", "'S", "’S", "'", "’":
		return true
	}
	return false
}

// isPunct reports whether form has no letters or digits.
func isPunct(form string) bool {
	return strings.IndexFunc(form, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}
