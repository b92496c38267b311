package article

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

func TestReadText(t *testing.T) {
	a, err := ReadText(strings.NewReader("\nRebels seize town\n\nRebels seized the town on Monday.\n"), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Rebels seize town" || a.Body() != a.Text || a.ID != ContentID(a.Title, a.Text) || a.Origin != "a.txt" {
		t.Errorf("%+v", a)
	}
	if _, err := ReadText(strings.NewReader(" \n\n"), "e.txt"); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty input: %v", err)
	}
}

func TestContentIDIgnoresOuterSpace(t *testing.T) {
	if ContentID("T", "x") != ContentID(" T ", "x\n") || ContentID("T", "x") == ContentID("T", "y") {
		t.Error("content IDs")
	}
}

func TestJSONLReader(t *testing.T) {
	in := `{"title":"A","text":"Rebels fled.","date":"2018-07-05","source":"AP","url":"http://x/1"}

not json
{"title":"B","text":"t","date":"July 5"}
{"text":"Only text.","extra":1}
{"text":"Last."}
`
	r := NewJSONLReader(strings.NewReader(in), "in.jsonl")
	var got []string
	for {
		a, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			got = append(got, err.Error())
			continue
		}
		got = append(got, a.Origin+" "+a.Title+" "+a.Date.Format(time.DateOnly))
		if a.Title == "A" && (a.Body() != "A\n\nRebels fled." || a.DateFrom != DateMetadata || a.URL != "http://x/1") {
			t.Errorf("%+v", a)
		}
	}
	want := []string{
		"in.jsonl:1 A 2018-07-05",
		"in.jsonl:3: invalid character 'o' in literal null (expecting 'u')",
		`in.jsonl:4: warning: field "date": "July 5" is not a date: want YYYY-MM-DD, RFC 3339 or RFC 1123`,
		"in.jsonl:4 B 0001-01-01",
		"in.jsonl:5  0001-01-01",
		"in.jsonl:6  0001-01-01",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestJSONLReaderInputError checks that an input that fails is reported
// once, at the line it stopped on, and then ends, so that a caller that
// goes on after errors does not loop.
func TestJSONLReaderInputError(t *testing.T) {
	broken := io.MultiReader(strings.NewReader(`{"text":"One."}`+"\n"), iotest.ErrReader(errors.New("disk on fire")))
	r := NewJSONLReader(broken, "in.jsonl")
	var got []string
	for i := 0; i < 5; i++ {
		a, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			got = append(got, err.Error())
			continue
		}
		got = append(got, a.Origin)
	}
	want := "in.jsonl:1 | in.jsonl:2: disk on fire"
	if strings.Join(got, " | ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " | "), want)
	}
}
