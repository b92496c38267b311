package geo

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// A nameEntry is what the name index keeps for a folded name: where its
// candidates are in the postings, and whether longer names continue it.
type nameEntry struct {
	off uint32 // first candidate in postings
	n   uint32 // number of candidates, with more set for a word prefix of a longer name
}

// more marks, in nameEntry.n, a name that longer names continue.
const more = 1 << 31

func (e nameEntry) count() int { return int(e.n &^ more) }

// build compiles the (name, place) entries into the name index: one group
// of candidates per distinct folded name, ordered by the prior, and the
// word prefixes of longer names that Match walks.
func (g *Gazetteer) build(entries []entry) {
	ids := make(map[string]nameEntry, len(entries))
	keys := make([]string, 0, len(entries))
	kid := make([]uint32, len(entries))
	var counts []int32
	for i, e := range entries {
		v, ok := ids[e.key]
		if !ok {
			// For now off is the name's number; see below.
			v = nameEntry{off: uint32(len(keys))}
			ids[e.key] = v
			keys = append(keys, e.key)
			counts = append(counts, 0)
			g.maxKey = max(g.maxKey, len(e.key))
		}
		counts[v.off]++
		kid[i] = v.off
	}
	// Counting sort of the entries by name.
	start := make([]int32, len(keys)+1)
	for i, c := range counts {
		start[i+1] = start[i] + c
	}
	post := make([]*Place, len(entries))
	fill := slices.Clone(start[:len(keys)])
	for i, e := range entries {
		k := kid[i]
		post[fill[k]] = e.p
		fill[k]++
	}
	// Order each group and drop repeats, compacting in place: a group is
	// never written past where it was read. The index then holds each
	// group's place, so that a lookup reads one map entry and no more.
	out := post[:0]
	for k, key := range keys {
		grp := post[start[k]:start[k+1]]
		if len(grp) > 1 {
			grp = order(grp)
		}
		ids[key] = nameEntry{off: uint32(len(out)), n: uint32(len(grp))}
		out = append(out, grp...)
	}
	g.postings = slices.Clip(out)
	for _, key := range keys {
		for i := 0; i < len(key); i++ {
			if key[i] == ' ' {
				e := ids[key[:i]]
				e.n |= more
				ids[key[:i]] = e
			}
		}
	}
	g.names = ids
	g.filter = newKeyFilter(ids)
	g.nNames = len(keys)
}

// A keyFilter is a blocked Bloom filter over the keys of the name index:
// two bits of one 64-bit word per key. Match asks it before the map, which
// is large and costs cache misses; it rules out about 98% of the strings
// that are no key (most words of a text), and never a key.
type keyFilter struct {
	seed maphash.Seed
	bits []uint64 // a power of two of words
}

// keyFilterBits is the filter's size in bits per key.
const keyFilterBits = 16

func newKeyFilter(keys map[string]nameEntry) keyFilter {
	n := 64
	for n < keyFilterBits*len(keys) {
		n *= 2
	}
	f := keyFilter{seed: maphash.MakeSeed(), bits: make([]uint64, n/64)}
	for k := range keys {
		w, m := f.slot(maphash.String(f.seed, k))
		f.bits[w] |= m
	}
	return f
}

// slot returns the word and the two bits of a hash.
func (f *keyFilter) slot(h uint64) (int, uint64) {
	return int(h & uint64(len(f.bits)-1)), 1<<(h>>52&63) | 1<<(h>>58)
}

// mayHave reports whether key may be a key of the index: false means it
// certainly is not.
func (f *keyFilter) mayHave(key []byte) bool {
	if len(f.bits) == 0 {
		return true
	}
	w, m := f.slot(maphash.Bytes(f.seed, key))
	return f.bits[w]&m == m
}

// order sorts the candidates of one name by the prior and drops repeats.
//
// The prior: countries first, then regions, curated areas and cities,
// each by population, largest first (ties by id). One exception: the seat
// of a region named like it (a PPLA or PPLC in the region: the city of
// Daraa in Daraa Governorate) comes just before the region, since news
// that names a city and its region alike most often means the city.
func order(grp []*Place) []*Place {
	slices.SortFunc(grp, func(a, b *Place) int {
		if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Population, a.Population); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	grp = slices.CompactFunc(grp, func(a, b *Place) bool { return a == b })
	for i := 0; i < len(grp); i++ {
		r := grp[i]
		if r.Kind != KindRegion {
			continue
		}
		for j := i + 1; j < len(grp); j++ {
			c := grp[j]
			if c.Kind == KindCity && c.Country == r.Country && c.Admin1 == r.Admin1 && isSeat(c.Feature) {
				copy(grp[i+1:j+1], grp[i:j])
				grp[i] = c
				i++ // past the region, now at i+1
				break
			}
		}
	}
	return grp
}

// isSeat reports whether a feature code marks the seat of a first-level
// region or the capital of a country.
func isSeat(feature string) bool { return feature == "PPLA" || feature == "PPLC" }
