package geogen

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// topology is the part of a TopoJSON file that world-atlas uses.
type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []struct {
			Type       string          `json:"type"`
			ID         json.RawMessage `json:"id"`
			Arcs       json.RawMessage `json:"arcs"`
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"geometries"`
	} `json:"objects"`
}

// A shape is what the generator keeps of a Natural Earth country: the
// centroid of its largest polygon, where its people mostly are for all but
// a few countries (overseas territories and far islands don't pull it).
type shape struct {
	name     string
	lat, lon float64
}

// readShapes returns the country shapes of world-atlas keyed by ISO 3166-1
// numeric code; shapes without a code are keyed by -1 and listed by name.
func readShapes(shared string) (byNum map[int]shape, unnumbered []shape, err error) {
	var t topology
	if err := readJSON(shared, fileWorldAtlas, &t); err != nil {
		return nil, nil, err
	}
	// Decode the delta-encoded, quantized arcs into lon/lat.
	arcs := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		pts := make([][2]float64, len(a))
		var x, y float64
		for j, p := range a {
			if t.Transform != nil {
				x += p[0]
				y += p[1]
				pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				pts[j] = p
			}
		}
		arcs[i] = pts
	}
	ring := func(idx []int) ([][2]float64, error) {
		var pts [][2]float64
		for k, i := range idx {
			rev := i < 0
			if rev {
				i = ^i
			}
			if i >= len(arcs) {
				return nil, fmt.Errorf("arc %d out of range", i)
			}
			a := arcs[i]
			for j := range a {
				p := a[j]
				if rev {
					p = a[len(a)-1-j]
				}
				if k > 0 && j == 0 {
					continue // shared with the previous arc's last point
				}
				pts = append(pts, p)
			}
		}
		return pts, nil
	}
	byNum = map[int]shape{}
	for _, g := range t.Objects["countries"].Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, nil, err
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, nil, err
			}
		default:
			continue
		}
		best, bestArea := shape{name: g.Properties.Name}, -1.0
		for _, p := range polys {
			if len(p) == 0 {
				continue
			}
			pts, err := ring(p[0])
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
			area, lon, lat := centroid(pts)
			if math.Abs(area) > bestArea {
				bestArea = math.Abs(area)
				best.lat, best.lon = lat, lon
			}
		}
		if bestArea < 0 {
			continue
		}
		var id string
		_ = json.Unmarshal(g.ID, &id)
		if n, err := strconv.Atoi(id); err == nil {
			byNum[n] = best
		} else {
			unnumbered = append(unnumbered, best)
		}
	}
	return byNum, unnumbered, nil
}

// centroid returns the signed area and the centroid of a closed ring in
// plane lon/lat coordinates, longitudes scaled by the cosine of the ring's
// mean latitude so that high-latitude rings are not stretched.
func centroid(pts [][2]float64) (area, lon, lat float64) {
	if len(pts) == 0 {
		return 0, 0, 0
	}
	// Rings that cross the antimeridian jump by 360°: unwrap them first.
	u := make([][2]float64, len(pts))
	u[0] = pts[0]
	for i := 1; i < len(pts); i++ {
		x := pts[i][0]
		for x-u[i-1][0] > 180 {
			x -= 360
		}
		for x-u[i-1][0] < -180 {
			x += 360
		}
		u[i] = [2]float64{x, pts[i][1]}
	}
	pts = u
	defer func() {
		for lon > 180 {
			lon -= 360
		}
		for lon < -180 {
			lon += 360
		}
	}()
	var mlat float64
	for _, p := range pts {
		mlat += p[1]
	}
	k := math.Cos(mlat / float64(len(pts)) * math.Pi / 180)
	if k < 0.05 {
		k = 0.05
	}
	var a, cx, cy float64
	for i := range pts {
		x0, y0 := pts[i][0]*k, pts[i][1]
		q := pts[(i+1)%len(pts)]
		x1, y1 := q[0]*k, q[1]
		c := x0*y1 - x1*y0
		a += c
		cx += (x0 + x1) * c
		cy += (y0 + y1) * c
	}
	if a == 0 {
		return 0, pts[0][0], pts[0][1]
	}
	a /= 2
	return a, cx / (6 * a) / k, cy / (6 * a)
}
