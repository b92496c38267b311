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
	// Sorting numbers rather than mentions, with their specificity
	// computed once, puts them in the same order: the comparisons are the
	// same.
	order := make([]int32, len(mentions))
	spec := make([]int, len(mentions))
	for i := range mentions {
		order[i], spec[i] = int32(i), specificity(&mentions[i])
	}
	slices.SortFunc(order, func(a, b int32) int { return compareMentions(&mentions[a], &mentions[b], spec[a], spec[b]) })
	g := NewMerger(opt)
	for _, i := range order {
		g.Add(mentions[i])
	}
	// The Merger is ours: its events need no copies. They are sorted by
	// number too.
	order = order[:len(g.events)]
	for i := range order {
		c := g.events[i]
		order[i], c.ID = int32(i), c.Mentions[0]
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(g.events[a].ID, g.events[b].ID) })
	events := make([]Event, len(order))
	for i, e := range order {
		events[i] = g.events[e].Event
		events[i].Mentions = slices.Clip(events[i].Mentions)
	}
	return events
}

// compareMentions orders mentions for Partition, given their
// specificities: the most specific first, then by ID and, for equal IDs,
// by every other field, so that only identical mentions compare equal.
func compareMentions(a, b *Mention, sa, sb int) int {
	if c := cmp.Compare(sb, sa); c != 0 {
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
