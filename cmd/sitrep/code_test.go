package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/article"
	"sitrep/event"
	"sitrep/internal/testshared"
	"sitrep/nlp"
	"sitrep/record"
)

const firebomb = "Syrian jets firebombed the Daraa Youth Brigade on Monday.\n"

// codeCases are the runs of 'sitrep code' compared with
// testdata/golden/NAME.golden.
var codeCases = []cliCase{
	{name: "code_json", args: []string{"code", "--date", "2018-07-03", "testdata/code/daraa.txt"}},
	{name: "code_tsv", args: []string{"code", "--date", "2018-07-03", "--format", "tsv", "testdata/code/daraa.txt"}},
	{name: "code_table", args: []string{"code", "--date", "2018-07-03", "--format", "table", "testdata/code/daraa.txt"}},
	{name: "code_jsonl", args: []string{"code", "--date", "2018-07-03", "--format", "tsv", "testdata/code/articles.jsonl"}, code: exitFailure},
	{name: "code_stdin_jsonl", args: []string{"code", "--format", "tsv", "-"},
		stdin: "\n  {\"title\": \"Aid\", \"text\": \"Jordan delivered aid to refugees.\", \"date\": \"2018-07-04\"}\n"},
	{name: "code_stdin_text", args: []string{"code", "--format", "table", "-"}, stdin: newsSentence},
	{name: "code_missing_file", args: []string{"code", "--format", "tsv", "testdata/code/missing.txt", "testdata/code/daraa.txt"}, code: exitFailure},
	{name: "code_empty", args: []string{"code", "testdata/empty.txt"}, code: exitFailure},
	{name: "code_invalid_utf8", args: []string{"code", "--format", "tsv", "testdata/latin1.txt"}},
	{name: "code_dict", args: []string{"code", "--format", "table", "--dict", "testdata/code/dict", "-"}, stdin: firebomb},
	{name: "code_no_dict", args: []string{"code", "--format", "table", "-"}, stdin: firebomb},
	{name: "code_dict_broken", args: []string{"code", "--dict", "testdata/code/dict-broken", "testdata/code/daraa.txt"}, code: exitFailure},
	{name: "code_dict_missing", args: []string{"code", "--dict", "testdata/code/missing", "testdata/code/daraa.txt"}, code: exitFailure},
	{name: "code_dict_flat", args: []string{"code", "--dict", "testdata/code", "testdata/code/daraa.txt"}, code: exitFailure},
	{name: "code_bad_date", args: []string{"code", "--date", "05/07/2018", "testdata/code/daraa.txt"}, code: exitUsage},
	{name: "code_bad_format", args: []string{"code", "--format", "csv", "testdata/code/daraa.txt"}, code: exitUsage},
	{name: "code_no_file", args: []string{"code", "--format", "tsv"}, code: exitUsage},
	{name: "help_code", args: []string{"help", "code"}},
}

func TestCode(t *testing.T) {
	for _, tc := range codeCases {
		t.Run(tc.name, func(t *testing.T) {
			stdout := runCLICase(t, tc)
			if tc.args[0] == "code" && !slices.Contains(tc.args, "--format") {
				decodeRecords(t, stdout)
			}
		})
	}
}

// decodeRecords decodes the JSON Lines 'sitrep code' prints, refusing
// fields the record package does not know.
func decodeRecords(t *testing.T, out string) []*record.Article {
	t.Helper()
	var recs []*record.Article
	for line := range strings.Lines(out) {
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var r record.Article
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("not a record: %v\n%s", err, line)
		}
		recs = append(recs, &r)
	}
	return recs
}

// A seedEvent is an event the seed article must yield: a sentence (its
// beginning) and source, target and root patterns, "|" between
// alternatives and "*" for any run of characters.
type seedEvent struct {
	sentence, source, target, root string
}

// TestCodeSeed codes the founding test article, compares the JSON with
// testdata/golden/code_seed.golden and checks the events any change must
// keep.
func TestCodeSeed(t *testing.T) {
	seed := testshared.Path(t, "seed/000_86861ccb5f158c03.txt")
	stdout, stderr, code := sitrep(t, "", "code", "--date", "2018-07-05", "--format", "json", seed)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	golden(t, filepath.Join("testdata", "golden", "code_seed.golden"), stdout)
	recs := decodeRecords(t, stdout)
	if len(recs) != 1 {
		t.Fatalf("%d records, want 1", len(recs))
	}
	r := recs[0]
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.ReadText(strings.NewReader(string(data)), seed)
	if err != nil {
		t.Fatal(err)
	}
	checkRecord(t, r, a)
	if r.Meta.Date == nil || *r.Meta.Date != "2018-07-05" || r.Meta.Title != a.Title || r.Meta.ID != a.ID {
		t.Errorf("article %+v", r.Meta)
	}
	for _, w := range []seedEvent{
		{"Syrian President Bashar al-Assad is waging a campaign", "SYRGOV|SYRMIL", "SYRREB", "19"},
		{"Instead, Safadi said Jordan is delivering aid", "JOR*", "*REF|*CVL", "07"},
		{"Jordan, which has taken in", "JOR*", "*REF", "12"},
		{"Jordan, which has taken in", "ISR*", "*REF", "12"},
		{"The offensive resumed", "SYRGOV|SYRMIL", "SYRREB", "19"},
		{"The offensive resumed", "RUSMIL", "SYRREB", "19"},
	} {
		if !slices.ContainsFunc(r.Events, w.matches) {
			t.Errorf("no event %s → %s, root %s from %q", w.source, w.target, w.root, w.sentence)
		}
	}
	for _, e := range r.Events {
		if e.Evidence.Text == a.Title {
			t.Errorf("event %s %s %s from the title", actorCodeOf(e.Source, "-"), e.CAMEO, actorCodeOf(e.Target, "-"))
		}
	}
}

func (w seedEvent) matches(e record.Event) bool {
	return strings.HasPrefix(e.Evidence.Text, w.sentence) && e.Root == w.root &&
		e.Source != nil && e.Target != nil && codeMatches(w.source, e.Source.Code) && codeMatches(w.target, e.Target.Code)
}

func codeMatches(patterns, code string) bool {
	for _, p := range strings.Split(patterns, "|") {
		if ok, _ := path.Match(p, code); ok {
			return true
		}
	}
	return false
}

// checkRecord checks that every span of r is the text of a's body there,
// and that events are in text order.
func checkRecord(t *testing.T, r *record.Article, a *article.Article) {
	t.Helper()
	body := a.Body()
	text := func(what string, start, end int, s string) {
		if start < 0 || start > end || end > len(body) || body[start:end] != s {
			t.Errorf("%s [%d,%d) %q is not the body's text there", what, start, end, s)
		}
	}
	for _, s := range r.Sentences {
		text("sentence", s.Start, s.End, s.Text)
	}
	for i, e := range r.Events {
		text("evidence", e.Evidence.Start, e.Evidence.End, e.Evidence.Text)
		text("verb", e.Verb.Start, e.Verb.End, e.Verb.Text)
		for _, x := range []*record.Actor{e.Source, e.Target} {
			if x != nil {
				text("actor", x.Start, x.End, x.Text)
			}
		}
		if i > 0 && (r.Events[i-1].Sentence > e.Sentence ||
			r.Events[i-1].Sentence == e.Sentence && r.Events[i-1].Verb.Start > e.Verb.Start) {
			t.Errorf("event %d out of text order", i)
		}
	}
}

// TestPipelineOrder codes many articles on several workers and checks that
// the results come in input order, errors in their place.
func TestPipelineOrder(t *testing.T) {
	p := testPipeline(t)
	const n = 40
	var got []string
	err := p.run(context.Background(), 4, numbered(n), func(r codeResult) error {
		switch {
		case r.err != nil:
			got = append(got, r.err.Error())
		case len(r.record.Events) == 0:
			got = append(got, r.article.Origin+" no event")
		default:
			got = append(got, r.article.Origin)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := range n {
		if i%7 == 3 {
			want = append(want, fmt.Sprintf("in:%d: bad line", i))
		} else {
			want = append(want, fmt.Sprintf("in:%d", i))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPipelineStops checks that run returns emit's error and ctx's, and
// does not hang on an input that never ends.
func TestPipelineStops(t *testing.T) {
	p := testPipeline(t)
	stop := errors.New("stop")
	seen := 0
	err := p.run(context.Background(), 2, numbered(1<<30), func(r codeResult) error {
		seen++
		if seen == 5 {
			return stop
		}
		return nil
	})
	if err != stop || seen != 5 {
		t.Errorf("run: %v after %d results, want stop after 5", err, seen)
	}
	ctx, cancel := context.WithCancel(context.Background())
	seen = 0
	err = p.run(ctx, 2, numbered(1<<30), func(r codeResult) error {
		if seen++; seen == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || seen < 3 {
		t.Errorf("run: %v after %d results, want context.Canceled", err, seen)
	}
}

func testPipeline(t *testing.T) *pipeline {
	t.Helper()
	m, err := nlp.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	c, err := event.NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	return newPipeline(m, c, nil)
}

// numbered yields n articles, each coding one event, with a bad line in
// place of every seventh from the fourth.
func numbered(n int) iter.Seq[codeInput] {
	return func(yield func(codeInput) bool) {
		for i := range n {
			in := codeInput{}
			if i%7 == 3 {
				in.err = fmt.Errorf("in:%d: bad line", i)
			} else {
				in.article = &article.Article{ID: fmt.Sprint(i), Origin: fmt.Sprintf("in:%d", i),
					Text: fmt.Sprintf("Syrian troops shelled rebel positions in Daraa %d times.", i+1),
					Date: time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)}
			}
			if !yield(in) {
				return
			}
		}
	}
}

func TestOverlayFS(t *testing.T) {
	write := func(files map[string]string) string {
		dir := t.TempDir()
		for name, text := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	base := os.DirFS(write(map[string]string{"a.txt": "base a", "b.txt": "base b"}))
	top := write(map[string]string{"b.txt": "top b", "c.txt": "top c"})
	o, err := newOverlay(base, "base", top)
	if err != nil {
		t.Fatal(err)
	}
	if names, err := fs.Glob(o, "*.txt"); err != nil || strings.Join(names, " ") != "a.txt b.txt c.txt" {
		t.Errorf("glob: %q, %v", names, err)
	}
	for name, want := range map[string]string{"a.txt": "base a", "b.txt": "top b", "c.txt": "top c"} {
		if data, err := fs.ReadFile(o, name); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v; want %q", name, data, err, want)
		}
	}
	if _, err := fs.ReadFile(o, "d.txt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("d.txt: %v", err)
	}
	if p := o.path("b.txt"); p != filepath.Join(top, "b.txt") {
		t.Errorf("path(b.txt) = %s", p)
	}
	if p := o.path("a.txt"); p != "base/a.txt" {
		t.Errorf("path(a.txt) = %s", p)
	}
	none, err := newOverlay(base, "base", filepath.Join(top, "missing"))
	if err != nil || none.top != nil {
		t.Fatalf("a missing folder: %v", err)
	}
	if names, err := fs.Glob(none, "*.txt"); err != nil || strings.Join(names, " ") != "a.txt b.txt" {
		t.Errorf("glob without a top: %q, %v", names, err)
	}
	if _, err := newOverlay(base, "base", filepath.Join(top, "b.txt")); err == nil {
		t.Error("a file as the folder: no error")
	}
}

// TestREADMERecordExample checks that the record in README.md's section on
// the JSON of sitrep code decodes into record.Article, field for field,
// and that its spans hold their text.
func TestREADMERecordExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testshared.Root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## JSON output of sitrep code\n")
	_, example, ok2 := strings.Cut(section, "\n```json\n")
	example, _, ok3 := strings.Cut(example, "\n```\n")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README.md has no ```json example under \"JSON output of sitrep code\"")
	}
	dec := json.NewDecoder(strings.NewReader(example))
	dec.DisallowUnknownFields()
	var r record.Article
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("README.md record example: %v", err)
	}
	a := &article.Article{Title: r.Meta.Title, Text: "Fighting in Daraa\n\nSyrian government forces shelled rebel positions in Daraa on Tuesday, killing at least 12 civilians, the Observatory said.\n"}
	if article.ContentID(a.Title, a.Text) != r.Meta.ID || len(r.Events) == 0 {
		t.Errorf("README.md record example: not the record of its example article")
	}
	checkRecord(t, &r, a)
}
