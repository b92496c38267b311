package geo

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// A Gazetteer holds the places sitrep knows and finds them by name. It is
// safe for concurrent use; its places must not be changed.
type Gazetteer struct {
	byID      map[int64]*Place
	countries []*Country
	countryBy map[string]*Country // by ISO2, ISO3, zero-padded numeric
	admin1    map[string]*Admin1  // by "SY.06" and "SY-DR"
	stop      map[string]Policy   // by folded name
	words     *words              // phrases.txt and demonyms.txt, for the Resolver

	// The name index: a folded name maps to its candidates,
	// postings[off:off+n], and says whether longer names continue it. A
	// word prefix of a longer name that names nothing itself has no
	// candidates. Match walks these entries as a trie over token sequences.
	names    map[string]nameEntry
	filter   keyFilter // says cheaply of most strings that they are no key of names
	postings []*Place  // the candidates of every name, each ordered by the prior
	maxKey   int       // the longest name in bytes
	nNames   int       // names with candidates

	nAdmin1, nAreas, nCities int

	grid   func() *grid      // built on the first Nearest or Within
	cities func() *cityIndex // built when the Resolver first needs it
}

//go:embed data/countries.txt data/admin1.txt data/places.txt.gz data/regions.txt data/stoplist.txt data/phrases.txt data/demonyms.txt
var embedded embed.FS

var defaultGazetteer = sync.OnceValues(func() (*Gazetteer, error) { return Load(nil) })

// Default returns the gazetteer embedded in the binary, decoded on the
// first call (about a third of a second) and shared afterwards.
func Default() (*Gazetteer, error) { return defaultGazetteer() }

// Load builds a gazetteer from the data files in fsys (countries.txt,
// admin1.txt, places.txt or places.txt.gz, regions.txt, stoplist.txt,
// phrases.txt, demonyms.txt); a file fsys does not have comes from the
// embedded data, so that fsys may hold only the files it changes. A nil fsys loads the embedded data. Every
// bad line of every file is reported, as "file:line: message".
func Load(fsys fs.FS) (*Gazetteer, error) { return load(fsys, "") }

// LoadDir is Load on the files of the folder dir; errors name the files
// with dir in front.
func LoadDir(dir string) (*Gazetteer, error) {
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("geo: %s is not a folder", dir)
	}
	return load(os.DirFS(dir), filepath.Clean(dir)+string(filepath.Separator))
}

func load(fsys fs.FS, prefix string) (*Gazetteer, error) {
	l := newLoader()
	steps := []struct {
		name string
		read func(io.Reader, string)
	}{
		{CountriesFile, l.readCountries},
		{Admin1File, l.readAdmin1},
		{PlacesFile, l.readPlaces},
		{RegionsFile, l.readRegions},
		{StoplistFile, l.readStoplist},
		{PhrasesFile, l.readPhrases},
		{DemonymsFile, l.readDemonyms},
	}
	for _, s := range steps {
		f, name, err := open(fsys, prefix, s.name)
		if err != nil {
			return nil, fmt.Errorf("geo: %s: %w", name, err)
		}
		if fi, err := f.Stat(); err == nil && s.name == PlacesFile {
			l.reserve(fi.Size(), strings.HasSuffix(name, ".gz"))
		}
		l.read(f, name, s.read)
		f.Close()
	}
	if err := l.errs.Err(); err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	g := l.g
	slices.SortFunc(g.countries, func(a, b *Country) int { return strings.Compare(a.ISO2, b.ISO2) })
	g.build(l.entries)
	g.grid = sync.OnceValue(g.buildGrid)
	g.cities = sync.OnceValue(g.buildCityIndex)
	return g, nil
}

// Lookup returns the places named name, compared after nlp.Fold, most
// likely first (see the package documentation for the order). It does not
// allocate for a name in ASCII or Latin letters of up to 64 bytes; the
// slice is shared and must not be changed.
func (g *Gazetteer) Lookup(name string) []*Place {
	var buf [64]byte
	return g.lookupKey(appendFold(buf[:0], name))
}

// lookupKey returns the candidates of a folded name.
func (g *Gazetteer) lookupKey(key []byte) []*Place {
	e := g.names[string(key)]
	n := e.count()
	if n == 0 {
		return nil
	}
	return g.postings[e.off : int(e.off)+n : int(e.off)+n]
}

// Place returns the place with the given id (a geonameid, or the negative
// id of a curated area).
func (g *Gazetteer) Place(id int64) (*Place, bool) {
	p, ok := g.byID[id]
	return p, ok
}

// Country returns a country by its ISO 3166-1 alpha-2 ("SY"), alpha-3
// ("SYR") or numeric ("760") code, in any case, or else by one of its
// names ("Syria", "Syrian Arab Republic", "UK").
func (g *Gazetteer) Country(code string) (*Country, bool) {
	code = strings.TrimSpace(code)
	if n := len(code); n == 2 || n == 3 {
		var up [3]byte
		for i := 0; i < n; i++ {
			c := code[i]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			up[i] = c
		}
		if c := g.countryBy[string(up[:n])]; c != nil {
			return c, true
		}
	}
	if n, err := strconv.Atoi(code); err == nil {
		if n >= 0 && n <= 999 {
			c := g.countryBy[fmt.Sprintf("%03d", n)]
			return c, c != nil
		}
		return nil, false
	}
	for _, p := range g.Lookup(code) {
		if p.Kind == KindCountry {
			c := g.countryBy[p.Country]
			return c, c != nil
		}
	}
	return nil, false
}

// Countries returns every country, ordered by ISO 3166-1 alpha-2 code. The
// slice is shared and must not be changed.
func (g *Gazetteer) Countries() []*Country { return g.countries }

// Admin1 returns a first-level region of a country (given as Country
// accepts it) by its GeoNames admin1 code ("06") or its ISO 3166-2 code,
// with or without the country ("DR", "SY-DR").
func (g *Gazetteer) Admin1(country, code string) (*Admin1, bool) {
	c, ok := g.Country(country)
	if !ok {
		return nil, false
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, k := range []string{c.ISO2 + "." + code, c.ISO2 + "-" + code, code} {
		if a := g.admin1[k]; a != nil && a.Country == c.ISO3 {
			return a, true
		}
	}
	return nil, false
}

// Counts says how many places of each kind, and names, a gazetteer has.
type Counts struct {
	Countries, Regions, Areas, Cities int
	// Names is the number of distinct folded names.
	Names int
}

// Counts returns the size of g.
func (g *Gazetteer) Counts() Counts {
	return Counts{Countries: len(g.countries), Regions: g.nAdmin1, Areas: g.nAreas, Cities: g.nCities, Names: g.nNames}
}

// foldString returns nlp.Fold(s), faster for Latin text.
func foldString(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || 'A' <= c && c <= 'Z' || c == '\'' || c == '`' || c <= ' ' {
			return string(appendFold(make([]byte, 0, len(s)), s))
		}
	}
	return s
}

// appendFold appends nlp.Fold(s) to dst, without allocating when the result
// fits in dst and s is ASCII or Latin (up to U+024F, and the dashes and
// quotes of U+2010 to U+202F); anything else goes to nlp.AppendFold.
func appendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	var tab *foldTable
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\'' || c == '`':
				continue
			case c == ' ' || '\t' <= c && c <= '\r':
				space = len(dst) > start
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if tab == nil {
			tab = latinFold()
		}
		e, ok := tab.lookup(r)
		if !ok {
			return nlp.AppendFold(dst[:start], s)
		}
		i += size
		if e.space {
			space = len(dst) > start
			continue
		}
		if e.s != "" && space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, e.s...)
	}
	return dst
}

// A foldTable holds nlp.Fold of each rune of the Latin blocks (U+0080 to
// U+024F) and of U+2010 to U+202F, for the runes whose fold does not
// depend on their neighbours.
type foldTable struct {
	e [0x250 + 0x20]foldEntry
}

type foldEntry struct {
	s     string // the fold; "" for a rune Fold drops
	space bool   // the rune is white space
	ok    bool   // the rune folds alone
}

func (t *foldTable) lookup(r rune) (foldEntry, bool) {
	switch {
	case r < 0x250:
		e := t.e[r]
		return e, e.ok
	case 0x2010 <= r && r < 0x2030:
		e := t.e[0x250+r-0x2010]
		return e, e.ok
	}
	return foldEntry{}, false
}

// latinFold builds the table from nlp.Fold itself, so the two cannot
// disagree: a rune is in it only if it folds the same between two letters
// as alone, to something without a space.
var latinFold = sync.OnceValue(func() *foldTable {
	t := new(foldTable)
	set := func(i int, r rune) {
		alone := nlp.Fold(string(r))
		switch {
		case unicode.IsSpace(r):
			t.e[i] = foldEntry{space: true, ok: nlp.Fold("x"+string(r)+"y") == "x y"}
		case !strings.Contains(alone, " ") && nlp.Fold("x"+string(r)+"y") == "x"+alone+"y":
			t.e[i] = foldEntry{s: alone, ok: true}
		}
	}
	for r := rune(0x80); r < 0x250; r++ {
		set(int(r), r)
	}
	for r := rune(0x2010); r < 0x2030; r++ {
		set(0x250+int(r-0x2010), r)
	}
	return t
})
