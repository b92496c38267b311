package article

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// jsonValid reports whether line is one complete JSON value.
func jsonValid(line []byte) bool { return json.Valid(line) }

// readJSON reads a JSON document: one object, an array of objects, or
// JSON Lines (an object on its first line and more after). Errors name the
// line, and for arrays the item.
func (r *reader) readJSON(text, name string, yield yielder) bool {
	trimmed := strings.TrimLeft(text, " \t\r\n")
	if strings.HasPrefix(trimmed, "{") {
		if sniffFormat([]byte(trimmed)) == formatJSONL {
			return r.readJSONL(strings.NewReader(text), name, "", yield)
		}
	}
	dec := json.NewDecoder(strings.NewReader(text))
	if strings.HasPrefix(trimmed, "[") {
		return r.readJSONArray(dec, text, name, yield)
	}
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return yield(nil, jsonError(name, text, dec, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return yield(nil, &Error{Name: name, Line: lineAt(text, int(dec.InputOffset())),
			Err: errors.New("more after the JSON value; want one object, an array or JSON Lines")})
	}
	return r.giveRecord(raw, name, 0, "", yield)
}

// readJSONArray reads the items of a JSON array.
func (r *reader) readJSONArray(dec *json.Decoder, text, name string, yield yielder) bool {
	if _, err := dec.Token(); err != nil {
		return yield(nil, jsonError(name, text, dec, err))
	}
	for i := 1; dec.More(); i++ {
		line := lineAt(text, skipSpace(text, int(dec.InputOffset())))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// A syntax error leaves no place to go on from.
			return yield(nil, jsonError(name, text, dec, err))
		}
		if !r.giveRecord(raw, name, line, fmt.Sprintf("item %d", i), yield) {
			return false
		}
	}
	if _, err := dec.Token(); err != nil {
		return yield(nil, jsonError(name, text, dec, err))
	}
	return true
}

// giveRecord yields the article of one JSON object, or its error.
func (r *reader) giveRecord(raw json.RawMessage, name string, line int, item string, yield yielder) bool {
	a, err := recordArticle(raw)
	if a == nil {
		return yield(nil, &Error{Name: name, Line: line, Item: item, Err: err})
	}
	a.Origin = name
	if line > 0 {
		a.Origin = fmt.Sprintf("%s:%d", name, line)
	}
	if err != nil && !yield(nil, &Error{Name: name, Line: line, Item: item, Warning: true, Err: err}) {
		return false
	}
	r.settleDate(a, time.Time{})
	return yield(a, nil)
}

// jsonError names the line of a JSON decoding error.
func jsonError(name, text string, dec *json.Decoder, err error) error {
	off := int(dec.InputOffset())
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = errors.New("unexpected end of JSON input")
	}
	return &Error{Name: name, Line: lineAt(text, off), Err: err}
}

// lineAt returns the 1-based line of byte offset off in text.
func lineAt(text string, off int) int {
	off = max(0, min(off, len(text)))
	return strings.Count(text[:off], "\n") + 1
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space or a comma.
func skipSpace(text string, off int) int {
	for off < len(text) && strings.IndexByte(" \t\r\n,", text[off]) >= 0 {
		off++
	}
	return off
}
