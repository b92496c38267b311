package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"sitrep/actor"
	"sitrep/event"
	"sitrep/internal/linefile"
)

// loadCoder returns the event coder with sitrep's embedded dictionaries,
// or, when dir is not "", with the user's dictionaries in dir laid over
// them: dir/actor/*.txt over actor/data and dir/event/*.txt over
// event/data. A file of dir replaces the embedded file of the same name,
// the others are added; a missing subfolder leaves the defaults. Every bad
// line of every file is reported, in a *dictError.
func loadCoder(dir string) (*event.Coder, error) {
	if dir == "" {
		c, err := event.NewCoder()
		if err != nil {
			return nil, fmt.Errorf("embedded dictionaries: %w", err)
		}
		return c, nil
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("--dict %w", pathError(dir, err))
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("--dict %s: %w", dir, syscall.ENOTDIR)
	}
	actors, err := newOverlay(actor.DefaultFS(), "actor/data", filepath.Join(dir, "actor"))
	if err != nil {
		return nil, err
	}
	events, err := newOverlay(event.DefaultFS(), "event/data", filepath.Join(dir, "event"))
	if err != nil {
		return nil, err
	}
	if actors.top == nil && events.top == nil {
		return nil, fmt.Errorf("--dict %s: no actor or event folder in it", dir)
	}
	var errs linefile.List
	d, err := actor.Load(actors)
	actors.addErrors(&errs, err)
	c, err := event.LoadCoder(events, d)
	events.addErrors(&errs, err)
	if len(errs) > 0 {
		return nil, &dictError{dir: dir, errs: errs}
	}
	return c, nil
}

// A dictError lists every problem found in a folder of dictionaries.
type dictError struct {
	dir  string
	errs linefile.List
}

// Error prints a line that counts the problems, then one line each, all of
// them (linefile.List.Error stops at 50).
func (e *dictError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "--dict %s: %d %s", e.dir, len(e.errs), plural(len(e.errs), "error", "errors"))
	for _, le := range e.errs {
		b.WriteString("\n" + le.Error())
	}
	return b.String()
}

// An overlayFS is a folder of dictionary files: every file at the root of
// top, and every file at the root of base that top has no file of the same
// name for. Only the root is listed and read.
type overlayFS struct {
	base     fs.FS
	baseName string // base's name in errors ("actor/data")
	top      fs.FS  // nil when the folder does not exist
	topDir   string
}

// newOverlay lays the folder dir, when it exists, over base.
func newOverlay(base fs.FS, baseName, dir string) (*overlayFS, error) {
	o := &overlayFS{base: base, baseName: baseName, topDir: dir}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return o, nil
	case err != nil:
		return nil, fmt.Errorf("--dict %w", pathError(dir, err))
	case !fi.IsDir():
		return nil, fmt.Errorf("--dict %s: %w", dir, syscall.ENOTDIR)
	}
	o.top = os.DirFS(dir)
	return o, nil
}

func (o *overlayFS) Open(name string) (fs.File, error) {
	if o.top != nil && name != "." {
		f, err := o.top.Open(name)
		if !errors.Is(err, fs.ErrNotExist) {
			return f, err
		}
	}
	return o.base.Open(name)
}

// ReadDir lists the root: the files of both, top's where both have one.
func (o *overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	files := map[string]fs.DirEntry{}
	for _, fsys := range []fs.FS{o.base, o.top} {
		if fsys == nil {
			continue
		}
		ents, err := fs.ReadDir(fsys, ".")
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			files[e.Name()] = e
		}
	}
	out := make([]fs.DirEntry, 0, len(files))
	for _, n := range slices.Sorted(maps.Keys(files)) {
		out = append(out, files[n])
	}
	return out, nil
}

// path returns where the file name comes from, for errors:
// "DIR/actor/people.txt" or "actor/data/people.txt".
func (o *overlayFS) path(name string) string {
	if o.top != nil {
		if _, err := fs.Stat(o.top, name); err == nil {
			return filepath.Join(o.topDir, name)
		}
	}
	return path.Join(o.baseName, name)
}

// addErrors adds a loader's errors to errs, each line's file named by
// where it comes from.
func (o *overlayFS) addErrors(errs *linefile.List, err error) {
	if err == nil {
		return
	}
	var l linefile.List
	if !errors.As(err, &l) {
		*errs = append(*errs, &linefile.Error{File: o.baseName, Msg: err.Error()})
		return
	}
	for _, le := range l {
		le := *le
		if _, err := fs.Stat(o, le.File); err == nil {
			le.File = o.path(le.File)
		}
		*errs = append(*errs, &le)
	}
}

var _ fs.ReadDirFS = (*overlayFS)(nil)
