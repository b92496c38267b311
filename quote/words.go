package quote

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"sitrep/internal/linefile"
	"sitrep/nlp"
)

//go:embed data/*.txt
var dataFS embed.FS

// The data files a word list is read from, in the order they are read.
const (
	VerbsFile    = "verbs.txt"
	CuesFile     = "cues.txt"
	AnaphorsFile = "anaphors.txt"
	NamesFile    = "names.txt"
)

// Words are the word lists that find statements and their speakers:
// verbs of saying, cue phrases, anaphoric speakers and the words that tell
// people from organizations. A Words is immutable once loaded and safe for
// concurrent use.
type Words struct {
	// verbs maps a lemma to its particles; "" stands for the bare verb.
	verbs map[string][]string
	// cues are phrases of lower-case words ("according to"); maxCue is
	// the length of the longest.
	cues   [][]string
	maxCue int
	// anaphors maps a folded phrase ("he", "the spokesman") to what its
	// antecedent must be.
	anaphors map[string]Anaphor
	// names maps a folded word to its kind.
	names map[string]NameKind
}

// An Anaphor is what a pronoun or definite description ("the spokesman")
// stands for: a kind of antecedent and, optionally, a word the
// antecedent's phrase must have.
type Anaphor struct {
	Kind MentionKind
	Word string // folded; "" for any
}

// A MentionKind is what an anaphoric speaker can stand for.
type MentionKind uint8

const (
	// Person is a named person.
	Person MentionKind = iota + 1
	// Plural is a plural or coordinated noun phrase.
	Plural
	// Organization is one actor that is not a person.
	Organization
)

var mentionKinds = map[string]MentionKind{"person": Person, "plural": Plural, "organization": Organization}

func (k MentionKind) String() string {
	for s, v := range mentionKinds {
		if v == k {
			return s
		}
	}
	return fmt.Sprintf("MentionKind(%d)", k)
}

// A NameKind says what a word inside or beside a proper noun phrase makes
// of it.
type NameKind uint8

const (
	// NamePerson is a title or role: "spokesman Farhan Haq".
	NamePerson NameKind = iota + 1
	// NameOrganization is a word of organizations' names: "Nusra Front".
	NameOrganization
	// NamePlace is a word of places' names: "Daraa Governorate".
	NamePlace
	// NameDocument is a statement that speaks for its author: "a
	// statement from the ministry said".
	NameDocument
)

var nameKinds = map[string]NameKind{
	"person": NamePerson, "organization": NameOrganization, "place": NamePlace, "document": NameDocument,
}

// DefaultWords returns the word lists embedded from quote/data, read once.
func DefaultWords() (*Words, error) { return defaultWords() }

var defaultWords = sync.OnceValues(func() (*Words, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("quote: default words: %w", err)
	}
	return LoadWords(sub)
})

// DefaultFS returns the embedded data files, for tools that list or copy
// them.
func DefaultFS() fs.FS {
	sub, _ := fs.Sub(dataFS, "data")
	return sub
}

// LoadWordsDir reads the word lists of a directory; see LoadWords.
func LoadWordsDir(dir string) (*Words, error) { return LoadWords(os.DirFS(dir)) }

// LoadWords reads verbs.txt, cues.txt, anaphors.txt and names.txt at the
// root of fsys. Every file must be there. In each, '#' starts a comment and
// blank lines are skipped; the formats are described at the top of the
// embedded files. Every bad line of every file is reported, sorted by file
// and line, as a [linefile.List].
func LoadWords(fsys fs.FS) (*Words, error) {
	w := &Words{
		verbs:    map[string][]string{},
		anaphors: map[string]Anaphor{},
		names:    map[string]NameKind{},
	}
	var errs linefile.List
	read := func(name string, fn func(*linefile.Scanner, *linefile.List)) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(name, 0, "%v", err)
			return
		}
		sc := linefile.NewScanner(bytes.NewReader(data), name)
		fn(sc, &errs)
		addScanErr(&errs, sc)
	}
	read(VerbsFile, w.readVerbs)
	read(CuesFile, w.readCues)
	read(AnaphorsFile, w.readAnaphors)
	read(NamesFile, w.readNames)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return w, nil
}

// ReadWords reads one word-list file from r, named file in errors, and
// returns the lists with that file's part filled: the kind of file is told
// by its name (VerbsFile, CuesFile, AnaphorsFile or NamesFile). It is for
// checking a single file; LoadWords reads a whole set.
func ReadWords(r io.Reader, file string) (*Words, error) {
	w := &Words{verbs: map[string][]string{}, anaphors: map[string]Anaphor{}, names: map[string]NameKind{}}
	var errs linefile.List
	sc := linefile.NewScanner(r, file)
	switch base := file[strings.LastIndexByte(file, '/')+1:]; base {
	case VerbsFile:
		w.readVerbs(sc, &errs)
	case CuesFile:
		w.readCues(sc, &errs)
	case AnaphorsFile:
		w.readAnaphors(sc, &errs)
	case NamesFile:
		w.readNames(sc, &errs)
	default:
		return nil, fmt.Errorf("quote: %s: not a word-list file name (%s, %s, %s or %s)",
			file, VerbsFile, CuesFile, AnaphorsFile, NamesFile)
	}
	addScanErr(&errs, sc)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return w, nil
}

// addScanErr adds the read error that stopped sc, if any.
func addScanErr(errs *linefile.List, sc *linefile.Scanner) {
	var e *linefile.Error
	if err := sc.Err(); errors.As(err, &e) {
		*errs = append(*errs, e)
	} else if err != nil {
		errs.Add(sc.File, 0, "%v", err)
	}
}

// lowerWord reports whether s is a word of lower-case letters, digits and
// inner hyphens.
func lowerWord(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// words reads the current line of sc as lower-case words, at most most of
// them (0 for any number), that seen has not had; it reports the problem
// and returns false otherwise.
func words(sc *linefile.Scanner, errs *linefile.List, seen map[string]int, most int, what string) ([]string, bool) {
	f := strings.Fields(sc.Text())
	if most > 0 && len(f) > most {
		errs.Add(sc.File, sc.Line(), "%q: %s", sc.Text(), what)
		return nil, false
	}
	ok := true
	for _, x := range f {
		if !lowerWord(x) {
			errs.Add(sc.File, sc.Line(), "%q is not a lower-case word", x)
			ok = false
		}
	}
	if !ok {
		return nil, false
	}
	key := strings.Join(f, " ")
	if l, dup := seen[key]; dup {
		errs.Add(sc.File, sc.Line(), "%q is listed again (first on line %d)", key, l)
		return nil, false
	}
	seen[key] = sc.Line()
	return f, true
}

func (w *Words) readVerbs(sc *linefile.Scanner, errs *linefile.List) {
	seen := map[string]int{}
	for sc.Scan() {
		f, ok := words(sc, errs, seen, 2, "a verb is a lemma and at most one particle")
		if !ok {
			continue
		}
		prt := ""
		if len(f) == 2 {
			prt = f[1]
		}
		w.verbs[f[0]] = append(w.verbs[f[0]], prt)
	}
}

func (w *Words) readCues(sc *linefile.Scanner, errs *linefile.List) {
	seen := map[string]int{}
	for sc.Scan() {
		if f, ok := words(sc, errs, seen, 0, ""); ok {
			w.cues = append(w.cues, f)
			w.maxCue = max(w.maxCue, len(f))
		}
	}
}

// splitEntry splits "a | b => rest" into its names and what follows "=>".
func splitEntry(line string) (names []string, rest string, ok bool) {
	lhs, rhs, found := strings.Cut(line, "=>")
	if !found {
		return nil, "", false
	}
	for _, n := range strings.Split(lhs, "|") {
		names = append(names, strings.TrimSpace(n))
	}
	return names, strings.TrimSpace(rhs), true
}

func (w *Words) readAnaphors(sc *linefile.Scanner, errs *linefile.List) {
	seen := map[string]int{}
	for sc.Scan() {
		names, rest, ok := splitEntry(sc.Text())
		if !ok {
			errs.Add(sc.File, sc.Line(), "missing \"=>\": want PHRASES => KIND [WORD]")
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 || len(f) > 2 {
			errs.Add(sc.File, sc.Line(), "%q: want KIND [WORD] after \"=>\"", rest)
			continue
		}
		kind, ok := mentionKinds[f[0]]
		if !ok {
			errs.Add(sc.File, sc.Line(), "unknown kind %q (person, plural or organization)", f[0])
			continue
		}
		a := Anaphor{Kind: kind}
		if len(f) == 2 {
			a.Word = nlp.Fold(f[1])
			if a.Word == "" || strings.Contains(a.Word, " ") {
				errs.Add(sc.File, sc.Line(), "%q is not a word", f[1])
				continue
			}
		}
		for _, n := range names {
			key := nlp.Fold(n)
			switch {
			case key == "":
				errs.Add(sc.File, sc.Line(), "empty phrase")
			case seen[key] != 0:
				errs.Add(sc.File, sc.Line(), "%q is listed again (first on line %d)", n, seen[key])
			default:
				seen[key] = sc.Line()
				w.anaphors[key] = a
			}
		}
	}
}

// nameKey folds a word of names.txt or of the text: "Gen." → "gen".
func nameKey(s string) string {
	return strings.TrimSuffix(nlp.Fold(s), ".")
}

func (w *Words) readNames(sc *linefile.Scanner, errs *linefile.List) {
	seen := map[string]int{}
	for sc.Scan() {
		names, rest, ok := splitEntry(sc.Text())
		if !ok {
			errs.Add(sc.File, sc.Line(), "missing \"=>\": want WORDS => KIND")
			continue
		}
		kind, ok := nameKinds[rest]
		if !ok {
			errs.Add(sc.File, sc.Line(), "unknown kind %q (person, organization, place or document)", rest)
			continue
		}
		for _, n := range names {
			key := nameKey(n)
			switch {
			case key == "" || strings.Contains(key, " "):
				errs.Add(sc.File, sc.Line(), "%q is not one word", n)
			case seen[key] != 0:
				errs.Add(sc.File, sc.Line(), "%q is listed again (first on line %d)", n, seen[key])
			default:
				seen[key] = sc.Line()
				w.names[key] = kind
			}
		}
	}
}

// Verb reports whether lemma, with particle prt ("" for none), is a verb
// of saying.
func (w *Words) Verb(lemma, prt string) bool {
	for _, p := range w.verbs[lemma] {
		if p == prt {
			return true
		}
	}
	return false
}

// verbParticles returns the particles lemma says with; nil when it is no
// verb of saying.
func (w *Words) verbParticles(lemma string) []string { return w.verbs[lemma] }

// Anaphor returns what phrase (any case) stands for, if it is anaphoric.
func (w *Words) Anaphor(phrase string) (Anaphor, bool) {
	var buf [64]byte
	if b, ok := lowerASCII(buf[:0], phrase); ok {
		a, ok := w.anaphors[string(b)]
		return a, ok
	}
	a, ok := w.anaphors[nlp.Fold(phrase)]
	return a, ok
}

// Name returns the kind of word in proper noun phrases, if it has one.
func (w *Words) Name(word string) (NameKind, bool) {
	var buf [64]byte
	if b, ok := lowerASCII(buf[:0], word); ok {
		if n := len(b); n > 0 && b[n-1] == '.' {
			b = b[:n-1]
		}
		k, ok := w.names[string(b)]
		return k, ok
	}
	k, ok := w.names[nameKey(word)]
	return k, ok
}

// sameWord reports whether a and b are the same after nlp.Fold, without
// folding (and allocating) when both are plain ASCII.
func sameWord(a, b string) bool {
	if plainASCII(a) && plainASCII(b) {
		return strings.EqualFold(a, b)
	}
	return nlp.Fold(a) == nlp.Fold(b)
}

// plainASCII reports whether s is ASCII letters, digits and punctuation
// other than apostrophes, which nlp.Fold only lower-cases.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || c == '\'' || c == '`' {
			return false
		}
	}
	return true
}

// lowerASCII appends s in lower case to dst when that is what nlp.Fold
// would make of it (printable ASCII without apostrophes, single spaces
// between words), so that lookups need not allocate; it reports false
// otherwise, or when s does not fit in dst's capacity.
func lowerASCII(dst []byte, s string) ([]byte, bool) {
	if len(s) > cap(dst) || s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || c < ' ' || c == '\'' || c == '`':
			return nil, false
		case c == ' ' && s[i-1] == ' ':
			return nil, false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}
