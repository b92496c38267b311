package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"sitrep/store"
)

var _ store.Remerger = (*Store)(nil)

// remergeChunk is the most pending mentions one remerge transaction
// starts from.
const remergeChunk = 5000

// fillWindows computes the merge windows of mentions stored before
// migration 0002.
func (s *Store) fillWindows(ctx context.Context) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT seq, code, date, precision FROM mentions WHERE root IS NULL`)
		if err != nil {
			return err
		}
		type fill struct {
			seq      int64
			root     string
			from, to int
		}
		var fills []fill
		for rows.Next() {
			var f fill
			var m store.Mention
			if err := rows.Scan(&f.seq, &m.Code, &m.Date, &m.Precision); err != nil {
				rows.Close()
				return err
			}
			f.root, f.from, f.to = store.WindowOf(m)
			fills = append(fills, f)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for _, f := range fills {
			if _, err := tx.ExecContext(ctx, `UPDATE mentions SET root = ?, day_from = ?, day_to = ? WHERE seq = ?`, f.root, f.from, f.to, f.seq); err != nil {
				return err
			}
		}
		return nil
	})
	return s.wrap("fill merge windows", err)
}

// Remerge recomputes the merged events of the mentions not remerged yet
// and of every mention that could merge with them (see store.Remerger),
// one CAMEO root at a time in write transactions: the write lock keeps
// remerges of other processes out. One transaction takes several roots,
// up to about remergeTxMentions mentions, and merge plans the next root
// in another goroutine while the one before is written, so merge may run
// on two sets at once.
func (s *Store) Remerge(ctx context.Context, merge store.MergeFunc) (*store.RemergeStats, error) {
	if s.w == nil {
		return nil, ErrReadOnly
	}
	st := &store.RemergeStats{}
	for {
		var roots []string
		err := s.each(ctx, `SELECT DISTINCT root FROM mentions WHERE remerged = 0 ORDER BY root`, nil, func(r *sql.Rows) error {
			var root string
			err := r.Scan(&root)
			roots = append(roots, root)
			return err
		})
		if err != nil {
			return st, s.wrap("remerge", err)
		}
		if len(roots) == 0 {
			return st, nil
		}
		for len(roots) > 0 {
			var done int
			if err := s.inTx(ctx, func(tx *sql.Tx) error {
				var err error
				done, err = remergeRoots(ctx, tx, roots, merge, st)
				return err
			}); err != nil {
				return st, s.wrap("remerge", err)
			}
			roots = roots[done:]
		}
	}
}

// remergeTxMentions is about the most mentions one remerge transaction
// reads: it ends after the root that reaches it.
const remergeTxMentions = 40000

// remergeRoots remerges roots, in order, in tx until it has read
// remergeTxMentions mentions, and returns how many roots it took; an
// error names its root. It reads a root and starts merge on it before it
// writes the plan of the root before.
func remergeRoots(ctx context.Context, tx *sql.Tx, roots []string, merge store.MergeFunc, st *store.RemergeStats) (int, error) {
	type planned struct {
		set  *rootSet
		plan *store.RemergePlan
		err  error
		done chan struct{}
	}
	var prev *planned
	defer func() {
		if prev != nil {
			<-prev.done // its goroutine touches nothing shared; still, wait
		}
	}()
	write := func() error {
		p := prev
		prev = nil
		<-p.done
		err := p.err
		if err == nil {
			err = applyRoot(ctx, tx, p.set, p.plan, st)
		}
		if err != nil {
			return fmt.Errorf("root %s: %w", p.set.root, err)
		}
		return nil
	}
	n, read := 0, 0
	for ; n < len(roots) && read < remergeTxMentions; n++ {
		set, err := gatherRoot(ctx, tx, roots[n])
		if err != nil {
			return n, fmt.Errorf("root %s: %w", roots[n], err)
		}
		if set == nil {
			continue
		}
		read += len(set.mentions)
		next := &planned{set: set, done: make(chan struct{})}
		go func() {
			defer close(next.done)
			next.plan, next.err = store.PlanRemerge(set.mentions, merge)
		}()
		if prev != nil {
			if err := write(); err != nil {
				prev = next
				return n, err
			}
		}
		prev = next
	}
	if prev != nil {
		if err := write(); err != nil {
			return n, err
		}
	}
	return n, nil
}

type windowRow struct {
	seq      int64
	id       string
	merged   string
	from, to int
}

func scanWindows(rows *sql.Rows, err error) ([]windowRow, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []windowRow
	for rows.Next() {
		var x windowRow
		if err := rows.Scan(&x.seq, &x.id, &x.merged, &x.from, &x.to); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// A rootSet is what one remerge of a root starts from: its pending
// mentions and the set of mentions they could merge with.
type rootSet struct {
	root     string
	pending  int
	full     bool    // the set is the whole root
	seqs     []int64 // of the set's mentions
	mentions []store.Mention
}

// gatherRoot reads the pending mentions of root (up to remergeChunk) and
// every mention that could merge with them; nil when none is pending.
func gatherRoot(ctx context.Context, tx *sql.Tx, root string) (*rootSet, error) {
	pending, err := scanWindows(tx.QueryContext(ctx, `SELECT seq, id, merged, day_from, day_to FROM mentions
		WHERE remerged = 0 AND root = ? ORDER BY seq LIMIT ?`, root, remergeChunk))
	if err != nil || len(pending) == 0 {
		return nil, err
	}
	// Grow the set: mentions whose windows overlap, and mentions of the
	// merged events of the set, until nothing is added. When many of the
	// root's mentions are pending (an ingest's remerge at its end), the
	// set grows to most of the root anyway through the long windows of
	// year- and month-dated mentions, and taking the whole root at once
	// is far cheaper than growing it window by window.
	in := map[int64]bool{}
	ids := map[string]bool{}
	var set []windowRow
	fresh := pending
	var total, waiting int
	if err := tx.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE remerged = 0) FROM mentions WHERE root = ?`, root).Scan(&total, &waiting); err != nil {
		return nil, err
	}
	full := 4*waiting >= total
	if full {
		all, err := scanWindows(tx.QueryContext(ctx, `SELECT seq, id, merged, day_from, day_to FROM mentions WHERE root = ?`, root))
		if err != nil {
			return nil, err
		}
		set, fresh = all, nil
	}
	for len(fresh) > 0 {
		var wins [][2]int
		var names []string
		for _, x := range fresh {
			if in[x.seq] {
				continue
			}
			in[x.seq] = true
			set = append(set, x)
			wins = append(wins, [2]int{x.from, x.to})
			for _, id := range []string{x.id, x.merged} {
				if !ids[id] {
					ids[id] = true
					names = append(names, id)
				}
			}
		}
		if len(wins) == 0 {
			break
		}
		// A window is at most a year and a day long: day_from is within
		// 366 days before the end of an overlapping window.
		found, err := scanWindows(tx.QueryContext(ctx, `SELECT m.seq, m.id, m.merged, m.day_from, m.day_to
			FROM json_each(?) w JOIN mentions m ON m.root = ? AND m.day_from BETWEEN w.value->>0 - 366 AND w.value->>1 AND m.day_to >= w.value->>0
			UNION SELECT seq, id, merged, day_from, day_to FROM mentions WHERE merged IN (SELECT value FROM json_each(?))`,
			encode(wins), root, encode(names)))
		if err != nil {
			return nil, err
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
	rows, err := tx.QueryContext(ctx, `SELECT m.id, a.id, m.merged, m.original, m.source, m.source_actor, m.target_actor, m.code,
		m.geonames_id, m.lat, m.lon, m.radius, m.country, m.date, m.precision
		FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.seq IN (SELECT value FROM json_each(?))`, encode(seqs))
	if err != nil {
		return nil, err
	}
	var ms []store.Mention
	for rows.Next() {
		var m store.Mention
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&m.EventID, &m.ArticleID, &m.Merged, &m.Original, &m.Source, &m.SourceActor, &m.TargetActor, &m.Code,
			&m.GeonamesID, &lat, &lon, &m.Radius, &m.Country, &m.Date, &m.Precision); err != nil {
			rows.Close()
			return nil, err
		}
		m.Lat, m.Lon = math.NaN(), math.NaN()
		if lat.Valid {
			m.Lat = lat.Float64
		}
		if lon.Valid {
			m.Lon = lon.Float64
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return &rootSet{root: root, pending: len(pending), full: full, seqs: seqs, mentions: ms}, nil
}

// applyRoot writes the plan of a root's remerge: deleted, new and changed
// merged events, mentions moved between them, the set marked remerged.
func applyRoot(ctx context.Context, tx *sql.Tx, set *rootSet, plan *store.RemergePlan, st *store.RemergeStats) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, representative, num_mentions, num_sources, num_articles FROM events
		WHERE id IN (SELECT value FROM json_each(?))`, encode(plan.EventIDs()))
	if err != nil {
		return err
	}
	var old []store.Merged
	for rows.Next() {
		var g store.Merged
		if err := rows.Scan(&g.ID, &g.Representative, &g.NumMentions, &g.NumSources, &g.NumArticles); err != nil {
			rows.Close()
			return err
		}
		old = append(old, g)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	upserts, deletes, created := plan.Diff(old)
	del, err := tx.PrepareContext(ctx, `DELETE FROM events WHERE id = ?`)
	if err != nil {
		return err
	}
	defer del.Close()
	for _, id := range deletes {
		if _, err := del.ExecContext(ctx, id); err != nil {
			return err
		}
	}
	get, err := tx.PrepareContext(ctx, selectEvent)
	if err != nil {
		return err
	}
	defer get.Close()
	up, err := tx.PrepareContext(ctx, upsertEvent)
	if err != nil {
		return err
	}
	defer up.Close()
	for _, g := range upserts {
		rep, err := readEvent(get.QueryRowContext(ctx, g.Representative), g)
		if err != nil {
			return err
		}
		if _, err := up.ExecContext(ctx, upsertArgs(g, rep)...); err != nil {
			return err
		}
	}
	mids, merged := plan.Moves()
	if len(mids) > 0 {
		move, err := tx.PrepareContext(ctx, `UPDATE mentions SET merged = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer move.Close()
		for i := range mids {
			if _, err := move.ExecContext(ctx, merged[i], mids[i]); err != nil {
				return err
			}
		}
	}
	if set.full {
		if _, err := tx.ExecContext(ctx, `UPDATE mentions SET remerged = 1 WHERE root = ? AND remerged = 0`, set.root); err != nil {
			return err
		}
	} else if _, err := tx.ExecContext(ctx, `UPDATE mentions SET remerged = 1 WHERE remerged = 0 AND seq IN (SELECT value FROM json_each(?))`, encode(set.seqs)); err != nil {
		return err
	}
	st.Sets++
	st.Pending += set.pending
	st.Mentions += len(set.mentions)
	st.Deleted += len(deletes)
	st.Created += created
	st.Changed += len(upserts) - created
	return nil
}
