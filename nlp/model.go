package nlp

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
)

// A Model is a trained tagger, lemmatizer and parser.
type Model struct {
	Tagger     *Tagger
	Lemmatizer *Lemmatizer
	Parser     *Parser
	// Info describes how the model was trained (corpus, date, scores).
	Info string
}

// Pipeline returns the full annotation chain for raw text: segmenter,
// tokenizer, then the model's tagger, lemmatizer and parser.
func (m *Model) Pipeline() Pipeline {
	return Pipeline{&Segmenter{}, &Tokenizer{}, m.Tagger, m.Lemmatizer, m.Parser}
}

// Analyzers returns the model's annotators for already tokenized text.
func (m *Model) Analyzers() Pipeline {
	return Pipeline{m.Tagger, m.Lemmatizer, m.Parser}
}

//go:embed model/en_ewt.model.gz
var embeddedModel []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(embeddedModel))
})

// DefaultModel returns the model trained on UD English EWT that is embedded
// in the binary. It is decoded once; later calls return the same model,
// which is safe for concurrent use.
func DefaultModel() (*Model, error) { return defaultModel() }

// ErrModel is wrapped by errors about a malformed model file.
var ErrModel = errors.New("nlp: bad model")

const modelMagic = "sitrep-nlp-model\x00"
const modelVersion = 2

// WriteModel writes m, gzip-compressed, to w.
func WriteModel(w io.Writer, m *Model) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	e := &encoder{w: bufio.NewWriter(zw)}
	e.bytes([]byte(modelMagic))
	e.uvarint(modelVersion)
	e.string(m.Info)
	// Tagger.
	e.uvarint(uint64(len(m.Tagger.tags)))
	for _, t := range m.Tagger.tags {
		e.string(t.UPOS)
		e.string(t.XPOS)
	}
	keys := slices.Sorted(maps.Keys(m.Tagger.dict))
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.u64(k)
		e.w.WriteByte(m.Tagger.dict[k])
	}
	e.weights(m.Tagger.w)
	// Lemmatizer.
	l := m.Lemmatizer
	e.uvarint(uint64(l.maxSuffix))
	keys = slices.Sorted(maps.Keys(l.exceptions))
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.u64(k)
		e.string(l.exceptions[k])
	}
	keys = slices.Sorted(maps.Keys(l.known))
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.u64(k)
	}
	keys = slices.Sorted(maps.Keys(l.rules))
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.u64(k)
		e.uvarint(uint64(l.rules[k].Strip))
		e.string(l.rules[k].Add)
	}
	// Parser.
	e.uvarint(uint64(len(m.Parser.labels)))
	for _, s := range m.Parser.labels {
		e.string(s)
	}
	e.weights(m.Parser.w)
	if e.err != nil {
		return e.err
	}
	if err := e.w.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel reads a model written by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	return decodeModel(data)
}

// decodeModel decodes an uncompressed model.
func decodeModel(data []byte) (*Model, error) {
	d := &decoder{b: data}
	if string(d.bytes(len(modelMagic))) != modelMagic {
		return nil, fmt.Errorf("%w: not a sitrep model", ErrModel)
	}
	if v := d.uvarint(); v != modelVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrModel, v, modelVersion)
	}
	m := &Model{Info: d.string()}
	tags := make([]TagPair, d.count(256))
	for i := range tags {
		tags[i] = TagPair{d.string(), d.string()}
	}
	n := d.items(9)
	dict := make(map[uint64]uint8, n)
	for range n {
		k := d.u64()
		c := d.byte()
		if int(c) >= len(tags) {
			d.fail("tag dictionary class %d out of range", c)
		}
		dict[k] = c
	}
	tw := d.weights(len(tags))
	l := &Lemmatizer{maxSuffix: int(d.uvarint())}
	n = d.items(9)
	l.exceptions = make(map[uint64]string, n)
	for range n {
		k := d.u64()
		l.exceptions[k] = d.string()
	}
	n = d.items(8)
	l.known = make(map[uint64]bool, n)
	for range n {
		l.known[d.u64()] = true
	}
	n = d.items(10)
	l.rules = make(map[uint64]lemmaRule, n)
	for range n {
		k := d.u64()
		strip := int(d.uvarint())
		l.rules[k] = lemmaRule{Strip: strip, Add: d.string()}
	}
	labels := make([]string, d.count(64))
	for i := range labels {
		labels[i] = d.string()
	}
	pw := d.weights(1 + 2*len(labels))
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrModel, len(d.b))
	}
	if len(tags) == 0 || len(labels) == 0 || labels[0] != "root" {
		return nil, fmt.Errorf("%w: no tags or no root relation", ErrModel)
	}
	m.Tagger = newTagger(tags, dict, tw)
	m.Lemmatizer = l
	m.Parser = newParser(labels, pw)
	return m, nil
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *encoder) uvarint(v uint64) { e.bytes(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *encoder) varint(v int64)   { e.bytes(e.buf[:binary.PutVarint(e.buf[:], v)]) }
func (e *encoder) u64(v uint64)     { e.bytes(binary.LittleEndian.AppendUint64(e.buf[:0], v)) }
func (e *encoder) string(s string) {
	e.uvarint(uint64(len(s)))
	e.bytes([]byte(s))
}

// weights writes the occupied slots in table order: the gap from the
// previous occupied slot, the key, then the row.
func (e *encoder) weights(m *weights) {
	e.uvarint(uint64(m.classes))
	e.uvarint(uint64(len(m.slots)))
	occupied := 0
	for _, s := range m.slots {
		if s.key != 0 {
			occupied++
		}
	}
	e.uvarint(uint64(occupied))
	prev := -1
	for i := range m.slots {
		s := &m.slots[i]
		if s.key == 0 {
			continue
		}
		e.uvarint(uint64(i - prev))
		prev = i
		e.bytes(binary.LittleEndian.AppendUint32(e.buf[:0], s.key))
		row := m.rowWeights(s)
		e.uvarint(uint64(len(row)))
		last := -1
		for _, cw := range row {
			e.uvarint(uint64(int(cw.class) - last))
			last = int(cw.class)
			e.varint(int64(cw.w))
		}
	}
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrModel, fmt.Sprintf(format, args...))
	}
	d.b = nil
}

func (d *decoder) bytes(n int) []byte {
	if n < 0 || n > len(d.b) {
		d.fail("truncated")
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if b := d.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) u64() uint64 {
	if b := d.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (d *decoder) string() string { return string(d.bytes(d.count(1 << 20))) }

// items reads a number of items that take at least size bytes each, and
// checks it against the bytes left, so that a corrupt count cannot make
// the reader allocate more than the input could fill.
func (d *decoder) items(size int) int { return d.count(len(d.b) / size) }

// count reads a length and checks it against limit.
func (d *decoder) count(limit int) int {
	v := d.uvarint()
	if v > uint64(limit) {
		d.fail("count %d over %d", v, limit)
		return 0
	}
	return int(v)
}

func (d *decoder) weights(classes int) *weights {
	if c := d.count(256); c != classes {
		d.fail("weights for %d classes, want %d", c, classes)
		return nil
	}
	size := d.count(1 << 30)
	occupied := d.items(6)
	if d.err != nil {
		return nil
	}
	if size&(size-1) != 0 || size == 0 || size > 4*occupied+8 || occupied >= size {
		d.fail("table of %d slots for %d rows", size, occupied)
		return nil
	}
	m := &weights{classes: classes, mask: uint64(size - 1), slots: make([]slot, size)}
	i := -1
	row := make([]classWeight, 0, classes)
	for range occupied {
		gap := d.uvarint()
		key := d.bytes(4)
		if d.err != nil || gap == 0 || gap > uint64(size) || i+int(gap) >= size {
			d.fail("slot %d out of range", i)
			return nil
		}
		i += int(gap)
		s := &m.slots[i]
		s.key = binary.LittleEndian.Uint32(key)
		if s.key == 0 {
			d.fail("zero key")
			return nil
		}
		row = row[:0]
		last := -1
		for range d.count(classes) {
			gap := d.uvarint()
			w := d.varint()
			if gap == 0 || gap > uint64(classes) || last+int(gap) >= classes || w < -32768 || w > 32767 {
				d.fail("weight %d for class %d", w, last+int(gap))
				return nil
			}
			last += int(gap)
			row = append(row, classWeight{class: uint8(last), w: int16(w)})
		}
		m.setRow(s, row)
	}
	return m
}
