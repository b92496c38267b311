package article

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the layouts ParseDate tries, in order.
var dateLayouts = []string{
	time.DateOnly,
	time.RFC3339,
	"2006-01-02T15:04:05",
	time.DateTime,
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// ParseDate reads a publication date: YYYY-MM-DD, an RFC 3339 timestamp,
// an RFC 1123 or RFC 822 one as feeds give them, or "July 5, 2018" and
// "5 July 2018". Times are returned in UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, s); err == nil {
			if d.Year() < minYear || d.Year() > maxYear {
				break
			}
			return d.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date: want YYYY-MM-DD, RFC 3339 or RFC 1123", s)
}

// The years a date found in a text may have.
const (
	minYear = 1900
	maxYear = 2100
)

// datelineWindow is how far into a text, in bytes, a dateline is looked for.
const datelineWindow = 600

// A Dateline is a publication date read from the opening of a text.
type Dateline struct {
	// Date is the day, at 00:00 UTC.
	Date time.Time
	// Start and End are the byte span of the date in the text.
	Start, End int
	// YearGiven is false when the year was taken from the reference time.
	YearGiven bool
}

const monthPattern = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	isoDate   = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	monthDay  = regexp.MustCompile(`\b` + monthPattern + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	dayMonth  = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthPattern + `\b\.?(?:,?\s+(\d{4})\b)?`)
	afterDate = regexp.MustCompile(`^\s*(?:\(|[-–—]|/)`)
	placeLead = regexp.MustCompile(`(?:^|\n)\s*[A-Z][A-Z.'’ -]+(?:,\s*[A-Za-z.'’ -]+)?,\s*$`)
)

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// FindDateline looks for a publication date in the opening of text (its
// first 600 bytes): a date with a year ("July 5, 2018", "5 July 2018",
// "2018-07-05"), or a wire dateline without one ("DAMASCUS, July 5
// (Reuters) -"), whose year is the one that puts the date on or before
// ref plus two days. The earliest such date wins; days that do not exist
// and years outside 1900–2100 are skipped. A date without a year is found
// only when ref is not zero.
func FindDateline(text string, ref time.Time) (Dateline, bool) {
	window := text[:cutRune(text, datelineWindow)]
	var best Dateline
	found := false
	consider := func(d Dateline) {
		if !found || d.Start < best.Start {
			best, found = d, true
		}
	}
	for _, m := range isoDate.FindAllStringSubmatchIndex(window, -1) {
		y, mo, d := atoi(window, m[2], m[3]), atoi(window, m[4], m[5]), atoi(window, m[6], m[7])
		if day, ok := validDay(y, time.Month(mo), d); ok {
			consider(Dateline{Date: day, Start: m[0], End: m[1], YearGiven: true})
			break
		}
	}
	try := func(re *regexp.Regexp, monthGroup, dayGroup int) {
		for _, m := range re.FindAllStringSubmatchIndex(window, -1) {
			mo := months[strings.ToLower(window[m[2*monthGroup]:m[2*monthGroup]+3])]
			d := atoi(window, m[2*dayGroup], m[2*dayGroup+1])
			if m[6] >= 0 {
				if day, ok := validDay(atoi(window, m[6], m[7]), mo, d); ok {
					consider(Dateline{Date: day, Start: m[0], End: m[1], YearGiven: true})
					return
				}
				continue
			}
			if ref.IsZero() || !(afterDate.MatchString(window[m[1]:]) || placeLead.MatchString(window[:m[0]])) {
				continue
			}
			if day, ok := yearFor(mo, d, ref); ok {
				consider(Dateline{Date: day, Start: m[0], End: m[1]})
				return
			}
		}
	}
	try(monthDay, 1, 2)
	try(dayMonth, 2, 1)
	return best, found
}

// yearFor returns month/day in the year that puts it on or before ref plus
// two days.
func yearFor(mo time.Month, d int, ref time.Time) (time.Time, bool) {
	limit := ref.UTC().AddDate(0, 0, 2)
	for y := limit.Year(); y >= limit.Year()-1; y-- {
		if day, ok := validDay(y, mo, d); ok && !day.After(limit) {
			return day, true
		}
	}
	return time.Time{}, false
}

// validDay returns the day y-mo-d at 00:00 UTC when it exists and y is in
// range.
func validDay(y int, mo time.Month, d int) (time.Time, bool) {
	if y < minYear || y > maxYear || mo < time.January || mo > time.December || d < 1 {
		return time.Time{}, false
	}
	day := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if day.Day() != d || day.Month() != mo {
		return time.Time{}, false
	}
	return day, true
}

func atoi(s string, start, end int) int {
	if start < 0 {
		return 0
	}
	n, err := strconv.Atoi(s[start:end])
	if err != nil {
		return 0
	}
	return n
}

// cutRune returns the largest index ≤ n at which s can be cut without
// splitting a UTF-8 sequence.
func cutRune(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}
