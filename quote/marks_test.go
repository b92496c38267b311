package quote

import (
	"strings"
	"testing"
)

// TestPairMarks pairs the quotation marks of short texts; want lists the
// quotes' parts, "|" between the parts of one quote.
func TestPairMarks(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"straight", `"We will fight," he said.`, []string{"We will fight"}},
		{"curly", `“We will fight,” he said.`, []string{"We will fight"}},
		{"curly drawn wrong", `“We will fight“ he said.`, []string{"We will fight"}},
		{"two quotes", `"We will fight," he said, "until the end."`, []string{"We will fight", "until the end."}},
		{"partial", `Lavrov said Moscow was helping the army "convince" rebels.`, []string{"convince"}},
		{"period inside", `He said: "It is over."`, []string{"It is over."}},
		{"question", `"Where do we go?" she asked.`, []string{"Where do we go?"}},
		{"empty", `He called it "" and left.`, nil},
		{"only punctuation", `He said "..." and left.`, nil},
		{"unclosed", `He said "we will fight and left.`, nil},
		{"stray closing", `The strikes stopped" by midnight.`, nil},
		{"stray closing then quote", `Stopped" at midnight, "he said" it.`, []string{"he said"}},
		{"second opening", `"Unclosed here. Then X said "a real quote" today.`, []string{"a real quote"}},
		{"apostrophes", `The rebels' positions near the army's base.`, nil},
		{"single inside double", `"They told us 'leave or die' and fled," he said.`, []string{"They told us 'leave or die' and fled"}},
		{"single only", `Assad 'must go', says minister.`, nil},
		{"inch mark", `A 12" gun was found.`, nil},
		{"after bracket", `(“Never again”) was the slogan.`, []string{"Never again"}},
		{"after colon no space", `He said:"Go home."`, []string{"Go home."}},
		{"continuation", "Title\n\n\"First paragraph.\n\n\"Second paragraph,\" he said.", []string{"First paragraph.|Second paragraph"}},
		{"three paragraphs", "Title\n\n\"One.\n\n\"Two.\n\n\"Three,\" he said.", []string{"One.|Two.|Three"}},
		{"continuation broken", "Title\n\n\"First paragraph.\n\nThe army said it would fight.", nil},
		{"continuation closing mark first", "Title\n\n\"First paragraph.\n\n” stray.", nil},
		{"title does not run on", "Rebels reject \"deal\n\n\"The talks are over,\" a negotiator said.", []string{"The talks are over"}},
		{"title quote", "\"We will not leave\": residents defy orders\n\nBody.", []string{"We will not leave"}},
		{"lines as paragraphs", "Title\n\"Open here.\n\"Closed,\" he said.", []string{"Open here.|Closed"}},
		{"hard-wrapped", "Title\n\n\"A quote that is\nwrapped,\" he said.\n\nNext.", []string{"A quote that is\nwrapped"}},
		{"crlf", "Title\r\n\r\n\"Quoted,\" he said.\r\n", []string{"Quoted"}},
		{"unicode inside", `"Ḥamāh is calm," said Ayşe.`, []string{"Ḥamāh is calm"}},
		{"empty text", "", nil},
		{"only marks", `"""`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range pairMarks(tt.text) {
				var parts []string
				for _, p := range m.parts {
					if p.Start < m.span.Start || p.End > m.span.End {
						t.Errorf("part %v outside span %v", p, m.span)
					}
					parts = append(parts, tt.text[p.Start:p.End])
				}
				got = append(got, strings.Join(parts, "|"))
				if !isMarkAt(tt.text, m.span.Start) {
					t.Errorf("span %v does not start with a mark: %q", m.span, tt.text[m.span.Start:m.span.End])
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("pairMarks(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func isMarkAt(text string, i int) bool {
	_, _, ok := markAt(text, i, 0, len(text))
	return ok
}

// TestParagraphs splits texts into paragraphs.
func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"one line", "Just a line.", []string{"Just a line."}},
		{"title and blank lines", "Title\n\nOne.\nstill one.\n\n  \nTwo.", []string{"Title", "One.\nstill one.\n", "Two."}},
		{"no blank lines", "Title\nOne.\nTwo.", []string{"Title", "One.", "Two."}},
		{"empty title", "\n\nOne.", []string{"One."}},
		{"trailing blank", "Title\n\nOne.\n\n", []string{"Title", "One.\n"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range paragraphs(tt.text) {
				got = append(got, tt.text[p.Start:p.End])
			}
			if strings.Join(got, "¶") != strings.Join(tt.want, "¶") {
				t.Errorf("paragraphs(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
