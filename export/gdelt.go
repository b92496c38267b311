package export

import (
	"strconv"
	"strings"

	"sitrep/record"
	"sitrep/store"
)

// GDELTColumns are the 61 columns of a GDELT 2.0 Events row, in order.
var GDELTColumns = [61]string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELT geographic resolutions (the *Geo_Type columns).
const (
	geoNone    = 0
	geoCountry = 1
	geoUSState = 2
	geoUSCity  = 3
	geoCity    = 4
	geoADM1    = 5
)

type gdeltWriter struct {
	base
	line []byte
}

// Write writes one row. See the package documentation for each column.
func (w *gdeltWriter) Write(ev store.Event) error {
	if err := w.check(); err != nil {
		return err
	}
	b := w.line[:0]
	tab := func() { b = append(b, '\t') }
	field := func(s string) { b = appendTSV(b, s); tab() }

	b = strconv.AppendInt(b, NumericID(ev.ID), 10)
	tab()
	if d := parseDay(ev.Date); d.ok {
		b = appendDigits(b, d.y, 4)
		b = appendDigits(b, d.m, 2)
		b = appendDigits(b, d.d, 2)
		tab()
		b = appendDigits(b, d.y, 4)
		b = appendDigits(b, d.m, 2)
		tab()
		b = appendDigits(b, d.y, 4)
		tab()
		b = strconv.AppendFloat(b, d.fraction(), 'f', 4, 64)
		tab()
	} else {
		b = append(b, "\t\t\t\t"...)
	}
	for _, a := range [2]*record.Actor{ev.Source, ev.Target} {
		p := w.opt.Tables.split(a)
		if a == nil {
			b = append(b, "\t\t\t\t\t\t\t\t\t\t"...)
			continue
		}
		field(a.Code)
		field(strings.ToUpper(a.Text))
		field(p.Country)
		field(p.KnownGroup)
		field(p.Ethnic)
		field(p.Religion[0])
		field(p.Religion[1])
		field(p.Types[0])
		field(p.Types[1])
		field(p.Types[2])
	}
	if ev.Sentence == 0 {
		b = append(b, '1')
	} else {
		b = append(b, '0')
	}
	tab()
	field(ev.CAMEO)
	base := ev.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	field(base)
	field(ev.Root)
	b = strconv.AppendInt(b, int64(ev.Quad), 10)
	tab()
	b = strconv.AppendFloat(b, ev.Goldstein, 'f', 1, 64)
	tab()
	for _, n := range []int{ev.NumMentions, ev.NumSources, ev.NumArticles} {
		b = strconv.AppendInt(b, int64(n), 10)
		tab()
	}
	b = append(b, '0') // AvgTone: sitrep has no tone model
	tab()
	// Actor1Geo and Actor2Geo: sitrep places events, not actors.
	for range 2 {
		b = append(b, "0\t\t\t\t\t\t\t\t"...)
	}
	b = w.appendGeo(b, ev.Location)
	if d := parseDay(ev.Article.Date); d.ok {
		b = appendDigits(b, d.y, 4)
		b = appendDigits(b, d.m, 2)
		b = appendDigits(b, d.d, 2)
		b = append(b, "000000"...)
	}
	tab()
	b = appendTSV(b, ev.Article.URL)
	b = append(b, '\n')
	w.line = b
	if _, err := w.out.Write(b); err != nil {
		return w.fail(err)
	}
	w.written++
	return nil
}

func (w *gdeltWriter) Close() error { return w.close() }

// appendGeo appends the eight ActionGeo columns, each followed by a tab.
func (w *gdeltWriter) appendGeo(b []byte, loc *record.Location) []byte {
	if loc == nil || !validPoint(loc.Lat, loc.Lon) {
		return append(b, "0\t\t\t\t\t\t\t\t"...)
	}
	c, _ := w.opt.Tables.Country(loc.Country)
	var fips, countryName string
	if c != nil {
		fips, countryName = c.FIPS, c.Name
	}
	us := loc.Country == "USA"
	typ := geoCity
	switch precisionOf(loc.Precision) {
	case 1:
		typ = geoCountry
	case 2:
		typ = geoADM1
		if us {
			typ = geoUSState
		}
	default:
		if us {
			typ = geoUSCity
		}
	}
	adm1 := fips
	if typ != geoCountry && w.opt.Gazetteer != nil && loc.GeonamesID > 0 && fips != "" {
		if p, ok := w.opt.Gazetteer.Place(int64(loc.GeonamesID)); ok && p.Admin1 != "" {
			adm1 = fips + p.Admin1
		}
	}
	b = strconv.AppendInt(b, int64(typ), 10)
	b = append(b, '\t')
	// FullName: "Name, Admin1, Country" without blanks and repeats; a
	// country's name alone.
	parts := [3]string{loc.Name, loc.Admin1, countryName}
	if typ == geoCountry && countryName != "" {
		parts = [3]string{countryName}
	}
	prev := ""
	for _, part := range parts {
		if part == "" || part == prev {
			continue
		}
		if prev != "" {
			b = append(b, ", "...)
		}
		b = appendTSV(b, part)
		prev = part
	}
	b = append(b, '\t')
	b = append(b, fips...)
	b = append(b, '\t')
	b = append(b, adm1...)
	b = append(b, "\t\t"...) // ADM2Code: sitrep knows no second-level regions
	b = appendCoord(b, loc.Lat)
	b = append(b, '\t')
	b = appendCoord(b, loc.Lon)
	b = append(b, '\t')
	switch {
	case typ == geoCountry:
		b = append(b, fips...)
	case typ == geoADM1 || typ == geoUSState:
		b = append(b, adm1...)
	case loc.GeonamesID > 0:
		b = strconv.AppendInt(b, int64(loc.GeonamesID), 10)
	}
	return append(b, '\t')
}

// appendTSV appends s with tabs, carriage returns and line feeds turned
// into spaces, so that a field never breaks a row.
func appendTSV(b []byte, s string) []byte {
	if strings.IndexAny(s, "\t\r\n") < 0 {
		return append(b, s...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\r' || c == '\n' {
			c = ' '
		}
		b = append(b, c)
	}
	return b
}
