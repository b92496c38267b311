package enrichcorpus

import (
	"slices"
	"time"

	"sitrep/nlp"
)

// File is the corpus's path relative to the module root, slash-separated.
const File = "testdata/enrich/corpus.txt"

// A Case is one text with its gold annotations.
type Case struct {
	ID   string
	Line int // line of the "== id" header
	// Pub is the publication date (UTC midnight) that relative time
	// expressions resolve against.
	Pub time.Time
	// Text is the news text: its continuation lines joined by single spaces.
	// All spans index it.
	Text string

	Places []Place
	Times  []Time
	Counts []Count
	Events []Event
	Quotes []Quote
	// Nots lists traps: text that looks like an annotation of a kind but is
	// none ("May" as a verb, "Sunday Times", "Resolution 2254").
	Nots []Not
}

// A PlacePrecision says how fine a place is.
type PlacePrecision string

// Valid reports whether p is one of the place precisions.
func (p PlacePrecision) Valid() bool {
	return slices.Contains([]PlacePrecision{Country, Region, City, Subcity}, p)
}

// The place precisions, coarsest first.
const (
	Country PlacePrecision = "country"
	Region  PlacePrecision = "region" // an admin1 unit or a named or derived area within a country
	City    PlacePrecision = "city"   // a populated place
	Subcity PlacePrecision = "subcity"
)

// A Place is a place mention with its gold resolution.
type Place struct {
	Line    int
	Mention string   // as written in the text
	Span    nlp.Span // of Mention in Case.Text
	Name    string   // the gold place's name (GeoNames' where it has one)
	Country string   // ISO 3166-1 alpha-3
	Lat     float64  // degrees; a GeoNames place's coordinates, an area's centre
	Lon     float64
	// GeoNameID is the GeoNames id of the place, admin1 region or country;
	// 0 for a derived area.
	GeoNameID int
	Precision PlacePrecision
	// Actor marks a place name that acts by grammar ("Jordan is delivering
	// aid", "Kyiv and Moscow blamed each other"), not a location.
	Actor bool
	// Derived marks an area GeoNames has no entry for ("southern Syria", a
	// border area, a town missing from cities500), with a centre estimated
	// by hand. GeoNameID is 0 exactly when Derived is set.
	Derived bool
}

// A TimePrecision says how much of a date is known.
type TimePrecision string

// Valid reports whether p is one of the time precisions.
func (p TimePrecision) Valid() bool {
	return slices.Contains([]TimePrecision{Day, Week, Month, Year, None}, p)
}

// The time precisions. None is for an event date with no cue in the text:
// the date is then the publication date.
const (
	Day   TimePrecision = "day"
	Week  TimePrecision = "week"  // the date is the Monday of the week
	Month TimePrecision = "month" // the date is the first of the month
	Year  TimePrecision = "year"  // the date is January 1
	None  TimePrecision = "none"
)

// A Time is a time expression with its resolved value.
type Time struct {
	Line      int
	Mention   string
	Span      nlp.Span
	Value     time.Time // UTC midnight, truncated to Precision
	Precision TimePrecision
}

// A CountType is what a count counts.
type CountType string

// The count types.
const (
	Killed    CountType = "killed"
	Wounded   CountType = "wounded"
	Displaced CountType = "displaced"
	Refugees  CountType = "refugees"
	Arrested  CountType = "arrested"
	Abducted  CountType = "abducted"
	Missing   CountType = "missing"
)

// Valid reports whether t is one of the count types.
func (t CountType) Valid() bool {
	return slices.Contains([]CountType{Killed, Wounded, Displaced, Refugees, Arrested, Abducted, Missing}, t)
}

// A Qualifier says how a count's number bounds the true figure.
type Qualifier string

// The qualifiers. Vague is for quantity words ("dozens" 24, "hundreds" 200,
// "thousands" 2000, "hundreds of thousands" 200000): the number is the
// smallest value the word allows.
const (
	Exact    Qualifier = ""
	AtLeast  Qualifier = "at least"
	MoreThan Qualifier = "more than"
	Nearly   Qualifier = "nearly"
	About    Qualifier = "about"
	UpTo     Qualifier = "up to"
	Vague    Qualifier = "vague"
)

// Valid reports whether q is one of the qualifiers.
func (q Qualifier) Valid() bool {
	return slices.Contains([]Qualifier{Exact, AtLeast, MoreThan, Nearly, About, UpTo, Vague}, q)
}

// A Count is a figure of people killed, wounded, displaced and so on.
type Count struct {
	Line      int
	Type      CountType
	Number    int
	Qualifier Qualifier
	// Object is the noun counted ("civilians"), "" when the text has none
	// ("wounding nearly 200").
	Object string
	Span   nlp.Span // of Object; zero when Object is ""
}

// An Event is a main event of the text: the verb or event noun that carries
// it, where and when it happened.
type Event struct {
	Line int
	Verb string // the verb or event noun as written ("shelled", "air strike")
	Span nlp.Span
	// Location is the Mention of the place the event happened at, "" when
	// the text does not say; Place indexes it in Case.Places (-1 for none).
	Location  string
	Place     int
	Date      time.Time
	Precision TimePrecision // None when the text gives no date: Date is then Pub
}

// A Quote is a direct quote and who said it.
type Quote struct {
	Line  int
	Start string   // the first words inside the quotation marks
	Span  nlp.Span // of Start
	// Speaker is the speaker as written ("a camp resident", "he");
	// SpeakerSpan is its occurrence nearest to the quote.
	Speaker     string
	SpeakerSpan nlp.Span
	// Code is the speaker's CAMEO actor code when the speaker is a known
	// organization, country or leader (NGOHLHMSF, USAGOV), else "".
	Code string
}

// A Not is text that is no annotation of Kind although it looks like one.
type Not struct {
	Line    int
	Kind    string // "place", "time", "count", "event" or "quote"
	Mention string
	Span    nlp.Span
}
