package nlp

import "testing"

func TestLemmatizer(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		form, upos, xpos string
		first            bool
		want             string
	}{
		{"was", "AUX", "VBD", false, "be"},
		{"Was", "AUX", "VBD", true, "be"},
		{"n't", "PART", "RB", false, "not"},
		{"children", "NOUN", "NNS", false, "child"},
		{"rebels", "NOUN", "NNS", false, "rebel"},
		{"militias", "NOUN", "NNS", false, "militia"},
		{"casualties", "NOUN", "NNS", false, "casualty"},
		{"seized", "VERB", "VBD", false, "seize"},
		{"retaking", "VERB", "VBG", false, "retake"},
		{"shelled", "VERB", "VBD", false, "shell"},
		{"displaced", "VERB", "VBN", false, "displace"},
		{"brokered", "VERB", "VBN", false, "broker"},
		{"went", "VERB", "VBD", false, "go"},
		{"Syrian", "ADJ", "JJ", false, "Syrian"},
		{"Heavy", "ADJ", "JJ", true, "heavy"},
		{"Americans", "PROPN", "NNPS", false, "American"},
		{"Daraa", "PROPN", "NNP", false, "Daraa"},
		{"them", "PRON", "PRP", false, "they"},
		{"I", "PRON", "PRP", true, "I"},
		{"1,200", "NUM", "CD", false, "1,200"},
		{",", "PUNCT", ",", false, ","},
	} {
		if got := m.Lemmatizer.Lemma(tc.form, tc.upos, tc.xpos, tc.first); got != tc.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", tc.form, tc.upos, tc.xpos, got, tc.want)
		}
	}
}

func TestTransformation(t *testing.T) {
	for _, tc := range []struct {
		form, lemma string
		want        lemmaRule
		ok          bool
	}{
		{"cities", "city", lemmaRule{Strip: 3, Add: "y"}, true},
		{"rebels", "rebel", lemmaRule{Strip: 1}, true},
		{"rebel", "rebel", lemmaRule{}, true},
		{"was", "be", lemmaRule{}, false},
	} {
		got, ok := transformation(tc.form, tc.lemma)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("transformation(%q, %q) = %+v, %v", tc.form, tc.lemma, got, ok)
		}
		if ok && got.apply(tc.form) != tc.lemma {
			t.Errorf("rule %+v turns %q into %q, want %q", got, tc.form, got.apply(tc.form), tc.lemma)
		}
	}
}
