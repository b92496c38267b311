package enrich_test

import (
	"context"
	"testing"
	"time"

	"sitrep/enrich"
	"sitrep/nlp"
)

// TestVet: words of actor names and a spinner's long forms of country
// names are not the towns the gazetteer has under those words.
func TestVet(t *testing.T) {
	st := load(t)
	pub := time.Date(2024, 11, 29, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text, mention string
		want          string // the place's country, "" for no place
	}{
		{"Israel and the Lebanese Republic agreed to a ceasefire on Wednesday.", "Republic", "LBN"},
		{"The Rapid Support Forces shelled El Fasher on Monday.", "Rapid", ""},
		{"UN Secretary-General Antonio Guterres condemned the attack.", "Antonio", ""},
		{"Israeli forces seized the Rafah crossing on Tuesday.", "Rafah", "PSE"},
		{"US Secretary of State Antony Blinken arrived in Cairo.", "Secretary", ""},
		{"Haitian Prime Minister Ariel Henry said he would resign.", "Henry", ""},
	} {
		doc := &nlp.Doc{Text: tt.text}
		if err := st.model.Pipeline().Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		sc := st.enricher.Read(doc, enrich.Options{Date: pub, Focus: st.coder.Focus(doc, pub)})
		got, found := "", false
		for _, m := range sc.Places {
			if m.Text == tt.mention {
				found = true
				if m.Place != nil {
					got = m.Place.Country
				}
			}
		}
		if found && got != tt.want || !found && tt.want != "" {
			t.Errorf("%q: %q is in %q (found %v), want %q", tt.text, tt.mention, got, found, tt.want)
		}
	}
}

// TestCapitalSubject: a capital that is the subject of its verb is the
// government acting, not where something happened.
func TestCapitalSubject(t *testing.T) {
	st := load(t)
	pub := time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)
	doc := &nlp.Doc{Text: "Washington warned the Syrian government last week of serious repercussions."}
	if err := st.model.Pipeline().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	sc := st.enricher.Read(doc, enrich.Options{Date: pub, Focus: "SYR"})
	for _, m := range sc.Places {
		if m.Text == "Washington" && m.Role.String() != "actor" {
			t.Errorf("Washington is %s (%s), want actor", m.Role, m.Why)
		}
	}
	if w := sc.Where(sc.Token(0, nlp.Span{Start: 11, End: 17})); w.Place != nil && w.Place.Country == "USA" {
		t.Errorf("the warning located at %s", w.Place.Name)
	}
}
