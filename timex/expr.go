package timex

import (
	"fmt"
	"time"

	"sitrep/nlp"
)

// A Precision says how much of an expression's Value is meant: the day, the
// week starting on that Monday, the month starting on that 1st, or the year
// starting on that January 1.
type Precision uint8

// The precisions, finest first. The zero Precision is not valid.
const (
	Day Precision = iota + 1
	Week
	Month
	Year
)

var precisionNames = [...]string{Day: "day", Week: "week", Month: "month", Year: "year"}

func (p Precision) String() string {
	if p >= Day && p <= Year {
		return precisionNames[p]
	}
	return fmt.Sprintf("Precision(%d)", uint8(p))
}

// ParsePrecision returns the Precision named s ("day", "week", "month",
// "year").
func ParsePrecision(s string) (Precision, error) {
	for p := Day; p <= Year; p++ {
		if precisionNames[p] == s {
			return p, nil
		}
	}
	return 0, fmt.Errorf("unknown precision %q (want day, week, month or year)", s)
}

// An Expr is one time expression of a Doc, resolved to a calendar period.
type Expr struct {
	// Span is the expression in Doc.Text, with its preposition and
	// qualifiers: "late on Tuesday", "in early July", "just under a year ago".
	nlp.Span
	// Sentence is the index of the expression's sentence in Doc.Sentences;
	// First and Limit its tokens, indices into Doc.Tokens.
	Sentence, First, Limit int
	// Head is the token (index into Doc.Tokens) that links the expression
	// to its clause in the parse: the first of its tokens whose head lies
	// outside it ("Monday" in "on Monday", "week" in "last week"). In a
	// Doc without a parse it is the word that gave the date.
	Head int
	// Text is Doc.Text[Start:End].
	Text string
	// Value is the start of the period meant, at 00:00 UTC: the day, the
	// Monday of the week, the 1st of the month or January 1 of the year.
	Value time.Time
	// Precision says which period Value starts.
	Precision Precision
	// Part is the part of the day named with a Day expression ("morning",
	// "evening", "night", ... as parts.txt lists them), or "".
	Part string
	// Prep is the preposition before the expression, lower case ("on",
	// "in", "since", "until", "before", ...), or "". It says how the
	// period relates to what the clause reports: "since 2011" is when
	// something began, not when it happened.
	Prep string
	// Relative reports a value worked out from the publication date or
	// from another expression ("on Monday", "yesterday", "July 4",
	// "earlier in the day") rather than written out in full ("4 July
	// 2018", "in 2015").
	Relative bool
	// Approx reports a vague period: "about two weeks ago", "just under a
	// year ago", "early July", "the 1990s", "over the weekend".
	Approx bool
	// Future reports a period after the publication date ("next week",
	// "tomorrow") or one that a future clause points forward to ("will
	// meet on Monday").
	Future bool
}

// String writes e as the date corpus (testdata/dates.txt) does: "on
// Monday | 2018-07-02 day", then the part, "approx" and "future" if set.
func (e Expr) String() string {
	s := e.Text + " | " + e.Value.Format(time.DateOnly) + " " + e.Precision.String()
	if e.Part != "" {
		s += " " + e.Part
	}
	if e.Approx {
		s += " approx"
	}
	if e.Future {
		s += " future"
	}
	return s
}

// The years an expression may resolve to; anything else is skipped.
const (
	minYear = 1000
	maxYear = 2999
	// Bare years ("in 2015") must lie in a narrower range: a four-digit
	// number outside it is more likely a count or a time ("at 1800 GMT").
	minBareYear = 1800
	maxBareYear = 2199
)

// date returns y-m-d at 00:00 UTC and whether that day exists and its year
// is in range.
func date(y, m, d int) (time.Time, bool) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// truncate returns the start of the period of precision p holding t (a
// day at 00:00 UTC).
func truncate(t time.Time, p Precision) time.Time {
	y, m, d := t.Date()
	switch p {
	case Week:
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		return time.Date(y, m, d-back, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// inRange reports whether t's year is one an expression may resolve to.
func inRange(t time.Time) bool {
	y := t.Year()
	return y >= minYear && y <= maxYear
}

// dayOf returns the calendar date of pub, in pub's own location, at 00:00
// UTC.
func dayOf(pub time.Time) time.Time {
	y, m, d := pub.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
