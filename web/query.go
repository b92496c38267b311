package web

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sitrep/event"
	"sitrep/store"
)

// A ParamError is a bad URL parameter; the endpoints answer it with 400
// and its message, and the page shows the message.
type ParamError struct {
	Param, Value, Problem string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("bad %s %q: %s", e.Param, e.Value, e.Problem)
}

// maxText bounds the full-text query, in bytes.
const maxText = 500

// ParseQuery reads the event filters of the API from URL parameters:
// actor (a CAMEO actor code prefix), country (ISO alpha-3), root (CAMEO
// root, 01–20), plover (a PLOVER type), from and to (YYYY-MM-DD), bbox
// (minLon,minLat,maxLon,maxLat) and q (full text). Codes are upper-cased.
// Every bad parameter is reported, joined into one error of *ParamError.
func ParseQuery(v url.Values) (store.Query, error) {
	var q store.Query
	var errs []error
	bad := func(p, val, problem string) { errs = append(errs, &ParamError{p, val, problem}) }
	if s := strings.TrimSpace(v.Get("actor")); s != "" {
		s = strings.ToUpper(s)
		if !isCode(s, 3, 30) {
			bad("actor", s, "want a CAMEO actor code or its start, letters and digits (SYR, SYRGOV, IGOUNO)")
		}
		q.Actor = s
	}
	if s := strings.TrimSpace(v.Get("country")); s != "" {
		s = strings.ToUpper(s)
		if !isCode(s, 3, 3) || strings.ContainsAny(s, "0123456789") {
			bad("country", s, "want an ISO 3166-1 alpha-3 code (SYR)")
		}
		q.Country = s
	}
	if s := strings.TrimSpace(v.Get("root")); s != "" {
		if n, err := strconv.Atoi(s); err != nil || len(s) != 2 || n < 1 || n > 20 {
			bad("root", s, "want a CAMEO root, 01 to 20")
		}
		q.Root = s
	}
	if s := strings.TrimSpace(v.Get("plover")); s != "" {
		s = strings.ToUpper(s)
		if !isPlover(s) {
			bad("plover", s, "want a PLOVER type ("+strings.Join(event.PloverTypes(), ", ")+")")
		}
		q.Plover = s
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"from", &q.From}, {"to", &q.To}} {
		s := strings.TrimSpace(v.Get(p.name))
		if s == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			bad(p.name, s, "want a date YYYY-MM-DD")
			continue
		}
		*p.dst = s
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		bad("to", q.To, "before from "+q.From)
	}
	if s := strings.TrimSpace(v.Get("bbox")); s != "" {
		b, err := parseBBox(s)
		if err != nil {
			bad("bbox", s, err.Error())
		} else {
			q.BBox = &b
		}
	}
	if s := strings.TrimSpace(v.Get("q")); s != "" {
		if len(s) > maxText {
			bad("q", s[:40]+"…", fmt.Sprintf("longer than %d bytes", maxText))
		}
		q.Text = s
	}
	return q, errors.Join(errs...)
}

// parseBBox reads minLon,minLat,maxLon,maxLat.
func parseBBox(s string) ([4]float64, error) {
	var b [4]float64
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return b, errors.New("want minLon,minLat,maxLon,maxLat")
	}
	for i, x := range f {
		v, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return b, errors.New("want four numbers minLon,minLat,maxLon,maxLat")
		}
		b[i] = v
	}
	switch {
	case b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90:
		return b, errors.New("longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
	case b[0] > b[2] || b[1] > b[3]:
		return b, errors.New("the minimum is above the maximum")
	}
	return b, nil
}

func isCode(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func isPlover(s string) bool {
	for _, t := range event.PloverTypes() {
		if t == s {
			return true
		}
	}
	return false
}

// key is a cache key of the filters that select events.
func key(q store.Query) string {
	b := "-"
	if q.BBox != nil {
		b = fmt.Sprint(*q.BBox)
	}
	return strings.Join([]string{q.Actor, q.Country, q.Root, q.Plover, q.From, q.To, b, q.Text}, "\x00")
}
