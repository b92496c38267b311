package postgres

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"sitrep/store"
)

// Has reports whether the article is stored.
func (s *Store) Has(ctx context.Context, id string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, id).Scan(&ok)
	return ok, s.wrap("has "+id, err)
}

// Article returns the record of an article as it was Put, with its dedup
// facts.
func (s *Store) Article(ctx context.Context, id string) (*store.ArticleDetail, error) {
	var (
		seq         int64
		rec         string
		out         store.ArticleDetail
		exact, near *string
		orig        *string
		srcs, sents *string
		sim, copied *float64
		stitched    *bool
		fp          []byte
	)
	err := s.pool.QueryRow(ctx, `SELECT a.seq, a.record, a.body, a.date_from,
		d.exact_of, d.near_of, d.similarity, d.original, d.stitched, d.copied, d.sources, d.sentences, f.bytes
		FROM articles a LEFT JOIN dedup d ON d.article = a.seq LEFT JOIN fingerprints f ON f.article = a.seq
		WHERE a.id = $1`, id).Scan(&seq, &rec, &out.Body, &out.DateFrom,
		&exact, &near, &sim, &orig, &stitched, &copied, &srcs, &sents, &fp)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%w: article %s", store.ErrNotFound, id)
	}
	if err != nil {
		return nil, s.wrap("article "+id, err)
	}
	if err := json.Unmarshal([]byte(rec), &out.Article); err != nil {
		return nil, s.wrap("article "+id, err)
	}
	err = store.WithEvents(&out.Article, func() ([]string, error) {
		rows, err := s.pool.Query(ctx, `SELECT record FROM mentions WHERE article = $1 ORDER BY seq`, seq)
		if err != nil {
			return nil, err
		}
		return pgx.CollectRows(rows, pgx.RowTo[string])
	})
	if err != nil {
		return nil, s.wrap("article "+id, err)
	}
	if exact != nil {
		d := &store.Dedup{ExactOf: *exact, NearOf: *near, Similarity: *sim, Original: *orig,
			Stitched: *stitched, Copied: *copied, Fingerprint: fp}
		if err := json.Unmarshal([]byte(*srcs), &d.Sources); err != nil {
			return nil, s.wrap("article "+id, err)
		}
		if err := json.Unmarshal([]byte(*sents), &d.Sentences); err != nil {
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

const order = ` ORDER BY e.sort_date DESC, e.id`

// page selects and orders the events first and joins their
// representatives after, so that sorting a large selection moves short
// rows, not records.
func page(where, limit string) string {
	return `SELECT ` + eventCols + ` FROM (SELECT e.* FROM events e` + where + order + limit + `) e` + eventFrom + order
}

func scanEvent(sc pgx.Row) (store.Event, string, error) {
	var (
		e        store.Event
		sortDate string
		rec      string
	)
	err := sc.Scan(&e.ID, &sortDate, &e.NumMentions, &e.NumSources, &e.NumArticles, &rec,
		&e.Article.ID, &e.Article.Title, &e.Article.Date, &e.Article.Source, &e.Article.URL)
	if err != nil {
		return e, "", err
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
	e, _, err := scanEvent(s.pool.QueryRow(ctx, `SELECT `+eventCols+` FROM events e`+eventFrom+` WHERE e.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%w: event %s", store.ErrNotFound, id)
	}
	if err != nil {
		return nil, s.wrap("event "+id, err)
	}
	out := &store.EventDetail{Event: e, Mentions: []store.EventMention{}}
	rows, err := s.pool.Query(ctx, `SELECT m.record, a.id, a.title, a.date, a.source, a.url
		FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.merged = $1 ORDER BY m.seq`, id)
	if err != nil {
		return nil, s.wrap("event "+id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			m   store.EventMention
			rec string
		)
		if err := rows.Scan(&rec, &m.Article.ID, &m.Article.Title, &m.Article.Date, &m.Article.Source, &m.Article.URL); err != nil {
			return nil, s.wrap("event "+id, err)
		}
		if err := json.Unmarshal([]byte(rec), &m.Event); err != nil {
			return nil, s.wrap("event "+id, err)
		}
		out.Mentions = append(out.Mentions, m)
	}
	return out, s.wrap("event "+id, rows.Err())
}

// args collects the arguments of a query and names their placeholders.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// where turns the filters of q into a WHERE clause over events e.
func where(q store.Query, a *args) (string, error) {
	var conds []string
	if q.Actor != "" {
		p := a.add(q.Actor)
		conds = append(conds, `(starts_with(e.source_code, `+p+`) OR starts_with(e.target_code, `+p+`))`)
	}
	if q.Country != "" {
		p := a.add(q.Country)
		conds = append(conds, `(e.source_country = `+p+` OR e.target_country = `+p+` OR e.loc_country = `+p+`)`)
	}
	if q.Root != "" {
		conds = append(conds, `e.root = `+a.add(q.Root))
	}
	if q.Plover != "" {
		conds = append(conds, `e.plover = `+a.add(q.Plover))
	}
	for _, d := range []struct{ v, op string }{{q.From, ">="}, {q.To, "<="}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return "", fmt.Errorf("%w: date %q is not YYYY-MM-DD", store.ErrQuery, d.v)
		}
		conds = append(conds, `(e.date <> '' AND e.date `+d.op+` `+a.add(d.v)+`)`)
	}
	if b := q.BBox; b != nil {
		for _, v := range b {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return "", fmt.Errorf("%w: bounding box %v", store.ErrQuery, *b)
			}
		}
		minLon, minLat, maxLon, maxLat := b[0], b[1], b[2], b[3]
		if minLat > maxLat || minLat < -90 || maxLat > 90 || minLon < -180 || maxLon > 180 || maxLon < -180 || minLon > 180 {
			return "", fmt.Errorf("%w: bounding box %v: want minLon, minLat, maxLon, maxLat in degrees", store.ErrQuery, *b)
		}
		lat := `e.lat BETWEEN ` + a.add(minLat) + ` AND ` + a.add(maxLat)
		if minLon <= maxLon {
			conds = append(conds, `(`+lat+` AND e.lon BETWEEN `+a.add(minLon)+` AND `+a.add(maxLon)+`)`)
		} else {
			conds = append(conds, `(`+lat+` AND (e.lon >= `+a.add(minLon)+` OR e.lon <= `+a.add(maxLon)+`))`)
		}
	}
	if q.Text != "" {
		tq, err := tsquery(q.Text)
		if err != nil {
			return "", err
		}
		conds = append(conds, `e.id IN (SELECT x.merged FROM mentions x JOIN articles t ON t.seq = x.article WHERE t.fts @@ `+a.add(tq)+`::tsquery)`)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), nil
}

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
	var a args
	w, err := where(q, &a)
	if err != nil {
		return nil, "", err
	}
	if q.Cursor != "" {
		d, id, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, "", err
		}
		pd, pid := a.add(d), a.add(id)
		c := `(e.sort_date < ` + pd + ` OR (e.sort_date = ` + pd + ` AND e.id > ` + pid + `))`
		if w == "" {
			w = " WHERE " + c
		} else {
			w += " AND " + c
		}
	}
	limit := q.Limit
	switch {
	case limit <= 0:
		limit = 100
	case limit > 1000:
		limit = 1000
	}
	rows, err := s.pool.Query(ctx, page(w, " LIMIT "+a.add(limit+1)), a...)
	if err != nil {
		return nil, "", s.wrap("events", err)
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
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", s.wrap("events", err)
	}
	return out, next, nil
}

// EachEvent calls fn for every merged event matching q, reading them one
// row at a time.
func (s *Store) EachEvent(ctx context.Context, q store.Query, fn func(store.Event) error) error {
	var a args
	w, err := where(q, &a)
	if err != nil {
		return err
	}
	rows, err := s.pool.Query(ctx, page(w, ""), a...)
	if err != nil {
		return s.wrap("events", err)
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
	return s.wrap("events", rows.Err())
}

// Stats counts the merged events matching q by day and by type.
func (s *Store) Stats(ctx context.Context, q store.Query) (*store.Stats, error) {
	var a args
	w, err := where(q, &a)
	if err != nil {
		return nil, err
	}
	out := &store.Stats{ByDay: []store.DayCount{}, ByType: []store.TypeCount{}}
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM events e`+w, a...).Scan(&out.Total); err != nil {
		return nil, s.wrap("stats", err)
	}
	dayWhere := " WHERE e.date <> ''"
	if w != "" {
		dayWhere = w + " AND e.date <> ''"
	}
	err = s.each(ctx, `SELECT e.date, count(*) FROM events e`+dayWhere+` GROUP BY e.date ORDER BY e.date`, a, func(r pgx.Rows) error {
		var d store.DayCount
		err := r.Scan(&d.Day, &d.Count)
		out.ByDay = append(out.ByDay, d)
		return err
	})
	if err != nil {
		return nil, s.wrap("stats", err)
	}
	err = s.each(ctx, `SELECT e.root, e.plover, count(*) FROM events e`+w+` GROUP BY e.root, e.plover ORDER BY e.root, e.plover`, a, func(r pgx.Rows) error {
		var t store.TypeCount
		err := r.Scan(&t.Root, &t.Plover, &t.Count)
		out.ByType = append(out.ByType, t)
		return err
	})
	if err != nil {
		return nil, s.wrap("stats", err)
	}
	return out, nil
}

// errStop carries fn's error out of each unwrapped.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

// each runs a query and calls fn on each row.
func (s *Store) each(ctx context.Context, query string, a []any, fn func(pgx.Rows) error) error {
	rows, err := s.pool.Query(ctx, query, a...)
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

func (s *Store) stream(ctx context.Context, what, query string, fn func(pgx.Rows) error) error {
	err := s.each(ctx, query, nil, func(r pgx.Rows) error {
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
		func(r pgx.Rows) error {
			var f store.Fingerprint
			var date *string
			if err := r.Scan(&f.ArticleID, &f.Source, &date, &f.Bytes); err != nil {
				return err
			}
			if date != nil {
				f.Time, _ = time.Parse(time.DateOnly, *date)
			}
			return fn(f)
		})
}

const mentionSelect = `SELECT m.id, a.id, m.merged, m.original, m.source, m.source_actor, m.target_actor, m.code,
	m.geonames_id, m.lat, m.lon, m.radius, m.country, m.date, m.precision
	FROM mentions m JOIN articles a ON a.seq = m.article`

func scanMention(r pgx.Row) (store.Mention, error) {
	var m store.Mention
	var lat, lon *float64
	if err := r.Scan(&m.EventID, &m.ArticleID, &m.Merged, &m.Original, &m.Source, &m.SourceActor, &m.TargetActor, &m.Code,
		&m.GeonamesID, &lat, &lon, &m.Radius, &m.Country, &m.Date, &m.Precision); err != nil {
		return m, err
	}
	m.Lat, m.Lon = math.NaN(), math.NaN()
	if lat != nil {
		m.Lat = *lat
	}
	if lon != nil {
		m.Lon = *lon
	}
	return m, nil
}

// Mentions calls fn for every stored mention, in the order they were
// added.
func (s *Store) Mentions(ctx context.Context, fn func(store.Mention) error) error {
	return s.stream(ctx, "mentions", mentionSelect+` ORDER BY m.seq`, func(r pgx.Rows) error {
		m, err := scanMention(r)
		if err != nil {
			return err
		}
		return fn(m)
	})
}

// Summary counts what the store holds.
func (s *Store) Summary(ctx context.Context) (*store.Summary, error) {
	var out store.Summary
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE duplicate),
		(SELECT count(*) FROM mentions), (SELECT count(*) FROM events)`).Scan(&out.Articles, &out.Duplicates, &out.Mentions, &out.Events)
	if err != nil {
		return nil, s.wrap("summary", err)
	}
	return &out, nil
}

// EachPoint calls fn for the Point of every merged event matching q, in
// no particular order; it stops at fn's first error and returns it.
func (s *Store) EachPoint(ctx context.Context, q store.Query, fn func(store.Point) error) error {
	var a args
	w, err := where(q, &a)
	if err != nil {
		return err
	}
	rows, err := s.pool.Query(ctx, `SELECT e.id, e.date, m.code, e.root, e.plover, e.quad,
		e.source_code, e.target_code, e.lat, e.lon, e.num_mentions
		FROM events e JOIN mentions m ON m.id = e.representative`+w, a...)
	if err != nil {
		return s.wrap("points", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p store.Point
		var lat, lon *float64
		if err := rows.Scan(&p.ID, &p.Date, &p.CAMEO, &p.Root, &p.Plover, &p.Quad, &p.Source, &p.Target, &lat, &lon, &p.NumMentions); err != nil {
			return s.wrap("points", err)
		}
		if lat != nil && lon != nil {
			p.Located, p.Lat, p.Lon = true, *lat, *lon
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return s.wrap("points", rows.Err())
}
