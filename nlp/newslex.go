package nlp

import (
	_ "embed"
	"io"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

//go:embed data/news.txt
var newsTxt string

// A NewsLexicon is the vocabulary the synthetic news treebank draws its
// content words from: nationalities, actors, verbs of violence with their
// inflections, targets, places, times. The grammar, with its function words
// and tree shapes, is in [NewsSentences]. A NewsLexicon is immutable and safe
// for concurrent use.
type NewsLexicon struct {
	nations   []nation
	actors    []noun
	units     []unit
	orgs      [][]string // names without "the"
	theOrgs   [][]string // names with "the"
	persons   [][]string
	titles    [][]string
	roles     []string
	verbs     map[verbClass][]verb
	targets   []noun
	victims   []noun
	weapons   []noun
	sites     []noun
	areas     []string
	places    [][]string
	speakers  []noun
	incidents []noun
	agencies  []string
	adjs      []string
	dirs      []string
	days      []string
	months    []string
}

type nation struct {
	adj     string
	country []string
}

// A noun is a common noun's lemma and forms; Sing or Plural is "" when the
// noun lacks that form (a plurale tantum, a mass noun).
type noun struct{ Lemma, Sing, Plural string }

type unit struct{ Word, XPOS string }

type verbClass uint8

const (
	verbAttack verbClass = iota // objects are targets
	verbHarm                    // objects are people
	verbTake                    // objects are places
	verbFire                    // objects are weapons
	verbBack                    // used only as a participle: "backed by"
	verbAid                     // objects are people, not violent
	numVerbClasses
)

var verbClassNames = map[string]verbClass{
	"attack": verbAttack, "harm": verbHarm, "take": verbTake,
	"fire": verbFire, "back": verbBack, "aid": verbAid,
}

// A verb is a lemma and its Penn Treebank inflections.
type verb struct{ Lemma, VBD, VBN, VBZ, VBG string }

// DefaultNewsLexicon returns the lexicon embedded from nlp/data/news.txt,
// parsed on first use.
func DefaultNewsLexicon() *NewsLexicon { return defaultNewsLexicon() }

var defaultNewsLexicon = sync.OnceValue(func() *NewsLexicon {
	// TestDefaultNewsLexicon checks that the embedded file has no bad lines.
	lex, _ := parseNewsLexicon("news.txt", strings.NewReader(newsTxt))
	return lex
})

// ParseNewsLexicon reads a lexicon in the format of nlp/data/news.txt: one
// entry a line, a kind and its fields separated by white space, '#'
// comments, multiword names joined with '_'. name is used in errors, which
// report every bad line as "name:line: problem". A lexicon must have at least
// one entry of every kind the grammar draws from.
func ParseNewsLexicon(name string, r io.Reader) (*NewsLexicon, error) {
	lex, err := parseNewsLexicon(name, r)
	if err != nil {
		return nil, err
	}
	return lex, nil
}

// newsFields is the number of fields after the kind of each entry kind.
var newsFields = map[string]int{
	"nation": 2, "actor": 3, "unit": 2, "org": 1, "theorg": 1, "person": 1,
	"title": 1, "role": 1, "verb": 6, "target": 3, "victim": 3, "weapon": 3,
	"site": 3, "incident": 3, "area": 1, "place": 1, "speaker": 3, "agency": 1, "adj": 1,
	"direction": 1, "day": 1, "month": 1,
}

// newsKinds lists the kinds in the order errors about missing ones name them.
var newsKinds = []string{"nation", "actor", "unit", "org", "theorg", "person", "title", "role",
	"verb", "target", "victim", "weapon", "site", "incident", "area", "place", "speaker", "agency", "adj",
	"direction", "day", "month"}

func parseNewsLexicon(name string, r io.Reader) (*NewsLexicon, error) {
	lex := &NewsLexicon{verbs: map[verbClass][]verb{}}
	var errs linefile.List
	seen := map[string]int{}
	sc := linefile.NewScanner(r, name)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		kind, args := f[0], f[1:]
		want, ok := newsFields[kind]
		if !ok {
			errs.Add(name, sc.Line(), "nlp: unknown kind %q", kind)
			continue
		}
		if len(args) != want {
			errs.Add(name, sc.Line(), "nlp: %s wants %d fields, got %d", kind, want, len(args))
			continue
		}
		if bad := badNewsField(args); bad != "" {
			errs.Add(name, sc.Line(), "nlp: bad field %q", bad)
			continue
		}
		key := kind + " " + strings.Join(args, " ")
		if prev, dup := seen[key]; dup {
			errs.Add(name, sc.Line(), "nlp: duplicate of line %d", prev)
			continue
		}
		seen[key] = sc.Line()
		switch kind {
		case "nation":
			lex.nations = append(lex.nations, nation{args[0], words(args[1])})
		case "actor", "target", "victim", "weapon", "site", "speaker", "incident":
			n := noun{Lemma: args[0], Sing: dash(args[1]), Plural: dash(args[2])}
			if n.Sing == "" && n.Plural == "" {
				errs.Add(name, sc.Line(), "nlp: %s %q has neither a singular nor a plural", kind, n.Lemma)
				continue
			}
			switch kind {
			case "actor":
				lex.actors = append(lex.actors, n)
			case "target":
				lex.targets = append(lex.targets, n)
			case "victim":
				lex.victims = append(lex.victims, n)
			case "weapon":
				lex.weapons = append(lex.weapons, n)
			case "site":
				lex.sites = append(lex.sites, n)
			case "speaker":
				lex.speakers = append(lex.speakers, n)
			case "incident":
				lex.incidents = append(lex.incidents, n)
			}
		case "unit":
			switch args[1] {
			case "NN", "NNP", "JJ":
				lex.units = append(lex.units, unit{args[0], args[1]})
			default:
				errs.Add(name, sc.Line(), "nlp: unit %q: tag %q, want NN, NNP or JJ", args[0], args[1])
			}
		case "verb":
			c, ok := verbClassNames[args[5]]
			if !ok {
				errs.Add(name, sc.Line(), "nlp: verb %q: unknown class %q", args[0], args[5])
				continue
			}
			lex.verbs[c] = append(lex.verbs[c], verb{args[0], args[1], args[2], args[3], args[4]})
		case "org":
			lex.orgs = append(lex.orgs, words(args[0]))
		case "theorg":
			lex.theOrgs = append(lex.theOrgs, words(args[0]))
		case "person":
			p := words(args[0])
			if len(p) < 2 {
				errs.Add(name, sc.Line(), "nlp: person %q: want a given and a family name", args[0])
				continue
			}
			lex.persons = append(lex.persons, p)
		case "title":
			lex.titles = append(lex.titles, words(args[0]))
		case "role":
			lex.roles = append(lex.roles, args[0])
		case "area":
			lex.areas = append(lex.areas, args[0])
		case "place":
			lex.places = append(lex.places, words(args[0]))
		case "agency":
			lex.agencies = append(lex.agencies, args[0])
		case "adj":
			lex.adjs = append(lex.adjs, args[0])
		case "direction":
			lex.dirs = append(lex.dirs, args[0])
		case "day":
			lex.days = append(lex.days, args[0])
		case "month":
			lex.months = append(lex.months, args[0])
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	have := map[string]bool{
		"nation": len(lex.nations) > 0, "actor": len(lex.actors) > 0, "unit": len(lex.units) > 0,
		"org": len(lex.orgs) > 0, "theorg": len(lex.theOrgs) > 0, "person": len(lex.persons) > 0,
		"title": len(lex.titles) > 0, "role": len(lex.roles) > 0, "target": len(lex.targets) > 0,
		"victim": len(lex.victims) > 0, "weapon": len(lex.weapons) > 0, "site": len(lex.sites) > 0, "incident": len(lex.incidents) > 0,
		"area": len(lex.areas) > 0, "place": len(lex.places) > 0, "speaker": len(lex.speakers) > 0,
		"agency": len(lex.agencies) > 0, "adj": len(lex.adjs) > 0, "direction": len(lex.dirs) > 0,
		"day": len(lex.days) > 0, "month": len(lex.months) > 0,
		"verb": true,
	}
	for c, n := range verbClassNames {
		if len(lex.verbs[n]) == 0 {
			errs.Add(name, 0, "nlp: no verb of class %s", c)
		}
	}
	for _, k := range newsKinds {
		if !have[k] {
			errs.Add(name, 0, "nlp: no %s entry", k)
		}
	}
	return lex, errs.Err()
}

// badNewsField returns the first field that holds a character the lexicon
// does not allow, or "".
func badNewsField(args []string) string {
	for _, a := range args {
		if strings.HasPrefix(a, "_") || strings.HasSuffix(a, "_") || strings.Contains(a, "__") ||
			strings.ContainsAny(a, "\"`,;()[]{}") {
			return a
		}
	}
	return ""
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// words splits a multiword name written with '_'.
func words(s string) []string { return strings.Split(s, "_") }
