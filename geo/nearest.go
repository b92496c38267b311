package geo

import (
	"cmp"
	"math"
	"slices"
)

// A grid buckets the cities by one-degree cell of latitude and longitude.
type grid struct {
	cells [180 * 360][]*Place
}

func cell(lat, lon float64) (int, int) {
	y := int(math.Floor(lat + 90))
	x := int(math.Floor(lon + 180))
	return min(max(y, 0), 179), ((x % 360) + 360) % 360
}

func (g *Gazetteer) buildGrid() *grid {
	gr := new(grid)
	for _, p := range g.byID {
		if p.Kind == KindCity {
			y, x := cell(p.Lat, p.Lon)
			gr.cells[y*360+x] = append(gr.cells[y*360+x], p)
		}
	}
	for i := range gr.cells {
		slices.SortFunc(gr.cells[i], func(a, b *Place) int { return cmp.Compare(a.ID, b.ID) })
	}
	return gr
}

// ring calls fn with every cell at Chebyshev distance r of (y, x), wrapping
// in longitude, until fn returns false.
func ring(y, x, r int, fn func(c int) bool) bool {
	visit := func(yy, xx int) bool {
		if yy < 0 || yy >= 180 {
			return true
		}
		return fn(yy*360 + ((xx%360)+360)%360)
	}
	if r == 0 {
		return visit(y, x)
	}
	w := min(r, 180) // a ring as wide as the globe visits each column once
	lo := -w
	if w == 180 {
		lo = -179
	}
	for dx := lo; dx <= w; dx++ {
		if !visit(y-r, x+dx) || !visit(y+r, x+dx) {
			return false
		}
	}
	for dy := -r + 1; dy <= r-1; dy++ {
		if !visit(y+dy, x-w) || (w < 180 && !visit(y+dy, x+w)) {
			return false
		}
	}
	return true
}

// ringKm returns a lower bound in km on the distance from a point at
// latitude lat to any point of a cell r rings away: cells r rows away are
// at least r-1 degrees of latitude off, cells r columns away r-1 degrees
// of longitude at a latitude no higher than lat+r, and haversine gives
// sin(d/2) >= cos(top)·sin(Δλ/2) for those.
func ringKm(lat float64, r int) float64 {
	if r <= 1 {
		return 0
	}
	latKm := float64(r-1) * degKm
	if r > 180 {
		return latKm
	}
	top := math.Min(90, math.Abs(lat)+float64(r)) * math.Pi / 180
	dlon := float64(r-1) * math.Pi / 180
	lonKm := 2 * earthRadius * math.Asin(math.Min(1, math.Cos(top)*math.Sin(dlon/2)))
	return math.Min(latKm, lonKm)
}

// Nearest returns the city (populated place) nearest to a point and its
// distance in km, or nil if the gazetteer has no cities.
func (g *Gazetteer) Nearest(lat, lon float64) (*Place, float64) {
	gr := g.grid()
	y, x := cell(lat, lon)
	var best *Place
	bestD := math.Inf(1)
	for r := 0; r <= 180; r++ {
		if best != nil && ringKm(lat, r) > bestD {
			break
		}
		ring(y, x, r, func(c int) bool {
			for _, p := range gr.cells[c] {
				if d := Haversine(lat, lon, p.Lat, p.Lon); d < bestD {
					best, bestD = p, d
				}
			}
			return true
		})
	}
	return best, bestD
}

// Within returns the cities within km of a point, nearest first.
func (g *Gazetteer) Within(lat, lon, km float64) []*Place {
	gr := g.grid()
	y, x := cell(lat, lon)
	type cand struct {
		p *Place
		d float64
	}
	var found []cand
	for r := 0; r <= 180; r++ {
		if ringKm(lat, r) > km {
			break
		}
		ring(y, x, r, func(c int) bool {
			for _, p := range gr.cells[c] {
				if d := Haversine(lat, lon, p.Lat, p.Lon); d <= km {
					found = append(found, cand{p, d})
				}
			}
			return true
		})
	}
	slices.SortFunc(found, func(a, b cand) int {
		if c := cmp.Compare(a.d, b.d); c != 0 {
			return c
		}
		return cmp.Compare(a.p.ID, b.p.ID)
	})
	out := make([]*Place, len(found))
	for i, c := range found {
		out[i] = c.p
	}
	return out
}
