package enrichcorpus

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/testshared"
)

func readCorpus(t *testing.T) []Case {
	t.Helper()
	cases, err := Read(filepath.Join(testshared.Root(t), filepath.FromSlash(File)))
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestCorpus reads the corpus (Read checks the format, the dates and that
// every mention is in its text) and checks that the gold agrees with itself.
func TestCorpus(t *testing.T) {
	cases := readCorpus(t)
	if len(cases) < 70 {
		t.Errorf("%d cases, want at least 70", len(cases))
	}
	for _, c := range cases {
		for _, tm := range c.Times {
			if msg := checkTime(c.Pub, tm); msg != "" {
				t.Errorf("%s:%d: %s: %q => %s: %s", File, tm.Line, c.ID, tm.Mention, tm.Value.Format(time.DateOnly), msg)
			}
		}
		for _, e := range c.Events {
			if msg := checkEvent(c, e); msg != "" {
				t.Errorf("%s:%d: %s: event %q: %s", File, e.Line, c.ID, e.Verb, msg)
			}
		}
		for _, n := range c.Counts {
			if n.Qualifier == Vague && !slices.Contains([]int{24, 40, 200, 2000, 20000, 200000}, n.Number) {
				t.Errorf("%s:%d: %s: vague count %d is no quantity word's smallest value", File, n.Line, c.ID, n.Number)
			}
		}
		for _, p := range c.Places {
			if p.Derived && p.Precision == Country {
				t.Errorf("%s:%d: %s: a derived place is finer than a country", File, p.Line, c.ID)
			}
		}
	}
}

var (
	weekdayRE = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	monthRE   = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b`)
	yearRE    = regexp.MustCompile(`\b(19|20)\d\d\b`)
)

// checkTime checks a resolved time against the words of its mention: a
// weekday is within a week of publication and falls on that day, a month or
// year named is the value's, and the common relative expressions resolve as
// the README says.
func checkTime(pub time.Time, tm Time) string {
	v, m := tm.Value, tm.Mention
	if v.After(pub) && !strings.Contains(m, "next") {
		return "after publication without \"next\""
	}
	if w := weekdayRE.FindString(m); w != "" {
		if v.Weekday().String() != w {
			return "falls on a " + v.Weekday().String()
		}
		if d := pub.Sub(v); d < 0 || d > 6*24*time.Hour {
			return "not in the week before publication"
		}
	}
	if mo := monthRE.FindStringSubmatch(m); mo != nil && !strings.HasPrefix(v.Month().String(), mo[1]) {
		return "not in " + mo[0]
	}
	if y := yearRE.FindString(m); y != "" && strconv.Itoa(v.Year()) != y {
		return "not in " + y
	}
	monday := pub.AddDate(0, 0, -(int(pub.Weekday())+6)%7)
	month := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
	want, ok := map[string]time.Time{
		"yesterday":          pub.AddDate(0, 0, -1),
		"two days ago":       pub.AddDate(0, 0, -2),
		"earlier in the day": pub,
		"last week":          monday.AddDate(0, 0, -7),
		"next week":          monday.AddDate(0, 0, 7),
		"last month":         month.AddDate(0, -1, 0),
		"next month":         month.AddDate(0, 1, 0),
		"last year":          time.Date(pub.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC),
	}[m]
	if ok && !v.Equal(want) {
		return "want " + want.Format(time.DateOnly)
	}
	return ""
}

// checkEvent checks that an event's date comes from one of the case's time
// expressions, or is the publication date when the text gives none.
func checkEvent(c Case, e Event) string {
	if e.Precision == None {
		return ""
	}
	for _, tm := range c.Times {
		if tm.Value.Equal(e.Date) && tm.Precision == e.Precision {
			return ""
		}
	}
	return fmt.Sprintf("date %s %s is none of the case's time values", e.Date.Format(time.DateOnly), e.Precision)
}
