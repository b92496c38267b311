package event

// Negation and combination: what a predicate's code becomes when the
// predicate is negated ("will not open its borders") or is the complement
// of a verb of threatening, intending, refusing, demanding or appealing
// ("threatened to attack").

// adjust returns the code to emit for predicate v, or false for none.
func (s *sentence) adjust(v int, cl *clause, code, rule string) (string, string, bool) {
	t := s.t
	// A complement of a coded verb of modality is not an event of its
	// own: the governing verb codes the combination.
	if h := t.head(v); h >= 0 && relBase(t.rel[v]) == "xcomp" {
		if hc := s.plainCode(h); hc != "" && modal(hc) {
			return "", "", false
		}
	}
	// A verb of modality with a coded complement combines with it.
	for _, x := range t.kids(v, "xcomp") {
		if xc := s.plainCode(x); xc != "" && modal(code) {
			if c := combine(code, xc); c != "" {
				code, rule = c, rule+" with "+s.t.lower[x]
			}
		}
	}
	if !cl.negated {
		return code, rule, true
	}
	switch root := code[:2]; {
	case root >= "10":
		if s.c.KeepNegated {
			return code, rule + " negated", true
		}
		return "", "", false // "did not attack" is no attack
	case root == "01":
		return "", "", false // "did not say" is no statement
	default:
		return rejection(code), rule + " negated", true
	}
}

// plainCode returns the code predicate p's verb gives before patterns and
// adjustments, or "".
func (s *sentence) plainCode(p int) string {
	entries := s.verbEntries(p)
	if len(entries) == 0 {
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
	return best
}

// modal reports whether a code is one of threatening, intending,
// refusing, demanding or appealing, which take another act as complement.
func modal(code string) bool {
	switch code[:2] {
	case "02", "03", "10", "12", "13":
		return true
	}
	return false
}

// combine codes a verb of modality with the code of its complement
// ("threaten" + "attack" → 138), or returns "" to keep the modal verb's.
func combine(modalCode, comp string) string {
	root := comp[:2]
	switch modalCode[:2] {
	case "13": // threaten
		switch root {
		case "18", "19", "20":
			return "138"
		case "17":
			return "137"
		case "16":
			return "131"
		}
	case "03": // intend, vow, pledge, promise
		switch root {
		case "04":
			return "036"
		case "05":
			return "032"
		case "06":
			return "031"
		case "07":
			return "033"
		case "08":
			return "035"
		case "18", "19", "20":
			return "138" // a vow to use force is a threat of it
		}
	case "12": // refuse, reject
		return rejection(comp)
	case "10": // demand
		switch root {
		case "04":
			return "104"
		case "05", "06":
			return "101"
		case "07":
			return "103"
		case "08":
			return "105"
		}
	case "02": // appeal, urge, call on
		switch root {
		case "04":
			return "026"
		case "05":
			return "022"
		case "06":
			return "021"
		case "07":
			return "023"
		case "08":
			return "025"
		}
	}
	return ""
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
