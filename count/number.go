package count

import (
	"math"
	"strconv"
	"strings"
)

// A quantity is a number expression found in a sentence and, once linked,
// a count. Token indices are sentence-local; [first, end) is its noun
// phrase.
type quantity struct {
	first              int // the qualifier's first token, or the number's
	numFirst, numLimit int // the number
	end                int // after the object, or numLimit
	value              int64
	approx             bool
	qual               string
	vague              bool // a bare plural or indefinite: "dozens", "several"
	objFirst, objLimit int  // the object; equal when there is none
	head               int  // the object's head, or -1

	typ   Type
	verb  int // the type word, or -1
	place int
}

// anchor is the token that stands for the quantity in the parse: the head
// of its object, or its last number word.
func (q *quantity) anchor() int {
	if q.head >= 0 {
		return q.head
	}
	return q.numLimit - 1
}

// numStatus says what readNumber found.
type numStatus uint8

const (
	numNone numStatus = iota // no number here
	numOK
	numBad // number-like tokens that give no value: consumed, no count
)

// A number is a number read from the tokens [first, limit).
type number struct {
	first, limit int
	value        int64
	approx       bool
	vague        bool
	year         bool // four digits that may be a year
	span         bool // a range: "10-15", "10 to 15"

	one   bool // the word "one" alone
	words bool // written in words
}

// quantities finds the number expressions of s that may be counts of
// people: numbers with their qualifiers and objects, without those that
// are years, ages, dates, money, percentages, units or labels.
func (f *Finder) quantities(s *sentence) []quantity {
	var qs []quantity
	for i := 0; i < len(s.toks); {
		if !f.mayStart(s, i) {
			i++
			continue
		}
		q, next, ok := f.quantityAt(s, i)
		if next <= i {
			next = i + 1
		}
		if ok {
			qs = append(qs, q)
		}
		i = next
	}
	return qs
}

// mayStart reports whether a quantity may start at token i: digits, a
// number word or a qualifier's first word.
func (f *Finder) mayStart(s *sentence, i int) bool {
	w := s.low[i]
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	if _, ok := f.numbers.m[w]; ok {
		return true
	}
	if _, ok := f.quals.m[w]; ok {
		return true
	}
	return strings.Contains(w, "-")
}

// quantityAt reads a quantity starting at token i. It returns the index
// after the tokens it consumed (i+1 when there is nothing at i) and
// whether they make a quantity.
func (f *Finder) quantityAt(s *sentence, i int) (quantity, int, bool) {
	q := quantity{first: i, head: -1, verb: -1, place: -1}
	j := i
	if qual, end, ok := f.quals.first(s.low[i], s.low, i); ok && end < len(s.toks) {
		if _, st := f.readNumber(s, end); st != numNone {
			q.qual, q.approx = qual.norm, qual.approx
			j = end
		}
	}
	n, st := f.readNumber(s, j)
	switch st {
	case numNone:
		return q, i + 1, false
	case numBad:
		return q, n.limit, false
	}
	// A range: "10 to 15", "between 10 and 15", "one or two".
	if k := n.limit; k+1 < len(s.toks) && isRangeWord(s.low[k], q.qual) &&
		(n.first == 0 || s.low[n.first-1] != "from") {
		if m, st := f.readNumber(s, k+1); st == numOK && m.words == n.words && m.value >= n.value {
			n.limit = m.limit
			n.approx, n.span = true, true
		}
	}
	if n.span && q.qual == "" {
		q.qual = "between"
	}
	q.numFirst, q.numLimit, q.end = n.first, n.limit, n.limit
	q.value, q.vague = n.value, n.vague
	q.approx = q.approx || n.approx
	if !f.object(s, &q, n) || f.notCount(s, &q, n) {
		return q, q.end, false
	}
	return q, q.end, true
}

// isRangeWord reports whether w joins the two ends of a range: "10 to
// 15", "two or three", "35–40" written with spaces or split by the
// tokenizer, and "and" after "between".
func isRangeWord(w, qual string) bool {
	switch w {
	case "to", "or", "-", "–", "—":
		return true
	}
	return w == "and" && qual == "between"
}

// readNumber reads a number at token i.
func (f *Finder) readNumber(s *sentence, i int) (number, numStatus) {
	n := number{first: i, limit: i + 1}
	if i >= len(s.toks) {
		return n, numNone
	}
	w := s.low[i]
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return f.readDigits(s, i)
	}
	return f.readWords(s, i)
}

// readDigits reads "12", "1,200", "2.5 million", "1.2m", "10-15".
func (f *Finder) readDigits(s *sentence, i int) (number, numStatus) {
	n := number{first: i, limit: i + 1}
	form := s.low[i]
	if a, b, ok := cutDash(form); ok {
		// "10-15": a range, read as its lower end.
		lo, st1 := f.digitValue(a)
		hi, st2 := f.digitValue(b)
		if st1 != numOK || st2 != numOK || lo.dec > 0 || hi.dec > 0 || hi.value < lo.value {
			return n, numNone
		}
		n.value, n.approx, n.span = lo.value, true, true
		return n, numOK
	}
	v, st := f.digitValue(form)
	if st != numOK {
		return n, st
	}
	scale := v.scale
	j := i + 1
	for ; j < len(s.toks); j++ {
		w, _, ok := f.numbers.first(s.low[j], s.low, j)
		if !ok || w.kind != numScale {
			break
		}
		if scale = mul(scale, w.value); scale < 0 {
			return number{first: i, limit: j + 1}, numBad
		}
	}
	n.limit = j
	if v.dec > 0 && scale == 1 {
		return n, numBad // "2.5 people", "1.200": no invented value
	}
	val := mul(v.mant, scale)
	if val < 0 {
		return n, numBad
	}
	for range v.dec {
		val /= 10
	}
	n.value = val
	n.year = scale == 1 && len(form) == 4 && val >= 1800 && val <= 2100
	return n, numOK
}

// cutDash splits "10-15" (or with an en dash) into its two numbers.
func cutDash(form string) (string, string, bool) {
	for _, d := range []string{"-", "–"} {
		if a, b, ok := strings.Cut(form, d); ok && a != "" && b != "" && b[0] >= '0' && b[0] <= '9' {
			return a, b, true
		}
	}
	return "", "", false
}

// digits is a number written in digits: the mantissa with its decimals,
// how many decimals, and the scale of a suffix ("m" in "1.2m").
type digits struct {
	mant  int64
	dec   int
	scale int64
	value int64 // mant·scale without decimals, for ranges
}

// digitValue reads one token of digits. Malformed grouping ("1,20,000"),
// overflow and unknown suffixes ("12th", "5km") are numBad or numNone:
// never a value.
func (f *Finder) digitValue(form string) (digits, numStatus) {
	d := digits{scale: 1}
	j := len(form)
	for j > 0 && (form[j-1] >= 'a' && form[j-1] <= 'z') {
		j--
	}
	num, suf := form[:j], form[j:]
	if num == "" {
		return d, numNone
	}
	if suf != "" {
		w, _, ok := f.suffixes.first(suf, nil, 0)
		if !ok {
			return d, numNone // "12th", "3am", "5km"
		}
		d.scale = w.value
	}
	intPart, frac, hasDot := strings.Cut(num, ".")
	if hasDot && (frac == "" || !allDigits(frac)) {
		return d, numBad
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return d, numBad
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return d, numBad // "1,20,000"
			}
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	}
	if intPart == "" || !allDigits(intPart) {
		return d, numBad
	}
	all := intPart + frac
	if len(all) > 18 {
		return d, numBad // would overflow
	}
	m, err := strconv.ParseInt(all, 10, 64)
	if err != nil {
		return d, numBad
	}
	d.mant, d.dec = m, len(frac)
	if d.dec == 0 {
		if d.value = mul(m, d.scale); d.value < 0 {
			return d, numBad
		}
	}
	return d, numOK
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// mul returns a·b, or -1 when it overflows or either is negative.
func mul(a, b int64) int64 {
	if a < 0 || b < 0 {
		return -1
	}
	if a != 0 && b > math.MaxInt64/a {
		return -1
	}
	return a * b
}

// add returns a+b, or -1 on overflow.
func add(a, b int64) int64 {
	if a < 0 || b < 0 || a > math.MaxInt64-b {
		return -1
	}
	return a + b
}

// readWords reads a number written in words: "twelve", "twenty-five",
// "one hundred and six", "a dozen", "two million", "half a million", "a
// quarter of a million", "dozens", "tens of thousands", "several hundred".
func (f *Finder) readWords(s *sentence, i int) (number, numStatus) {
	n := number{first: i, limit: i, words: true}
	if _, ok := f.numbers.m[s.low[i]]; !ok && !strings.Contains(s.low[i], "-") {
		return n, numNone // most words: no number word starts here
	}
	j := i
	// "half a million", "a quarter of a million", "half a dozen".
	k := j
	if s.low[k] == "a" || s.low[k] == "an" || s.low[k] == "one" {
		k++
	}
	if fr, end, ok := f.numbers.first(at(s.low, k), s.low, k); ok && fr.kind == numFraction && (k > j || s.low[k] == "half") {
		k = end
		if at(s.low, k) == "of" {
			k++
		}
		if w := at(s.low, k); w == "a" || w == "an" || w == "one" {
			k++
		}
		if sc, end, ok := f.numbers.first(at(s.low, k), s.low, k); ok && (sc.kind == numScale || sc.kind == numDozen) {
			n.value = sc.value * fr.num / fr.den
			n.limit = end
			return n, numOK
		}
		return n, numNone
	}
	// "dozens", "tens of thousands", "hundreds of thousands".
	if v, end, ok := f.numbers.first(s.low[j], s.low, j); ok && v.kind == numVague {
		n.value, n.approx, n.vague, n.limit = v.value, true, true, end
		if at(s.low, end) == "of" {
			if b, end2, ok := f.numbers.first(at(s.low, end+1), s.low, end+1); ok && b.kind == numVague && b.base >= 1000 {
				if n.value = mul(v.value, b.base); n.value < 0 {
					return n, numBad
				}
				n.limit = end2
				return n, numOK
			}
		}
		if v.base < 12 {
			return n, numNone // "tens" alone
		}
		return n, numOK
	}
	var total, cur int64
	var last numKind
	if v, end, ok := f.numbers.first(s.low[j], s.low, j); ok && v.kind == numFew {
		cur, last, j = v.value, numFew, end
		n.approx, n.vague = true, true
	} else if (s.low[j] == "a" || s.low[j] == "an") && j+1 < len(s.toks) {
		if v, _, ok := f.numbers.first(s.low[j+1], s.low, j+1); ok && (v.kind == numScale || v.kind == numDozen) {
			cur, last, j = 1, numUnit, j+1
		}
	}
	for ; j < len(s.toks); j++ {
		w := s.low[j]
		kind, v := numKind(0), int64(0)
		if a, b, ok := strings.Cut(w, "-"); ok {
			// "twenty-five"
			t, _, ok1 := f.numbers.first(a, nil, 0)
			u, _, ok2 := f.numbers.first(b, nil, 0)
			if !ok1 || !ok2 || t.kind != numTen || u.kind != numUnit || u.value > 9 {
				break
			}
			kind, v = numTen, t.value+u.value
		} else if x, _, ok := f.numbers.first(w, s.low, j); ok {
			kind, v = x.kind, x.value
		} else if w == "and" && (last == numScale) && j+1 < len(s.toks) {
			if x, _, ok := f.numbers.first(s.low[j+1], s.low, j+1); ok && (x.kind == numUnit || x.kind == numTen) {
				continue
			}
			break
		} else {
			break
		}
		switch kind {
		case numUnit, numTen:
			if last == numUnit || last == numFew || last == numTen && (kind == numTen || cur%10 != 0 || v > 9) {
				goto done
			}
			cur += v
		case numScale:
			if last == 0 || last == numScale && cur == 0 {
				goto done
			}
			if v == 100 {
				cur = mul(cur, 100)
			} else {
				total = add(total, mul(cur, v))
				cur = 0
			}
		case numDozen:
			if last == 0 {
				goto done
			}
			cur = mul(cur, v)
		default:
			goto done
		}
		if cur < 0 || total < 0 {
			return number{first: i, limit: j + 1}, numBad
		}
		last = kind
		n.limit = j + 1
	}
done:
	if n.limit == i {
		if last == numFew {
			// "several" alone
			n.value, n.limit = cur, j
			return n, numOK
		}
		return n, numNone
	}
	if n.value = add(total, cur); n.value < 0 {
		return n, numBad
	}
	n.one = n.limit == i+1 && s.low[i] == "one"
	return n, numOK
}

// at returns low[i], or "" past the end.
func at(low []string, i int) string {
	if i < 0 || i >= len(low) {
		return ""
	}
	return low[i]
}
