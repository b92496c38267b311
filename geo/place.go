package geo

import "math"

// A Kind is what sort of place a Place is. The kinds are ordered the way a
// bare name is most often meant in news: a country before a region of the
// same name, a region before a curated area, an area before a town.
type Kind uint8

const (
	// KindCountry is a country or territory with an ISO 3166-1 code
	// (feature PCLI).
	KindCountry Kind = iota + 1
	// KindRegion is a first-level administrative division: a governorate,
	// province, oblast, state... (feature ADM1).
	KindRegion
	// KindArea is a curated region that news names but that is no
	// administrative unit: Golan Heights, Donbas, Sinai, Darfur (feature
	// RGN, PEN, ... as data/regions.txt says).
	KindArea
	// KindCity is a populated place of GeoNames cities500: a city, town or
	// village of 500 people or more (feature PPL, PPLA, PPLC, ...).
	KindCity
)

var kindNames = [...]string{"", "country", "region", "area", "city"}

// String returns "country", "region", "area" or "city".
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return "kind?"
}

// A Place is one entry of the gazetteer. Places are shared: never change
// one.
type Place struct {
	// ID is the GeoNames geonameid, or a negative number fixed in
	// data/regions.txt for a curated area that GeoNames has no id for.
	ID int64
	// Name is the display name: the GeoNames name of a city ("Dar‘ā"), the
	// English name of a country, region or area ("Daraa Governorate").
	Name string
	// Country is the ISO 3166-1 alpha-3 code of the place's country; "" for
	// a curated area of open sea.
	Country string
	// Admin1 is the GeoNames admin1 code of the region the place is in
	// ("06"), its own for a Region, "" for countries, areas and places
	// whose region is unknown.
	Admin1 string
	// Admin1Name is the display name of that region ("Daraa Governorate").
	Admin1Name string
	// Lat and Lon are the place's coordinates in degrees (WGS84): the
	// GeoNames point of a city, a representative centre for the others (see
	// the package documentation).
	Lat, Lon float64
	// Radius is the place's approximate extent in km, a disc around Lat,
	// Lon: 0 for a city.
	Radius float64
	// Feature is the GeoNames feature code: "PPLC", "PPLA", "PPL", ... for
	// cities, "ADM1" for regions, "RGN", "PEN", "CONT", ... for areas, and
	// "PCLI" for every country, dependent territories too (the sources do
	// not say which are).
	Feature string
	// Population is GeoNames' figure for a city or country; for a region,
	// the sum of its cities500 places' (a lower bound); 0 for areas.
	Population int64
	// Kind says which of the four kinds of place this is.
	Kind Kind
	// Also lists the other countries (ISO 3166-1 alpha-3) an Area spans
	// ("PAK" and "CHN" for Kashmir); nil for everything else.
	Also []string
}

// A Country is an ISO 3166-1 country or territory.
type Country struct {
	ISO2, ISO3 string // "SY", "SYR"
	Numeric    int    // ISO 3166-1 numeric: 760
	// Names are the English names, the display name first ("Syria",
	// "Syrian Arab Republic").
	Names     []string
	Capital   string // "Damascus"; "" if none
	Continent string // GeoNames continent code: AF, AN, AS, EU, NA, OC, SA
	// Place is the country as a Place: its centroid, radius and population.
	Place *Place
}

// An Admin1 is a first-level administrative division.
type Admin1 struct {
	Country string // ISO 3166-1 alpha-3
	Code    string // GeoNames admin1 code: "06"
	ISO     string // ISO 3166-2 code: "SY-DR"; "" if unknown
	Type    string // subdivision type word: "governorate"; "" if unknown
	Place   *Place // Name "Daraa Governorate", Kind Region, Feature ADM1
}

// earthRadius is the mean radius of the Earth in km.
const earthRadius = 6371.0088

// Haversine returns the great-circle distance in km between two points
// given in degrees.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	s1, s2 := math.Sin(dlat/2), math.Sin(dlon/2)
	a := s1*s1 + math.Cos(lat1*rad)*math.Cos(lat2*rad)*s2*s2
	return 2 * earthRadius * math.Asin(math.Sqrt(math.Min(1, a)))
}

// Distance returns the great-circle distance in km between two places.
func Distance(a, b *Place) float64 { return Haversine(a.Lat, a.Lon, b.Lat, b.Lon) }
