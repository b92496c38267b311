package event

import (
	"strings"
	"testing"
)

func TestDiscards(t *testing.T) {
	const list = `# comment
BASEBALL
WORLD CUP_
+SOCCER MATCH
YEARS AGO_
FC_
`
	d, err := ReadDiscards(strings.NewReader(list), "discards.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text            string
		sentence, story bool
	}{
		{"The baseball season opened.", true, false},
		{"Baseballs were thrown at police.", true, false}, // a stem
		{"Rebels attacked the base.", false, false},
		{"The World Cup final.", true, false},
		{"The World Cups of old.", false, false}, // "_": a whole word
		{"After the soccer match, fans rioted.", false, true},
		{"It happened five years ago.", true, false},
		{"It happened five years ago", true, false},
		{"Ababaseball", false, false}, // phrases start a word
		{"Barcelona FC won.", true, false},
		{"FCC rules", false, false},
		{"Ça s'est passé il y a cinq ans.", false, false},
		{"", false, false},
	} {
		if got := d.Sentence(tc.text); got != tc.sentence {
			t.Errorf("Sentence(%q) = %v, want %v", tc.text, got, tc.sentence)
		}
		if got := d.Story(tc.text); got != tc.story {
			t.Errorf("Story(%q) = %v, want %v", tc.text, got, tc.story)
		}
	}
	var nilD *Discards
	if nilD.Sentence("baseball") || nilD.Story("baseball") {
		t.Error("a nil list discards nothing")
	}
}

func TestReadDiscardsErrors(t *testing.T) {
	_, err := ReadDiscards(strings.NewReader("OK\n+\n_\n"), "d.txt")
	want := "d.txt:2: empty discard phrase\nd.txt:3: empty discard phrase"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}
