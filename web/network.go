package web

import (
	"cmp"
	"slices"
)

// Network is the answer of /ui/network: the busiest actors and who acts
// on whom among them.
type Network struct {
	// Actors and Pairs count all the actors and source–target pairs of
	// the selected events; Nodes and Links are the busiest of them.
	Actors int    `json:"actors"`
	Pairs  int    `json:"pairs"`
	Nodes  []Node `json:"nodes"`
	Links  []Link `json:"links"`
}

// A Node is an actor code and the number of events it takes part in.
type Node struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

// A Link is the events of one source on one target.
type Link struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Count  int    `json:"count"`
	// Quad counts the events by quad class, 0 (unknown) to 4.
	Quad [5]int `json:"quad"`
}

// network keeps the n actors in the most events and the links among
// them, each list busiest first (ties by code).
func network(s *summary, n int) Network {
	nw := Network{Actors: len(s.actors), Pairs: len(s.pairs), Nodes: []Node{}, Links: []Link{}}
	for id, c := range s.actors {
		nw.Nodes = append(nw.Nodes, Node{id, c})
	}
	slices.SortFunc(nw.Nodes, func(a, b Node) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.ID, b.ID))
	})
	if len(nw.Nodes) > n {
		nw.Nodes = nw.Nodes[:n]
	}
	kept := map[string]bool{}
	for _, nd := range nw.Nodes {
		kept[nd.ID] = true
	}
	for k, p := range s.pairs {
		if kept[k[0]] && kept[k[1]] {
			nw.Links = append(nw.Links, Link{Source: k[0], Target: k[1], Count: p.count, Quad: p.quad})
		}
	}
	slices.SortFunc(nw.Links, func(a, b Link) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return nw
}
