package petrarch

import (
	"os"
	"strings"
	"testing"

	"sitrep/event"
	"sitrep/internal/testshared"
	"sitrep/nlp"
	"sitrep/nlp/conllu"
)

func TestDebugRecord(t *testing.T) {
	id := os.Getenv("REC")
	if id == "" {
		t.Skip("set REC")
	}
	suite := validate
	if os.Getenv("UNIT") != "" {
		suite = "data/petrarch2/text/PETR.UnitTest.records.xml"
	}
	s, _ := ReadSuite(testshared.Path(t, suite))
	env, _ := Environment(s)
	c := env.Coder()
	for _, r := range s.Records {
		if r.ID != id {
			continue
		}
		var toks []nlp.Token
		if ss, _ := conllu.ReadAll(strings.NewReader(r.Parse), "x"); len(ss) > 0 {
			toks = ss[0].Doc.Tokens
		}
		if os.Getenv("OWN") != "" || toks == nil {
			m, _ := nlp.DefaultModel()
			toks, _ = tokens(t.Context(), r, m.Pipeline())
		}
		t.Log(r.Text, r.Gold)
		if os.Getenv("NOEXPLAIN") == "" {
			t.Log("\n" + c.Explain(toks, event.Options{Date: r.Date}))
		}
		evs, err := c.CodeSentence(toks, event.Options{Date: r.Date})
		t.Log(evs, err)
	}
}
