package worldgen

import (
	"encoding/json"
	"math"
	"testing"
)

// tiny is a topology of two squares sharing an edge, one with a hole,
// and Antarctica.
const tiny = `{"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[-10,-10]},
"arcs":[[[20,20],[0,4]],[[20,24],[-4,0],[0,-4],[4,0]],[[20,24],[4,0],[0,-4],[-4,0]],[[17,21],[1,0],[0,1],[-1,0],[0,-1]],[[0,0],[2,0],[0,1],[-2,0],[0,-1]]],
"objects":{"countries":{"type":"GeometryCollection","geometries":[
{"type":"Polygon","arcs":[[0,1],[3]],"id":"760","properties":{"name":"West"}},
{"type":"MultiPolygon","arcs":[[[-1,2]]],"id":"400","properties":{"name":"East"}},
{"type":"Polygon","arcs":[[4]],"id":"010","properties":{"name":"Antarctica"}}]}}}`

func TestConvert(t *testing.T) {
	out, st, err := Convert([]byte(tiny), "test", Options{ISO3: func(n, name string) string { return map[string]string{"760": "SYR", "400": "JOR"}[n] }})
	if err != nil {
		t.Fatal(err)
	}
	var w World
	if err := json.Unmarshal(out, &w); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if st.Countries != 2 || st.Arcs != 4 || len(w.Countries) != 2 {
		t.Fatalf("stats %+v, countries %+v", st, w.Countries)
	}
	if c := w.Countries[0]; c.Name != "West" || c.ISO3 != "SYR" || len(c.Polygons) != 1 || len(c.Polygons[0]) != 2 {
		t.Errorf("West: %+v", c)
	}
	if c := w.Countries[1]; c.ISO3 != "JOR" || len(c.Polygons) != 1 || c.Polygons[0][0][0] != ^0 {
		t.Errorf("East: %+v (want its first arc the shared one, reversed)", c)
	}
	// Arc 0 runs from (0, 0) to (0, 2) degrees: 200 steps a degree.
	if got := w.Arcs[0]; len(got) != 4 || got[0] != 0 || got[1] != 0 || got[2] != 0 || got[3] != 400 {
		t.Errorf("arc 0: %v", got)
	}
	again, _, _ := Convert([]byte(tiny), "test", Options{})
	if string(again) == string(out) {
		t.Error("the ISO3 function made no difference")
	}
	if _, _, err := Convert([]byte(`{"arcs":[],"objects":{"countries":{"geometries":[{"type":"Polygon","arcs":[[5]]}]}}}`), "", Options{}); err == nil {
		t.Error("an arc out of range: no error")
	}
	if _, _, err := Convert([]byte(`{`), "", Options{}); err == nil {
		t.Error("bad JSON: no error")
	}
}

func TestSimplify(t *testing.T) {
	// A wiggle within the tolerance goes; a corner stays; the ends stay.
	line := [][2]float64{{0, 0}, {1, 0.001}, {2, 0}, {3, 1}, {4, 0}}
	got := simplify(line, 0.01)
	want := [][2]float64{{0, 0}, {2, 0}, {3, 1}, {4, 0}}
	if len(got) != len(want) {
		t.Fatalf("simplify: %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("simplify: %v, want %v", got, want)
		}
	}
	// A closed ring keeps its start and its farthest point at least.
	ring := [][2]float64{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}
	if got := simplify(ring, 5); len(got) < 3 || got[0] != ring[0] || got[len(got)-1] != ring[0] {
		t.Errorf("closed ring: %v", got)
	}
	// Every kept point is within the tolerance of the simplified line.
	var wave [][2]float64
	for i := range 200 {
		x := float64(i) / 10
		wave = append(wave, [2]float64{x, math.Sin(x)})
	}
	s := simplify(wave, 0.05)
	for _, p := range wave {
		best := math.Inf(1)
		for i := 1; i < len(s); i++ {
			best = min(best, segDist(p, s[i-1], s[i]))
		}
		if best > 0.05+1e-9 {
			t.Fatalf("point %v is %.3f from the simplified line", p, best)
		}
	}
}

func TestQuantize(t *testing.T) {
	got := quantize([][2]float64{{1, 1}, {1.001, 1.001}, {1.5, 2}, {1.5, 2}}, 100)
	want := []int{100, 100, 50, 100, 0, 0}
	if len(got) != len(want) {
		t.Fatalf("quantize: %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("quantize: %v, want %v", got, want)
		}
	}
}
