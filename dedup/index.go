package dedup

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"sitrep/nlp"
)

// A Doc is one article as the index sees it.
type Doc struct {
	// ID names the article in results; the index does not check that IDs
	// are unique.
	ID string
	// Source is the publisher; a near-duplicate of an article of the same
	// publisher is flagged as an update (Result.SameSource).
	Source string
	// Time is the publication time. The index keeps it only in the Record;
	// "earlier" always means added earlier.
	Time time.Time
	// Text is the article text: title and body, as nlp reads it.
	Text string
	// Sentences are byte spans of Text, in order and not overlapping,
	// as nlp.Segmenter makes them. When nil or not in order, the index
	// runs nlp.Segmenter itself (about 1 µs a sentence), so that
	// sentence hashes are the same whichever way an article comes in.
	Sentences []nlp.Span
}

// Options tune an Index. The zero value gives the defaults.
type Options struct {
	// Synonyms rewrites spun phrases before near-duplicate comparison; nil
	// means DefaultSynonyms().
	Synonyms *Synonyms
	// Threshold is the estimated Jaccard similarity of word trigrams at or
	// above which an article is a near-duplicate (a reprint) of an earlier
	// one. 0 means 0.6, measured on copies of the test corpus's stories
	// (TestVariants, stories of 250 to 450 words): a reprint without its
	// headline and one paragraph keeps 0.65 to 0.85, a spun copy 0.9 or
	// more after synonyms, a copy with 5% of its words changed 0.6 to
	// 0.9, while two different stories, even of one kind, town and week,
	// stay below 0.03 and each source of a three-story patchwork below 0.3.
	Threshold float64
	// SentenceThreshold is the estimated Jaccard similarity of word pairs
	// at or above which a sentence copies an earlier one. 0 means 0.6.
	SentenceThreshold float64
	// MinSourceShare is the share of an article's words that an earlier
	// article must have given for it to be listed in Result.Sources. 0
	// means 0.15: one borrowed stock sentence does not make a source.
	MinSourceShare float64
	// Bands is the number of LSH bands the signature is cut into to find
	// candidates; it must divide NumHashes. 0 means 16 bands of 8 values:
	// an earlier article of similarity J becomes a candidate with
	// probability 1-(1-J⁸)¹⁶ (0.24 at 0.6, 0.95 at 0.8, 0.016 at 0.4).
	// Articles that share a sentence, exactly or nearly, are candidates
	// whatever their bands, which is how most reprints are found; the
	// bands catch copies whose sentences were all split or joined anew.
	Bands int
	// MaxCandidates bounds the earlier articles whose sentences a new
	// article's sentences are compared with. 0 means 32.
	MaxCandidates int
}

// maxChain bounds the earlier sentences with the same key that a new
// sentence is compared with, newest first.
const maxChain = 32

// An Index remembers the articles added to it and tells, for each new one,
// which earlier article it copies whole or in parts. It is safe for
// concurrent use: fingerprinting runs in parallel, and the comparison with
// earlier articles and the insertion take a lock, in the order Add calls
// get it.
//
// Memory: per article, the signature (256 bytes), the sentence entries
// (32 bytes and about 13 bytes of key map each), the band and exact maps
// (about 14 bytes a band and 24 bytes), the ID and 40 bytes of bookkeeping:
// 1.7 KB for an article of 25 sentences (measured by BenchmarkIndexMemory),
// 1.7 GB for a million articles.
type Index struct {
	opt  Options
	f    fingerprinter
	rows int // signature rows a band
	// The fewest equal signature and sketch values that reach Threshold
	// and SentenceThreshold.
	minSig, minSketch int

	mu      sync.Mutex
	arts    []artEntry
	sigs    []packedSig
	sents   []sentEntry
	exact   map[uint64]int32   // exact hash → first article
	bands   []map[uint32]int32 // band key → first article, per band
	keys    map[uint32]int32   // sentence key → newest sentence
	sources map[string]string  // interned publisher names
	cands   []cand             // scratch
}

type artEntry struct {
	id, source string
	canon      int32 // the article this one copies whole, else itself
	first      int32 // its first sentence in Index.sents
}

type sentEntry struct {
	hash   uint64
	sketch [SketchLen]uint8
	prev   int32 // the next older sentence with the same key, or -1
	origin int32 // the first sentence this one copies, else itself
}

type cand struct {
	art  int32
	hits int32
}

// NewIndex returns an empty index.
func NewIndex(opt Options) (*Index, error) {
	if opt.Synonyms == nil {
		syn, err := DefaultSynonyms()
		if err != nil {
			return nil, err
		}
		opt.Synonyms = syn
	}
	if opt.Threshold == 0 {
		opt.Threshold = 0.6
	}
	if opt.SentenceThreshold == 0 {
		opt.SentenceThreshold = 0.6
	}
	if opt.MinSourceShare == 0 {
		opt.MinSourceShare = 0.15
	}
	if opt.Bands == 0 {
		opt.Bands = 16
	}
	if opt.MaxCandidates == 0 {
		opt.MaxCandidates = 32
	}
	switch {
	case opt.Bands < 0 || opt.Bands > NumHashes || NumHashes%opt.Bands != 0:
		return nil, fmt.Errorf("dedup: %d bands do not divide %d hashes", opt.Bands, NumHashes)
	case opt.Threshold < 0 || opt.Threshold > 1, opt.SentenceThreshold < 0 || opt.SentenceThreshold > 1,
		opt.MinSourceShare < 0 || opt.MinSourceShare > 1:
		return nil, errors.New("dedup: thresholds and shares lie between 0 and 1")
	case opt.MaxCandidates < 0:
		return nil, errors.New("dedup: negative MaxCandidates")
	}
	x := &Index{
		opt:     opt,
		f:       fingerprinter{syn: opt.Synonyms, params: defaultParams(), scheme: scheme(opt.Synonyms)},
		rows:    NumHashes / opt.Bands,
		exact:   map[uint64]int32{},
		bands:   make([]map[uint32]int32, opt.Bands),
		keys:    map[uint32]int32{},
		sources: map[string]string{},
	}
	for i := range x.bands {
		x.bands[i] = map[uint32]int32{}
	}
	x.minSig = max(1, minEqual(NumHashes, sigSimilarity, opt.Threshold))
	x.minSketch = max(1, minEqual(SketchLen, sketchSimilarity, opt.SentenceThreshold))
	return x, nil
}

// Len returns the number of articles added or restored.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.arts)
}

// Fingerprint computes doc's fingerprint without adding it.
func (x *Index) Fingerprint(doc Doc) *Fingerprint {
	fp, _ := x.f.fingerprint(&doc)
	return fp
}

// Add compares doc with every article added before it and then adds it.
func (x *Index) Add(doc Doc) Result {
	fp, meta := x.f.fingerprint(&doc)
	x.mu.Lock()
	defer x.mu.Unlock()
	res := x.add(doc.ID, doc.Source, fp, meta)
	res.Record = Record{ID: doc.ID, Source: doc.Source, Time: doc.Time, Fingerprint: fp}
	return *res
}

// A Record is what a store keeps of an article for the index: enough to
// rebuild it with Restore.
type Record struct {
	ID     string
	Source string
	Time   time.Time
	// Fingerprint is the article's fingerprint; store it as the bytes of
	// its MarshalBinary.
	Fingerprint *Fingerprint
}

// ErrScheme reports a record fingerprinted with another scheme version or
// synonym table: fingerprint its text again with Index.Fingerprint.
var ErrScheme = errors.New("dedup: fingerprint made with another scheme or synonym table")

// Restore adds records, in the order they were first added, as if their
// articles were added again: afterwards the index answers as the index
// that made them did (when it had the same options). It checks every
// record first and adds none if one was made with another scheme
// (ErrScheme) or has no fingerprint.
func (x *Index) Restore(records []Record) error {
	for i, r := range records {
		switch {
		case r.Fingerprint == nil:
			return fmt.Errorf("dedup: restore record %d (%s): no fingerprint", i, r.ID)
		case r.Fingerprint.Scheme != x.f.scheme:
			return fmt.Errorf("restore record %d (%s): %w", i, r.ID, ErrScheme)
		}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, r := range records {
		x.add(r.ID, r.Source, r.Fingerprint, nil)
	}
	return nil
}

// origin is how one new sentence matched: sent is the index of the first
// sentence it copies in x.sents (-1 for none) and equal the number of
// sketch values it shares with the nearest copy found.
type origin struct {
	sent    int32
	exact   bool
	equal   int
	repeats int
}

// match compares a new sentence with an earlier one and reports whether
// they are alike (a near or an exact copy) and whether exactly.
func (x *Index) match(o *origin, s *SentencePrint, e *sentEntry) (alike, exact bool) {
	if e.hash == s.Hash {
		o.sent, o.exact, o.equal = e.origin, true, SketchLen
		return true, true
	}
	n := equalSketch(&s.Sketch, &e.sketch)
	if n < x.minSketch {
		return false, false
	}
	if n > o.equal {
		o.sent, o.equal = e.origin, n
	}
	return true, false
}

// add compares a fingerprint with the index and inserts it. With meta (from
// Add) it builds the Result; without (from Restore) it only inserts.
func (x *Index) add(id, source string, fp *Fingerprint, meta []sentMeta) *Result {
	self := int32(len(x.arts))
	hasWords := fp.Exact != 0

	exactOf := int32(-1)
	if j, ok := x.exact[fp.Exact]; ok && hasWords {
		exactOf = j
	}
	x.cands = x.cands[:0]
	if hasWords {
		for b := range x.bands {
			if j, ok := x.bands[b][x.bandKey(&fp.Signature, b)]; ok {
				x.addCand(j)
			}
		}
	}

	// Sentences: repeats inside the article, then the chains of their keys.
	origins := make([]origin, len(fp.Sentences))
	firstOf := map[uint64]int{}
	for i, s := range fp.Sentences {
		o := &origins[i]
		*o = origin{sent: -1, repeats: -1}
		if s.Hash == 0 {
			continue
		}
		if j, ok := firstOf[s.Hash]; ok {
			*o = origins[j]
			o.repeats = j
			continue
		}
		firstOf[s.Hash] = i
		t, ok := x.keys[s.Key]
		if !ok {
			t = -1
		}
		for steps := 0; t >= 0 && steps < maxChain; t, steps = x.sents[t].prev, steps+1 {
			// Only articles with a sentence like this one are candidates:
			// a popular key also chains sentences that merely share
			// their two rarest word pairs.
			alike, exact := x.match(o, &fp.Sentences[i], &x.sents[t])
			if alike {
				x.addCand(x.articleOf(t))
			}
			if exact {
				break
			}
		}
	}
	x.rankCands()

	// The sentences not copied exactly, against every sentence of the
	// candidates, oldest first: an exact copy beats a near one.
	for i, s := range fp.Sentences {
		o := &origins[i]
		if s.Hash == 0 || o.exact || o.repeats >= 0 {
			continue
		}
		for _, c := range x.cands {
			lo, hi := x.sentRange(c.art)
			for t := lo; t < hi; t++ {
				if x.sents[t].hash == 0 {
					continue
				}
				if _, exact := x.match(o, &fp.Sentences[i], &x.sents[t]); exact {
					break
				}
			}
			if o.exact {
				break
			}
		}
	}
	for i := range origins { // repeats follow what their first sentence found
		if r := origins[i].repeats; r >= 0 {
			origins[i] = origins[r]
			origins[i].repeats = r
		}
	}

	// The whole article: exact, else the most similar candidate.
	sig := pack(&fp.Signature)
	nearOf, sim := exactOf, 1.0
	if exactOf < 0 {
		best := x.minSig - 1
		for _, c := range x.cands {
			if n := equalSig(&sig, &x.sigs[c.art]); n > best { // ties: the oldest, as cands are in order
				nearOf, best = c.art, n
			}
		}
		sim = 0
		if nearOf >= 0 {
			sim = sigSimilarity(best)
		}
	}
	canon := self
	if nearOf >= 0 {
		canon = x.arts[nearOf].canon
	}

	var res *Result
	if meta != nil {
		res = x.result(id, source, nearOf, exactOf, sim, canon, origins, meta)
	}

	// Insert.
	src, ok := x.sources[source]
	if !ok {
		x.sources[source] = source
		src = source
	}
	first := int32(len(x.sents))
	x.arts = append(x.arts, artEntry{id: id, source: src, canon: canon, first: first})
	x.sigs = append(x.sigs, sig)
	if hasWords {
		if _, ok := x.exact[fp.Exact]; !ok {
			x.exact[fp.Exact] = self
		}
		for b := range x.bands {
			k := x.bandKey(&fp.Signature, b)
			if _, ok := x.bands[b][k]; !ok {
				x.bands[b][k] = self
			}
		}
	}
	for i, s := range fp.Sentences {
		g := first + int32(i)
		e := sentEntry{hash: s.Hash, sketch: s.Sketch, prev: -1, origin: g}
		if o := origins[i]; o.sent >= 0 {
			e.origin = o.sent
		} else if o.repeats >= 0 {
			e.origin = first + int32(o.repeats)
		}
		if s.Hash != 0 {
			if t, ok := x.keys[s.Key]; ok {
				e.prev = t
			}
			x.keys[s.Key] = g
		}
		x.sents = append(x.sents, e)
	}
	return res
}

// bandKey hashes band b of a signature.
func (x *Index) bandKey(sig *[NumHashes]uint16, b int) uint32 {
	h := uint64(b)
	for _, v := range sig[b*x.rows : (b+1)*x.rows] {
		h = combine(h, uint64(v))
	}
	return uint32(h >> 32)
}

func (x *Index) addCand(a int32) {
	for i := range x.cands {
		if x.cands[i].art == a {
			x.cands[i].hits++
			return
		}
	}
	x.cands = append(x.cands, cand{art: a, hits: 1})
}

// rankCands keeps the MaxCandidates candidates with the most hits, oldest
// first among equals, and orders them oldest first.
func (x *Index) rankCands() {
	if len(x.cands) > x.opt.MaxCandidates {
		slices.SortFunc(x.cands, func(a, b cand) int {
			if a.hits != b.hits {
				return int(b.hits - a.hits)
			}
			return int(a.art - b.art)
		})
		x.cands = x.cands[:x.opt.MaxCandidates]
	}
	slices.SortFunc(x.cands, func(a, b cand) int { return int(a.art - b.art) })
}

// sentRange returns article a's sentences in x.sents.
func (x *Index) sentRange(a int32) (lo, hi int32) {
	lo, hi = x.arts[a].first, int32(len(x.sents))
	if int(a)+1 < len(x.arts) {
		hi = x.arts[a+1].first
	}
	return lo, hi
}

// articleOf returns the article of sentence t.
func (x *Index) articleOf(t int32) int32 {
	return int32(sort.Search(len(x.arts), func(i int) bool { return x.arts[i].first > t }) - 1)
}
