package actor

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

//go:generate go run gen.go -shared ../../shared

//go:embed data/*.txt
var dataFS embed.FS

// Default returns the dictionary embedded from actor/data, compiled on
// first use. It is shared: do not change its entries.
func Default() (*Dictionary, error) { return defaultDict() }

var defaultDict = sync.OnceValues(func() (*Dictionary, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("actor: default dictionary: %w", err)
	}
	return Load(sub)
})

// DefaultFS returns the embedded data files (roles.txt, countries.txt, ...),
// for tools that list or copy them.
func DefaultFS() fs.FS {
	sub, _ := fs.Sub(dataFS, "data")
	return sub
}

// LoadDir loads the dictionary files of a directory; see Load.
func LoadDir(dir string) (*Dictionary, error) {
	return Load(os.DirFS(dir))
}

// maxPieces bounds the length of a name, in pieces.
const maxPieces = 64

// Load reads every *.txt file at the root of fsys and compiles them into a
// Dictionary. The files are:
//
//   - roles.txt and codes.txt, the code tables (see ReadCodes);
//   - countries*.txt, whose entries name countries and define the country
//     codes: each has one undated three-letter code;
//   - any other file, actor and agent entries (see the package comment).
//
// A file whose header has a "# Code generated ... DO NOT EDIT." line is
// generated; the others are hand-maintained. A name defined in a generated
// file and again, with other codes, in a hand-maintained one takes the
// hand-maintained codes: that is how curated files correct generated ones.
// The same name with different codes in two files of the same standing (or
// twice in one file) is an error; with the same codes it is merged.
//
// Every bad line of every file is reported, sorted by file and line, as a
// [linefile.List]; the dictionary is returned only when there is none.
func Load(fsys fs.FS) (*Dictionary, error) {
	files, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("actor: load: %w", err)
	}
	slices.Sort(files)
	if len(files) == 0 {
		return nil, errors.New("actor: load: no *.txt dictionary files")
	}
	var errs linefile.List
	addErr := func(err error) {
		var l linefile.List
		if errors.As(err, &l) {
			errs = append(errs, l...)
		} else if err != nil {
			errs = append(errs, &linefile.Error{File: "?", Msg: err.Error()})
		}
	}
	v := newVocab()
	type dictFile struct {
		name      string
		generated bool
		entries   []*Entry
	}
	var dicts []dictFile
	for _, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &linefile.Error{File: name, Msg: err.Error()})
			continue
		}
		switch name {
		case "roles.txt", "codes.txt":
			infos, err := ReadCodes(bytes.NewReader(data), name)
			addErr(err)
			for _, ci := range infos {
				v.add(ci)
			}
			continue
		}
		entries, err := ReadEntries(bytes.NewReader(data), name)
		addErr(err)
		dicts = append(dicts, dictFile{name: name, generated: isGenerated(data), entries: entries})
	}
	// The countries files define the country codes the others use.
	for _, f := range dicts {
		if !isCountriesFile(f.name) {
			continue
		}
		for _, e := range f.entries {
			c := e.Codings[0]
			if len(e.Codings) != 1 || !c.Default() || !isSegment(c.Code) {
				errs.Add(e.File, e.Line, "a country entry has one undated three-letter code, not %q", codingsString(e.Codings))
				continue
			}
			v.add(CodeInfo{Code: c.Code, Kind: KindCountry, Desc: e.Names[0], File: e.File, Line: e.Line})
		}
	}
	b := newBuilder(v)
	for _, f := range dicts {
		// Tokenize the names of a whole file at once.
		var good []*Entry
		var names []string
		for _, e := range f.entries {
			if err := b.check(e); err != nil {
				errs.Add(e.File, e.Line, "%v", err)
				continue
			}
			good = append(good, e)
			names = append(names, e.Names...)
		}
		pieces := namePieces(names)
		for _, e := range good {
			b.add(e, pieces[:len(e.Names)], f.generated, &errs)
			pieces = pieces[len(e.Names):]
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return b.compile(), nil
}

// isGenerated reports whether a file's leading comment block has Go's
// generated-file marker.
func isGenerated(data []byte) bool {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '#' {
			return false
		}
		if bytes.HasPrefix(line, []byte("# Code generated ")) && bytes.HasSuffix(line, []byte(" DO NOT EDIT.")) {
			return true
		}
	}
	return false
}

func isCountriesFile(name string) bool {
	return strings.HasPrefix(path.Base(name), "countries")
}

func codingsString(cs []Coding) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, " ; ")
}

// A builder collects the names of checked entries and resolves clashes.
type builder struct {
	v     *vocab
	names map[string]*candidate
	order []string // keys in first-seen order
}

type candidate struct {
	entry     *Entry
	name      string
	pieces    []piece
	generated bool
}

func newBuilder(v *vocab) *builder {
	return &builder{v: v, names: make(map[string]*candidate, 1<<16)}
}

// check validates e's codes against the vocabulary.
func (b *builder) check(e *Entry) error {
	for _, c := range e.Codings {
		var err error
		if strings.Contains(c.Code, "~") {
			err = b.v.checkAgent(c.Code)
		} else {
			err = b.v.check(c.Code)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// add records e's names, whose pieces are pieces, reporting names that
// fold to nothing and clashes.
func (b *builder) add(e *Entry, pieces [][]piece, generated bool, errs *linefile.List) {
	var own map[string]string
	if len(e.Names) > 1 {
		own = make(map[string]string, len(e.Names))
	}
	for i, ps := range pieces {
		name := e.Names[i]
		if len(ps) == 0 {
			errs.Add(e.File, e.Line, "name %q folds to nothing", name)
			continue
		}
		if len(ps) > maxPieces {
			errs.Add(e.File, e.Line, "name %q is longer than %d words", name, maxPieces)
			continue
		}
		key := keyOf(ps)
		if own != nil {
			if prev, ok := own[key]; ok {
				errs.Add(e.File, e.Line, "names %q and %q are the same once folded (%q)", prev, name, key)
				continue
			}
			own[key] = name
		}
		old, ok := b.names[key]
		if !ok {
			b.names[key] = &candidate{entry: e, name: name, pieces: ps, generated: generated}
			b.order = append(b.order, key)
			continue
		}
		switch {
		case old.generated && !generated:
			*old = candidate{entry: e, name: name, pieces: ps, generated: generated}
		case !old.generated && generated:
			// A curated entry already overrides this name.
		case slices.Equal(old.entry.Codings, e.Codings):
			// The same actor listed twice: keep the first.
		default:
			errs.Add(e.File, e.Line, "name %q (%s) is also at %s:%d as %q with other codes (%s)",
				name, codingsString(e.Codings), old.entry.File, old.entry.Line, old.name, codingsString(old.entry.Codings))
		}
	}
}

// compile builds the trie.
func (b *builder) compile() *Dictionary {
	d := &Dictionary{
		vocab:   b.v,
		pieceID: make(map[string]int32, len(b.order)),
		edges:   make(map[uint64]int32, 2*len(b.order)),
		term:    make([]int32, 1, 2*len(b.order)),
		names:   make([]compiledName, 0, len(b.order)),
	}
	d.term[0] = -1
	seen := map[*Entry]bool{}
	for _, key := range b.order {
		c := b.names[key]
		if !seen[c.entry] {
			seen[c.entry] = true
			d.entries = append(d.entries, c.entry)
		}
		node := int32(0)
		var caps uint64
		for i, p := range c.pieces {
			id, ok := d.pieceID[p.text]
			if !ok {
				id = int32(len(d.pieceID))
				d.pieceID[p.text] = id
			}
			k := uint64(node)<<32 | uint64(uint32(id))
			next, ok := d.edges[k]
			if !ok {
				next = int32(len(d.term))
				d.term = append(d.term, -1)
				d.edges[k] = next
			}
			node = next
			if i == 0 && p.initial && p.upper {
				caps = 1
			}
		}
		d.term[node] = int32(len(d.names))
		d.names = append(d.names, compiledName{entry: c.entry, name: c.name, caps: caps})
	}
	return d
}

// A Dictionary is a compiled set of actor and agent entries. It is
// immutable and safe for concurrent use.
type Dictionary struct {
	entries []*Entry
	vocab   *vocab
	pieceID map[string]int32
	// edges maps node<<32 | piece to the child node; node 0 is the root.
	edges map[uint64]int32
	// term maps a node to the index in names of the name ending there, or -1.
	term  []int32
	names []compiledName
}

type compiledName struct {
	entry *Entry
	name  string
	// caps is 1 when the name's first word is written with a capital: the
	// text's first word must then not start with a lower-case letter
	// ("Turkey" is not "turkey", "US" is not "us"). Later words are free,
	// so that "Assad Regime" matches "Assad regime".
	caps uint64
}

// Entries returns the entries that have at least one name in d, in the
// order files and lines were read. The slice and entries must not be
// changed.
func (d *Dictionary) Entries() []*Entry { return d.entries }

// Len returns the number of distinct names in d.
func (d *Dictionary) Len() int { return len(d.names) }

// Codes returns what the code tables say about a three-character code: one
// CodeInfo per kind (MUS is a country and a religion). Country codes come
// from the countries files, with the country's main name as Desc.
func (d *Dictionary) Codes(seg string) []CodeInfo { return d.vocab.info[seg] }

// Lookup returns the entry a name (written as in a dictionary file) matches
// exactly, and the dictionary's spelling of that name.
func (d *Dictionary) Lookup(name string) (e *Entry, spelling string, ok bool) {
	ps := namePieces([]string{name})[0]
	node := int32(0)
	for _, p := range ps {
		id, ok := d.pieceID[p.text]
		if !ok {
			return nil, "", false
		}
		if node, ok = d.edges[uint64(node)<<32|uint64(uint32(id))]; !ok {
			return nil, "", false
		}
	}
	if len(ps) == 0 || d.term[node] < 0 {
		return nil, "", false
	}
	n := d.names[d.term[node]]
	return n.entry, n.name, true
}
