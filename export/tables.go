package export

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"

	"sitrep/actor"
	"sitrep/internal/linefile"
)

// The data files of Tables.
const (
	CountriesFile = "countries.txt" // ISO3, ISO2, numeric, FIPS 10-4, name (generated)
	RegionsFile   = "regions.txt"   // ACLED regions (by hand)
	ACLEDFile     = "acled.txt"     // CAMEO → ACLED event types (by hand)
)

//go:embed data/*.txt
var dataFS embed.FS

// DefaultFS returns the embedded data files.
func DefaultFS() fs.FS {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}

// Tables are the lookup tables the writers share: countries with their
// codes, names and regions, the CAMEO → ACLED mapping, and what each
// three-character CAMEO actor code segment stands for. Tables are immutable
// and safe for concurrent use.
type Tables struct {
	countries map[string]*Country // by ISO3
	acled     map[string]ACLEDType
	segments  map[string]actor.Kind
}

// A Country is one line of countries.txt with its region.
type Country struct {
	ISO3, ISO2 string
	Numeric    int    // ISO 3166-1 numeric; 0 if none
	FIPS       string // FIPS 10-4; "" if none
	Name       string
	Region     string // ACLED's region; "" if none
}

// An ACLEDType is one line of acled.txt: ACLED's classification of a CAMEO
// code.
type ACLEDType struct {
	Disorder, Event, SubEvent string
}

// Country returns a country by its ISO 3166-1 alpha-3 code.
func (t *Tables) Country(iso3 string) (*Country, bool) {
	c, ok := t.countries[iso3]
	return c, ok
}

// ACLED returns the ACLED type of a CAMEO code: the line of acled.txt with
// the longest code that is a prefix of cameo.
func (t *Tables) ACLED(cameo string) (ACLEDType, bool) {
	for n := len(cameo); n >= 2; n-- {
		if a, ok := t.acled[cameo[:n]]; ok {
			return a, true
		}
	}
	return ACLEDType{}, false
}

// DefaultTables returns the tables of the embedded data files, parsed on
// first use and shared.
func DefaultTables() (*Tables, error) { return defaultTables() }

var defaultTables = sync.OnceValues(func() (*Tables, error) { return LoadTables(nil) })

// LoadTables reads the data files from fsys; a file fsys does not have, or
// a nil fsys, comes from the embedded data. The actor code segments come
// from actor.DefaultFS's roles.txt and codes.txt. Every bad line of every
// file is reported, as "file:line: message".
func LoadTables(fsys fs.FS) (*Tables, error) {
	t := &Tables{countries: map[string]*Country{}, acled: map[string]ACLEDType{}, segments: map[string]actor.Kind{}}
	var errs linefile.List
	for _, f := range []struct {
		name string
		read func(io.Reader, string, *linefile.List)
	}{{CountriesFile, t.readCountries}, {RegionsFile, t.readRegions}, {ACLEDFile, t.readACLED}} {
		if err := readFile(fsys, f.name, func(r io.Reader, name string) { f.read(r, name, &errs) }); err != nil {
			return nil, err
		}
	}
	afs := actor.DefaultFS()
	for _, name := range []string{"roles.txt", "codes.txt"} {
		r, err := afs.Open(name)
		if err != nil {
			return nil, fmt.Errorf("export: actor codes: %w", err)
		}
		infos, err := actor.ReadCodes(r, name)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("export: actor codes: %w", err)
		}
		for _, c := range infos {
			t.segments[c.Code] |= c.Kind
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// readFile opens name in fsys, or in the embedded data when fsys lacks it.
func readFile(fsys fs.FS, name string, read func(io.Reader, string)) error {
	if fsys != nil {
		f, err := fsys.Open(name)
		if err == nil {
			defer f.Close()
			read(f, name)
			return nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("export: %w", err)
		}
	}
	f, err := DefaultFS().Open(name)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer f.Close()
	read(f, "export/data/"+name)
	return nil
}

// LoadTablesDir is LoadTables on the files of the folder dir.
func LoadTablesDir(dir string) (*Tables, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return LoadTables(os.DirFS(dir))
}

// readCountries reads lines of five tab-separated columns: ISO3, ISO2,
// numeric, FIPS ("-" for none) and name.
func (t *Tables) readCountries(r io.Reader, file string, errs *linefile.List) {
	s := linefile.NewScanner(r, file)
	for s.Scan() {
		f := strings.Split(s.Text(), "\t")
		if len(f) != 5 {
			errs.Add(file, s.Line(), "want 5 tab-separated columns (iso3 iso2 numeric fips name), have %d", len(f))
			continue
		}
		c := &Country{ISO3: f[0], ISO2: f[1], FIPS: f[3], Name: strings.TrimSpace(f[4])}
		if !isCode(c.ISO3, 3) {
			errs.Add(file, s.Line(), "bad ISO3 code %q", c.ISO3)
			continue
		}
		if !isCode(c.ISO2, 2) {
			errs.Add(file, s.Line(), "bad ISO2 code %q", c.ISO2)
			continue
		}
		n, err := strconv.Atoi(f[2])
		if err != nil || n < 0 || n > 999 {
			errs.Add(file, s.Line(), "bad numeric code %q", f[2])
			continue
		}
		c.Numeric = n
		if c.FIPS == "-" {
			c.FIPS = ""
		} else if !isCode(c.FIPS, 2) {
			errs.Add(file, s.Line(), "bad FIPS code %q", c.FIPS)
			continue
		}
		if c.Name == "" {
			errs.Add(file, s.Line(), "no name")
			continue
		}
		if _, dup := t.countries[c.ISO3]; dup {
			errs.Add(file, s.Line(), "duplicate country %s", c.ISO3)
			continue
		}
		t.countries[c.ISO3] = c
	}
	if err := s.Err(); err != nil {
		errs.Add(file, s.Line(), "%v", err)
	}
}

// readRegions reads "Region name: ISO3 ISO3 ...", after the countries.
func (t *Tables) readRegions(r io.Reader, file string, errs *linefile.List) {
	s := linefile.NewScanner(r, file)
	for s.Scan() {
		name, codes, ok := strings.Cut(s.Text(), ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			errs.Add(file, s.Line(), "want \"Region: ISO3 ISO3 ...\"")
			continue
		}
		for _, code := range strings.Fields(codes) {
			c, ok := t.countries[code]
			switch {
			case !ok:
				errs.Add(file, s.Line(), "unknown country %q", code)
			case c.Region != "":
				errs.Add(file, s.Line(), "%s is already in %s", code, c.Region)
			default:
				c.Region = name
			}
		}
	}
	if err := s.Err(); err != nil {
		errs.Add(file, s.Line(), "%v", err)
	}
}

// readACLED reads "CODE  disorder | event | sub-event".
func (t *Tables) readACLED(r io.Reader, file string, errs *linefile.List) {
	s := linefile.NewScanner(r, file)
	for s.Scan() {
		code, rest, _ := strings.Cut(s.Text(), " ")
		if len(code) < 2 || len(code) > 4 || strings.Trim(code, "0123456789") != "" {
			errs.Add(file, s.Line(), "bad CAMEO code %q", code)
			continue
		}
		f := strings.Split(rest, "|")
		if len(f) != 3 {
			errs.Add(file, s.Line(), "want CODE disorder | event | sub-event, have %d fields", len(f))
			continue
		}
		a := ACLEDType{strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2])}
		if a.Disorder == "" || a.Event == "" || a.SubEvent == "" {
			errs.Add(file, s.Line(), "empty field")
			continue
		}
		if _, dup := t.acled[code]; dup {
			errs.Add(file, s.Line(), "duplicate code %s", code)
			continue
		}
		t.acled[code] = a
	}
	if err := s.Err(); err != nil {
		errs.Add(file, s.Line(), "%v", err)
	}
}

// isCode reports whether s is n upper-case letters or digits.
func isCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
