// Package geogen builds the gazetteer's generated data files (geo/data/
// countries.txt, admin1.txt and places.txt.gz) from the source data in
// ../shared/data. It is run by geo/gen.go (`go generate ./geo`) and by the
// test that checks the committed files are what the sources give.
//
// What goes in: GeoNames countryInfo, admin1CodesASCII and cities500
// (CC BY 4.0), the ISO 3166-1 lists of i18n-iso-countries, countries-list
// and Wikipedia's ISO table (MIT), Mordecai's country-name list (MIT),
// iso3166-2-db (MIT: ISO 3166-2 codes, the GeoNames crosswalk and English
// Wikipedia titles of subdivisions) and Natural Earth country polygons
// (public domain, via world-atlas). What comes out: three deterministic
// tab-separated files whose headers describe their columns; the same
// sources always give the same bytes.
//
// Only the generator and its test import this package; the geo package
// itself never does, so none of this code is in the sitrep binary.
package geogen
