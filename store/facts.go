package store

import "sitrep/record"

// Facts are what a store copies out of a merged event's representative
// mention so that queries can filter events without decoding records:
// its date, its actors' codes and countries, and its location.
type Facts struct {
	Date, Source, Target, SourceCountry, TargetCountry, LocCountry string
	// Lat and Lon are nil for an event without a location.
	Lat, Lon *float64
}

// FactsOf returns the facts of e; a missing value is "" (or nil).
func FactsOf(e *record.Event) Facts {
	var f Facts
	if e.Date != nil {
		f.Date = *e.Date
	}
	if a := e.Source; a != nil {
		f.Source = a.Code
		if a.Country != nil {
			f.SourceCountry = *a.Country
		}
	}
	if a := e.Target; a != nil {
		f.Target = a.Code
		if a.Country != nil {
			f.TargetCountry = *a.Country
		}
	}
	if l := e.Location; l != nil {
		f.LocCountry, f.Lat, f.Lon = l.Country, &l.Lat, &l.Lon
	}
	return f
}
