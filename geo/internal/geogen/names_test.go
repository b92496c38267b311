package geogen

import (
	"math"
	"slices"
	"testing"
)

func TestAltVerdict(t *testing.T) {
	tests := []struct {
		alt    string
		keep   bool
		reason int
	}{
		{"Daraa", true, 0},
		{"Dar`a", true, 0},
		{"Deraâ", true, 0},
		{"al-Bab", true, 0},
		{"درعا", false, dropNonLatin},
		{"Даръа", false, dropNonLatin},
		{"yi er bi de", false, dropLower},
		{"arbd", false, dropLower},
		{"DAM", false, dropCode},
		{"QIR", false, dropCode},
		{"NYC", false, dropCode},
		{"Ward 12", false, dropCode},
		{"UNESCO", true, 0}, // six capitals: a name, not an airport code
		{"A Very Long Description Of Somewhere In The Hills", false, dropLong},
		{"Santa Cruz de la Sierra", true, 0},
	}
	for _, tt := range tests {
		keep, reason := altVerdict(tt.alt)
		if keep != tt.keep || !keep && reason != tt.reason {
			t.Errorf("altVerdict(%q) = %v, %s; want %v, %s", tt.alt, keep, dropNames[reason], tt.keep, dropNames[tt.reason])
		}
	}
}

func TestCloseSpelling(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"daraa", "deraa", true},
		{"daraa", "dara", true},
		{"dara", "dera", true},
		{"daraa", "adraa", false}, // another first letter
		{"arbil", "erbil", true},  // two vowels
		{"arbil", "irbil", true},
		{"deir ez-zor", "deir ez zor", true},
		{"deir ez-zor", "dayr az zawr", false},
		{"damascus", "sam", false},
		{"idlib", "idleb", true},
		{"", "a", false},
	}
	for _, tt := range tests {
		if got := closeSpelling(tt.a, tt.b); got != tt.want {
			t.Errorf("closeSpelling(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestArabicVariants(t *testing.T) {
	tests := []struct {
		key  string
		want []string
	}{
		{"al bab", []string{"al bab", "al-bab", "al bab", "al-bab"}},
		{"ar raqqah", []string{"ar raqqah", "ar-raqqah", "al raqqah", "al-raqqah", "raqqah"}},
		{"al-hasakah", []string{"al hasakah", "al-hasakah", "al hasakah", "al-hasakah", "hasakah"}},
		{"jisr ash shughur", []string{"jisr ash shughur", "jisr ash-shughur", "jisr al shughur", "jisr al-shughur"}},
		{"deir ez-zor", []string{"deir ez zor", "deir ez-zor", "deir al zor", "deir al-zor"}},
		{"damascus", nil},
		{"al", nil},
		{"tall-al", nil}, // an article must follow a space or start the name
	}
	for _, tt := range tests {
		if got := arabicVariants(tt.key); !slices.Equal(got, tt.want) {
			t.Errorf("arabicVariants(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestArabicArticle(t *testing.T) {
	for in, want := range map[string]string{"Al Anbar": "Anbar", "Ar-Raqqah": "Raqqah", "As-Suwayda": "Suwayda", "Al Bab": "", "Al Ain": "", "Aleppo": "", "Alba": ""} {
		if got := arabicArticle(in); got != want {
			t.Errorf("arabicArticle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAliasForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Iran, Islamic Republic of", []string{"Islamic Republic of Iran"}},
		{"Congo, the Democratic Republic of the", []string{"Democratic Republic of the Congo"}},
		{"Virgin Islands, British", []string{"British Virgin Islands"}},
		{"Virgin Islands, U.S.", []string{"U.S. Virgin Islands"}},
		{"Taiwan, Province of China", nil},
		{"Holy See (Vatican City State)", []string{"Holy See (Vatican City State)", "Holy See"}},
		{"The Gambia", []string{"Gambia"}},
		{"Syria", []string{"Syria"}},
	}
	for _, tt := range tests {
		if got := aliasForms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("aliasForms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTypeSuffix(t *testing.T) {
	tests := []struct{ in, typ, base string }{
		{"Daraa Governorate", "governorate", "Daraa"},
		{"Donetsk Oblast", "oblast", "Donetsk"},
		{"New York", "", "New York"},
		{"Tigray Region", "region", "Tigray"},
		{"Daraa", "", "Daraa"},
	}
	for _, tt := range tests {
		if typ, base := typeSuffix(tt.in); typ != tt.typ || base != tt.base {
			t.Errorf("typeSuffix(%q) = %q, %q; want %q, %q", tt.in, typ, base, tt.typ, tt.base)
		}
	}
}

func TestCentroid(t *testing.T) {
	// A 2° square around (10, 20), and the same across the antimeridian.
	square := [][2]float64{{19, 9}, {21, 9}, {21, 11}, {19, 11}, {19, 9}}
	if _, lon, lat := centroid(square); math.Abs(lon-20) > 1e-9 || math.Abs(lat-10) > 1e-9 {
		t.Errorf("centroid(square) = %v, %v", lat, lon)
	}
	across := [][2]float64{{179, 9}, {-179, 9}, {-179, 11}, {179, 11}, {179, 9}}
	if _, lon, lat := centroid(across); math.Abs(math.Abs(lon)-180) > 1e-9 || math.Abs(lat-10) > 1e-9 {
		t.Errorf("centroid(across the antimeridian) = %v, %v", lat, lon)
	}
}

func TestCentre(t *testing.T) {
	pts := func(ll ...float64) []*city {
		var m []*city
		for i := 0; i < len(ll); i += 2 {
			m = append(m, &city{lat: ll[i], lon: ll[i+1]})
		}
		return m
	}
	tests := []struct {
		name     string
		m        []*city
		lat, lon float64
	}{
		{"one", pts(10, 20), 10, 20},
		{"box", pts(10, 20, 12, 24, 11, 21), 11, 22},
		{"far island left out", pts(-33, -71.5, -33.1, -71.6, -32.9, -71.3, -27.1, -109.4), -33, -71.45},
		{"across the antimeridian", pts(64.7, 177.5, 66.2, -179.1, 65.5, -171.7, 68.1, 166.4, 69.7, 170.3), 67.2, 177.35},
	}
	for _, tt := range tests {
		lat, lon := centre(tt.m)
		if math.Abs(lat-tt.lat) > 0.06 || math.Abs(lon-tt.lon) > 0.06 {
			t.Errorf("%s: centre = %.2f, %.2f; want %.2f, %.2f", tt.name, lat, lon, tt.lat, tt.lon)
		}
	}
}
