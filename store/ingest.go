package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"sitrep/record"
)

// Check validates in against the contract of Put and returns the
// mentions and merged events to store: in's own, or, when in.Mentions is
// nil (its events were not merged), one mention and one merged event of
// its own for each event; with MergeLater, the mentions each as an event
// of its own and no merged events. Every backend calls it first, so that all
// refuse the same ingests with the same messages.
func (in *Ingest) Check() ([]Mention, []Merged, error) {
	if in == nil || in.Article == nil {
		return nil, nil, errors.New("put: no article")
	}
	a := in.Article
	if a.Meta.ID == "" {
		return nil, nil, errors.New("put: article without an ID")
	}
	if in.MergeLater {
		if in.Mentions != nil && len(in.Mentions) != len(a.Events) {
			return nil, nil, fmt.Errorf("put %s: %d mentions for %d events", a.Meta.ID, len(in.Mentions), len(a.Events))
		}
		ms := make([]Mention, len(a.Events))
		for i := range a.Events {
			if in.Mentions == nil {
				ms[i] = unmerged(a, &a.Events[i])
				continue
			}
			if err := in.checkMention(i); err != nil {
				return nil, nil, err
			}
			ms[i] = in.Mentions[i]
			ms[i].Merged = a.Events[i].ID
		}
		return ms, nil, nil
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
		if err := in.checkMention(i); err != nil {
			return nil, nil, err
		}
		if !have[m.Merged] {
			return nil, nil, fmt.Errorf("put %s: mention %s joined merged event %q, which Merged lacks", a.Meta.ID, m.EventID, m.Merged)
		}
	}
	return in.Mentions, in.Merged, nil
}

// ArticleRecord returns the JSON a store keeps for in.Article: the
// record without its events, which the store keeps once, with their
// mentions, and puts back in order when it reads the article (see
// WithEvents).
func (in *Ingest) ArticleRecord() ([]byte, error) {
	slim := *in.Article
	slim.Events = nil
	return slim.MarshalJSON()
}

// WithEvents completes a record ArticleRecord wrote with its events'
// JSON, in order. A record stored whole (before ArticleRecord) keeps the
// events it has.
func WithEvents(a *record.Article, events func() ([]string, error)) error {
	if len(a.Events) > 0 {
		return nil
	}
	js, err := events()
	if err != nil {
		return err
	}
	for _, j := range js {
		var e record.Event
		if err := json.Unmarshal([]byte(j), &e); err != nil {
			return fmt.Errorf("event of article %s: %w", a.Meta.ID, err)
		}
		a.Events = append(a.Events, e)
	}
	return nil
}

// checkMention checks that in.Mentions[i] is of the article's i-th
// event.
func (in *Ingest) checkMention(i int) error {
	a := in.Article
	switch m := in.Mentions[i]; {
	case m.EventID != a.Events[i].ID:
		return fmt.Errorf("put %s: mention %d is of event %q, not %q", a.Meta.ID, i, m.EventID, a.Events[i].ID)
	case m.ArticleID != "" && m.ArticleID != a.Meta.ID:
		return fmt.Errorf("put %s: mention %s is of article %q", a.Meta.ID, m.EventID, m.ArticleID)
	}
	return nil
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
