package petrarch

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing/fstest"
	"unicode"

	"sitrep/actor"
	"sitrep/event"
	"sitrep/internal/linefile"
	"sitrep/nlp"
)

// Environment loads the dictionaries a suite's <Environment> names: its
// verbs, read leniently as PETRARCH reads them, and its actors and agents,
// converted to sitrep's actor dictionary. The suites' actors live in
// fictional worlds (Arnor is ARN), so every code segment the suite uses that
// sitrep's code tables lack is declared for the occasion: a leading one as
// a state, others as organizations. Lines PETRARCH would skip are skipped;
// warnings lists them.
func Environment(s *Suite) (*Env, error) {
	var warnings []string
	env, err := environment(s, &warnings)
	if env != nil {
		env.Warnings = warnings
	}
	return env, err
}

// An Env is a suite's dictionaries.
type Env struct {
	// Aliases maps the stand-in codes given to actor codes sitrep's
	// dictionary cannot hold (PETRARCH takes any string: "FRO/BIL/SAM",
	// "+++", "ITHTV") back to the suite's codes.
	Aliases  map[string]string
	Verbs    *event.VerbDictionary
	Actors   *actor.Dictionary
	PICO     *event.PICO
	Discards *event.Discards
	// Warnings lists the dictionary lines skipped, as PETRARCH skips them.
	Warnings []string
}

// Coder returns a coder set up to code as PETRARCH does: dyads of actors
// with a country or organization only, negation through the PICO table,
// agentless passives sourced from the first actor after the verb.
func (e *Env) Coder() *event.Coder {
	return &event.Coder{Verbs: e.Verbs, Actors: e.Actors, PICO: e.PICO, Discards: e.Discards,
		RequireDyad: true, PetrarchNegation: true, AgentlessPassiveSource: true, CompleteActors: true, LocativeTargets: true}
}

func environment(s *Suite, warn *[]string) (env *Env, err error) {
	env = &Env{}
	var warnings []string
	defer func() { *warn = warnings }()
	vf, ok := s.Files["Verbfile"]
	if !ok {
		return nil, fmt.Errorf("%s: no <Verbfile> in the environment", s.Path)
	}
	f, err := os.Open(vf)
	if err != nil {
		return nil, err
	}
	env.Verbs, err = event.ReadVerbs(f, vf, event.VerbOptions{Lenient: true})
	f.Close()
	if err != nil {
		return nil, err
	}
	for _, w := range env.Verbs.Warnings {
		warnings = append(warnings, w.Error())
	}
	mfs := fstest.MapFS{}
	def := actor.DefaultFS()
	roles, err := fs.ReadFile(def, "roles.txt")
	if err != nil {
		return nil, err
	}
	codes, err := fs.ReadFile(def, "codes.txt")
	if err != nil {
		return nil, err
	}
	known := map[string]actor.Kind{}
	for _, table := range [][]byte{roles, codes} {
		infos, err := actor.ReadCodes(bytes.NewReader(table), "table")
		if err != nil {
			return nil, err
		}
		for _, ci := range infos {
			known[ci.Code] |= ci.Kind
		}
	}
	mfs["roles.txt"] = &fstest.MapFile{Data: roles}
	var entries []*actor.Entry
	seenName := map[string]bool{}
	for _, key := range []string{"Actorfile", "Agentfile"} {
		path, ok := s.Files[key]
		if !ok {
			continue
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		es, perr := actor.ParsePetrarch(bytes.NewReader(env.alias(raw)), path)
		var list linefile.List
		if errors.As(perr, &list) {
			for _, e := range list {
				warnings = append(warnings, e.Error())
			}
		} else if perr != nil {
			return nil, perr
		}
		var buf bytes.Buffer
		for _, e := range es {
			// PETRARCH keeps the first of two entries with one name; the
			// actor loader refuses the second, so drop its name.
			var names []string
			for _, n := range e.Names {
				k := nameKey(n)
				if !seenName[k] {
					seenName[k] = true
					names = append(names, n)
				}
			}
			if len(names) == 0 {
				continue
			}
			e.Names = names
			buf.WriteString(e.String())
			buf.WriteByte('\n')
		}
		mfs["suite-"+strings.ToLower(key)+".txt"] = &fstest.MapFile{Data: buf.Bytes()}
		entries = append(entries, es...)
	}
	// Declare the suite's own code segments.
	extra := map[string]string{}
	for _, e := range entries {
		for _, c := range e.Codings {
			code := strings.Trim(c.Code, "~")
			if code == actor.NullCode {
				continue
			}
			for i := 0; i+3 <= len(code); i += 3 {
				seg := code[i : i+3]
				leading := i == 0 && !strings.HasPrefix(c.Code, "~")
				switch {
				case extra[seg] == "state":
				case leading && known[seg]&(actor.KindCountry|actor.KindState|actor.KindRegion|actor.KindType|actor.KindRole|actor.KindReligion|actor.KindEthnic) == 0:
					extra[seg] = "state"
				case known[seg] == 0 && extra[seg] == "":
					extra[seg] = "org"
				}
			}
		}
	}
	var table bytes.Buffer
	table.Write(codes)
	table.WriteString("\n# Declared for the validation suite.\n")
	segs := make([]string, 0, len(extra))
	for seg := range extra {
		segs = append(segs, seg)
	}
	slices.Sort(segs)
	for _, seg := range segs {
		fmt.Fprintf(&table, "%s  %s  a code of the validation suite\n", seg, extra[seg])
	}
	mfs["codes.txt"] = &fstest.MapFile{Data: table.Bytes()}
	env.Actors, err = actor.Load(mfs)
	if err != nil {
		return nil, fmt.Errorf("%s: actors: %w", s.Path, err)
	}
	if path, ok := s.Files["Discardfile"]; ok {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		env.Discards, err = event.ReadDiscards(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	if path, ok := s.Files["PICOfile"]; ok {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		env.PICO, err = event.ReadPICO(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return env, nil
}

var reBracket = regexp.MustCompile(`\[([^\]\s]+)(\s[^\]]*)?\]`)

// alias replaces the codes of a PETRARCH actor file that are not groups of
// three letters or digits with stand-ins ("QAA", "QAB", ...) and records
// them in e.Aliases.
func (e *Env) alias(raw []byte) []byte {
	if e.Aliases == nil {
		e.Aliases = map[string]string{}
	}
	back := map[string]string{}
	for k, v := range e.Aliases {
		back[v] = k
	}
	return reBracket.ReplaceAllFunc(raw, func(m []byte) []byte {
		sub := reBracket.FindSubmatch(m)
		code := string(sub[1])
		if code == "---" || strings.Contains(code, "~") || validCode(code) {
			return m
		}
		a, ok := back[code]
		if !ok {
			n := len(e.Aliases)
			a = fmt.Sprintf("Q%c%c", 'A'+n/26%26, 'A'+n%26)
			e.Aliases[a] = code
			back[code] = a
		}
		return []byte("[" + a + string(sub[2]) + "]")
	})
}

func validCode(c string) bool {
	if len(c) == 0 || len(c)%3 != 0 {
		return false
	}
	for _, r := range c {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// Unalias returns the suite's code for a code that may start with a
// stand-in.
func (e *Env) Unalias(code string) string {
	if len(code) >= 3 {
		if orig, ok := e.Aliases[code[:3]]; ok {
			return orig + code[3:]
		}
	}
	return code
}

// nameKey is a name reduced to its letters and digits, without a leading
// "the": the actor loader counts names that agree on it as one.
func nameKey(n string) string {
	f := strings.TrimPrefix(nlp.Fold(n), "the ")
	var b strings.Builder
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
