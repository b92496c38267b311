package geo

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

// The data files of a gazetteer, in the order they are read.
const (
	CountriesFile = "countries.txt"
	Admin1File    = "admin1.txt"
	PlacesFile    = "places.txt" // or places.txt.gz
	RegionsFile   = "regions.txt"
	StoplistFile  = "stoplist.txt"
)

// A loader reads data files into a gazetteer under construction, collecting
// every error.
type loader struct {
	g       *Gazetteer
	errs    linefile.List
	entries []entry // (folded name, place) pairs for the index
	slab    []Place // places are allocated from slabs
}

// An entry says that a folded name denotes a place.
type entry struct {
	key string
	p   *Place
}

func newLoader() *loader {
	return &loader{
		g: &Gazetteer{
			byID:      map[int64]*Place{},
			countryBy: map[string]*Country{},
			admin1:    map[string]*Admin1{},
			stop:      map[string]Policy{},
			words:     newWords(),
		},
	}
}

// newPlace returns a zeroed place from the current slab.
func (l *loader) newPlace() *Place {
	if len(l.slab) == cap(l.slab) {
		l.slab = make([]Place, 0, 4096)
	}
	l.slab = l.slab[:len(l.slab)+1]
	return &l.slab[len(l.slab)-1]
}

// define records place p under its id, reporting a duplicate.
func (l *loader) define(file string, line int, p *Place) bool {
	if o := l.g.byID[p.ID]; o != nil {
		l.errs.Add(file, line, "duplicate id %d (also the %s %q)", p.ID, o.Kind, o.Name)
		return false
	}
	l.g.byID[p.ID] = p
	return true
}

// addNames folds each ';'-separated name of list and adds it to the index
// for p, reporting names that fold to nothing.
func (l *loader) addNames(file string, line int, p *Place, list string) {
	for list != "" {
		name, rest, _ := strings.Cut(list, ";")
		list = rest
		key := foldString(name)
		if key == "" {
			if strings.TrimSpace(name) == "" {
				l.errs.Add(file, line, "empty name in a ';' list")
			} else {
				l.errs.Add(file, line, "name %q folds to nothing", name)
			}
			continue
		}
		l.entries = append(l.entries, entry{key, p})
	}
}

// fields splits line at tabs into f, reporting a wrong count.
func (l *loader) fields(file string, line int, text string, f []string) bool {
	n := strings.Count(text, "\t") + 1
	if n != len(f) {
		l.errs.Add(file, line, "%d columns, want %d", n, len(f))
		return false
	}
	for i := range f[:len(f)-1] {
		f[i], text, _ = strings.Cut(text, "\t")
	}
	f[len(f)-1] = text
	return true
}

// A fieldParser parses the columns of one line, remembering the first
// problem so that a line reports one error, not a cascade.
type fieldParser struct {
	err string
}

func (fp *fieldParser) fail(format string, args ...any) {
	if fp.err == "" {
		fp.err = fmt.Sprintf(format, args...)
	}
}

func (fp *fieldParser) int(what, s string, lo, hi int64) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < lo || n > hi {
		fp.fail("bad %s %q", what, s)
	}
	return n
}

func (fp *fieldParser) float(what, s string, lo, hi float64) float64 {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || x < lo || x > hi {
		fp.fail("bad %s %q (want %g to %g)", what, s, lo, hi)
	}
	return x
}

func (fp *fieldParser) coords(lat, lon string) (float64, float64) {
	return fp.float("latitude", lat, -90, 90), fp.float("longitude", lon, -180, 180)
}

// code checks that s is n characters of A-Z (digits too if digits).
func (fp *fieldParser) code(what, s string, n int, digits bool) string {
	ok := len(s) == n || n == 0 && s != "" && len(s) <= 10
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = 'A' <= c && c <= 'Z' || digits && '0' <= c && c <= '9'
	}
	if !ok {
		fp.fail("bad %s %q", what, s)
	}
	return s
}

// dash returns s, or "" for "-".
func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// readCountries reads countries.txt:
//
//	iso2  iso3  numeric  geonameid  lat  lon  radius_km  population  continent  capital  names
func (l *loader) readCountries(r io.Reader, file string) {
	sc := linefile.NewScanner(r, file)
	var f [11]string
	for sc.Scan() {
		line := sc.Line()
		if !l.fields(file, line, sc.Text(), f[:]) {
			continue
		}
		var fp fieldParser
		p := &Place{Kind: KindCountry, Feature: "PCLI"}
		c := &Country{Place: p}
		c.ISO2 = fp.code("ISO 3166-1 alpha-2 code", f[0], 2, false)
		c.ISO3 = fp.code("ISO 3166-1 alpha-3 code", f[1], 3, false)
		c.Numeric = int(fp.int("numeric code", f[2], 0, 999))
		p.ID = fp.int("id", f[3], 1, math.MaxInt64)
		p.Lat, p.Lon = fp.coords(f[4], f[5])
		p.Radius = fp.float("radius", f[6], 0, 20000)
		p.Population = fp.int("population", f[7], 0, math.MaxInt64)
		c.Continent = fp.code("continent", f[8], 2, false)
		c.Capital = dash(f[9])
		for _, n := range strings.Split(f[10], ";") {
			if n = strings.TrimSpace(n); n != "" {
				c.Names = append(c.Names, n)
			}
		}
		if len(c.Names) == 0 {
			fp.fail("no name")
		}
		if fp.err != "" {
			l.errs.Add(file, line, "%s", fp.err)
			continue
		}
		p.Name, p.Country = c.Names[0], c.ISO3
		num := fmt.Sprintf("%03d", c.Numeric)
		dup := false
		for _, k := range []string{c.ISO2, c.ISO3, num} {
			if o := l.g.countryBy[k]; o != nil {
				l.errs.Add(file, line, "duplicate code %s (also %s)", k, o.ISO3)
				dup = true
			}
		}
		if dup || !l.define(file, line, p) {
			continue
		}
		for _, k := range []string{c.ISO2, c.ISO3, num} {
			l.g.countryBy[k] = c
		}
		l.g.countries = append(l.g.countries, c)
		l.addNames(file, line, p, f[10])
	}
	l.scanErr(sc)
}

// readAdmin1 reads admin1.txt:
//
//	key  iso3166-2  geonameid  lat  lon  radius_km  population  type  name  forms
func (l *loader) readAdmin1(r io.Reader, file string) {
	sc := linefile.NewScanner(r, file)
	var f [10]string
	for sc.Scan() {
		line := sc.Line()
		if !l.fields(file, line, sc.Text(), f[:]) {
			continue
		}
		var fp fieldParser
		cc, code, ok := strings.Cut(f[0], ".")
		c := l.g.countryBy[cc]
		switch {
		case !ok || code == "" || len(cc) != 2:
			fp.fail("bad key %q: want country.code (SY.06)", f[0])
		case c == nil:
			fp.fail("unknown country %q", cc)
		}
		iso := dash(f[1])
		if isoCC, sub, ok := strings.Cut(iso, "-"); iso != "" && (!ok || isoCC != cc || sub == "") {
			fp.fail("bad ISO 3166-2 code %q for %s", iso, f[0])
		}
		p := &Place{Kind: KindRegion, Feature: "ADM1", Admin1: code, Name: f[8]}
		p.ID = fp.int("id", f[2], 1, math.MaxInt64)
		p.Lat, p.Lon = fp.coords(f[3], f[4])
		p.Radius = fp.float("radius", f[5], 0, 20000)
		p.Population = fp.int("population", f[6], 0, math.MaxInt64)
		if p.Name == "" {
			fp.fail("no name")
		}
		if fp.err != "" {
			l.errs.Add(file, line, "%s", fp.err)
			continue
		}
		if o := l.g.admin1[f[0]]; o != nil {
			l.errs.Add(file, line, "duplicate region %s", f[0])
			continue
		}
		if iso != "" && l.g.admin1[iso] != nil {
			l.errs.Add(file, line, "duplicate ISO 3166-2 code %s", iso)
			continue
		}
		if !l.define(file, line, p) {
			continue
		}
		p.Country, p.Admin1Name = c.ISO3, p.Name
		a := &Admin1{Country: c.ISO3, Code: code, ISO: iso, Type: dash(f[7]), Place: p}
		l.g.admin1[f[0]] = a
		if iso != "" {
			l.g.admin1[iso] = a
		}
		l.g.nAdmin1++
		l.addNames(file, line, p, dash(f[9]))
	}
	l.scanErr(sc)
}

// readPlaces reads places.txt:
//
//	geonameid  name  lat  lon  feature  country  admin1  population  names
func (l *loader) readPlaces(r io.Reader, file string) {
	sc := linefile.NewScanner(r, file)
	var f [9]string
	for sc.Scan() {
		line := sc.Line()
		if !l.fields(file, line, sc.Text(), f[:]) {
			continue
		}
		var fp fieldParser
		p := l.newPlace()
		*p = Place{Kind: KindCity, Name: f[1]}
		p.ID = fp.int("id", f[0], 1, math.MaxInt64)
		p.Lat, p.Lon = fp.coords(f[2], f[3])
		p.Feature = fp.code("feature code", f[4], 0, true)
		c := l.g.countryBy[f[5]]
		if c == nil || len(f[5]) != 2 {
			fp.fail("unknown country %q", f[5])
		}
		if code := dash(f[6]); code != "" && c != nil {
			a := l.g.admin1[f[5]+"."+code]
			if a == nil {
				fp.fail("unknown region %s.%s", f[5], code)
			} else {
				p.Admin1, p.Admin1Name = code, a.Place.Name
			}
		}
		p.Population = fp.int("population", f[7], 0, math.MaxInt64)
		if p.Name == "" {
			fp.fail("no name")
		}
		if fp.err != "" {
			l.errs.Add(file, line, "%s", fp.err)
			continue
		}
		p.Country = c.ISO3
		if !l.define(file, line, p) {
			continue
		}
		l.g.nCities++
		l.addNames(file, line, p, p.Name)
		if names := dash(f[8]); names != "" {
			l.addNames(file, line, p, names)
		}
	}
	l.scanErr(sc)
}

// readRegions reads regions.txt, whose lines are
//
//	area   ID FEATURE COUNTRIES LAT LON RADIUS_KM NAME; ALIAS; ...
//	alias  TARGET NAME; ...
//
// separated by spaces or tabs. An area is a new place with a negative id;
// an alias gives more names to a place already loaded, named by its id,
// its ISO 3166-1 code or its region key ("SY.06").
func (l *loader) readRegions(r io.Reader, file string) {
	sc := linefile.NewScanner(r, file)
	for sc.Scan() {
		line := sc.Line()
		kw, rest := cutField(sc.Text())
		switch kw {
		case "area":
			var f [6]string
			for i := range f {
				f[i], rest = cutField(rest)
			}
			if rest == "" {
				l.errs.Add(file, line, "area: want ID FEATURE COUNTRIES LAT LON RADIUS NAMES")
				continue
			}
			var fp fieldParser
			p := &Place{Kind: KindArea}
			p.ID = fp.int("id", f[0], math.MinInt64, -1)
			p.Feature = fp.code("feature code", f[1], 0, true)
			for i, cc := range strings.Split(f[2], ",") {
				if f[2] == "-" {
					break // open sea: no country
				}
				c := l.g.countryBy[cc]
				if c == nil || len(cc) != 3 {
					fp.fail("unknown country %q", cc)
					break
				}
				if i == 0 {
					p.Country = c.ISO3
				} else {
					p.Also = append(p.Also, c.ISO3)
				}
			}
			p.Lat, p.Lon = fp.coords(f[3], f[4])
			p.Radius = fp.float("radius", f[5], 0, 20000)
			name, _, _ := strings.Cut(rest, ";")
			if p.Name = strings.TrimSpace(name); p.Name == "" {
				fp.fail("no name")
			}
			if fp.err != "" {
				l.errs.Add(file, line, "%s", fp.err)
				continue
			}
			if l.define(file, line, p) {
				l.g.nAreas++
				l.addNames(file, line, p, rest)
			}
		case "alias":
			target, names := cutField(rest)
			if names == "" {
				l.errs.Add(file, line, "alias: want TARGET NAMES")
				continue
			}
			p := l.target(target)
			if p == nil {
				l.errs.Add(file, line, "alias: unknown place %q", target)
				continue
			}
			l.addNames(file, line, p, names)
		default:
			l.errs.Add(file, line, "unknown keyword %q: want area or alias", kw)
		}
	}
	l.scanErr(sc)
}

// target returns the place an alias line names: an id, a country code or a
// region key.
func (l *loader) target(s string) *Place {
	if id, err := strconv.ParseInt(s, 10, 64); err == nil {
		return l.g.byID[id]
	}
	if c := l.g.countryBy[s]; c != nil && len(s) == 3 {
		return c.Place
	}
	if a := l.g.admin1[s]; a != nil {
		return a.Place
	}
	return nil
}

// readStoplist reads stoplist.txt: lines of POLICY NAME, where POLICY is
// proper, upper or never (see Policy).
func (l *loader) readStoplist(r io.Reader, file string) {
	sc := linefile.NewScanner(r, file)
	for sc.Scan() {
		line := sc.Line()
		kw, name := cutField(sc.Text())
		pol, ok := policyNames[kw]
		if !ok || name == "" {
			l.errs.Add(file, line, "want POLICY NAME with POLICY proper, upper or never, not %q", sc.Text())
			continue
		}
		key := nlp.Fold(name)
		if key == "" {
			l.errs.Add(file, line, "empty name %q", name)
			continue
		}
		if _, dup := l.g.stop[key]; dup {
			l.errs.Add(file, line, "duplicate name %q", key)
			continue
		}
		l.g.stop[key] = pol
	}
	l.scanErr(sc)
}

// cutField returns the first space- or tab-separated field of s and the
// rest, trimmed.
func cutField(s string) (field, rest string) {
	s = strings.TrimLeft(s, " \t")
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeft(s[i:], " \t")
}

func (l *loader) scanErr(sc *linefile.Scanner) {
	if err := sc.Err(); err != nil {
		var e *linefile.Error
		if errors.As(err, &e) {
			l.errs = append(l.errs, e)
		}
	}
}

// open returns the named data file from fsys if it has it, else the
// embedded one; name+".gz" is tried after name. display is the file's name
// in errors.
func open(fsys fs.FS, prefix, name string) (f fs.File, display string, err error) {
	try := func(fsys fs.FS, dir, prefix string) (fs.File, string, error) {
		for _, n := range []string{name, name + ".gz"} {
			f, err := fsys.Open(dir + n)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return f, prefix + n, err
		}
		return nil, prefix + name, fs.ErrNotExist
	}
	if fsys != nil {
		f, display, err = try(fsys, "", prefix)
		if !errors.Is(err, fs.ErrNotExist) {
			return f, display, err
		}
	}
	return try(embedded, "data/", "")
}

// reserve makes room for the places and names of a places file of size
// bytes (compressed if gz), so that loading the embedded data does not
// grow its tables again and again. The figures are those of cities500:
// about 66 bytes a place and 28 a name, gzip shrinking it 2.6 times.
func (l *loader) reserve(size int64, gz bool) {
	if gz {
		size = size * 26 / 10
	}
	if size < 1<<20 || size > 1<<30 {
		return // small files need no help; absurd sizes get none
	}
	places, names := int(size/66), int(size/28)
	l.entries = slices.Grow(l.entries, names)
	byID := make(map[int64]*Place, len(l.g.byID)+places)
	maps.Copy(byID, l.g.byID)
	l.g.byID = byID
}

// read runs fn on the contents of f, decompressing a display name ending in
// ".gz"; a bad gzip header is an error at line 1.
func (l *loader) read(f io.Reader, display string, fn func(io.Reader, string)) {
	if !strings.HasSuffix(display, ".gz") {
		fn(f, display)
		return
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		l.errs.Add(display, 1, "%v", err)
		return
	}
	fn(zr, display)
}
