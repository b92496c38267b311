package dedup

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A Precision says how much of a mention's Date is meant: the day, the
// week starting that Monday, the month starting that 1st or the year
// starting that January 1. The values match package timex's; the zero
// Precision counts as Day.
type Precision uint8

// The precisions, finest first.
const (
	Day Precision = iota + 1
	Week
	Month
	Year
)

func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// ParsePrecision reads a precision as String writes it and as package
// record spells them ("day", "week", "month", "year"). It reports false
// for anything else, record's "publication" among them: a date taken from
// the publication date is the caller's to map.
func ParsePrecision(s string) (Precision, bool) {
	for p := Day; p <= Year; p++ {
		if s == p.String() {
			return p, true
		}
	}
	return 0, false
}

// A Place is where a mention says its event happened, as the geo stage
// resolved it. The zero Place is unknown.
type Place struct {
	// ID is the GeoNames id, 0 when unknown.
	ID int64
	// Lat and Lon are degrees; NaN (or both 0) when unknown.
	Lat, Lon float64
	// Radius is the place's extent in km (geo.Place.Radius): 0 for a
	// point or a town, tens of km for a region.
	Radius float64
	// Country is the ISO 3166-1 alpha-3 code, "" when unknown.
	Country string
}

// A Mention is one coded event in one article.
type Mention struct {
	ID        string
	ArticleID string
	// Original is the article ArticleID copies, from the article-level
	// dedup: Result.Original, or Result.Story at the mention's evidence
	// for copied sentences. "" means ArticleID itself. Mentions whose
	// articles share an Original count as one article.
	Original string
	// Source is the publisher.
	Source string
	// SourceActor and TargetActor are CAMEO actor codes ("SYRGOV"), ""
	// when unknown.
	SourceActor, TargetActor string
	// Code is the CAMEO event code ("190", "0233").
	Code  string
	Place Place
	// Date is the start of the period the event happened in (UTC), and
	// Precision its length; a zero Date is unknown.
	Date      time.Time
	Precision Precision
}

// An Event is the mentions of one real-world event, merged.
type Event struct {
	// ID is the ID of the event's first mention: stable as mentions join
	// it, but it depends on the order mentions came in. Partition makes
	// it the smallest mention ID instead.
	ID string
	// The most specific actors, code, place and date among the mentions:
	// these decide which new mentions may join.
	SourceActor, TargetActor string
	// Code is the most frequent code among the mentions (the most
	// specific, then the least, among equals).
	Code      string
	Place     Place
	Date      time.Time
	Precision Precision
	// Representative is the mention with the most specific facts (the
	// smallest ID among equals): the one to show as evidence.
	Representative Mention
	// Mentions lists the mention IDs, sorted.
	Mentions []string
	// NumMentions counts the mentions, NumSources their distinct non-empty
	// publishers and NumArticles their distinct articles, each family of
	// copies (Mention.Original) once.
	NumMentions, NumSources, NumArticles int
}

// MergeOptions tune a Merger. The zero value gives the defaults.
type MergeOptions struct {
	// PlaceSlack is the distance in km beyond the two places' radii
	// within which two places are the same. 0 means 10 km; negative, none.
	PlaceSlack float64
	// DateSlack widens each mention's period on both sides. 0 means none:
	// two mentions dated to the day must name the same day, so that two
	// strikes on one town on consecutive days stay two events.
	DateSlack time.Duration
}

// A Merger groups mentions of the same event across articles. A mention
// joins an event when
//
//   - its actors are compatible with the event's: equal, unknown ("") on
//     either side, or one a more specific form of the other, in whole
//     three-letter segments, at the front ("SYR" and "SYRGOV") or at the
//     back ("REB" and "SYRREB", a role without its country);
//   - its code has the event's CAMEO root (the first two digits:
//     "190" and "195" are both 19, fighting);
//   - its place is the event's: the same GeoNames id, or coordinates
//     within the sum of both radii and PlaceSlack; a place known only by
//     its country must have the event's country; an unknown place fits
//     any;
//   - its period overlaps the event's (after DateSlack): a day must be the
//     event's day or inside its week, month or year; an undated mention
//     merges only with undated ones.
//
// It is compared with the event's most specific facts, which every
// mention of the event agrees with. When several events fit, the one with
// the most facts equal to the mention's wins, then the one with more
// mentions, then the smaller ID; events are never merged with each other
// afterwards.
//
// Order: the partition does not depend on the order of the mentions when
// each mention fits exactly one event, which is the common case. A
// mention that fits two events (say "SYR" between "SYRGOV" and "SYRREB"
// mentions of one day and place) joins whichever exists and fits best when
// it comes, and a coarse mention that arrives first may hold together
// mentions that would otherwise form two events. The Representative, the
// facts and the counts of an event depend only on its mentions; its ID on
// their order. [Partition] groups a set of mentions the same whatever
// their order, with IDs from the mentions themselves.
//
// A Merger is safe for concurrent use. To rebuild one after a restart, add
// the stored mentions again in their original order.
type Merger struct {
	opt MergeOptions

	mu     sync.Mutex
	events []*cluster
	keys   []fitKey // what fit compares, by index in events
	// byID indexes events[:indexed] by event ID, for Event: Add leaves
	// that to it.
	byID    map[string]int32
	indexed int
	// buckets holds the candidate events by code root and week, in the
	// order they were started.
	buckets map[bucketKey][]bucketEntry
	// actorIDs numbers the actor codes seen, "" 0; actors and actorRefs
	// list them by number; segments numbers their three-letter segments
	// from 1.
	actorIDs  map[string]int32
	actors    []string
	actorRefs []actorRef
	segments  map[string]uint16
	// fitSets holds, by actor number, the numbers of the actors that fit
	// it, up to fitSetActors actors.
	fitSets      []fitSet
	fitSetActors int
	// seen[e] == visit marks the events Add has looked at for the
	// mention at hand, which is in several buckets when its period spans
	// several weeks.
	seen  []uint32
	visit uint32
}

// A cluster is an event being built.
type cluster struct {
	Event
	codes    tally
	sources  tally
	articles tally
	score    int // the Representative's specificity
	// The buckets it is in: its first mention's code root and weeks.
	root        string
	first, last int64
}

type bucketKey struct {
	root string
	week int64 // days since 1970-01-01 / 7; math.MinInt64 for undated
}

// A bucketEntry is an event in a bucket, with the number of its source
// actor, which the scan checks first: keeping it here saves a look-up in
// another array for every event the scan passes over.
type bucketEntry struct {
	event, source int32
}

// NewMerger returns an empty Merger.
func NewMerger(opt MergeOptions) *Merger {
	if opt.PlaceSlack == 0 {
		opt.PlaceSlack = 10
	}
	opt.PlaceSlack = max(opt.PlaceSlack, 0)
	opt.DateSlack = max(opt.DateSlack, 0)
	return &Merger{opt: opt, byID: map[string]int32{}, buckets: map[bucketKey][]bucketEntry{},
		actorIDs: map[string]int32{"": 0}, actors: []string{""}, actorRefs: []actorRef{{}}, segments: map[string]uint16{},
		fitSets: []fitSet{{}}, fitSetActors: maxFitSetActors}
}

// Add merges m into the event it belongs to, or starts one, and returns
// that event's ID and whether it was started.
func (g *Merger) Add(m Mention) (event string, created bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	root := codeRoot(m.Code)
	lo, hi := period(m.Date, m.Precision, g.opt.DateSlack)
	p := g.probe(&m, lo, hi)
	best, bestScore := int32(-1), -1
	if g.visit++; g.visit == 0 {
		clear(g.seen)
		g.visit = 1
	}
	first, last := weeks(m.Date, lo, hi)
	for w := first; w <= last; w++ {
		for _, b := range g.buckets[bucketKey{root, w}] {
			// The source actor first, with fits written out: this runs
			// for every event passed over. Looking at an event twice
			// changes nothing: seen only saves the work.
			e := b.event
			if s := p.sources; s != nil && !s.has(b.source) || s == nil && !g.actorsFit(&p.key.source, &g.actorRefs[b.source]) ||
				g.seen[e] == g.visit {
				continue
			}
			g.seen[e] = g.visit
			s, ok := g.fit(&m, &p, e)
			if !ok {
				continue
			}
			if best < 0 || s > bestScore || s == bestScore && betterCluster(g.events[e], g.events[best]) {
				best, bestScore = e, s
			}
		}
	}
	if best < 0 {
		c := &cluster{
			Event: Event{ID: m.ID},
			score: -1,
			root:  root,
			first: first,
			last:  last,
		}
		best = int32(len(g.events))
		g.events = append(g.events, c)
		g.keys = append(g.keys, fitKey{})
		g.seen = append(g.seen, 0)
		created = true
	}
	c, k := g.events[best], &g.keys[best]
	source := k.source.id
	c.add(&m, &p.key, k)
	switch {
	case created:
		for w := first; w <= last; w++ {
			bk := bucketKey{root, w}
			g.buckets[bk] = append(g.buckets[bk], bucketEntry{best, k.source.id})
		}
	case k.source.id != source:
		for w := c.first; w <= c.last; w++ {
			b := g.buckets[bucketKey{c.root, w}]
			i, _ := slices.BinarySearchFunc(b, best, func(b bucketEntry, e int32) int { return cmp.Compare(b.event, e) })
			b[i].source = k.source.id
		}
	}
	return c.ID, created
}

func betterCluster(a, b *cluster) bool {
	if a.NumMentions != b.NumMentions {
		return a.NumMentions > b.NumMentions
	}
	return a.ID < b.ID
}

// Event returns a copy of the event with this ID.
func (g *Merger) Event(id string) (Event, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for ; g.indexed < len(g.events); g.indexed++ {
		g.byID[g.events[g.indexed].ID] = int32(g.indexed)
	}
	if i, ok := g.byID[id]; ok {
		return g.events[i].snapshot(), true
	}
	return Event{}, false
}

// Events returns copies of all events, in the order they were started.
func (g *Merger) Events() []Event {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]Event, len(g.events))
	for i, c := range g.events {
		out[i] = c.snapshot()
	}
	return out
}

func (c *cluster) snapshot() Event {
	e := c.Event
	e.Mentions = slices.Clone(c.Mentions)
	return e
}

// add puts m, whose fitKey is mk, into the cluster and updates its facts
// and counts, and its fitKey k.
func (c *cluster) add(m *Mention, mk, k *fitKey) {
	c.Mentions = append(c.Mentions, "")
	i, _ := slices.BinarySearch(c.Mentions[:len(c.Mentions)-1], m.ID)
	copy(c.Mentions[i+1:], c.Mentions[i:])
	c.Mentions[i] = m.ID
	c.NumMentions++
	if m.Source != "" {
		c.sources.add(m.Source)
	}
	art := m.Original
	if art == "" {
		art = m.ArticleID
	}
	c.articles.add(art)
	c.NumSources, c.NumArticles = c.sources.len(), c.articles.len()

	if len(m.SourceActor) > len(c.SourceActor) {
		c.SourceActor, k.source = m.SourceActor, mk.source
	}
	if len(m.TargetActor) > len(c.TargetActor) {
		c.TargetActor, k.target = m.TargetActor, mk.target
	}
	// Only m's code counts one more: it is the most frequent now or the
	// event's code stays.
	if n, code := c.codes.add(m.Code), c.Code; m.Code != code {
		if best := c.codes.count(code); c.NumMentions == 1 || n > best || n == best && (len(m.Code) > len(code) || len(m.Code) == len(code) && m.Code < code) {
			c.Code = m.Code
		}
	}
	if placeRank(m.Place) > placeRank(c.Place) || placeRank(m.Place) == placeRank(c.Place) && hasCoords(m.Place) &&
		(m.Place.Radius < c.Place.Radius || m.Place.Radius == c.Place.Radius && m.Place.ID < c.Place.ID) {
		c.Place = m.Place
		k.place = mk.place
	}
	if c.NumMentions == 1 || !m.Date.IsZero() && (precision(m.Precision) < precision(c.Precision) ||
		precision(m.Precision) == precision(c.Precision) && m.Date.Before(c.Date)) {
		c.Date, c.Precision = m.Date, precision(m.Precision)
		k.dated, k.lo, k.hi = mk.dated, mk.lo, mk.hi
	}
	if s := specificity(m); s > c.score || s == c.score && m.ID < c.Representative.ID {
		c.Representative, c.score = *m, s
	}
}

// actorsFit reports whether two actor codes may name the same actor.
func actorsFit(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a)%3 != 0 || len(b)%3 != 0 {
		return false
	}
	return strings.HasPrefix(b, a) || strings.HasSuffix(b, a)
}

// codeRoot returns a CAMEO code's root: its first two digits.
func codeRoot(code string) string {
	if len(code) > 2 {
		return code[:2]
	}
	return code
}

func hasCoords(p Place) bool {
	return !math.IsNaN(p.Lat) && !math.IsNaN(p.Lon) && (p.Lat != 0 || p.Lon != 0) &&
		p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180
}

// placeRank orders places by how much they say: coordinates, then a
// country alone, then nothing.
func placeRank(p Place) int {
	switch {
	case hasCoords(p):
		return 2
	case p.Country != "":
		return 1
	}
	return 0
}

// earthRadius is the mean radius of the earth in km.
const earthRadius = 6371.0088

// haversine returns the great-circle distance in km.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = earthRadius
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, h)))
}

func precision(p Precision) Precision {
	if p < Day || p > Year {
		return Day
	}
	return p
}

// period returns the half-open period [lo, hi) a date of this precision
// covers, widened by slack on both sides.
func period(d time.Time, p Precision, slack time.Duration) (lo, hi time.Time) {
	d = d.UTC()
	switch precision(p) {
	case Week:
		hi = d.AddDate(0, 0, 7)
	case Month:
		hi = d.AddDate(0, 1, 0)
	case Year:
		hi = d.AddDate(1, 0, 0)
	default:
		hi = d.AddDate(0, 0, 1)
	}
	return d.Add(-slack), hi.Add(slack)
}

// weeks returns the first and last bucket a period falls in.
func weeks(d, lo, hi time.Time) (first, last int64) {
	if d.IsZero() {
		return math.MinInt64, math.MinInt64
	}
	const week = int64(7 * 24 * time.Hour / time.Second)
	return floorDiv(lo.Unix(), week), floorDiv(hi.Add(-time.Nanosecond).Unix(), week)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// specificity scores how much a mention says, to pick the Representative.
func specificity(m *Mention) int {
	s := len(m.SourceActor) + len(m.TargetActor) + len(m.Code) + 4*placeRank(m.Place)
	if m.Place.ID != 0 {
		s += 2
	}
	if !m.Date.IsZero() {
		s += 2 * int(Year+1-precision(m.Precision))
	}
	return s
}

// A tally counts strings: in a slice while there are few, as in most
// events, and in a map past manyTally.
type tally struct {
	few  []tallied
	many map[string]int
}

type tallied struct {
	s string
	n int
}

const manyTally = 8

// add counts s once more and returns its count.
func (t *tally) add(s string) int {
	if t.many != nil {
		t.many[s]++
		return t.many[s]
	}
	for i := range t.few {
		if t.few[i].s == s {
			t.few[i].n++
			return t.few[i].n
		}
	}
	if len(t.few) < manyTally {
		t.few = append(t.few, tallied{s, 1})
		return 1
	}
	t.many = make(map[string]int, 2*manyTally)
	for _, x := range t.few {
		t.many[x.s] = x.n
	}
	t.few = nil
	t.many[s] = 1
	return 1
}

func (t *tally) count(s string) int {
	if t.many != nil {
		return t.many[s]
	}
	for _, x := range t.few {
		if x.s == s {
			return x.n
		}
	}
	return 0
}

// len returns the number of different strings counted.
func (t *tally) len() int {
	if t.many != nil {
		return len(t.many)
	}
	return len(t.few)
}
