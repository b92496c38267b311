package server

import (
	"net/url"

	"sitrep/store"
)

// ParseFilter reads the event filters of GET /api/events from v, checked
// as that endpoint checks them, for a handler outside this package that
// selects the same events (the web page's aggregates). Parameters named
// in extra are allowed too and left to the caller; any other unknown
// parameter is an error. match reports whether an event passes the part
// of the filter the store does not apply (a CAMEO code finer than a
// root). An error's message names the parameter and says what was wanted.
func ParseFilter(v url.Values, extra ...string) (q store.Query, match func(*store.Event) bool, err error) {
	f, err := parseFilter(v, false, extra...)
	if err != nil {
		return store.Query{}, nil, err
	}
	return f.Query, f.match, nil
}
