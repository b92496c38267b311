package dedup

import (
	"math"
	"time"
)

// This file holds what Merger.Add compares a mention with events by: the
// rules are Merger's, on facts prepared once per mention and per event,
// because Add looks at hundreds of events a mention in a busy week and
// turns nearly all of them away on the source actor.

// A fitKey holds the facts of a mention or an event that fit compares,
// ready to compare.
type fitKey struct {
	source, target actorRef
	dated          bool
	lo, hi         time.Time // the period
	place          placeKey
}

// A placeKey is a Place ready for placesFit.
type placeKey struct {
	coords   bool    // hasCoords
	id       int64   // Place.ID
	x, y, z  float64 // the place on the unit sphere, with coords
	lat, lon float64
	radius   float64 // max(Place.Radius, 0)
	country  string
}

// An actorRef is an actor code ready for actorsFit: its number in
// Merger.actors and, when it is at most four three-letter segments, the
// numbers of its segments, 16 bits each.
type actorRef struct {
	bits   uint64
	id     int32
	segs   int32 // the number of segments; -1 when the code is not whole segments
	packed bool
}

// A fitSet is a set of actor numbers: bit b%64 of bits[b/64] for b below
// n.
type fitSet struct {
	bits []uint64
	n    int
}

func (s *fitSet) has(b int32) bool {
	return s.bits[uint32(b)/64]&(1<<(uint32(b)%64)) != 0
}

// maxFitSetActors bounds the memory of fit sets to 2 MB: past that many
// actor codes, the Merger compares actorRefs.
const maxFitSetActors = 4096

// A probe is a mention being added, ready to compare with events.
type probe struct {
	key fitKey
	// sources and targets are the actors that fit its source and target
	// actors; nil past fitSetActors actors.
	sources, targets *fitSet
}

// probe returns the probe of m, whose period is [lo, hi).
func (g *Merger) probe(m *Mention, lo, hi time.Time) probe {
	k := fitKey{source: g.actor(m.SourceActor), target: g.actor(m.TargetActor), dated: !m.Date.IsZero(), lo: lo, hi: hi,
		place: placeKeyOf(m.Place)}
	// The sets, once every actor is numbered: numbering may move them.
	return probe{key: k, sources: g.fitSet(&k.source), targets: g.fitSet(&k.target)}
}

func placeKeyOf(p Place) placeKey {
	k := placeKey{coords: hasCoords(p), id: p.ID, lat: p.Lat, lon: p.Lon, radius: max(p.Radius, 0), country: p.Country}
	if k.coords {
		rad := math.Pi / 180
		k.x, k.y, k.z = math.Cos(p.Lat*rad)*math.Cos(p.Lon*rad), math.Cos(p.Lat*rad)*math.Sin(p.Lon*rad), math.Sin(p.Lat*rad)
	}
	return k
}

// actor returns the actorRef of an actor code, numbering it and its
// segments when they are new.
func (g *Merger) actor(code string) actorRef {
	if id, ok := g.actorIDs[code]; ok {
		return g.actorRefs[id]
	}
	a := actorRef{id: int32(len(g.actorRefs)), segs: -1}
	if len(code)%3 == 0 {
		a.segs, a.packed = int32(len(code)/3), len(code) <= 12
		for i := 0; a.packed && i < len(code); i += 3 {
			n, ok := g.segments[code[i:i+3]]
			if !ok && len(g.segments) < math.MaxUint16 {
				n = uint16(len(g.segments) + 1)
				g.segments[code[i:i+3]] = n
			}
			a.bits, a.packed = a.bits<<16|uint64(n), n != 0
		}
	}
	g.actorIDs[code] = a.id
	g.actorRefs = append(g.actorRefs, a)
	g.actors = append(g.actors, code)
	if len(g.actorRefs) <= g.fitSetActors {
		g.fitSets = append(g.fitSets, fitSet{})
	}
	return a
}

// actorsFit is actorsFit of two actorRefs: equal numbers are equal codes,
// two different codes of as many segments never fit, and the segments of
// one are those at the front or the back of the other's when its code is
// at the front or the back of the other code.
func (g *Merger) actorsFit(a, b *actorRef) bool {
	switch {
	case a.id == b.id || a.id == 0 || b.id == 0:
		return true
	case a.segs == b.segs || a.segs < 0 || b.segs < 0:
		return false
	case !a.packed || !b.packed:
		return actorsFit(g.actors[a.id], g.actors[b.id])
	}
	if a.segs > b.segs {
		a, b = b, a
	}
	return b.bits>>(16*uint(b.segs-a.segs)) == a.bits || b.bits&(1<<(16*uint(a.segs))-1) == a.bits
}

// fitSet returns the set of the actors numbered so far that fit a, or nil
// when there are too many.
func (g *Merger) fitSet(a *actorRef) *fitSet {
	if len(g.actorRefs) > g.fitSetActors {
		return nil
	}
	s := &g.fitSets[a.id]
	for ; s.n < len(g.actorRefs); s.n++ {
		if s.n%64 == 0 {
			s.bits = append(s.bits, 0)
		}
		if g.actorsFit(a, &g.actorRefs[s.n]) {
			s.bits[s.n/64] |= 1 << (s.n % 64)
		}
	}
	return s
}

// fits reports whether actor number b fits a, whose fitSet is s.
func (g *Merger) fits(s *fitSet, a *actorRef, b int32) bool {
	if s != nil {
		return s.has(b)
	}
	return g.actorsFit(a, &g.actorRefs[b])
}

// fit reports whether m, whose probe is p and whose source actor fits
// event e's, may join e and how many of its facts equal the event's. The
// checks run the most selective first.
func (g *Merger) fit(m *Mention, p *probe, e int32) (int, bool) {
	pk, k := &p.key, &g.keys[e]
	if !g.fits(p.targets, &pk.target, k.target.id) || pk.dated != k.dated ||
		pk.dated && (!pk.lo.Before(k.hi) || !k.lo.Before(pk.hi)) || !g.placesFit(&pk.place, &k.place) {
		return 0, false
	}
	c := g.events[e]
	score := 0
	if pk.source.id == k.source.id {
		score++
	}
	if pk.target.id == k.target.id {
		score++
	}
	if m.Code == c.Code {
		score++
	}
	if m.Place == c.Place || m.Place.ID != 0 && m.Place.ID == c.Place.ID {
		score++
	}
	if m.Date.Equal(c.Date) && precision(m.Precision) == c.Precision {
		score++
	}
	return score, true
}

// placesFit reports whether places a and b may be one.
func (g *Merger) placesFit(a, b *placeKey) bool {
	if a.id != 0 && a.id == b.id {
		return true
	}
	if a.coords && b.coords {
		limit := a.radius + b.radius + g.opt.PlaceSlack
		// The chord is shorter than the arc: a chord longer than the
		// limit, by a margin far above rounding, means the haversine
		// distance is beyond it too, without the trigonometry.
		dx, dy, dz := a.x-b.x, a.y-b.y, a.z-b.z
		if r := limit / earthRadius; dx*dx+dy*dy+dz*dz > r*r*(1+1e-6)+1e-14 {
			return false
		}
		return haversine(a.lat, a.lon, b.lat, b.lon) <= limit
	}
	return a.country == "" || b.country == "" || a.country == b.country
}
