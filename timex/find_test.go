package timex

import (
	"context"
	"slices"
	"testing"
	"time"

	"sitrep/nlp"
)

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// thursday is the seed article's publication date.
var thursday = ymd(2018, 7, 5)

func TestFind(t *testing.T) {
	r := mustDefault(t)
	tests := []struct {
		name string
		pub  time.Time
		text string
		want []string // as Expr.String writes them
	}{
		{"empty", thursday, "", nil},
		{"punctuation only", thursday, "... !!", nil},
		{"weekday on the publication day", thursday, "Talks ended on Thursday.", []string{"on Thursday | 2018-07-05 day"}},
		{"possessive weekday", thursday, "Tuesday's raid killed four.", []string{"Tuesday | 2018-07-03 day"}},
		{"lower-case weekday is no name", thursday, "The sunday market was busy.", nil},
		{"all capitals", thursday, "CLASHES ERUPT IN DARAA ON MONDAY", []string{"ON MONDAY | 2018-07-02 day"}},
		{"weekday before a date", thursday, "The raid on Monday, July 2, 2018 was the first.", []string{"on Monday, July 2, 2018 | 2018-07-02 day"}},
		{"abbreviated weekday only before a date", thursday, "The Sun reported it. Troops left on Wed., July 4.", []string{"on Wed., July 4 | 2018-07-04 day"}},
		{"newspaper", thursday, "According to the Sunday Herald, the deal collapsed.", nil},
		{"next weekday", thursday, "The vote is next Thursday.", []string{"next Thursday | 2018-07-12 day future"}},
		{"last weekday", thursday, "The vote was last Thursday.", []string{"last Thursday | 2018-06-28 day"}},
		{"leap day without a year", ymd(2018, 7, 5), "The convoy left on February 29.", []string{"on February 29 | 2016-02-29 day"}},
		{"no such day", thursday, "The convoy left on February 30, 2018.", nil},
		{"no such day, day first", thursday, "The convoy left on 31 June.", nil},
		{"month 13", thursday, "Filed 2018-13-01.", nil},
		{"year out of range", thursday, "It happened on July 4, 3018.", []string{"on July 4 | 2018-07-04 day"}},
		{"overflowing count", thursday, "It began 9999 decades ago.", nil},
		{"huge number", thursday, "It began 99999999999999999999 years ago.", nil},
		{"hours ago", thursday, "The blast happened hours ago.", []string{"hours ago | 2018-07-05 day approx"}},
		{"fortnight", thursday, "It fell a fortnight ago.", []string{"a fortnight ago | 2018-06-21 day"}},
		{"hyphenated count", thursday, "It began twenty-one years ago.", []string{"twenty-one years ago | 1997-01-01 year"}},
		{"decade with apostrophe", thursday, "the violence of the 1990's", []string{"of the 1990's | 1990-01-01 year approx"}},
		{"mid decade", thursday, "In the mid-1990s the town grew.", []string{"In the mid-1990s | 1990-01-01 year approx"}},
		{"year with possessive", thursday, "2014's offensive failed.", []string{"2014's | 2014-01-01 year"}},
		{"year as a count", thursday, "Some 2000 people fled.", nil},
		{"month range", thursday, "Fighting raged from March to May.", []string{"from March | 2018-03-01 month", "May | 2018-05-01 month"}},
		{"next month name", thursday, "Elections are due next March.", []string{"next March | 2019-03-01 month future"}},
		{"last month name", thursday, "Elections were held last July.", []string{"last July | 2017-07-01 month"}},
		{"future month", thursday, "The troops will leave in September.", []string{"in September | 2018-09-01 month future"}},
		{"coming day within the window", thursday, "The deadline is July 15.", []string{"July 15 | 2018-07-15 day future"}},
		{"American numeric date", thursday, "Issued 7/25/2018.", []string{"7/25/2018 | 2018-07-25 day future"}},
		{"same day and month", thursday, "Issued 07/07/2018.", []string{"07/07/2018 | 2018-07-07 day future"}},
		{"anchor from the sentence before", thursday, "Rebels attacked on Monday. The following day they withdrew.", []string{"on Monday | 2018-07-02 day", "The following day | 2018-07-03 day"}},
		{"anchor too far back", thursday, "Rebels attacked on Monday. Talks failed. The following day they withdrew.", []string{"on Monday | 2018-07-02 day"}},
		{"earlier in the day without an anchor", thursday, "Talks failed earlier in the day.", []string{"earlier in the day | 2018-07-05 day"}},
		{"weekend on a Thursday", thursday, "Shelling continued at the weekend.", []string{"at the weekend | 2018-06-30 day approx"}},
		{"next weekend", thursday, "Talks resume next weekend.", []string{"next weekend | 2018-07-07 day approx future"}},
		{"part after yesterday", thursday, "Shells fell yesterday evening.", []string{"yesterday evening | 2018-07-04 day evening"}},
		{"a year ago across New Year", ymd(2019, 1, 2), "A year ago the city fell.", []string{"A year ago | 2018-01-01 year"}},
		{"a month ago at month end", ymd(2018, 3, 31), "It began a month ago.", []string{"a month ago | 2018-02-01 month"}},
		{"last week on a Sunday", ymd(2018, 7, 8), "It began last week.", []string{"last week | 2018-06-25 week"}},
		{"named date", thursday, "Since 9/11 the war has gone on.", []string{"Since 9/11 | 2001-09-11 day"}},
		{"qualifiers without an expression", thursday, "They fought in early and late battles.", nil},
		{"publication time of day is ignored", time.Date(2018, 7, 5, 23, 59, 0, 0, time.FixedZone("X", -11*3600)), "It rained yesterday.", []string{"yesterday | 2018-07-04 day"}},
		{"publication date out of range", time.Time{}, "It rained yesterday and on Monday.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range r.Find(parse(t, tt.text), tt.pub) {
				got = append(got, e.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q)\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestFields checks the fields String does not show.
func TestFields(t *testing.T) {
	r := mustDefault(t)
	text := "Syria said so. Rebels were divided on Monday over the deals, and in 2015 the town fell."
	doc := parse(t, text)
	got := r.Find(doc, thursday)
	if len(got) != 2 {
		t.Fatalf("got %v, want 2 expressions", got)
	}
	mon, y := got[0], got[1]
	if mon.Text != "on Monday" || mon.Sentence != 1 || mon.Prep != "on" || !mon.Relative || mon.Future {
		t.Errorf("on Monday: %+v", mon)
	}
	if doc.Tokens[mon.First].Form != "on" || doc.Tokens[mon.Limit-1].Form != "Monday" || doc.Tokens[mon.Head].Form != "Monday" {
		t.Errorf("on Monday: tokens %d..%d head %d", mon.First, mon.Limit, mon.Head)
	}
	if y.Text != "in 2015" || y.Prep != "in" || y.Relative || doc.Tokens[y.Head].Form != "2015" {
		t.Errorf("in 2015: %+v", y)
	}
}

// TestWithoutTags runs on a Doc that is only tokenized: no tags, no parse.
func TestWithoutTags(t *testing.T) {
	r := mustDefault(t)
	doc := &nlp.Doc{Text: "Talks will resume on Monday. Last week, 3 days ago, in May 2017."}
	if err := (nlp.Pipeline{&nlp.Segmenter{}, &nlp.Tokenizer{}}).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range r.Find(doc, thursday) {
		got = append(got, e.String())
		if doc.Tokens[e.Head].Form == "on" {
			t.Errorf("%q: head is the preposition", e.Text)
		}
	}
	want := []string{
		"on Monday | 2018-07-02 day", // no parse: the tense is not known
		"Last week | 2018-06-25 week",
		"3 days ago | 2018-07-02 day",
		"in May 2017 | 2017-05-01 month",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestNilDoc(t *testing.T) {
	r := mustDefault(t)
	if got := r.Find(nil, thursday); got != nil {
		t.Errorf("Find(nil) = %v", got)
	}
	if got := r.Find(&nlp.Doc{Text: "on Monday"}, thursday); got != nil {
		t.Errorf("Find(untokenized) = %v", got)
	}
}

func TestPrecision(t *testing.T) {
	for p := Day; p <= Year; p++ {
		q, err := ParsePrecision(p.String())
		if err != nil || q != p {
			t.Errorf("ParsePrecision(%q) = %v, %v", p.String(), q, err)
		}
	}
	if _, err := ParsePrecision("decade"); err == nil {
		t.Error("ParsePrecision(decade) did not fail")
	}
	if s := Precision(0).String(); s != "Precision(0)" {
		t.Errorf("Precision(0).String() = %q", s)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   time.Time
		p    Precision
		want time.Time
	}{
		{ymd(2018, 7, 5), Day, ymd(2018, 7, 5)},
		{ymd(2018, 7, 5), Week, ymd(2018, 7, 2)},
		{ymd(2018, 7, 2), Week, ymd(2018, 7, 2)},
		{ymd(2018, 7, 8), Week, ymd(2018, 7, 2)},
		{ymd(2020, 1, 2), Week, ymd(2019, 12, 30)},
		{ymd(2018, 7, 5), Month, ymd(2018, 7, 1)},
		{ymd(2018, 7, 5), Year, ymd(2018, 1, 1)},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.p); !got.Equal(tt.want) {
			t.Errorf("truncate(%s, %s) = %s, want %s", tt.in.Format(time.DateOnly), tt.p, got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
		}
	}
}

func TestFoldAll(t *testing.T) {
	forms := []string{"Monday", "monday", "Jul.", "'s", "’s", "O'Brien", "`", "Ḥamāh", "–", "2018-07-04", "ALL", "", "x"}
	toks := make([]nlp.Token, len(forms))
	for i, f := range forms {
		toks[i].Form = f
	}
	for i, got := range foldAll(toks) {
		if want := nlp.Fold(forms[i]); got != want {
			t.Errorf("foldAll(%q) = %q, want %q", forms[i], got, want)
		}
	}
}
