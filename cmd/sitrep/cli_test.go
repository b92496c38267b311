package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// sitrep runs the command line args in-process and returns what it printed
// and its exit status.
func sitrep(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// A cliCase is one run of sitrep whose output is compared with
// testdata/golden/NAME.golden.
type cliCase struct {
	name  string
	args  []string
	stdin string
	code  int  // the exit status wanted; checked apart from the golden file
	valid bool // stdout must be valid CoNLL-U, or valid JSON for --format json
}

const newsSentence = "Syrian government forces shelled rebel positions in Daraa on Tuesday.\n"

var cliCases = []cliCase{
	// The main job.
	{name: "parse_stdin", args: []string{"parse", "-"}, stdin: newsSentence, valid: true},
	{name: "parse_conllu", args: []string{"parse", "testdata/news.txt"}, valid: true},
	{name: "parse_json", args: []string{"parse", "--format", "json", "testdata/news.txt"}, valid: true},
	{name: "parse_flags_after_file", args: []string{"parse", "testdata/news.txt", "--format=json"}, valid: true},
	{name: "parse_empty", args: []string{"parse", "testdata/empty.txt"}},
	{name: "parse_empty_json", args: []string{"parse", "--format", "json", "testdata/empty.txt"}, valid: true},
	{name: "parse_input_conllu", args: []string{"parse", "--input", "conllu", "testdata/tiny.conllu"}, valid: true},
	{name: "parse_input_conllu_json", args: []string{"parse", "--input", "conllu", "--format", "json", "testdata/tiny.conllu"}, valid: true},

	// Bad input.
	{name: "parse_missing", args: []string{"parse", "testdata/missing.txt"}, code: exitFailure},
	{name: "parse_directory", args: []string{"parse", "testdata"}, code: exitFailure},
	{name: "parse_binary", args: []string{"parse", "testdata/binary.dat"}, code: exitFailure},
	{name: "parse_control", args: []string{"parse", "testdata/control.dat"}, code: exitFailure},
	{name: "parse_utf16", args: []string{"parse", "testdata/utf16.txt"}, code: exitFailure},
	{name: "parse_binary_stdin", args: []string{"parse", "-"}, stdin: "\x00\x01\x02", code: exitFailure},
	{name: "parse_invalid_utf8", args: []string{"parse", "testdata/latin1.txt"}, valid: true},
	{name: "parse_invalid_utf8_conllu", args: []string{"parse", "--input", "conllu", "testdata/latin1.conllu"}, valid: true},
	{name: "parse_bad_conllu", args: []string{"parse", "--input", "conllu", "testdata/bad.conllu"}, code: exitFailure},
	{name: "parse_text_as_conllu", args: []string{"parse", "--input", "conllu", "testdata/news.txt"}, code: exitFailure},
	{name: "parse_missing_model", args: []string{"parse", "--model", "testdata/missing.model.gz", "testdata/news.txt"}, code: exitFailure},
	{name: "parse_bad_model", args: []string{"parse", "--model", "testdata/news.txt", "testdata/news.txt"}, code: exitFailure},

	// Usage errors.
	{name: "no_args", args: []string{}, code: exitUsage},
	{name: "unknown_command", args: []string{"frobnicate"}, code: exitUsage},
	{name: "parse_no_file", args: []string{"parse"}, code: exitUsage},
	{name: "parse_two_files", args: []string{"parse", "a.txt", "b.txt"}, code: exitUsage},
	{name: "parse_unknown_flag", args: []string{"parse", "--frobnicate", "testdata/news.txt"}, code: exitUsage},
	{name: "parse_bad_format", args: []string{"parse", "--format", "xml", "testdata/news.txt"}, code: exitUsage},
	{name: "parse_bad_input", args: []string{"parse", "--input", "html", "testdata/news.txt"}, code: exitUsage},
	{name: "eval_nothing", args: []string{"eval"}, code: exitUsage},
	{name: "eval_unknown", args: []string{"eval", "frobnicate"}, code: exitUsage},
	{name: "eval_ud_no_file", args: []string{"eval", "ud"}, code: exitUsage},
	{name: "bench_unknown_stage", args: []string{"bench", "parse"}, code: exitUsage},
	{name: "train_bad_folds", args: []string{"train", "--folds", "many"}, code: exitUsage},
	{name: "train_negative_epochs", args: []string{"train", "--tagger-epochs", "-1"}, code: exitUsage},
	{name: "train_missing_treebank", args: []string{"train", "--treebank", "testdata/missing", "--out", "testdata/missing/m.gz"}, code: exitFailure},
	{name: "version_extra_arg", args: []string{"version", "now"}, code: exitUsage},

	// Help.
	{name: "help", args: []string{"help"}},
	{name: "help_parse", args: []string{"help", "parse"}},
	{name: "help_eval", args: []string{"help", "eval"}},
	{name: "help_eval_ud", args: []string{"help", "eval", "ud"}},
	{name: "help_train", args: []string{"help", "train"}},
	{name: "help_bench", args: []string{"help", "bench"}},
	{name: "help_unknown", args: []string{"help", "frobnicate"}, code: exitUsage},
	{name: "parse_dash_h", args: []string{"parse", "-h"}},
	{name: "eval_dash_dash_help", args: []string{"eval", "--help"}},

	// Evaluation on a hand-written treebank.
	{name: "eval_ud", args: []string{"eval", "ud", "testdata/tiny.conllu"}},
	{name: "eval_ud_json", args: []string{"eval", "ud", "--json", "testdata/tiny.conllu"}},
	{name: "eval_ud_missing", args: []string{"eval", "ud", "testdata/missing.conllu"}, code: exitFailure},
	{name: "eval_ud_bad", args: []string{"eval", "ud", "testdata/bad.conllu"}, code: exitFailure},

	// Dictionaries: lookups in the embedded ones.
	{name: "dict_lookup_russia", args: []string{"dict", "lookup", "Russian Federation"}},
	{name: "dict_lookup_kremlin", args: []string{"dict", "lookup", "the Kremlin"}},
	{name: "dict_lookup_assad", args: []string{"dict", "lookup", "Bashar al-Assad", "--date", "2018-07-05"}},
	{name: "dict_lookup_lavrov", args: []string{"dict", "lookup", "--date", "2018-07-05", "Lavrov"}},
	{name: "dict_lookup_daraa", args: []string{"dict", "lookup", "Daraa"}},
	{name: "dict_lookup_golan", args: []string{"dict", "lookup", "Golan", "Heights"}},
	{name: "dict_lookup_jordan", args: []string{"dict", "lookup", "Jordan"}},
	{name: "dict_lookup_syria_army", args: []string{"dict", "lookup", "--date=2018-07-05", "Syria's army"}},
	{name: "dict_lookup_haq", args: []string{"dict", "lookup", "--date", "2018-07-05", "United Nations deputy spokesman Farhan Haq"}},
	{name: "dict_lookup_focus", args: []string{"dict", "lookup", "--date", "2018-07-05", "--focus", "syr", "regime forces"}},
	{name: "dict_lookup_rebels", args: []string{"dict", "lookup", "--date", "2018-07-05", "rebels"}},
	{name: "dict_lookup_lower_case", args: []string{"dict", "lookup", "daraa"}},
	{name: "dict_lookup_json", args: []string{"dict", "lookup", "--json", "--date", "2018-07-05", "Syria's army in Daraa"}},
	{name: "dict_lookup_no_text", args: []string{"dict", "lookup"}, code: exitUsage},
	{name: "dict_lookup_bad_date", args: []string{"dict", "lookup", "--date", "5 July 2018", "Lavrov"}, code: exitUsage},
	{name: "dict_lookup_bad_focus", args: []string{"dict", "lookup", "--focus", "Syria", "regime forces"}, code: exitUsage},

	// Dictionaries: checks.
	{name: "dict_check_embedded", args: []string{"dict", "check"}},
	{name: "dict_check_ok", args: []string{"dict", "check", "testdata/dict/ok"}},
	{name: "dict_check_bad", args: []string{"dict", "check", "testdata/dict/bad"}, code: exitFailure},
	// A folder laid out for --dict is checked as --dict loads it.
	{name: "dict_check_additions", args: []string{"dict", "check", "testdata/code/dict"}},
	{name: "dict_check_additions_broken", args: []string{"dict", "check", "testdata/code/dict-broken"}, code: exitFailure},
	{name: "dict_check_defaults", args: []string{"dict", "check", "--defaults", "testdata/dict/user"}, code: exitFailure},
	{name: "dict_check_incomplete", args: []string{"dict", "check", "testdata/dict/user"}, code: exitFailure},
	{name: "dict_check_missing", args: []string{"dict", "check", "testdata/missing"}, code: exitFailure},
	{name: "dict_check_file", args: []string{"dict", "check", "testdata/news.txt"}, code: exitFailure},
	{name: "dict_check_no_dictionary", args: []string{"dict", "check", "testdata/golden"}, code: exitFailure},
	{name: "dict_check_two_dirs", args: []string{"dict", "check", "testdata/dict/ok", "testdata/dict/bad"}, code: exitUsage},
	{name: "dict_check_defaults_no_dir", args: []string{"dict", "check", "--defaults"}, code: exitUsage},

	// Dictionaries: PETRARCH imports.
	{name: "dict_import_actors", args: []string{"dict", "import-petrarch", "testdata/petrarch/actors.txt"}, code: exitFailure},
	{name: "dict_import_agents", args: []string{"dict", "import-petrarch", "testdata/petrarch/agents.txt"}},
	{name: "dict_import_verbs", args: []string{"dict", "import-petrarch", "testdata/petrarch/verbs.txt"}, code: exitFailure},
	{name: "dict_import_stdin", args: []string{"dict", "import-petrarch", "-"}, stdin: "SYRIA_ [SYR]\n+SYRIAN_\nREBEL [~REB]\n"},
	{name: "dict_import_missing", args: []string{"dict", "import-petrarch", "testdata/missing.txt"}, code: exitFailure},
	{name: "dict_import_directory", args: []string{"dict", "import-petrarch", "testdata/petrarch"}, code: exitFailure},
	{name: "dict_import_binary", args: []string{"dict", "import-petrarch", "testdata/binary.dat"}, code: exitFailure},
	{name: "dict_import_out_directory", args: []string{"dict", "import-petrarch", "--out", "testdata", "testdata/petrarch/agents.txt"}, code: exitFailure},
	{name: "dict_import_no_file", args: []string{"dict", "import-petrarch"}, code: exitUsage},

	// Dictionaries: usage and help.
	{name: "dict_nothing", args: []string{"dict"}, code: exitUsage},
	{name: "dict_unknown", args: []string{"dict", "grep"}, code: exitUsage},
	{name: "dict_dash_dash_help", args: []string{"dict", "--help"}},
	{name: "help_dict", args: []string{"help", "dict"}},
	{name: "help_dict_lookup", args: []string{"help", "dict", "lookup"}},
	{name: "help_dict_check", args: []string{"help", "dict", "check"}},
	{name: "help_dict_import", args: []string{"help", "dict", "import-petrarch"}},
}

// masks replace what changes from run to run (speeds, times) in outputs.
var masks = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?m)^(words/s +)\d+$`), "${1}N"},
	{regexp.MustCompile(`"(seconds|words_per_sec)":[0-9.e+-]+`), `"$1":N`},
	{regexp.MustCompile(`(?m)^(date +)\d{4}-\d\d-\d\d \(today\)$`), "${1}YYYY-MM-DD (today)"},
	// The sizes of the embedded dictionaries change with every edit of their data.
	{regexp.MustCompile(`(?m)^(embedded dictionaries: ok: actor dictionary )\d+ files, \d+ entries, \d+ names; (ontology \S+) \d+ event codes; (verbs \d+ files), \d+ blocks, \d+ verbs, \d+ patterns$`),
		"${1}N files, N entries, N names; ${2} N event codes; ${3}, N blocks, N verbs, N patterns"},
	{regexp.MustCompile(`(ok as additions to the embedded dictionaries: actors )\d+ entries, \d+ names; verbs \d+ blocks`),
		"${1}N entries, N names; verbs N blocks"},
}

func mask(s string) string {
	for _, m := range masks {
		s = m.re.ReplaceAllString(s, m.with)
	}
	return s
}

func TestCLI(t *testing.T) {
	for _, tc := range cliCases {
		t.Run(tc.name, func(t *testing.T) { runCLICase(t, tc) })
	}
}

// runCLICase runs tc and checks its output against its golden file and
// its exit status; it returns what the run printed on stdout.
func runCLICase(t *testing.T, tc cliCase) string {
	t.Helper()
	stdout, stderr, code := sitrep(t, tc.stdin, tc.args...)
	got := fmt.Sprintf("$ sitrep %s\nexit %d\n-- stdout --\n%s-- stderr --\n%s",
		strings.Join(tc.args, " "), code, mask(stdout), mask(stderr))
	golden(t, filepath.Join("testdata", "golden", tc.name+".golden"), got)
	if code != tc.code {
		t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, stderr)
	}
	if tc.code != exitOK && !strings.HasPrefix(stderr, "sitrep: ") && !strings.HasPrefix(stderr, "Usage: sitrep") {
		t.Errorf("stderr starts with neither an error nor the usage:\n%s", stderr)
	}
	if tc.valid {
		validate := validCoNLLU
		if slices.Contains(tc.args, "json") || slices.Contains(tc.args, "--format=json") {
			validate = validJSON
		}
		if err := validate(stdout); err != nil {
			t.Errorf("invalid output: %v\n%s", err, stdout)
		}
	}
	return stdout
}

// golden compares got with the golden file, or rewrites the file under
// -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/sitrep -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/sitrep -update rewrites it):\n%s", path, diff(string(want), got))
	}
}

// diff returns the lines of want and got from the first one that differs.
func diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "(no difference in lines)"
}

func TestVersion(t *testing.T) {
	stdout, stderr, code := sitrep(t, "", "version")
	if code != exitOK || stderr != "" || !strings.HasPrefix(stdout, "sitrep ") || strings.Count(stdout, "\n") != 1 {
		t.Errorf("sitrep version: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestHelpListsFlags checks that each command's help documents every flag
// it accepts, in the --name spelling.
func TestHelpListsFlags(t *testing.T) {
	for _, name := range commandNames(t) {
		cmd, _, _, err := lookup(strings.Fields(name))
		if err != nil {
			t.Fatal(err)
		}
		help := cmd.synopsis() + "\n" + cmd.help()
		cmd.flagSet().VisitAll(func(f *flag.Flag) {
			if !strings.Contains(help, "--"+f.Name) {
				t.Errorf("sitrep help %s does not mention --%s", name, f.Name)
			}
		})
	}
}

// commandNames returns the commands that 'sitrep help' lists, except help.
func commandNames(t *testing.T) []string {
	t.Helper()
	stdout, _, code := sitrep(t, "", "help")
	if code != exitOK {
		t.Fatalf("sitrep help: exit %d", code)
	}
	_, list, ok := strings.Cut(stdout, "\nCommands:\n")
	if !ok {
		t.Fatalf("sitrep help lists no commands:\n%s", stdout)
	}
	list, _, _ = strings.Cut(list, "\n\n")
	var names []string
	for _, line := range strings.Split(list, "\n") {
		// "  eval ud    score ..." : the name ends at the first run of two spaces.
		name, _, _ := strings.Cut(strings.TrimSpace(line), "  ")
		if name != "help" {
			names = append(names, name)
		}
	}
	if len(names) < 4 {
		t.Fatalf("sitrep help lists only %q", names)
	}
	return names
}

func TestParseFlags(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		format    string
		pos, fail string
	}{
		{args: []string{"a.txt"}, format: "conllu", pos: "a.txt"},
		{args: []string{"--format", "json", "a.txt"}, format: "json", pos: "a.txt"},
		{args: []string{"a.txt", "--format=json"}, format: "json", pos: "a.txt"},
		{args: []string{"-", "-format", "json"}, format: "json", pos: "-"},
		{args: []string{"a.txt", "b.txt", "--format", "json"}, format: "json", pos: "a.txt b.txt"},
		{args: []string{"--", "--format", "json"}, format: "conllu", pos: "--format json"},
		{args: []string{"a.txt", "--", "--format"}, format: "conllu", pos: "a.txt --format"},
		{args: []string{"a.txt", "--format"}, fail: "flag needs an argument: --format"},
		{args: []string{"a.txt", "--nope"}, fail: "unknown flag --nope"},
	} {
		var c parseCommand
		pos, err := parseFlags(c.flagSet(), tc.args)
		switch {
		case tc.fail != "":
			if err == nil || err.Error() != tc.fail {
				t.Errorf("parseFlags(%q): error %v, want %s", tc.args, err, tc.fail)
			}
		case err != nil:
			t.Errorf("parseFlags(%q): %v", tc.args, err)
		case strings.Join(pos, " ") != tc.pos || c.format != tc.format:
			t.Errorf("parseFlags(%q): positional %q, format %q; want %q, %q", tc.args, pos, c.format, tc.pos, tc.format)
		}
	}
}
