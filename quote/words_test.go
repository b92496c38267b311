package quote

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sitrep/internal/linefile"
)

// TestDefaultWords checks every line of the embedded word lists and a few
// entries of each.
func TestDefaultWords(t *testing.T) {
	w, err := DefaultWords()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range [][2]string{{"say", ""}, {"tell", ""}, {"add", ""}, {"point", "out"}, {"deny", ""}} {
		if !w.Verb(v[0], v[1]) {
			t.Errorf("Verb(%q, %q) = false", v[0], v[1])
		}
	}
	for _, v := range [][2]string{{"point", ""}, {"go", ""}, {"believe", ""}, {"kill", ""}} {
		if w.Verb(v[0], v[1]) {
			t.Errorf("Verb(%q, %q) = true", v[0], v[1])
		}
	}
	if a, ok := w.Anaphor("He"); !ok || a.Kind != Person || a.Word != "" {
		t.Errorf("Anaphor(He) = %v, %v", a, ok)
	}
	if a, ok := w.Anaphor("the Ministry"); !ok || a.Kind != Organization || a.Word != "ministry" {
		t.Errorf("Anaphor(the Ministry) = %v, %v", a, ok)
	}
	if _, ok := w.Anaphor("Lavrov"); ok {
		t.Error("Lavrov is not an anaphor")
	}
	for word, want := range map[string]NameKind{"Gen.": NamePerson, "Front": NameOrganization, "Governorate": NamePlace, "statement": NameDocument} {
		if k, ok := w.Name(word); !ok || k != want {
			t.Errorf("Name(%q) = %v, %v, want %v", word, k, ok, want)
		}
	}
	if w.maxCue != 4 {
		t.Errorf("longest cue has %d words, want 4 (in the words of)", w.maxCue)
	}
}

// TestLoadWordsErrors reports every bad line of every file with its file
// and line.
func TestLoadWordsErrors(t *testing.T) {
	fsys := fstest.MapFS{
		VerbsFile: {Data: []byte("say\nSay\npoint out now\nsay\ngo on\n")},
		CuesFile:  {Data: []byte("according to\naccording to\nin-the words\nby X\n")},
		AnaphorsFile: {Data: []byte("he => person\nshe => people\nthey\nit => organization word extra\n" +
			"he => plural\nthe group => organization\n => person\n")},
		NamesFile: {Data: []byte("Gen. | general => person\nfront => group\nfront | Front => organization\ntwo words => place\n")},
	}
	_, err := LoadWords(fsys)
	var l linefile.List
	if !errors.As(err, &l) {
		t.Fatalf("LoadWords: %v, want a linefile.List", err)
	}
	want := []string{
		`anaphors.txt:2: unknown kind "people" (person, plural or organization)`,
		`anaphors.txt:3: missing "=>": want PHRASES => KIND [WORD]`,
		`anaphors.txt:4: "organization word extra": want KIND [WORD] after "=>"`,
		`anaphors.txt:5: "he" is listed again (first on line 1)`,
		`anaphors.txt:7: empty phrase`,
		`cues.txt:2: "according to" is listed again (first on line 1)`,
		`cues.txt:4: "X" is not a lower-case word`,
		`names.txt:2: unknown kind "group" (person, organization, place or document)`,
		`names.txt:3: "Front" is listed again (first on line 3)`,
		`names.txt:4: "two words" is not one word`,
		`verbs.txt:2: "Say" is not a lower-case word`,
		`verbs.txt:3: "point out now": a verb is a lemma and at most one particle`,
		`verbs.txt:4: "say" is listed again (first on line 1)`,
	}
	var got []string
	for _, e := range l {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLoadWordsMissingFile names the missing file.
func TestLoadWordsMissingFile(t *testing.T) {
	fsys := fstest.MapFS{VerbsFile: {Data: []byte("say\n")}}
	_, err := LoadWords(fsys)
	if err == nil || !strings.Contains(err.Error(), "cues.txt: open cues.txt") {
		t.Errorf("LoadWords without cues.txt: %v", err)
	}
}

// TestReadWords reads one file by its name.
func TestReadWords(t *testing.T) {
	w, err := ReadWords(strings.NewReader("say\nwhisper\n"), "custom/verbs.txt")
	if err != nil || !w.Verb("whisper", "") {
		t.Errorf("ReadWords(verbs.txt) = %v, %v", w, err)
	}
	if _, err := ReadWords(strings.NewReader("say\n"), "other.txt"); err == nil {
		t.Error("ReadWords(other.txt) gave no error")
	}
	_, err = ReadWords(strings.NewReader("he => someone\n"), "anaphors.txt")
	if err == nil || !strings.HasPrefix(err.Error(), "anaphors.txt:1: ") {
		t.Errorf("ReadWords(bad anaphors.txt) = %v", err)
	}
}

// FuzzLoadWords feeds arbitrary bytes to every loader: no panic, and an
// error or a usable list.
func FuzzLoadWords(f *testing.F) {
	for _, name := range []string{VerbsFile, CuesFile, AnaphorsFile, NamesFile} {
		data, err := fs.ReadFile(DefaultFS(), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("he => person word\n\\# => plural\n")
	f.Fuzz(func(t *testing.T, data string) {
		for _, name := range []string{VerbsFile, CuesFile, AnaphorsFile, NamesFile} {
			w, err := ReadWords(strings.NewReader(data), name)
			if err == nil && w == nil {
				t.Fatalf("%s: no list and no error", name)
			}
			var l linefile.List
			if err != nil && !errors.As(err, &l) {
				t.Fatalf("%s: error %v is not a linefile.List", name, err)
			}
		}
	})
}
