package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// ReadText makes an article of plain text: the first non-blank line is the
// title, and Text is the whole input, title line included, so that offsets
// into it are offsets into the file. origin names the input. Invalid UTF-8
// reads as U+FFFD.
func ReadText(r io.Reader, origin string) (*Article, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	a, err := textArticle(strings.ToValidUTF8(string(data), string(utf8.RuneError)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin, err)
	}
	a.Origin = origin
	return a, nil
}

// textArticle makes an article of valid UTF-8 text whose first non-blank
// line is the title.
func textArticle(text string) (*Article, error) {
	title := strings.TrimSpace(text)
	if i := strings.IndexByte(title, '\n'); i >= 0 {
		title = strings.TrimSpace(title[:i])
	}
	if title == "" {
		return nil, ErrEmpty
	}
	return &Article{ID: ContentID(title, text), Title: title, Text: text}, nil
}

// ErrEmpty is returned for an input with no text.
var ErrEmpty = errors.New("article: empty")

// A Record is one article of JSON input.
type Record struct {
	Title  string `json:"title"`
	Text   string `json:"text"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

// recordFields are the JSON names of each field of a Record, the first
// the proper one, the rest aliases that are accepted too. Names match
// without regard to case; fields not named here are ignored.
var recordFields = []struct {
	names []string
	field func(*Record) *string
}{
	{[]string{"title", "headline"}, func(r *Record) *string { return &r.Title }},
	{[]string{"text", "body", "content"}, func(r *Record) *string { return &r.Text }},
	{[]string{"url", "link"}, func(r *Record) *string { return &r.URL }},
	{[]string{"date", "published", "pubDate", "published_at", "datePublished"}, func(r *Record) *string { return &r.Date }},
	{[]string{"source"}, func(r *Record) *string { return &r.Source }},
}

// ParseRecord reads one JSON object as a Record. Each field may be given
// under its name or an alias (body or content for text, link for url,
// published or pubDate for date, headline for title), and must be a string
// or null; other fields are ignored. A record without title and text is
// ErrEmpty, with the fields it had.
func ParseRecord(data []byte) (Record, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return Record{}, fmt.Errorf("want a JSON object, got %s", ute.Value)
		}
		return Record{}, err
	}
	var rec Record
	for _, f := range recordFields {
		for _, name := range f.names {
			key, raw, ok := lookupFold(obj, name)
			if !ok || bytes.Equal(raw, []byte("null")) || *f.field(&rec) != "" {
				continue
			}
			if err := json.Unmarshal(raw, f.field(&rec)); err != nil {
				return Record{}, &FieldError{Field: key, Err: fmt.Errorf("want a string, got %s", jsonKind(raw))}
			}
		}
	}
	if strings.TrimSpace(rec.Title) == "" && strings.TrimSpace(rec.Text) == "" {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, fmt.Sprintf("%q", k))
		}
		if len(keys) == 0 {
			return rec, fmt.Errorf("%w: no title or text", ErrEmpty)
		}
		slices.Sort(keys)
		return rec, fmt.Errorf("%w: no title or text (fields: %s)", ErrEmpty, strings.Join(keys, ", "))
	}
	return rec, nil
}

func lookupFold(obj map[string]json.RawMessage, name string) (string, json.RawMessage, bool) {
	if raw, ok := obj[name]; ok {
		return name, raw, true
	}
	for k, raw := range obj {
		if strings.EqualFold(k, name) {
			return k, raw, true
		}
	}
	return "", nil, false
}

func jsonKind(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}

// A FieldError is a problem with one field of a record.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return fmt.Sprintf("field %q: %v", e.Field, e.Err) }
func (e *FieldError) Unwrap() error { return e.Err }

// FromRecord makes an article of a JSON record. Its date, when given, must
// be one [ParseDate] reads.
func FromRecord(rec Record) (*Article, error) {
	a, err := fromRecord(rec)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// fromRecord is FromRecord that keeps an article whose date is bad: it
// returns the article, without a date, and the date's error.
func fromRecord(rec Record) (*Article, error) {
	rec.Text = strings.ToValidUTF8(rec.Text, string(utf8.RuneError))
	rec.Title = strings.ToValidUTF8(strings.TrimSpace(rec.Title), string(utf8.RuneError))
	if strings.TrimSpace(rec.Text) == "" && rec.Title == "" {
		return nil, ErrEmpty
	}
	a := &Article{ID: ContentID(rec.Title, rec.Text), Title: rec.Title, Text: rec.Text,
		URL: strings.TrimSpace(rec.URL), Source: strings.TrimSpace(rec.Source)}
	if strings.TrimSpace(rec.Date) != "" {
		d, err := ParseDate(rec.Date)
		if err != nil {
			return a, &FieldError{Field: "date", Err: err}
		}
		a.Date, a.DateFrom = d, DateMetadata
	}
	return a, nil
}

// A JSONLReader reads articles from JSON Lines: one JSON object a line
// with the fields of [Record] (see [ParseRecord]). A line that is not such
// an object is an error naming the line; reading goes on with the next
// line. A line that is not UTF-8 is read as Windows-1252 or has its bad
// bytes replaced (see Recoded).
type JSONLReader struct {
	// Name identifies the input in errors and in Article.Origin.
	Name string
	// MaxLine is the longest line read, in bytes; a longer one is a
	// *SizeError and is skipped. Zero means DefaultMaxSize.
	MaxLine int64
	// Recoded counts the lines that were not valid UTF-8.
	Recoded int

	br      *bufio.Reader
	line    int
	done    bool     // the input failed; Read reports io.EOF from now on
	pending *Article // an article to return after a warning about it
}

// NewJSONLReader returns a reader of r; name identifies it in errors.
func NewJSONLReader(r io.Reader, name string) *JSONLReader {
	return &JSONLReader{Name: name, br: bufio.NewReaderSize(r, 64<<10)}
}

// Read returns the next article, io.EOF at the end, or an error for a bad
// line (an *Error), after which Read may be called again. A record whose
// date cannot be read is returned without a date, after an *Error that is
// a warning ([IsWarning]) naming the field. An input that cannot be read
// further (an I/O error) is reported once, at the line it stopped on, and
// then ends.
func (j *JSONLReader) Read() (*Article, error) {
	if a := j.pending; a != nil {
		j.pending = nil
		return a, nil
	}
	if j.done {
		return nil, io.EOF
	}
	limit := j.MaxLine
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	for {
		data, size, err := readLine(j.br, limit)
		if err == io.EOF && size == 0 {
			return nil, io.EOF
		}
		j.line++
		if err != nil && err != io.EOF {
			j.done = true
			return nil, &Error{Name: j.Name, Line: j.line, Err: err}
		}
		if size > limit {
			return nil, &Error{Name: j.Name, Line: j.line, Err: &SizeError{Size: size, Limit: limit}}
		}
		data = bytes.TrimSpace(data)
		if len(data) == 0 {
			if err == io.EOF {
				return nil, io.EOF
			}
			continue
		}
		if !utf8.Valid(data) {
			j.Recoded++
			text, _ := toUTF8(data)
			data = []byte(text)
		}
		a, rerr := recordArticle(data)
		origin := fmt.Sprintf("%s:%d", j.Name, j.line)
		if a == nil {
			return nil, &Error{Name: j.Name, Line: j.line, Err: rerr}
		}
		a.Origin = origin
		if rerr != nil {
			j.pending = a
			return nil, &Error{Name: j.Name, Line: j.line, Err: rerr, Warning: true}
		}
		return a, nil
	}
}

// recordArticle makes an article of one JSON object; see fromRecord.
func recordArticle(data []byte) (*Article, error) {
	rec, err := ParseRecord(data)
	if err != nil {
		return nil, err
	}
	return fromRecord(rec)
}

// readLine reads one line of br without its newline, keeping at most limit
// bytes of it; size is the line's full length. At the end of the input it
// returns io.EOF with the last line, if any.
func readLine(br *bufio.Reader, limit int64) (line []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= limit+1 {
			line = append(line, chunk...)
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			line = bytes.TrimSuffix(line, []byte("\n"))
			return line, size - 1, nil
		default:
			return line, size, err
		}
	}
}

// An Error is a problem with one input, or one line or item of it. Reading
// goes on after it.
type Error struct {
	// Name is the input: a path, a URL or "stdin".
	Name string
	// Line is the line the problem is on, 0 when it is not about a line.
	Line int
	// Item names the item of a feed or JSON array at fault ("item 3
	// (https://…)"), "" when none.
	Item string
	// Warning is true for a problem that lost nothing: the input or item
	// was read, perhaps without a field or with its encoding repaired.
	Warning bool
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Item != "" {
		b.WriteString(": " + e.Item)
	}
	if e.Warning {
		b.WriteString(": warning")
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// IsWarning reports whether err is an *Error that is a warning: the
// input it names was read nonetheless.
func IsWarning(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Warning
}
