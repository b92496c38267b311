package geo

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

// smallFiles is a whole gazetteer in a few lines, so that a test or fuzz
// run loads nothing embedded.
func smallFiles() map[string]string {
	return map[string]string{
		CountriesFile: "# a comment\n" +
			"SY\tSYR\t760\t163843\t35.0229\t38.5045\t243\t16906283\tAS\tDamascus\tSyria;Syrian Arab Republic\n" +
			"JO\tJOR\t400\t248816\t31.2455\t36.7707\t171\t9956011\tAS\tAmman\tJordan\n" +
			"IL\tISR\t376\t294640\t31.4443\t34.9961\t81\t8883800\tAS\tJerusalem\tIsrael\n",
		Admin1File: "SY.06\tSY-DR\t170903\t32.7741\t36.1605\t45\t541000\tgovernorate\tDaraa Governorate\tdaraa;daraa governorate;deraa;daraa province\n" +
			"JO.16\t-\t250439\t31.95\t35.93\t20\t2000000\t-\tAmman\tamman;amman province\n",
		PlacesFile: "170905\tDar‘ā\t32.6189\t36.1021\tPPLA\tSY\t06\t97969\tdara;daraa;deraa\n" +
			"250441\tAmman\t31.9552\t35.945\tPPLC\tJO\t16\t1275857\t-\n" +
			"1\tNice\t31\t36\tPPL\tJO\t-\t600\t-\n",
		RegionsFile:  "area -1 RGN SYR,ISR 33.0 35.8 35 Golan Heights; Golan\nalias JOR Hashemite Kingdom of Jordan\n",
		StoplistFile: "proper nice\nupper  us\n",
		PhrasesFile: "direction 180 southern south; southern\ndirection centre central central\n" +
			"type region province; governorate\ntype city city; town\ncue location in; near; close to\ncue actor by\n" +
			"suffix location based\narticle al; el\nborder bare border\nborderarea area\npartof outskirts\nnonplace january\n",
		DemonymsFile: "SYR Syrian; Syrians\nJOR Jordanian\nISR Israeli\n",
	}
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}

func TestLoadSmall(t *testing.T) {
	g, err := Load(mapFS(smallFiles()))
	if err != nil {
		t.Fatal(err)
	}
	if c := g.Counts(); c != (Counts{Countries: 3, Regions: 2, Areas: 1, Cities: 3, Names: 15}) {
		t.Errorf("Counts() = %+v", c)
	}
	got := g.Lookup("Deraa")
	if len(got) != 2 || got[0].ID != 170905 || got[1].ID != 170903 {
		t.Errorf("Lookup(Deraa) = %v", names(got))
	}
	if got := g.Lookup("Amman"); len(got) != 2 || got[0].ID != 250441 || got[1].ID != 250439 {
		t.Errorf("Lookup(Amman) = %v: want the capital before its region", names(got))
	}
	if got := g.Lookup("Hashemite Kingdom of Jordan"); len(got) != 1 || got[0].Country != "JOR" || got[0].Kind != KindCountry {
		t.Errorf("Lookup(Hashemite Kingdom of Jordan) = %v", names(got))
	}
	if p, _ := g.Place(-1); p.Country != "SYR" || len(p.Also) != 1 || p.Also[0] != "ISR" || p.Feature != "RGN" || p.Radius != 35 {
		t.Errorf("Place(-1) = %+v", p)
	}
	if g.stop["nice"] != Proper || g.stop["us"] != Upper {
		t.Errorf("stop = %v", g.stop)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string // replaced
		data string
		want []string // every error, in order
	}{
		{"columns", CountriesFile, "SY\tSYR\t760\n",
			[]string{"countries.txt:1: 3 columns, want 11"}},
		{"country codes", CountriesFile,
			"S1\tSYR\t760\t1\t0\t0\t0\t0\tAS\t-\tSyria\n" +
				"SY\tSYRIA\t760\t1\t0\t0\t0\t0\tAS\t-\tSyria\n" +
				"SY\tSYR\t7600\t1\t0\t0\t0\t0\tAS\t-\tSyria\n",
			[]string{`countries.txt:1: bad ISO 3166-1 alpha-2 code "S1"`, `countries.txt:2: bad ISO 3166-1 alpha-3 code "SYRIA"`, `countries.txt:3: bad numeric code "7600"`}},
		{"coordinates", CountriesFile,
			"SY\tSYR\t760\t1\t95\t0\t0\t0\tAS\t-\tSyria\n" +
				"SY\tSYR\t760\t1\t0\t-181\t0\t0\tAS\t-\tSyria\n" +
				"SY\tSYR\t760\t1\tNaN\t0\t0\t0\tAS\t-\tSyria\n" +
				"SY\tSYR\t760\t1\t3O.5\t0\t0\t0\tAS\t-\tSyria\n",
			[]string{`countries.txt:1: bad latitude "95" (want -90 to 90)`, `countries.txt:2: bad longitude "-181" (want -180 to 180)`, `countries.txt:3: bad latitude "NaN" (want -90 to 90)`, `countries.txt:4: bad latitude "3O.5" (want -90 to 90)`}},
		{"population and duplicates", CountriesFile,
			"SY\tSYR\t760\t1\t0\t0\t0\t-5\tAS\t-\tSyria\n" +
				"SY\tSYR\t760\t2\t0\t0\t0\t5\tAS\t-\tSyria\n" +
				"JO\tSYR\t400\t3\t0\t0\t0\t5\tAS\t-\tJordan\n" +
				"JO\tJOR\t400\t2\t0\t0\t0\t5\tAS\t-\tJordan\n" +
				"IQ\tIRQ\t368\t4\t0\t0\t0\t5\tAS\t-\t;\n",
			[]string{`countries.txt:1: bad population "-5"`, `countries.txt:3: duplicate code SYR (also SYR)`, `countries.txt:4: duplicate id 2 (also the country "Syria")`, `countries.txt:5: no name`}},
		{"admin1", Admin1File,
			"ZZ.01\t-\t5\t0\t0\t1\t0\t-\tX\tx\n" +
				"SY06\t-\t6\t0\t0\t1\t0\t-\tX\tx\n" +
				"SY.07\tJO-DR\t7\t0\t0\t1\t0\t-\tX\tx\n" +
				"SY.08\t-\t8\t0\t190\t1\t0\t-\tX\tx\n" +
				"SY.09\t-\t9\t0\t0\t1\t0\t-\tX\tx\n" +
				"SY.09\t-\t10\t0\t0\t1\t0\t-\tX\tx\n" +
				"SY.10\t-\t0\t0\t0\t1\t0\t-\tX\tx\n" +
				"SY.11\t-\t11\t0\t0\t1\t0\t-\tX\tx;;\n",
			[]string{`admin1.txt:1: unknown country "ZZ"`, `admin1.txt:2: bad key "SY06": want country.code (SY.06)`,
				`admin1.txt:3: bad ISO 3166-2 code "JO-DR" for SY.07`, `admin1.txt:4: bad longitude "190" (want -180 to 180)`, `admin1.txt:6: duplicate region SY.09`,
				`admin1.txt:7: bad id "0"`, `admin1.txt:8: empty name in a ';' list`}},
		{"places", PlacesFile,
			"5\tX\t0\t0\tPPL\tZZ\t-\t1\t-\n" +
				"6\tX\t0\t0\tPPL\tSY\t99\t1\t-\n" +
				"7\tX\t0\t0\tppl\tSY\t-\t1\t-\n" +
				"8\tX\t0\t0\tPPL\tSY\t-\tmany\t-\n" +
				"170903\tX\t0\t0\tPPL\tSY\t-\t1\t-\n" +
				"9\t\t0\t0\tPPL\tSY\t-\t1\t-\n" +
				"10\tX\t0\t0\tPPL\tSY\t-\t1\n" +
				"11\tX\t0\t0\tPPL\tSY\t-\t1\ta;;b\n" +
				"12\tX\t0\t0\tPPL\tSY\t-\t1\t'\n",
			[]string{`places.txt:1: unknown country "ZZ"`, `places.txt:2: unknown region SY.99`, `places.txt:3: bad feature code "ppl"`,
				`places.txt:4: bad population "many"`, `places.txt:5: duplicate id 170903 (also the region "Daraa Governorate")`,
				`places.txt:6: no name`, `places.txt:7: 8 columns, want 9`, `places.txt:8: empty name in a ';' list`,
				`places.txt:9: name "'" folds to nothing`}},
		{"regions", RegionsFile,
			"region -2 RGN SYR 0 0 1 X\n" +
				"area 2 RGN SYR 0 0 1 X\n" +
				"area -3 RGN ZZZ 0 0 1 X\n" +
				"area -4 RGN SYR,SY 0 0 1 X\n" +
				"area -5 RGN SYR 0 0 1\n" +
				"area -6 RGN SYR 0 0 -1 X\n" +
				"area -7 RGN SYR 0 0 1 ;Y\n" +
				"area -1 RGN SYR 0 0 1 X\n" +
				"area -1 RGN SYR 0 0 1 Y\n" +
				"alias 999 X\n" +
				"alias SYR\n" +
				"alias SY.06 Hawran\n",
			[]string{`regions.txt:1: unknown keyword "region": want area or alias`, `regions.txt:2: bad id "2"`, `regions.txt:3: unknown country "ZZZ"`,
				`regions.txt:4: unknown country "SY"`, `regions.txt:5: area: want ID FEATURE COUNTRIES LAT LON RADIUS NAMES`,
				`regions.txt:6: bad radius "-1" (want 0 to 20000)`, `regions.txt:7: no name`, `regions.txt:9: duplicate id -1 (also the area "X")`,
				`regions.txt:10: alias: unknown place "999"`, `regions.txt:11: alias: want TARGET NAMES`}},
		{"stoplist", StoplistFile,
			"proper nice\nmaybe of\nnever\nnever Nice\nupper '\n",
			[]string{`stoplist.txt:2: want POLICY NAME with POLICY proper, upper or never, not "maybe of"`,
				`stoplist.txt:3: want POLICY NAME with POLICY proper, upper or never, not "never"`,
				`stoplist.txt:4: duplicate name "nice"`, `stoplist.txt:5: empty name "'"`}},
		{"phrases", PhrasesFile,
			"direction 400 far far\ndirection 90 eastern\ndirection 90 eastern east; east\n" +
				"type town hamlet\ntype city\ncue location in;;near\ncue where in\nsuffix actor backed\n" +
				"border bare border\nborder named border\npartof a b c d e\nnonplace '\nsomething else\n",
			[]string{`phrases.txt:1: direction: bad bearing "400" (want 0 to 359 or centre)`, `phrases.txt:2: direction: want BEARING ADJECTIVE WORDS`,
				`phrases.txt:3: direction: duplicate word "east"`, `phrases.txt:4: type: want KIND WORDS with KIND region, city or district, not "town"`,
				`phrases.txt:5: type: want KIND WORDS with KIND region, city or district, not "city"`, `phrases.txt:6: cue: empty word in a ';' list`,
				`phrases.txt:7: cue: want ROLE WORDS with ROLE location, motion or actor, not "where"`, `phrases.txt:10: border: duplicate word "border"`,
				`phrases.txt:11: partof: "a b c d e" has more than 4 words`, `phrases.txt:12: nonplace: empty word in a ';' list`,
				`phrases.txt:13: unknown keyword "something": want direction, type, cue, suffix, article, border, borderwith, join, borderarea, partof, thecountry, bloc, actorverb or nonplace`}},
		{"demonyms", DemonymsFile,
			"SYR Syrian\nZZZ Zed\nSY Syrian\nJOR\nJOR Syrian\n",
			[]string{`demonyms.txt:2: unknown country "ZZZ": want ISO3 WORDS`, `demonyms.txt:3: unknown country "SY": want ISO3 WORDS`,
				`demonyms.txt:4: demonym: no words`, `demonyms.txt:5: demonym: duplicate word "syrian"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := smallFiles()
			files[tt.file] = tt.data
			_, err := Load(mapFS(files))
			var list linefile.List
			if !errors.As(err, &list) {
				t.Fatalf("Load: %v, want a linefile.List", err)
			}
			var got []string
			for _, e := range list {
				if e.File == tt.file { // not the errors other files get as a consequence
					got = append(got, e.Error())
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !strings.HasPrefix(err.Error(), "geo: ") {
				t.Errorf("Load: %q, want it to start with geo: ", err)
			}
		})
	}
}

func TestLoadGzip(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(smallFiles()[PlacesFile]))
	zw.Close()
	good := b.Bytes()
	files := mapFS(smallFiles())
	delete(files, PlacesFile)
	files[PlacesFile+".gz"] = &fstest.MapFile{Data: good}
	g, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	if g.Counts().Cities != 3 {
		t.Errorf("Counts() = %+v", g.Counts())
	}
	for _, tt := range []struct {
		data []byte
		want string
	}{
		{[]byte("not gzip"), "places.txt.gz:1: "},
		{good[:len(good)-6], "places.txt.gz:4: unexpected EOF"},
	} {
		files[PlacesFile+".gz"] = &fstest.MapFile{Data: tt.data}
		_, err := Load(files)
		if err == nil || !strings.HasPrefix(err.Error(), "geo: "+tt.want) {
			t.Errorf("Load(bad gzip) = %v, want %s...", err, tt.want)
		}
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, RegionsFile), []byte("area -1000 RGN SYR 32.9 36.2 60 Test Hauran\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Lookup("Test Hauran"); len(got) != 1 || got[0].ID != -1000 {
		t.Errorf("Lookup(Test Hauran) = %v", names(got))
	}
	if got := g.Lookup("Golan Heights"); len(got) != 0 {
		t.Errorf("Lookup(Golan Heights) = %v: regions.txt was not replaced", names(got))
	}
	if got := g.Lookup("Daraa"); len(got) < 2 {
		t.Errorf("Lookup(Daraa) = %v: the embedded places are missing", names(got))
	}
	if err := os.WriteFile(filepath.Join(dir, StoplistFile), []byte("often nice\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = LoadDir(dir)
	if want := filepath.Join(dir, StoplistFile) + ":1: "; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("LoadDir = %v, want an error at %s", err, want)
	}
	if _, err := LoadDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("LoadDir(missing folder) succeeded")
	}
}

// TestDataFiles checks the embedded files beyond what loading does: names
// are stored folded, curated ids are negative, and every stop-list entry
// names a place.
func TestDataFiles(t *testing.T) {
	g := defaultGaz(t)
	for key, v := range g.names {
		if nlp.Fold(key) != key {
			t.Errorf("name %q is not folded", key)
		}
		if v.count() == 0 && v.n&more == 0 {
			t.Errorf("name %q has neither places nor longer names", key)
		}
	}
	for _, p := range g.byID {
		if (p.Kind == KindArea) != (p.ID < 0) {
			t.Errorf("%s %q has id %d", p.Kind, p.Name, p.ID)
		}
		if p.Kind != KindArea && p.Country == "" {
			t.Errorf("%s %q has no country", p.Kind, p.Name)
		}
	}
}

var errorLine = regexp.MustCompile(`^(countries|admin1|places|regions|stoplist|phrases|demonyms)\.txt(\.gz)?:[1-9][0-9]*: .`)

// fuzzLoad loads smallFiles with one file replaced by data and checks the
// invariants: no panic, every error at a line of a file, and a successful
// load whose places all have valid coordinates and are found by name.
func fuzzLoad(t *testing.T, file string, data []byte) {
	files := smallFiles()
	files[file] = string(data)
	g, err := Load(mapFS(files))
	if err != nil {
		var list linefile.List
		if !errors.As(err, &list) {
			t.Fatalf("Load: %v is not a linefile.List", err)
		}
		for _, e := range list {
			if e.Line < 1 || !errorLine.MatchString(e.Error()) {
				t.Errorf("error %q has no file:line", e.Error())
			}
		}
		return
	}
	for _, p := range g.byID {
		if !(p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180) || p.Radius < 0 || p.Population < 0 {
			t.Errorf("place %+v out of range", p)
		}
	}
	for key, v := range g.names {
		if got := len(g.lookupKey([]byte(key))); got != v.count() {
			t.Errorf("name %q: %d places, want %d", key, got, v.count())
		}
	}
}

func FuzzLoadCountries(f *testing.F) {
	f.Add([]byte(smallFiles()[CountriesFile]))
	f.Add([]byte("SY\tSYR\t760\t1\t95\t0\t0\t0\tAS\t-\tSyria\nSY\tSYR\t760\t1\t0\t0\t0\t0\tAS\t-\t;\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, CountriesFile, data) })
}

func FuzzLoadAdmin1(f *testing.F) {
	f.Add([]byte(smallFiles()[Admin1File]))
	f.Add([]byte("SY.07\tJO-DR\t7\t0\t0\t1\t0\t-\tX\tx\nSY.09\t-\t9\t0\t0\t1\t0\t-\tX\t-\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, Admin1File, data) })
}

func FuzzLoadPlaces(f *testing.F) {
	f.Add([]byte(smallFiles()[PlacesFile]))
	f.Add([]byte("6\tX\t0\t0\tPPL\tSY\t99\t1\t-\n170903\tX\t0\t0\tPPL\tSY\t-\t1\ta;b;'\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, PlacesFile, data) })
}

func FuzzLoadRegions(f *testing.F) {
	f.Add([]byte(smallFiles()[RegionsFile]))
	f.Add([]byte("area -4 RGN SYR,SY 0 0 1 X\nalias SY.06 Hawran; Houran\narea -5 SEA - 10 10 100 Sea\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, RegionsFile, data) })
}

func FuzzLoadPhrases(f *testing.F) {
	f.Add([]byte(smallFiles()[PhrasesFile]))
	f.Add([]byte("direction 400 far far\ncue location in;;near\nborder bare border\nborder named border\narticle al\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, PhrasesFile, data) })
}

func FuzzLoadDemonyms(f *testing.F) {
	f.Add([]byte(smallFiles()[DemonymsFile]))
	f.Add([]byte("SYR Syrian\nZZZ Zed\nJOR\nJOR Syrian\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, DemonymsFile, data) })
}

func FuzzLoadStoplist(f *testing.F) {
	f.Add([]byte(smallFiles()[StoplistFile]))
	f.Add([]byte("never of\nmaybe x\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzLoad(t, StoplistFile, data) })
}
