package sqlite

import (
	"context"
	"database/sql"

	"sitrep/store"
)

var _ store.PointScanner = (*Store)(nil)

// EachPoint calls fn for the Point of every merged event matching q, in
// no particular order; it stops at fn's first error and returns it. The
// facts come from the events table and the event code from the
// representative's mention row: no record is decoded.
func (s *Store) EachPoint(ctx context.Context, q store.Query, fn func(store.Point) error) error {
	w, args, err := where(q)
	if err != nil {
		return err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, e.date, m.code, e.root, e.plover, e.quad,
		e.source_code, e.target_code, e.lat, e.lon, e.num_mentions
		FROM events e JOIN mentions m ON m.id = e.representative`+w, args...)
	if err != nil {
		return s.queryErr(q, err)
	}
	defer rows.Close()
	for rows.Next() {
		var p store.Point
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&p.ID, &p.Date, &p.CAMEO, &p.Root, &p.Plover, &p.Quad, &p.Source, &p.Target, &lat, &lon, &p.NumMentions); err != nil {
			return s.wrap("points", err)
		}
		if lat.Valid && lon.Valid {
			p.Located, p.Lat, p.Lon = true, lat.Float64, lon.Float64
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return s.queryErr(q, rows.Err())
}
