package geo

import (
	"cmp"
	"math"
	"slices"
)

// resolvePart resolves a part of a place by direction: the part of its
// base's place, or of the story's first country.
func (st *state) resolvePart(m *mention) {
	var base *Place
	conf := 1.0
	if m.base != nil {
		base, conf = m.base.Place, m.base.Confidence
	} else if len(st.focus) > 0 {
		if c, ok := st.g.Country(st.focus[0]); ok {
			base, conf = c.Place, st.focusW[c.ISO3]
		}
	}
	if base == nil {
		m.Why = "no place for the direction"
		return
	}
	p := st.r.part(base, m.dir)
	m.Place, m.Base, m.Confidence = p, []*Place{base}, conf
	m.Precision = PrecisionRegion
	if base.Kind == KindCity {
		m.Precision = PrecisionSubCity
	}
	m.Why = m.dir.adj + " part of " + base.Name
	if m.base == nil {
		m.Why += " (the story's country)"
	}
}

// resolveBorder resolves a border phrase to the border area of its two
// countries: those it names, else the story's country and the country it
// names, else (a bare "the border") the story's country and the last
// country named before that borders it.
func (st *state) resolveBorder(m *mention) {
	var named []string
	for _, s := range m.sides {
		c := s.country
		if s.m != nil && s.m.Place != nil {
			c = s.m.Place.Country
		}
		if c != "" && !slices.Contains(named, c) {
			named = append(named, c)
		}
	}
	var own, other string
	switch len(named) {
	case 0:
		if len(m.sides) > 0 {
			break
		}
		if len(st.focus) > 0 {
			own = st.focus[0]
			other = st.partner(m, own)
		}
		if other == "" {
			m.drop = true // a bare "the border" the text does not place
			return
		}
	case 1:
		other = named[0]
		for _, c := range st.focus {
			if c != other && st.r.border(c, other) != nil {
				own = c
				break
			}
		}
		if own == "" {
			own = st.partner(m, other)
		}
	default:
		own, other = named[0], named[1]
	}
	if own == "" || other == "" {
		m.Why = "border of unknown countries"
		return
	}
	area := st.r.border(own, other)
	if area == nil {
		m.Why = "no common border of " + own + " and " + other
		return
	}
	// The story's places on either side narrow a long border.
	var places []*Place
	for _, o := range st.ms {
		if o.kind == kName && o.Place != nil && (o.Place.Kind == KindCity || o.Place.Kind == KindRegion) &&
			(o.Place.Country == own || o.Place.Country == other) {
			places = append(places, o.Place)
		}
	}
	km := st.r.BorderKm
	if km <= 0 {
		km = 25
	}
	p, near := area.near(places, km)
	a, _ := st.g.Country(own)
	b, _ := st.g.Country(other)
	m.Place, m.Base = p, []*Place{a.Place, b.Place}
	m.Precision = PrecisionRegion
	m.Confidence = 1
	if len(named) < 2 {
		m.Confidence = 0.7
	}
	m.Why = "border of " + a.Place.Name + " and " + b.Place.Name
	if near != nil {
		m.Why += " near " + near.Name
	}
}

// partner returns the country named last before m (or else first after it
// in its sentence, or else the first of the story's other countries) that
// borders own.
func (st *state) partner(m *mention, own string) string {
	best, bestAfter := "", ""
	for _, o := range st.ms {
		if o.kind != kName || o.Place == nil || o.Place.Kind != KindCountry || o.Place.Country == own {
			continue
		}
		c := o.Place.Country
		if o.Start < m.Start {
			if st.r.border(own, c) != nil {
				best = c
			}
		} else if bestAfter == "" && o.Sentence == m.Sentence && st.r.border(own, c) != nil {
			bestAfter = c
		}
	}
	if best == "" {
		best = bestAfter
	}
	if best == "" {
		for _, c := range st.focus {
			if c != own && st.r.border(own, c) != nil {
				return c
			}
		}
	}
	return best
}

// part returns the part of place base that lies in direction d: for a
// country, region or area, the quarter of its populated places furthest
// that way (or the third nearest its middle, for the centre), their mean
// point and the radius holding 80% of them; for a city, or a place with
// fewer than 8 populated places, the point half its radius (3 km for a
// city) that way with half its radius (4 km).
func (r *Resolver) part(base *Place, d direction) *Place {
	key := partKey{base, d}
	if c := r.derived; c != nil {
		c.mu.Lock()
		p := c.parts[key]
		c.mu.Unlock()
		if p != nil {
			return p
		}
	}
	p := &Place{Name: d.adj + " " + base.Name, Country: base.Country, Kind: KindArea, Feature: "RGN", Also: base.Also}
	if base.Kind == KindRegion || base.Kind == KindCity {
		p.Admin1, p.Admin1Name = base.Admin1, base.Admin1Name
	}
	pts := r.g.placesIn(base)
	if len(pts) >= 8 {
		lat0, lon0 := base.Lat, base.Lon
		k := math.Cos(lat0 * math.Pi / 180)
		type xy struct{ x, y, v float64 }
		v := make([]xy, len(pts))
		for i, q := range pts {
			dlon := q.Lon - lon0
			if dlon > 180 {
				dlon -= 360
			} else if dlon < -180 {
				dlon += 360
			}
			v[i] = xy{x: dlon * k, y: q.Lat - lat0}
		}
		if d.centre {
			xs := make([]float64, len(v))
			ys := make([]float64, len(v))
			for i := range v {
				xs[i], ys[i] = v[i].x, v[i].y
			}
			slices.Sort(xs)
			slices.Sort(ys)
			mx, my := xs[len(xs)/2], ys[len(ys)/2]
			for i := range v {
				v[i].v = -math.Hypot(v[i].x-mx, v[i].y-my)
			}
		} else {
			s, c := math.Sincos(d.bearing * math.Pi / 180)
			for i := range v {
				v[i].v = v[i].x*s + v[i].y*c
			}
		}
		slices.SortFunc(v, func(a, b xy) int { return cmp.Compare(b.v, a.v) })
		n := len(v) / 4 // news means the outer part: "eastern Ukraine" is the Donbas
		if d.centre {
			n = len(v) / 3
		}
		sel := v[:max(1, n)]
		var sx, sy float64
		for _, q := range sel {
			sx, sy = sx+q.x, sy+q.y
		}
		cx, cy := sx/float64(len(sel)), sy/float64(len(sel))
		ds := make([]float64, len(sel))
		for i, q := range sel {
			ds[i] = math.Hypot(q.x-cx, q.y-cy) * math.Pi * earthRadius / 180
		}
		slices.Sort(ds)
		p.Lat = lat0 + cy
		p.Lon = wrapLon(lon0 + cx/k)
		p.Radius = math.Round(max(ds[len(ds)*8/10], 5))
	} else {
		shift, radius := base.Radius/2, base.Radius/2
		if base.Kind == KindCity || base.Radius == 0 {
			shift, radius = 3, 4
		}
		if d.centre {
			shift = 0
		}
		p.Lat, p.Lon = destination(base.Lat, base.Lon, d.bearing, shift)
		p.Radius = radius
	}
	if c := r.derived; c != nil {
		c.mu.Lock()
		if q := c.parts[key]; q != nil {
			p = q
		} else {
			c.parts[key] = p
		}
		c.mu.Unlock()
	}
	return p
}

// placesIn returns the populated places of a country, region or area (for
// an area, those within its radius, in its countries if it has any).
func (g *Gazetteer) placesIn(p *Place) []*Place {
	idx := g.cities()
	switch p.Kind {
	case KindCountry:
		return idx.byCountry[p.Country]
	case KindRegion:
		return idx.byRegion[regionKey{p.Country, p.Admin1}]
	case KindArea:
		if p.Radius > 1500 {
			return nil // continents and oceans: too vast for a part to mean much
		}
		var out []*Place
		for _, q := range g.Within(p.Lat, p.Lon, p.Radius) {
			if p.Country == "" || q.Country == p.Country || slices.Contains(p.Also, q.Country) {
				out = append(out, q)
			}
		}
		return out
	}
	return nil
}

// A cityIndex lists the populated places of each country and region,
// ordered by id.
type cityIndex struct {
	byCountry map[string][]*Place // by ISO3
	byRegion  map[regionKey][]*Place
}

type regionKey struct{ country, admin1 string }

func (g *Gazetteer) buildCityIndex() *cityIndex {
	idx := &cityIndex{byCountry: map[string][]*Place{}, byRegion: map[regionKey][]*Place{}}
	for _, p := range g.byID {
		if p.Kind != KindCity {
			continue
		}
		idx.byCountry[p.Country] = append(idx.byCountry[p.Country], p)
		if p.Admin1 != "" {
			k := regionKey{p.Country, p.Admin1}
			idx.byRegion[k] = append(idx.byRegion[k], p)
		}
	}
	byID := func(a, b *Place) int { return cmp.Compare(a.ID, b.ID) }
	for _, l := range idx.byCountry {
		slices.SortFunc(l, byID)
	}
	for _, l := range idx.byRegion {
		slices.SortFunc(l, byID)
	}
	return idx
}

// A borderArea is the border of two countries: the area, and the
// midpoints of the pairs of populated places across it, which a story's
// places narrow it to.
type borderArea struct {
	p    *Place
	mids []point
}

type point struct{ lat, lon float64 }

// border returns the border area of countries own and other (ISO3), or
// nil if they have none: no populated places of the two within
// BorderKm·2^k of each other for k up to 4 (400 km with the default, for
// deserts where towns are far apart). The area holds the places of either
// country within that distance of the other's; its point is the midpoint
// of the pair whose midpoint is nearest the middle of them all (so that a
// long border's point lies on the border), and its radius holds 90% of
// them.
func (r *Resolver) border(own, other string) *borderArea {
	if own == other || own == "" || other == "" {
		return nil
	}
	key := [2]string{own, other}
	c := r.derived
	if c != nil {
		c.mu.Lock()
		b, ok := c.borders[key]
		c.mu.Unlock()
		if ok {
			return b
		}
	}
	b := r.computeBorder(own, other)
	if c != nil {
		c.mu.Lock()
		if q, ok := c.borders[key]; ok {
			b = q
		} else {
			c.borders[key] = b
		}
		c.mu.Unlock()
	}
	return b
}

func (r *Resolver) computeBorder(own, other string) *borderArea {
	a, okA := r.g.Country(own)
	b, okB := r.g.Country(other)
	if !okA || !okB {
		return nil
	}
	idx := r.g.cities()
	pa, pb := idx.byCountry[a.ISO3], idx.byCountry[b.ISO3]
	if len(pa) == 0 || len(pb) == 0 {
		return nil
	}
	km := r.BorderKm
	if km <= 0 {
		km = 25
	}
	// Bucket both countries' places by half-degree cell, then compare only
	// the places of cells close enough to a cell of the other country.
	const cellDeg = 0.5
	type cellKey struct{ y, x int }
	bucket := func(ps []*Place) map[cellKey][]*Place {
		m := map[cellKey][]*Place{}
		for _, q := range ps {
			k := cellKey{int(math.Floor(q.Lat / cellDeg)), int(math.Floor(q.Lon / cellDeg))}
			m[k] = append(m[k], q)
		}
		return m
	}
	ca, cb := bucket(pa), bucket(pb)
	keysA := make([]cellKey, 0, len(ca))
	for k := range ca {
		keysA = append(keysA, k)
	}
	slices.SortFunc(keysA, func(p, q cellKey) int {
		if c := cmp.Compare(p.y, q.y); c != 0 {
			return c
		}
		return cmp.Compare(p.x, q.x)
	})
	type pair struct {
		a, b *Place
		d    float64
	}
	var pairs []pair
	var dist float64
	const ncol = int(360 / cellDeg)
	for _, d := range []float64{km, 2 * km, 4 * km, 8 * km, 16 * km} {
		dist = d
		ry := int(math.Ceil(d/(cellDeg*111))) + 1
		for _, k := range keysA {
			lat := math.Min(89, math.Abs(float64(k.y)*cellDeg)+cellDeg)
			rx := min(int(math.Ceil(d/(cellDeg*111*max(0.05, math.Cos(lat*math.Pi/180)))))+1, ncol/2)
			for dy := -ry; dy <= ry; dy++ {
				for dx := -rx; dx <= rx; dx++ {
					x := ((k.x+dx+ncol/2)%ncol+ncol)%ncol - ncol/2
					qs := cb[cellKey{k.y + dy, x}]
					if len(qs) == 0 {
						continue
					}
					for _, p := range ca[k] {
						for _, q := range qs {
							if dd := approxKm(p.Lat, p.Lon, q.Lat, q.Lon); dd <= d {
								pairs = append(pairs, pair{p, q, dd})
							}
						}
					}
				}
			}
		}
		if len(pairs) > 0 {
			break
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	seen := map[*Place]bool{}
	var lat, lon, n float64
	lon0 := pairs[0].a.Lon
	for _, pr := range pairs {
		for _, q := range []*Place{pr.a, pr.b} {
			if !seen[q] {
				seen[q] = true
				lat += q.Lat
				lon += lon0 + wrapDelta(q.Lon-lon0)
				n++
			}
		}
	}
	lat, lon = lat/n, wrapLon(lon/n)
	best, bd := pairs[0], math.Inf(1)
	for _, pr := range pairs {
		mlat, mlon := midpoint(pr.a, pr.b)
		if d := approxKm(mlat, mlon, lat, lon); d < bd || d == bd && pr.d < best.d {
			best, bd = pr, d
		}
	}
	clat, clon := midpoint(best.a, best.b)
	ds := make([]float64, 0, len(seen))
	for q := range seen {
		ds = append(ds, approxKm(q.Lat, q.Lon, clat, clon))
	}
	slices.Sort(ds)
	mids := make([]point, len(pairs))
	for i, pr := range pairs {
		mids[i].lat, mids[i].lon = midpoint(pr.a, pr.b)
	}
	return &borderArea{p: &Place{
		Name:    a.Place.Name + "–" + b.Place.Name + " border",
		Country: a.ISO3,
		Also:    []string{b.ISO3},
		Lat:     clat,
		Lon:     clon,
		Radius:  math.Round(max(dist, ds[len(ds)*9/10])),
		Feature: "BDLN",
		Kind:    KindArea,
	}, mids: mids}
}

// near returns the part of the border nearest the story's places, if one
// of them lies within 150 km of it: a disc of BorderKm·2 (50 km) around
// the midpoint nearest that place, named after it ("Syria–Turkey border
// near Idlib"). Long borders are where a story's places say which part is
// meant; the whole area is returned when none is close.
func (b *borderArea) near(places []*Place, km float64) (*Place, *Place) {
	const reach = 150
	var best *Place
	bd, bi := math.Inf(1), -1
	for _, q := range places {
		for i, m := range b.mids {
			if d := approxKm(q.Lat, q.Lon, m.lat, m.lon); d < bd {
				best, bd, bi = q, d, i
			}
		}
	}
	if best == nil || bd > reach || b.p.Radius <= 2*km {
		return b.p, nil
	}
	p := *b.p
	p.Name += " near " + best.Name
	p.Lat, p.Lon = b.mids[bi].lat, b.mids[bi].lon
	p.Radius = 2 * km
	return &p, best
}

// midpoint returns the point halfway between two places (planar, for
// places a few hundred km apart at most).
func midpoint(a, b *Place) (float64, float64) {
	return (a.Lat + b.Lat) / 2, wrapLon(a.Lon + wrapDelta(b.Lon-a.Lon)/2)
}

// destination returns the point km away from (lat, lon) on a bearing in
// degrees.
func destination(lat, lon, bearing, km float64) (float64, float64) {
	const rad = math.Pi / 180
	d := km / earthRadius
	φ1, λ1, θ := lat*rad, lon*rad, bearing*rad
	φ2 := math.Asin(math.Sin(φ1)*math.Cos(d) + math.Cos(φ1)*math.Sin(d)*math.Cos(θ))
	λ2 := λ1 + math.Atan2(math.Sin(θ)*math.Sin(d)*math.Cos(φ1), math.Cos(d)-math.Sin(φ1)*math.Sin(φ2))
	return φ2 / rad, wrapLon(λ2 / rad)
}

// wrapDelta brings a difference of longitudes into [-180, 180).
func wrapDelta(d float64) float64 {
	for d >= 180 {
		d -= 360
	}
	for d < -180 {
		d += 360
	}
	return d
}

// wrapLon brings a longitude into [-180, 180].
func wrapLon(lon float64) float64 {
	if lon > 180 || lon < -180 {
		return wrapDelta(lon)
	}
	return lon
}
