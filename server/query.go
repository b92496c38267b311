package server

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitrep/event"
	"sitrep/store"
)

// Page sizes of GET /api/events.
const (
	defaultLimit = 100
	maxLimit     = 1000
	// maxText bounds the full-text query, in bytes.
	maxText = 500
)

// filterParams are the query parameters that select events, in the order
// the OpenAPI document lists them; pageParams the ones that page through
// them.
var (
	filterParams = []string{"actor", "country", "root", "cameo", "plover", "from", "to", "bbox", "q"}
	pageParams   = []string{"limit", "cursor"}
)

// A paramError is a bad query parameter; its message names the parameter
// and says what was wanted.
type paramError struct {
	name, want string
}

func (e *paramError) Error() string {
	return fmt.Sprintf("bad parameter %q: %s", e.name, e.want)
}

func bad(name, format string, args ...any) *paramError {
	return &paramError{name: name, want: fmt.Sprintf(format, args...)}
}

// A filter is a store.Query read from request parameters, with the CAMEO
// code the store cannot select by itself.
type filter struct {
	store.Query
	// Cameo is a CAMEO code prefix ("19", "190", "1951"); "" for any.
	Cameo string
}

// match reports whether e passes the parts of f the store does not check.
func (f *filter) match(e *store.Event) bool {
	return f.Cameo == "" || strings.HasPrefix(e.CAMEO, f.Cameo)
}

// parseFilter reads the event filters from v, and the page parameters too
// when paged is set. Every parameter may be given once; any other
// parameter, and one given twice, is an error, so that a misspelt filter
// is not silently ignored.
func parseFilter(v url.Values, paged bool, extra ...string) (*filter, error) {
	allowed := append(slices.Clone(filterParams), extra...)
	if paged {
		allowed = append(allowed, pageParams...)
	}
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	slices.Sort(names) // report the same parameter every time
	for _, name := range names {
		if !slices.Contains(allowed, name) {
			return nil, bad(name, "unknown parameter (want one of %s)", strings.Join(allowed, ", "))
		}
		if len(v[name]) > 1 {
			return nil, bad(name, "given %d times, want once", len(v[name]))
		}
	}
	f := &filter{}
	if s := v.Get("actor"); s != "" {
		s = strings.ToUpper(s)
		if len(s) > 64 || !alnum(s) {
			return nil, bad("actor", "want a CAMEO actor code or its prefix (letters and digits, as SYR or SYRGOV)")
		}
		f.Actor = s
	}
	if s := v.Get("country"); s != "" {
		s = strings.ToUpper(s)
		if len(s) != 3 || !letters(s) {
			return nil, bad("country", "want an ISO 3166-1 alpha-3 code (as SYR)")
		}
		f.Country = s
	}
	if v.Get("root") != "" && v.Get("cameo") != "" {
		return nil, bad("cameo", "give root or cameo, not both")
	}
	if s := v.Get("root"); s != "" {
		n, err := strconv.Atoi(s)
		if len(s) != 2 || err != nil || n < 1 || n > 20 {
			return nil, bad("root", "want a CAMEO root, two digits from 01 to 20")
		}
		f.Root = s
	}
	if s := v.Get("cameo"); s != "" {
		n, err := strconv.Atoi(s[:min(2, len(s))])
		if len(s) < 2 || len(s) > 4 || !digits(s) || err != nil || n < 1 || n > 20 {
			return nil, bad("cameo", "want a CAMEO event code or its prefix, 2 to 4 digits (as 19 or 190)")
		}
		f.Root, f.Cameo = s[:2], s
	}
	if s := v.Get("plover"); s != "" {
		s = strings.ToUpper(s)
		if !slices.Contains(event.PloverTypes(), s) {
			return nil, bad("plover", "want a PLOVER event type: %s", strings.Join(event.PloverTypes(), ", "))
		}
		f.Plover = s
	}
	for _, name := range []string{"from", "to"} {
		s := v.Get(name)
		if s == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return nil, bad(name, "want YYYY-MM-DD")
		}
		if name == "from" {
			f.From = s
		} else {
			f.To = s
		}
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		return nil, bad("to", "want a date on or after from (%s)", f.From)
	}
	if v.Get("bbox") != "" {
		b, err := parseBBox(v.Get("bbox"))
		if err != nil {
			return nil, err
		}
		f.BBox = b
	}
	if v.Get("q") != "" {
		t, err := ftsQuery(v.Get("q"))
		if err != nil {
			return nil, err
		}
		f.Text = t
	}
	if !paged {
		return f, nil
	}
	f.Limit = defaultLimit
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return nil, bad("limit", "want a whole number from 1 to %d", maxLimit)
		}
		f.Limit = n
	}
	f.Cursor = v.Get("cursor")
	return f, nil
}

// parseBBox reads minLon,minLat,maxLon,maxLat. A box whose minLon is
// above its maxLon crosses the antimeridian.
func parseBBox(s string) (*[4]float64, error) {
	const want = "want minLon,minLat,maxLon,maxLat in degrees"
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, bad("bbox", "%s (4 numbers, got %d)", want, len(parts))
	}
	var b [4]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || x != x { // NaN
			return nil, bad("bbox", "%s (%q is not a number)", want, p)
		}
		b[i] = x
	}
	switch {
	case b[0] < -180 || b[0] > 180 || b[2] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90:
		return nil, bad("bbox", "%s (longitudes within ±180, latitudes within ±90)", want)
	case b[1] > b[3]:
		return nil, bad("bbox", "%s (minLat not above maxLat)", want)
	}
	return &b, nil
}

// ftsQuery turns the words of q into a full-text query in which every
// word must occur: words are quoted, so that no character of q is read as
// query syntax; "a phrase in double quotes" must occur as written, and a
// word or phrase ending in * matches as a prefix ("shell*").
func ftsQuery(q string) (string, error) {
	if len(q) > maxText {
		return "", bad("q", "want at most %d bytes of text", maxText)
	}
	var terms []string
	add := func(t string, prefix bool) {
		if strings.IndexFunc(t, isWordRune) < 0 {
			return // punctuation alone matches nothing
		}
		t = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
	}
	for rest := strings.TrimSpace(q); rest != ""; rest = strings.TrimSpace(rest) {
		var t string
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				t, rest = rest[1:], ""
			} else {
				t, rest = rest[1:1+end], rest[2+end:]
			}
		} else {
			end := strings.IndexAny(rest, " \t\r\n\"")
			if end < 0 {
				end = len(rest)
			}
			t, rest = rest[:end], rest[end:]
		}
		prefix := false
		if strings.HasPrefix(rest, "*") {
			prefix, rest = true, rest[1:]
		} else if strings.HasSuffix(t, "*") {
			prefix, t = true, strings.TrimRight(t, "*")
		}
		add(strings.TrimSpace(t), prefix)
	}
	if len(terms) == 0 {
		return "", bad("q", "want at least one word")
	}
	return strings.Join(terms, " "), nil
}

func isWordRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

func letters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return s != ""
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
