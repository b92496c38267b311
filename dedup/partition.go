package dedup

import (
	"cmp"
	"slices"
)

// Partition groups mentions into events canonically: the events, their
// IDs, facts and counts depend only on the set of mentions, not on the
// order they come in, so that one process or five, ingesting articles in
// any order, get the same events from the same mentions.
//
// It feeds a fresh Merger with the mentions in a canonical order, the most
// specific first (by the Representative's score, then ID, then every other
// field), so that a coarse mention ("SYR", a month) comes after the precise
// ones it could join and picks among their events instead of founding one
// that holds two together. An event's ID is the smallest ID among its
// mentions. Events are returned sorted by ID.
//
// The Merger's rules apply unchanged, so the partition is the one a
// Merger would make with the mentions added in that order. A store can
// recompute it over all its mentions, or over those that share a CAMEO
// root and overlapping periods with new ones, since no others can join
// them.
func Partition(mentions []Mention, opt MergeOptions) []Event {
	ms := slices.Clone(mentions)
	slices.SortFunc(ms, compareMentions)
	g := NewMerger(opt)
	for _, m := range ms {
		g.Add(m)
	}
	events := g.Events()
	for i := range events {
		if len(events[i].Mentions) > 0 {
			events[i].ID = events[i].Mentions[0]
		}
	}
	slices.SortFunc(events, func(a, b Event) int { return cmp.Compare(a.ID, b.ID) })
	return events
}

// compareMentions orders mentions for Partition: the most specific first,
// then by ID and, for equal IDs, by every other field, so that only
// identical mentions compare equal.
func compareMentions(a, b Mention) int {
	if c := cmp.Compare(specificity(&b), specificity(&a)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.ID, b.ID); c != 0 {
		return c
	}
	return cmp.Or(
		cmp.Compare(a.ArticleID, b.ArticleID),
		cmp.Compare(a.Original, b.Original),
		cmp.Compare(a.Source, b.Source),
		cmp.Compare(a.SourceActor, b.SourceActor),
		cmp.Compare(a.TargetActor, b.TargetActor),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Place.ID, b.Place.ID),
		cmp.Compare(a.Place.Lat, b.Place.Lat),
		cmp.Compare(a.Place.Lon, b.Place.Lon),
		cmp.Compare(a.Place.Radius, b.Place.Radius),
		cmp.Compare(a.Place.Country, b.Place.Country),
		a.Date.Compare(b.Date),
		cmp.Compare(a.Precision, b.Precision),
	)
}
