package record

import (
	"sitrep/actor"
	"sitrep/article"
	"sitrep/enrich"
	"sitrep/event"
	"sitrep/geo"
	"sitrep/nlp"
)

// NewEnriched builds the record as New does, and fills in what scene
// found: each event's location and date, and the article's places,
// counts and quotes. A nil scene gives New's record. Annotations whose
// spans lie outside the body are left out.
func NewEnriched(a *article.Article, doc *nlp.Doc, evs []event.Event, onto *event.Ontology, scene *enrich.Scene) (*Article, error) {
	r, evs, err := build(a, doc, evs, onto)
	if err != nil || scene == nil {
		return r, err
	}
	body := doc.Text
	preds := make([]int, len(r.Events))
	for i, e := range evs {
		preds[i] = -1
		tok := scene.Token(e.Sentence, e.Verb)
		if tok < 0 {
			continue
		}
		preds[i] = tok
		rec := &r.Events[i]
		w := scene.Where(tok)
		if w.Place != nil {
			rec.Location = location(body, scene, w.Place, w.Mention, w.Precision, w.How.String())
		}
		wh := scene.When(tok)
		if wh.Expr >= 0 {
			x := scene.Times[wh.Expr]
			rec.Date = day(x.Value)
			rec.DatePrecision = ptr(x.Precision.String())
			if inside(x.Span, body) {
				rec.DateText = ptr(body[x.Start:x.End])
			}
		}
	}
	for _, m := range scene.Places {
		if !inside(m.Span, body) {
			continue
		}
		p := Place{Sentence: m.Sentence, Start: m.Start, End: m.End, Text: body[m.Start:m.End], Role: m.Role.String(), Confidence: m.Confidence}
		if m.Place != nil {
			p.Location = location(body, scene, m.Place, -1, m.Precision, "")
			p.Location.Text, p.Location.Start, p.Location.End = p.Text, p.Start, p.End
		}
		r.Places = append(r.Places, p)
	}
	for _, c := range scene.Counts {
		if !inside(c.Span, body) {
			continue
		}
		out := Count{Sentence: c.Sentence, Start: c.Start, End: c.End, Text: body[c.Start:c.End],
			Type: c.Type.String(), Number: c.Number, Qualifier: c.Qualifier, Approx: c.Approx, Object: c.Object}
		if c.Place >= 0 {
			if mi := scene.MentionAt(c.Place); mi >= 0 {
				m := scene.Places[mi]
				if m.Place != nil {
					out.Location = location(body, scene, m.Place, mi, m.Precision, "")
				}
			}
		}
		if i := scene.Event(c, preds); i >= 0 {
			out.Event = r.Events[i].ID
		}
		r.Counts = append(r.Counts, out)
	}
	for _, q := range scene.Quotes {
		if !inside(q.Span, body) {
			continue
		}
		out := Quote{Sentence: q.Sentences[0], Start: q.Start, End: q.End, Text: q.Text, Direct: q.Direct}
		if sp := q.Speaker; sp != nil && inside(sp.Span, body) {
			out.Speaker = &Actor{Code: sp.Code, Text: body[sp.Start:sp.End], Role: sp.Role, Start: sp.Start, End: sp.End}
			if actor.IsISOCountry(sp.Country) {
				out.Speaker.Country = ptr(sp.Country)
			}
		}
		if q.Verb.End > q.Verb.Start && inside(q.Verb, body) {
			v := span(body, q.Verb)
			out.Verb = &v
		}
		r.Quotes = append(r.Quotes, out)
	}
	return r, nil
}

// location describes place p for the record; mention indexes the scene's
// place mention that named it (-1: none, the text is left empty).
func location(body string, scene *enrich.Scene, p *geo.Place, mention int, prec geo.Precision, how string) *Location {
	l := &Location{Name: p.Name, GeonamesID: int(max(p.ID, 0)), Country: p.Country, Admin1: p.Admin1Name,
		Lat: p.Lat, Lon: p.Lon, Feature: p.Feature, Precision: precision(prec), How: how}
	if mention >= 0 {
		m := scene.Places[mention]
		if inside(m.Span, body) {
			l.Text, l.Start, l.End = body[m.Start:m.End], m.Start, m.End
		}
	}
	return l
}

func precision(p geo.Precision) string {
	switch p {
	case geo.PrecisionCountry:
		return "country"
	case geo.PrecisionRegion:
		return "region"
	case geo.PrecisionCity:
		return "city"
	case geo.PrecisionSubCity:
		return "sub-city"
	}
	return ""
}
