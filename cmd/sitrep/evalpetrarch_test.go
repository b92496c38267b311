package main

import (
	"encoding/json"
	"strings"
	"testing"

	"sitrep/internal/testshared"
)

// evalPetrarchCases are the runs of 'sitrep eval petrarch' compared with
// testdata/golden/NAME.golden. testdata/suite/tiny.xml has four records,
// one of them coded wrong on purpose; testdata/suite/dict holds its
// dictionaries with that verb's code fixed.
var evalPetrarchCases = []cliCase{
	{name: "eval_petrarch", args: []string{"eval", "petrarch", "testdata/suite/tiny.xml"}},
	{name: "eval_petrarch_json", args: []string{"eval", "petrarch", "--json", "testdata/suite/tiny.xml"}},
	{name: "eval_petrarch_own", args: []string{"eval", "petrarch", "--parses", "own", "--json", "testdata/suite/tiny.xml"}},
	{name: "eval_petrarch_dict", args: []string{"eval", "petrarch", "--dict", "testdata/suite/dict", "testdata/suite/tiny.xml"}},
	{name: "eval_petrarch_missing", args: []string{"eval", "petrarch", "testdata/petrarch/missing.xml"}, code: exitFailure},
	{name: "eval_petrarch_bad_parses", args: []string{"eval", "petrarch", "--parses", "gold", "testdata/suite/tiny.xml"}, code: exitUsage},
	{name: "eval_petrarch_no_file", args: []string{"eval", "petrarch"}, code: exitUsage},
	{name: "help_eval_petrarch", args: []string{"help", "eval", "petrarch"}},
}

func TestEvalPetrarch(t *testing.T) {
	for _, tc := range evalPetrarchCases {
		t.Run(tc.name, func(t *testing.T) { runCLICase(t, tc) })
	}
}

// TestEvalPetrarchShared scores the coder on UniversalPetrarch's validation
// suite through the CLI and fails below floors: with the suite's parses at
// least 90% of the gold events found and at most 10% false positives.
func TestEvalPetrarchShared(t *testing.T) {
	suite := testshared.Path(t, "data/ud-petrarch-validate/validate/PETR_Validate_records_2_02.xml")
	for _, tc := range []struct {
		parses          string
		minFound, maxFP float64
	}{
		{"suite", 90, 10},
		{"own", 80, 15},
	} {
		stdout, stderr, code := sitrep(t, "", "eval", "petrarch", "--json", "--parses", tc.parses, suite)
		var r evalPetrarchJSON
		if code != exitOK || json.Unmarshal([]byte(stdout), &r) != nil {
			t.Fatalf("eval petrarch --parses %s: exit %d, %s%s", tc.parses, code, stdout, stderr)
		}
		t.Logf("--parses %s: %s", tc.parses, strings.TrimSpace(stdout))
		if r.Gold < 300 || r.Found+r.Missed != r.Gold {
			t.Errorf("--parses %s: %d gold events, %d found, %d missed", tc.parses, r.Gold, r.Found, r.Missed)
		}
		if r.FoundPct < tc.minFound || r.FalsePositivesPct > tc.maxFP {
			t.Errorf("--parses %s: found %.2f%% (floor %.0f%%), false positives %.2f%% (ceiling %.0f%%) of gold",
				tc.parses, r.FoundPct, tc.minFound, r.FalsePositivesPct, tc.maxFP)
		}
	}
}
