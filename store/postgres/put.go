package postgres

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

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

// copyRows is the number of rows in a batch from which its rows are sent
// with COPY rather than one INSERT each (queued in one round trip): COPY
// costs a round trip a table, INSERTs cost the server more a row.
const copyRows = 200

// PutBatch stores the articles of ins in one transaction, in order, as
// Put would one by one: all of them or, on an error, none. An article
// another writer is storing at the same moment is stored once: the
// second waits for the first and reports it not added. Articles go in
// with one INSERT ... ON CONFLICT DO NOTHING, their sentences, mentions
// and the rest with COPY (or queued INSERTs for a few rows), and the
// merged events with upserts in the order of their IDs.
func (s *Store) PutBatch(ctx context.Context, ins []*store.Ingest) ([]bool, error) {
	ps := make([]prepared, len(ins))
	for i, in := range ins {
		mentions, merged, err := in.Check()
		if err != nil {
			return nil, fmt.Errorf("postgres: %w", err)
		}
		rec, err := in.ArticleRecord()
		if err != nil {
			return nil, fmt.Errorf("postgres: put %s: %w", in.Article.Meta.ID, err)
		}
		ps[i] = prepared{in: in, mentions: mentions, merged: merged, rec: rec, fts: tsvector(in.Article.Meta.Title + "\n" + in.Body)}
	}
	var added []bool
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		added, err = putBatch(ctx, tx, ps)
		return err
	})
	if err != nil {
		what := "put"
		if len(ins) == 1 {
			what += " " + ins[0].Article.Meta.ID
		} else {
			what += fmt.Sprintf(" %d articles", len(ins))
		}
		return nil, s.wrap(what, err)
	}
	return added, nil
}

type prepared struct {
	in       *store.Ingest
	mentions []store.Mention
	merged   []store.Merged
	rec      []byte
	fts      string
}

func putBatch(ctx context.Context, tx pgx.Tx, ps []prepared) ([]bool, error) {
	added := make([]bool, len(ps))
	// The articles, once each, in order.
	var cols [10][]any
	first := map[string]int{}
	for i, p := range ps {
		m := p.in.Article.Meta
		if _, ok := first[m.ID]; ok {
			continue
		}
		first[m.ID] = i
		dup := false
		if d := p.in.Dedup; d != nil && (d.ExactOf != "" || d.NearOf != "") {
			dup = true
		}
		for j, v := range []any{m.ID, m.Title, m.Date, p.in.DateFrom, m.Source, m.URL, p.in.Body, string(p.rec), dup, p.fts} {
			cols[j] = append(cols[j], v)
		}
	}
	rows, err := tx.Query(ctx, `INSERT INTO articles (id, title, date, date_from, source, url, body, record, duplicate, fts)
		SELECT id, title, date, date_from, source, url, body, record, duplicate, fts::tsvector
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::text[])
			WITH ORDINALITY AS u(id, title, date, date_from, source, url, body, record, duplicate, fts, n)
		ORDER BY n
		ON CONFLICT (id) DO NOTHING RETURNING id, seq`, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9])
	if err != nil {
		return nil, err
	}
	seqs := map[string]int64{}
	for rows.Next() {
		var id string
		var seq int64
		if err := rows.Scan(&id, &seq); err != nil {
			rows.Close()
			return nil, err
		}
		seqs[id] = seq
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	w := &writer{tables: map[string]*table{}}
	here := map[string]*record.Event{} // the events of the added articles
	for i, p := range ps {
		id := p.in.Article.Meta.ID
		seq, ok := seqs[id]
		if !ok || first[id] != i {
			continue
		}
		added[i] = true
		w.seq = seq
		w.dedup(p.in.Dedup)
		w.parts(p.in.Article)
		w.mentions(p.in.Article, p.mentions)
		for j := range p.in.Article.Events {
			here[p.in.Article.Events[j].ID] = &p.in.Article.Events[j]
		}
	}
	if err := w.flush(ctx, tx); err != nil {
		return nil, err
	}
	var merged []store.Merged
	for i, p := range ps {
		if added[i] {
			merged = append(merged, p.merged...)
		}
	}
	if err := upsertEvents(ctx, tx, merged, here); err != nil {
		return nil, err
	}
	return added, nil
}

// readEvents adds to events the stored records of the mentions ids names.
func readEvents(ctx context.Context, tx pgx.Tx, ids []string, events map[string]*record.Event) error {
	if len(ids) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT id, record FROM mentions WHERE id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, js string
		if err := rows.Scan(&id, &js); err != nil {
			return err
		}
		e := new(record.Event)
		if err := json.Unmarshal([]byte(js), e); err != nil {
			return fmt.Errorf("mention %s: %w", id, err)
		}
		events[id] = e
	}
	return rows.Err()
}

// upsertEvents writes the merged events: each with its last state in gs
// and, when new, the sort date of its first. here holds the events
// written in this transaction; other representatives are read back.
func upsertEvents(ctx context.Context, tx pgx.Tx, gs []store.Merged, here map[string]*record.Event) error {
	if len(gs) == 0 {
		return nil
	}
	type state struct {
		g        store.Merged
		sortDate string
	}
	last := map[string]*state{}
	var missing []string
	for _, g := range gs {
		if here[g.Representative] == nil {
			missing = append(missing, g.Representative)
		}
	}
	if err := readEvents(ctx, tx, missing, here); err != nil {
		return err
	}
	for _, g := range gs {
		rep := here[g.Representative]
		if rep == nil {
			return fmt.Errorf("merged event %s: representative %s is not stored", g.ID, g.Representative)
		}
		st := last[g.ID]
		if st == nil {
			st = &state{sortDate: deref(rep.Date)}
			last[g.ID] = st
		}
		st.g = g
	}
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	slices.Sort(ids) // one order for every writer: no deadlocks between them
	var b pgx.Batch
	for _, id := range ids {
		st := last[id]
		queueEvent(&b, st.g, here[st.g.Representative], st.sortDate)
	}
	return tx.SendBatch(ctx, &b).Close()
}

// queueEvent queues the upsert of one merged event whose representative
// is rep; sortDate is used only when the event is new.
func queueEvent(b *pgx.Batch, g store.Merged, rep *record.Event, sortDate string) {
	f := store.FactsOf(rep)
	b.Queue(`INSERT INTO events (id, representative, num_mentions, num_sources, num_articles, sort_date, date, root, plover, quad,
		source_code, target_code, source_country, target_country, loc_country, lat, lon)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		ON CONFLICT (id) DO UPDATE SET representative = excluded.representative, num_mentions = excluded.num_mentions,
		num_sources = excluded.num_sources, num_articles = excluded.num_articles, date = excluded.date, root = excluded.root,
		plover = excluded.plover, quad = excluded.quad, source_code = excluded.source_code, target_code = excluded.target_code,
		source_country = excluded.source_country, target_country = excluded.target_country, loc_country = excluded.loc_country,
		lat = excluded.lat, lon = excluded.lon`,
		g.ID, g.Representative, g.NumMentions, g.NumSources, g.NumArticles, sortDate, f.Date, rep.Root, rep.Plover, rep.Quad,
		f.Source, f.Target, f.SourceCountry, f.TargetCountry, f.LocCountry, f.Lat, f.Lon)
}

// A table collects the rows of one table to write.
type table struct {
	cols []string
	rows [][]any
}

// A writer collects the rows of a batch's articles, table by table.
type writer struct {
	seq    int64 // the article being written
	tables map[string]*table
	order  []string
	n      int
}

func (w *writer) add(name string, cols []string, row ...any) {
	t := w.tables[name]
	if t == nil {
		t = &table{cols: cols}
		w.tables[name] = t
		w.order = append(w.order, name)
	}
	t.rows = append(t.rows, row)
	w.n++
}

// flush sends the rows: by COPY when there are many, else as queued
// INSERTs in one round trip.
func (w *writer) flush(ctx context.Context, tx pgx.Tx) error {
	if w.n >= copyRows {
		for _, name := range w.order {
			t := w.tables[name]
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{name}, t.cols, pgx.CopyFromRows(t.rows)); err != nil {
				return fmt.Errorf("copy %s: %w", name, err)
			}
		}
		return nil
	}
	var b pgx.Batch
	for _, name := range w.order {
		t := w.tables[name]
		ph := make([]string, len(t.cols))
		for i := range ph {
			ph[i] = "$" + strconv.Itoa(i+1)
		}
		q := `INSERT INTO ` + name + ` ("` + strings.Join(t.cols, `", "`) + `") VALUES (` + strings.Join(ph, ", ") + `)`
		for _, r := range t.rows {
			b.Queue(q, r...)
		}
	}
	if b.Len() == 0 {
		return nil
	}
	return tx.SendBatch(ctx, &b).Close()
}

var (
	dedupCols    = []string{"article", "exact_of", "near_of", "similarity", "original", "stitched", "copied", "sources", "sentences"}
	fpCols       = []string{"article", "bytes"}
	sentenceCols = []string{"article", "idx", "start", "end", "text"}
	quoteCols    = []string{"article", "idx", "sentence", "start", "end", "text", "direct", "speaker_code", "speaker_text"}
	countCols    = []string{"article", "idx", "sentence", "start", "end", "text", "type", "number", "qualifier", "approx", "object", "mention", "geonames_id"}
	placeCols    = []string{"article", "idx", "sentence", "start", "end", "text", "role", "geonames_id", "name", "country", "lat", "lon", "confidence"}
	actorCols    = []string{"article", "mention", "slot", "code", "country", "role", "start", "end", "text"}
	mentionCols  = []string{"id", "article", "sentence", "start", "end", "merged", "original", "source", "source_actor", "target_actor",
		"code", "geonames_id", "lat", "lon", "radius", "country", "date", "precision", "record", "root", "day_from", "day_to"}
)

func (w *writer) dedup(d *store.Dedup) {
	if d == nil {
		return
	}
	w.add("dedup", dedupCols, w.seq, d.ExactOf, d.NearOf, d.Similarity, d.Original, d.Stitched, d.Copied, encode(d.Sources), encode(d.Sentences))
	if d.Fingerprint != nil {
		w.add("fingerprints", fpCols, w.seq, d.Fingerprint)
	}
}

// parts writes the sentences, actors, quotes, counts and places.
func (w *writer) parts(a *record.Article) {
	for _, x := range a.Sentences {
		w.add("sentences", sentenceCols, w.seq, x.Index, x.Start, x.End, x.Text)
	}
	for i, q := range a.Quotes {
		var code, text *string
		if q.Speaker != nil {
			code, text = &q.Speaker.Code, &q.Speaker.Text
			w.actor("", "speaker", q.Speaker)
		}
		w.add("quotes", quoteCols, w.seq, i, q.Sentence, q.Start, q.End, q.Text, q.Direct, code, text)
	}
	for i, c := range a.Counts {
		var gid *int
		if c.Location != nil {
			gid = &c.Location.GeonamesID
		}
		w.add("counts", countCols, w.seq, i, c.Sentence, c.Start, c.End, c.Text, c.Type, c.Number, c.Qualifier, c.Approx, c.Object, c.Event, gid)
	}
	for i, p := range a.Places {
		var gid *int
		var name, country *string
		var lat, lon *float64
		if l := p.Location; l != nil {
			gid, name, country, lat, lon = &l.GeonamesID, &l.Name, &l.Country, &l.Lat, &l.Lon
		}
		w.add("places", placeCols, w.seq, i, p.Sentence, p.Start, p.End, p.Text, p.Role, gid, name, country, lat, lon, p.Confidence)
	}
}

func (w *writer) actor(mention, slot string, a *record.Actor) {
	if a == nil {
		return
	}
	w.add("actors", actorCols, w.seq, mention, slot, a.Code, deref(a.Country), a.Role, a.Start, a.End, a.Text)
}

func (w *writer) mentions(a *record.Article, ms []store.Mention) {
	for i := range a.Events {
		e, m := &a.Events[i], ms[i]
		m.ArticleID = a.Meta.ID
		root, from, to := store.WindowOf(m)
		w.add("mentions", mentionCols, e.ID, w.seq, e.Sentence, e.Evidence.Start, e.Evidence.End, m.Merged, m.Original, m.Source,
			m.SourceActor, m.TargetActor, m.Code, m.GeonamesID, nullNaN(m.Lat), nullNaN(m.Lon), m.Radius, m.Country, m.Date, m.Precision,
			encode(e), root, from, to)
		w.actor(e.ID, "source", e.Source)
		w.actor(e.ID, "target", e.Target)
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
