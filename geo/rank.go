package geo

import (
	"fmt"
	"math"
	"slices"
)

// A group is the mentions of one name (with the same type word and
// container) in a text: one sense per discourse, so they resolve alike.
type group struct {
	ms        []*mention
	key       string
	cands     []*Place
	alt       []bool // a city found only by an alternate name unlike its own
	local     [][nFeatures]float64
	want      placeType
	in        *group   // the container's group, if it can hold a candidate
	sibs      []*group // the groups of names listed with it ("Alberta, Ontario and Quebec")
	inner     []*group // the groups whose container it is ("Texas" of "Paris, Texas")
	strongIn  bool     // the container was named by "in", a possessive or a demonym
	fallback  *group   // a strong container none of the candidates is in: the mention is resolved to it
	inCountry string
	weight    float64 // the sum of its mentions' position weights

	choice int // index into cands, -1 for none
	scores []float64
	conf   float64
	why    string
}

// The features a candidate is scored on; explain names them.
const (
	fKind = iota
	fPop
	fFeature
	fAlt
	fSeat
	fType
	fFocus
	fContainer
	fNear
	fSameRegion
	fInside
	fHolds
	fSibling
	nFeatures
)

// Weights of the features. A country's name means the country unless the
// story is clearly elsewhere ("Georgia" in a story about Atlanta); a big
// city or a region's seat beats villages of its name; the story's
// countries and the places around a candidate decide between the rest.
const (
	wCountry     = 4.0  // a country
	wRegion      = 2.0  // a region
	wArea        = 4.0  // a curated area: chosen because news names it
	wPop         = 0.5  // per power of ten of a city's or country's population
	wPopRegion   = 0.4  // per power of ten of a region's (a lower bound)
	wCapital     = 1.5  // PPLC
	wSeatCity    = 1.0  // PPLA
	wSeat2       = 0.5  // PPLA2
	wSeat3       = 0.2  // PPLA3, PPLA4
	wAlt         = -1.5 // a small place (< 100,000) found only by an alternate name unlike its own
	wAltBig      = -1.0 // a larger one
	wSeatRegion  = -1.5 // a region whose seat, named alike, is a candidate too
	wType        = 1.0  // the kind a "district" type word prefers
	wFocus       = 2.0  // times the weight of the candidate's country in the story
	wInside      = 4.0  // inside the container the text names ("Paris, Texas")
	wOutside     = -1.0 // not inside it
	wHoldsInner  = 3.0  // a container holding a candidate of the name it contains
	wNear        = 2.0  // times exp(-d/NearKm) to the nearest other place
	wSameRegion  = 1.0  // in the region of another place of the story
	wInRegion    = 1.5  // inside a region or area the story names
	wInCountry   = 0.7  // inside a country the story names
	wHoldRegion  = 1.5  // a region or area holding a place the story names
	wHoldCtry    = 0.7  // a country holding a place the story names
	wSibling     = 2.0  // of the kind and country of a name listed with it
	wSiblingKind = 0.5  // of the kind only
	smallPlace   = 100000
)

// resolve chooses a place for every mention.
func (st *state) resolve(opt ResolveOptions) {
	groups := st.resolveNames(opt)
	for _, g := range groups {
		for _, m := range g.ms {
			switch {
			case g.fallback != nil && g.fallback.choice >= 0:
				// "Palma in Cabo Delgado province", where the gazetteer
				// has no Palma: the province is the best it can say.
				c := g.fallback.cands[g.fallback.choice]
				m.Place, m.Confidence = c, g.fallback.conf/2
				m.Why = "no " + m.Text + " in " + c.Name + ": the place it is in"
			case g.choice < 0:
				m.Why = "unknown name"
				continue
			default:
				m.Place, m.Confidence, m.Why = g.cands[g.choice], g.conf, g.why
			}
			m.Precision = precisionOf(m.Place)
		}
	}
	for _, m := range st.ms {
		switch m.kind {
		case kUnknown:
			m.Why = "not in the gazetteer"
		case kPart:
			st.resolvePart(m)
		case kBorder:
			st.resolveBorder(m)
		}
	}
	for _, m := range st.ms {
		m.Role = st.role(m)
	}
}

// resolveNames groups the name mentions, infers the story's countries and
// scores the candidates of each group, three times: alone, then twice
// against the places the other groups chose.
func (st *state) resolveNames(opt ResolveOptions) []*group {
	groups := st.group()
	maxC := st.r.MaxCandidates
	if maxC <= 0 {
		maxC = 40
	}
	for _, g := range groups {
		g.prepare()
	}
	st.inferFocus(opt, groups, maxC)
	for _, g := range groups {
		g.bound(st, maxC)
	}
	for _, g := range groups {
		if g.in != nil && !g.in.canHold(g) {
			if g.strongIn && g.allCities() {
				g.fallback = g.in
			}
			g.in = nil
		}
		if g.in != nil {
			g.in.inner = append(g.in.inner, g)
		}
	}
	for round := 0; round < 3; round++ {
		var anchors []anchor
		if round > 0 {
			anchors = st.anchors(groups)
		}
		for _, g := range groups {
			g.score(st, anchors, round == 2)
		}
	}
	return groups
}

// group gathers the name mentions by name, type word and container.
func (st *state) group() []*group {
	byKey := map[string]*group{}
	var out []*group
	gOf := map[*mention]*group{}
	for _, m := range st.ms {
		if m.kind != kName || len(m.cands) == 0 {
			continue
		}
		k := fmt.Sprintf("%s|%d|%s", m.key, m.want, m.inCountry)
		if m.in != nil {
			k += "|" + m.in.key
		}
		g := byKey[k]
		if g == nil {
			g = &group{key: m.key, cands: m.cands, want: m.want, inCountry: m.inCountry, choice: -1}
			byKey[k] = g
			out = append(out, g)
		}
		g.ms = append(g.ms, m)
		g.weight += st.weightAt(m.Sentence)
		gOf[m] = g
	}
	for _, g := range out {
		for _, m := range g.ms {
			if m.in != nil && gOf[m.in] != nil && gOf[m.in] != g && g.in == nil {
				g.in, g.strongIn = gOf[m.in], m.strongIn
			}
			g.strongIn = g.strongIn || m.inCountry != "" && m.strongIn
			for _, s := range m.sibs {
				if h := gOf[s]; h != nil && h != g && !slices.Contains(g.sibs, h) {
					g.sibs = append(g.sibs, h)
				}
			}
		}
	}
	return out
}

// prepare filters the candidates by type word, marks the cities found
// only by an alternate name unlike their own and computes the features
// that depend on the candidate alone.
func (g *group) prepare() {
	c := g.cands
	if g.want == typeRegion || g.want == typeCity {
		var keep []*Place
		for _, p := range c {
			if g.want == typeCity && p.Kind == KindCity || g.want == typeRegion && (p.Kind == KindRegion || p.Kind == KindArea) {
				keep = append(keep, p)
			}
		}
		if len(keep) > 0 {
			c = keep
		}
	}
	g.cands = c
	g.alt = make([]bool, len(c))
	g.local = make([][nFeatures]float64, len(c))
	g.scores = make([]float64, len(c))
	for i, p := range c {
		if p.Kind == KindCity {
			g.alt[i] = !alike(foldString(p.Name), g.key)
		}
		g.local[i] = g.localFeatures(i)
	}
}

// localFeatures scores candidate i on what it is: its kind, population,
// feature code, name and the type word.
func (g *group) localFeatures(i int) [nFeatures]float64 {
	var f [nFeatures]float64
	p := g.cands[i]
	switch p.Kind {
	case KindCountry:
		f[fKind] = wCountry
		f[fPop] = wPop * math.Log10(1+float64(p.Population))
	case KindRegion, KindArea:
		f[fKind] = wRegion
		if p.Kind == KindArea {
			f[fKind] = wArea
		}
		f[fPop] = wPopRegion * math.Log10(1+float64(p.Population))
		if p.Kind == KindRegion && g.want == 0 {
			for _, q := range g.cands {
				if q.Kind == KindCity && q.Country == p.Country && q.Admin1 == p.Admin1 && isSeat(q.Feature) {
					f[fSeat] = wSeatRegion
					break
				}
			}
		}
	case KindCity:
		f[fPop] = wPop * math.Log10(1+float64(p.Population))
		switch p.Feature {
		case "PPLC":
			f[fFeature] = wCapital
		case "PPLA":
			f[fFeature] = wSeatCity
		case "PPLA2":
			f[fFeature] = wSeat2
		case "PPLA3", "PPLA4":
			f[fFeature] = wSeat3
		}
	}
	if g.alt[i] {
		f[fAlt] = wAlt
		if p.Population >= smallPlace {
			f[fAlt] = wAltBig
		}
	}
	if g.want == typeDistrict && p.Kind == KindCity {
		f[fType] = wType
	}
	return f
}

// bound keeps the first maxC candidates, and those after them in the
// story's countries.
func (g *group) bound(st *state, maxC int) {
	if len(g.cands) <= maxC {
		return
	}
	keep := []int{}
	for i, p := range g.cands {
		if i < maxC || st.focusW[p.Country] > 0 || p.Country == g.inCountry {
			keep = append(keep, i)
		}
	}
	cands := make([]*Place, len(keep))
	alt := make([]bool, len(keep))
	local := make([][nFeatures]float64, len(keep))
	for j, i := range keep {
		cands[j], alt[j], local[j] = g.cands[i], g.alt[i], g.local[i]
	}
	g.cands, g.alt, g.local, g.scores = cands, alt, local, make([]float64, len(keep))
}

// localShares returns, for the first n candidates, the softmax of their
// local scores: how likely each is on what it is alone.
func (g *group) localShares(n int) []float64 {
	n = min(n, len(g.cands))
	out := make([]float64, n)
	top := math.Inf(-1)
	for i := range out {
		for _, v := range g.local[i] {
			out[i] += v
		}
		top = max(top, out[i])
	}
	sum := 0.0
	for i := range out {
		out[i] = math.Exp(out[i] - top)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

// canHold reports whether some candidate of g could hold some candidate of
// h ("Texas" holds a "Paris"; "Hama" holds no "Homs").
func (g *group) canHold(h *group) bool {
	for _, q := range g.cands {
		for _, p := range h.cands {
			if inside(p, q) {
				return true
			}
		}
	}
	return false
}

// allCities reports whether every candidate of g is a city.
func (g *group) allCities() bool {
	for _, p := range g.cands {
		if p.Kind != KindCity {
			return false
		}
	}
	return true
}

// heldBy returns a candidate of g that place q holds, or nil.
func (g *group) heldBy(q *Place) *Place {
	for _, p := range g.cands {
		if inside(p, q) {
			return p
		}
	}
	return nil
}

// inside reports whether place p lies in place q: in its country, region,
// area or, for a city, within 30 km of it.
func inside(p, q *Place) bool {
	if p == q {
		return false
	}
	switch q.Kind {
	case KindCountry:
		return p.Kind != KindCountry && (p.Country == q.Country || slices.Contains(p.Also, q.Country))
	case KindRegion:
		return p.Kind == KindCity && p.Country == q.Country && p.Admin1 == q.Admin1
	case KindArea:
		return (p.Kind == KindCity || p.Kind == KindArea && p.Radius < q.Radius) && approxKm(p.Lat, p.Lon, q.Lat, q.Lon) <= q.Radius+30
	case KindCity:
		return p.Kind == KindCity && approxKm(p.Lat, p.Lon, q.Lat, q.Lon) <= 30
	}
	return false
}

// An anchor is another group's current choice, which the candidates of a
// group are compared with.
type anchor struct {
	p    *Place
	g    *group
	conf float64
}

func (st *state) anchors(groups []*group) []anchor {
	var out []anchor
	for _, g := range groups {
		if g.choice >= 0 {
			out = append(out, anchor{g.cands[g.choice], g, g.conf})
		}
	}
	return out
}

// score scores the candidates of g and chooses the best; with explain it
// also says why.
func (g *group) score(st *state, anchors []anchor, explain bool) {
	var best, second [nFeatures]float64
	var bestWhy, secondWhy [nFeatures]*Place
	bi, bs, ss := -1, math.Inf(-1), math.Inf(-1)
	var container *Place
	if g.in != nil && g.in.choice >= 0 {
		container = g.in.cands[g.in.choice]
	}
	for i, p := range g.cands {
		f := g.local[i]
		var why [nFeatures]*Place
		fw := st.focusW[p.Country]
		for _, c := range p.Also {
			fw = max(fw, st.focusW[c])
		}
		f[fFocus] = wFocus * fw
		for _, h := range g.inner {
			if q := h.heldBy(p); q != nil {
				f[fContainer] += wHoldsInner
				why[fContainer] = q
				break
			}
		}
		switch {
		case g.inCountry != "":
			if p.Country == g.inCountry || slices.Contains(p.Also, g.inCountry) {
				f[fContainer] += wInside
			} else {
				f[fContainer] += wOutside
			}
		case container != nil:
			if inside(p, container) {
				f[fContainer] += wInside
				why[fContainer] = container
			} else {
				f[fContainer] += wOutside
			}
		}
		if len(anchors) > 0 && len(g.cands) > 1 {
			st.context(g, p, anchors, &f, &why)
		}
		s := 0.0
		for _, v := range f {
			s += v
		}
		g.scores[i] = s
		if s > bs {
			second, secondWhy, ss = best, bestWhy, bs
			best, bestWhy, bs, bi = f, why, s, i
		} else if s > ss {
			second, secondWhy, ss = f, why, s
		}
	}
	_ = secondWhy
	g.choice = bi
	sum := 0.0
	for _, s := range g.scores {
		sum += math.Exp(s - bs)
	}
	g.conf = 1 / sum
	if !explain {
		return
	}
	if len(g.cands) == 1 {
		g.why = "only candidate"
		return
	}
	k, d := 0, math.Inf(-1)
	for i := range best {
		if diff := best[i] - second[i]; diff > d {
			k, d = i, diff
		}
	}
	g.why = st.explain(k, g.cands[bi], bestWhy[k])
}

// context adds the features that compare candidate p with the places the
// other groups chose.
func (st *state) context(g *group, p *Place, anchors []anchor, f *[nFeatures]float64, why *[nFeatures]*Place) {
	near := st.r.NearKm
	if near <= 0 {
		near = 150
	}
	bestNear := 0.0
	for _, a := range anchors {
		q := a.p
		if a.g == g || q == p || q.Kind == KindArea && (q.Radius >= 1000 || q.Country == "") {
			continue // continents and seas are too vast to tell places apart
		}
		if slices.Contains(g.sibs, a.g) && p.Kind == q.Kind {
			v := wSiblingKind
			if p.Country == q.Country {
				v = wSibling
			}
			if v*a.conf > f[fSibling] {
				f[fSibling], why[fSibling] = v*a.conf, q
			}
		}
		switch {
		case p.Kind == KindCity && q.Kind == KindCity:
			// Beyond farKm·near the bonus is under 1e-4 of wNear: skip
			// the far pairs, most of them, before the cosine and exp.
			if dLat := math.Abs(p.Lat - q.Lat); wNear*a.conf > bestNear && dLat*degKm < farKm*near {
				if d := approxKm(p.Lat, p.Lon, q.Lat, q.Lon); d < farKm*near {
					if v := wNear * a.conf * math.Exp(-d/near); v > bestNear {
						bestNear, why[fNear] = v, q
					}
				}
			}
			if p.Country == q.Country && p.Admin1 != "" && p.Admin1 == q.Admin1 && f[fSameRegion] == 0 {
				f[fSameRegion], why[fSameRegion] = wSameRegion*a.conf, q
			}
		case inside(p, q):
			v := wInRegion
			if q.Kind == KindCountry {
				v = wInCountry
			}
			if v*a.conf > f[fInside] {
				f[fInside], why[fInside] = v*a.conf, q
			}
		case inside(q, p):
			v := wHoldRegion
			if p.Kind == KindCountry {
				v = wHoldCtry
			}
			if v*a.conf > f[fHolds] {
				f[fHolds], why[fHolds] = v*a.conf, q
			}
		}
	}
	f[fNear] = bestNear
}

// explain names the feature that set the chosen candidate apart.
func (st *state) explain(k int, p, other *Place) string {
	name := func(q *Place) string {
		if q == nil {
			return "?"
		}
		return q.Name
	}
	switch k {
	case fKind:
		if p.Kind == KindCountry {
			return "country"
		}
		return p.Kind.String()
	case fPop:
		return "population"
	case fFeature:
		if p.Feature == "PPLC" {
			return "capital"
		}
		return "administrative seat"
	case fAlt:
		return "main name"
	case fSeat:
		return "seat named alike"
	case fType:
		return "type word"
	case fFocus:
		return "in focus country " + p.Country
	case fContainer:
		switch {
		case other == nil:
			return "in " + p.Country
		case inside(other, p):
			return "holds " + name(other)
		}
		return "in " + name(other)
	case fNear:
		return "near " + name(other)
	case fSameRegion:
		return "same region as " + name(other)
	case fInside:
		return "in " + name(other)
	case fHolds:
		return "holds " + name(other)
	case fSibling:
		return "listed with " + name(other)
	}
	return ""
}

// precisionOf returns the precision of a gazetteer place.
func precisionOf(p *Place) Precision {
	switch p.Kind {
	case KindCountry:
		return PrecisionCountry
	case KindRegion:
		return PrecisionRegion
	case KindArea:
		if p.Radius >= 1000 {
			return PrecisionCountry
		}
		return PrecisionRegion
	case KindCity:
		return PrecisionCity
	}
	return PrecisionNone
}

// role decides a mention's Role from its cue, its grammar and its place.
func (st *state) role(m *mention) Role {
	switch m.cueRole {
	case cueLocation, cueMotion:
		return RoleLocation
	}
	if m.subject && m.Place != nil && m.kind == kName && (m.Place.Kind == KindCountry || m.Place.Feature == "PPLC" && m.agent) {
		return RoleActor
	}
	return RoleOther
}

const (
	degKm = math.Pi * earthRadius / 180 // km per degree of latitude
	farKm = 10                          // in units of NearKm: too far to be near
)

// approxKm is the equirectangular approximation of the distance in km
// between two points: within 1% of Haversine up to a few hundred km, and
// cheap enough to compare every candidate with every place of a story.
func approxKm(lat1, lon1, lat2, lon2 float64) float64 {
	dlon := math.Abs(lon2 - lon1)
	if dlon > 180 {
		dlon = 360 - dlon
	}
	x := dlon * math.Cos((lat1+lat2)*math.Pi/360)
	y := lat2 - lat1
	return degKm * math.Sqrt(x*x+y*y)
}

// alike reports whether a name is a spelling of another rather than
// another name: equal, or with the same first letter and an edit distance
// of at most a third of the longer ("Deraa" and "Dara", "Hama" and
// "Hamah"; not "Jordan" and "Torda", "Victoria" and "Hong Kong").
func alike(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" || a[0] != b[0] {
		return false
	}
	n := max(len(a), len(b))
	return editDistance(a, b) <= max(1, n/3)
}

// editDistance returns the Levenshtein distance of two byte strings.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	var buf [2][65]int
	prev, cur := buf[0][:len(b)+1], buf[1][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = 1 + min(c, prev[j], cur[j-1])
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
