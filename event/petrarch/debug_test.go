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
	s, _ := ReadSuite(testshared.Path(t, "data/ud-petrarch-validate/validate/PETR_Validate_records_2_02.xml"))
	env, _ := Environment(s)
	c := env.Coder()
	for _, r := range s.Records {
		if r.ID != id {
			continue
		}
		ss, _ := conllu.ReadAll(strings.NewReader(r.Parse), "x")
		toks := ss[0].Doc.Tokens
		if os.Getenv("OWN") != "" {
			m, _ := nlp.DefaultModel()
			toks, _ = tokens(t.Context(), r, m.Pipeline())
		}
		t.Log(r.Text, r.Gold)
		t.Log("\n" + c.Explain(toks, event.Options{Date: r.Date}))
		evs, err := c.CodeSentence(toks, event.Options{Date: r.Date})
		t.Log(evs, err)
	}
}
