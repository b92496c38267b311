package enrich_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"sitrep/article"
	"sitrep/enrich"
	"sitrep/internal/testshared"
	"sitrep/nlp"
	"sitrep/record"
)

// TestSeed checks the founding article, coded as `sitrep code --date
// 2018-07-05` codes it: its Daraa events are located in Daraa
// Governorate, "Wednesday evening" dates the offensive, the count of more
// than half a million displaced Syrians is found in Jordan, and Farhan
// Haq's quote is the UN's.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(testshared.Path(t, "seed/000_86861ccb5f158c03.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)
	a, err := article.ReadText(strings.NewReader(string(b)), "seed")
	if err != nil {
		t.Fatal(err)
	}
	a.Date = pub
	st := load(t)
	doc := &nlp.Doc{Text: a.Body()}
	if err := st.model.Pipeline().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	focus := st.coder.Focus(doc, pub)
	evs, err := st.coder.Code(context.Background(), doc, eventOptions(pub, focus))
	if err != nil {
		t.Fatal(err)
	}
	scene := st.enricher.Read(doc, enrich.Options{Date: pub, Focus: focus})
	r, err := record.NewEnriched(a, doc, evs, st.coder.Ontology, scene)
	if err != nil {
		t.Fatal(err)
	}
	inDaraa := func(l *record.Location) bool {
		return l != nil && l.Country == "SYR" && 32.6 <= l.Lat && l.Lat <= 33.0 && 36.0 <= l.Lon && l.Lon <= 36.5
	}
	var daraa, offensive int
	for _, e := range r.Events {
		if strings.Contains(e.Evidence.Text, "Daraa") {
			daraa++
			if !inDaraa(e.Location) {
				t.Errorf("event %q %s of a Daraa sentence located at %+v", e.Verb.Text, e.CAMEO, e.Location)
			}
		}
		if e.Verb.Text == "offensive" {
			offensive++
			if e.Date == nil || *e.Date != "2018-07-04" || *e.DatePrecision != "day" || e.DateText == nil || *e.DateText != "Wednesday evening" {
				t.Errorf("the offensive dated %v %v %v, want 2018-07-04 day by Wednesday evening", deref(e.Date), deref(e.DatePrecision), deref(e.DateText))
			}
			if !inDaraa(e.Location) {
				t.Errorf("the offensive located at %+v, want Daraa Governorate", e.Location)
			}
		}
	}
	if daraa == 0 || offensive == 0 {
		t.Errorf("%d events in Daraa sentences, %d offensives; want some of each", daraa, offensive)
	}
	var monday bool
	for _, x := range scene.Times {
		if x.Text == "on Monday" && x.Value.Format(time.DateOnly) == "2018-07-02" {
			monday = true
		}
	}
	if !monday {
		t.Errorf("\"on Monday\" is not 2018-07-02 in %v", scene.Times)
	}
	var displaced bool
	for _, c := range r.Counts {
		if c.Type == "displaced" && c.Number == 500000 && c.Qualifier == "more than" && c.Object == "displaced Syrians" &&
			c.Location != nil && c.Location.Country == "JOR" {
			displaced = true
		}
	}
	if !displaced {
		t.Errorf("no count of more than 500000 displaced Syrians in Jordan: %+v", r.Counts)
	}
	var haq bool
	for _, q := range r.Quotes {
		if q.Direct && strings.HasPrefix(q.Text, "Intense air and ground based strikes") {
			haq = q.Speaker != nil && strings.HasPrefix(q.Speaker.Code, "IGO") && strings.Contains(q.Speaker.Text, "Farhan Haq")
			if !haq {
				t.Errorf("Haq's quote attributed to %+v", q.Speaker)
			}
		}
	}
	if !haq {
		t.Errorf("Farhan Haq's quote not found in %d quotes", len(r.Quotes))
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
