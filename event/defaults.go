package event

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"sitrep/actor"
)

// dataFS holds the embedded dictionaries; every default is read from it.
//
//go:embed data/*.txt
var dataFS embed.FS

// DefaultFS returns the embedded data files, the layout LoadCoder reads:
// cameo.txt, verbs-news.txt, verbs.txt, nouns.txt, discards.txt and
// pico.txt.
func DefaultFS() fs.FS {
	sub, _ := fs.Sub(dataFS, "data")
	return sub
}

// embedded returns the embedded data file name ("pico.txt"). The files are
// compiled in, so reading them cannot fail.
func embedded(name string) []byte {
	data, _ := dataFS.ReadFile("data/" + name)
	return data
}

// DefaultVerbs returns sitrep's verb dictionary: data/verbs-news.txt, the
// verbs of conflict news added by hand, then data/verbs.txt, converted from
// PETRARCH2's CAMEO dictionary. It is read once.
func DefaultVerbs() (*VerbDictionary, error) { return defaultVerbs() }

var defaultVerbs = sync.OnceValues(func() (*VerbDictionary, error) {
	o, err := DefaultOntology()
	if err != nil {
		return nil, err
	}
	return LoadVerbs(dataFS, []string{"data/verbs-news.txt", "data/verbs.txt"}, VerbOptions{ValidCode: o.Valid})
})

// LoadVerbs reads the verb dictionaries named in fsys and merges them, the
// first file's verbs before the others' (its codes win, its patterns are
// tried too). Every bad line of every file is reported.
func LoadVerbs(fsys fs.FS, names []string, opt VerbOptions) (*VerbDictionary, error) {
	out := &VerbDictionary{Verbs: map[string][]*Verb{}, Synsets: map[string]*Synset{}}
	var errs []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("event: verbs: %w", err)
		}
		d, err := ReadVerbs(bytes.NewReader(data), baseName(name), opt)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out.merge(d)
	}
	return out, errors.Join(errs...)
}

// merge adds d's blocks, verbs and synsets after v's. A synset d defines
// again keeps v's members and adds d's.
func (v *VerbDictionary) merge(d *VerbDictionary) {
	v.Blocks = append(v.Blocks, d.Blocks...)
	for w, es := range d.Verbs {
		v.Verbs[w] = append(v.Verbs[w], es...)
	}
	for n, s := range d.Synsets {
		if old, ok := v.Synsets[n]; ok {
			old.Members = append(slices.Clone(old.Members), s.Members...)
			continue
		}
		v.Synsets[n] = s
	}
	v.Transforms = append(v.Transforms, d.Transforms...)
	v.Warnings = append(v.Warnings, d.Warnings...)
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

// NewCoder returns a coder with sitrep's embedded dictionaries: actors,
// verbs, event nouns, discards and the PICO table.
func NewCoder() (*Coder, error) {
	actors, err := actor.Default()
	if err != nil {
		return nil, err
	}
	verbs, err := DefaultVerbs()
	if err != nil {
		return nil, err
	}
	nouns, err := DefaultNouns()
	if err != nil {
		return nil, err
	}
	discards, err := DefaultDiscards()
	if err != nil {
		return nil, err
	}
	pico, err := DefaultPICO()
	if err != nil {
		return nil, err
	}
	onto, err := DefaultOntology()
	if err != nil {
		return nil, err
	}
	return &Coder{Verbs: verbs, Actors: actors, Nouns: nouns, Discards: discards, PICO: pico, Ontology: onto}, nil
}
