package timex

import "time"

// A Resolver finds time expressions in parsed text and resolves them to
// calendar periods. It holds the compiled word lists and phrases of its data
// files; it is immutable and safe for concurrent use.
type Resolver struct {
	months   map[string]calName // folded name → month
	weekdays map[string]calName // folded name → ISO weekday
	parts    map[string]string  // folded word → part of the day
	units    map[string]unitWord
	numbers  phraseTable[count]
	quals    phraseTable[qualifier]
	phrases  phraseTable[phrase]
	future   map[string]bool // folded word → true for an auxiliary, false for a governing word
	clock    map[string]bool
	// starts holds every word an expression may begin with, bar numbers.
	starts map[string]bool
}

func newResolver() *Resolver {
	return &Resolver{
		months:   map[string]calName{},
		weekdays: map[string]calName{},
		parts:    map[string]string{},
		units:    map[string]unitWord{},
		future:   map[string]bool{},
		clock:    map[string]bool{},
		starts:   map[string]bool{},
	}
}

// maxCount bounds the numbers of the data files and of "N units ago".
const maxCount = 9999

// A calName is a month or weekday name.
type calName struct {
	n         int  // month 1–12 or ISO weekday 1–7
	ambiguous bool // also a common word: needs context
	line      int
}

// A unit is what a count of "N units ago" or a phrase's offset counts.
type unit uint8

const (
	hour unit = iota + 1
	day
	week
	month
	year
	weekend
)

var unitNames = [...]string{hour: "hour", day: "day", week: "week", month: "month", year: "year", weekend: "weekend"}

func parseUnit(s string) (unit, bool) {
	for u := hour; u <= weekend; u++ {
		if unitNames[u] == s {
			return u, true
		}
	}
	return 0, false
}

// precision is the precision of a period counted in u.
func (u unit) precision() Precision {
	switch u {
	case week:
		return Week
	case month:
		return Month
	case year:
		return Year
	}
	return Day
}

// add returns the start of the period of u that lies n units from the one
// holding t (a day at 00:00 UTC).
func (u unit) add(t time.Time, n int) time.Time {
	switch u {
	case hour:
		// The hour of publication is not known: count whole days.
		return t.AddDate(0, 0, n/24)
	case week:
		return truncate(t, Week).AddDate(0, 0, 7*n)
	case month:
		return truncate(t, Month).AddDate(0, n, 0)
	case year:
		return truncate(t, Year).AddDate(n, 0, 0)
	}
	return t.AddDate(0, 0, n)
}

// A unitWord is one word of units.txt.
type unitWord struct {
	unit   unit
	n      int // units one word means ("fortnight": 14 days)
	approx bool
}

// A count is a number word of numbers.txt.
type count struct {
	n      int
	approx bool
}

// A qualifier is a word before an expression (qualifiers.txt).
type qualifier struct {
	prep   string // the preposition, if it is one
	yearOK bool   // a bare four-digit number after it is a year
	approx bool
	period bool   // early, mid, late
	dir    string // "last", "next", "this" or ""
	part   string
}

// An anchor says whether a phrase counts from another expression.
type anchor uint8

const (
	anchorNone     anchor = iota
	anchorOptional        // from the nearest day before it in the sentence, else from pub
	anchorRequired        // from the nearest day before it in the sentence or the one before; else nothing
)

// A phrase is an entry of phrases.txt.
type phrase struct {
	skip bool
	// A fixed date.
	fixed time.Time
	prec  Precision
	// A period counted from the publication date or an anchor.
	unit           unit
	offset         int
	part           string
	approx, future bool
	anchor         anchor
}
