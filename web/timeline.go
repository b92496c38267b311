package web

import (
	"cmp"
	"slices"
)

// Timeline is the answer of /ui/timeline: events per day by type.
type Timeline struct {
	// Plover names the columns of Day.Plover; the last column counts
	// events whose code has no PLOVER type.
	Plover []string `json:"plover"`
	Days   []Day    `json:"days"`
	// Undated counts the selected events without a date.
	Undated int `json:"undated"`
}

// A Day is the events of one day by quad class (0 unknown to 4) and by
// PLOVER type.
type Day struct {
	Day    string `json:"day"`
	Total  int    `json:"total"`
	Quad   [5]int `json:"quad"`
	Plover []int  `json:"plover"`
}

func timeline(s *summary, types []string) Timeline {
	t := Timeline{Plover: append(slices.Clone(types), ""), Days: []Day{}}
	dated := 0
	for k, d := range s.days {
		n := 0
		for _, c := range d.quad {
			n += c
		}
		dated += n
		t.Days = append(t.Days, Day{Day: k, Total: n, Quad: d.quad, Plover: d.plover})
	}
	t.Undated = s.total - dated
	slices.SortFunc(t.Days, func(a, b Day) int { return cmp.Compare(a.Day, b.Day) })
	return t
}
