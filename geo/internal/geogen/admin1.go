package geogen

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// An admin1 region as written to admin1.txt.
type admin1 struct {
	cc, code string // ISO 3166-1 alpha-2 and GeoNames admin1 code: "SY", "06"
	iso      string // ISO 3166-2 subdivision code without the country ("DR"), or ""
	id       int64
	name     string   // display name: the English name where there is one
	typ      string   // subdivision type word ("governorate"), or ""
	forms    []string // folded names, distinct
	lat, lon float64
	radius   float64 // km
	places   int     // populated places of cities500 in it
	pop      int64   // the sum of their populations
}

// isoRegion is one subdivision of iso3166-2-db.
type isoRegion struct {
	Name      string            `json:"name"`
	Names     map[string]string `json:"names"`
	ISO       json.RawMessage   `json:"iso"`
	Fips      json.RawMessage   `json:"fips"`
	Admin     json.RawMessage   `json:"admin"`
	Reference struct {
		Geonames  *int64  `json:"geonames"`
		Wikipedia *string `json:"wikipedia"`
	} `json:"reference"`
}

// rawString returns a JSON string or number as a string, "" for null.
func rawString(m json.RawMessage) string {
	var s string
	if json.Unmarshal(m, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(m, &n) == nil {
		return n.String()
	}
	return ""
}

// readAdmin1 builds the admin1 regions of GeoNames with their ISO 3166-2
// codes and English forms.
func readAdmin1(shared string, countries []*country, cities []*city, st *Stats) ([]*admin1, error) {
	demonyms, err := readDemonyms(shared)
	if err != nil {
		return nil, err
	}
	ctry := map[string]*country{}
	for _, c := range countries {
		ctry[c.iso2] = c
	}
	var db map[string]struct {
		Regions []isoRegion `json:"regions"`
	}
	if err := readJSON(shared, fileISO31662, &db); err != nil {
		return nil, err
	}
	byID := map[int64]*isoRegion{}
	byCode := map[string]*isoRegion{}
	countryType := map[string]string{}
	for cc, c := range db {
		count := map[string]int{}
		for i := range c.Regions {
			r := &c.Regions[i]
			if r.Reference.Geonames != nil {
				byID[*r.Reference.Geonames] = r
			}
			for _, code := range []string{rawString(r.Admin), rawString(r.Fips)} {
				if code != "" {
					byCode[cc+"."+code] = r
				}
			}
			if t, _ := typeSuffix(r.Name); t != "" {
				count[t]++
			}
		}
		best, n := "", 0
		for t, k := range count {
			if k > n || k == n && t < best {
				best, n = t, k
			}
		}
		if n*5 >= len(c.Regions)*2 { // 40% or more of the country's regions
			countryType[cc] = best
		}
	}
	seats := map[string][]*city{}
	members := map[string][]*city{}
	for _, c := range cities {
		key := c.cc + "." + c.admin1
		members[key] = append(members[key], c)
		if c.feature == "PPLA" || c.feature == "PPLC" {
			seats[key] = append(seats[key], c)
		}
	}

	// Each ISO subdivision goes to one GeoNames region: the one with its
	// geonameid, else the first whose code it carries.
	claimed := map[*isoRegion]bool{}
	err = readTSV(shared, fileAdmin1, func(_ int, f []string) error {
		if len(f) == 4 {
			if id, err := strconv.ParseInt(f[3], 10, 64); err == nil && byID[id] != nil {
				claimed[byID[id]] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []*admin1
	err = readTSV(shared, fileAdmin1, func(_ int, f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("%d fields, want 4", len(f))
		}
		cc, code, ok := strings.Cut(f[0], ".")
		if !ok {
			return fmt.Errorf("key %q is not CC.code", f[0])
		}
		c := ctry[cc]
		if c == nil {
			st.Admin1Dropped = append(st.Admin1Dropped, f[0])
			return nil
		}
		id, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return fmt.Errorf("geonameid %q: %w", f[3], err)
		}
		a := &admin1{cc: cc, code: code, id: id, name: clean(f[1])}
		r := byID[id]
		if r == nil {
			if r = byCode[f[0]]; r != nil && claimed[r] {
				st.Disagreements = append(st.Disagreements, fmt.Sprintf("admin1 %s %s: iso3166-2-db gives its code to %s (another GeoNames region); no ISO code", f[0], f[1], r.Name))
				r = nil
			} else if r != nil {
				claimed[r] = true
			}
		}
		full := []string{f[1], f[2]}
		if r != nil {
			if iso := rawString(r.ISO); iso != "" {
				a.iso = iso
			}
			if r.Name != "" {
				a.name = undisambiguate(clean(r.Name), c)
			}
			full = append(full, r.Name, r.Names["en"])
			if w := r.Reference.Wikipedia; w != nil && strings.HasPrefix(*w, "en:") {
				full = append(full, parenthesis.ReplaceAllString(strings.ReplaceAll((*w)[3:], "_", " "), ""))
			}
			for i := range full {
				full[i] = undisambiguate(clean(full[i]), c)
			}
			st.Admin1WithISO++
		}
		a.typ, _ = typeSuffix(a.name)
		if a.typ == "" {
			a.typ = countryType[cc]
		}
		if a.typ == "" {
			a.typ = knownTypes[cc]
		}

		forms := newSet()
		var bases []string
		baseSet := newSet()
		addBase := func(b string) {
			if b = fold(b); b != "" && baseSet.add(b) {
				bases = append(bases, b)
			}
		}
		for _, n := range full {
			if n = clean(n); n == "" {
				continue
			}
			if k := fold(n); !demonyms[k] && !isGeneric(k) {
				forms.add(k) // not "north" for Cameroon's North Region, nor "german" for German, Isle of Man
			}
			_, b := typeSuffix(n)
			addBase(b)
			if c.arabic {
				if s := arabicArticle(b); s != "" {
					addBase(s)
				}
			}
		}
		// Transliteration variants: the alternate names of the region's seat
		// (a PPLA or PPLC of the same name) that are close spellings of a base.
		original := append([]string(nil), bases...)
		for _, s := range seats[f[0]] {
			same := false
			for _, k := range s.keys {
				same = same || baseSet.has(k) || c.arabic && baseSet.has(fold(arabicArticle(k)))
			}
			if !same {
				continue
			}
			addBase(s.keys[0]) // the seat's own name ("Erbil" for Arbil Province)
			for _, k := range s.keys {
				cands := []string{k}
				if c.arabic {
					if s := fold(arabicArticle(k)); s != "" {
						cands = append(cands, s)
					}
				}
				for _, k := range cands {
					for _, b := range original {
						if closeSpelling(b, k) {
							addBase(k)
							break
						}
					}
				}
			}
		}
		for _, b := range bases {
			if strings.Contains(b, " of ") {
				continue // "autonomous republic of crimea" takes no suffix
			}
			if !demonyms[b] && !isGeneric(b) {
				forms.add(b) // but "Somali" is a people, "Northern" no place
			}
			// "Province" whatever the type, as news writes it ("Idlib
			// province"); "region" for oblasts and krais ("Donetsk region").
			suffixes := []string{a.typ, countryType[cc], "province"}
			if a.typ == "oblast" || a.typ == "krai" {
				suffixes = append(suffixes, "region")
			}
			for _, t := range suffixes {
				if t != "" {
					forms.add(b + " " + t)
				}
			}
		}
		a.forms = forms.list
		st.Admin1Forms += len(a.forms)

		// Coordinates: the middle of the box around the region's places,
		// isolated ones left out (see centre); unlike a median it is not
		// pulled to where people crowd. The radius is the distance within
		// which 90% of the places lie.
		m := members[f[0]]
		a.places = len(m)
		if len(m) == 0 {
			a.lat, a.lon, a.radius = c.lat, c.lon, c.radius()
			st.Admin1NoPlaces = append(st.Admin1NoPlaces, f[0])
		} else {
			for _, p := range m {
				a.pop += p.pop
			}
			a.lat, a.lon = centre(m)
			d := make([]float64, len(m))
			for i, p := range m {
				d[i] = haversine(a.lat, a.lon, p.lat, p.lon)
			}
			sort.Float64s(d)
			a.radius = math.Max(5, d[len(d)*9/10])
		}
		out = append(out, a)
		return nil
	})
	// iso3166-2-db gives a few codes to two regions (AZ-SUS, NZ-WTC, TZ-30,
	// YE-SA); which is right cannot be told from the sources, so neither
	// keeps it.
	isoCount := map[string][]*admin1{}
	for _, a := range out {
		if a.iso != "" {
			isoCount[a.cc+"-"+a.iso] = append(isoCount[a.cc+"-"+a.iso], a)
		}
	}
	for code, list := range isoCount {
		if len(list) > 1 {
			var names []string
			for _, a := range list {
				names = append(names, a.cc+"."+a.code+" "+a.name)
				a.iso = ""
			}
			sort.Strings(names)
			st.Disagreements = append(st.Disagreements, fmt.Sprintf("iso3166-2-db gives %s to %s: dropped from both", code, strings.Join(names, " and ")))
		}
	}
	sort.Strings(st.Disagreements)
	sort.Slice(out, func(i, j int) bool {
		if out[i].cc != out[j].cc {
			return out[i].cc < out[j].cc
		}
		return out[i].code < out[j].code
	})
	return out, err
}

// A set keeps strings in insertion order.
type set struct {
	m    map[string]bool
	list []string
}

func newSet() *set { return &set{m: map[string]bool{}} }

func (s *set) has(k string) bool { return s.m[k] }

func (s *set) add(k string) bool {
	if k == "" || s.m[k] {
		return false
	}
	s.m[k] = true
	s.list = append(s.list, k)
	return true
}

// centre returns the middle of the box around the places, leaving out
// isolated ones: those with no other place of the region within 500 km
// (Easter Island for Valparaíso).
// Longitudes are taken across the antimeridian when that makes the box
// narrower.
func centre(m []*city) (lat, lon float64) {
	type cell struct{ y, x int }
	at := func(p *city) cell { return cell{int(math.Floor(p.lat)), int(math.Floor(p.lon))} }
	count := map[cell]int{}
	for _, p := range m {
		count[at(p)]++
	}
	var lats, lons []float64
	for _, p := range m {
		c, n := at(p), 0
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				n += count[cell{c.y + dy, c.x + dx}]
			}
		}
		if n == 1 && len(m) > 1 {
			// Alone in its cells: left out if the nearest place of the
			// region is over 500 km away.
			near := math.Inf(1)
			for _, q := range m {
				if q != p {
					near = math.Min(near, haversine(p.lat, p.lon, q.lat, q.lon))
				}
			}
			if near > 500 {
				continue
			}
		}
		lats = append(lats, p.lat)
		lons = append(lons, p.lon)
	}
	if len(lats) == 0 { // every place far from the others: keep them all
		for _, p := range m {
			lats = append(lats, p.lat)
			lons = append(lons, p.lon)
		}
	}
	sort.Float64s(lats)
	lat = (lats[0] + lats[len(lats)-1]) / 2
	sort.Float64s(lons)
	lon = (lons[0] + lons[len(lons)-1]) / 2
	if lons[len(lons)-1]-lons[0] > 180 {
		// Across the antimeridian: the widest gap between places is where
		// the box is not.
		gap, at := 0.0, 0
		for i := 1; i < len(lons); i++ {
			if g := lons[i] - lons[i-1]; g > gap {
				gap, at = g, i
			}
		}
		if 360-gap < lons[len(lons)-1]-lons[0] {
			lo, hi := lons[at], lons[at-1]+360
			if lon = (lo + hi) / 2; lon > 180 {
				lon -= 360
			}
		}
	}
	return lat, lon
}

// haversine returns the great-circle distance in km.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, a)))
}

// knownTypes names the subdivision type of countries whose iso3166-2-db
// English names do not end in it ("New York", not "New York State").
var knownTypes = map[string]string{
	"US": "state", "MX": "state", "BR": "state", "AU": "state", "IN": "state", "DE": "state",
	"AT": "state", "MY": "state", "VE": "state", "SS": "state", "SD": "state", "NG": "state",
	"CA": "province", "CN": "province", "AR": "province", "PK": "province", "ZA": "province",
	"IR": "province", "AF": "province", "IT": "region", "FR": "region", "ES": "region",
	"RU": "oblast", "UA": "oblast", "KZ": "region", "LY": "district", "GB": "country",
}

// readDemonyms returns the folded nationality words of Mordecai's list
// ("syrian", "somali").
func readDemonyms(shared string) (map[string]bool, error) {
	recs, err := readCSV(shared, fileNationalities)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, r := range recs[1:] {
		if len(r) > 0 {
			m[fold(r[0])] = true
		}
	}
	return m, nil
}

// undisambiguate drops the ", Country" that Wikipedia titles add to tell
// like-named regions apart ("North Region, Cameroon" → "North Region").
func undisambiguate(name string, c *country) string {
	head, tail, ok := strings.Cut(name, ", ")
	if !ok {
		return name
	}
	for _, n := range c.names {
		if strings.EqualFold(tail, n) {
			return head
		}
	}
	return name
}
