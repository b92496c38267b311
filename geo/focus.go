package geo

import (
	"cmp"
	"slices"
	"strings"
)

// weightAt is the weight of evidence in sentence si: the headline and lead
// say most about where a story is.
func (st *state) weightAt(si int) float64 {
	if si < 3 {
		return 1.5
	}
	return 1
}

// inferFocus weighs the countries of the story: those the caller gives
// first, then what the text says. A place inside a country says more about
// where the story is than the country's name, which often names an actor;
// a country after a locative preposition ("in Syria") says as much.
// Demonyms ("Syrian rebels") say least. Earlier sentences weigh more.
func (st *state) inferFocus(opt ResolveOptions, groups []*group, maxC int) {
	const (
		wName      = 1.0 // a country's name
		wNameIn    = 2.0 // after a locative preposition
		wPlace     = 2.0 // a place, shared among its candidates' countries
		wDemonym   = 0.5
		wShort     = 0.5 // a place of a name of three letters or fewer
		enough     = 3.0 // the evidence that makes a country's weight 1
		minShare   = 0.2
		givenScale = 0.5 // inferred countries next to given ones
	)
	w := map[string]float64{}
	for c, n := range st.demonyms {
		w[c] += wDemonym * n
	}
	for _, g := range groups {
		if p := g.cands[0]; p.Kind == KindCountry {
			for _, m := range g.ms {
				v := wName
				if m.cueRole == cueLocation || m.cueRole == cueMotion {
					v = wNameIn
				}
				w[p.Country] += v * st.weightAt(m.Sentence)
			}
			continue
		}
		// The others vote for their candidates' countries, each as likely
		// as its kind, population and name make it.
		v := wPlace * g.weight
		if len(g.key) <= 3 {
			v = wShort * g.weight // "WA": Washington, or Western Australia?
		}
		for i, share := range g.localShares(maxC) {
			p := g.cands[i]
			if p.Country != "" {
				w[p.Country] += v * share
			}
		}
	}
	top := enough
	for _, v := range w {
		top = max(top, v)
	}
	st.focusW = map[string]float64{}
	for c, v := range w {
		if v >= minShare*top || v >= 1 {
			st.focusW[c] = v / top
		}
	}
	var given []string
	for _, f := range opt.Focus {
		if c, ok := st.g.Country(f); ok && !slices.Contains(given, c.ISO3) {
			given = append(given, c.ISO3)
		}
	}
	if len(given) > 0 {
		for c := range st.focusW {
			st.focusW[c] *= givenScale
		}
		for i, c := range given {
			st.focusW[c] = max(1-0.25*float64(i), 0.5)
		}
	}
	st.focus = given
	var rest []string
	for c := range st.focusW {
		if !slices.Contains(given, c) {
			rest = append(rest, c)
		}
	}
	slices.SortFunc(rest, func(a, b string) int {
		if c := cmp.Compare(st.focusW[b], st.focusW[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	st.focus = append(st.focus, rest...)
}
