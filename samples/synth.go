package samples

import (
	"bufio"
	"encoding/json"
	"io"
	"iter"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"sitrep/article"
)

// An Article is one generated article: the record a JSON Lines line
// carries, with where it stands in the sequence.
type Article struct {
	article.Record
	// Index is the article's position in the sequence, from 0.
	Index int `json:"-"`
	// Of is the Index of the earlier article this one reprints with light
	// edits, or -1 for an original.
	Of int `json:"-"`
}

// Shape of the generated corpus.
const (
	// ReprintShare is the probability that an article after the first is
	// a reprint of an earlier one.
	ReprintShare = 0.10
	// MedianWords is the median length of an original article in words;
	// lengths are log-normal around it, from minWords to maxWords.
	MedianWords = 400
	wordsSigma  = 0.55
	minWords    = 120
	maxWords    = 3000
	// reprintWindow is how many recent originals a reprint may copy.
	reprintWindow = 256
)

// Generate yields n articles made from the generator's templates,
// deterministically for a seed: the same n and seed give the same
// articles, and a shorter run is a prefix of a longer one. About
// [ReprintShare] of them reprint an earlier article of the run under
// another outlet, URL and headline, a day later at most, with a paragraph
// dropped or added and a few words changed.
func (g *Generator) Generate(n int, seed uint64) iter.Seq[Article] {
	return func(yield func(Article) bool) {
		w := &writer{g: g, rng: rand.New(rand.NewPCG(seed, 0x5eed_5a4d_1e5_0f75))}
		for i := range n {
			var a Article
			if i > 0 && w.rng.Float64() < ReprintShare {
				a = w.reprint(i)
			} else {
				a = w.original(i)
			}
			if !yield(a) {
				return
			}
		}
	}
}

// WriteJSONL writes n generated articles to out as JSON Lines, the format
// article.JSONLReader reads.
func (g *Generator) WriteJSONL(out io.Writer, n int, seed uint64) error {
	bw := bufio.NewWriterSize(out, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for a := range g.Generate(n, seed) {
		if err := enc.Encode(a.Record); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// A kept article is an original that later articles may reprint.
type kept struct {
	index    int
	conflict int
	place    int
	date     time.Time
	outlet   int
	title    string
	dateline string
	paras    []string
}

// A writer holds the state of one Generate run.
type writer struct {
	g    *Generator
	rng  *rand.Rand
	ring []kept // the last reprintWindow originals, oldest overwritten first
	next int    // where the next original goes in ring

	// The article being written.
	c     *conflict
	place int
	date  time.Time
	used  [numKinds]uint64
	buf   []byte
}

func (w *writer) original(i int) Article {
	g := w.g
	ci := w.rng.IntN(len(g.conflicts))
	w.c = &g.conflicts[ci]
	w.place = w.rng.IntN(len(w.c.lists[slotPlace]))
	w.date = w.c.first.AddDate(0, 0, w.rng.IntN(w.c.days))
	w.used = [numKinds]uint64{}

	target := int(MedianWords * math.Exp(wordsSigma*w.rng.NormFloat64()))
	target = min(max(target, minWords), maxWords)

	title := w.sentence(kindTitle)
	paras := make([]string, 0, target/40+2)
	words := 0
	add := func(p string) {
		paras = append(paras, p)
		words += strings.Count(p, " ") + 1 // paragraphs are single-spaced lines
	}
	if w.rng.IntN(2) == 0 {
		add(w.paragraph(kindLead, kindDetail, 1))
	} else {
		add(w.sentence(kindLead))
	}
	for words < target {
		switch r := w.rng.IntN(100); {
		case r < 38:
			add(w.paragraph(kindDetail, kindDetail, 1+w.rng.IntN(3)))
		case r < 62:
			add(w.paragraph(kindQuote, kindDetail, w.rng.IntN(2)))
		case r < 77:
			add(w.paragraph(kindHumanitarian, kindHumanitarian, w.rng.IntN(2)))
		case r < 90:
			add(w.paragraph(kindDiplomacy, kindDiplomacy, w.rng.IntN(2)))
		default:
			add(w.paragraph(kindBackground, kindBackground, w.rng.IntN(2)))
		}
	}
	dateline := ""
	if w.rng.IntN(5) < 2 {
		dateline = w.pick(slotDateline)
	}
	k := kept{index: i, conflict: ci, place: w.place, date: w.date,
		outlet: w.rng.IntN(len(g.outlets)), title: title, dateline: dateline, paras: paras}
	if len(w.ring) < reprintWindow {
		w.ring = append(w.ring, k)
	} else {
		w.ring[w.next] = k
		w.next = (w.next + 1) % reprintWindow
	}
	return w.article(i, -1, k.outlet, title, dateline, paras)
}

func (w *writer) reprint(i int) Article {
	g := w.g
	o := w.ring[w.rng.IntN(len(w.ring))]
	w.c = &g.conflicts[o.conflict]
	w.place = o.place
	w.date = o.date.AddDate(0, 0, w.rng.IntN(2))
	w.used = [numKinds]uint64{}

	outletIdx := w.rng.IntN(len(g.outlets) - 1)
	if outletIdx >= o.outlet {
		outletIdx++
	}
	title := o.title
	switch w.rng.IntN(3) {
	case 0:
		if country := w.c.lists[slotCountry][0]; !strings.HasPrefix(title, country) {
			title = country + ": " + title
		}
	case 1:
		title = w.sentence(kindTitle)
	}
	paras := make([]string, 0, len(o.paras)+1)
	drop := -1
	if len(o.paras) > 3 && w.rng.IntN(2) == 0 {
		drop = 1 + w.rng.IntN(len(o.paras)-1)
	}
	for j, p := range o.paras {
		if j != drop {
			paras = append(paras, p)
		}
	}
	if w.rng.IntN(5) < 2 {
		paras = append(paras, w.paragraph(kindBackground, kindHumanitarian, 1))
	}
	for range 1 + w.rng.IntN(3) {
		e := g.edits[w.rng.IntN(len(g.edits))]
		for j := range paras {
			if strings.Contains(paras[j], e[0]) {
				paras[j] = strings.Replace(paras[j], e[0], e[1], 1)
				break
			}
		}
	}
	dateline := o.dateline
	if w.rng.IntN(10) < 3 {
		if dateline == "" {
			dateline = w.pick(slotDateline)
		} else {
			dateline = ""
		}
	}
	return w.article(i, o.index, outletIdx, title, dateline, paras)
}

// article assembles the record.
func (w *writer) article(i, of, outletIdx int, title, dateline string, paras []string) Article {
	out := w.g.outlets[outletIdx]
	n := len(dateline) + 5
	for _, p := range paras {
		n += len(p) + 2
	}
	var b strings.Builder
	b.Grow(n)
	if dateline != "" {
		b.WriteString(dateline)
		b.WriteString(" — ")
	}
	for j, p := range paras {
		if j > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	date := w.date.Format(time.DateOnly)
	u := make([]byte, 0, 120)
	u = append(u, "https://"...)
	u = append(u, out.domain...)
	u = append(u, '/')
	u = append(u, date[:4]...)
	u = append(u, '/')
	u = append(u, date[5:7]...)
	u = append(u, '/')
	u = append(u, date[8:]...)
	u = append(u, '/')
	u = appendSlug(u, title)
	u = append(u, '-')
	u = strconv.AppendInt(u, int64(i), 10)
	return Article{
		Record: article.Record{Title: title, Text: b.String(), URL: string(u), Date: date, Source: out.name},
		Index:  i,
		Of:     of,
	}
}

// paragraph writes a sentence of kind first and then more sentences of
// kind rest.
func (w *writer) paragraph(first, rest kind, more int) string {
	w.buf = w.buf[:0]
	w.appendSentence(first)
	for range more {
		w.buf = append(w.buf, ' ')
		w.appendSentence(rest)
	}
	return string(w.buf)
}

func (w *writer) sentence(k kind) string {
	w.buf = w.buf[:0]
	w.appendSentence(k)
	return string(w.buf)
}

// appendSentence fills a template of kind k that the article has not used
// yet, while there is one, and capitalizes its first letter.
func (w *writer) appendSentence(k kind) {
	ts := w.g.templates[k]
	j := w.rng.IntN(len(ts))
	if full := uint64(1)<<len(ts) - 1; w.used[k] == full {
		w.used[k] = 0
	}
	for w.used[k]&(1<<j) != 0 {
		j = (j + 1) % len(ts)
	}
	w.used[k] |= 1 << j
	start := len(w.buf)
	for _, p := range ts[j] {
		if p.slot == slotNone {
			w.buf = append(w.buf, p.lit...)
		} else {
			w.buf = w.fill(w.buf, p.slot)
		}
	}
	if c := w.buf[start]; 'a' <= c && c <= 'z' {
		w.buf[start] = c - 'a' + 'A'
	}
}

func (w *writer) pick(s slot) string {
	var l []string
	if s < numConflictSlots {
		l = w.c.lists[s]
	} else {
		l = w.g.words[s]
	}
	return l[w.rng.IntN(len(l))]
}

var weekdays = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

var smallNumbers = [10]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

func (w *writer) fill(b []byte, s slot) []byte {
	switch s {
	case slotPlace:
		return append(b, w.c.lists[slotPlace][w.place]...)
	case slotPlace2:
		places := w.c.lists[slotPlace]
		j := w.rng.IntN(len(places) - 1)
		if j >= w.place {
			j++
		}
		return append(b, places[j]...)
	case slotWeekday:
		return append(b, weekdays[(int(w.date.Weekday())+7-1-w.rng.IntN(3))%7]...)
	case slotDay:
		day := weekdays[(int(w.date.Weekday())+7-w.rng.IntN(4))%7]
		switch r := w.rng.IntN(10); {
		case r < 5:
			b = append(b, "on "...)
			return append(b, day...)
		case r < 6:
			b = append(b, "late on "...)
			return append(b, day...)
		case r < 7:
			b = append(b, "early on "...)
			return append(b, day...)
		case r < 8:
			b = append(b, "on "...)
			b = append(b, day...)
			return append(b, " evening"...)
		case r < 9:
			return append(b, "overnight"...)
		default:
			return append(b, "last week"...)
		}
	case slotN:
		n := 2 + w.rng.IntN(1+w.rng.IntN(120))
		if n < 10 {
			return append(b, smallNumbers[n]...)
		}
		return strconv.AppendInt(b, int64(n), 10)
	case slotN2:
		n := 2 + w.rng.IntN(14)
		if n < 10 {
			return append(b, smallNumbers[n]...)
		}
		return strconv.AppendInt(b, int64(n), 10)
	case slotBig:
		return appendThousands(b, (5+w.rng.IntN(1+w.rng.IntN(900)))*1000)
	}
	return append(b, w.pick(s)...)
}

// appendThousands writes n with commas between groups of three digits.
func appendThousands(b []byte, n int) []byte {
	var d [24]byte
	s := strconv.AppendInt(d[:0], int64(n), 10)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return b
}

// appendSlug writes the first words of title in lower case, joined by
// hyphens.
func appendSlug(b []byte, title string) []byte {
	const maxSlug = 60
	start, dash := len(b), false
	for i := 0; i < len(title) && len(b)-start < maxSlug; i++ {
		c := title[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			dash = len(b) > start
			continue
		}
		if dash {
			b = append(b, '-')
			dash = false
		}
		b = append(b, c)
	}
	return b
}
