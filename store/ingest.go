package store

import (
	"errors"
	"fmt"
	"math"

	"sitrep/record"
)

// Check validates in against the contract of Put and returns the
// mentions and merged events to store: in's own, or, when in.Mentions is
// nil (its events were not merged), one mention and one merged event of
// its own for each event. Every backend calls it first, so that all
// refuse the same ingests with the same messages.
func (in *Ingest) Check() ([]Mention, []Merged, error) {
	if in == nil || in.Article == nil {
		return nil, nil, errors.New("put: no article")
	}
	a := in.Article
	if a.Meta.ID == "" {
		return nil, nil, errors.New("put: article without an ID")
	}
	if in.Mentions == nil {
		ms := make([]Mention, len(a.Events))
		gs := make([]Merged, len(a.Events))
		for i := range a.Events {
			e := &a.Events[i]
			ms[i] = unmerged(a, e)
			n := 0
			if a.Meta.Source != "" {
				n = 1
			}
			gs[i] = Merged{ID: e.ID, Representative: e.ID, NumMentions: 1, NumSources: n, NumArticles: 1}
		}
		return ms, gs, nil
	}
	if len(in.Mentions) != len(a.Events) {
		return nil, nil, fmt.Errorf("put %s: %d mentions for %d events", a.Meta.ID, len(in.Mentions), len(a.Events))
	}
	have := map[string]bool{}
	for _, g := range in.Merged {
		have[g.ID] = true
	}
	for i, m := range in.Mentions {
		switch {
		case m.EventID != a.Events[i].ID:
			return nil, nil, fmt.Errorf("put %s: mention %d is of event %q, not %q", a.Meta.ID, i, m.EventID, a.Events[i].ID)
		case m.ArticleID != "" && m.ArticleID != a.Meta.ID:
			return nil, nil, fmt.Errorf("put %s: mention %s is of article %q", a.Meta.ID, m.EventID, m.ArticleID)
		case !have[m.Merged]:
			return nil, nil, fmt.Errorf("put %s: mention %s joined merged event %q, which Merged lacks", a.Meta.ID, m.EventID, m.Merged)
		}
	}
	return in.Mentions, in.Merged, nil
}

// unmerged is the mention of an event that was not merged: a merged
// event of its own.
func unmerged(a *record.Article, e *record.Event) Mention {
	m := Mention{
		EventID: e.ID, ArticleID: a.Meta.ID, Merged: e.ID, Source: a.Meta.Source,
		Code: e.CAMEO, Lat: math.NaN(), Lon: math.NaN(),
	}
	if e.Source != nil {
		m.SourceActor = e.Source.Code
	}
	if e.Target != nil {
		m.TargetActor = e.Target.Code
	}
	if e.Date != nil {
		m.Date = *e.Date
	}
	if e.DatePrecision != nil {
		m.Precision = *e.DatePrecision
	}
	if l := e.Location; l != nil {
		m.GeonamesID, m.Lat, m.Lon, m.Country = l.GeonamesID, l.Lat, l.Lon, l.Country
	}
	return m
}
