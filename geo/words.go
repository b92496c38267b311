package geo

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

// The word lists place resolution reads, loaded with the gazetteer.
const (
	PhrasesFile  = "phrases.txt"
	DemonymsFile = "demonyms.txt"
)

// maxPhraseWords bounds the tokens of one phrase word ("south-west of").
const maxPhraseWords = 4

// words holds phrases.txt and demonyms.txt, compiled: every map is keyed by
// the folded word, its tokens joined by single spaces.
type words struct {
	directions map[string]direction
	types      map[string]placeType
	cues       map[string]cueRole
	suffixes   map[string]cueRole
	border     map[string]bool // true: may stand alone ("near the border")
	borderArea map[string]bool
	partOf     map[string]bool
	borderWith map[string]bool
	join       map[string]bool
	theCountry map[string]bool
	bloc       map[string]bool
	nonPlace   map[string]bool
	actorVerbs map[string]bool
	articles   []string          // "al", "el": Arabic articles
	demonyms   map[string]string // ISO3
	maxWords   int               // the most tokens of any cue, type or part word
}

// A direction is a compass word: a bearing, or the centre.
type direction struct {
	bearing float64 // degrees clockwise from north
	centre  bool
	adj     string // "southwestern", "central"
}

// A placeType is what a type word says a name is.
type placeType uint8

const (
	typeRegion   placeType = iota + 1 // a first-level region or a curated area
	typeCity                          // a populated place
	typeDistrict                      // a unit below the region: the town named so, else the region
)

var placeTypes = map[string]placeType{"region": typeRegion, "city": typeCity, "district": typeDistrict}

// A cueRole says what a preposition or suffix makes of the place after or
// before it.
type cueRole uint8

const (
	cueLocation cueRole = iota + 1 // where something happens: "in", "near"
	cueMotion                      // where it goes, comes from, or is: "to", "from", "at"
	cueActor                       // who acts or is acted on: "by", "with"
)

var cueRoles = map[string]cueRole{"location": cueLocation, "motion": cueMotion, "actor": cueActor}

func newWords() *words {
	return &words{
		directions: map[string]direction{},
		types:      map[string]placeType{},
		cues:       map[string]cueRole{},
		suffixes:   map[string]cueRole{},
		border:     map[string]bool{},
		borderArea: map[string]bool{},
		partOf:     map[string]bool{},
		borderWith: map[string]bool{},
		join:       map[string]bool{},
		theCountry: map[string]bool{},
		bloc:       map[string]bool{},
		nonPlace:   map[string]bool{},
		actorVerbs: map[string]bool{},
		demonyms:   map[string]string{},
	}
}

// readPhrases reads phrases.txt (see its header for the format).
func (l *loader) readPhrases(r io.Reader, file string) {
	w := l.g.words
	sc := linefile.NewScanner(r, file)
	for sc.Scan() {
		line := sc.Line()
		kw, rest := cutField(sc.Text())
		add := func(list string, put func(key string) bool) {
			l.phraseWords(file, line, kw, list, func(key string) bool {
				w.maxWords = max(w.maxWords, strings.Count(key, " ")+1)
				return put(key)
			})
		}
		set := func(m map[string]bool) func(string) bool {
			return func(key string) bool {
				if m[key] {
					return false
				}
				m[key] = true
				return true
			}
		}
		switch kw {
		case "direction":
			arg, rest := cutField(rest)
			adj, list := cutField(rest)
			var d direction
			if arg == "centre" {
				d.centre = true
			} else if b, err := strconv.Atoi(arg); err == nil && b >= 0 && b < 360 {
				d.bearing = float64(b)
			} else {
				l.errs.Add(file, line, "direction: bad bearing %q (want 0 to 359 or centre)", arg)
				continue
			}
			if list == "" {
				l.errs.Add(file, line, "direction: want BEARING ADJECTIVE WORDS")
				continue
			}
			d.adj = adj
			add(list, func(key string) bool {
				if _, dup := w.directions[key]; dup {
					return false
				}
				w.directions[key] = d
				return true
			})
		case "type":
			arg, list := cutField(rest)
			t, ok := placeTypes[arg]
			if !ok || list == "" {
				l.errs.Add(file, line, "type: want KIND WORDS with KIND region, city or district, not %q", arg)
				continue
			}
			add(list, func(key string) bool {
				if _, dup := w.types[key]; dup {
					return false
				}
				w.types[key] = t
				return true
			})
		case "cue", "suffix":
			arg, list := cutField(rest)
			role, ok := cueRoles[arg]
			if !ok || list == "" {
				l.errs.Add(file, line, "%s: want ROLE WORDS with ROLE location, motion or actor, not %q", kw, arg)
				continue
			}
			m := w.cues
			if kw == "suffix" {
				m = w.suffixes
			}
			add(list, func(key string) bool {
				if _, dup := m[key]; dup {
					return false
				}
				m[key] = role
				return true
			})
		case "border":
			arg, list := cutField(rest)
			if arg != "bare" && arg != "named" || list == "" {
				l.errs.Add(file, line, "border: want KIND WORDS with KIND bare or named, not %q", arg)
				continue
			}
			add(list, func(key string) bool {
				if _, dup := w.border[key]; dup {
					return false
				}
				w.border[key] = arg == "bare"
				return true
			})
		case "article":
			add(rest, func(key string) bool {
				if slices.Contains(w.articles, key) {
					return false
				}
				w.articles = append(w.articles, key)
				return true
			})
		case "borderarea":
			add(rest, set(w.borderArea))
		case "partof":
			add(rest, set(w.partOf))
		case "borderwith":
			add(rest, set(w.borderWith))
		case "join":
			add(rest, set(w.join))
		case "thecountry":
			add(rest, set(w.theCountry))
		case "bloc":
			add(rest, set(w.bloc))
		case "nonplace":
			add(rest, set(w.nonPlace))
		case "actorverb":
			add(rest, set(w.actorVerbs))
		default:
			l.errs.Add(file, line, "unknown keyword %q: want direction, type, cue, suffix, article, border, borderwith, join, borderarea, partof, thecountry, bloc, actorverb or nonplace", kw)
		}
	}
	l.scanErr(sc)
}

// phraseWords folds each ';'-separated word of list and hands it to put,
// reporting empty words, words of too many tokens and words put refuses
// (duplicates).
func (l *loader) phraseWords(file string, line int, kw, list string, put func(key string) bool) {
	if strings.TrimSpace(list) == "" {
		l.errs.Add(file, line, "%s: no words", kw)
		return
	}
	for _, word := range strings.Split(list, ";") {
		key := foldString(word)
		switch {
		case key == "":
			l.errs.Add(file, line, "%s: empty word in a ';' list", kw)
		case strings.Count(key, " ") >= maxPhraseWords:
			l.errs.Add(file, line, "%s: %q has more than %d words", kw, word, maxPhraseWords)
		case !put(key):
			l.errs.Add(file, line, "%s: duplicate word %q", kw, key)
		}
	}
}

// readDemonyms reads demonyms.txt: lines of ISO3 WORDS.
func (l *loader) readDemonyms(r io.Reader, file string) {
	w := l.g.words
	sc := linefile.NewScanner(r, file)
	for sc.Scan() {
		line := sc.Line()
		code, list := cutField(sc.Text())
		c := l.g.countryBy[code]
		if c == nil || len(code) != 3 {
			l.errs.Add(file, line, "unknown country %q: want ISO3 WORDS", code)
			continue
		}
		l.phraseWords(file, line, "demonym", list, func(key string) bool {
			if _, dup := w.demonyms[key]; dup {
				return false
			}
			w.demonyms[key] = c.ISO3
			return true
		})
	}
	l.scanErr(sc)
}

// Demonym returns the ISO 3166-1 alpha-3 code of the country a demonym
// names ("Syrian", "Syrians" → "SYR"), compared after nlp.Fold.
func (g *Gazetteer) Demonym(word string) (string, bool) {
	c, ok := g.words.demonyms[nlp.Fold(word)]
	return c, ok
}
