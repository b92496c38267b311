package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"sitrep/event"
	"sitrep/geo"
	"sitrep/store"
)

// A Format is an output format of Writer.
type Format string

// The formats.
const (
	GDELT   Format = "gdelt"   // GDELT 2.0 Events, 61 tab-separated columns
	PLOVER  Format = "plover"  // PLOVER/POLECAT-style JSON Lines
	ACLED   Format = "acled"   // ACLED-style CSV
	GeoJSON Format = "geojson" // a GeoJSON FeatureCollection of points
	CSV     Format = "csv"     // plain CSV of the main fields
)

// Formats lists the formats in the order `sitrep export --help` shows them.
func Formats() []Format { return []Format{GDELT, PLOVER, ACLED, GeoJSON, CSV} }

// ErrFormat is returned for a format name NewWriter does not know.
var ErrFormat = errors.New("export: unknown format")

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("export: writer closed")

// ParseFormat returns the format named s ("gdelt", "plover", "acled",
// "geojson", "csv"; also "jsonl" for PLOVER).
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case GDELT, PLOVER, ACLED, GeoJSON, CSV:
		return f, nil
	case "jsonl":
		return PLOVER, nil
	}
	return "", fmt.Errorf("%w %q (want one of gdelt, plover, acled, geojson, csv)", ErrFormat, s)
}

// A Writer writes events in one format, one at a time, to an io.Writer.
// It buffers: nothing is certain to reach the io.Writer before Close.
// A Writer is not safe for concurrent use.
type Writer interface {
	// Write writes one event, or skips it when the format cannot hold it
	// (see Skipped). Its signature fits store.Store.EachEvent.
	Write(ev store.Event) error
	// Close writes what the format needs after the last event (the GeoJSON
	// footer) and flushes. It does not close the io.Writer.
	Close() error
	// Written and Skipped count the events written and those left out:
	// GeoJSON's events without a location and ACLED's events of a CAMEO
	// code that is no ACLED event type. The other formats skip none.
	Written() int
	Skipped() int
}

// Options tune the writers. The zero value, or a nil *Options, uses the
// embedded tables and writes 0 fatalities.
type Options struct {
	// Tables gives country codes, names and regions and the ACLED types;
	// nil: DefaultTables.
	Tables *Tables
	// Ontology gives the PLOVER contexts of CAMEO codes; nil:
	// event.DefaultOntology.
	Ontology *event.Ontology
	// Gazetteer, when set, gives GDELT's ADM1Code its region part (the
	// GeoNames admin1 code of the event's place); nil: ADM1Code is the
	// FIPS country code alone, as GDELT writes it for a country.
	Gazetteer *geo.Gazetteer
	// Fatalities gives ACLED's fatalities column for an event, and the
	// GeoJSON and CSV fatalities fields; nil: 0 for every event. This is
	// the hook for the killed counts (record.Count of type "killed" linked
	// to the event), which store.Event does not carry.
	Fatalities func(ev *store.Event) int64
}

// NewWriter returns a Writer of format f on w.
func NewWriter(f Format, w io.Writer, opt *Options) (Writer, error) {
	var o Options
	if opt != nil {
		o = *opt
	}
	if o.Tables == nil {
		t, err := DefaultTables()
		if err != nil {
			return nil, err
		}
		o.Tables = t
	}
	if o.Ontology == nil && f == PLOVER {
		onto, err := event.DefaultOntology()
		if err != nil {
			return nil, err
		}
		o.Ontology = onto
	}
	b := base{out: bufio.NewWriterSize(w, 64<<10), opt: o}
	switch f {
	case GDELT:
		return &gdeltWriter{base: b}, nil
	case PLOVER:
		return newPloverWriter(b), nil
	case ACLED:
		return newACLEDWriter(b), nil
	case GeoJSON:
		return newGeoJSONWriter(b), nil
	case CSV:
		return newCSVWriter(b), nil
	}
	return nil, fmt.Errorf("%w %q", ErrFormat, string(f))
}

// base is what every writer has: the buffered output, the options and the
// counts.
type base struct {
	out              *bufio.Writer
	opt              Options
	written, skipped int
	closed           bool
	err              error // the first write error; sticky
}

func (b *base) Written() int { return b.written }
func (b *base) Skipped() int { return b.skipped }

// check returns the error that stops every further Write.
func (b *base) check() error {
	if b.closed {
		return ErrClosed
	}
	return b.err
}

// fail records the first output error and returns it.
func (b *base) fail(err error) error {
	if err != nil && b.err == nil {
		b.err = fmt.Errorf("export: %w", err)
	}
	return b.err
}

func (b *base) close() error {
	if b.closed {
		return b.err
	}
	b.closed = true
	if b.err != nil {
		return b.err
	}
	return b.fail(b.out.Flush())
}

func (b *base) fatalities(ev *store.Event) int64 {
	if b.opt.Fatalities == nil {
		return 0
	}
	return b.opt.Fatalities(ev)
}

// NumericID returns a stable positive int64 for an event ID: FNV-1a over
// the ID, its sign bit cleared. GDELT's GLOBALEVENTID and ACLED's
// event_id_cnty use it. Distinct IDs collide with a probability of about
// n²/2⁶⁴ for n events, about 3·10⁻⁸ for a million.
func NumericID(id string) int64 {
	h := uint64(14695981039346656037) // FNV-1a 64 offset basis
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	n := int64(h &^ (1 << 63))
	if n == 0 {
		n = 1
	}
	return n
}

// A day is a parsed YYYY-MM-DD date.
type day struct {
	y, m, d int
	ok      bool
}

// parseDay reads a YYYY-MM-DD date; ok is false for nil or anything else.
func parseDay(s *string) day {
	if s == nil || len(*s) != 10 || (*s)[4] != '-' || (*s)[7] != '-' {
		return day{}
	}
	v := *s
	y, err1 := strconv.Atoi(v[0:4])
	m, err2 := strconv.Atoi(v[5:7])
	d, err3 := strconv.Atoi(v[8:10])
	if err1 != nil || err2 != nil || err3 != nil || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return day{}
	}
	return day{y, m, d, true}
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if leap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// yday is the day of the year, 1 for January 1st.
func (d day) yday() int {
	n := d.d
	for m := 1; m < d.m; m++ {
		n += daysIn(d.y, m)
	}
	return n
}

// fraction is the year and the share of it gone before the day: GDELT's
// FractionDate, 2024.0000 for January 1st and never the next year.
func (d day) fraction() float64 {
	n := 365.0
	if leap(d.y) {
		n = 366
	}
	return float64(d.y) + float64(d.yday()-1)/n
}

// unix is the Unix time of the day's midnight UTC.
func (d day) unix() int64 {
	// Days since 1970-01-01 by the civil-from-days inverse (Hinnant).
	y, m := int64(d.y), int64(d.m)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(d.d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return (era*146097 + doe - 719468) * 86400
}

// appendDigits appends n as exactly width decimal digits, zero-padded.
func appendDigits(b []byte, n, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for ; width > 0 || n > 0; width-- {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, buf[i:]...)
}

// validPoint reports whether lat, lon is a WGS84 point RFC 7946 accepts.
func validPoint(lat, lon float64) bool {
	return !math.IsNaN(lat) && !math.IsNaN(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
}

// appendCoord appends a coordinate with 4 decimals (about 11 m), as GDELT
// and ACLED do.
func appendCoord(b []byte, v float64) []byte {
	if math.Abs(v) < 0.00005 {
		v = 0 // no "-0.0000"
	}
	return strconv.AppendFloat(b, v, 'f', 4, 64)
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// precisionOf maps record.Location.Precision to the coarse geography of an
// event: 1 country, 2 region, 3 city (city and sub-city).
func precisionOf(loc string) int {
	switch loc {
	case "country":
		return 1
	case "region":
		return 2
	}
	return 3
}
