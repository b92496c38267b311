package nlp

import (
	"math"
	"slices"
)

// The tagger and the parser are averaged perceptrons over hashed features.
// A feature is a 64-bit hash of a template number and the atoms it combines
// (word hashes, tag and relation ids); its weights are a sparse row over the
// classes (tags, or parser transitions).

// mix is the splitmix64 finalizer: a fast, well-spread 64-bit hash.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// f1, f2 and f3 hash a template number with one, two or three atoms.
func f1(tmpl, a uint64) uint64       { return mix(tmpl<<56 ^ a) }
func f2(tmpl, a, b uint64) uint64    { return mix(f1(tmpl, a) ^ b*0x9e3779b97f4a7c15) }
func f3(tmpl, a, b, c uint64) uint64 { return mix(f2(tmpl, a, b) ^ c*0xc2b2ae3d27d4eb4f) }

// weights is the compact, read-only form of a trained perceptron: an
// open-addressing table from feature hash to a row of int16 weights.
//
// Looking a feature up costs a cache miss, so the table is laid out to need
// no second one for most features: rows of up to three classes (three in
// four of all rows) live inside their 16-byte slot. Longer rows are sparse
// (class, weight) lists elsewhere; rows with many classes are dense and
// packed two 32-bit lanes to a uint64 with a bias of 32768 per weight, so
// that one 64-bit add sums two classes at once (no lane can carry into the
// next for fewer than 65536 rows).
// Safe for concurrent use.
type weights struct {
	classes int
	mask    uint64
	slots   []slot
	sparse  []sparseWeight // rows of more than inline classes
	dense   []uint64       // packed dense rows, lanes() words each
}

// A sparseWeight is one class and its weight, kept together so that a
// row is one run of memory.
type sparseWeight struct {
	w   int16
	cls uint8
	_   uint8
}

type slot struct {
	key uint32   // high half of the feature hash; 0 marks an empty slot
	n   uint8    // row length, or denseRow
	cls [3]uint8 // classes of an inline row (n <= inline)
	w   [4]int16 // weights of an inline row; otherwise w[0:2] hold the row start
}

const (
	inline    = 3
	denseRow  = 255
	laneBias  = 32768
	laneMask  = 1<<32 - 1
	denseFrom = 24 // rows with at least this many classes are stored dense
)

func (s *slot) start() int { return int(uint16(s.w[0])) | int(uint16(s.w[1]))<<16 }

func (s *slot) setStart(v int) {
	s.w[0], s.w[1] = int16(uint16(v)), int16(uint16(v>>16))
}

func slotKey(f uint64) uint32 {
	k := uint32(f >> 32)
	if k == 0 {
		k = 1
	}
	return k
}

// lanes returns the number of uint64 words of a dense row: two classes a
// word, rounded up to a multiple of four words for 256-bit adds.
func (m *weights) lanes() int { return ((m.classes+1)/2 + 3) &^ 3 }

// find returns f's slot, or nil for an unknown feature.
func (m *weights) find(f uint64) *slot {
	k := slotKey(f)
	for i := f & m.mask; ; i = (i + 1) & m.mask {
		s := &m.slots[i]
		if s.key == k {
			return s
		}
		if s.key == 0 {
			return nil
		}
	}
}

// score adds the weights of feats to scores, which has one entry per
// class; acc is scratch space of at least lanes() words.
func (m *weights) score(feats []uint64, scores []int32, acc []uint64) {
	// Look every feature up before using any: the lookups are independent
	// cache misses that the processor can then overlap.
	var found [128]*slot
	for len(feats) > len(found) {
		m.score(feats[:len(found)], scores, acc)
		feats = feats[len(found):]
	}
	hits := found[:0]
	for _, f := range feats {
		if s := m.find(f); s != nil {
			hits = append(hits, s)
		}
	}
	var denseRows [128]int32
	dense := denseRows[:0]
	for _, s := range hits {
		switch {
		case s.n <= inline:
			for j := range s.n {
				scores[s.cls[j]] += int32(s.w[j])
			}
		case s.n == denseRow:
			dense = append(dense, int32(s.start()))
		default:
			lo := s.start()
			for _, e := range m.sparse[lo : lo+int(s.n)] {
				scores[e.cls] += int32(e.w)
			}
		}
	}
	if len(dense) == 0 {
		return
	}
	acc = acc[:m.lanes()]
	clear(acc)
	addRows(acc, m.dense, dense)
	bias := int64(len(dense)) * laneBias
	for c := range scores {
		v := acc[c/2] >> (32 * (c % 2)) & laneMask
		scores[c] += int32(int64(v) - bias)
	}
}

// buildWeights packs rows (feature hash → class → weight) into a table.
// Rows must not repeat a key's high half; later duplicates are merged.
func buildWeights(classes int, keys []uint64, rows [][]classWeight) *weights {
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	m := &weights{classes: classes, mask: uint64(size - 1), slots: make([]slot, size)}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	// Insert in key order so the table, and so the file, is deterministic.
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case keys[a] < keys[b]:
			return -1
		case keys[a] > keys[b]:
			return 1
		}
		return 0
	})
	for _, r := range order {
		f, row := keys[r], rows[r]
		if len(row) == 0 {
			continue
		}
		k := slotKey(f)
		i := f & m.mask
		for m.slots[i].key != 0 && m.slots[i].key != k {
			i = (i + 1) & m.mask
		}
		s := &m.slots[i]
		if s.key == k { // a 32-bit collision: merge into a fresh row
			merged := make([]int32, classes)
			for _, cw := range m.rowWeights(s) {
				merged[cw.class] += int32(cw.w)
			}
			for _, cw := range row {
				merged[cw.class] += int32(cw.w)
			}
			var mr []classWeight
			for c, v := range merged {
				if v != 0 {
					mr = append(mr, classWeight{class: uint8(c), w: clamp16(v)})
				}
			}
			m.setRow(s, mr)
			continue
		}
		s.key = k
		m.setRow(s, row)
	}
	return m
}

// setRow stores row in s: inline, sparse or dense by its length.
func (m *weights) setRow(s *slot, row []classWeight) {
	s.cls, s.w = [3]uint8{}, [4]int16{}
	if len(row) <= inline {
		s.n = uint8(len(row))
		for j, cw := range row {
			s.cls[j], s.w[j] = cw.class, cw.w
		}
		return
	}
	if len(row) >= denseFrom {
		s.n = denseRow
		s.setStart(len(m.dense))
		packed := make([]uint64, m.lanes())
		for i := range packed {
			packed[i] = laneBias | laneBias<<32
		}
		for _, cw := range row {
			v := uint64(int64(cw.w) + laneBias)
			packed[cw.class/2] &^= laneMask << (32 * (cw.class % 2))
			packed[cw.class/2] |= v << (32 * (cw.class % 2))
		}
		m.dense = append(m.dense, packed...)
		return
	}
	s.n = uint8(len(row))
	s.setStart(len(m.sparse))
	for _, cw := range row {
		m.sparse = append(m.sparse, sparseWeight{w: cw.w, cls: cw.class})
	}
}

// rowWeights returns the weights of s as a sparse list.
func (m *weights) rowWeights(s *slot) []classWeight {
	var row []classWeight
	switch {
	case s.n <= inline:
		for j := range s.n {
			row = append(row, classWeight{class: s.cls[j], w: s.w[j]})
		}
	case s.n == denseRow:
		for c := range m.classes {
			v := m.dense[s.start()+c/2] >> (32 * (c % 2)) & laneMask
			if w := int64(v) - laneBias; w != 0 {
				row = append(row, classWeight{class: uint8(c), w: int16(w)})
			}
		}
	default:
		for j := s.start(); j < s.start()+int(s.n); j++ {
			row = append(row, classWeight{class: m.sparse[j].cls, w: m.sparse[j].w})
		}
	}
	return row
}

type classWeight struct {
	class uint8
	w     int16
}

func clamp16(v int32) int16 {
	return int16(max(math.MinInt16, min(math.MaxInt16, v)))
}

// trainer is an averaged perceptron being trained. Not safe for concurrent use.
type trainer struct {
	classes int
	index   map[uint64]int32
	rows    [][]trainWeight
	updates []int32 // updates of each row
	now     int32   // instances seen, the clock of the lazy averaging
	// MinUpdates drops, when averaging, the features updated fewer times.
	minUpdates int32
}

type trainWeight struct {
	class uint8
	ts    int32   // clock at the last update
	w     float32 // current weight
	sum   float64 // sum of w over the clock ticks before ts
}

func newTrainer(classes int) *trainer {
	return &trainer{classes: classes, index: make(map[uint64]int32, 1<<20)}
}

// score sets scores to the current (not averaged) class scores of feats.
func (t *trainer) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// tick advances the clock by one instance.
func (t *trainer) tick() { t.now++ }

// update moves feats' weights towards good and away from bad by d.
func (t *trainer) update(feats []uint64, good, bad int, d float32) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			r = int32(len(t.rows))
			t.index[f] = r
			t.rows = append(t.rows, nil)
			t.updates = append(t.updates, 0)
		}
		t.updates[r]++
		t.bump(r, good, d)
		t.bump(r, bad, -d)
	}
}

func (t *trainer) bump(r int32, class int, d float32) {
	row := t.rows[r]
	for i := range row {
		e := &row[i]
		if int(e.class) == class {
			e.sum += float64(t.now-e.ts) * float64(e.w)
			e.ts = t.now
			e.w += d
			return
		}
	}
	t.rows[r] = append(row, trainWeight{class: uint8(class), ts: t.now, w: d})
}

// averaged returns the averaged weights quantized to int16, dropping those
// that round to zero. The scale maps the largest magnitude to about 30000.
func (t *trainer) averaged() *weights {
	now := float64(max(t.now, 1))
	avg := make([][]float64, len(t.rows))
	var maxAbs float64
	for r, row := range t.rows {
		avg[r] = make([]float64, len(row))
		for i, e := range row {
			a := (e.sum + float64(t.now-e.ts)*float64(e.w)) / now
			avg[r][i] = a
			maxAbs = max(maxAbs, math.Abs(a))
		}
	}
	scale := 30000 / max(maxAbs, 1e-9)
	keys := make([]uint64, 0, len(t.index))
	rows := make([][]classWeight, 0, len(t.index))
	for f, r := range t.index {
		if t.updates[r] < t.minUpdates {
			continue
		}
		var row []classWeight
		for i, e := range t.rows[r] {
			q := int32(math.Round(avg[r][i] * scale))
			if q != 0 {
				row = append(row, classWeight{class: e.class, w: clamp16(q)})
			}
		}
		if len(row) > 0 {
			slices.SortFunc(row, func(a, b classWeight) int { return int(a.class) - int(b.class) })
			keys = append(keys, f)
			rows = append(rows, row)
		}
	}
	return buildWeights(t.classes, keys, rows)
}
