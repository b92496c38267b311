package event

// Negation and combination: what a predicate's code becomes when the
// predicate is negated ("will not open its borders") or is the complement
// of a verb of threatening, intending, refusing, demanding or appealing
// ("threatened to attack").

// negate returns the code for a negated predicate, or false for no
// event. With PetrarchNegation the PICO table decides, as in PETRARCH
// ("did not clash" is cooperation); otherwise a negated cooperation is a
// rejection ("will not open its borders") and a negated conflict or
// statement is no event ("did not attack").
func (s *sentence) negate(cl *clause, code, rule string) (string, string, bool) {
	if !cl.negated {
		return code, rule, true
	}
	if s.c.PetrarchNegation {
		if c, ok := s.c.pico().Negate(code); ok {
			return c, rule + " negated", true
		}
		return "", "", false
	}
	switch root := code[:2]; {
	case root >= "10":
		if s.c.KeepNegated {
			return code, rule + " negated", true
		}
		return "", "", false
	case root == "01":
		return "", "", false
	}
	return rejection(code), rule + " negated", true
}

// plainCode returns the code predicate p's verb gives before patterns and
// adjustments, or "".
func (s *sentence) plainCode(p int) string {
	if s.codes == nil {
		s.codes = make([]string, len(s.t.toks))
	}
	if s.codes[p] != "" {
		return s.codes[p][1:]
	}
	entries := s.verbEntries(p)
	if len(entries) == 0 {
		s.codes[p] = "."
		return ""
	}
	cl := s.clauseOf(p)
	best, bestScore := entries[0].CodeOrBlock(), -1
	for _, e := range entries {
		for _, pat := range e.Block.Patterns {
			if m := s.matchPattern(pat, cl); m != nil && m.score > bestScore {
				best, bestScore = pat.Code, m.score
			}
		}
	}
	s.codes[p] = "." + best // "." marks it worked out, even when ""
	return best
}

// rejection returns the code for refusing what code describes.
func rejection(code string) string {
	switch code[:2] {
	case "04":
		return "125"
	case "05", "06":
		return "121"
	case "07":
		return "122"
	case "08":
		if len(code) >= 3 && code[:3] == "087" {
			return "1243"
		}
		return "124"
	}
	return "120"
}
