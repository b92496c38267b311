package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"sitrep/record"
	"sitrep/store"
)

// Put stores in.Article with everything found in it, in one transaction;
// it does nothing and reports false when the article is stored already.
func (s *Store) Put(ctx context.Context, in *store.Ingest) (bool, error) {
	added, err := s.PutBatch(ctx, []*store.Ingest{in})
	if err != nil {
		return false, err
	}
	return added[0], nil
}

// PutBatch stores the articles of ins in one transaction, in order, as
// Put would one by one: all of them or, on an error, none.
func (s *Store) PutBatch(ctx context.Context, ins []*store.Ingest) ([]bool, error) {
	if s.w == nil {
		return nil, ErrReadOnly
	}
	type prepared struct {
		mentions []store.Mention
		merged   []store.Merged
		rec      []byte
	}
	ps := make([]prepared, len(ins))
	for i, in := range ins {
		mentions, merged, err := in.Check()
		if err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		rec, err := in.ArticleRecord()
		if err != nil {
			return nil, fmt.Errorf("sqlite: put %s: %w", in.Article.Meta.ID, err)
		}
		ps[i] = prepared{mentions, merged, rec}
	}
	added := make([]bool, len(ins))
	var at string // the article being put, for errors
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, in := range ins {
			added[i] = false
			at = in.Article.Meta.ID
			seq, ok, err := insertArticle(ctx, tx, in, ps[i].rec)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			added[i] = true
			w := writer{s: s, ctx: ctx, tx: tx, seq: seq}
			w.dedup(in.Dedup)
			w.parts(in.Article)
			w.mentions(in.Article, ps[i].mentions)
			w.merged(in.Article, ps[i].merged)
			if w.err != nil {
				return w.err
			}
		}
		return nil
	})
	s.prepareNoted(ctx)
	if err != nil {
		return nil, s.wrap("put "+at, err)
	}
	return added, nil
}

func insertArticle(ctx context.Context, tx *sql.Tx, in *store.Ingest, rec []byte) (int64, bool, error) {
	m := in.Article.Meta
	dup := 0
	if d := in.Dedup; d != nil && (d.ExactOf != "" || d.NearOf != "") {
		dup = 1
	}
	var seq int64
	err := tx.QueryRowContext(ctx, `INSERT INTO articles (id, title, date, date_from, source, url, body, record, duplicate)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`,
		m.ID, m.Title, m.Date, in.DateFrom, m.Source, m.URL, in.Body, string(rec), dup).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)`, seq, m.Title, in.Body)
	return seq, err == nil, err
}

// A writer inserts the rows of one article, keeping the first error.
type writer struct {
	s   *Store
	ctx context.Context
	tx  *sql.Tx
	seq int64
	err error
}

func (w *writer) exec(q string, args ...any) {
	if w.err != nil {
		return
	}
	if st := w.s.prepared(q); st != nil {
		_, w.err = w.tx.StmtContext(w.ctx, st).ExecContext(w.ctx, args...)
		return
	}
	_, w.err = w.tx.ExecContext(w.ctx, q, args...)
}

func (w *writer) dedup(d *store.Dedup) {
	if d == nil {
		return
	}
	w.exec(`INSERT INTO dedup (article, exact_of, near_of, similarity, original, stitched, copied, sources, sentences)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		w.seq, d.ExactOf, d.NearOf, d.Similarity, d.Original, d.Stitched, d.Copied, encode(d.Sources), encode(d.Sentences))
	if d.Fingerprint != nil {
		w.exec(`INSERT INTO fingerprints (article, bytes) VALUES (?, ?)`, w.seq, d.Fingerprint)
	}
}

// parts writes the sentences, actors, quotes, counts and places.
func (w *writer) parts(a *record.Article) {
	for _, x := range a.Sentences {
		w.exec(`INSERT INTO sentences (article, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)`, w.seq, x.Index, x.Start, x.End, x.Text)
	}
	for i, q := range a.Quotes {
		var code, text *string
		if q.Speaker != nil {
			code, text = &q.Speaker.Code, &q.Speaker.Text
			w.actor("", "speaker", q.Speaker)
		}
		w.exec(`INSERT INTO quotes (article, idx, sentence, start, "end", text, direct, speaker_code, speaker_text)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, w.seq, i, q.Sentence, q.Start, q.End, q.Text, q.Direct, code, text)
	}
	for i, c := range a.Counts {
		var gid *int
		if c.Location != nil {
			gid = &c.Location.GeonamesID
		}
		w.exec(`INSERT INTO counts (article, idx, sentence, start, "end", text, type, number, qualifier, approx, object, mention, geonames_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.seq, i, c.Sentence, c.Start, c.End, c.Text, c.Type, c.Number, c.Qualifier, c.Approx, c.Object, c.Event, gid)
	}
	for i, p := range a.Places {
		var gid *int
		var name, country *string
		var lat, lon *float64
		if l := p.Location; l != nil {
			gid, name, country, lat, lon = &l.GeonamesID, &l.Name, &l.Country, &l.Lat, &l.Lon
		}
		w.exec(`INSERT INTO places (article, idx, sentence, start, "end", text, role, geonames_id, name, country, lat, lon, confidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			w.seq, i, p.Sentence, p.Start, p.End, p.Text, p.Role, gid, name, country, lat, lon, p.Confidence)
	}
}

func (w *writer) actor(mention, slot string, a *record.Actor) {
	if a == nil {
		return
	}
	w.exec(`INSERT INTO actors (article, mention, slot, code, country, role, start, "end", text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		w.seq, mention, slot, a.Code, deref(a.Country), a.Role, a.Start, a.End, a.Text)
}

func (w *writer) mentions(a *record.Article, ms []store.Mention) {
	for i := range a.Events {
		e, m := &a.Events[i], &ms[i]
		root, from, to := store.WindowOf(*m)
		w.exec(`INSERT INTO mentions (id, article, sentence, start, "end", merged, original, source, source_actor, target_actor,
			code, geonames_id, lat, lon, radius, country, date, precision, record, root, day_from, day_to)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, w.seq, e.Sentence, e.Evidence.Start, e.Evidence.End, m.Merged, m.Original, m.Source, m.SourceActor, m.TargetActor,
			m.Code, m.GeonamesID, nullNaN(m.Lat), nullNaN(m.Lon), m.Radius, m.Country, m.Date, m.Precision, encode(e), root, from, to)
		w.actor(e.ID, "source", e.Source)
		w.actor(e.ID, "target", e.Target)
	}
}

// merged upserts the merged events, copying out their representatives'
// facts; sort_date keeps the date of the event's first state.
func (w *writer) merged(a *record.Article, gs []store.Merged) {
	here := map[string]*record.Event{}
	for i := range a.Events {
		here[a.Events[i].ID] = &a.Events[i]
	}
	for _, g := range gs {
		if w.err != nil {
			return
		}
		rep := here[g.Representative]
		if rep == nil {
			if rep, w.err = readEvent(w.tx.QueryRowContext(w.ctx, selectEvent, g.Representative), g); w.err != nil {
				return
			}
		}
		w.exec(upsertEvent, upsertArgs(g, rep)...)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nullNaN(f float64) *float64 {
	if math.IsNaN(f) {
		return nil
	}
	return &f
}

// encode is json.Marshal without HTML escaping, as record.Article writes.
func encode(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "null"
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// selectEvent reads a stored mention's event record.
const selectEvent = `SELECT record FROM mentions WHERE id = ?`

// readEvent decodes the record of g's representative from row, which
// selectEvent gave.
func readEvent(row *sql.Row, g store.Merged) (*record.Event, error) {
	var js string
	err := row.Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("merged event %s: representative %s is not stored", g.ID, g.Representative)
	}
	if err != nil {
		return nil, fmt.Errorf("representative %s: %w", g.Representative, err)
	}
	rep := new(record.Event)
	if err := json.Unmarshal([]byte(js), rep); err != nil {
		return nil, fmt.Errorf("representative %s: %w", g.Representative, err)
	}
	return rep, nil
}

// upsertArgs are upsertEvent's arguments for g, whose representative's
// record is rep.
func upsertArgs(g store.Merged, rep *record.Event) []any {
	f := store.FactsOf(rep)
	return []any{g.ID, g.Representative, g.NumMentions, g.NumSources, g.NumArticles, f.Date, f.Date, rep.Root, rep.Plover, rep.Quad,
		f.Source, f.Target, f.SourceCountry, f.TargetCountry, f.LocCountry, f.Lat, f.Lon}
}

// upsertEvent writes a merged event: its state, and its representative's
// facts; sort_date only when the event is new.
const upsertEvent = `INSERT INTO events (id, representative, num_mentions, num_sources, num_articles, sort_date, date, root, plover, quad,
	source_code, target_code, source_country, target_country, loc_country, lat, lon)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET representative = excluded.representative, num_mentions = excluded.num_mentions,
	num_sources = excluded.num_sources, num_articles = excluded.num_articles, date = excluded.date, root = excluded.root,
	plover = excluded.plover, quad = excluded.quad, source_code = excluded.source_code, target_code = excluded.target_code,
	source_country = excluded.source_country, target_country = excluded.target_country, loc_country = excluded.loc_country,
	lat = excluded.lat, lon = excluded.lon`
