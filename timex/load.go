package timex

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

//go:embed data/*.txt
var dataFS embed.FS

// The data files of a Resolver; see the package comment.
const (
	MonthsFile     = "months.txt"
	WeekdaysFile   = "weekdays.txt"
	PartsFile      = "parts.txt"
	NumbersFile    = "numbers.txt"
	UnitsFile      = "units.txt"
	QualifiersFile = "qualifiers.txt"
	PhrasesFile    = "phrases.txt"
	FutureFile     = "future.txt"
	ClockFile      = "clock.txt"
)

// dataFiles lists the data files in the order they are read (parts.txt
// before phrases.txt, which names parts).
func dataFiles() []string {
	return []string{MonthsFile, WeekdaysFile, PartsFile, NumbersFile, UnitsFile, QualifiersFile, PhrasesFile, FutureFile, ClockFile}
}

// Default returns the Resolver built from the data embedded from
// timex/data, compiled on first use and shared.
func Default() (*Resolver, error) { return defaultResolver() }

var defaultResolver = sync.OnceValues(func() (*Resolver, error) { return Load(nil) })

// DefaultFS returns the embedded data files, for tools that list or copy
// them.
func DefaultFS() fs.FS {
	sub, _ := fs.Sub(dataFS, "data")
	return sub
}

// LoadDir is Load of the files in dir.
func LoadDir(dir string) (*Resolver, error) { return Load(os.DirFS(dir)) }

// Load builds a Resolver from the data files at the root of fsys (a nil
// fsys reads only the embedded ones). A file that fsys lacks is taken from
// the embedded defaults, so one list can be replaced alone. Every bad line
// of every file is reported, sorted by file and line, as a linefile.List of
// "file:line: problem"; the Resolver is returned only when there is none.
func Load(fsys fs.FS) (*Resolver, error) {
	l := &loader{r: newResolver()}
	for _, name := range dataFiles() {
		data, err := readData(fsys, name)
		if err != nil {
			l.errs.Add(name, 0, "%v", err)
			continue
		}
		l.file(name, string(data))
	}
	l.check()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	l.r.quals.sort()
	l.r.phrases.sort()
	l.r.numbers.sort()
	l.r.indexStarts()
	return l.r, nil
}

func readData(fsys fs.FS, name string) ([]byte, error) {
	if fsys != nil {
		data, err := fs.ReadFile(fsys, name)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			return data, err
		}
	}
	return fs.ReadFile(dataFS, "data/"+name)
}

// A loader fills a Resolver from data files, collecting every error.
type loader struct {
	r    *Resolver
	errs linefile.List
	// where each month and weekday number was defined, for the checks of
	// completeness
	months, weekdays [13]int
}

func (l *loader) file(name, text string) {
	sc := linefile.NewScanner(strings.NewReader(text), name)
	for sc.Scan() {
		line := sc.Line()
		fields := strings.Fields(sc.Text())
		var err error
		switch name {
		case MonthsFile:
			err = l.calendarNames(l.r.months, l.months[:13], 12, name, line, fields)
		case WeekdaysFile:
			err = l.calendarNames(l.r.weekdays, l.weekdays[:8], 7, name, line, fields)
		case PartsFile:
			err = l.part(fields)
		case NumbersFile:
			err = l.number(name, line, fields)
		case UnitsFile:
			err = l.unit(fields)
		case QualifiersFile:
			err = l.qualifier(name, line, sc.Text())
		case PhrasesFile:
			err = l.phrase(name, line, sc.Text())
		case FutureFile:
			err = l.future(fields)
		case ClockFile:
			err = l.clock(fields)
		}
		if err != nil {
			l.errs.Add(name, line, "%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		l.errs.Add(name, sc.Line(), "%v", err)
	}
}

// check reports months and weekdays that have no name.
func (l *loader) check() {
	for m := 1; m <= 12; m++ {
		if l.months[m] == 0 {
			l.errs.Add(MonthsFile, 0, "month %d has no names", m)
		}
	}
	for d := 1; d <= 7; d++ {
		if l.weekdays[d] == 0 {
			l.errs.Add(WeekdaysFile, 0, "weekday %d has no names", d)
		}
	}
}

// key folds one word of a data file; it must stay one word.
func key(w string) (string, error) {
	k := nlp.Fold(w)
	if k == "" || strings.ContainsRune(k, ' ') {
		return "", fmt.Errorf("word %q folds to %q, not one word", w, k)
	}
	return k, nil
}

// words folds the words of a phrase.
func words(ws []string) ([]string, error) {
	if len(ws) == 0 {
		return nil, errors.New("no words")
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		k, err := key(w)
		if err != nil {
			return nil, err
		}
		out[i] = k
	}
	return out, nil
}

func (l *loader) calendarNames(m map[string]calName, seen []int, max int, file string, line int, f []string) error {
	if len(f) < 2 {
		return errors.New("want a number and at least one name")
	}
	n, err := strconv.Atoi(f[0])
	if err != nil || n < 1 || n > max {
		return fmt.Errorf("number %q is not 1 to %d", f[0], max)
	}
	if seen[n] != 0 {
		return fmt.Errorf("%d is also defined at %s:%d", n, file, seen[n])
	}
	seen[n] = line
	for _, name := range f[1:] {
		amb := strings.HasPrefix(name, "*")
		k, err := key(strings.TrimPrefix(name, "*"))
		if err != nil {
			return err
		}
		if old, ok := m[k]; ok {
			return fmt.Errorf("name %q is also %d at %s:%d", name, old.n, file, old.line)
		}
		m[k] = calName{n: n, ambiguous: amb, line: line}
	}
	return nil
}

func (l *loader) part(f []string) error {
	if len(f) != 2 {
		return errors.New("want a word and the part it names")
	}
	return addWord(l.r.parts, f[0], f[1])
}

// addWord adds word w, folded, to m, refusing a second entry.
func addWord[T any](m map[string]T, w string, v T) error {
	k, err := key(w)
	if err != nil {
		return err
	}
	if _, ok := m[k]; ok {
		return fmt.Errorf("%q listed twice", w)
	}
	m[k] = v
	return nil
}

func (l *loader) number(file string, line int, f []string) error {
	approx := false
	if len(f) > 0 && f[len(f)-1] == "approx" {
		approx, f = true, f[:len(f)-1]
	}
	if len(f) < 2 {
		return errors.New("want words, a value and optionally approx")
	}
	n, err := strconv.Atoi(f[len(f)-1])
	if err != nil || n < 0 || n > maxCount {
		return fmt.Errorf("value %q is not a number from 0 to %d", f[len(f)-1], maxCount)
	}
	ws, err := words(f[:len(f)-1])
	if err != nil {
		return err
	}
	return l.r.numbers.add(ws, count{n: n, approx: approx}, file, line)
}

func (l *loader) unit(f []string) error {
	approx := false
	if len(f) == 4 && f[3] == "approx" {
		approx, f = true, f[:3]
	}
	if len(f) != 3 {
		return errors.New("want a word, a unit, a count and optionally approx")
	}
	u, ok := parseUnit(f[1])
	if !ok || u == weekend {
		return fmt.Errorf("unknown unit %q (want hour, day, week, month or year)", f[1])
	}
	n, err := strconv.Atoi(f[2])
	if err != nil || n < 0 || n > maxCount {
		return fmt.Errorf("count %q is not a number from 0 to %d", f[2], maxCount)
	}
	return addWord(l.r.units, f[0], unitWord{unit: u, n: n, approx: approx})
}

func (l *loader) qualifier(file string, line int, text string) error {
	lhs, rhs, ok := strings.Cut(text, "|")
	if !ok {
		return errors.New("want words | kind")
	}
	ws, err := words(strings.Fields(lhs))
	if err != nil {
		return err
	}
	f := strings.Fields(rhs)
	if len(f) == 0 {
		return errors.New("no kind after '|'")
	}
	var q qualifier
	switch f[0] {
	case "prep":
		q.prep = strings.Join(ws, " ")
		switch {
		case len(f) == 2 && f[1] == "year":
			q.yearOK = true
		case len(f) != 1:
			return fmt.Errorf("prep takes only \"year\", not %q", strings.Join(f[1:], " "))
		}
	case "part":
		if len(f) != 2 {
			return errors.New("part takes the part it names")
		}
		q.part = f[1]
	case "approx", "period", "last", "next", "this":
		if len(f) != 1 {
			return fmt.Errorf("%s takes nothing after it", f[0])
		}
		switch f[0] {
		case "approx":
			q.approx = true
		case "period":
			q.period = true
		default:
			q.dir = f[0]
		}
	default:
		return fmt.Errorf("unknown kind %q (want prep, approx, period, last, next, this or part)", f[0])
	}
	return l.r.quals.add(ws, q, file, line)
}

func (l *loader) phrase(file string, line int, text string) error {
	lhs, rhs, ok := strings.Cut(text, "|")
	if !ok {
		return errors.New("want words | meaning")
	}
	ws, err := words(strings.Fields(lhs))
	if err != nil {
		return err
	}
	f := strings.Fields(rhs)
	var p phrase
	switch {
	case len(f) == 1 && f[0] == "skip":
		p.skip = true
	case len(f) == 2 && len(f[0]) == len(time.DateOnly) && f[0][4] == '-':
		t, err := time.Parse(time.DateOnly, f[0])
		if err != nil || !inRange(t) {
			return fmt.Errorf("bad date %q", f[0])
		}
		prec, err := ParsePrecision(f[1])
		if err != nil {
			return err
		}
		if truncate(t, prec) != t {
			return fmt.Errorf("%s does not start a %s", f[0], prec)
		}
		p.fixed, p.prec = t, prec
	case len(f) >= 2:
		u, ok := parseUnit(f[0])
		if !ok || u == hour {
			return fmt.Errorf("unknown unit %q (want day, week, month, year or weekend)", f[0])
		}
		p.unit = u
		p.offset, err = strconv.Atoi(f[1])
		if err != nil || p.offset < -maxCount || p.offset > maxCount {
			return fmt.Errorf("offset %q is not a number from -%d to %d", f[1], maxCount, maxCount)
		}
		for _, flag := range f[2:] {
			switch flag {
			case "approx":
				p.approx = true
			case "future":
				p.future = true
			case "anchor":
				p.anchor = anchorOptional
			case "anchor!":
				p.anchor = anchorRequired
			default:
				if p.part != "" || !l.isPart(flag) {
					return fmt.Errorf("unknown flag %q (want approx, future, anchor, anchor! or one part of the day from %s)", flag, PartsFile)
				}
				p.part = flag
			}
		}
		if p.part != "" && u != day {
			return fmt.Errorf("a part of the day needs unit day, not %s", f[0])
		}
	default:
		return errors.New("want UNIT OFFSET [PART] [FLAGS], YYYY-MM-DD PRECISION or skip after '|'")
	}
	return l.r.phrases.add(ws, p, file, line)
}

// isPart reports whether part is one parts.txt names (read before
// phrases.txt).
func (l *loader) isPart(part string) bool {
	for _, p := range l.r.parts {
		if p == part {
			return true
		}
	}
	return false
}

func (l *loader) future(f []string) error {
	if len(f) != 2 || (f[1] != "aux" && f[1] != "governs") {
		return errors.New("want a word and its kind, aux or governs")
	}
	return addWord(l.r.future, f[0], f[1] == "aux")
}

func (l *loader) clock(f []string) error {
	if len(f) != 1 {
		return errors.New("want one word")
	}
	return addWord(l.r.clock, f[0], true)
}

// A phraseTable maps word sequences to values, longest first.
type phraseTable[T any] struct {
	byFirst map[string][]phraseEntry[T]
}

type phraseEntry[T any] struct {
	words []string
	val   T
	file  string
	line  int
}

func (t *phraseTable[T]) add(ws []string, v T, file string, line int) error {
	if t.byFirst == nil {
		t.byFirst = map[string][]phraseEntry[T]{}
	}
	for _, e := range t.byFirst[ws[0]] {
		if slices.Equal(e.words, ws) {
			return fmt.Errorf("%q is also at %s:%d", strings.Join(ws, " "), e.file, e.line)
		}
	}
	t.byFirst[ws[0]] = append(t.byFirst[ws[0]], phraseEntry[T]{ws, v, file, line})
	return nil
}

// sort puts the longest phrases first, so that match finds the longest.
func (t *phraseTable[T]) sort() {
	for _, es := range t.byFirst {
		slices.SortStableFunc(es, func(a, b phraseEntry[T]) int { return len(b.words) - len(a.words) })
	}
}

// match returns the longest phrase starting at low[j] and its length.
func (t *phraseTable[T]) match(low []string, j int) (v T, n int, ok bool) {
	if j >= len(low) {
		return v, 0, false
	}
	for _, e := range t.byFirst[low[j]] {
		if j+len(e.words) <= len(low) && slices.Equal(e.words, low[j:j+len(e.words)]) {
			return e.val, len(e.words), true
		}
	}
	return v, 0, false
}

// indexStarts fills r.starts from the lists: the first words of phrases,
// qualifiers and number words, month and weekday names, units ("hours
// ago") and "the" ("the 1990s", "the 4th of July").
func (r *Resolver) indexStarts() {
	r.starts["the"] = true
	for _, m := range []map[string]calName{r.months, r.weekdays} {
		for w := range m {
			r.starts[w] = true
		}
	}
	for w := range r.units {
		r.starts[w] = true
	}
	for w := range r.phrases.byFirst {
		r.starts[w] = true
	}
	for w := range r.quals.byFirst {
		r.starts[w] = true
	}
	for w := range r.numbers.byFirst {
		r.starts[w] = true
	}
}
