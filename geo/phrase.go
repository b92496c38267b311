package geo

// borders finds border phrases: "the border with Jordan", "the border
// between Syria and Jordan", "on the Syrian-Jordanian border", "the
// Jordanian border", "Jordan's border with Syria", and, for a bare border
// word, "near the border". The country names inside become the phrase's
// sides and are no mentions of their own.
func (st *state) borders(se *sent) {
	n := len(se.toks)
	isArea := func(k string) bool { return st.w.borderArea[k] }
	for i := 0; i < n; i++ {
		if se.taken[i] {
			continue
		}
		bare, ok := st.w.border[se.folded[i]]
		if !ok {
			continue
		}
		end := i + 1
		if k, nn := se.phrase(end, st.w.maxWords, isArea); k != "" {
			end += nn
		} else if end < n && se.toks[end].UPOS == "NOUN" && !startsUpper(se.toks[end].Form) {
			continue // "border guards", "border town of Ramtha"
		}
		var sides []side
		start := i
		// Before: "Syrian-Jordanian", "Jordanian", "Syria-Jordan", "Jordan's".
		if j := i - 1; j >= 0 {
			if s, ok := st.countryPieces(se, j); ok {
				sides, start = s, j
			} else if c, ok := st.w.demonyms[se.folded[j]]; ok {
				sides, start = []side{{country: c}}, j
			} else if m := st.countryEndingAt(se, j); m != nil {
				sides, start = []side{{m: m}}, m.a
			} else if isPossessive(se.toks[j].Form) && j > 0 {
				if m := st.countryEndingAt(se, j-1); m != nil {
					sides, start = []side{{m: m}}, m.a
				}
			}
			// "Syria - Jordan border", "Syrian and Jordanian border".
			if len(sides) == 1 && start >= 2 && st.w.join[se.folded[start-1]] {
				if c, ok := st.w.demonyms[se.folded[start-2]]; ok {
					sides, start = append([]side{{country: c}}, sides...), start-2
				} else if m := st.countryEndingAt(se, start-2); m != nil {
					sides, start = append([]side{{m: m}}, sides...), m.a
				}
			}
		}
		// After: "with Jordan", "between Syria and Jordan", "of Syria":
		// countries joined by "and", "," or "or", each maybe after "the".
		if end < n && st.w.borderWith[se.folded[end]] {
			k := end + 1
			var after []side
			for k < n {
				if se.folded[k] == "the" {
					k++
				}
				m := st.countryStartingAt(se, k)
				if m == nil {
					break
				}
				after = append(after, side{m: m})
				k = m.b
				j := k + 1
				if j < n && se.folded[j] == "the" {
					j++
				}
				if k >= n || !st.w.join[se.folded[k]] || st.countryStartingAt(se, j) == nil {
					break
				}
				k++
			}
			if len(after) > 0 {
				sides = append(sides, after...)
				end = k
			}
		}
		if len(sides) == 0 && (!bare || i == 0 || se.folded[i-1] != "the") {
			continue
		}
		m := &mention{kind: kBorder, key: "border", sides: sides, a: start, b: end}
		se.consume(start, end)
		se.add(st, m)
		i = end - 1
	}
}

// countryPieces reads a hyphenated token of countries or demonyms
// ("Syrian-Jordanian", "Syria-Jordan", "Israel–Lebanon") as border sides.
func (st *state) countryPieces(se *sent, j int) ([]side, bool) {
	t := se.toks[j]
	pieces := dashPieces(t.Form)
	if len(pieces) < 2 {
		return nil, false
	}
	var sides []side
	for _, p := range pieces {
		form := t.Form[p.Start:p.End]
		if c, ok := st.w.demonyms[foldString(form)]; ok {
			sides = append(sides, side{country: c})
			continue
		}
		cands := st.g.Lookup(form)
		if len(cands) == 0 || cands[0].Kind != KindCountry {
			return nil, false
		}
		sides = append(sides, side{country: cands[0].Country})
	}
	return sides, true
}

// countryEndingAt returns the name mention whose last token is i if its
// most likely place is a country.
func (st *state) countryEndingAt(se *sent, i int) *mention {
	m := se.endingAt(i)
	if m == nil || m.kind != kName || len(m.cands) == 0 || m.cands[0].Kind != KindCountry {
		return nil
	}
	return m
}

// countryStartingAt returns the name mention whose first token is i if its
// most likely place is a country.
func (st *state) countryStartingAt(se *sent, i int) *mention {
	if i >= len(se.toks) {
		return nil
	}
	m := se.at(i)
	if m == nil || m.a != i || m.kind != kName || len(m.cands) == 0 || m.cands[0].Kind != KindCountry {
		return nil
	}
	return m
}

// parts finds parts of places by direction: "southern Syria", "northern
// Daraa" (a direction word before a name), "the southwest", "the north of
// the country" (the story's country), "the north of Syria", "Syria's
// north". A direction before "of" without "the" ("north of Damascus") is a
// cue, not a part.
func (st *state) parts(se *sent) {
	n := len(se.toks)
	for i := 0; i < n; i++ {
		d, ok := st.w.directions[se.folded[i]]
		if !ok || se.taken[i] {
			continue
		}
		if m := se.at(i + 1); i+1 < n && m != nil && m.a == i+1 && m.kind == kName {
			p := &mention{kind: kPart, key: m.key, dir: d, base: m, a: i, b: m.b}
			se.consume(i, m.b)
			se.add(st, p)
			i = p.b - 1
			continue
		}
		var base *mention
		start, end := i, i+1
		switch {
		case i >= 2 && isPossessive(se.toks[i-1].Form):
			if m := se.endingAt(i - 2); m != nil && m.kind == kName {
				base, start = m, m.a // "Syria's north"
			} else if !st.w.theCountry[se.folded[i-2]] {
				continue // "the country's north": the story's country
			}
		case i >= 1 && se.folded[i-1] == "the":
			// "sanctions by the West": a bloc, unless "of" says of what.
			if st.w.bloc[se.folded[i]] && startsUpper(se.toks[i].Form) && !(end < n && se.folded[end] == "of") {
				continue
			}
		default:
			continue
		}
		if end+1 < n && se.folded[end] == "of" {
			k := end + 1
			if se.folded[k] == "the" {
				k++
			}
			if m := se.at(k); k < n && m != nil && m.a == k && m.kind == kName && base == nil {
				base, end = m, m.b // "the north of Syria"
			} else if k < n && k > end+1 && st.w.theCountry[se.folded[k]] {
				end = k + 1 // "the north of the country"
			} else {
				continue // "the south of the city": unknown
			}
		} else if end < n {
			if t, ok := st.w.types[se.folded[end]]; ok && t == typeRegion || st.w.partOf[se.folded[end]] {
				end++ // "the southwest region"
			} else if u := se.toks[end].UPOS; u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "NUM" {
				continue // "the north side"
			}
		}
		p := &mention{kind: kPart, dir: d, base: base, a: start, b: end}
		if base != nil {
			p.key = base.key
		}
		se.consume(start, end)
		se.add(st, p)
		i = end - 1
	}
}
