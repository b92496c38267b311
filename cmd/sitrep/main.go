package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed
	exitUsage   = 2 // the command line was wrong
)

const usage = `Usage: sitrep COMMAND [ARGS]

sitrep turns conflict news into event data.

Commands:
  parse                 split, tag, lemmatize and parse text or CoNLL-U
  code                  code the events of news articles: who did what to whom
  ingest                code articles into a database: dedup, merge events, resume
  worker                code and store the articles queued by 'ingest --queue'
  status                show a distributed ingest: queue, workers, dead letters
  export                write a database's events as GDELT, PLOVER, ACLED, GeoJSON or CSV
  serve                 serve a database: the HTTP API and the web view
  demo                  ingest the embedded sample corpus and serve it
  eval ud               score the tagger and parser on a UD treebank
  eval petrarch         score the event coder on a PETRARCH validation suite
  train                 train the tagger, lemmatizer and parser on UD English EWT
  bench                 measure the main job end to end: articles/s, memory
  bench nlp             measure the speed of the NLP pipeline
  dict lookup           show the actors and places a text names, with their codes
  dict check            validate dictionary files, reporting every bad line
  dict import-petrarch  convert a PETRARCH dictionary to sitrep's format
  version               print the version of sitrep
  help                  print help on a command

Run 'sitrep help COMMAND' for a command's flags.
`

// An env is what a command may use of the outside world besides its
// arguments and the file system.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	name           string // the command being run, e.g. "eval ud"
}

// warnf prints a one-line warning about the input named in on stderr.
func (e *env) warnf(in, format string, args ...any) {
	fmt.Fprintf(e.stderr, "sitrep: %s: %s: warning: %s\n", e.name, in, fmt.Sprintf(format, args...))
}

// A command is one subcommand of sitrep. Each lives in its own file.
type command interface {
	// flagSet returns the command's flags, bound to the command's fields.
	flagSet() *flag.FlagSet
	// synopsis is the one-line usage, e.g. "sitrep parse [flags] FILE|-".
	synopsis() string
	// help is the text printed after the synopsis by 'sitrep help'.
	help() string
	// run runs the command on its positional arguments.
	run(ctx context.Context, e *env, args []string) error
}

// A usageError is a mistake on the command line; it exits with status 2.
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// lookup returns the command that args start with, its name and the
// arguments after the name. It returns a nil command and a usage error when
// args name no command.
func lookup(args []string) (command, string, []string, error) {
	if len(args) == 0 {
		return nil, "", nil, usagef("no command")
	}
	name, rest := args[0], args[1:]
	switch name {
	case "parse":
		return &parseCommand{}, name, rest, nil
	case "serve":
		return &serveCommand{}, name, rest, nil
	case "demo":
		return &demoCommand{}, name, rest, nil
	case "export":
		return &exportCommand{}, "export", rest, nil
	case "ingest":
		return &ingestCommand{}, "ingest", rest, nil
	case "code":
		return &codeCommand{}, name, rest, nil
	case "worker":
		return &workerCommand{}, name, rest, nil
	case "status":
		return &statusCommand{}, name, rest, nil
	case "train":
		return &trainCommand{}, name, rest, nil
	case "eval":
		if len(rest) == 0 || strings.HasPrefix(rest[0], "-") {
			return nil, name, rest, usagef("eval: missing what to evaluate: want 'eval ud' or 'eval petrarch'")
		}
		switch rest[0] {
		case "ud":
			return &evalUDCommand{}, "eval ud", rest[1:], nil
		case "petrarch":
			return &evalPetrarchCommand{}, "eval petrarch", rest[1:], nil
		}
		return nil, name, rest, usagef("eval: unknown evaluation %q: want 'eval ud' or 'eval petrarch'", rest[0])
	case "bench":
		// The stage is optional; the only one so far, nlp, is the default.
		if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
			switch rest[0] {
			case "nlp":
				return &benchNLPCommand{}, "bench nlp", rest[1:], nil
			case "ingest":
				return &benchIngestCommand{}, "bench", rest[1:], nil
			}
			return nil, name, rest, usagef("bench: unknown stage %q: want 'bench ingest' or 'bench nlp'", rest[0])
		}
		return &benchIngestCommand{}, "bench", rest, nil
	case "dict":
		return lookupDict(rest)
	case "version":
		return &versionCommand{}, name, rest, nil
	}
	return nil, name, rest, usagef("unknown command %q", name)
}

// run runs the sitrep command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && isHelp(args[0]) {
		return runHelp(args[1:], stdout, stderr)
	}
	if len(args) == 2 && (args[0] == "eval" || args[0] == "dict") && isHelp(args[1]) {
		return runHelp(args[:1], stdout, stderr)
	}
	cmd, name, rest, err := lookup(args)
	if err != nil {
		if len(args) == 0 {
			fmt.Fprint(stderr, usage)
			return exitUsage
		}
		hint := "Run 'sitrep help' for the list of commands."
		if name == "eval" || name == "bench" || name == "dict" {
			hint = "Run 'sitrep help " + name + "' for usage."
		}
		fmt.Fprintf(stderr, "sitrep: %v\n%s\n", err, hint)
		return exitUsage
	}
	e := &env{
		stdin:  stdin,
		stdout: stdout,
		stderr: stderr,
		log:    slog.New(slog.NewTextHandler(stderr, nil)),
		name:   name,
	}
	fs := cmd.flagSet()
	pos, err := parseFlags(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		printHelp(stdout, cmd)
		return exitOK
	}
	if err == nil {
		err = cmd.run(ctx, e, pos)
	}
	var uerr *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &uerr) || isFlagError(err):
		fmt.Fprintf(stderr, "sitrep: %s: %v\nUsage: %s\nRun 'sitrep help %s' for details.\n",
			name, err, cmd.synopsis(), name)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "sitrep: %s: %v\n", name, err)
		return exitFailure
	}
}

// flagError marks an error from flag.FlagSet.Parse.
type flagError struct{ err error }

// Error rewrites the flag package's messages to the double-dash spelling
// sitrep documents ("unknown flag --x", "flag needs an argument: --x").
func (f *flagError) Error() string {
	msg := f.err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag --" + name
	}
	return singleDash.ReplaceAllString(msg, "$1--$2")
}

// singleDash matches a flag name spelled with one dash in a flag package
// error.
var singleDash = regexp.MustCompile(`(^| )-([A-Za-z][A-Za-z0-9-]*)`)

func (f *flagError) Unwrap() error { return f.err }

func isFlagError(err error) bool {
	var f *flagError
	return errors.As(err, &f)
}

// parseFlags parses args with fs and returns the positional arguments.
// Unlike fs.Parse it also accepts flags after positional arguments
// ("parse FILE --format json"); everything after "--" is positional.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard) // run prints errors in its own format
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &flagError{err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func isHelp(arg string) bool {
	return arg == "help" || arg == "-h" || arg == "-help" || arg == "--help"
}

// runHelp prints the help on the command named by args, or the list of
// commands.
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if len(args) == 1 {
		switch args[0] {
		case "eval":
			fmt.Fprint(stdout, evalUsage)
			return exitOK
		case "dict":
			fmt.Fprint(stdout, dictUsage)
			return exitOK
		}
	}
	cmd, _, rest, err := lookup(args)
	if err != nil || len(rest) > 0 {
		fmt.Fprintf(stderr, "sitrep: help: unknown command %q\nRun 'sitrep help' for the list of commands.\n",
			strings.Join(args, " "))
		return exitUsage
	}
	printHelp(stdout, cmd)
	return exitOK
}

func printHelp(w io.Writer, cmd command) {
	fmt.Fprintf(w, "Usage: %s\n\n%s", cmd.synopsis(), cmd.help())
}

// evalUsage is the help on 'sitrep eval' without an evaluation.
const evalUsage = `Usage: sitrep eval EVALUATION [ARGS]

Evaluations:
  ud        score the tagger and parser on a UD treebank with gold tokenization
  petrarch  score the event coder on a PETRARCH validation suite

Run 'sitrep help eval ud' or 'sitrep help eval petrarch' for their flags.
`
