package event

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"sitrep/actor"
	"sitrep/internal/linefile"
)

// LoadCoder returns a coder with the event dictionaries at the root of fsys
// and the actor dictionary actors. fsys is laid out like DefaultFS:
//
//	cameo.txt     the ontology (required; see LoadOntology)
//	verbs*.txt    verb dictionaries, at least one, merged in name order:
//	              the first file's codes win (see LoadVerbs), so
//	              verbs-news.txt comes before verbs.txt
//	nouns.txt     event nouns; without it the coder codes verbs only
//	discards.txt  phrases that mark sentences and stories not to code;
//	              without it nothing is discarded
//	pico.txt      the PICO table; without it the embedded one
//
// Other files are ignored. Event codes in the verb and noun files must be
// in the ontology. Every bad line of every file is reported, as a
// [linefile.List] sorted by file and line with the file names of fsys; the
// coder is returned only when there is none.
//
// LoadCoder(DefaultFS(), actors) codes as NewCoder does, but reads the
// files again instead of sharing the defaults.
func LoadCoder(fsys fs.FS, actors *actor.Dictionary) (*Coder, error) {
	var errs linefile.List
	c := &Coder{Actors: actors}
	var valid func(string) bool // nil: any code, when the ontology is broken
	if data, err := fs.ReadFile(fsys, "cameo.txt"); err != nil {
		addError(&errs, "cameo.txt", err)
	} else if c.Ontology, err = LoadOntology(bytes.NewReader(data), "cameo.txt"); err != nil {
		addError(&errs, "cameo.txt", err)
	} else {
		valid = c.Ontology.Valid
	}
	verbs, err := fs.Glob(fsys, "verbs*.txt")
	if err != nil {
		return nil, fmt.Errorf("event: load coder: %w", err)
	}
	slices.Sort(verbs)
	if len(verbs) == 0 {
		errs = append(errs, &linefile.Error{File: "verbs*.txt", Msg: "no verb dictionary"})
	} else if c.Verbs, err = LoadVerbs(fsys, verbs, VerbOptions{ValidCode: valid}); err != nil {
		addError(&errs, "verbs*.txt", err)
	}
	optional := []struct {
		name string
		read func(data []byte) error
	}{
		{"nouns.txt", func(data []byte) (err error) {
			c.Nouns, err = ReadNouns(bytes.NewReader(data), "nouns.txt", valid)
			return err
		}},
		{"discards.txt", func(data []byte) (err error) {
			c.Discards, err = ReadDiscards(bytes.NewReader(data), "discards.txt")
			return err
		}},
		{"pico.txt", func(data []byte) (err error) {
			c.PICO, err = ReadPICO(bytes.NewReader(data), "pico.txt")
			return err
		}},
	}
	for _, f := range optional {
		data, err := fs.ReadFile(fsys, f.name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil {
			err = f.read(data)
		}
		addError(&errs, f.name, err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// addError adds the errors err holds to errs: each line of a
// [linefile.List], every error of a joined error, or err itself as a
// problem with the file name.
func addError(errs *linefile.List, name string, err error) {
	var le *linefile.Error
	switch e := err.(type) {
	case nil:
	case interface{ Unwrap() []error }: // a linefile.List or errors.Join
		for _, err := range e.Unwrap() {
			addError(errs, name, err)
		}
	default:
		if errors.As(err, &le) {
			*errs = append(*errs, le)
			return
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			name, err = pe.Path, pe.Err
		}
		*errs = append(*errs, &linefile.Error{File: name, Msg: err.Error()})
	}
}
