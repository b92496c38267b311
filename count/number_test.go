package count

import "testing"

// TestNumbers reads number expressions in a sentence that makes them
// counts of the killed: "X people were killed in the attack."
func TestNumbers(t *testing.T) {
	f := mustDefault(t)
	tests := []struct {
		name   string
		phrase string
		want   int64 // -1: no count
		approx bool
		qual   string
	}{
		{"digits", "12", 12, false, ""},
		{"grouped", "1,200", 1200, false, ""},
		{"large grouped", "1,234,567", 1234567, false, ""},
		{"decimal scale", "2.5 million", 2500000, false, ""},
		{"suffix", "1.2m", 1200000, false, ""},
		{"suffix bn", "1.5bn", 1500000000, false, ""},
		{"digits scale", "3 million", 3000000, false, ""},
		{"word", "three", 3, false, ""},
		{"teen", "twelve", 12, false, ""},
		{"hyphenated", "twenty-five", 25, false, ""},
		{"spaced", "twenty five", 25, false, ""},
		{"hundred and", "one hundred and six", 106, false, ""},
		{"words scale", "three thousand five hundred", 3500, false, ""},
		{"two million", "two million", 2000000, false, ""},
		{"a dozen", "a dozen", 12, false, ""},
		{"two dozen", "two dozen", 24, false, ""},
		{"a hundred", "a hundred", 100, false, ""},
		{"a million", "a million", 1000000, false, ""},
		{"half a million", "half a million", 500000, false, ""},
		{"quarter of a million", "a quarter of a million", 250000, false, ""},
		{"half a dozen", "half a dozen", 6, false, ""},
		{"dozens", "dozens of", 24, true, ""},
		{"scores", "scores of", 40, true, ""},
		{"hundreds", "hundreds of", 200, true, ""},
		{"thousands", "thousands of", 2000, true, ""},
		{"tens of thousands", "tens of thousands of", 20000, true, ""},
		{"hundreds of thousands", "hundreds of thousands of", 200000, true, ""},
		{"millions", "millions of", 2000000, true, ""},
		{"several hundred", "several hundred", 300, true, ""},
		{"a few thousand", "a few thousand", 2000, true, ""},
		{"several dozen", "several dozen", 36, true, ""},
		{"several", "several", 3, true, ""},
		{"more than", "more than 500,000", 500000, false, "more than"},
		{"at least", "at least 12", 12, false, "at least"},
		{"some", "some 300", 300, true, "some"},
		{"nearly", "nearly 2 million", 2000000, true, "nearly"},
		{"almost", "almost 40", 40, true, "nearly"},
		{"up to", "up to 70", 70, false, "up to"},
		{"as many as", "as many as 70", 70, false, "up to"},
		{"over", "over 100", 100, false, "over"},
		{"an estimated", "an estimated 3,000", 3000, true, "about"},
		{"around", "around 60", 60, true, "about"},
		{"a total of", "a total of 1,250", 1250, false, ""},
		{"another", "another 12", 12, false, "another"},
		{"between", "between 10 and 15", 10, true, "between"},
		{"to range", "10 to 15", 10, true, "between"},
		{"dash range", "10-15", 10, true, "between"},
		{"spaced dash range", "10 – 15", 10, true, "between"},
		{"en dash range", "some 35–40", 35, true, "some"},
		{"or range", "two or three", 2, true, "between"},
		{"more than half a million", "more than half a million", 500000, false, "more than"},
		{"over a million", "over a million", 1000000, false, "over"},
		{"overflow", "99999999999999999999999", -1, false, ""},
		{"overflow words", "ten billion billion", -1, false, ""},
		{"overflow digits scale", "10 billion billion", -1, false, ""},
		{"max int64 digits", "9,223,372,036,854,775,807", -1, false, ""},
		{"indian grouping", "1,20,000", -1, false, ""},
		{"short group", "12,00", -1, false, ""},
		{"decimal alone", "2.5", -1, false, ""},
		{"european thousands", "1.200", -1, false, ""},
		{"ordinal", "12th", -1, false, ""},
		{"tens alone", "tens of", -1, false, ""},
		{"thousand alone", "thousand", -1, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.phrase + " people were killed in the attack."
			doc := annotate(t, text)
			got := f.Find(doc)
			if tc.want < 0 {
				if len(got) > 0 {
					t.Fatalf("%q: got %d counts, first %d %q, want none", text, len(got), got[0].Number, got[0].Text)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%q: got %d counts, want 1", text, len(got))
			}
			c := got[0]
			if c.Number != tc.want || c.Approx != tc.approx || c.Qualifier != tc.qual || c.Type != Killed {
				t.Errorf("%q: got %s %d approx %v qualifier %q, want killed %d approx %v qualifier %q",
					text, c.Type, c.Number, c.Approx, c.Qualifier, tc.want, tc.approx, tc.qual)
			}
			if c.Object != "people" {
				t.Errorf("%q: object %q, want \"people\"", text, c.Object)
			}
		})
	}
}

// TestNotCounts lists numbers that are not counts of people, each in a
// sentence with a type word close by.
func TestNotCounts(t *testing.T) {
	f := mustDefault(t)
	for _, text := range []string{
		"He was killed in 2015.",
		"A 12-year-old boy was killed.",
		"The boy, aged 12, was killed in the raid.",
		"The fighters were killed on March 12.",
		"They were killed on 12 March.",
		"The strike killed people in the third attack.",
		"The army was paid $5 million to stop the killing.",
		"Refugees make up 25% of the population.",
		"Refugees make up 25 percent of the population.",
		"Fighters displaced by the war walked 40 km.",
		"The Security Council discussed Resolution 2254 on the killing of civilians.",
		"For refugees, call +44 20 7946 0958.",
		"One of the wounded was a journalist.",
		"No one was killed.",
		"Twelve years after the massacre, the killers are free.",
		"The evacuation took three hours.",
		"Firefighters evacuated three buildings.",
		"The two sides said nobody was killed.",
		"The 2011 uprising displaced millions.",
	} {
		for _, c := range f.Find(annotate(t, text)) {
			if text == "The 2011 uprising displaced millions." && c.Number == 2000000 {
				continue // "millions" is a count; 2011 is not
			}
			t.Errorf("%q: got %s %d %q, want no count", text, c.Type, c.Number, c.Text)
		}
	}
}
