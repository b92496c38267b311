package store

import "context"

// A Point is what an aggregate over many events (a map of clusters, a
// timeline, an actor network) needs of one merged event: the facts of its
// representative mention that Events and EachEvent give in full.
type Point struct {
	ID string
	// Date is the event's date, YYYY-MM-DD; "" when undated.
	Date string
	// CAMEO is the event code, Root its root, Plover its PLOVER type ("" for
	// none) and Quad its quad class (0 unknown).
	CAMEO, Root, Plover string
	Quad                int
	// Source and Target are the actor codes; "" when the slot is empty.
	Source, Target string
	// Located says whether the event has a place, at Lat and Lon in
	// degrees. (The place's name is left out: it would cost as much as
	// the rest together.)
	Located  bool
	Lat, Lon float64
	// NumMentions is the number of mentions merged into the event.
	NumMentions int
}

// A PointScanner is a Store that can also stream the Points of the merged
// events a Query selects (q.Limit and q.Cursor aside), in no particular
// order, at a fraction of the cost of EachEvent: nothing is sorted and no
// record decoded. It is optional; readers fall back to EachEvent.
type PointScanner interface {
	EachPoint(ctx context.Context, q Query, fn func(Point) error) error
}
