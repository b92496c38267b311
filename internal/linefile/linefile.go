// Package linefile reads the line-oriented data files sitrep's dictionaries
// are kept in, and collects every error with its file and line.
//
// A data file is UTF-8 text. '#' starts a comment that runs to the end of
// the line (unless escaped as "\#"), blank lines are skipped, and leading
// and trailing white space is trimmed. A [Scanner] hands out the remaining
// lines with their numbers; loaders report problems with [List.Add] and
// go on, so that one run reports every bad line, as
// "verbs.txt:212: unknown CAMEO code \"1999\"".
package linefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// An Error is a problem at one line of a data file.
type Error struct {
	File string
	Line int // 1-based; 0 for the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// A List collects the errors of one or more files.
type List []*Error

// Add records a problem at file:line.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Err returns nil for an empty list, else the list sorted by file and line.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	slices.SortStableFunc(l, func(a, b *Error) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return l
}

// Error prints one error a line; more than maxPrinted are summarized.
func (l List) Error() string {
	const maxPrinted = 50
	var b strings.Builder
	for i, e := range l {
		if i == maxPrinted {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-maxPrinted)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As look at every error of the list.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// ErrTooLong is reported for a line over MaxLine bytes.
var ErrTooLong = errors.New("linefile: line too long")

// MaxLine is the longest line a Scanner accepts.
const MaxLine = 1 << 20

// A Scanner reads the content lines of a data file.
type Scanner struct {
	// File names the input in errors.
	File string

	sc   *bufio.Scanner
	line int
	text string
	err  error
}

// NewScanner returns a Scanner reading r, which file names.
func NewScanner(r io.Reader, file string) *Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), MaxLine)
	return &Scanner{File: file, sc: sc}
}

// Scan advances to the next line that has content after comments are
// removed, and reports whether there is one.
func (s *Scanner) Scan() bool {
	for s.sc.Scan() {
		s.line++
		raw := s.sc.Text()
		if s.line == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		if t := StripComment(raw); t != "" {
			s.text = t
			return true
		}
	}
	if err := s.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = ErrTooLong
		}
		s.err = &Error{File: s.File, Line: s.line + 1, Msg: err.Error()}
	}
	return false
}

// Text returns the current line, comment removed and trimmed.
func (s *Scanner) Text() string { return s.text }

// Line returns the current line's number.
func (s *Scanner) Line() int { return s.line }

// Err returns the read error that stopped the scan, if any, as an *Error.
func (s *Scanner) Err() error { return s.err }

// StripComment removes a '#' comment from line, honouring "\#" as a literal
// '#', and trims white space.
func StripComment(line string) string {
	if !strings.Contains(line, "#") {
		return strings.TrimSpace(line)
	}
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '\\' && i+1 < len(line) && line[i+1] == '#' {
			b.WriteByte('#')
			i++
			continue
		}
		if c == '#' {
			break
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String())
}
