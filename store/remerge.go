package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// A Remerger is a Store that can recompute its merged events
// canonically, so that they depend only on the set of stored mentions,
// not on the order articles came in nor on how many processes stored
// them (dedup.Partition computes such groups).
//
// Put marks the mentions it stores as not remerged. Remerge takes those,
// adds every stored mention that could merge with them (transitively:
// the same CAMEO root and overlapping windows, see WindowOf) and every
// mention of a merged event they belong to, calls merge on that set and
// replaces the merged events of those mentions by merge's groups, in
// one transaction per set: events rows are created, updated or deleted,
// and each mention's Merged is its group's ID. It returns when no
// mention is left unremerged, and is safe to run from several processes
// at once: remerges of one CAMEO root wait for each other.
//
// A regrouped event keeps its place in the order of Events when its ID
// stays (its sort date is the date it had when first stored); a new ID
// is sorted by its representative's date.
type Remerger interface {
	Remerge(ctx context.Context, merge MergeFunc) (*RemergeStats, error)
}

// A MergeFunc groups a set of mentions into merged events. Every mention
// must be in exactly one group, and a group's Representative must be one
// of its Mentions. It must depend only on the set, not on its order, and
// a Remerger may call it on several sets at once, from several goroutines.
type MergeFunc func(mentions []Mention) []Group

// A Group is one merged event as a MergeFunc makes it: its state and the
// IDs of its mentions.
type Group struct {
	Merged
	Mentions []string
}

// RemergeStats counts what a Remerge did.
type RemergeStats struct {
	// Pending is the number of mentions that were not remerged; Mentions
	// the number regrouped with them (Pending among them); Sets the
	// number of transactions.
	Pending, Mentions, Sets int
	// Created, Changed and Deleted count events rows.
	Created, Changed, Deleted int
}

// Undated is the window day of a mention without a date: undated
// mentions merge only with each other.
const Undated = math.MinInt32

// WindowOf returns the CAMEO root of a mention (the first two digits of
// its code) and the days, counted from 1970-01-01 and inclusive, its
// date may refer to, as dedup's merger reads it (with no DateSlack): the
// day; for precision week, month or year, the week, month or year
// starting on its Date; for a date taken from the publication (any other
// precision), the week from Monday that contains it. A mention without a
// valid date gives Undated, Undated. Two mentions can merge only when
// their roots are equal and their windows overlap.
func WindowOf(m Mention) (root string, from, to int) {
	root = m.Code
	if len(root) > 2 {
		root = root[:2]
	}
	d, err := time.Parse(time.DateOnly, m.Date)
	if err != nil {
		return root, Undated, Undated
	}
	var hi time.Time
	switch m.Precision {
	case "day":
		hi = d.AddDate(0, 0, 1)
	case "week":
		hi = d.AddDate(0, 0, 7)
	case "month":
		hi = d.AddDate(0, 1, 0)
	case "year":
		hi = d.AddDate(1, 0, 0)
	default:
		d = d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
		hi = d.AddDate(0, 0, 7)
	}
	const day = 24 * 60 * 60
	return root, int(d.Unix() / day), int(hi.Unix()/day) - 1
}

// A RemergePlan is what a remerge does to one set of mentions: the
// groups merge made of them, checked, and what changes. It is for
// implementations of Remerger.
type RemergePlan struct {
	groups  []Group
	now     map[string]string // mention ID → group ID
	was     map[string]string // mention ID → merged event ID before
	mention []string          // mention IDs, in order
}

// PlanRemerge calls merge on ms and checks its groups: every mention in
// exactly one, each representative among its group's mentions, group IDs
// unique.
func PlanRemerge(ms []Mention, merge MergeFunc) (*RemergePlan, error) {
	p := &RemergePlan{now: map[string]string{}, was: map[string]string{}}
	for _, m := range ms {
		p.was[m.EventID] = m.Merged
		p.mention = append(p.mention, m.EventID)
	}
	p.groups = merge(ms)
	seen := map[string]bool{}
	for _, g := range p.groups {
		if g.ID == "" || seen[g.ID] {
			return nil, fmt.Errorf("store: remerge: group ID %q empty or repeated", g.ID)
		}
		seen[g.ID] = true
		rep := false
		for _, id := range g.Mentions {
			if _, ok := p.was[id]; !ok {
				return nil, fmt.Errorf("store: remerge: group %s has mention %s, which it was not given", g.ID, id)
			}
			if _, ok := p.now[id]; ok {
				return nil, fmt.Errorf("store: remerge: mention %s is in two groups", id)
			}
			p.now[id] = g.ID
			rep = rep || id == g.Representative
		}
		if !rep {
			return nil, fmt.Errorf("store: remerge: group %s: representative %s is not among its mentions", g.ID, g.Representative)
		}
	}
	if len(p.now) != len(p.was) {
		return nil, fmt.Errorf("store: remerge: %d of %d mentions grouped", len(p.now), len(p.was))
	}
	return p, nil
}

// EventIDs returns the IDs of the merged events before and after, sorted.
func (p *RemergePlan) EventIDs() []string {
	var ids []string
	for _, id := range p.was {
		ids = append(ids, id)
	}
	for _, g := range p.groups {
		ids = append(ids, g.ID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Diff compares the groups with the events rows as stored (those of
// EventIDs that exist) and returns the groups to write, sorted by ID, the
// IDs of events to delete, and how many of the groups are new.
func (p *RemergePlan) Diff(rows []Merged) (upserts []Merged, deletes []string, created int) {
	have := map[string]Merged{}
	for _, r := range rows {
		have[r.ID] = r
	}
	keep := map[string]bool{}
	for _, g := range p.groups {
		keep[g.ID] = true
		r, ok := have[g.ID]
		if !ok {
			created++
		}
		if !ok || r != g.Merged {
			upserts = append(upserts, g.Merged)
		}
	}
	for _, r := range rows {
		if !keep[r.ID] {
			deletes = append(deletes, r.ID)
		}
	}
	slices.SortFunc(upserts, func(a, b Merged) int { return strings.Compare(a.ID, b.ID) })
	slices.Sort(deletes)
	return upserts, deletes, created
}

// Moves returns the mentions whose merged event changes, and the new one
// of each.
func (p *RemergePlan) Moves() (mentions, merged []string) {
	for _, id := range p.mention {
		if g := p.now[id]; g != p.was[id] {
			mentions, merged = append(mentions, id), append(merged, g)
		}
	}
	return mentions, merged
}
