package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/testshared"
)

// TestGeneratedFilesUpToDate regenerates the generated dictionaries in
// memory from ../shared and compares them with the committed ones: run
// `go generate` in actor/ when this fails after a change to gen or to the
// code tables.
func TestGeneratedFilesUpToDate(t *testing.T) {
	shared := filepath.Dir(testshared.Path(t, "data"))
	data := filepath.Join("..", "..", "data")
	files, rep, err := Generate(shared, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Files() {
		committed, err := os.ReadFile(filepath.Join(data, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(files[name], committed) {
			t.Errorf("%s differs from what gen.go makes now: run `go generate` in actor/ (first difference at line %d)",
				name, firstDiff(files[name], committed))
		}
	}

	// The rules that keep places out of the country names.
	t.Logf("report:\n%s", rep)
	for _, what := range []string{
		"phoenix: country synonyms dropped, a GeoNames place (exact name)",
		"phoenix: country synonyms moved to capitals.txt (capital spellings GeoNames knows)",
	} {
		if rep.Count(what) == 0 {
			t.Errorf("nothing counted as %q", what)
		}
	}
	countries := string(files[FileCountries])
	for _, line := range strings.Split(countries, "\n") {
		if !strings.HasSuffix(line, "=> SYR") {
			continue
		}
		for _, place := range []string{"Daraa", "Aleppo", "Idlib", "Homs", "Damascus", "Raqqa", "Golan Heights"} {
			if strings.Contains(line, "| "+place+" |") || strings.Contains(line, "| "+place+" =>") {
				t.Errorf("countries.txt lists %s as Syria", place)
			}
		}
	}
	if !strings.Contains(string(files[FileCapitals]), "Damascus | Dimashq => SYRGOV") {
		t.Errorf("capitals.txt lacks Damascus as SYRGOV")
	}
}

func firstDiff(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

func TestSkeleton(t *testing.T) {
	for in, want := range map[string]string{
		"deir ezzor": "drzr", "deir el zour": "drzr", "dayr az zawr": "drzr",
		"ar raqqa": "rq", "hassakeh": "sk", "al hasakah": "sk",
	} {
		if got := skeleton(in); got != want {
			t.Errorf("skeleton(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanCountryName(t *testing.T) {
	for in, want := range map[string]string{
		"Korea, Republic of":               "Republic of Korea",
		"Virgin Islands, British":          "British Virgin Islands",
		"Cocos (Keeling) Islands":          "Cocos Islands",
		"Bonaire, Sint Eustatius and Saba": "",
		"Syria":                            "Syria",
	} {
		if got := cleanCountryName(in); got != want {
			t.Errorf("cleanCountryName(%q) = %q, want %q", in, got, want)
		}
	}
}
