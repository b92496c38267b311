package event

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sitrep/internal/testshared"
)

// sharedDir returns ../shared, skipping the test when it is absent.
func sharedDir(t *testing.T) string {
	t.Helper()
	return filepath.Dir(testshared.Path(t, "data"))
}

// buildGen compiles gen.go into a temporary directory.
func buildGen(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go") // go test puts GOROOT/bin first in PATH
	if err != nil {
		t.Skipf("no go command to build gen.go: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "gen")
	if out, err := exec.Command(goTool, "build", "-o", bin, "gen.go").CombinedOutput(); err != nil {
		t.Fatalf("go build gen.go: %v\n%s", err, out)
	}
	return bin
}

// TestGeneratedOntology regenerates data/cameo.txt from ../shared and
// checks that it equals the committed file, so that the data cannot drift
// from its script.
func TestGeneratedOntology(t *testing.T) {
	shared := sharedDir(t)
	gen := buildGen(t)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(gen, "-shared", shared, "-o", "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("gen: %v\n%s", err, stderr.Bytes())
	}
	cameoTxt := embedded("cameo.txt")
	if got := stdout.Bytes(); !bytes.Equal(got, cameoTxt) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(cameoTxt), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			g, w := at(gl, i), at(wl, i)
			if g != w {
				t.Fatalf("data/cameo.txt is stale: run go generate ./event and review the diff.\n"+
					"First difference, line %d:\ngenerated: %s\ncommitted: %s", i+1, g, w)
			}
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

// TestGenFailsLoudly runs gen.go on copies of the sources with one change
// each, and checks that it stops with the file and line of the change
// instead of writing a guess.
func TestGenFailsLoudly(t *testing.T) {
	shared := sharedDir(t)
	gen := buildGen(t)
	tests := []struct {
		name, file, old, new, want string
	}{
		{"unknown PLOVER type", ploverTable, "193: ASSAULT,", "193: FIGHT,",
			`CAMEO2PLOVER-2021.txt:289: unknown PLOVER type "FIGHT"`},
		{"row with two fields", ploverTable, "193: ASSAULT, firearms, military", "193: ASSAULT, firearms",
			`CAMEO2PLOVER-2021.txt:289: want TYPE, mode, context before the '#', got 2 fields`},
		{"conflicting duplicate", ploverTable, "201: ASSAULT, cleansing", "175: COERCE, ,  #\n201: ASSAULT, cleansing",
			`CAMEO2PLOVER-2021.txt:285: code 175 mapped differently at line 283`},
		{"unmapped code", eventCodes, "196\tViolate ceasefire \n", "196\tViolate ceasefire \n1961\tViolate a truce\n",
			`no PLOVER mapping for CAMEO code 1961, and no decision covers it`},
		{"statement mapped", ploverTable, "03: AGREE\n", "03: AGREE\n019: AGREE, , diplomatic # Express accord\n",
			`the table now maps CAMEO 01 (019); revisit the decision`},
		{"code unknown to CAMEO", ploverTable, "196: ASSAULT,", "197: ASSAULT, , # Invented\n196: ASSAULT,",
			`code 197 is neither in data/cameo/CAMEO.eventcodes.txt nor in ploverOnly`},
		{"description fix stale", eventCodes, "105\tDemand mediation", "105\tDemand something else",
			`description fix for 105: GDELT's description is now "Demand something else", not "Demand mediation"`},
		{"bad weight", goldsteinScale, "193\t-10.0", "193\t-10.0.0",
			`CAMEO.goldsteinscale.txt:301: want a CAMEO code, a tab and a weight like -7.5, got "193\t-10.0.0"`},
		{"code outside its quad", eventCodes, "4\tMaterial Conflict\n", "",
			`CAMEO.eventcodes.txt:253: code 15 is under the header of quad 3, but GDELT's quad class of root 15 is 4`},
		{"CRLF", eventCodes, "190\t", "190\r\t",
			`CAMEO.eventcodes.txt:302: unexpected byte 0x0d`},
		{"cut short", ploverTable, "~~~~~", "",
			`no closing ~~~~~: is the table cut short?`},
		{"new type in the reference", referenceHTML, `<h2 id="CRIME">`, `<h2 id="TERROR">`,
			`plover_reference.html:256: unknown PLOVER type TERROR`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyShared(t, shared)
			path := filepath.Join(dir, filepath.FromSlash(tt.file))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, []byte(tt.old)) {
				t.Fatalf("%s no longer contains %q: update the test", tt.file, tt.old)
			}
			data = bytes.Replace(data, []byte(tt.old), []byte(tt.new), 1)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(gen, "-shared", dir, "-o", "-").CombinedOutput()
			if err == nil {
				t.Fatalf("gen succeeded; want an error containing %q", tt.want)
			}
			if !strings.Contains(string(out), tt.want) {
				t.Errorf("gen said\n%s\nwant it to contain\n%s", out, tt.want)
			}
		})
	}
}

const (
	eventCodes     = "data/cameo/CAMEO.eventcodes.txt"
	goldsteinScale = "data/cameo/CAMEO.goldsteinscale.txt"
	ploverTable    = "data/plover/CAMEO2PLOVER-2021.txt"
	referenceHTML  = "data/plover/plover_reference.html"
)

// copyShared copies the sources gen.go reads into a temporary directory.
func copyShared(t *testing.T, shared string) string {
	t.Helper()
	dir := t.TempDir()
	for _, rel := range []string{eventCodes, goldsteinScale, ploverTable, referenceHTML} {
		data, err := os.ReadFile(filepath.Join(shared, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSharedCAMEO checks the default ontology against GDELT's tables
// directly, without gen.go: every code is there, under the right quad
// header, with GDELT's description (white space collapsed) unless gen.go
// documents a fix, and with GDELT's Goldstein weight.
func TestSharedCAMEO(t *testing.T) {
	shared := sharedDir(t)
	o := mustDefault(t)
	fixed := map[string]bool{"105": true, "106": true, "107": true, "108": true, "2041": true}

	var quad Quad
	n := 0
	readTable(t, filepath.Join(shared, eventCodes), func(code, desc string) {
		if len(code) == 1 {
			q, _ := strconv.Atoi(code)
			quad = Quad(q)
			return
		}
		n++
		c, ok := o.Code(code)
		switch {
		case !ok:
			t.Errorf("code %s (%s) is missing", code, desc)
			return
		case c.Quad != quad:
			t.Errorf("%s: quad %d, but it is under GDELT's header %d", code, c.Quad, quad)
		case fixed[code] == (c.Description == strings.Join(strings.Fields(desc), " ")):
			t.Errorf("%s: description %q, GDELT's %q (fixed: %v)", code, c.Description, desc, fixed[code])
		}
	})
	if n != 311 {
		t.Errorf("read %d codes from %s, want 311", n, eventCodes)
	}
	readTable(t, filepath.Join(shared, goldsteinScale), func(code, value string) {
		w, err := strconv.ParseFloat(value, 64)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if c, _ := o.Code(code); c.Goldstein != w {
			t.Errorf("%s: Goldstein %v, GDELT's table %v", code, c.Goldstein, w)
		}
	})
}

// TestSharedPlover checks the PLOVER types of the default ontology against
// the rows of the 2021 table directly, without gen.go.
func TestSharedPlover(t *testing.T) {
	f, err := os.Open(filepath.Join(sharedDir(t), ploverTable))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o := mustDefault(t)
	rows := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		code, rest, ok := strings.Cut(sc.Text(), ":")
		typ, _, isRow := strings.Cut(rest, ",")
		if !ok || !isRow || strings.HasPrefix(code, "#") {
			continue
		}
		rows++
		if c, _ := o.Code(code); c.Plover != strings.TrimSpace(typ) {
			t.Errorf("%s: PLOVER type %q, the table's %q", code, c.Plover, strings.TrimSpace(typ))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows != 257 { // 256 codes, 175 twice
		t.Errorf("read %d rows, want 257", rows)
	}
}

// readTable calls fn with the two columns of each line of a GDELT lookup
// table after its header.
func readTable(t *testing.T, path string, fn func(code, value string)) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for i, line := range lines[1:] {
		code, value, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab", path, i+2)
		}
		fn(code, value)
	}
}

// TestGeneratedVerbs regenerates data/verbs.txt from PETRARCH2's
// CAMEO.2.0.txt in ../shared and checks that it equals the committed file.
func TestGeneratedVerbs(t *testing.T) {
	shared := sharedDir(t)
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to run genverbs.go: %v", err)
	}
	out := filepath.Join(t.TempDir(), "verbs.txt")
	if b, err := exec.Command(goTool, "run", "genverbs.go", "-shared", shared, "-out", out).CombinedOutput(); err != nil {
		t.Fatalf("go run genverbs.go: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("data", "verbs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			if g, w := at(gl, i), at(wl, i); g != w {
				t.Fatalf("data/verbs.txt is stale: run go generate ./event and review the diff.\n"+
					"First difference, line %d:\ngenerated: %s\ncommitted: %s", i+1, g, w)
			}
		}
	}
}
