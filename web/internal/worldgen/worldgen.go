// Package worldgen converts Natural Earth country boundaries, as the
// TopoJSON of the world-atlas package, into the compact world map the web
// UI embeds (web/static/world.json).
//
// The output keeps the topology: each border is stored once, as an arc,
// and each country lists the arcs of its rings. Arcs are simplified with
// Douglas–Peucker (both ends of every arc are kept, so that neighbours
// still meet), quantized to 1/Scale of a degree and delta-encoded:
//
//	{"source": "...", "scale": 200,
//	 "arcs": [[x0, y0, dx1, dy1, ...], ...],
//	 "countries": [{"name": "Syria", "iso3": "SYR", "polygons": [[[arc, ~arc, ...], hole...], ...]}]}
//
// An arc index i < 0 means arc ^i reversed, as in TopoJSON. Antarctica is
// left out: no news event happens there and on a Mercator map it is most of
// the picture. The output depends only on the input: the same bytes every
// run.
//
// Only web/gen.go and the test that checks the committed file use it.
package worldgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"sitrep/geo"
)

// Options tune the conversion.
type Options struct {
	// Scale is the number of quantization steps per degree (0: 200, that
	// is 0.005°, about 550 m).
	Scale int
	// Tolerance is the Douglas–Peucker tolerance in degrees (0: 0.01, about 1 km).
	Tolerance float64
	// ISO3 returns the ISO 3166-1 alpha-3 code of an ISO numeric code
	// ("760") or, for the few shapes without one, of a name ("Kosovo");
	// "" when unknown. Nil leaves every iso3 empty.
	ISO3 func(numeric, name string) string
}

// World is the converted map.
type World struct {
	Source    string    `json:"source"`
	Scale     int       `json:"scale"`
	Arcs      [][]int   `json:"arcs"`
	Countries []Country `json:"countries"`
}

// A Country is one country shape: polygons, each an outer ring and its
// holes, each ring a list of arc indices.
type Country struct {
	Name     string    `json:"name"`
	ISO3     string    `json:"iso3"`
	Polygons [][][]int `json:"polygons"`
}

// Stats says how much the conversion kept.
type Stats struct {
	Countries, Arcs, PointsIn, PointsOut int
}

type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []geometry `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// antarctica is the ISO numeric code of the one shape left out.
const antarctica = "010"

// Convert reads a world-atlas countries TopoJSON file and returns the
// world map as JSON.
func Convert(topo []byte, source string, o Options) ([]byte, Stats, error) {
	if o.Scale <= 0 {
		o.Scale = 200
	}
	if o.Tolerance <= 0 {
		o.Tolerance = 0.01
	}
	var t topology
	if err := json.Unmarshal(topo, &t); err != nil {
		return nil, Stats{}, fmt.Errorf("worldgen: %w", err)
	}
	var st Stats
	w := World{Source: source, Scale: o.Scale, Arcs: [][]int{}, Countries: []Country{}}
	// Arcs are renumbered in order of first use, so that those only
	// Antarctica uses are dropped.
	renum := map[int]int{}
	use := func(i int) (int, error) {
		rev := i < 0
		if rev {
			i = ^i
		}
		if i >= len(t.Arcs) {
			return 0, fmt.Errorf("arc %d of %d", i, len(t.Arcs))
		}
		n, ok := renum[i]
		if !ok {
			pts := decode(t, i)
			st.PointsIn += len(pts)
			pts = simplify(pts, o.Tolerance)
			st.PointsOut += len(pts)
			n = len(w.Arcs)
			renum[i] = n
			w.Arcs = append(w.Arcs, quantize(pts, float64(o.Scale)))
		}
		if rev {
			return ^n, nil
		}
		return n, nil
	}
	for _, g := range t.Objects.Countries.Geometries {
		if g.ID == antarctica {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, st, fmt.Errorf("worldgen: %s: %w", g.Properties.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, st, fmt.Errorf("worldgen: %s: %w", g.Properties.Name, err)
			}
		default:
			continue
		}
		c := Country{Name: g.Properties.Name, Polygons: polys}
		if o.ISO3 != nil {
			c.ISO3 = o.ISO3(g.ID, g.Properties.Name)
		}
		for _, p := range polys {
			for _, ring := range p {
				for k, i := range ring {
					n, err := use(i)
					if err != nil {
						return nil, st, fmt.Errorf("worldgen: %s: %w", g.Properties.Name, err)
					}
					ring[k] = n
				}
			}
		}
		w.Countries = append(w.Countries, c)
	}
	st.Countries, st.Arcs = len(w.Countries), len(w.Arcs)
	out, err := marshal(w)
	return out, st, err
}

// decode returns arc i in degrees.
func decode(t topology, i int) [][2]float64 {
	a := t.Arcs[i]
	pts := make([][2]float64, len(a))
	var x, y float64
	for j, p := range a {
		if t.Transform == nil {
			pts[j] = p
			continue
		}
		x, y = x+p[0], y+p[1]
		pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
	}
	return pts
}

// simplify is Douglas–Peucker with both ends kept. A closed arc (a whole
// island) is split at its farthest point from the start first, so that it
// keeps some area.
func simplify(pts [][2]float64, tol float64) [][2]float64 {
	if len(pts) <= 2 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	last := len(pts) - 1
	if pts[0] == pts[last] {
		far, best := 0, -1.0
		for i, p := range pts {
			if d := math.Hypot(p[0]-pts[0][0], p[1]-pts[0][1]); d > best {
				far, best = i, d
			}
		}
		keep[far] = true
		dp(pts, 0, far, tol, keep)
		dp(pts, far, last, tol, keep)
	} else {
		dp(pts, 0, last, tol, keep)
	}
	out := make([][2]float64, 0, len(pts)/4)
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

func dp(pts [][2]float64, i, j int, tol float64, keep []bool) {
	if j-i < 2 {
		return
	}
	a, b := pts[i], pts[j]
	far, best := -1, tol
	for k := i + 1; k < j; k++ {
		if d := segDist(pts[k], a, b); d > best {
			far, best = k, d
		}
	}
	if far < 0 {
		return
	}
	keep[far] = true
	dp(pts, i, far, tol, keep)
	dp(pts, far, j, tol, keep)
}

// segDist is the distance from p to the segment ab, in degrees.
func segDist(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	u := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / (dx*dx + dy*dy)
	u = max(0, min(1, u))
	return math.Hypot(p[0]-a[0]-u*dx, p[1]-a[1]-u*dy)
}

// quantize rounds the points to 1/scale degree and delta-encodes them,
// dropping points that round onto the one before (but never the last).
func quantize(pts [][2]float64, scale float64) []int {
	out := make([]int, 0, 2*len(pts))
	var px, py int
	for k, p := range pts {
		x, y := int(math.Round(p[0]*scale)), int(math.Round(p[1]*scale))
		if k > 0 && x == px && y == py && k < len(pts)-1 {
			continue
		}
		if k == 0 {
			out = append(out, x, y)
		} else {
			out = append(out, x-px, y-py)
		}
		px, py = x, y
	}
	return out
}

// marshal writes the world with one arc and one country a line, so that
// the file diffs readably.
func marshal(w World) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"source\":%s,\n\"scale\":%d,\n\"arcs\":[\n", strconv.Quote(w.Source), w.Scale)
	for i, a := range w.Arcs {
		b.WriteByte('[')
		for j, v := range a {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(v))
		}
		b.WriteByte(']')
		if i < len(w.Arcs)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("],\n\"countries\":[\n")
	for i, c := range w.Countries {
		j, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		b.Write(j)
		if i < len(w.Countries)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}

// SourceFile is the world-atlas file the map is made from, relative to
// the shared data folder.
const SourceFile = "data/world-atlas/countries-50m.json"

// Build converts SourceFile in the shared folder with the default options
// and the gazetteer's ISO codes.
func Build(shared string) ([]byte, Stats, error) {
	topo, err := os.ReadFile(filepath.Join(shared, filepath.FromSlash(SourceFile)))
	if err != nil {
		return nil, Stats{}, fmt.Errorf("worldgen: %w", err)
	}
	g, err := geo.Default()
	if err != nil {
		return nil, Stats{}, fmt.Errorf("worldgen: %w", err)
	}
	iso3 := func(numeric, name string) string {
		for _, k := range []string{numeric, name} {
			if k == "" {
				continue
			}
			if c, ok := g.Country(k); ok {
				return c.ISO3
			}
		}
		return ""
	}
	const source = "Natural Earth 1:50m country boundaries (public domain), from world-atlas 2.0.2 countries-50m.json"
	return Convert(topo, source, Options{ISO3: iso3})
}
