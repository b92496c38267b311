package export

import (
	"strconv"

	"sitrep/record"
	"sitrep/store"
)

// ACLEDColumns are the columns of the ACLED-style CSV, in order.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
	"iso", "region", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "timestamp",
}

// ACLED actor types (the inter1 and inter2 columns).
const (
	interNone       = 0
	interState      = 1
	interRebel      = 2
	interPolitical  = 3 // political militia
	interIdentity   = 4 // identity militia
	interRioters    = 5
	interProtesters = 6
	interCivilians  = 7
	interExternal   = 8 // external and other forces
)

type acledWriter struct{ csvBase }

func newACLEDWriter(b base) *acledWriter { return &acledWriter{newCSVBase(b, ACLEDColumns)} }

// Write writes one row, or skips an event whose CAMEO code is no ACLED
// event type. See the package documentation for each column.
func (w *acledWriter) Write(ev store.Event) error {
	r, err := w.begin()
	if err != nil {
		return err
	}
	t := w.opt.Tables
	typ, ok := t.ACLED(ev.CAMEO)
	if !ok || ev.Negated {
		w.skipped++
		return nil
	}
	src, dst := t.split(ev.Source), t.split(ev.Target)
	if ev.CAMEO[:min(3, len(ev.CAMEO))] == "192" && src.state() {
		typ.SubEvent = "Government regains territory"
	}
	iso3 := ""
	if ev.Location != nil {
		iso3 = ev.Location.Country
	} else if ev.Source != nil && ev.Source.Country != nil {
		iso3 = *ev.Source.Country
	}
	c, _ := t.Country(iso3)
	prefix := iso3
	if prefix == "" {
		prefix = "XXX"
	}
	r[0] = prefix + strconv.FormatInt(NumericID(ev.ID), 10)
	if d := parseDay(ev.Date); d.ok {
		r[1] = *ev.Date
		r[2] = strconv.Itoa(d.y)
		r[3] = timePrecision(str(ev.DatePrecision))
	}
	r[4], r[5], r[6] = typ.Disorder, typ.Event, typ.SubEvent
	i1, i2 := inter(ev.Source, &src, typ, true), inter(ev.Target, &dst, typ, false)
	r[7] = w.actorName(ev.Source, &src, i1)
	r[9] = strconv.Itoa(i1)
	r[10] = w.actorName(ev.Target, &dst, i2)
	r[12] = strconv.Itoa(i2)
	lo, hi := min(i1, i2), max(i1, i2)
	if lo == interNone {
		lo, hi = hi, 0
	}
	r[13] = strconv.Itoa(lo*10 + hi)
	if c != nil {
		r[14] = strconv.Itoa(c.Numeric)
		r[15] = c.Region
		r[16] = c.Name
	}
	if l := ev.Location; l != nil && validPoint(l.Lat, l.Lon) {
		r[17] = l.Admin1
		r[18] = l.Name
		r[19] = string(appendCoord(nil, l.Lat))
		r[20] = string(appendCoord(nil, l.Lon))
		r[21] = strconv.Itoa(4 - precisionOf(l.Precision))
	}
	r[22] = ev.Article.Source
	r[24] = ev.Evidence.Text
	r[25] = strconv.FormatInt(w.fatalities(&ev), 10)
	if d := parseDay(ev.Article.Date); d.ok {
		r[26] = strconv.FormatInt(d.unix(), 10)
	}
	return w.end()
}

// timePrecision maps a date precision to ACLED's: 1 the day is known, 2
// the week (or the event is dated by its report), 3 the month or more.
func timePrecision(p string) string {
	switch p {
	case record.DatePrecisionDay:
		return "1"
	case record.DatePrecisionWeek, record.DatePrecisionPublication:
		return "2"
	case record.DatePrecisionMonth, record.DatePrecisionYear:
		return "3"
	}
	return ""
}

// inter gives an actor's ACLED type from its code: protesters and rioters
// by the event (the source of a protest), state forces by the roles GOV,
// MIL, COP, SPY and JUD or a bare country code, rebels by REB, INS and SEP,
// political militias by UAF, identity militias by an ethnic group or a
// religion with an armed role, civilians by CVL, REF and the other social
// sectors, external and other forces by an organization type (IGO, NGO,
// IMG, MNC) or a region.
func inter(a *record.Actor, p *actorParts, typ ACLEDType, source bool) int {
	if a == nil {
		return interNone
	}
	if source {
		switch typ.Event {
		case "Protests":
			return interProtesters
		case "Riots":
			return interRioters
		}
	}
	switch {
	case p.has("IGO") || p.has("NGO") || p.has("IMG") || p.has("MNC"):
		return interExternal
	case p.has("REB") || p.has("INS") || p.has("SEP"):
		return interRebel
	case p.has("UAF"):
		if p.Ethnic != "" || p.Religion[0] != "" {
			return interIdentity
		}
		return interPolitical
	case p.state():
		return interState
	case p.Types[0] == "" && p.Country != "" && p.Ethnic == "" && p.Religion[0] == "" && p.KnownGroup == "":
		return interState // a bare country acts through its state
	case p.Types[0] == "" && (p.Ethnic != "" || p.Religion[0] != ""):
		return interIdentity
	case p.Types[0] != "":
		return interCivilians
	}
	return interExternal
}

// actorName names an actor the way ACLED does where its code allows
// ("Military Forces of Syria", "Police Forces of Syria", "Government of
// Syria", "Protesters (Syria)", "Civilians (Syria)"), else by the words
// the article named it with.
func (w *acledWriter) actorName(a *record.Actor, p *actorParts, in int) string {
	if a == nil {
		return ""
	}
	country := ""
	if c, ok := w.opt.Tables.Country(p.Country); ok {
		country = c.Name
	}
	if country == "" {
		return a.Text
	}
	switch {
	case in == interProtesters:
		return "Protesters (" + country + ")"
	case in == interRioters:
		return "Rioters (" + country + ")"
	case in == interCivilians && (p.has("CVL") || p.has("REF")):
		return "Civilians (" + country + ")"
	case p.has("MIL"):
		return "Military Forces of " + country
	case p.has("COP"):
		return "Police Forces of " + country
	case p.has("GOV"):
		return "Government of " + country
	}
	return a.Text
}
