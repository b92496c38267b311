package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unicode/utf8"

	"sitrep/actor"
	"sitrep/event"
	"sitrep/internal/linefile"
)

// dictCheckCommand is 'sitrep dict check'.
type dictCheckCommand struct {
	defaults bool // check DIR's actor files on top of the embedded ones
}

func (c *dictCheckCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("dict check", flag.ContinueOnError)
	fs.BoolVar(&c.defaults, "defaults", false, "")
	return fs
}

func (c *dictCheckCommand) synopsis() string {
	return "sitrep dict check [--defaults] [DIR]"
}

func (c *dictCheckCommand) help() string {
	return `Dict check loads the dictionaries in the folder DIR the way sitrep loads
them and reports every problem, not just the first, one a line as
FILE:LINE: MESSAGE, exiting with status 1. When there is none it prints one
line: the number of files, entries and names. Without DIR it checks the
dictionaries embedded in sitrep.

DIR may hold:
  cameo.txt   an event ontology in the format of event/data/cameo.txt
  verbs*.txt  verb dictionaries in PETRARCH syntax, whose codes must be in
              DIR's cameo.txt, or in the embedded ontology when DIR has none
  *.txt       every other .txt file: the actor dictionary, as the actor
              package reads a folder: the code tables roles.txt and
              codes.txt, the countries in countries*.txt, and actor and
              agent entries in any other file
Other files are ignored. Files of binary data, UTF-16 text and lines that
are not UTF-8 are errors.

A DIR with an actor or event subfolder is a folder of additions, the
layout 'sitrep code --dict DIR' reads: DIR/actor/*.txt over the embedded
actor dictionary, DIR/event/*.txt over the embedded event dictionaries
(cameo.txt, verbs*.txt, nouns.txt, discards.txt, pico.txt). It is checked
exactly as --dict loads it.

Flags:
  --defaults  check DIR's actor files together with the embedded actor
              dictionary, as the additions of a user: a file of DIR replaces
              the embedded file of the same name, the others are added.
              Without it, DIR must hold a whole dictionary, code tables and
              countries included
`
}

// ontologyFile and the files isVerbFile accepts are the event coder's
// files of a dictionary folder; the other *.txt files are the actor
// dictionary's.
const ontologyFile = "cameo.txt"

func isVerbFile(name string) bool {
	return strings.HasPrefix(name, "verbs") && strings.HasSuffix(name, ".txt")
}

func (c *dictCheckCommand) run(ctx context.Context, e *env, args []string) error {
	switch {
	case len(args) > 1:
		return usagef("want at most one DIR, got %d arguments", len(args))
	case len(args) == 0 && c.defaults:
		return usagef("--defaults needs a DIR")
	case len(args) == 0:
		return checkEmbedded(e)
	}
	dir := args[0]
	fi, err := os.Stat(dir)
	if err != nil {
		return pathError(dir, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: %w", dir, syscall.ENOTDIR)
	}
	if isOverlay(dir) {
		return checkOverlay(e, dir)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return pathError(dir, err)
	}
	var (
		errs     linefile.List
		actors   = dictFS{}            // the actor files, by name
		display  = map[string]string{} // a file's name in errors, by name
		ontology []byte
		verbs    []string
	)
	dirFS := os.DirFS(dir)
	if c.defaults {
		def := actor.DefaultFS()
		names, err := fs.Glob(def, "*.txt")
		if err != nil {
			return fmt.Errorf("embedded actor dictionary: %w", err)
		}
		for _, name := range names {
			actors[name] = def
			display[name] = "actor/data/" + name
		}
	}
	for _, ent := range ents {
		name := ent.Name()
		if !strings.HasSuffix(name, ".txt") || ent.IsDir() {
			continue
		}
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			errs = append(errs, &linefile.Error{File: p, Msg: err.Error()})
			continue
		}
		if err := notText(data); err != nil {
			errs = append(errs, &linefile.Error{File: p, Msg: err.Error()})
			continue
		}
		checkUTF8(&errs, p, data)
		switch {
		case name == ontologyFile:
			ontology = data
		case isVerbFile(name):
			verbs = append(verbs, p)
		default:
			actors[name] = dirFS
			display[name] = p
		}
	}
	if len(actors) == 0 && ontology == nil && len(verbs) == 0 && len(errs) == 0 {
		return fmt.Errorf("%s: no dictionary files (*.txt)", dir)
	}
	var summary []string
	if len(actors) > 0 {
		d, err := actor.Load(actors)
		addLoadErrors(&errs, err, func(name string) string {
			if p, ok := display[name]; ok {
				return p
			}
			return name
		})
		if d != nil {
			summary = append(summary, actorSummary(len(actors), d))
		}
	}
	var o *event.Ontology
	if ontology != nil {
		p := filepath.Join(dir, ontologyFile)
		o, err = event.LoadOntology(bytes.NewReader(ontology), p)
		addLoadErrors(&errs, err, nil)
		if o != nil {
			summary = append(summary, fmt.Sprintf("ontology %s %d event codes", ontologyFile, o.Len()))
		}
	}
	if len(verbs) > 0 {
		valid, err := verbCodes(ontology != nil, o)
		if err != nil {
			return err
		}
		var all []*event.VerbDictionary
		for _, p := range verbs {
			data, _ := os.ReadFile(p) // read and sniffed above
			vd, err := event.ReadVerbs(bytes.NewReader(data), p, event.VerbOptions{ValidCode: valid})
			addLoadErrors(&errs, err, nil)
			all = append(all, vd)
		}
		summary = append(summary, verbSummary(len(verbs), all))
	}
	if err := errs.Err(); err != nil {
		return checkFailure(dir, errs)
	}
	if len(summary) == 0 {
		summary = append(summary, "no dictionary checked")
	}
	_, err = fmt.Fprintf(e.stdout, "%s: ok: %s\n", dir, strings.Join(summary, "; "))
	return err
}

// checkEmbedded checks the dictionaries embedded in sitrep.
func checkEmbedded(e *env) error {
	var errs linefile.List
	var summary []string
	def := actor.DefaultFS()
	names, err := fs.Glob(def, "*.txt")
	if err != nil {
		return fmt.Errorf("embedded actor dictionary: %w", err)
	}
	d, err := actor.Load(def)
	addLoadErrors(&errs, err, func(name string) string { return "actor/data/" + name })
	if d != nil {
		summary = append(summary, actorSummary(len(names), d))
	}
	o, err := event.DefaultOntology()
	addLoadErrors(&errs, err, nil)
	if o != nil {
		summary = append(summary, fmt.Sprintf("ontology event/data/%s %d event codes", ontologyFile, o.Len()))
	}
	if o != nil {
		vd, err := event.DefaultVerbs()
		addLoadErrors(&errs, err, func(name string) string { return "event/data/" + name })
		if vd != nil {
			summary = append(summary, verbSummary(2, []*event.VerbDictionary{vd}))
		}
	}
	if err := errs.Err(); err != nil {
		return checkFailure("embedded dictionaries", errs)
	}
	_, err = fmt.Fprintf(e.stdout, "embedded dictionaries: ok: %s\n", strings.Join(summary, "; "))
	return err
}

// verbCodes returns the check of a verb dictionary's codes: the folder's
// ontology when it has one (nil, so only their syntax, when that ontology
// failed to load, not to report every code again), else the embedded one.
func verbCodes(hasOntology bool, o *event.Ontology) (func(string) bool, error) {
	switch {
	case o != nil:
		return o.Valid, nil
	case hasOntology:
		return nil, nil
	}
	def, err := event.DefaultOntology()
	if err != nil {
		return nil, fmt.Errorf("embedded ontology: %w", err)
	}
	return def.Valid, nil
}

func verbSummary(files int, ds []*event.VerbDictionary) string {
	var blocks, verbs, patterns int
	for _, d := range ds {
		if d == nil {
			continue
		}
		blocks += len(d.Blocks)
		for _, b := range d.Blocks {
			verbs += len(b.Verbs)
			patterns += len(b.Patterns)
		}
	}
	return fmt.Sprintf("verbs %d %s, %d %s, %d %s, %d %s", files, plural(files, "file", "files"),
		blocks, plural(blocks, "block", "blocks"), verbs, plural(verbs, "verb", "verbs"), patterns, plural(patterns, "pattern", "patterns"))
}

func actorSummary(files int, d *actor.Dictionary) string {
	return fmt.Sprintf("actor dictionary %d %s, %d entries, %d names", files, plural(files, "file", "files"), len(d.Entries()), d.Len())
}

// addLoadErrors adds the errors of a loader to errs: every linefile.Error
// of err (a linefile.List, or several joined), with its file renamed by
// rename when that is not nil, and any other error as it is.
func addLoadErrors(errs *linefile.List, err error, rename func(string) string) {
	if err == nil {
		return
	}
	var le *linefile.Error
	switch u := err.(type) {
	case interface{ Unwrap() []error }: // a linefile.List, errors.Join
		for _, err := range u.Unwrap() {
			addLoadErrors(errs, err, rename)
		}
	default:
		if !errors.As(err, &le) {
			*errs = append(*errs, &linefile.Error{File: "?", Msg: err.Error()})
			return
		}
		e := *le
		if rename != nil {
			e.File = rename(e.File)
		}
		*errs = append(*errs, &e)
	}
}

// checkUTF8 reports every line of data that is not valid UTF-8.
func checkUTF8(errs *linefile.List, name string, data []byte) {
	if utf8.Valid(data) {
		return
	}
	n := 0
	for line := range bytes.Lines(data) {
		n++
		if !utf8.Valid(line) {
			errs.Add(name, n, "invalid UTF-8")
		}
	}
}

// checkFailure is the error of a check that found problems: a line that
// counts them, then one line each.
func checkFailure(what string, errs linefile.List) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d %s", what, len(errs), plural(len(errs), "error", "errors"))
	for _, le := range errs {
		b.WriteByte('\n')
		b.WriteString(le.Error())
	}
	return errors.New(b.String())
}

// A dictFS is a folder of dictionary files gathered from several file
// systems (the embedded files and a folder on disk): each name is read from
// the file system it maps to.
type dictFS map[string]fs.FS

func (d dictFS) Open(name string) (fs.File, error) {
	src, ok := d[name]
	if !ok {
		if name == "." {
			return nil, &fs.PathError{Op: "open", Path: name, Err: errors.ErrUnsupported}
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return src.Open(name)
}

// ReadDir lists the files of the root, in name order.
func (d dictFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	var out []fs.DirEntry
	for _, n := range slices.Sorted(maps.Keys(d)) {
		fi, err := fs.Stat(d[n], n)
		if err != nil {
			return nil, err
		}
		out = append(out, fs.FileInfoToDirEntry(fi))
	}
	return out, nil
}

var _ fs.ReadDirFS = dictFS{}

// isOverlay reports whether dir is laid out as --dict reads it: an actor
// or event subfolder of additions to the embedded dictionaries.
func isOverlay(dir string) bool {
	for _, sub := range []string{"actor", "event"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// checkOverlay loads dir as 'sitrep code --dict dir' does and reports what
// it found, or every problem.
func checkOverlay(e *env, dir string) error {
	c, err := loadCoder(dir)
	if err != nil {
		var de *dictError
		if errors.As(err, &de) {
			return checkFailure(dir, de.errs)
		}
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s: ok as additions to the embedded dictionaries: actors %d entries, %d names; verbs %d blocks\n",
		dir, len(c.Actors.Entries()), c.Actors.Len(), len(c.Verbs.Blocks))
	return err
}
