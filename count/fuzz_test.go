package count

import (
	"context"
	"errors"
	"testing"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

// FuzzFind runs Find on arbitrary text and checks its invariants: no
// panic, spans inside the text and in order, Text and Object read from
// them, numbers never negative, token indices inside the count's sentence.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Jordan, which has taken in more than half a million displaced Syrians, said so.",
		"12 soldiers and 3 civilians were killed; the toll rose to 40.",
		"The offensive killed 99999999999999999999999 people and 1,20,000 fled.",
		"Between 10 and 15 were killed, including 2 children, and dozens are missing",
		"half a quarter of a of a million a dozen dozen tens of tens of thousands",
		"killed killed 12 12 12 , , and and 3 3 were were",
		"\"dozens\" of 1.2m 3bn 10-15 – 9,223,372,036,854,775,807 killed",
		"", " ", "\x00\xff 12 killed", "一二三 killed 12",
	} {
		f.Add(s)
	}
	m, err := nlp.DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	finder := mustDefault(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := &nlp.Doc{Text: text}
		if err := m.Pipeline().Annotate(context.Background(), doc); err != nil {
			return
		}
		prevEnd := 0
		for _, c := range finder.Find(doc) {
			if c.Start < prevEnd || c.Start >= c.End || c.End > len(text) {
				t.Fatalf("span [%d, %d) out of order or outside the text (previous end %d, length %d)", c.Start, c.End, prevEnd, len(text))
			}
			prevEnd = c.End
			if c.Text != text[c.Start:c.End] {
				t.Errorf("Text %q is not the span's %q", c.Text, text[c.Start:c.End])
			}
			if c.Number < 0 {
				t.Errorf("negative number %d", c.Number)
			}
			if c.Type < Killed || c.Type >= numTypes {
				t.Errorf("bad type %v", c.Type)
			}
			if c.Sentence < 0 || c.Sentence >= len(doc.Sentences) {
				t.Fatalf("sentence %d of %d", c.Sentence, len(doc.Sentences))
			}
			s := doc.Sentences[c.Sentence]
			if c.First < s.First || c.First >= c.Limit || c.Limit > s.Limit {
				t.Fatalf("tokens [%d, %d) outside sentence [%d, %d)", c.First, c.Limit, s.First, s.Limit)
			}
			if doc.Tokens[c.First].Start != c.Start || doc.Tokens[c.Limit-1].End != c.End {
				t.Errorf("span [%d, %d) is not that of tokens [%d, %d)", c.Start, c.End, c.First, c.Limit)
			}
			for _, i := range []int{c.Verb, c.Place} {
				if i != -1 && (i < s.First || i >= s.Limit) {
					t.Errorf("token %d outside sentence [%d, %d)", i, s.First, s.Limit)
				}
			}
			if c.Object == "" {
				if c.ObjectSpan != (nlp.Span{}) {
					t.Errorf("no object but span %v", c.ObjectSpan)
				}
			} else if c.ObjectSpan.Start < c.Start || c.ObjectSpan.End > c.End || c.Object != text[c.ObjectSpan.Start:c.ObjectSpan.End] {
				t.Errorf("object %q at %v is not inside %q at [%d, %d)", c.Object, c.ObjectSpan, c.Text, c.Start, c.End)
			}
		}
	})
}

// FuzzLoad feeds arbitrary content to each data file: Load never panics,
// and every error it reports is positioned at a file and line.
func FuzzLoad(f *testing.F) {
	f.Add("numbers.txt", "unit one 1\nvague dozens 24 12\nfraction half 1/2\n")
	f.Add("qualifiers.txt", "more than => more than\nsome => some approx\n")
	f.Add("stops.txt", "after km\ndate March\nbefore $\n")
	f.Add("types.txt", "verb killed kill\nevent killed life with=claim\nplace displaced,refugees to\n")
	f.Add("types.txt", "verb killed\n_ _ _\n\xff\n")
	f.Fuzz(func(t *testing.T, file, content string) {
		name := files[len(file)%len(files)]
		fin, err := Load(withFile(t, name, content))
		if err == nil {
			if fin == nil {
				t.Fatal("no Finder and no error")
			}
			fin.Find(&nlp.Doc{Text: "12 killed"}) // unannotated: nothing, no panic
			return
		}
		var l linefile.List
		if !errors.As(err, &l) {
			t.Fatalf("error %v is not a linefile.List", err)
		}
		for _, e := range l {
			if e.File != name || e.Line < 1 {
				t.Errorf("error %q is not at %s:line", e, name)
			}
		}
	})
}

// TestFindMalformed gives Find documents whose layers disagree with their
// text: it skips what it cannot read and does not panic.
func TestFindMalformed(t *testing.T) {
	f := mustDefault(t)
	good := annotate(t, "Gunmen killed 12 people.")
	for name, mutate := range map[string]func(d *nlp.Doc){
		"span past text": func(d *nlp.Doc) { d.Tokens[2].End = 1000 },
		"negative span":  func(d *nlp.Doc) { d.Tokens[2].Start = -5 },
		"head out of range": func(d *nlp.Doc) {
			for i := range d.Tokens {
				d.Tokens[i].Head = 99
			}
		},
		"head to self":      func(d *nlp.Doc) { d.Tokens[3].Head = 3 },
		"sentence past end": func(d *nlp.Doc) { d.Sentences[0].Limit = 50 },
		"empty sentence":    func(d *nlp.Doc) { d.Sentences[0].Limit = d.Sentences[0].First },
		"text shortened":    func(d *nlp.Doc) { d.Text = d.Text[:5] },
		"no tags":           func(d *nlp.Doc) { d.Tokens[2].UPOS, d.Tokens[3].XPOS, d.Tokens[3].Lemma = "", "", "" },
	} {
		t.Run(name, func(t *testing.T) {
			d := good.Clone()
			mutate(d)
			for _, c := range f.Find(d) {
				if c.Start < 0 || c.End > len(d.Text) || c.Start > c.End {
					t.Errorf("span [%d, %d) outside text of %d bytes", c.Start, c.End, len(d.Text))
				}
			}
		})
	}
}
