package geo

import (
	"math"
	"testing"

	"sitrep/nlp"
)

// defaultGaz returns the embedded gazetteer or fails the test.
func defaultGaz(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// want describes the candidate a test expects.
type want struct {
	kind    Kind
	country string
	feature string // "" for any
	name    string // "" for any
}

func (w want) matches(p *Place) bool {
	return p.Kind == w.kind && p.Country == w.country && (w.feature == "" || p.Feature == w.feature) && (w.name == "" || p.Name == w.name)
}

func TestLookup(t *testing.T) {
	g := defaultGaz(t)
	city := func(cc, feature, name string) want { return want{KindCity, cc, feature, name} }
	region := func(cc, name string) want { return want{KindRegion, cc, "ADM1", name} }
	area := func(cc, name string) want { return want{KindArea, cc, "", name} }
	country := func(cc string) want { return want{KindCountry, cc, "PCLI", ""} }
	tests := []struct {
		name  string
		first []want // the first candidates, in order
		also  []want // further candidates anywhere in the list
	}{
		{"Daraa", []want{city("SYR", "PPLA", "Dar‘ā"), region("SYR", "Daraa Governorate")}, nil},
		{"daraa", []want{city("SYR", "PPLA", "Dar‘ā"), region("SYR", "Daraa Governorate")}, nil},
		{"DARAA", []want{city("SYR", "PPLA", "Dar‘ā")}, nil},
		{"Daraa Governorate", []want{region("SYR", "Daraa Governorate")}, nil},
		{"Daraa province", []want{region("SYR", "Daraa Governorate")}, nil},
		{"Daraa Province", []want{region("SYR", "Daraa Governorate")}, nil},
		{"Deraa", []want{city("SYR", "PPLA", ""), region("SYR", "Daraa Governorate")}, nil},
		{"Dar'a", []want{city("SYR", "PPLA", ""), region("SYR", "Daraa Governorate")}, nil},
		{"Dar‘a province", []want{region("SYR", "Daraa Governorate")}, nil},
		{"Deraa Governorate", []want{region("SYR", "Daraa Governorate")}, nil},
		{"Golan Heights", []want{area("SYR", "Golan Heights")}, nil},
		{"Jordan", []want{country("JOR")}, []want{city("USA", "", "Jordan")}},
		{"Jordan River", []want{area("JOR", "Jordan River")}, nil},
		{"Damascus", []want{city("SYR", "PPLC", "Damascus"), region("SYR", "Damascus Governorate")}, nil},
		{"Idlib province", []want{region("SYR", "Idlib Governorate")}, nil},
		{"Idlib", []want{city("SYR", "PPLA", "Idlib"), region("SYR", "Idlib Governorate")}, nil},
		{"Gaza Strip", []want{region("PSE", "Gaza Strip")}, nil},
		{"Gaza", []want{city("PSE", "PPLA", "Gaza"), region("PSE", "Gaza Strip")}, nil},
		{"West Bank", []want{region("PSE", "West Bank")}, nil},
		{"Crimea", []want{region("UKR", "")}, nil},
		{"Donbas", []want{area("UKR", "Donbas")}, nil},
		{"Donbass", []want{area("UKR", "Donbas")}, nil},
		{"Russia", []want{country("RUS")}, nil},
		{"Russian Federation", []want{country("RUS")}, nil},
		{"Syrian Arab Republic", []want{country("SYR")}, nil},
		{"U.S.", []want{country("USA")}, nil},
		{"United Kingdom", []want{country("GBR")}, nil},
		{"Aleppo", []want{city("SYR", "PPLA", "Aleppo"), region("SYR", "Aleppo Governorate")}, nil},
		{"Rural Damascus", []want{region("SYR", "Rif Dimashq Governorate")}, nil},
		{"Raqqa", []want{city("SYR", "PPLA", "")}, []want{region("SYR", "Ar-Raqqah Governorate")}},
		{"al-Bab", []want{city("SYR", "PPLA2", "Al Bāb")}, nil},
		{"Busra al-Sham", []want{city("SYR", "", "")}, nil},
		{"Erbil", []want{city("IRQ", "PPLA", "Erbil"), region("IRQ", "")}, nil},
		{"Kurdistan Region", []want{area("IRQ", "Kurdistan Region")}, nil},
		{"Sinai", []want{area("EGY", "Sinai Peninsula")}, nil},
		{"Kashmir", []want{area("IND", "Kashmir")}, nil},
		{"Nagorno-Karabakh", []want{area("AZE", "Nagorno-Karabakh")}, nil},
		{"Tigray", []want{region("ETH", "Tigray Region")}, nil},
		{"Darfur", []want{area("SDN", "Darfur")}, nil},
		{"Eastern Ghouta", []want{area("SYR", "Eastern Ghouta")}, nil},
		{"Donetsk oblast", []want{region("UKR", "Donetsk Oblast")}, nil},
		{"Red Sea", nil, []want{area("", "Red Sea")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Lookup(tt.name)
			if len(got) < len(tt.first) {
				t.Fatalf("Lookup(%q) = %v, want at least %d candidates", tt.name, names(got), len(tt.first))
			}
			for i, w := range tt.first {
				if !w.matches(got[i]) {
					t.Errorf("Lookup(%q)[%d] = %s %s %s %q, want %+v", tt.name, i, got[i].Kind, got[i].Country, got[i].Feature, got[i].Name, w)
				}
			}
			for _, w := range tt.also {
				found := false
				for _, p := range got {
					found = found || w.matches(p)
				}
				if !found {
					t.Errorf("Lookup(%q) = %v, want also %+v", tt.name, names(got), w)
				}
			}
		})
	}
}

func names(ps []*Place) []string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Kind.String()+":"+p.Name+"/"+p.Country)
	}
	return s
}

func TestLookupCoordinates(t *testing.T) {
	g := defaultGaz(t)
	tests := []struct {
		name     string
		lat, lon float64
		km       float64 // how far the first candidate may be
	}{
		{"Golan Heights", 33.0, 35.8, 20},
		{"Daraa", 32.62, 36.10, 5},
		{"Daraa Governorate", 32.75, 36.15, 40},
		{"Syria", 35.0, 38.5, 100},
		{"Jordan", 31.2, 36.6, 100},
		{"Russia", 61.5, 99.0, 500},
		{"United States", 39.5, -99.0, 300},
		{"France", 46.6, 2.4, 100},
		{"Fiji", -17.8, 178.0, 100},
		{"Donbas", 48.3, 38.5, 50},
	}
	for _, tt := range tests {
		got := g.Lookup(tt.name)
		if len(got) == 0 {
			t.Errorf("Lookup(%q): nothing", tt.name)
			continue
		}
		if d := Haversine(got[0].Lat, got[0].Lon, tt.lat, tt.lon); d > tt.km {
			t.Errorf("Lookup(%q)[0] at %.2f, %.2f: %.0f km from %.2f, %.2f, want at most %.0f", tt.name, got[0].Lat, got[0].Lon, d, tt.lat, tt.lon, tt.km)
		}
	}
}

func TestLookupMisses(t *testing.T) {
	g := defaultGaz(t)
	for _, name := range []string{"", " ", "Xyzzyqwv", "Syrian", "Daraa Governorates", "\x00", "\xff\xfe"} {
		if got := g.Lookup(name); len(got) != 0 {
			t.Errorf("Lookup(%q) = %v, want nothing", name, names(got))
		}
	}
}

func TestCountry(t *testing.T) {
	g := defaultGaz(t)
	tests := []struct{ code, want string }{
		{"SY", "SYR"}, {"sy", "SYR"}, {"SYR", "SYR"}, {"syr", "SYR"}, {"760", "SYR"}, {" 760 ", "SYR"},
		{"Syria", "SYR"}, {"Syrian Arab Republic", "SYR"},
		{"JO", "JOR"}, {"Jordan", "JOR"}, {"400", "JOR"},
		{"Russia", "RUS"}, {"Russian Federation", "RUS"}, {"643", "RUS"},
		{"UK", "GBR"}, {"Great Britain", "GBR"}, {"US", "USA"}, {"U.S.", "USA"}, {"America", "USA"},
		{"4", "AFG"}, {"004", "AFG"}, {"XK", "XKX"}, {"Kosovo", "XKX"},
		{"Palestine", "PSE"}, {"Burma", "MMR"}, {"Ivory Coast", "CIV"}, {"Côte d'Ivoire", "CIV"},
		{"DRC", "COD"}, {"Congo", "COD"},
	}
	for _, tt := range tests {
		c, ok := g.Country(tt.code)
		if !ok || c.ISO3 != tt.want {
			got := "none"
			if ok {
				got = c.ISO3
			}
			t.Errorf("Country(%q) = %s, want %s", tt.code, got, tt.want)
		}
	}
	for _, code := range []string{"", "ZZ", "ZZZ", "1000", "-1", "Daraa", "Syrian"} {
		if c, ok := g.Country(code); ok {
			t.Errorf("Country(%q) = %s, want none", code, c.ISO3)
		}
	}
	c, _ := g.Country("SY")
	if c.ISO2 != "SY" || c.Numeric != 760 || c.Names[0] != "Syria" || c.Capital != "Damascus" || c.Continent != "AS" ||
		c.Place.Kind != KindCountry || c.Place.Feature != "PCLI" || c.Place.ID != 163843 || c.Place.Population < 1e7 {
		t.Errorf("Country(SY) = %+v, place %+v", c, c.Place)
	}
	if n := len(g.Countries()); n < 240 {
		t.Errorf("%d countries, want 240 or more", n)
	}
}

func TestAdmin1(t *testing.T) {
	g := defaultGaz(t)
	tests := []struct{ country, code, want string }{
		{"SYR", "06", "Daraa Governorate"},
		{"SY", "06", "Daraa Governorate"},
		{"Syria", "DR", "Daraa Governorate"},
		{"SYR", "SY-DR", "Daraa Governorate"},
		{"SYR", "sy-dr", "Daraa Governorate"},
		{"SYR", "SY.06", "Daraa Governorate"},
		{"SYR", "12", "Idlib Governorate"},
		{"UKR", "11", "Autonomous Republic of Crimea"},
		{"PSE", "GZ", "Gaza Strip"},
	}
	for _, tt := range tests {
		a, ok := g.Admin1(tt.country, tt.code)
		if !ok || a.Place.Name != tt.want {
			t.Errorf("Admin1(%q, %q) = %v, %v, want %s", tt.country, tt.code, a, ok, tt.want)
		}
	}
	for _, tt := range [][2]string{{"JOR", "06"}, {"SYR", "99"}, {"ZZZ", "06"}, {"SYR", ""}, {"SYR", "JO-AM"}} {
		if a, ok := g.Admin1(tt[0], tt[1]); ok {
			t.Errorf("Admin1(%q, %q) = %s, want none", tt[0], tt[1], a.Place.Name)
		}
	}
	a, _ := g.Admin1("SYR", "06")
	if a.Country != "SYR" || a.Code != "06" || a.ISO != "SY-DR" || a.Type != "governorate" || a.Place.ID != 170903 {
		t.Errorf("Admin1(SYR, 06) = %+v", a)
	}
}

func TestPlace(t *testing.T) {
	g := defaultGaz(t)
	p, ok := g.Place(170905)
	if !ok || p.Name != "Dar‘ā" || p.Country != "SYR" || p.Admin1 != "06" || p.Admin1Name != "Daraa Governorate" ||
		p.Feature != "PPLA" || p.Kind != KindCity || p.Population < 50000 || math.Abs(p.Lat-32.6189) > 1e-3 || math.Abs(p.Lon-36.1021) > 1e-3 {
		t.Errorf("Place(170905) = %+v, %v", p, ok)
	}
	if p, ok := g.Place(-1); !ok || p.Name != "Golan Heights" || p.Kind != KindArea || p.Radius == 0 || len(p.Also) == 0 {
		t.Errorf("Place(-1) = %+v, %v", p, ok)
	}
	if _, ok := g.Place(0); ok {
		t.Error("Place(0) exists")
	}
}

func TestCounts(t *testing.T) {
	c := defaultGaz(t).Counts()
	if c.Countries < 240 || c.Regions < 3900 || c.Areas < 40 || c.Cities < 199000 || c.Names < 400000 {
		t.Errorf("Counts() = %+v", c)
	}
}

// TestLookupAllocs checks that a hit costs no allocation.
func TestLookupAllocs(t *testing.T) {
	g := defaultGaz(t)
	for _, name := range []string{"Daraa", "daraa province", "Golan Heights", "Dar'a"} {
		if n := testing.AllocsPerRun(100, func() { g.Lookup(name) }); n != 0 {
			t.Errorf("Lookup(%q): %v allocations, want 0", name, n)
		}
	}
}

// TestAppendFold checks the ASCII fast path against nlp.Fold.
func TestAppendFold(t *testing.T) {
	for _, s := range []string{"", " ", "Daraa", "  Dar'a  Province ", "al-Bab", "O`Neil", "a\tb\nc\r\vd\fe", "ABC xyz 123", "x ' y", "'", "Ḥamāh", "Dar‘ā", "São Tomé"} {
		if got, want := string(appendFold(nil, s)), nlp.Fold(s); got != want {
			t.Errorf("appendFold(%q) = %q, want %q", s, got, want)
		}
		if got, want := foldString(s), nlp.Fold(s); got != want {
			t.Errorf("foldString(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Daraa", "Dar'a Province", " a  b ", "Ḥamāh", "\x00\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendFold(nil, s)), nlp.Fold(s); got != want {
			t.Errorf("appendFold(%q) = %q, want %q", s, got, want)
		}
		if got, want := foldString(s), nlp.Fold(s); got != want {
			t.Errorf("foldString(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestDistance(t *testing.T) {
	tests := []struct {
		lat1, lon1, lat2, lon2, km float64
	}{
		{0, 0, 0, 0, 0},
		{0, 0, 0, 1, 111.2},
		{33.51, 36.29, 32.62, 36.10, 100.5},        // Damascus to Daraa
		{51.5074, -0.1278, 48.8566, 2.3522, 343.6}, // London to Paris
		{0, 179.5, 0, -179.5, 111.2},               // across the antimeridian
		{90, 0, -90, 0, 20015.1},
	}
	for _, tt := range tests {
		if got := Haversine(tt.lat1, tt.lon1, tt.lat2, tt.lon2); math.Abs(got-tt.km) > 0.5 {
			t.Errorf("Haversine(%v, %v, %v, %v) = %.1f, want %.1f", tt.lat1, tt.lon1, tt.lat2, tt.lon2, got, tt.km)
		}
	}
	a, b := &Place{Lat: 33.51, Lon: 36.29}, &Place{Lat: 32.62, Lon: 36.10}
	if d := Distance(a, b); math.Abs(d-100.5) > 0.5 {
		t.Errorf("Distance = %.1f", d)
	}
}

func TestNearest(t *testing.T) {
	g := defaultGaz(t)
	tests := []struct {
		lat, lon float64
		id       int64
	}{
		{32.6189, 36.1021, 170905}, // on Daraa
		{32.62, 36.11, 170905},
		{33.5102, 36.2913, 170654}, // Damascus
		{-17.8, 178.45, 0},         // Fiji: something within reach
		{89.9, 0, 0},               // the North Pole: something, far away
		{0, -160, 0},               // the Pacific
	}
	for _, tt := range tests {
		p, d := g.Nearest(tt.lat, tt.lon)
		if p == nil || p.Kind != KindCity {
			t.Fatalf("Nearest(%v, %v) = %v", tt.lat, tt.lon, p)
		}
		if tt.id != 0 && p.ID != tt.id {
			t.Errorf("Nearest(%v, %v) = %d %s, want %d", tt.lat, tt.lon, p.ID, p.Name, tt.id)
		}
		if got := Haversine(tt.lat, tt.lon, p.Lat, p.Lon); math.Abs(got-d) > 1e-9 {
			t.Errorf("Nearest(%v, %v): distance %v, want %v", tt.lat, tt.lon, d, got)
		}
		// No city in the whole gazetteer may be nearer.
		if tt.id == 0 {
			for _, q := range g.byID {
				if q.Kind == KindCity && Haversine(tt.lat, tt.lon, q.Lat, q.Lon) < d-1e-9 {
					t.Errorf("Nearest(%v, %v) = %s at %.1f km, but %s is at %.1f", tt.lat, tt.lon, p.Name, d, q.Name, Haversine(tt.lat, tt.lon, q.Lat, q.Lon))
					break
				}
			}
		}
	}
}

func TestWithin(t *testing.T) {
	g := defaultGaz(t)
	got := g.Within(32.6189, 36.1021, 10)
	if len(got) == 0 || got[0].ID != 170905 {
		t.Fatalf("Within(Daraa, 10 km) = %v", names(got))
	}
	prev := 0.0
	for _, p := range got {
		d := Haversine(32.6189, 36.1021, p.Lat, p.Lon)
		if d > 10 || d < prev {
			t.Errorf("Within: %s at %.2f km after %.2f", p.Name, d, prev)
		}
		prev = d
	}
	// Against a scan of every city.
	n := 0
	for _, p := range g.byID {
		if p.Kind == KindCity && Haversine(32.6189, 36.1021, p.Lat, p.Lon) <= 10 {
			n++
		}
	}
	if n != len(got) {
		t.Errorf("Within found %d cities, a scan %d", len(got), n)
	}
}
