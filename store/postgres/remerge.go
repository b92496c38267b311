package postgres

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/jackc/pgx/v5"

	"sitrep/record"
	"sitrep/store"
)

// remergeChunk is the most pending mentions one remerge transaction
// starts from.
const remergeChunk = 5000

// Remerge recomputes the merged events of the mentions not remerged yet
// and of every mention that could merge with them (see store.Remerger),
// one CAMEO root at a time, each in a transaction that holds an advisory
// lock on the root: remerges of one root, from any process, run one
// after the other, and each sees what the one before committed.
func (s *Store) Remerge(ctx context.Context, merge store.MergeFunc) (*store.RemergeStats, error) {
	st := &store.RemergeStats{}
	for {
		var roots []string
		rows, err := s.pool.Query(ctx, `SELECT DISTINCT root FROM mentions WHERE NOT remerged ORDER BY root`)
		if err == nil {
			roots, err = pgx.CollectRows(rows, pgx.RowTo[string])
		}
		if err != nil {
			return st, s.wrap("remerge", err)
		}
		if len(roots) == 0 {
			return st, nil
		}
		for _, root := range roots {
			err := s.inTx(ctx, func(tx pgx.Tx) error { return remergeRoot(ctx, tx, root, merge, st) })
			if err != nil {
				return st, s.wrap("remerge root "+root, err)
			}
		}
	}
}

// lockKey is the advisory lock of remerges of one root.
func lockKey(root string) int64 {
	h := fnv.New64a()
	h.Write([]byte("sitrep remerge " + root))
	return int64(h.Sum64())
}

// A window is a span of days, inclusive.
type window struct{ from, to int }

func remergeRoot(ctx context.Context, tx pgx.Tx, root string, merge store.MergeFunc, st *store.RemergeStats) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockKey(root)); err != nil {
		return err
	}
	// The pending mentions, read under the lock.
	type row struct {
		seq      int64
		id       string
		merged   string
		from, to int
	}
	scan := func(rows pgx.Rows) ([]row, error) {
		return pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
			var x row
			err := r.Scan(&x.seq, &x.id, &x.merged, &x.from, &x.to)
			return x, err
		})
	}
	rows, err := tx.Query(ctx, `SELECT seq, id, merged, day_from, day_to FROM mentions
		WHERE NOT remerged AND root = $1 ORDER BY seq LIMIT $2`, root, remergeChunk)
	if err != nil {
		return err
	}
	pending, err := scan(rows)
	if err != nil || len(pending) == 0 {
		return err
	}
	// Grow the set: mentions whose windows overlap, and mentions of the
	// merged events of the set, until nothing is added.
	in := map[int64]bool{}
	ids := map[string]bool{} // mention and merged event IDs whose events were looked for
	var set []row
	fresh := pending
	for len(fresh) > 0 {
		var los, his []int
		var names []string
		for _, x := range fresh {
			if in[x.seq] {
				continue
			}
			in[x.seq] = true
			set = append(set, x)
			los, his = append(los, x.from), append(his, x.to)
			for _, id := range []string{x.id, x.merged} {
				if !ids[id] {
					ids[id] = true
					names = append(names, id)
				}
			}
		}
		if len(los) == 0 {
			break
		}
		// A window is at most a year and a day long: day_from is within
		// 366 days before the end of an overlapping window.
		rows, err := tx.Query(ctx, `SELECT m.seq, m.id, m.merged, m.day_from, m.day_to
			FROM mentions m JOIN unnest($2::int[], $3::int[]) AS w(lo, hi)
				ON m.root = $1 AND m.day_from BETWEEN w.lo::bigint - 366 AND w.hi AND m.day_to >= w.lo
			UNION SELECT seq, id, merged, day_from, day_to FROM mentions WHERE merged = ANY($4)`, root, los, his, names)
		if err != nil {
			return err
		}
		found, err := scan(rows)
		if err != nil {
			return err
		}
		fresh = fresh[:0:0]
		for _, x := range found {
			if !in[x.seq] {
				fresh = append(fresh, x)
			}
		}
	}
	seqs := make([]int64, len(set))
	for i, x := range set {
		seqs[i] = x.seq
	}
	rows, err = tx.Query(ctx, mentionSelect+` WHERE m.seq = ANY($1)`, seqs)
	if err != nil {
		return err
	}
	ms, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Mention, error) { return scanMention(r) })
	if err != nil {
		return err
	}
	plan, err := store.PlanRemerge(ms, merge)
	if err != nil {
		return err
	}
	// The events rows as they are.
	rows, err = tx.Query(ctx, `SELECT id, representative, num_mentions, num_sources, num_articles FROM events WHERE id = ANY($1)`, plan.EventIDs())
	if err != nil {
		return err
	}
	old, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.Merged, error) {
		var g store.Merged
		err := r.Scan(&g.ID, &g.Representative, &g.NumMentions, &g.NumSources, &g.NumArticles)
		return g, err
	})
	if err != nil {
		return err
	}
	upserts, deletes, created := plan.Diff(old)
	// The representatives' records, for the facts events copy out.
	reps := make([]string, len(upserts))
	for i, g := range upserts {
		reps[i] = g.Representative
	}
	recs := map[string]*record.Event{}
	if err := readEvents(ctx, tx, reps, recs); err != nil {
		return err
	}
	var b pgx.Batch
	if len(deletes) > 0 {
		b.Queue(`DELETE FROM events WHERE id = ANY($1)`, deletes)
	}
	for _, g := range upserts {
		rep := recs[g.Representative]
		if rep == nil {
			return fmt.Errorf("merged event %s: representative %s is not stored", g.ID, g.Representative)
		}
		queueEvent(&b, g, rep, deref(rep.Date))
	}
	mids, merged := plan.Moves()
	b.Queue(`UPDATE mentions SET merged = u.merged FROM unnest($1::text[], $2::text[]) AS u(id, merged) WHERE mentions.id = u.id`, mids, merged)
	b.Queue(`UPDATE mentions SET remerged = true WHERE seq = ANY($1) AND NOT remerged`, seqs)
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return err
	}
	st.Sets++
	st.Pending += len(pending)
	st.Mentions += len(ms)
	st.Deleted += len(deletes)
	st.Created += created
	st.Changed += len(upserts) - created
	return nil
}
