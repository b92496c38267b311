package store

import (
	"time"

	"sitrep/dedup"
)

// DedupMention converts a stored mention into the merger's. A mention
// dated by its article's publication only (a precision dedup does not
// know) is taken to have happened in the week of publication, from
// Monday, so that two reports of one event published on consecutive days
// still merge. WindowOf gives the same days.
func DedupMention(m Mention) dedup.Mention {
	out := dedup.Mention{ID: m.EventID, ArticleID: m.ArticleID, Original: m.Original, Source: m.Source,
		SourceActor: m.SourceActor, TargetActor: m.TargetActor, Code: m.Code,
		Place: dedup.Place{ID: int64(m.GeonamesID), Lat: m.Lat, Lon: m.Lon, Radius: m.Radius, Country: m.Country}}
	if d, err := time.Parse(time.DateOnly, m.Date); err == nil {
		out.Date = d
		if p, ok := dedup.ParsePrecision(m.Precision); ok {
			out.Precision = p
		} else {
			out.Precision = dedup.Week
			out.Date = d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
		}
	}
	return out
}

// Partition is the MergeFunc of the canonical merged events:
// dedup.Partition with the default options (WindowOf assumes no
// DateSlack) over the mentions as DedupMention reads them.
func Partition(ms []Mention) []Group {
	dm := make([]dedup.Mention, len(ms))
	for i, m := range ms {
		dm[i] = DedupMention(m)
	}
	evs := dedup.Partition(dm, dedup.MergeOptions{})
	out := make([]Group, len(evs))
	for i, e := range evs {
		out[i] = Group{Merged: Merged{ID: e.ID, Representative: e.Representative.ID,
			NumMentions: e.NumMentions, NumSources: e.NumSources, NumArticles: e.NumArticles}, Mentions: e.Mentions}
	}
	return out
}

var _ MergeFunc = Partition
