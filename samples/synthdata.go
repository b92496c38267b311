package samples

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"

	"sitrep/internal/linefile"
)

//go:embed synth/*.txt
var synthFS embed.FS

// The files a [Generator] is loaded from.
const (
	ConflictsFile = "conflicts.txt"
	WordsFile     = "words.txt"
	SentencesFile = "sentences.txt"
)

// A slot is a {name} in a sentence template.
type slot uint8

const (
	slotNone slot = iota

	// Filled from the article's conflict.
	slotCountry
	slotDateline
	slotGov
	slotArmed
	slotAlly
	slotPlace
	slotRegion
	slotPerson
	slotMonitor
	slotNeighbor

	// Filled from words.txt.
	slotAgency
	slotNGO
	slotResident
	slotWeapon
	slotOutlet
	slotEdit

	// Filled by the generator.
	slotPlace2
	slotDay
	slotWeekday
	slotN
	slotN2
	slotBig
	numSlots

	numConflictSlots = slotAgency // conflict slots are below it
	numWordSlots     = slotPlace2 // word-list slots are below it
)

var slotNames = [numSlots]string{
	slotCountry: "country", slotDateline: "dateline", slotGov: "gov", slotArmed: "armed",
	slotAlly: "ally", slotPlace: "place", slotRegion: "region", slotPerson: "person",
	slotMonitor: "monitor", slotNeighbor: "neighbor",
	slotAgency: "agency", slotNGO: "ngo", slotResident: "resident", slotWeapon: "weapon",
	slotOutlet: "outlet", slotEdit: "edit",
	slotPlace2: "place2", slotDay: "day", slotWeekday: "weekday", slotN: "n", slotN2: "n2", slotBig: "big",
}

func slotNamed(name string) slot {
	for s, n := range slotNames {
		if n == name && n != "" {
			return slot(s)
		}
	}
	return slotNone
}

// A kind is the part of an article a sentence template makes.
type kind uint8

const (
	kindTitle kind = iota
	kindLead
	kindDetail
	kindQuote
	kindHumanitarian
	kindDiplomacy
	kindBackground
	numKinds
)

var kindNames = [numKinds]string{"title", "lead", "detail", "quote", "humanitarian", "diplomacy", "background"}

// maxTemplates bounds a section so that a uint64 can mark the templates an
// article has used.
const maxTemplates = 64

// A part of a template is literal text or a slot.
type part struct {
	lit  string
	slot slot
}

type template []part

type conflict struct {
	name  string
	first time.Time
	days  int
	lists [numConflictSlots][]string
	line  int
}

type outlet struct{ name, domain string }

// A Generator writes synthetic articles from templates and word lists; see
// [Generator.Generate]. It is safe for concurrent use.
type Generator struct {
	conflicts []conflict
	words     [numWordSlots][]string
	outlets   []outlet
	edits     [][2]string
	templates [numKinds][]template
}

// DefaultGenerator returns the generator of the embedded data files in
// samples/synth, loaded once.
func DefaultGenerator() (*Generator, error) { return defaultGenerator() }

var defaultGenerator = sync.OnceValues(func() (*Generator, error) {
	sub, err := fs.Sub(synthFS, "synth")
	if err != nil {
		return nil, err
	}
	return LoadGenerator(sub)
})

// LoadGenerator reads [ConflictsFile], [WordsFile] and [SentencesFile] from
// fsys (os.DirFS(dir) to override the embedded ones) and reports every bad
// line as "file:line: problem".
func LoadGenerator(fsys fs.FS) (*Generator, error) {
	g := &Generator{}
	var errs linefile.List
	scan := func(name string, line func(sc *linefile.Scanner)) {
		f, err := fsys.Open(name)
		if err != nil {
			errs.Add(name, 0, "%v", err)
			return
		}
		defer f.Close()
		sc := linefile.NewScanner(f, name)
		for sc.Scan() {
			line(sc)
		}
		if err := sc.Err(); err != nil {
			errs = append(errs, err.(*linefile.Error))
		}
	}

	var cur *conflict
	scan(ConflictsFile, func(sc *linefile.Scanner) {
		t := sc.Text()
		if strings.HasPrefix(t, "[") {
			c, err := parseConflictHeader(t)
			if err != nil {
				errs.Add(sc.File, sc.Line(), "%v", err)
				cur = nil
				return
			}
			c.line = sc.Line()
			g.conflicts = append(g.conflicts, c)
			cur = &g.conflicts[len(g.conflicts)-1]
			return
		}
		name, alts, err := parseList(t)
		switch s := slotNamed(name); {
		case err != nil:
			errs.Add(sc.File, sc.Line(), "%v", err)
		case cur == nil:
			errs.Add(sc.File, sc.Line(), "list %q before any [conflict FIRST LAST] section", name)
		case s == slotNone || s >= numConflictSlots:
			errs.Add(sc.File, sc.Line(), "unknown conflict slot %q", name)
		case cur.lists[s] != nil:
			errs.Add(sc.File, sc.Line(), "slot %q given twice in [%s]", name, cur.name)
		default:
			cur.lists[s] = alts
		}
	})
	for i := range g.conflicts {
		c := &g.conflicts[i]
		for s := slotCountry; s < numConflictSlots; s++ {
			if c.lists[s] == nil {
				errs.Add(ConflictsFile, c.line, "[%s] has no %q list", c.name, slotNames[s])
			}
		}
		if len(c.lists[slotPlace]) < 2 {
			errs.Add(ConflictsFile, c.line, "[%s] needs two places at least", c.name)
		}
	}
	if len(g.conflicts) == 0 {
		errs.Add(ConflictsFile, 0, "no conflict")
	}

	scan(WordsFile, func(sc *linefile.Scanner) {
		name, alts, err := parseList(sc.Text())
		s := slotNamed(name)
		switch {
		case err != nil:
			errs.Add(sc.File, sc.Line(), "%v", err)
			return
		case s < numConflictSlots || s >= numWordSlots:
			errs.Add(sc.File, sc.Line(), "unknown word slot %q", name)
			return
		case g.words[s] != nil:
			errs.Add(sc.File, sc.Line(), "slot %q given twice", name)
			return
		}
		g.words[s] = alts
		for _, a := range alts {
			switch s {
			case slotOutlet:
				name, domain, ok := strings.Cut(a, " @ ")
				if !ok || strings.TrimSpace(name) == "" || strings.ContainsAny(strings.TrimSpace(domain), " /") {
					errs.Add(sc.File, sc.Line(), "outlet %q: want \"Name @ domain\"", a)
					continue
				}
				g.outlets = append(g.outlets, outlet{strings.TrimSpace(name), strings.TrimSpace(domain)})
			case slotEdit:
				from, to, ok := strings.Cut(a, " => ")
				if !ok || strings.TrimSpace(from) == "" {
					errs.Add(sc.File, sc.Line(), "edit %q: want \"from => to\"", a)
					continue
				}
				g.edits = append(g.edits, [2]string{strings.TrimSpace(from), strings.TrimSpace(to)})
			}
		}
	})
	for s := numConflictSlots; s < numWordSlots; s++ {
		if g.words[s] == nil {
			errs.Add(WordsFile, 0, "no %q list", slotNames[s])
		}
	}
	if len(g.outlets) < 2 {
		errs.Add(WordsFile, 0, "two outlets at least are needed, so that a reprint can change outlet")
	}

	k := kind(numKinds)
	scan(SentencesFile, func(sc *linefile.Scanner) {
		t := sc.Text()
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			k = numKinds
			for i, n := range kindNames {
				if "["+n+"]" == t {
					k = kind(i)
				}
			}
			if k == numKinds {
				errs.Add(sc.File, sc.Line(), "unknown section %s (want one of %s)", t, strings.Join(kindNames[:], ", "))
			}
			return
		}
		if k == numKinds {
			errs.Add(sc.File, sc.Line(), "template outside a known section")
			return
		}
		tpl, err := parseTemplate(t)
		switch {
		case err != nil:
			errs.Add(sc.File, sc.Line(), "%v", err)
		case len(g.templates[k]) == maxTemplates:
			errs.Add(sc.File, sc.Line(), "more than %d templates in [%s]", maxTemplates, kindNames[k])
		default:
			g.templates[k] = append(g.templates[k], tpl)
		}
	})
	for k, ts := range g.templates {
		if len(ts) == 0 {
			errs.Add(SentencesFile, 0, "no template in [%s]", kindNames[k])
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return g, nil
}

// parseConflictHeader reads "[name FIRST LAST]".
func parseConflictHeader(t string) (conflict, error) {
	if !strings.HasSuffix(t, "]") {
		return conflict{}, fmt.Errorf("section %q: want [name FIRST LAST]", t)
	}
	f := strings.Fields(t[1 : len(t)-1])
	if len(f) != 3 {
		return conflict{}, fmt.Errorf("section %q: want [name FIRST LAST]", t)
	}
	first, err1 := time.Parse(time.DateOnly, f[1])
	last, err2 := time.Parse(time.DateOnly, f[2])
	if err1 != nil || err2 != nil {
		return conflict{}, fmt.Errorf("section %q: dates must be YYYY-MM-DD", t)
	}
	if last.Before(first) {
		return conflict{}, fmt.Errorf("section %q: %s is before %s", t, f[2], f[1])
	}
	return conflict{name: f[0], first: first, days: int(last.Sub(first).Hours()/24) + 1}, nil
}

// parseList reads "name = alt | alt | ...".
func parseList(t string) (string, []string, error) {
	name, rest, ok := strings.Cut(t, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return "", nil, fmt.Errorf("want \"slot = alternative | alternative\", got %q", t)
	}
	var alts []string
	for a := range strings.SplitSeq(rest, "|") {
		a = strings.TrimSpace(a)
		if a == "" {
			return "", nil, fmt.Errorf("slot %q has an empty alternative", name)
		}
		alts = append(alts, a)
	}
	return name, alts, nil
}

// parseTemplate splits a template into literal text and {slot}s.
func parseTemplate(t string) (template, error) {
	var tpl template
	for t != "" {
		i := strings.IndexAny(t, "{}")
		if i < 0 {
			tpl = append(tpl, part{lit: t})
			break
		}
		if t[i] == '}' {
			return nil, fmt.Errorf("unmatched '}'")
		}
		if i > 0 {
			tpl = append(tpl, part{lit: t[:i]})
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("unclosed '{'")
		}
		name := t[i+1 : i+j]
		s := slotNamed(name)
		if s == slotNone || s == slotOutlet || s == slotEdit || s == slotDateline {
			return nil, fmt.Errorf("unknown slot {%s}", name)
		}
		tpl = append(tpl, part{slot: s})
		t = t[i+j+1:]
	}
	return tpl, nil
}
