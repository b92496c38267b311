package store

import (
	"context"
	"errors"
	"time"

	"sitrep/record"
)

// ErrNotFound is returned for an ID the store does not hold.
var ErrNotFound = errors.New("store: not found")

// ErrCursor is returned for a cursor the store did not make.
var ErrCursor = errors.New("store: bad cursor")

// ErrQuery is returned for a Query that cannot be run: a date that is
// not YYYY-MM-DD, a bounding box out of range, a full-text query that
// does not parse.
var ErrQuery = errors.New("store: bad query")

// A Store keeps coded articles and answers queries over their events.
// Implementations are safe for concurrent use.
type Store interface {
	// Put stores one coded article with its dedup result and the merged
	// events its mentions joined. It reports added=false, and changes
	// nothing, when the article's ID is already stored.
	Put(ctx context.Context, in *Ingest) (added bool, err error)
	// Has reports whether the article is stored.
	Has(ctx context.Context, articleID string) (bool, error)
	// Article returns the stored record of an article and its dedup facts.
	Article(ctx context.Context, id string) (*ArticleDetail, error)
	// Event returns a merged event with all its mentions.
	Event(ctx context.Context, id string) (*EventDetail, error)
	// Events returns one page of merged events matching q, newest first,
	// and the cursor of the next page ("" at the end). The order is by the
	// date the event had when first stored (a merged event's date may be
	// refined later; its place in the order is not), undated events last,
	// then by ID. A cursor the store did not make gives ErrCursor.
	Events(ctx context.Context, q Query) (events []Event, next string, err error)
	// EachEvent calls fn for every merged event matching q (q.Limit and
	// q.Cursor aside) in the order of Events, without holding them all in
	// memory; it stops at fn's first error and returns it.
	EachEvent(ctx context.Context, q Query, fn func(Event) error) error
	// Stats counts the merged events matching q by day and by type.
	Stats(ctx context.Context, q Query) (*Stats, error)
	// Fingerprints calls fn for every stored article's dedup record in the
	// order the articles were added, to rebuild a dedup.Index.
	Fingerprints(ctx context.Context, fn func(Fingerprint) error) error
	// Mentions calls fn for every stored mention in the order they were
	// added, to rebuild a dedup.Merger.
	Mentions(ctx context.Context, fn func(Mention) error) error
	// Summary counts what the store holds.
	Summary(ctx context.Context) (*Summary, error)
	Close() error
}

// Ingest is one coded article on its way into the store.
type Ingest struct {
	// Article is the coded record; Body the article's body text, which
	// every span of Article points into.
	Article *record.Article
	Body    string
	// DateFrom says how the publication date was found (article.DateFrom).
	DateFrom string
	// Dedup is what deduplication found; nil when it was not run.
	Dedup *Dedup
	// Mentions gives, for each of Article.Events in order, the facts the
	// merger used; Merged the state of every merged event those mentions
	// joined, after they joined (created or grown). Every Mention.Merged
	// must be in Merged, and every Merged.Representative must be a mention
	// of this article or of one stored before.
	//
	// When Mentions is nil (events were not merged), each event is stored
	// as a merged event of its own: its ID is the event's, its one mention
	// is the representative, and its counts are 1 (NumSources 0 when the
	// article names no source).
	Mentions []Mention
	Merged   []Merged
	// MergeLater leaves the merged events to the store's next Remerge
	// (see Remerger): every mention is stored as an event of its own,
	// pending, Mention.Merged and Merged are ignored, and no merged event
	// is written, so the article's events are listed only after that
	// remerge. An ingest that remerges anyway saves the writes.
	MergeLater bool
}

// Dedup is the article-level result of deduplication.
type Dedup struct {
	ExactOf    string  `json:"exact_of"`   // "" for none
	NearOf     string  `json:"near_of"`    // "" for none
	Similarity float64 `json:"similarity"` // to NearOf
	Original   string  `json:"original"`   // the first article of its family of copies
	Stitched   bool    `json:"stitched"`
	Copied     float64 `json:"copied"` // share of words in copied sentences
	// Sources are the earlier articles that gave part of this one; a
	// store gives back nil for none.
	Sources []string `json:"sources"`
	// Sentences gives, for each sentence (by record.Sentence.Index) that
	// was copied, the article and sentence it came from; a store gives
	// back nil for none.
	Sentences []SentenceOrigin `json:"sentences"`
	// Fingerprint is dedup.Fingerprint.MarshalBinary's bytes; nil for
	// none. It is not part of the JSON form.
	Fingerprint []byte `json:"-"`
}

// A SentenceOrigin says where one sentence of an article was first seen.
type SentenceOrigin struct {
	Sentence        int    `json:"sentence"`
	Article         string `json:"article"`
	ArticleSentence int    `json:"article_sentence"`
}

// A Fingerprint is what the store gives back to rebuild the dedup index
// (a dedup.Record).
type Fingerprint struct {
	ArticleID string
	Source    string // the article's Meta.Source
	// Time is the article's publication date at 00:00 UTC; zero when
	// unknown.
	Time  time.Time
	Bytes []byte
}

// A Mention is one coded event of one article, as deduplication sees it.
type Mention struct {
	// EventID is the record.Event's ID; Merged the merged event it joined.
	EventID, ArticleID, Merged string
	Original                   string // the article's family (dedup.Result.Original)
	Source                     string // publisher
	SourceActor, TargetActor   string
	Code                       string
	GeonamesID                 int
	// Lat and Lon are degrees, NaN when unknown (a store gives back NaN
	// for a NaN it was given); Radius is the place's extent in km
	// (dedup.Place.Radius).
	Lat, Lon, Radius float64
	Country          string
	Date             string // YYYY-MM-DD, "" unknown
	Precision        string // record.DatePrecision*
}

// Merged is the state of one merged event.
type Merged struct {
	ID string
	// Representative is the ID of the mention shown as its evidence.
	Representative                       string
	NumMentions, NumSources, NumArticles int
}

// An Event is a merged event as queries return it: its representative
// mention in the shape of `sitrep code`'s events, plus the article it came
// from and the merged counts.
type Event struct {
	// Event is the representative mention. Its ID is the mention's
	// (Representative in JSON); ID below is the merged event's.
	record.Event
	// ID is the merged event's ID, the one Store.Event takes (in JSON it
	// takes the place of the mention's).
	ID string `json:"id"`
	// Representative is the representative mention's ID (Event.Event.ID).
	Representative string      `json:"representative"`
	Article        record.Meta `json:"article"`
	NumMentions    int         `json:"num_mentions"`
	NumSources     int         `json:"num_sources"`
	NumArticles    int         `json:"num_articles"`
}

// EventDetail is a merged event with every mention.
type EventDetail struct {
	Event
	Mentions []EventMention `json:"mentions"`
}

// An EventMention is one mention of a merged event: the event as coded in
// one article, with its evidence.
type EventMention struct {
	record.Event
	Article record.Meta `json:"article"`
}

// ArticleDetail is a stored article: its record and what dedup found.
type ArticleDetail struct {
	record.Article
	Body     string `json:"body"`
	DateFrom string `json:"date_from"`
	Dedup    *Dedup `json:"dedup"`
}

// A Query selects merged events. Zero fields select everything.
type Query struct {
	// The filters apply to a merged event's representative mention.
	// Actor matches a source or target code by prefix ("SYR", "SYRGOV").
	Actor string
	// Country matches an ISO3 actor country or location country.
	Country string
	// Root is a CAMEO root ("19"); Plover a PLOVER type ("ASSAULT").
	Root, Plover string
	// From and To bound the event date, inclusive (YYYY-MM-DD); an event
	// without a date matches neither.
	From, To string
	// BBox is minLon, minLat, maxLon, maxLat; nil for none. A box with
	// minLon > maxLon crosses the antimeridian. Events without a location
	// do not match.
	BBox *[4]float64
	// Text is a full-text query over the articles' title and body (FTS5
	// syntax: words, "phrases", AND, OR, NOT, prefix*); it selects the
	// events with a mention in a matching article.
	Text string
	// Limit is the page size: 0 means 100, more than 1000 means 1000.
	// Cursor is a next value from Events; "" for the first page.
	Limit  int
	Cursor string
}

// Stats counts merged events. ByDay leaves out events without a date and
// is in order of day; ByType is in order of root, then PLOVER type.
type Stats struct {
	Total  int         `json:"total"`
	ByDay  []DayCount  `json:"by_day"`
	ByType []TypeCount `json:"by_type"` // by CAMEO root and PLOVER type
}

// DayCount is the number of events of one day.
type DayCount struct {
	Day   string `json:"day"`
	Count int    `json:"count"`
}

// TypeCount is the number of events of one CAMEO root and PLOVER type.
type TypeCount struct {
	Root   string `json:"root"`
	Plover string `json:"plover"`
	Count  int    `json:"count"`
}

// Summary counts what a store holds: articles, the articles dedup found
// to be exact or near copies, mentions (coded events) and merged events.
type Summary struct {
	Articles   int `json:"articles"`
	Duplicates int `json:"duplicates"`
	Mentions   int `json:"mentions"`
	Events     int `json:"events"`
}

// A Batcher is a Store that can store several articles in one
// transaction, which an ingest of many articles does much faster than one
// Put each. PutBatch stores ins in order as Put would one by one, and
// reports for each whether it was added; on an error it stores none of
// them.
type Batcher interface {
	PutBatch(ctx context.Context, ins []*Ingest) (added []bool, err error)
}
