package event

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sitrep/actor"
	"sitrep/nlp"
)

// TestLoadCoderDefaults checks that the embedded files read through
// LoadCoder code as NewCoder does.
func TestLoadCoderDefaults(t *testing.T) {
	actors, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadCoder(DefaultFS(), actors)
	if err != nil {
		t.Fatal(err)
	}
	def, err := NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Nouns == nil || loaded.Discards == nil || loaded.PICO == nil || loaded.Ontology.Len() != def.Ontology.Len() ||
		len(loaded.Verbs.Blocks) != len(def.Verbs.Blocks) || len(loaded.Verbs.Verbs) != len(def.Verbs.Verbs) {
		t.Fatalf("LoadCoder(DefaultFS()) differs from NewCoder: %+v", loaded)
	}
	m, err := nlp.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	doc := &nlp.Doc{Text: "Syrian government forces shelled rebel positions in Daraa on Tuesday. " +
		"The offensive resumed against opposition forces by the Syrian army. Jordan delivered aid to refugees."}
	if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	opt := Options{Date: time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)}
	want, err := def.Code(context.Background(), doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	got, err := loaded.Code(context.Background(), doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 3 || eventStrings(got) != eventStrings(want) {
		t.Errorf("LoadCoder codes %s\nNewCoder codes %s", eventStrings(got), eventStrings(want))
	}
}

func eventStrings(evs []Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(e.String() + " " + e.Rule + "; ")
	}
	return b.String()
}

func TestLoadCoderErrors(t *testing.T) {
	def := DefaultFS()
	file := func(name string) *fstest.MapFile {
		data, err := fs.ReadFile(def, name)
		if err != nil {
			t.Fatal(err)
		}
		return &fstest.MapFile{Data: data}
	}
	text := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  string // the whole error, one problem a line; "" for none
	}{
		{
			name:  "minimal",
			files: fstest.MapFS{"cameo.txt": file("cameo.txt"), "verbs.txt": text("--- SHELL [194] ---\nshell\n")},
		},
		{
			name:  "no files",
			files: fstest.MapFS{"README": text("nothing here")},
			want:  "cameo.txt: file does not exist\nverbs*.txt: no verb dictionary",
		},
		{
			name: "every bad line of every file",
			files: fstest.MapFS{
				"cameo.txt":      file("cameo.txt"),
				"verbs-mine.txt": text("--- SHELL [1999] ---\nshell\n\n--- POUND [194] ---\npound\n--- HIT [9] ---\nhit\n"),
				"verbs.txt":      text("--- RAID [190] ---\nraid\n"),
				"nouns.txt":      text("offensive => 190\nsiege => 4444\n"),
			},
			want: "nouns.txt:2: unknown event code \"4444\"\n" +
				"verbs-mine.txt:1: unknown event code \"1999\"\n" +
				"verbs-mine.txt:6: unknown event code \"9\"",
		},
		{
			name: "a broken ontology is reported, the other files still read",
			files: fstest.MapFS{
				"cameo.txt": text("190 4 -10.0 ASSAULT - - Use conventional military force\n19x bad\n"),
				"verbs.txt": text("--- SHELL [zz] ---\nshell\n"),
			},
			want: "cameo.txt:1: root \"19\" of code \"190\" is missing\n" +
				"cameo.txt:2: want 7 columns (code quad goldstein plover mode context description), got 2\n" +
				"verbs.txt:1: unknown event code \"zz\"",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			actors, err := actor.Default()
			if err != nil {
				t.Fatal(err)
			}
			c, err := LoadCoder(tc.files, actors)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("LoadCoder: %v", err)
			case tc.want == "":
				if c.Verbs == nil || c.Ontology == nil || c.Actors != actors || c.Nouns != nil || c.Discards != nil {
					t.Errorf("LoadCoder: %+v", c)
				}
			case err == nil:
				t.Fatalf("LoadCoder: no error, want %q", tc.want)
			case err.Error() != tc.want:
				t.Errorf("LoadCoder error:\n%v\nwant:\n%s", err, tc.want)
			}
		})
	}
}
