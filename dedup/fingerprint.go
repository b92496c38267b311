package dedup

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"sync"

	"sitrep/nlp"
)

// The fingerprint scheme. Changing any of these, the hash functions or the
// word scanner changes every fingerprint: bump schemeVersion so that
// Restore refuses the old ones.
const (
	schemeVersion = 1

	// NumHashes is the length of an article's MinHash signature. With 128
	// hashes the estimate of a Jaccard similarity J has a standard error
	// of sqrt(J(1-J)/128): 0.035 at J = 0.8, fine enough for a threshold
	// there, at 256 bytes an article.
	NumHashes = 128

	// articleK is the shingle length for articles, in words. One changed
	// word changes k shingles: trigrams keep a reprint with a few edits
	// above 0.8 (a 5% word change rate costs about 15% of the shingles)
	// while two reports of different events, which share names and set
	// phrases but few runs of three words, stay near 0.1 (measured in
	// TestCorpus).
	articleK = 3

	// SketchLen is the number of one-byte MinHash values kept for each
	// sentence.
	SketchLen = 16

	// sentenceK is the shingle length for sentences: word pairs. A
	// sentence has 20 or so words, and one changed word costs two of
	// them, so a spun sentence keeps a similarity near 0.7.
	sentenceK = 2

	// MinSentenceWords is the shortest sentence, in words after synonyms,
	// that is matched against earlier articles: shorter ones ("He said.",
	// a dateline) recur in unrelated stories.
	MinSentenceWords = 5
)

// A Fingerprint is what the index keeps of one article, and what a store
// persists so that a restarted index knows every article seen before
// (see [Fingerprint.MarshalBinary]).
type Fingerprint struct {
	// Scheme identifies the scheme version and synonym table the
	// fingerprint was made with.
	Scheme uint64
	// Exact hashes the article's words after folding, with punctuation
	// and white space ignored and a line that repeats an earlier line
	// (a duplicated title) left out. 0 means the text has no words.
	Exact uint64
	// Signature is the MinHash signature of the article's word trigrams
	// after synonyms: the low 16 bits of each of NumHashes minima.
	Signature [NumHashes]uint16
	// Sentences holds one entry a sentence, in text order.
	Sentences []SentencePrint
}

// A SentencePrint is what is kept of one sentence.
type SentencePrint struct {
	// Hash hashes the sentence's words after folding and synonyms; 0 for
	// a sentence of fewer than MinSentenceWords words, which is never
	// matched.
	Hash uint64
	// Key is the index key: a hash of two full-width minima of the
	// sentence's word pairs, equal for equal sentences and, with
	// probability about J², for sentences of similarity J.
	Key uint32
	// Sketch holds the low byte of SketchLen MinHash minima of the
	// sentence's word pairs.
	Sketch [SketchLen]uint8
}

// sentMeta is what Add knows of a new sentence and the index does not keep.
type sentMeta struct {
	span  nlp.Span
	words int // canonical words
}

// hashParams holds the multipliers and addends of the sentence MinHash
// functions h_i(x) = a_i·x + b_i (mod 2⁶⁴) over already mixed shingle
// hashes.
type hashParams struct {
	a, b [SketchLen]uint64
}

var defaultParams = sync.OnceValue(func() *hashParams {
	p := new(hashParams)
	seed := uint64(0x5eed_d0c5_2024_0001)
	next := func() uint64 {
		seed += 0x9e3779b97f4a7c15
		return mix64(seed)
	}
	for i := range p.a {
		p.a[i] = next() | 1
		p.b[i] = next()
	}
	return p
})

// scheme combines the scheme version with a synonym table's scheme.
func scheme(syn *Synonyms) uint64 {
	var s uint64
	if syn != nil {
		s = syn.Scheme()
	}
	return combine(schemeVersion, s)
}

// fingerprinter turns texts into fingerprints. It holds no state between
// calls and is safe for concurrent use.
type fingerprinter struct {
	syn    *Synonyms
	params *hashParams
	scheme uint64
	seg    nlp.Segmenter
}

// fingerprint computes doc's fingerprint and the sentence facts Add reports.
func (f *fingerprinter) fingerprint(doc *Doc) (*Fingerprint, []sentMeta) {
	spans := doc.Sentences
	if !validSpans(spans, len(doc.Text)) {
		d := &nlp.Doc{Text: doc.Text}
		_ = f.seg.Annotate(context.Background(), d) // fails only on a cancelled context
		spans = make([]nlp.Span, len(d.Sentences))
		for i, s := range d.Sentences {
			spans[i] = s.Span
		}
	}
	words, _ := scanWords(make([]word, 0, len(doc.Text)/6), doc.Text, make([]byte, 0, 64))
	fp := &Fingerprint{Scheme: f.scheme, Exact: exactHash(words), Sentences: make([]SentencePrint, len(spans))}
	meta := make([]sentMeta, len(spans))

	// The canonical words: synonyms rewritten inside each sentence and
	// inside each stretch of words between sentences, never across.
	canon := make([]uint64, 0, len(words))
	bounds := make([][2]int, len(spans)) // each sentence's range of canon
	w := 0
	for i, sp := range spans {
		gap := w
		for w < len(words) && int(words[w].start) < sp.Start {
			w++
		}
		canon = f.syn.rewrite(canon, words[gap:w])
		in := w
		for w < len(words) && int(words[w].start) < sp.End {
			w++
		}
		lo := len(canon)
		canon = f.syn.rewrite(canon, words[in:w])
		bounds[i] = [2]int{lo, len(canon)}
		meta[i] = sentMeta{span: sp, words: len(canon) - lo}
	}
	canon = f.syn.rewrite(canon, words[w:])

	fp.Signature = f.signature(canon, articleK)
	for i, b := range bounds {
		sw := canon[b[0]:b[1]]
		if len(sw) < MinSentenceWords {
			continue
		}
		fp.Sentences[i] = f.sentencePrint(sw)
	}
	return fp, meta
}

// validSpans reports whether spans are usable sentences of a text of n
// bytes: non-empty, inside it, in order and not overlapping. nil is not.
func validSpans(spans []nlp.Span, n int) bool {
	if spans == nil {
		return false
	}
	end := 0
	for _, s := range spans {
		if s.Start < end || s.End <= s.Start || s.End > n {
			return false
		}
		end = s.End
	}
	return true
}

// exactHash hashes the words line by line, leaving out lines that repeat
// an earlier line word for word.
func exactHash(words []word) uint64 {
	if len(words) == 0 {
		return 0
	}
	seen := map[uint64]bool{}
	h := uint64(0)
	for i := 0; i < len(words); {
		j := i
		lh := uint64(0)
		for j < len(words) && words[j].line == words[i].line {
			lh = combine(lh, words[j].hash)
			j++
		}
		if !seen[lh] {
			seen[lh] = true
			for _, w := range words[i:j] {
				h = combine(h, w.hash)
			}
		}
		i = j
	}
	if h == 0 {
		h = 1
	}
	return h
}

// signature computes the one-permutation MinHash signature of the runs of
// k words of ws: each shingle's hash picks one of NumHashes bins with its
// top bits and each bin keeps the smallest of the rest; a bin left empty
// (a text of fewer than a few hundred words) takes the value of the first
// full bin on a probe sequence of its own ("optimal densification",
// Shrivastava 2017). Two texts then agree in a bin with probability equal
// to the Jaccard similarity of their shingle sets, as with NumHashes
// independent hash functions, at the cost of one hash a shingle instead of
// NumHashes. A text without words has the zero signature.
func (f *fingerprinter) signature(ws []uint64, k int) [NumHashes]uint16 {
	const binBits = 7 // NumHashes = 1<<binBits
	const empty = ^uint64(0)
	var mins [NumHashes]uint64
	for i := range mins {
		mins[i] = empty
	}
	full := 0
	f.eachShingle(ws, k, func(x uint64) {
		b, v := x>>(64-binBits), x<<binBits>>binBits
		if mins[b] == empty {
			full++
		}
		mins[b] = min(mins[b], v)
	})
	var sig [NumHashes]uint16
	if full == 0 {
		return sig
	}
	for i, m := range mins {
		for probe := uint64(1); m == empty; probe++ {
			m = mins[combine(uint64(i), probe)>>(64-binBits)]
		}
		sig[i] = uint16(m) // the low bits: uniform, unlike the top bits of a minimum
	}
	return sig
}

// sentencePrint fingerprints one sentence's canonical words.
func (f *fingerprinter) sentencePrint(ws []uint64) SentencePrint {
	var mins [SketchLen]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	a, b := &f.params.a, &f.params.b
	f.eachShingle(ws, sentenceK, func(x uint64) {
		for i := range mins {
			mins[i] = min(mins[i], a[i]*x+b[i])
		}
	})
	var p SentencePrint
	p.Hash = max(seqHash(uint64(len(ws)), ws), 1)
	p.Key = uint32(combine(mins[0], mins[1]) >> 32)
	for i, m := range mins {
		p.Sketch[i] = uint8(m >> 32)
	}
	return p
}

// eachShingle calls fn with the hash of every run of k words of ws, or of
// all of ws when it is shorter; never for no words.
func (f *fingerprinter) eachShingle(ws []uint64, k int, fn func(uint64)) {
	if len(ws) == 0 {
		return
	}
	if len(ws) < k {
		k = len(ws)
	}
	for i := 0; i+k <= len(ws); i++ {
		fn(seqHash(uint64(k), ws[i:i+k]))
	}
}

// A packedSig is a signature as 64-bit words, four values each, for
// counting equal values a word at a time.
type packedSig [NumHashes / 4]uint64

func pack(sig *[NumHashes]uint16) packedSig {
	var p packedSig
	for i, v := range sig {
		p[i/4] |= uint64(v) << (16 * (i % 4))
	}
	return p
}

// equalSig counts the positions where two signatures agree.
func equalSig(a, b *packedSig) int {
	const low = 0x7fff7fff7fff7fff
	n := 0
	for i := range a {
		x := a[i] ^ b[i]
		// The top bit of each 16-bit lane of y is set iff the lane of x is 0.
		y := ^((x&low + low) | x | low)
		n += bits.OnesCount64(y)
	}
	return n
}

// equalSketch counts the positions where two sketches agree.
func equalSketch(a, b *[SketchLen]uint8) int {
	const low = 0x7f7f7f7f7f7f7f7f
	n := 0
	for i := 0; i < SketchLen; i += 8 {
		x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[i:])
		y := ^((x&low + low) | x | low)
		n += bits.OnesCount64(y)
	}
	return n
}

// sigSimilarity estimates the Jaccard similarity of two articles from the
// number of signature values they share.
func sigSimilarity(equal int) float64 {
	return unbias(float64(equal)/NumHashes, 1.0/65536)
}

// sketchSimilarity estimates the Jaccard similarity of two sentences from
// the number of sketch values they share.
func sketchSimilarity(equal int) float64 {
	return unbias(float64(equal)/SketchLen, 1.0/256)
}

// minEqual returns the fewest equal values of n that estimate a similarity
// of at least threshold.
func minEqual(n int, sim func(int) float64, threshold float64) int {
	m := 0
	for m < n && sim(m) < threshold {
		m++
	}
	return m
}

// unbias corrects the share of equal b-bit minima for the chance c that
// two different minima agree in their low bits.
func unbias(share, c float64) float64 {
	return max(0, (share-c)/(1-c))
}

// ErrFingerprint reports stored fingerprint bytes that cannot be read.
var ErrFingerprint = errors.New("dedup: bad fingerprint")

// fingerprintMagic starts every encoded fingerprint.
const fingerprintMagic = "sdf"

// MarshalBinary encodes the fingerprint in 277 bytes and 28 a sentence
// (for fewer than 128 sentences): a magic "sdf", a version byte, the
// scheme, the exact hash, the signature and a uvarint count of sentences
// each with its hash, key and sketch, all little-endian.
func (fp *Fingerprint) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 4+8+8+2*NumHashes+binary.MaxVarintLen64+len(fp.Sentences)*(8+4+SketchLen))
	b = append(b, fingerprintMagic...)
	b = append(b, schemeVersion)
	b = binary.LittleEndian.AppendUint64(b, fp.Scheme)
	b = binary.LittleEndian.AppendUint64(b, fp.Exact)
	for _, v := range fp.Signature {
		b = binary.LittleEndian.AppendUint16(b, v)
	}
	b = binary.AppendUvarint(b, uint64(len(fp.Sentences)))
	for _, s := range fp.Sentences {
		b = binary.LittleEndian.AppendUint64(b, s.Hash)
		b = binary.LittleEndian.AppendUint32(b, s.Key)
		b = append(b, s.Sketch[:]...)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (fp *Fingerprint) UnmarshalBinary(data []byte) error {
	const head = 4 + 8 + 8 + 2*NumHashes
	if len(data) < head || string(data[:3]) != fingerprintMagic {
		return fmt.Errorf("%w: %d bytes without the header", ErrFingerprint, len(data))
	}
	if data[3] != schemeVersion {
		return fmt.Errorf("%w: version %d, want %d", ErrFingerprint, data[3], schemeVersion)
	}
	var out Fingerprint
	out.Scheme = binary.LittleEndian.Uint64(data[4:])
	out.Exact = binary.LittleEndian.Uint64(data[12:])
	for i := range out.Signature {
		out.Signature[i] = binary.LittleEndian.Uint16(data[20+2*i:])
	}
	rest := data[head:]
	n, size := binary.Uvarint(rest)
	const per = 8 + 4 + SketchLen
	if size <= 0 || n > uint64(len(rest)-size)/per || uint64(len(rest)-size) != n*per {
		return fmt.Errorf("%w: sentence count does not fit %d bytes", ErrFingerprint, len(rest))
	}
	rest = rest[size:]
	out.Sentences = make([]SentencePrint, n)
	for i := range out.Sentences {
		s := &out.Sentences[i]
		s.Hash = binary.LittleEndian.Uint64(rest)
		s.Key = binary.LittleEndian.Uint32(rest[8:])
		copy(s.Sketch[:], rest[12:per])
		rest = rest[per:]
	}
	*fp = out
	return nil
}
