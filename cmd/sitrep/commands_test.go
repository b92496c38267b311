package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/testshared"
	"sitrep/nlp/conllu"
)

// TestTrainTiny trains a model on the hand-written treebank and evaluates
// the model file it wrote: the train → model file → --model path.
func TestTrainTiny(t *testing.T) {
	dir := t.TempDir()
	tiny, err := os.ReadFile("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{trainFile, devFile, testFile} {
		if err := os.WriteFile(filepath.Join(dir, f), tiny, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	model := filepath.Join(dir, "out", "tiny.model.gz")
	stdout, stderr, code := sitrep(t, "", "train", "--treebank", dir, "--out", model,
		"--folds", "2", "--tagger-epochs", "1", "--parser-epochs", "1", "--workers", "1")
	if code != exitOK {
		t.Fatalf("train: exit %d\n%s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "dev   words 24  UPOS ") ||
		!strings.HasPrefix(lines[1], "test  words 24  UPOS ") || lines[2] != "model "+model {
		t.Errorf("train printed:\n%s", stdout)
	}
	if !strings.Contains(stderr, `msg="wrote model"`) {
		t.Errorf("train logged no progress:\n%s", stderr)
	}
	m, _, err := loadModel(model)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"corpus: " + filepath.Base(dir) + "/" + trainFile + " (3 sentences, 24 words)",
		"options: tagger-epochs=1 parser-epochs=1 folds=2 seed=1", "\ndev: words 24", "\ntest: words 24"} {
		if !strings.Contains(m.Info, want) {
			t.Errorf("model info lacks %q:\n%s", want, m.Info)
		}
	}
	stdout, stderr, code = sitrep(t, "", "eval", "ud", "--model", model, "--json", "testdata/tiny.conllu")
	var r evalJSON
	if code != exitOK || json.Unmarshal([]byte(stdout), &r) != nil || r.Words != 24 {
		t.Errorf("eval ud --model: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(filepath.Dir(model)); len(entries) != 1 {
		t.Errorf("train left %d files beside the model, want none", len(entries)-1)
	}
}

func TestBenchCorpus(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	stdout, stderr, code := sitrep(t, "", "bench", "nlp", "--corpus", "testdata/news.txt", "--json", "--cpuprofile", prof)
	if code != exitOK {
		t.Fatalf("bench: exit %d\n%s", code, stderr)
	}
	checkBenchJSON(t, stdout, "testdata/news.txt")
	if fi, err := os.Stat(prof); err != nil || fi.Size() == 0 {
		t.Errorf("no CPU profile: %v", err)
	}
}

func TestBenchTable(t *testing.T) {
	stdout, stderr, code := sitrep(t, "", "bench", "nlp", "--corpus", "testdata/news.txt")
	if code != exitOK {
		t.Fatalf("bench: exit %d\n%s", code, stderr)
	}
	var keys []string
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		k, _, _ := strings.Cut(line, "  ")
		keys = append(keys, k)
	}
	want := "stage corpus passes tokens sentences seconds tokens/s/core sentences/s model load peak RSS"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("bench table rows: %s\nwant %s\n%s", got, want, stdout)
	}
}

// checkBenchJSON checks one line of 'sitrep bench nlp --json'.
func checkBenchJSON(t *testing.T, line, corpus string) benchResult {
	t.Helper()
	var r benchResult
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil || strings.Count(line, "\n") != 1 {
		t.Fatalf("bench --json printed %q: %v", line, err)
	}
	if r.Stage != "nlp" || r.Corpus != corpus || r.Passes < 1 || r.Tokens < 20*r.Passes || r.Sentences < 2*r.Passes ||
		r.Seconds <= 0 || r.TokensPerSec <= 0 || r.SentencesPerSec <= 0 || r.LoadSeconds < 0 {
		t.Errorf("bench --json: %s", line)
	}
	if _, err := os.Stat("/proc/self/status"); err == nil && (r.PeakRSSMB == nil || *r.PeakRSSMB <= 0) {
		t.Errorf("bench --json: no peak RSS on a system with /proc: %s", line)
	}
	return r
}

// TestREADME checks that README.md documents every command 'sitrep help'
// lists and every flag of each.
func TestREADME(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testshared.Root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, name := range commandNames(t) {
		if !strings.Contains(readme, "sitrep "+name) {
			t.Errorf("README.md does not mention 'sitrep %s'", name)
		}
		cmd, _, _, err := lookup(strings.Fields(name))
		if err != nil {
			t.Fatal(err)
		}
		cmd.flagSet().VisitAll(func(f *flag.Flag) {
			if !strings.Contains(readme, "--"+f.Name) {
				t.Errorf("README.md does not mention --%s of 'sitrep %s'", f.Name, name)
			}
		})
	}
	if !strings.Contains(readme, testshared.SlowEnv) {
		t.Errorf("README.md does not mention %s", testshared.SlowEnv)
	}
}

// TestSlowParseEWT re-annotates EWT dev through 'sitrep parse --input
// conllu', checks that every sentence is valid CoNLL-U, and that scoring the
// output against the treebank gives what 'sitrep eval ud' reports.
func TestSlowParseEWT(t *testing.T) {
	testshared.Slow(t)
	dev := testshared.Path(t, "data/ud-english-ewt/"+devFile)
	stdout, stderr, code := sitrep(t, "", "parse", "--input", "conllu", dev)
	if code != exitOK || stderr != "" {
		t.Fatalf("parse: exit %d\n%s", code, stderr)
	}
	if err := validCoNLLU(stdout); err != nil {
		t.Fatal(err)
	}
	pred := filepath.Join(t.TempDir(), "pred.conllu")
	if err := os.WriteFile(pred, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := readTreebankT(t, dev)
	got := readTreebankT(t, pred)
	if len(gold) != len(got) {
		t.Fatalf("%d sentences in, %d out", len(gold), len(got))
	}
	stdout, stderr, code = sitrep(t, "", "eval", "ud", "--json", dev)
	var r evalJSON
	if code != exitOK || json.Unmarshal([]byte(stdout), &r) != nil {
		t.Fatalf("eval ud: exit %d, %s%s", code, stdout, stderr)
	}
	s := scoreT(t, gold, got)
	if s.Words != r.Words || round(s.Percent(s.LAS), 2) != r.LAS || round(s.Percent(s.UPOS), 2) != r.UPOS {
		t.Errorf("scoring parse's output gives %v; eval ud gives %s", s, stdout)
	}
}

// TestAccuracyEvalUD scores the embedded model on EWT dev and test through
// 'sitrep eval ud' and fails below floors a little under today's scores.
func TestAccuracyEvalUD(t *testing.T) {
	testshared.Slow(t)
	floors := evalJSON{UPOS: 94.5, XPOS: 94, Lemma: 96, UAS: 84, LAS: 81}
	for _, f := range []string{devFile, testFile} {
		path := testshared.Path(t, "data/ud-english-ewt/"+f)
		stdout, stderr, code := sitrep(t, "", "eval", "ud", "--json", path)
		var r evalJSON
		if code != exitOK || json.Unmarshal([]byte(stdout), &r) != nil {
			t.Fatalf("eval ud %s: exit %d, %s%s", f, code, stdout, stderr)
		}
		t.Logf("%s: %s", f, strings.TrimSpace(stdout))
		for _, c := range []struct {
			name       string
			got, floor float64
		}{{"UPOS", r.UPOS, floors.UPOS}, {"XPOS", r.XPOS, floors.XPOS}, {"Lemma", r.Lemma, floors.Lemma},
			{"UAS", r.UAS, floors.UAS}, {"LAS", r.LAS, floors.LAS}} {
			if c.got < c.floor {
				t.Errorf("%s: %s %.2f below the floor %.2f", f, c.name, c.got, c.floor)
			}
		}
	}
}

// TestSlowBenchEWT runs the bench on its default corpus, EWT dev and test.
func TestSlowBenchEWT(t *testing.T) {
	testshared.Slow(t)
	testshared.Path(t, "data/ud-english-ewt/"+devFile)
	stdout, stderr, code := sitrep(t, "", "bench", "nlp", "--json")
	if code != exitOK {
		t.Fatalf("bench: exit %d\n%s", code, stderr)
	}
	r := checkBenchJSON(t, stdout, "UD English EWT dev+test text")
	t.Logf("%s", strings.TrimSpace(stdout))
	if r.Tokens < 40000*r.Passes {
		t.Errorf("EWT dev+test gave only %d tokens a pass", r.Tokens/r.Passes)
	}
}

func readTreebankT(t *testing.T, path string) []*conllu.Sentence {
	t.Helper()
	out, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func scoreT(t *testing.T, gold, pred []*conllu.Sentence) conllu.Scores {
	t.Helper()
	s, err := conllu.Score(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestREADMEJSONExample checks that the JSON example in README.md decodes
// into the schema sitrep writes and keeps its guarantees.
func TestREADMEJSONExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testshared.Root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, example, ok := strings.Cut(string(data), "\n```json\n")
	example, _, ok2 := strings.Cut(example, "\n```\n")
	if !ok || !ok2 {
		t.Fatal("README.md has no ```json example")
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(example)); err != nil {
		t.Fatalf("README.md JSON example: %v", err)
	}
	if err := validJSON(compact.String() + "\n"); err != nil {
		t.Errorf("README.md JSON example: %v", err)
	}
}
