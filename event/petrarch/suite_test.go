package petrarch

import (
	"strings"
	"testing"

	"sitrep/internal/testshared"
)

const sample = `<Validation>
<Environment>
    <Verbfile>verbs.txt</Verbfile>
    <Include>DEMO</Include>
</Environment>
<!-- a <Sentence> in a comment is not a record -->
<Sentence category="DEMO" date="19950101" id="DEMO-01" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<PLEvent {"event": "050", "source": [{"code": "ARN"}]}>
<Text>
Arnor &amp; Gondor
  restore ties.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	0	root	_	_
</Parse></Sentence>
<Sentence category="ERROR" date="19950102" id="ERR-1" evaluate="false">
<EventCoding noevents="True" />
<Text>Nothing here.</Text>
<Parse>(ROOT (S (NP (NN Nothing))))</Parse>
</Sentence>
</Validation>`

func TestParseSuite(t *testing.T) {
	s, err := ParseSuite([]byte(sample), "dir/suite.xml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Files["Verbfile"] != "dir/verbs.txt" || len(s.Include) != 1 {
		t.Errorf("environment %v %v", s.Files, s.Include)
	}
	if len(s.Records) != 2 {
		t.Fatalf("%d records", len(s.Records))
	}
	r := s.Records[0]
	if r.ID != "DEMO-01" || r.Line != 7 || !r.Evaluate || r.Text != "Arnor & Gondor restore ties." ||
		len(r.Gold) != 1 || r.Gold[0] != (Coding{"050", "ARN", "GON"}) || !strings.HasPrefix(r.Parse, "1\tArnor") {
		t.Errorf("record %+v", r)
	}
	r = s.Records[1]
	if r.Evaluate || !r.NoEvents || r.Parse != "" {
		t.Errorf("record %+v", r)
	}
}

func TestParseSuiteErrors(t *testing.T) {
	_, err := ParseSuite([]byte(`<Sentence id="X" date="1995"><Text>a</Text></Sentence>`), "s.xml")
	if err == nil || !strings.Contains(err.Error(), `s.xml:1: record X: bad date "1995"`) {
		t.Errorf("got %v", err)
	}
	if _, err := ParseSuite([]byte("<Validation/>"), "e.xml"); err == nil {
		t.Error("no error for a suite without records")
	}
}

func TestReadSharedSuites(t *testing.T) {
	for _, tc := range []struct {
		rel             string
		records, parsed int
	}{
		{"data/ud-petrarch-validate/validate/PETR_Validate_records_2_02.xml", 274, 274},
		{"data/petrarch2/text/PETR.UnitTest.records.xml", 284, 0},
	} {
		s, err := ReadSuite(testshared.Path(t, tc.rel))
		if err != nil {
			t.Fatal(err)
		}
		parsed := 0
		for _, r := range s.Records {
			if r.Parse != "" {
				parsed++
			}
		}
		if len(s.Records) != tc.records || parsed != tc.parsed {
			t.Errorf("%s: %d records, %d with CoNLL-U, want %d and %d", tc.rel, len(s.Records), parsed, tc.records, tc.parsed)
		}
		if s.Files["Verbfile"] == "" {
			t.Errorf("%s: no verb file in %v", tc.rel, s.Files)
		}
	}
}
