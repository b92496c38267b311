package count

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

//go:embed data/*.txt
var dataFS embed.FS

// The files a lexicon is made of; Load reads them all.
var files = []string{"numbers.txt", "qualifiers.txt", "stops.txt", "types.txt"}

// Default returns the Finder compiled from the embedded count/data files,
// loaded on first use and shared.
func Default() (*Finder, error) { return defaultFinder() }

var defaultFinder = sync.OnceValues(func() (*Finder, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("count: default lexicon: %w", err)
	}
	return Load(sub)
})

// DefaultFS returns the embedded data files, for tools that list or copy
// them and for overriding one file while keeping the others.
func DefaultFS() fs.FS {
	sub, _ := fs.Sub(dataFS, "data")
	return sub
}

// LoadDir loads the lexicon files of a directory; see Load.
func LoadDir(dir string) (*Finder, error) { return Load(os.DirFS(dir)) }

// Load reads numbers.txt, qualifiers.txt, stops.txt and types.txt from the
// root of fsys (their formats are described in the headers of the embedded
// files) and compiles them into a Finder. Every bad line of every file is
// reported, sorted by file and line, as a [linefile.List] of
// "file:line: problem" errors; the Finder is returned only when there is
// none.
func Load(fsys fs.FS) (*Finder, error) {
	f := &Finder{}
	var errs linefile.List
	for _, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &linefile.Error{File: name, Msg: err.Error()})
			continue
		}
		var read func(io.Reader, string) error
		switch name {
		case "numbers.txt":
			read = f.readNumbers
		case "qualifiers.txt":
			read = f.readQualifiers
		case "stops.txt":
			read = f.readStops
		case "types.txt":
			read = f.readTypes
		}
		if err := read(bytes.NewReader(data), name); err != nil {
			var l linefile.List
			if !errors.As(err, &l) {
				l = linefile.List{{File: name, Msg: err.Error()}}
			}
			errs = append(errs, l...)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for _, t := range []*phrases[numWord]{&f.numbers, &f.suffixes} {
		t.sort()
	}
	f.quals.sort()
	f.stops.sort()
	f.words.sort()
	return f, nil
}

// A phrases table finds entries of one or more words at a token. Entries
// are keyed by their first word; the others must follow as forms.
type phrases[T any] struct {
	m map[string][]phrase[T]
}

type phrase[T any] struct {
	rest []string
	val  T
}

func (p *phrases[T]) add(words []string, v T) {
	if p.m == nil {
		p.m = map[string][]phrase[T]{}
	}
	p.m[words[0]] = append(p.m[words[0]], phrase[T]{rest: words[1:], val: v})
}

// sort puts longer phrases first, so that the first match is the longest.
func (p *phrases[T]) sort() {
	for _, l := range p.m {
		slices.SortStableFunc(l, func(a, b phrase[T]) int { return len(b.rest) - len(a.rest) })
	}
}

// match calls yield with every entry whose first word is key and whose
// other words are low[i+1:], longest first, with the index after it; it
// stops when yield returns false.
func (p *phrases[T]) match(key string, low []string, i int, yield func(T, int) bool) {
	for _, e := range p.m[key] {
		if len(e.rest) > 0 && i+1+len(e.rest) > len(low) {
			continue
		}
		ok := true
		for j, w := range e.rest {
			if low[i+1+j] != w {
				ok = false
				break
			}
		}
		if ok && !yield(e.val, i+1+len(e.rest)) {
			return
		}
	}
}

// first returns the longest entry at i whose first word is key.
func (p *phrases[T]) first(key string, low []string, i int) (v T, end int, ok bool) {
	p.match(key, low, i, func(x T, e int) bool {
		v, end, ok = x, e, true
		return false
	})
	return v, end, ok
}

// splitWord splits a data-file word at "_" and checks it is lower case.
func splitWord(w string) ([]string, bool) {
	if w != strings.ToLower(w) || strings.HasPrefix(w, "_") || strings.HasSuffix(w, "_") || strings.Contains(w, "__") {
		return nil, false
	}
	return strings.Split(w, "_"), true
}

// numKind is the role of a number word.
type numKind uint8

const (
	numUnit numKind = iota + 1
	numTen
	numScale
	numSuffix
	numDozen
	numFraction
	numVague
	numFew
)

var numKinds = map[string]numKind{
	"unit": numUnit, "ten": numTen, "scale": numScale, "suffix": numSuffix, "dozen": numDozen,
	"fraction": numFraction, "vague": numVague, "few": numFew,
}

type numWord struct {
	kind     numKind
	value    int64
	num, den int64 // fraction
	base     int64 // vague
}

func (f *Finder) readNumbers(r io.Reader, name string) error {
	var errs linefile.List
	seen := map[string]int{}
	sc := linefile.NewScanner(r, name)
	for sc.Scan() {
		line, fields := sc.Line(), strings.Fields(sc.Text())
		if len(fields) < 3 {
			errs.Add(name, line, "want KIND WORD VALUE [BASE], got %q", sc.Text())
			continue
		}
		kind, ok := numKinds[fields[0]]
		if !ok {
			errs.Add(name, line, "unknown kind %q", fields[0])
			continue
		}
		words, ok := splitWord(fields[1])
		if !ok {
			errs.Add(name, line, "word %q is not lower case words joined by _", fields[1])
			continue
		}
		w := numWord{kind: kind}
		want := 3
		switch kind {
		case numFraction:
			n, d, ok := strings.Cut(fields[2], "/")
			w.num, _ = strconv.ParseInt(n, 10, 64)
			w.den, _ = strconv.ParseInt(d, 10, 64)
			if !ok || w.num <= 0 || w.den <= w.num {
				errs.Add(name, line, "a fraction is N/D with 0 < N < D, not %q", fields[2])
				continue
			}
		case numVague:
			want = 4
			if len(fields) != 4 {
				errs.Add(name, line, "a vague word has a VALUE and a BASE")
				continue
			}
			w.base = positive(fields[3])
			if w.base == 0 {
				errs.Add(name, line, "bad base %q", fields[3])
				continue
			}
			fallthrough
		default:
			w.value = positive(fields[2])
			if w.value == 0 {
				errs.Add(name, line, "bad value %q: want a positive integer", fields[2])
				continue
			}
		}
		if len(fields) > want {
			errs.Add(name, line, "extra fields %q", strings.Join(fields[want:], " "))
			continue
		}
		if kind == numSuffix && len(words) > 1 {
			errs.Add(name, line, "a suffix is one word")
			continue
		}
		table := &f.numbers
		key := fields[1]
		if kind == numSuffix {
			table, key = &f.suffixes, "suffix "+key
		}
		if prev, dup := seen[key]; dup {
			errs.Add(name, line, "%q is already defined at line %d", fields[1], prev)
			continue
		}
		seen[key] = line
		table.add(words, w)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	return errs.Err()
}

// positive parses a positive integer; 0 means it is not one.
func positive(s string) int64 {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v <= 0 {
		return 0
	}
	return v
}

type qualifier struct {
	norm   string
	approx bool
}

func (f *Finder) readQualifiers(r io.Reader, name string) error {
	var errs linefile.List
	seen := map[string]int{}
	sc := linefile.NewScanner(r, name)
	for sc.Scan() {
		line := sc.Line()
		left, right, ok := strings.Cut(sc.Text(), "=>")
		words := strings.Fields(left)
		norm := strings.Fields(right)
		if !ok || len(words) == 0 || len(norm) == 0 {
			errs.Add(name, line, "want PHRASE => NORMALIZED [approx], got %q", sc.Text())
			continue
		}
		q := qualifier{}
		if norm[len(norm)-1] == "approx" {
			q.approx = true
			norm = norm[:len(norm)-1]
		}
		if len(norm) == 0 {
			errs.Add(name, line, "no normalized form before approx")
			continue
		}
		if q.norm = strings.Join(norm, " "); q.norm == "-" {
			q.norm = ""
		}
		phrase := strings.Join(words, " ")
		if phrase != strings.ToLower(phrase) {
			errs.Add(name, line, "phrase %q is not lower case", phrase)
			continue
		}
		if prev, dup := seen[phrase]; dup {
			errs.Add(name, line, "%q is already defined at line %d", phrase, prev)
			continue
		}
		seen[phrase] = line
		f.quals.add(words, q)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	return errs.Err()
}

// stopKind says on which side of a number a stop word stops it.
type stopKind uint8

const (
	stopAfter stopKind = 1 << iota
	stopBefore
	stopDate
	stopThing
)

func (f *Finder) readStops(r io.Reader, name string) error {
	kinds := map[string]stopKind{"after": stopAfter, "before": stopBefore, "date": stopDate, "thing": stopThing}
	var errs linefile.List
	sc := linefile.NewScanner(r, name)
	for sc.Scan() {
		line, fields := sc.Line(), strings.Fields(sc.Text())
		kind, ok := kinds[fields[0]]
		if !ok {
			errs.Add(name, line, "unknown kind %q: want after, before, date or thing", fields[0])
			continue
		}
		if len(fields) < 2 {
			errs.Add(name, line, "no words")
			continue
		}
		for _, w := range fields[1:] {
			words, ok := splitWord(w)
			if !ok {
				errs.Add(name, line, "word %q is not lower case words joined by _", w)
				continue
			}
			f.stops.add(words, kind)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	return errs.Err()
}

// wordKind is the role of a type word (see data/types.txt).
type wordKind uint8

const (
	kindVerb wordKind = iota + 1
	kindIntransitive
	kindState
	kindGroup
	kindEvent
	kindNominal
	kindToll
	kindHost
	kindLink
	kindPlace
	kindAside
	kindInherit
	kindConnect
	kindReport
)

var wordKinds = map[string]wordKind{
	"verb": kindVerb, "intransitive": kindIntransitive, "state": kindState, "group": kindGroup,
	"event": kindEvent, "nominal": kindNominal, "toll": kindToll, "host": kindHost, "link": kindLink,
	"place": kindPlace, "aside": kindAside, "inherit": kindInherit, "connect": kindConnect,
	"report": kindReport,
}

// typed reports whether entries of the kind carry a type (or "-" for one
// given by context, as a toll's).
func (k wordKind) typed() bool { return k <= kindToll }

type typeWord struct {
	kind  wordKind
	typ   Type
	types []Type   // place: the types it is limited to; nil for all
	with  []string // event: the verb lemmas it needs
}

func (f *Finder) readTypes(r io.Reader, name string) error {
	var errs linefile.List
	seen := map[string]int{}
	sc := linefile.NewScanner(r, name)
	for sc.Scan() {
		line, fields := sc.Line(), strings.Fields(sc.Text())
		if len(fields) < 3 {
			errs.Add(name, line, "want KIND TYPE WORD..., got %q", sc.Text())
			continue
		}
		kind, ok := wordKinds[fields[0]]
		if !ok {
			errs.Add(name, line, "unknown kind %q", fields[0])
			continue
		}
		w := typeWord{kind: kind}
		switch t := fields[1]; {
		case t == "-":
			if kind.typed() && kind != kindToll {
				errs.Add(name, line, "a %s needs a type", fields[0])
				continue
			}
		case kind == kindPlace:
			bad := false
			for _, s := range strings.Split(t, ",") {
				typ, err := ParseType(s)
				if err != nil {
					errs.Add(name, line, "%v", err)
					bad = true
				}
				w.types = append(w.types, typ)
			}
			if bad {
				continue
			}
		case !kind.typed():
			errs.Add(name, line, "a %s takes no type: write -", fields[0])
			continue
		default:
			typ, err := ParseType(t)
			if err != nil {
				errs.Add(name, line, "%v", err)
				continue
			}
			w.typ = typ
		}
		words := fields[2:]
		if opt, ok := strings.CutPrefix(words[len(words)-1], "with="); ok {
			words = words[:len(words)-1]
			if kind != kindEvent || opt == "" {
				errs.Add(name, line, "with= is for event nouns and lists verb lemmas")
				continue
			}
			w.with = strings.Split(opt, ",")
		}
		if len(words) == 0 {
			errs.Add(name, line, "no words")
			continue
		}
		for _, word := range words {
			parts, ok := splitWord(word)
			if !ok {
				errs.Add(name, line, "word %q is not lower case words joined by _", word)
				continue
			}
			key := fields[0] + " " + word
			if prev, dup := seen[key]; dup {
				errs.Add(name, line, "%s %q is already defined at line %d", fields[0], word, prev)
				continue
			}
			seen[key] = line
			f.words.add(parts, w)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	return errs.Err()
}
