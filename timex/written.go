package timex

import (
	"strings"
	"time"
)

// written recognizes dates written with a month name or in digits: "July
// 4", "July 4, 2018", "4 July 2018", "the 4th of July", "Jul. 4",
// "2018-07-04", "July 2018", and a month alone after a qualifier ("in
// July", "last May").
func (s *scan) written(j int, st *state) cand {
	if c := s.numeric(j); c.end > 0 {
		return c
	}
	// Day first: "4 July", "4th of July 2018", "the 4th of July".
	k := j
	if s.words[k] == "the" {
		k++
	}
	if k < len(s.words) {
		if d, ok := dayNumber(s.words[k]); ok {
			m := k + 1
			if m < len(s.words) && s.words[m] == "of" {
				m++
			}
			if mon, ok := s.month(m); ok {
				return s.dayDate(j, mon, d, m+1, m)
			}
		}
	}
	if k != j {
		return cand{}
	}
	mon, ok := s.month(j)
	if !ok {
		return cand{}
	}
	// Month first: "July 4", "July 4th, 2018".
	if j+1 < len(s.words) {
		if d, ok := dayNumber(s.words[j+1]); ok && d >= 1 && d <= 31 {
			return s.dayDate(j, mon, d, j+2, j)
		}
	}
	// "July 2018".
	if y, end, ok := s.yearAfter(j + 1); ok {
		t, _ := date(y, mon.n, 1)
		return cand{end: end, emit: true, val: t, prec: Month, head: j, future: t.After(s.pub)}
	}
	return s.monthAlone(j, mon, st)
}

// dayDate finishes a day-and-month date whose words end before token end,
// reading a year after it; head is the month.
func (s *scan) dayDate(j int, mon calName, d, end, head int) cand {
	c := cand{emit: true, prec: Day, head: head}
	if y, yend, ok := s.yearAfter(end); ok {
		t, ok := date(y, mon.n, d)
		if !ok {
			return skipTo(yend)
		}
		c.end, c.val, c.future = yend, t, t.After(s.pub)
		return c
	}
	t, future, ok := s.yearless(j, mon.n, d)
	if !ok {
		return skipTo(end)
	}
	c.end, c.val, c.future, c.rel = end, t, future, true
	return c
}

// yearAfter reads a year at token k, after an optional comma: four digits
// not followed by a clock word ("July 4, 1800 GMT").
func (s *scan) yearAfter(k int) (y, end int, ok bool) {
	if k < len(s.words) && s.words[k] == "," {
		k++
	}
	if k >= len(s.words) || len(s.words[k]) != 4 {
		return 0, 0, false
	}
	y, ok = digits(s.words[k])
	if !ok || y < minYear || y > maxYear || (k+1 < len(s.words) && s.r.clock[s.words[k+1]]) {
		return 0, 0, false
	}
	return y, k + 1, true
}

// yearlessWindow is how far after the publication date a day written
// without a year may lie and still be taken as the coming one: deadlines
// and appointments ("the July 10 deadline"), and datelines a time zone
// ahead of the publication date.
const yearlessWindow = 14 * 24 * time.Hour

// yearless resolves month m, day d written without a year (token j):
// the last such day on or before the publication date, unless the clause
// points forward or the coming one is at most yearlessWindow away.
func (s *scan) yearless(j, m, d int) (t time.Time, future, ok bool) {
	py := s.pub.Year()
	if s.futureClause(j) {
		for y := py; y <= py+8; y++ {
			if t, ok := date(y, m, d); ok && !t.Before(s.pub) {
				return t, true, true
			}
		}
		return time.Time{}, false, false
	}
	for y := py + 1; y >= py-8; y-- {
		t, ok := date(y, m, d)
		switch {
		case !ok:
		case !t.After(s.pub):
			return t, false, true
		case t.Sub(s.pub) <= yearlessWindow:
			return t, true, true
		}
	}
	return time.Time{}, false, false
}

// month reads a month name at token k: written with a capital and not
// tagged as a verb or modal ("May" the modal, "March" the verb).
func (s *scan) month(k int) (calName, bool) {
	if k >= len(s.words) {
		return calName{}, false
	}
	m, ok := s.r.months[s.words[k]]
	if !ok || !capitalized(s.toks[k].Form) {
		return calName{}, false
	}
	switch s.toks[k].UPOS {
	case "VERB", "AUX":
		return calName{}, false
	}
	return m, true
}

// monthAlone resolves a month named without day or year: the last one on
// or before the publication month, or as "last", "next", "this" or a
// future clause say. A name that is also a common word ("May") needs a
// qualifier before it.
func (s *scan) monthAlone(j int, mon calName, st *state) cand {
	if mon.ambiguous && st.n == 0 && !s.continues(j) {
		return cand{}
	}
	c := cand{end: j + 1, emit: true, prec: Month, head: j, rel: true}
	c.val, c.future = s.monthFrom(mon.n, st.dir, j)
	return c
}

// monthFrom returns the first day of month m that dir ("last", "next",
// "this" or "") and the tense of token j's clause choose.
func (s *scan) monthFrom(m int, dir string, j int) (time.Time, bool) {
	py, pm := s.pub.Year(), int(s.pub.Month())
	y := py
	switch {
	case dir == "this":
	case dir == "last" && m >= pm, dir == "" && m > pm && !s.futureClause(j):
		y--
	case dir == "next" && m <= pm, dir == "" && m < pm && s.futureClause(j):
		y++
	}
	t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return t, t.After(s.pub) || (dir == "" && m == pm && s.futureClause(j))
}

// hyphenated recognizes a period qualifier joined to a month, year or
// decade: "mid-July", "mid-2017", "late-1990s".
func (s *scan) hyphenated(j int) cand {
	if s.words[j] == "the" && j+1 < len(s.words) { // "the mid-1990s"
		j++
	}
	form := s.toks[j].Form
	i := strings.IndexByte(form, '-')
	if i <= 0 || i == len(form)-1 {
		return cand{}
	}
	q, n, ok := s.r.quals.match([]string{s.words[j][:i]}, 0)
	if !ok || n != 1 || !q.period {
		return cand{}
	}
	rest, word := form[i+1:], s.words[j][i+1:]
	c := cand{end: j + 1, emit: true, head: j, approx: true}
	if y, ok := yearOrDecade(word); ok {
		c.val, c.prec = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Year
		c.future = c.val.After(s.pub)
		return c
	}
	mon, ok := s.r.months[word]
	if !ok || !capitalized(rest) {
		return cand{}
	}
	c.prec = Month
	if y, end, ok := s.yearAfter(j + 1); ok {
		c.val, _ = date(y, mon.n, 1)
		c.end, c.future = end, c.val.After(s.pub)
		return c
	}
	c.rel = true
	c.val, c.future = s.monthFrom(mon.n, "", j)
	return c
}

// yearOrDecade reads a bare year ("2017") or a decade ("1990s") in the
// range of bare years.
func yearOrDecade(w string) (int, bool) {
	if len(w) == 5 && w[4] == 's' {
		w = w[:4]
		if w[3] != '0' {
			return 0, false
		}
	}
	if len(w) != 4 {
		return 0, false
	}
	y, ok := digits(w)
	return y, ok && y >= minBareYear && y <= maxBareYear
}

// year recognizes a bare year after a preposition that allows one ("in
// 2015", "since 2011"), a period qualifier ("early 2017"), "the" ("the
// 2014 war") or another year ("between 2011 and 2014"), and decades ("the
// 1990s").
func (s *scan) year(j int, st *state) cand {
	k := j
	if s.words[k] == "the" && k+1 < len(s.words) {
		k++
	}
	w := s.words[k]
	// "2014's": the tokenizer keeps 's on digits; "2010's" reads as the
	// decade.
	possessive := len(w) == 5 && w[4] == 's' && w[3] != '0' && strings.ContainsAny(s.toks[k].Form, "'’")
	if possessive {
		w = w[:4]
	}
	y, ok := yearOrDecade(w)
	if !ok || (k+1 < len(s.words) && s.r.clock[s.words[k+1]]) {
		return cand{}
	}
	c := cand{end: k + 1, emit: true, val: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), prec: Year, head: k}
	c.future = c.val.After(s.pub)
	if len(w) == 5 { // a decade
		c.approx = true
		return c
	}
	if k != j {
		return cand{} // "the 2014 war" is read from "2014", after "the"
	}
	licensed := st.yearOK || st.period || possessive || s.continues(j) || (j > 0 && s.words[j-1] == "the")
	if !licensed {
		return cand{}
	}
	return c
}

// continues reports whether token j follows "and", "or", "to" or a dash
// right after an expression: "between 2011 and 2014", "from March to May".
func (s *scan) continues(j int) bool {
	if j < 2 || len(s.out) == 0 {
		return false
	}
	switch s.words[j-1] {
	case "and", "or", "to", "-":
	default:
		return false
	}
	last := s.out[len(s.out)-1]
	return last.Sentence == s.si && last.Limit == s.first+j-1
}

// numeric recognizes a date written in digits: "2018-07-04" and
// "2018/07/04" (year, month, day), and "04/07/2018" or "4.7.2018" when
// only one reading of day and month exists (a number over 12 is the day;
// "07/07/2018" reads either way). Other two-number dates are skipped:
// "04/07/2018" is April 7 in American news and 4 July elsewhere.
func (s *scan) numeric(j int) cand {
	w := s.words[j]
	var parts [3]string
	n := 0
	sep := byte(0)
	from := 0
	for i := 0; i <= len(w); i++ {
		if i < len(w) && w[i] >= '0' && w[i] <= '9' {
			continue
		}
		if i < len(w) {
			if sep == 0 {
				sep = w[i]
			}
			if w[i] != sep || (sep != '-' && sep != '/' && sep != '.') {
				return cand{}
			}
		}
		if n == 3 || i == from {
			return cand{}
		}
		parts[n] = w[from:i]
		n++
		from = i + 1
	}
	if n != 3 {
		return cand{}
	}
	a, _ := digits(parts[0])
	b, _ := digits(parts[1])
	c, _ := digits(parts[2])
	var y, m, d int
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2 && sep != '.':
		y, m, d = a, b, c
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		y = c
		switch {
		case a == b || (a > 12 && b <= 12):
			d, m = a, b
		case b > 12 && a <= 12 && sep == '/':
			m, d = a, b
		default:
			return skipTo(j + 1) // ambiguous, or no such day
		}
	default:
		return cand{}
	}
	t, ok := date(y, m, d)
	if !ok {
		return skipTo(j + 1)
	}
	return cand{end: j + 1, emit: true, val: t, prec: Day, head: j, future: t.After(s.pub)}
}

// dayNumber reads a day of the month: one or two digits, maybe with an
// ordinal suffix ("4", "04", "4th", "22nd"). The value is not checked.
func dayNumber(w string) (int, bool) {
	if len(w) > 2 {
		switch w[len(w)-2:] {
		case "st", "nd", "rd", "th":
			w = w[:len(w)-2]
		}
	}
	if len(w) == 0 || len(w) > 2 {
		return 0, false
	}
	return digits(w)
}

// futureClause reports whether the clause of token j points forward: its
// verb has a future auxiliary ("will meet on Monday") or is an infinitive
// governed by a word of future.txt ("is due to meet", "plans to visit").
// Without a parse it reports false.
func (s *scan) futureClause(j int) bool {
	if !s.parsed {
		return false
	}
	v := j
	for range len(s.toks) {
		t := &s.toks[v]
		if t.UPOS == "VERB" || t.Head < 0 || t.Head >= len(s.toks) {
			break
		}
		v = t.Head
	}
	for k := range s.toks {
		t := &s.toks[k]
		if t.Head != v || k == v {
			continue
		}
		switch {
		case t.Deprel == "aux" || strings.HasPrefix(t.Deprel, "aux:"):
			if aux, ok := s.r.future[s.words[k]]; ok && aux {
				return true
			}
		case t.Deprel == "mark" && s.words[k] == "to":
			if h := s.toks[v].Head; h >= 0 && h < len(s.toks) {
				if aux, ok := s.r.future[s.words[h]]; ok && !aux {
					return true
				}
			}
		}
	}
	return false
}
