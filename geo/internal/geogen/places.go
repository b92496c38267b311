package geogen

import (
	"fmt"
	"strconv"
)

// A city is one populated place of cities500.
type city struct {
	id         int64
	name       string
	lat, lon   float64
	feature    string
	cc, admin1 string // ISO 3166-1 alpha-2; GeoNames admin1 code
	pop        int64
	keys       []string // folded names: nlp.Fold(name) first, then the kept alternates
}

// readCities reads cities500, keeping for each place its folded names and
// counting the alternates dropped, by reason.
func readCities(shared string, st *Stats) ([]*city, error) {
	var cities []*city
	err := readTSV(shared, fileCities, func(_ int, f []string) error {
		if len(f) != 19 {
			return fmt.Errorf("%d fields, want 19", len(f))
		}
		id, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return err
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad coordinates %q %q", f[4], f[5])
		}
		pop, err := strconv.ParseInt(f[14], 10, 64)
		if err != nil {
			return err
		}
		c := &city{id: id, name: clean(f[1]), lat: lat, lon: lon, feature: f[7], cc: f[8], admin1: f[10], pop: pop}
		if c.name == "" {
			c.name = clean(f[2])
		}
		if c.feature == "" {
			c.feature = "PPL" // one row of cities500 has none; every row is class P
			st.EmptyFeature++
		}
		seen := map[string]bool{}
		add := func(name string) bool {
			k := fold(name)
			if k == "" || seen[k] {
				return false
			}
			seen[k] = true
			c.keys = append(c.keys, k)
			return true
		}
		add(c.name)
		if add(f[2]) {
			st.ASCIINames++
		}
		for _, a := range splitNonEmpty(f[3], ',') {
			st.Alternates++
			keep, why := altVerdict(a)
			switch {
			case !keep:
			case !isASCII(fold(a)):
				keep, why = false, dropNonASCII
			case !add(a):
				keep, why = false, dropDup
			}
			if keep {
				st.AlternatesKept++
			} else {
				st.Dropped[why]++
			}
		}
		cities = append(cities, c)
		return nil
	})
	return cities, err
}

// splitNonEmpty splits s at sep, dropping empty parts.
func splitNonEmpty(s string, sep byte) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != sep {
			i++
		}
		if i > 0 {
			out = append(out, s[:i])
		}
		if i == len(s) {
			break
		}
		s = s[i+1:]
	}
	return out
}

// addArabicVariants gives the places of countries that speak Arabic the
// spellings of their names' article that news uses (see arabicVariants).
func addArabicVariants(countries []*country, cities []*city, st *Stats) {
	arabic := map[string]bool{}
	for _, c := range countries {
		arabic[c.iso2] = c.arabic
	}
	for _, c := range cities {
		if !arabic[c.cc] {
			continue
		}
		seen := map[string]bool{}
		for _, k := range c.keys {
			seen[k] = true
		}
		for _, k := range c.keys {
			for _, v := range arabicVariants(k) {
				if !seen[v] {
					seen[v] = true
					c.keys = append(c.keys, v)
					st.ArabicVariants++
				}
			}
		}
	}
}
