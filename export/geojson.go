package export

import (
	"bytes"
	"encoding/json"
	"fmt"

	"sitrep/store"
)

// geoFeature is one GeoJSON Feature.
type geoFeature struct {
	Type       string        `json:"type"`
	ID         string        `json:"id"`
	Geometry   geoPoint      `json:"geometry"`
	Properties geoProperties `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // lon, lat
}

// geoProperties are an event's fields, flat, as map tools show them.
type geoProperties struct {
	Date          *string `json:"date"`
	DatePrecision *string `json:"date_precision"`
	CAMEO         string  `json:"cameo"`
	Root          string  `json:"root"`
	Plover        string  `json:"plover"`
	Mode          string  `json:"mode"`
	Quad          int     `json:"quad_class"`
	Goldstein     float64 `json:"goldstein"`
	Negated       bool    `json:"negated"`
	Source        *string `json:"source"`
	SourceName    *string `json:"source_name"`
	SourceCountry *string `json:"source_country"`
	Target        *string `json:"target"`
	TargetName    *string `json:"target_name"`
	TargetCountry *string `json:"target_country"`
	Place         string  `json:"place"`
	GeonamesID    int     `json:"geonames_id"`
	Country       string  `json:"country"`
	Admin1        string  `json:"admin1"`
	Feature       string  `json:"feature"`
	Precision     string  `json:"location_precision"`
	Evidence      string  `json:"evidence"`
	Verb          string  `json:"verb"`
	Fatalities    int64   `json:"fatalities"`
	NumMentions   int     `json:"num_mentions"`
	NumSources    int     `json:"num_sources"`
	NumArticles   int     `json:"num_articles"`
	ArticleID     string  `json:"article_id"`
	ArticleDate   *string `json:"article_date"`
	ArticleSource string  `json:"article_source"`
	URL           string  `json:"url"`
}

type geoJSONWriter struct {
	base
	buf    bytes.Buffer
	enc    *json.Encoder
	header bool
}

func newGeoJSONWriter(b base) *geoJSONWriter {
	w := &geoJSONWriter{base: b}
	w.enc = json.NewEncoder(&w.buf)
	w.enc.SetEscapeHTML(false)
	return w
}

const (
	geoHeader = `{"type":"FeatureCollection","features":[`
	geoFooter = "\n]}\n"
)

// Write writes one Feature, or skips an event without a location or with
// coordinates outside WGS84's ranges.
func (w *geoJSONWriter) Write(ev store.Event) error {
	if err := w.check(); err != nil {
		return err
	}
	l := ev.Location
	if l == nil || !validPoint(l.Lat, l.Lon) {
		w.skipped++
		return nil
	}
	f := geoFeature{
		Type: "Feature", ID: ev.ID,
		Geometry: geoPoint{Type: "Point", Coordinates: [2]float64{l.Lon, l.Lat}},
		Properties: geoProperties{
			Date: ev.Date, DatePrecision: ev.DatePrecision, CAMEO: ev.CAMEO, Root: ev.Root, Plover: ev.Plover,
			Mode: ev.Mode, Quad: ev.Quad, Goldstein: ev.Goldstein, Negated: ev.Negated,
			Place: l.Name, GeonamesID: l.GeonamesID, Country: l.Country, Admin1: l.Admin1, Feature: l.Feature,
			Precision: l.Precision, Evidence: ev.Evidence.Text, Verb: ev.Verb.Text, Fatalities: w.fatalities(&ev),
			NumMentions: ev.NumMentions, NumSources: ev.NumSources, NumArticles: ev.NumArticles,
			ArticleID: ev.Article.ID, ArticleDate: ev.Article.Date, ArticleSource: ev.Article.Source, URL: ev.Article.URL,
		},
	}
	if a := ev.Source; a != nil {
		f.Properties.Source, f.Properties.SourceName, f.Properties.SourceCountry = &a.Code, &a.Text, a.Country
	}
	if a := ev.Target; a != nil {
		f.Properties.Target, f.Properties.TargetName, f.Properties.TargetCountry = &a.Code, &a.Text, a.Country
	}
	w.buf.Reset()
	if err := w.enc.Encode(&f); err != nil {
		return fmt.Errorf("export: event %s: %w", ev.ID, err)
	}
	sep := ",\n"
	if !w.header {
		w.header = true
		sep = geoHeader + "\n"
	}
	w.out.WriteString(sep)
	if _, err := w.out.Write(bytes.TrimSuffix(w.buf.Bytes(), []byte("\n"))); err != nil {
		return w.fail(err)
	}
	w.written++
	return nil
}

// Close writes the footer, and the header too when no feature was written.
func (w *geoJSONWriter) Close() error {
	if w.check() == nil {
		if !w.header {
			w.header = true
			w.out.WriteString(geoHeader)
		}
		if _, err := w.out.WriteString(geoFooter); err != nil {
			w.fail(err)
		}
	}
	return w.close()
}
