package petrarch

import (
	"strings"
	"testing"


	"sitrep/internal/testshared"
	"sitrep/nlp"
)

func TestEnvironment(t *testing.T) {
	s, err := ReadSuite(testshared.Path(t, "data/ud-petrarch-validate/validate/PETR_Validate_records_2_02.xml"))
	if err != nil {
		t.Fatal(err)
	}
	env, err := Environment(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d verb blocks, %d actor names, %d warnings", len(env.Verbs.Blocks), env.Actors.Len(), len(env.Warnings))
	for _, w := range env.Warnings {
		t.Log(w)
	}
}

func TestEvaluateSuiteParses(t *testing.T) {
	s, err := ReadSuite(testshared.Path(t, "data/ud-petrarch-validate/validate/PETR_Validate_records_2_02.xml"))
	if err != nil {
		t.Fatal(err)
	}
	env, err := Environment(s)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(t.Context(), s, env, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Write(&b)
	t.Log("\n" + b.String())
	if testing.Verbose() {
		for _, r := range rep.Results {
			if r.Found != len(r.Record.Gold) || len(r.Coded) != r.Found {
				t.Logf("%s %s: want %v got %v err %v | %s", r.Record.ID, r.Record.Category, r.Record.Gold, r.Coded, r.Err, r.Record.Text)
			}
		}
	}
}

func TestEvaluateOwnParses(t *testing.T) {
	s, err := ReadSuite(testshared.Path(t, "data/ud-petrarch-validate/validate/PETR_Validate_records_2_02.xml"))
	if err != nil {
		t.Fatal(err)
	}
	env, err := Environment(s)
	if err != nil {
		t.Fatal(err)
	}
	m, err := nlp.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(t.Context(), s, env, m.Pipeline())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Write(&b)
	t.Log("\n" + b.String())
	if testing.Verbose() {
		for _, r := range rep.Results {
			if r.Found != len(r.Record.Gold) || len(r.Coded) != r.Found {
				t.Logf("%s %s: want %v got %v err %v | %s", r.Record.ID, r.Record.Category, r.Record.Gold, r.Coded, r.Err, r.Record.Text)
			}
		}
	}
}
