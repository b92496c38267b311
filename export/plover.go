package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"sitrep/record"
	"sitrep/store"
)

// ploverEvent is one line of the PLOVER JSON Lines output.
type ploverEvent struct {
	ID            string          `json:"id"`
	Date          *string         `json:"date"`
	DatePrecision *string         `json:"date_precision"`
	EventType     *string         `json:"event_type"`
	Mode          *string         `json:"mode"`
	Context       []string        `json:"context"`
	Negated       bool            `json:"negated"`
	QuadCode      int             `json:"quad_code"`
	Goldstein     float64         `json:"goldstein"`
	Actor         *ploverActor    `json:"actor"`
	Recipient     *ploverActor    `json:"recipient"`
	Location      *ploverLocation `json:"location"`
	Text          string          `json:"text"`
	Verb          string          `json:"verb"`
	CAMEO         string          `json:"cameo"`
	Fatalities    int64           `json:"dead"`
	NumMentions   int             `json:"num_mentions"`
	NumSources    int             `json:"num_sources"`
	NumArticles   int             `json:"num_articles"`
	Article       ploverArticle   `json:"article"`
}

type ploverActor struct {
	Name    string   `json:"name"`
	Code    string   `json:"code"`
	Country *string  `json:"country"`
	Sectors []string `json:"sectors"`
}

type ploverLocation struct {
	Name       string  `json:"name"`
	GeonamesID int     `json:"geonames_id"`
	Country    string  `json:"country"`
	Admin1     string  `json:"admin1"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Feature    string  `json:"feature"`
	Precision  string  `json:"precision"`
}

type ploverArticle struct {
	ID     string  `json:"id"`
	Date   *string `json:"date"`
	Source string  `json:"source"`
	URL    string  `json:"url"`
}

type ploverWriter struct {
	base
	buf bytes.Buffer
	enc *json.Encoder
}

func newPloverWriter(b base) *ploverWriter {
	w := &ploverWriter{base: b}
	w.enc = json.NewEncoder(&w.buf)
	w.enc.SetEscapeHTML(false)
	return w
}

// Write writes one JSON line. See the package documentation for its fields.
func (w *ploverWriter) Write(ev store.Event) error {
	if err := w.check(); err != nil {
		return err
	}
	p := ploverEvent{
		ID: ev.ID, Date: ev.Date, DatePrecision: ev.DatePrecision,
		Context: []string{}, Negated: ev.Negated, QuadCode: ev.Quad, Goldstein: ev.Goldstein,
		Actor: w.actor(ev.Source), Recipient: w.actor(ev.Target),
		Text: ev.Evidence.Text, Verb: ev.Verb.Text, CAMEO: ev.CAMEO, Fatalities: w.fatalities(&ev),
		NumMentions: ev.NumMentions, NumSources: ev.NumSources, NumArticles: ev.NumArticles,
		Article: ploverArticle{ID: ev.Article.ID, Date: ev.Article.Date, Source: ev.Article.Source, URL: ev.Article.URL},
	}
	if ev.Plover != "" {
		p.EventType = &ev.Plover
	}
	if ev.Mode != "" {
		p.Mode = &ev.Mode
	}
	if c, ok := w.opt.Ontology.Code(ev.CAMEO); ok && c.Context != "" {
		p.Context = strings.Split(c.Context, ",")
	}
	if l := ev.Location; l != nil {
		p.Location = &ploverLocation{Name: l.Name, GeonamesID: l.GeonamesID, Country: l.Country, Admin1: l.Admin1,
			Lat: l.Lat, Lon: l.Lon, Feature: l.Feature, Precision: l.Precision}
	}
	w.buf.Reset()
	if err := w.enc.Encode(&p); err != nil {
		// Only a NaN or infinite number gets here: report it, write nothing.
		return fmt.Errorf("export: event %s: %w", ev.ID, err)
	}
	if _, err := w.out.Write(w.buf.Bytes()); err != nil {
		return w.fail(err)
	}
	w.written++
	return nil
}

func (w *ploverWriter) Close() error { return w.close() }

// actor describes an actor the PLOVER way: its name as written, its CAMEO
// code, its country and its sectors (the role and type segments of the
// code: GOV, MIL, REB, IGO ...).
func (w *ploverWriter) actor(a *record.Actor) *ploverActor {
	if a == nil {
		return nil
	}
	parts := w.opt.Tables.split(a)
	out := &ploverActor{Name: a.Text, Code: a.Code, Country: a.Country, Sectors: []string{}}
	for _, s := range parts.Types {
		if s != "" {
			out.Sectors = append(out.Sectors, s)
		}
	}
	return out
}
