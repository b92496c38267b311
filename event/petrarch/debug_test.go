package petrarch

import (
	"os"
	"strings"
	"testing"

	"sitrep/event"
	"sitrep/internal/testshared"
	"sitrep/nlp/conllu"
)

func TestDebugRecord(t *testing.T) {
	id := os.Getenv("REC")
	if id == "" {
		t.Skip("set REC")
	}
	s, _ := ReadSuite(testshared.Path(t, "data/ud-petrarch-validate/validate/PETR_Validate_records_2_02.xml"))
	verbs, actors, pico, _, _ := Environment(s)
	c := &event.Coder{Verbs: verbs, Actors: actors, RequireDyad: true, PICO: pico, PetrarchNegation: true, AgentlessPassiveSource: true}
	for _, r := range s.Records {
		if r.ID != id {
			continue
		}
		ss, _ := conllu.ReadAll(strings.NewReader(r.Parse), "x")
		toks := ss[0].Doc.Tokens
		t.Log(r.Text, r.Gold)
		t.Log("\n" + c.Explain(toks, event.Options{Date: r.Date}))
		evs, err := c.CodeSentence(toks, event.Options{Date: r.Date})
		t.Log(evs, err)
	}
}
