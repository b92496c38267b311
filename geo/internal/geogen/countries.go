package geogen

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// A country as written to countries.txt.
type country struct {
	iso2, iso3 string
	num        int
	id         int64
	names      []string // display name first, then aliases; distinct after folding
	capital    string
	continent  string
	pop        int64
	area       float64 // km²
	lat, lon   float64
	arabic     bool // Arabic is one of its languages
}

// Mordecai's country-name list maps a few names in a way sitrep does not
// follow: Northern Ireland is part of the United Kingdom, not Ireland;
// "Gaza" is the Gaza Strip (an admin1 of Palestine, see regions.txt), not
// the country; the others name codes that no longer exist.
var mordecaiSkip = map[string]bool{
	"Northern Ireland": true, "Gaza": true, "Ascension_Island": true, "Netherlands Antilles": true,
}

// readCountries builds the countries from GeoNames countryInfo and adds the
// English names and aliases of the ISO lists. cities are used for the
// capital's coordinates when Natural Earth has no polygon, and to drop
// aliases that are the names of large places elsewhere.
func readCountries(shared string, cities []*city, st *Stats) ([]*country, error) {
	var isoCodes [][]string
	if err := readJSON(shared, fileI18nCodes, &isoCodes); err != nil {
		return nil, err
	}
	isoNum := map[string]int{}
	for _, c := range isoCodes {
		if len(c) < 3 {
			continue
		}
		n, err := strconv.Atoi(c[2])
		if err != nil {
			return nil, fmt.Errorf("%s: numeric code %q: %w", fileI18nCodes, c[2], err)
		}
		isoNum[c[0]] = n
	}
	hasCities := map[string]bool{}
	for _, c := range cities {
		hasCities[c.cc] = true
	}

	var list []*country
	by2 := map[string]*country{}
	by3 := map[string]*country{}
	err := readTSV(shared, fileCountryInfo, func(_ int, f []string) error {
		if f[0] == "ISO" {
			return nil // the column header
		}
		if len(f) < 17 {
			return fmt.Errorf("%d fields, want 17 or more", len(f))
		}
		iso2 := f[0]
		n, known := isoNum[iso2]
		if !known && !hasCities[iso2] {
			st.CountriesDropped = append(st.CountriesDropped, iso2+" "+f[4])
			return nil // AN, CS: codes withdrawn from ISO 3166-1, no places
		}
		gn, _ := strconv.Atoi(f[2])
		if known && gn != n {
			st.Disagreements = append(st.Disagreements, fmt.Sprintf("%s numeric: GeoNames %d, ISO list %d (ISO kept)", iso2, gn, n))
		}
		if !known {
			n = gn
		}
		area, _ := strconv.ParseFloat(f[6], 64)
		pop, _ := strconv.ParseInt(f[7], 10, 64)
		id, err := strconv.ParseInt(f[16], 10, 64)
		if err != nil {
			return fmt.Errorf("geonameid %q: %w", f[16], err)
		}
		c := &country{iso2: iso2, iso3: f[1], num: n, id: id, names: []string{clean(f[4])}, capital: clean(f[5]),
			continent: f[8], pop: pop, area: area}
		for _, l := range strings.Split(f[15], ",") {
			if l == "ar" || strings.HasPrefix(l, "ar-") {
				c.arabic = true
			}
		}
		list = append(list, c)
		by2[iso2] = c
		by3[c.iso3] = c
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Aliases. bigNames are the folded names of admin1 regions and places of
	// 100,000 people or more, by country: an alias that names such a place in
	// another country ("Gold Coast", "Formosa") is dropped.
	bigNames := map[string]map[string]bool{}
	for _, c := range cities {
		if c.pop >= 100000 {
			for _, k := range c.keys {
				if bigNames[k] == nil {
					bigNames[k] = map[string]bool{}
				}
				bigNames[k][c.cc] = true
			}
		}
	}
	err = readTSV(shared, fileAdmin1, func(_ int, f []string) error {
		if len(f) >= 3 {
			for _, n := range f[1:3] {
				k := fold(n)
				if bigNames[k] == nil {
					bigNames[k] = map[string]bool{}
				}
				bigNames[k][strings.SplitN(f[0], ".", 2)[0]] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	addAlias := func(c *country, name, source string) {
		for _, a := range aliasForms(name) {
			k := fold(a)
			if k == "" || k == fold(c.names[0]) {
				continue
			}
			for other := range bigNames[k] {
				if other != c.iso2 {
					st.AliasesDropped = append(st.AliasesDropped, fmt.Sprintf("%s %q (%s): also a place in %s", c.iso3, a, source, other))
					return
				}
			}
			c.names = append(c.names, a)
		}
	}

	var en struct {
		Countries map[string]stringOrList `json:"countries"`
	}
	if err := readJSON(shared, fileI18nEn, &en); err != nil {
		return nil, err
	}
	var cl map[string]struct {
		Name    string   `json:"name"`
		Alias   []string `json:"alias"`
		Capital string   `json:"capital"`
	}
	if err := readJSON(shared, fileCountryList, &cl); err != nil {
		return nil, err
	}
	wiki, err := readCSV(shared, fileWikiISO)
	if err != nil {
		return nil, err
	}
	var mordecai map[string]string
	if err := readJSON(shared, fileMordecaiCtry, &mordecai); err != nil {
		return nil, err
	}
	for _, c := range list {
		for _, n := range en.Countries[c.iso2] {
			addAlias(c, n, "i18n-iso-countries")
		}
		if e, ok := cl[c.iso2]; ok {
			addAlias(c, e.Name, "countries-list")
			for _, a := range e.Alias {
				addAlias(c, a, "countries-list")
			}
			if e.Capital != "" && fold(e.Capital) != fold(c.capital) {
				st.Disagreements = append(st.Disagreements, fmt.Sprintf("%s capital: GeoNames %q, countries-list %q (GeoNames kept)", c.iso2, c.capital, e.Capital))
			}
		}
	}
	for _, rec := range wiki[1:] {
		if len(rec) >= 2 {
			if c := by2[rec[1]]; c != nil {
				addAlias(c, rec[0], "Wikipedia ISO table")
			}
		}
	}
	mnames := make([]string, 0, len(mordecai))
	for n := range mordecai {
		mnames = append(mnames, n)
	}
	sort.Strings(mnames)
	for _, n := range mnames {
		if mordecaiSkip[n] {
			st.AliasesDropped = append(st.AliasesDropped, fmt.Sprintf("%s %q (Mordecai): skipped by hand", mordecai[n], n))
			continue
		}
		if c := by3[mordecai[n]]; c != nil {
			addAlias(c, strings.ReplaceAll(n, "_", " "), "Mordecai")
		}
	}

	// Keep one spelling per folded name, the first seen.
	for _, c := range list {
		seen := map[string]bool{}
		out := c.names[:0]
		for _, n := range c.names {
			if k := fold(n); !seen[k] {
				seen[k] = true
				out = append(out, n)
			}
		}
		c.names = out
		st.CountryNames += len(out)
	}

	// Coordinates: the centroid of the largest Natural Earth polygon, else the
	// capital, else the mean of the country's places.
	shapes, unnumbered, err := readShapes(shared)
	if err != nil {
		return nil, err
	}
	for _, s := range unnumbered {
		for _, c := range list {
			if _, ok := shapes[c.num]; !ok && fold(c.names[0]) == fold(s.name) {
				shapes[c.num] = s
			}
		}
	}
	for _, c := range list {
		if s, ok := shapes[c.num]; ok {
			c.lat, c.lon = s.lat, s.lon
			continue
		}
		var capital, any *city
		var sumLat, sumLon float64
		n := 0
		for _, p := range cities {
			if p.cc != c.iso2 {
				continue
			}
			sumLat += p.lat
			sumLon += p.lon
			n++
			if p.feature == "PPLC" && (capital == nil || fold(p.name) == fold(c.capital)) {
				capital = p
			}
			if any == nil || p.pop > any.pop {
				any = p
			}
		}
		switch {
		case capital != nil:
			c.lat, c.lon = capital.lat, capital.lon
			st.CentroidFromCapital = append(st.CentroidFromCapital, c.iso3)
		case n > 0:
			c.lat, c.lon = sumLat/float64(n), sumLon/float64(n)
			st.CentroidFromPlaces = append(st.CentroidFromPlaces, c.iso3)
		default:
			st.NoCoordinates = append(st.NoCoordinates, c.iso3)
			c.lat, c.lon = math.NaN(), math.NaN()
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].iso2 < list[j].iso2 })
	return list, nil
}

var parenthesis = regexp.MustCompile(`\s*\([^)]*\)`)

// aliasForms returns the names an ISO-list spelling stands for: "Iran,
// Islamic Republic of" → "Islamic Republic of Iran"; "Virgin Islands,
// British" → "British Virgin Islands"; "Holy See (Vatican City State)" →
// itself and "Holy See"; a leading "The" is dropped. An inverted name that
// cannot be put right ("Taiwan, Province of China") gives nothing.
func aliasForms(name string) []string {
	name = clean(name)
	var out []string
	if i := strings.Index(name, ", "); i >= 0 {
		head, tail := name[:i], name[i+2:]
		switch {
		case strings.HasSuffix(tail, " of") || strings.HasSuffix(tail, " of the"):
			name = tail + " " + head
		case !strings.Contains(tail, " "):
			name = tail + " " + head
		default:
			return nil
		}
	}
	name = strings.TrimPrefix(strings.TrimPrefix(name, "The "), "the ")
	out = append(out, name)
	if p := parenthesis.ReplaceAllString(name, ""); p != name && p != "" {
		out = append(out, p)
	}
	return out
}

// radius returns the radius in km of a disc as large as the country.
func (c *country) radius() float64 { return math.Sqrt(c.area / math.Pi) }
