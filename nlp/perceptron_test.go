package nlp

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"testing"
)

// randomWeights builds a table whose rows cover every storage kind: empty,
// inline, sparse and dense.
func randomWeights(t *testing.T, classes int) (*weights, map[uint64][]classWeight) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	want := map[uint64][]classWeight{}
	var keys []uint64
	var rows [][]classWeight
	for i := range 3000 {
		n := min(classes, []int{1, 2, 3, 4, 7, denseFrom - 1, denseFrom, classes}[i%8])
		perm := rng.Perm(classes)[:n]
		row := make([]classWeight, 0, n)
		for c := range classes { // classes in order
			for _, p := range perm {
				if p == c {
					w := int16(rng.IntN(65535) - 32767)
					if w == 0 {
						w = 1
					}
					row = append(row, classWeight{class: uint8(c), w: w})
				}
			}
		}
		k := rng.Uint64()
		keys = append(keys, k)
		rows = append(rows, row)
		want[k] = row
	}
	return buildWeights(classes, keys, rows), want
}

func TestWeightsScoreEqualsRowSums(t *testing.T) {
	for _, classes := range []int{5, 102, 103} {
		m, want := randomWeights(t, classes)
		var feats []uint64
		for k := range want {
			feats = append(feats, k)
		}
		feats = append(feats, 12345, 67890) // unknown features add nothing
		rng := rand.New(rand.NewPCG(3, 4))
		for range 200 {
			sub := make([]uint64, 0, 200)
			for range rng.IntN(200) {
				sub = append(sub, feats[rng.IntN(len(feats))])
			}
			exp := make([]int32, classes)
			for _, f := range sub {
				for _, cw := range want[f] {
					exp[cw.class] += int32(cw.w)
				}
			}
			got := make([]int32, classes)
			m.score(sub, got, make([]uint64, m.lanes()))
			for c := range exp {
				if got[c] != exp[c] {
					t.Fatalf("%d classes: class %d scores %d, want %d", classes, c, got[c], exp[c])
				}
			}
		}
		for f, row := range want {
			s := m.find(f)
			if s == nil {
				t.Fatalf("feature %x lost", f)
			}
			if got := m.rowWeights(s); !equalRows(got, row) {
				t.Fatalf("row %x = %v, want %v", f, got, row)
			}
		}
	}
}

func equalRows(a, b []classWeight) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestWeightsEncodeDecode(t *testing.T) {
	m, want := randomWeights(t, 103)
	var buf bytes.Buffer
	e := &encoder{w: bufio.NewWriter(&buf)}
	e.weights(m)
	if err := e.w.Flush(); err != nil || e.err != nil {
		t.Fatal(err, e.err)
	}
	d := &decoder{b: buf.Bytes()}
	got := d.weights(103)
	if d.err != nil || len(d.b) != 0 {
		t.Fatalf("decode: %v, %d bytes left", d.err, len(d.b))
	}
	for f, row := range want {
		s := got.find(f)
		if s == nil || !equalRows(got.rowWeights(s), row) {
			t.Fatalf("row %x differs after a round trip", f)
		}
	}
}

func TestTrainerAverages(t *testing.T) {
	tr := newTrainer(2)
	f := []uint64{42}
	// Class 0 gains 1 at tick 1; the average over 4 ticks is 3/4 of it.
	tr.tick()
	tr.update(f, 0, 1, 1)
	tr.tick()
	tr.tick()
	tr.tick()
	m := tr.averaged()
	row := m.rowWeights(m.find(42))
	if len(row) != 2 || row[0].w != 30000 || row[1].w != -30000 {
		t.Fatalf("averaged row %v, want class 0 at +30000 and class 1 at -30000", row)
	}
}
