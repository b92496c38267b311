package web

import (
	"cmp"
	"math"
	"slices"

	"sitrep/event"
)

// cellPixels is the side of a cluster cell on screen.
const cellPixels = 44

// maxZoom is the deepest zoom the map asks for; beyond it every place
// has a cell of its own in practice (a cell is about 1 m).
const maxZoom = 22

// A Cluster is the events of one cell of the map's grid.
type Cluster struct {
	// Lon and Lat are the centroid of its places, weighted by events.
	Lon float64 `json:"lon"`
	Lat float64 `json:"lat"`
	// Count is the number of events, Mentions the number of reports of
	// them (each event counts at least once), Places the number of
	// distinct points.
	Count    int `json:"count"`
	Mentions int `json:"mentions"`
	Places   int `json:"places"`
	// Quad is the most frequent quad class (ties go to the more
	// conflictual), Plover the most frequent PLOVER type ("" for none).
	Quad   int    `json:"quad"`
	Plover string `json:"plover"`
	// Name is the name of its busiest place; Event the ID of its event
	// when Count is 1.
	Name  string `json:"name"`
	Event string `json:"event,omitempty"`
	// BBox bounds its places: minLon, minLat, maxLon, maxLat.
	BBox [4]float64 `json:"bbox"`
}

// MapView is the answer of /ui/map.
type MapView struct {
	Zoom float64 `json:"zoom"`
	// Cell is the grid's cell side in Mercator degrees.
	Cell float64 `json:"cell"`
	// Total counts the events the filters select, Unlocated those of
	// them without a place, InView those in the view's clusters.
	Total     int       `json:"total"`
	Unlocated int       `json:"unlocated"`
	InView    int       `json:"in_view"`
	Clusters  []Cluster `json:"clusters"`
}

// mercY is the Web Mercator ordinate of a latitude, in degrees (the
// equator 0, latitudes beyond ±85.05° clamped).
func mercY(lat float64) float64 {
	lat = max(-85.05, min(85.05, lat))
	r := lat * math.Pi / 180
	return math.Log(math.Tan(math.Pi/4+r/2)) * 180 / math.Pi
}

// clusters groups the places inside view (minLon, minLat, maxLon, maxLat)
// into the cells of a grid cellPixels wide at zoom z, where the world is
// 256·2^z pixels wide. Places within a cell of the view's edge count too,
// so that clusters do not change as the edge passes them.
//
// name gives a place's name.
func clusters(s *summary, view [4]float64, z float64, name func(*place) string) MapView {
	z = max(0, min(maxZoom, z))
	cell := 360 / (256 * math.Exp2(z)) * cellPixels
	mv := MapView{Zoom: z, Cell: cell, Total: s.total, Unlocated: s.unlocated, Clusters: []Cluster{}}
	x0, x1 := view[0]-cell, view[2]+cell
	y0, y1 := mercY(view[1])-cell, mercY(view[3])+cell
	inX := func(lon float64) bool { return lon >= x0 && lon <= x1 }
	if view[0] > view[2] { // across the antimeridian
		inX = func(lon float64) bool { return lon >= x0 || lon <= x1 }
	}
	type acc struct {
		c      Cluster
		sx, sy float64
		quad   [5]int
		plover []int
		best   *place
	}
	cells := map[[2]int64]*acc{}
	var order [][2]int64
	for _, p := range s.places {
		y := mercY(p.lat)
		if !inX(p.lon) || y < y0 || y > y1 {
			continue
		}
		k := [2]int64{int64(math.Floor(p.lon / cell)), int64(math.Floor(y / cell))}
		a := cells[k]
		if a == nil {
			a = &acc{plover: make([]int, len(p.plover))}
			a.c.BBox = [4]float64{p.lon, p.lat, p.lon, p.lat}
			cells[k] = a
			order = append(order, k)
		}
		a.c.Count += p.count
		a.c.Mentions += p.mentions
		a.c.Places++
		a.sx += p.lon * float64(p.count)
		a.sy += p.lat * float64(p.count)
		for i, n := range p.quad {
			a.quad[i] += n
		}
		for i, n := range p.plover {
			a.plover[i] += n
		}
		if b := a.best; b == nil || p.count > b.count || p.count == b.count && (p.lon < b.lon || p.lon == b.lon && p.lat < b.lat) {
			a.best = p
		}
		a.c.Event = p.event
		a.c.BBox = [4]float64{min(a.c.BBox[0], p.lon), min(a.c.BBox[1], p.lat), max(a.c.BBox[2], p.lon), max(a.c.BBox[3], p.lat)}
	}
	types := event.PloverTypes()
	for _, k := range order {
		a := cells[k]
		c := a.c
		c.Name = name(a.best)
		// Rounding may put a mean of equal numbers just outside them.
		c.Lon = max(c.BBox[0], min(c.BBox[2], a.sx/float64(c.Count)))
		c.Lat = max(c.BBox[1], min(c.BBox[3], a.sy/float64(c.Count)))
		if c.Count != 1 {
			c.Event = ""
		}
		c.Quad = 4
		for q := 3; q >= 0; q-- {
			if a.quad[q] > a.quad[c.Quad] {
				c.Quad = q
			}
		}
		best := 0
		for i, n := range a.plover {
			if n > best && i < len(types) {
				best, c.Plover = n, types[i]
			}
		}
		mv.InView += c.Count
		mv.Clusters = append(mv.Clusters, c)
	}
	// The biggest first, so that the page draws the small on top; then
	// west to east, south to north, whatever order the store gave.
	slices.SortFunc(mv.Clusters, func(a, b Cluster) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Lon, b.Lon), cmp.Compare(a.Lat, b.Lat))
	})
	return mv
}
