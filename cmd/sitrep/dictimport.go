package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"unicode/utf8"

	"sitrep/actor"
	"sitrep/event"
	"sitrep/internal/linefile"
)

// dictImportCommand is 'sitrep dict import-petrarch'.
type dictImportCommand struct {
	out string // the file to write; "" for standard output
}

func (c *dictImportCommand) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("dict import-petrarch", flag.ContinueOnError)
	fs.StringVar(&c.out, "out", "", "")
	return fs
}

func (c *dictImportCommand) synopsis() string {
	return "sitrep dict import-petrarch [--out FILE] FILE|-"
}

func (c *dictImportCommand) help() string {
	return `Dict import-petrarch converts a PETRARCH (or TABARI) actor or agent
dictionary, FILE or standard input for "-", to sitrep's actor dictionary
format, so that it can sit beside sitrep's own files: phrases become names
("BASHAR_AL_ASSAD_" is "Bashar al Assad"), "+" synonyms join their entry,
date restrictions become periods ("[SYRGOV >000717]" is "SYRGOV
2000-07-17.."), agents get their plurals. Lines that are not valid UTF-8
are read as Windows-1252.

A line that cannot be converted (a code that is not letters and digits in
groups of three, a bad date, a record without a code, ...) is reported as
FILE:LINE: MESSAGE on standard error, every one of them; the rest is still
written, and the exit status is 1.

A PETRARCH verb dictionary (one with "--- NAME [CODE] ---" blocks) is
converted to the form sitrep keeps its own verbs in (lower-case words, no
inflection lists, each block and pattern followed by the line it came
from). It is read as PETRARCH reads it: lines it cannot read are skipped,
and codes that are not hexadecimal ("[+++]") become the null code "---";
codes outside sitrep's CAMEO ontology are dropped (a verb then takes its
block's code). Skipped lines and dropped codes are reported as above.

The result does not check its codes against sitrep's code tables; put it in
a folder and run 'sitrep dict check --defaults DIR'.

Flags:
  --out FILE  write the dictionary to FILE, replacing it (default: standard
              output)
`
}

// verbBlockRE matches the block header of a PETRARCH verb dictionary,
// "---  KILL  [190]  ---", which actor and agent dictionaries never have.
var verbBlockRE = regexp.MustCompile(`(?m)^[ \t]*---+[ \t]*[^\s\[\]-][^\[\]\n]*\[[^\]\n]*\][ \t]*---+[ \t]*\r?$`)

func (c *dictImportCommand) run(ctx context.Context, e *env, args []string) error {
	switch len(args) {
	case 0:
		return usagef("missing FILE (use - for standard input)")
	case 1:
	default:
		return usagef("want one FILE, got %d arguments", len(args))
	}
	in, err := openText(args[0], e.stdin)
	if err != nil {
		return err
	}
	data, err := in.ReadRaw()
	in.Close()
	if err != nil {
		return err
	}
	var problems []string
	var write func(io.Writer) error
	if verbBlockRE.Match(data) {
		if write, problems, err = convertVerbs(e, in.Name, data); err != nil {
			return err
		}
	} else {
		write = func(w io.Writer) error {
			err := actor.ConvertPetrarch(bytes.NewReader(data), in.Name, w)
			var l linefile.List
			if errors.As(err, &l) {
				for _, le := range l {
					problems = append(problems, le.Error())
				}
				return nil
			}
			return err
		}
	}
	dest := "standard output"
	if c.out == "" {
		err = write(e.stdout)
	} else {
		dest = c.out
		err = writeFileAtomic(c.out, write)
	}
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return droppedLines(in.Name, dest, problems)
	}
	return nil
}

// convertVerbs reads a PETRARCH verb dictionary as PETRARCH does and
// returns what writes it in sitrep's form, and the lines skipped and codes
// dropped on the way, each "file:line: message".
func convertVerbs(e *env, name string, data []byte) (func(io.Writer) error, []string, error) {
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		e.warnf(name, "replaced invalid UTF-8 with U+FFFD")
	}
	d, err := event.ReadVerbs(bytes.NewReader(data), name, event.VerbOptions{Lenient: true})
	if err != nil {
		return nil, nil, err
	}
	o, err := event.DefaultOntology()
	if err != nil {
		return nil, nil, fmt.Errorf("embedded ontology: %w", err)
	}
	var problems []string
	for _, w := range d.Warnings {
		problems = append(problems, w.Error())
	}
	problems = append(problems, event.CleanVerbs(d, o.Valid)...)
	header := fmt.Sprintf("Converted from the PETRARCH verb dictionary %s by sitrep dict import-petrarch.\n"+
		"Format: PETRARCH verb dictionary syntax, as package event reads it.", name)
	write := func(w io.Writer) error { return event.WriteVerbs(w, d, header) }
	return write, problems, nil
}

// droppedLines is the error of a conversion that left something out: a
// line that counts the lines at fault, then the problems, each
// "file:line: message".
func droppedLines(in, dest string, problems []string) error {
	lines := map[string]bool{}
	for _, p := range problems {
		if i := strings.Index(p, ": "); i >= 0 {
			p = p[:i]
		}
		lines[p] = true
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d %s not converted in full; the rest was written to %s", in, len(lines),
		plural(len(lines), "line", "lines"), dest)
	for _, p := range problems {
		b.WriteByte('\n')
		b.WriteString(p)
	}
	return errors.New(b.String())
}

// writeFileAtomic writes a file through a temporary file in the same
// folder, renamed to path only when write succeeds, so that a failure never
// leaves half a file behind.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: %w", path, syscall.EISDIR)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return pathError(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriter(tmp)
	if err := write(w); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
