package article

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// ReadText makes an article of plain text: the first non-blank line is the
// title, and Text is the whole input, title line included, so that offsets
// into it are offsets into the file. origin names the input.
func ReadText(r io.Reader, origin string) (*Article, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	text := strings.ToValidUTF8(string(data), string(utf8.RuneError))
	title := strings.TrimSpace(text)
	if i := strings.IndexByte(title, '\n'); i >= 0 {
		title = strings.TrimSpace(title[:i])
	}
	if title == "" {
		return nil, fmt.Errorf("%s: %w", origin, ErrEmpty)
	}
	return &Article{ID: ContentID(title, text), Title: title, Text: text, Origin: origin}, nil
}

// ErrEmpty is returned for an input with no text.
var ErrEmpty = errors.New("article: empty")

// A Record is one line of JSON Lines input.
type Record struct {
	Title  string `json:"title"`
	Text   string `json:"text"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

// A JSONLReader reads articles from JSON Lines: one object a line with the
// fields of [Record]. A line that is not such an object is an error naming
// the line; reading goes on with the next line.
type JSONLReader struct {
	// Name identifies the input in errors and in Article.Origin.
	Name string

	sc   *bufio.Scanner
	line int
	done bool // the input failed; Read reports io.EOF from now on
}

// NewJSONLReader returns a reader of r; name identifies it in errors.
func NewJSONLReader(r io.Reader, name string) *JSONLReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 64<<20)
	return &JSONLReader{Name: name, sc: sc}
}

// Read returns the next article, io.EOF at the end, or an error for a bad
// line (a *LineError), after which Read may be called again. An input that
// cannot be read further (an I/O error, a line over 64 MiB) is reported
// once, as a LineError at the line it stopped on, and then ends.
func (j *JSONLReader) Read() (*Article, error) {
	if j.done {
		return nil, io.EOF
	}
	for j.sc.Scan() {
		j.line++
		line := strings.TrimSpace(j.sc.Text())
		if line == "" {
			continue
		}
		var rec Record
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			return nil, &LineError{Name: j.Name, Line: j.line, Err: err}
		}
		a, err := FromRecord(rec)
		if err != nil {
			return nil, &LineError{Name: j.Name, Line: j.line, Err: err}
		}
		a.Origin = fmt.Sprintf("%s:%d", j.Name, j.line)
		return a, nil
	}
	if err := j.sc.Err(); err != nil {
		j.done = true
		return nil, &LineError{Name: j.Name, Line: j.line + 1, Err: err}
	}
	return nil, io.EOF
}

// A LineError is a problem with one line of an input.
type LineError struct {
	Name string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// FromRecord makes an article of a JSON record. Its date must be
// YYYY-MM-DD or RFC 3339 when given.
func FromRecord(rec Record) (*Article, error) {
	rec.Text = strings.ToValidUTF8(rec.Text, string(utf8.RuneError))
	rec.Title = strings.ToValidUTF8(strings.TrimSpace(rec.Title), string(utf8.RuneError))
	if strings.TrimSpace(rec.Text) == "" && rec.Title == "" {
		return nil, ErrEmpty
	}
	a := &Article{ID: ContentID(rec.Title, rec.Text), Title: rec.Title, Text: rec.Text,
		URL: rec.URL, Source: rec.Source}
	if rec.Date != "" {
		d, err := ParseDate(rec.Date)
		if err != nil {
			return nil, err
		}
		a.Date, a.DateFrom = d, DateMetadata
	}
	return a, nil
}

// ParseDate reads a date given as YYYY-MM-DD or as an RFC 3339 timestamp.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, nil
	}
	if d, err := time.Parse(time.RFC3339, s); err == nil {
		return d.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD or RFC 3339", s)
}
