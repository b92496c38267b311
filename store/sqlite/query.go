package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"sitrep/store"
)

// Has reports whether the article is stored.
func (s *Store) Has(ctx context.Context, id string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ?`, id).Scan(&n)
	return n > 0, s.wrap("has "+id, err)
}

// Article returns the record of an article as it was Put, with its dedup
// facts.
func (s *Store) Article(ctx context.Context, id string) (*store.ArticleDetail, error) {
	var (
		seq         int64
		rec         string
		out         store.ArticleDetail
		exact, near sql.NullString
		orig, srcs  sql.NullString
		sents       sql.NullString
		sim, copied sql.NullFloat64
		stitched    sql.NullBool
		fp          []byte
	)
	err := s.r.QueryRowContext(ctx, `SELECT a.seq, a.record, a.body, a.date_from,
		d.exact_of, d.near_of, d.similarity, d.original, d.stitched, d.copied, d.sources, d.sentences, f.bytes
		FROM articles a LEFT JOIN dedup d ON d.article = a.seq LEFT JOIN fingerprints f ON f.article = a.seq
		WHERE a.id = ?`, id).Scan(&seq, &rec, &out.Body, &out.DateFrom,
		&exact, &near, &sim, &orig, &stitched, &copied, &srcs, &sents, &fp)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: article %s", store.ErrNotFound, id)
	}
	if err != nil {
		return nil, s.wrap("article "+id, err)
	}
	if err := json.Unmarshal([]byte(rec), &out.Article); err != nil {
		return nil, s.wrap("article "+id, err)
	}
	err = store.WithEvents(&out.Article, func() ([]string, error) {
		var js []string
		err := s.each(ctx, `SELECT record FROM mentions WHERE article = ? ORDER BY seq`, []any{seq}, func(r *sql.Rows) error {
			var j string
			err := r.Scan(&j)
			js = append(js, j)
			return err
		})
		return js, err
	})
	if err != nil {
		return nil, s.wrap("article "+id, err)
	}
	if exact.Valid {
		d := &store.Dedup{ExactOf: exact.String, NearOf: near.String, Similarity: sim.Float64, Original: orig.String,
			Stitched: stitched.Bool, Copied: copied.Float64, Fingerprint: fp}
		if err := json.Unmarshal([]byte(srcs.String), &d.Sources); err != nil {
			return nil, s.wrap("article "+id, err)
		}
		if err := json.Unmarshal([]byte(sents.String), &d.Sentences); err != nil {
			return nil, s.wrap("article "+id, err)
		}
		if len(d.Sources) == 0 {
			d.Sources = nil
		}
		if len(d.Sentences) == 0 {
			d.Sentences = nil
		}
		out.Dedup = d
	}
	return &out, nil
}

// eventCols are the columns scanEvent reads, from events e joined with the
// representative mention m and its article a.
const eventCols = `e.id, e.sort_date, e.num_mentions, e.num_sources, e.num_articles, m.record, a.id, a.title, a.date, a.source, a.url`

const eventFrom = ` JOIN mentions m ON m.id = e.representative JOIN articles a ON a.seq = m.article`

// page selects and orders the events first and joins their
// representatives after, so that sorting a large selection moves short
// rows, not records.
func page(where, limit string) string {
	return `SELECT ` + eventCols + ` FROM (SELECT e.* FROM events e` + where + order + limit + `) e` + eventFrom + order
}

func scanEvent(sc interface{ Scan(...any) error }) (store.Event, string, error) {
	var (
		e        store.Event
		sortDate string
		rec      string
		date     sql.NullString
	)
	err := sc.Scan(&e.ID, &sortDate, &e.NumMentions, &e.NumSources, &e.NumArticles, &rec,
		&e.Article.ID, &e.Article.Title, &date, &e.Article.Source, &e.Article.URL)
	if err != nil {
		return e, "", err
	}
	if date.Valid {
		e.Article.Date = &date.String
	}
	if err := json.Unmarshal([]byte(rec), &e.Event); err != nil {
		return e, "", err
	}
	e.Representative = e.Event.ID
	return e, sortDate, nil
}

// Event returns a merged event with its mentions in the order they were
// added.
func (s *Store) Event(ctx context.Context, id string) (*store.EventDetail, error) {
	e, _, err := scanEvent(s.r.QueryRowContext(ctx, `SELECT `+eventCols+` FROM events e`+eventFrom+` WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: event %s", store.ErrNotFound, id)
	}
	if err != nil {
		return nil, s.wrap("event "+id, err)
	}
	out := &store.EventDetail{Event: e, Mentions: []store.EventMention{}}
	rows, err := s.r.QueryContext(ctx, `SELECT m.record, a.id, a.title, a.date, a.source, a.url
		FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.merged = ? ORDER BY m.seq`, id)
	if err != nil {
		return nil, s.wrap("event "+id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			m    store.EventMention
			rec  string
			date sql.NullString
		)
		if err := rows.Scan(&rec, &m.Article.ID, &m.Article.Title, &date, &m.Article.Source, &m.Article.URL); err != nil {
			return nil, s.wrap("event "+id, err)
		}
		if date.Valid {
			m.Article.Date = &date.String
		}
		if err := json.Unmarshal([]byte(rec), &m.Event); err != nil {
			return nil, s.wrap("event "+id, err)
		}
		out.Mentions = append(out.Mentions, m)
	}
	return out, s.wrap("event "+id, rows.Err())
}

// where turns the filters of q into a WHERE clause over events e.
func where(q store.Query) (string, []any, error) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	if q.Actor != "" {
		p := globEscape(q.Actor) + "*"
		add(`(e.source_code GLOB ? OR e.target_code GLOB ?)`, p, p)
	}
	if q.Country != "" {
		add(`(e.source_country = ? OR e.target_country = ? OR e.loc_country = ?)`, q.Country, q.Country, q.Country)
	}
	if q.Root != "" {
		add(`e.root = ?`, q.Root)
	}
	if q.Plover != "" {
		add(`e.plover = ?`, q.Plover)
	}
	for _, d := range []struct{ v, op string }{{q.From, ">="}, {q.To, "<="}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return "", nil, fmt.Errorf("%w: date %q is not YYYY-MM-DD", store.ErrQuery, d.v)
		}
		add(`(e.date <> '' AND e.date `+d.op+` ?)`, d.v)
	}
	if b := q.BBox; b != nil {
		for _, v := range b {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return "", nil, fmt.Errorf("%w: bounding box %v", store.ErrQuery, *b)
			}
		}
		minLon, minLat, maxLon, maxLat := b[0], b[1], b[2], b[3]
		if minLat > maxLat || minLat < -90 || maxLat > 90 || minLon < -180 || maxLon > 180 || maxLon < -180 || minLon > 180 {
			return "", nil, fmt.Errorf("%w: bounding box %v: want minLon, minLat, maxLon, maxLat in degrees", store.ErrQuery, *b)
		}
		if minLon <= maxLon {
			add(`(e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?)`, minLat, maxLat, minLon, maxLon)
		} else {
			add(`(e.lat BETWEEN ? AND ? AND (e.lon >= ? OR e.lon <= ?))`, minLat, maxLat, minLon, maxLon)
		}
	}
	if q.Text != "" {
		add(`e.id IN (SELECT x.merged FROM mentions x WHERE x.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))`, q.Text)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '*', '?', '[', ']':
			b.WriteString("[" + string(r) + "]")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// queryErr maps an FTS5 syntax error to store.ErrQuery: with a text
// query, SQLITE_ERROR can only come from it, the rest of the SQL being
// fixed.
func (s *Store) queryErr(q store.Query, err error) error {
	var se *sqlite.Error
	if q.Text != "" && errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_ERROR {
		return fmt.Errorf("%w: text %q: %v", store.ErrQuery, q.Text, se)
	}
	return s.wrap("events", err)
}

const order = ` ORDER BY e.sort_date DESC, e.id`

// A cursor is the sort date and ID of the last event of a page, with a
// version and a checksum, in base64.
func encodeCursor(sortDate, id string) string {
	b := []byte("1\x00" + sortDate + "\x00" + id)
	return base64.RawURLEncoding.EncodeToString(binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b)))
}

func decodeCursor(c string) (sortDate, id string, err error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 4 {
		return "", "", fmt.Errorf("%w: %q", store.ErrCursor, c)
	}
	b, sum := b[:len(b)-4], b[len(b)-4:]
	if binary.BigEndian.Uint32(sum) != crc32.ChecksumIEEE(b) {
		return "", "", fmt.Errorf("%w: %q", store.ErrCursor, c)
	}
	parts := strings.Split(string(b), "\x00")
	if len(parts) != 3 || parts[0] != "1" || parts[2] == "" {
		return "", "", fmt.Errorf("%w: %q", store.ErrCursor, c)
	}
	return parts[1], parts[2], nil
}

// Events returns one page of the merged events matching q.
func (s *Store) Events(ctx context.Context, q store.Query) ([]store.Event, string, error) {
	w, args, err := where(q)
	if err != nil {
		return nil, "", err
	}
	if q.Cursor != "" {
		d, id, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, "", err
		}
		c := `(e.sort_date < ? OR (e.sort_date = ? AND e.id > ?))`
		if w == "" {
			w = " WHERE " + c
		} else {
			w += " AND " + c
		}
		args = append(args, d, d, id)
	}
	limit := q.Limit
	switch {
	case limit <= 0:
		limit = 100
	case limit > 1000:
		limit = 1000
	}
	rows, err := s.r.QueryContext(ctx, page(w, " LIMIT ?"), append(args, limit+1)...)
	if err != nil {
		return nil, "", s.queryErr(q, err)
	}
	defer rows.Close()
	out := []store.Event{}
	next, last := "", ""
	for rows.Next() {
		if len(out) == limit {
			next = encodeCursor(last, out[len(out)-1].ID)
			break
		}
		e, sd, err := scanEvent(rows)
		if err != nil {
			return nil, "", s.wrap("events", err)
		}
		out = append(out, e)
		last = sd
	}
	if err := rows.Err(); err != nil {
		return nil, "", s.queryErr(q, err)
	}
	return out, next, nil
}

// EachEvent calls fn for every merged event matching q, reading them one
// row at a time.
func (s *Store) EachEvent(ctx context.Context, q store.Query, fn func(store.Event) error) error {
	w, args, err := where(q)
	if err != nil {
		return err
	}
	rows, err := s.r.QueryContext(ctx, page(w, ""), args...)
	if err != nil {
		return s.queryErr(q, err)
	}
	defer rows.Close()
	for rows.Next() {
		e, _, err := scanEvent(rows)
		if err != nil {
			return s.wrap("events", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return s.queryErr(q, rows.Err())
}

// Stats counts the merged events matching q by day and by type.
func (s *Store) Stats(ctx context.Context, q store.Query) (*store.Stats, error) {
	w, args, err := where(q)
	if err != nil {
		return nil, err
	}
	out := &store.Stats{ByDay: []store.DayCount{}, ByType: []store.TypeCount{}}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM events e`+w, args...).Scan(&out.Total); err != nil {
		return nil, s.queryErr(q, err)
	}
	dayWhere := " WHERE e.date <> ''"
	if w != "" {
		dayWhere = w + " AND e.date <> ''"
	}
	if err := s.each(ctx, `SELECT e.date, count(*) FROM events e`+dayWhere+` GROUP BY e.date ORDER BY e.date`, args, func(r *sql.Rows) error {
		var d store.DayCount
		err := r.Scan(&d.Day, &d.Count)
		out.ByDay = append(out.ByDay, d)
		return err
	}); err != nil {
		return nil, s.queryErr(q, err)
	}
	if err := s.each(ctx, `SELECT e.root, e.plover, count(*) FROM events e`+w+` GROUP BY e.root, e.plover ORDER BY e.root, e.plover`, args, func(r *sql.Rows) error {
		var t store.TypeCount
		err := r.Scan(&t.Root, &t.Plover, &t.Count)
		out.ByType = append(out.ByType, t)
		return err
	}); err != nil {
		return nil, s.queryErr(q, err)
	}
	return out, nil
}

// each runs a query and calls fn on each row.
func (s *Store) each(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// errStop carries fn's error out of each unwrapped.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

func (s *Store) stream(ctx context.Context, what, query string, fn func(*sql.Rows) error) error {
	err := s.each(ctx, query, nil, func(r *sql.Rows) error {
		if err := fn(r); err != nil {
			return errStop{err}
		}
		return nil
	})
	if st, ok := err.(errStop); ok {
		return st.err
	}
	return s.wrap(what, err)
}

// Fingerprints calls fn for every stored fingerprint, in the order the
// articles were added.
func (s *Store) Fingerprints(ctx context.Context, fn func(store.Fingerprint) error) error {
	return s.stream(ctx, "fingerprints", `SELECT a.id, a.source, a.date, f.bytes FROM fingerprints f JOIN articles a ON a.seq = f.article ORDER BY f.article`,
		func(r *sql.Rows) error {
			var f store.Fingerprint
			var date sql.NullString
			if err := r.Scan(&f.ArticleID, &f.Source, &date, &f.Bytes); err != nil {
				return err
			}
			if date.Valid {
				f.Time, _ = time.Parse(time.DateOnly, date.String)
			}
			return fn(f)
		})
}

// Mentions calls fn for every stored mention, in the order they were
// added.
func (s *Store) Mentions(ctx context.Context, fn func(store.Mention) error) error {
	return s.stream(ctx, "mentions", `SELECT m.id, a.id, m.merged, m.original, m.source, m.source_actor, m.target_actor, m.code,
		m.geonames_id, m.lat, m.lon, m.radius, m.country, m.date, m.precision
		FROM mentions m JOIN articles a ON a.seq = m.article ORDER BY m.seq`,
		func(r *sql.Rows) error {
			var m store.Mention
			var lat, lon sql.NullFloat64
			if err := r.Scan(&m.EventID, &m.ArticleID, &m.Merged, &m.Original, &m.Source, &m.SourceActor, &m.TargetActor, &m.Code,
				&m.GeonamesID, &lat, &lon, &m.Radius, &m.Country, &m.Date, &m.Precision); err != nil {
				return err
			}
			m.Lat, m.Lon = math.NaN(), math.NaN()
			if lat.Valid {
				m.Lat = lat.Float64
			}
			if lon.Valid {
				m.Lon = lon.Float64
			}
			return fn(m)
		})
}

// Summary counts what the store holds.
func (s *Store) Summary(ctx context.Context) (*store.Summary, error) {
	var out store.Summary
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT coalesce(sum(duplicate), 0) FROM articles),
		(SELECT count(*) FROM mentions), (SELECT count(*) FROM events)`).Scan(&out.Articles, &out.Duplicates, &out.Mentions, &out.Events)
	if err != nil {
		return nil, s.wrap("summary", err)
	}
	return &out, nil
}
