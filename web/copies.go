package web

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"

	"sitrep/store"
)

// maxCopies bounds the copies /ui/copies describes.
const maxCopies = 50

// Copies is the answer of /ui/copies: the other articles of an article's
// family of copies (those deduplication traced to the same first
// article), with how each relates to its family.
type Copies struct {
	Article  string    `json:"article"`
	Original string    `json:"original"`
	Family   []CopyRef `json:"family"`
	// More counts the copies beyond the first maxCopies.
	More int `json:"more"`
}

// A CopyRef is one article of a family.
type CopyRef struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Source string  `json:"source"`
	Date   *string `json:"date"`
	// Relation is "original", "exact" (a copy of ExactOf), "reprint" (a
	// near copy of Of), "stitched" (made of parts of earlier articles) or
	// "related" (in the family by its events alone).
	Relation string `json:"relation"`
	Of       string `json:"of,omitempty"`
}

// families maps each article to the first article of its family. The
// store has no query for the copies of an article, so the map is read
// from its mentions (each carries its article's family), once per change
// of the store: an article without events is found by its own dedup facts
// only.
type families struct {
	mu      sync.Mutex
	version store.Summary
	built   bool
	members map[string][]string // original → articles, in store order
}

func (f *families) of(ctx context.Context, c *cache, original string) ([]string, error) {
	v, err := c.storeVersion(ctx)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.built || f.version != v {
		m := map[string][]string{}
		seen := map[string]bool{}
		err := c.st.Mentions(ctx, func(mn store.Mention) error {
			if mn.Original == "" || seen[mn.ArticleID] {
				return nil
			}
			seen[mn.ArticleID] = true
			m[mn.Original] = append(m[mn.Original], mn.ArticleID)
			return nil
		})
		if err != nil {
			return nil, err
		}
		f.members, f.version, f.built = m, v, true
	}
	return slices.Clone(f.members[original]), nil
}

func (u *UI) handleCopies(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("article")
	for name := range r.URL.Query() {
		if name != "article" {
			writeError(w, http.StatusBadRequest, `bad parameter "`+name+`": unknown parameter (want article)`)
			return
		}
	}
	if id == "" {
		writeError(w, http.StatusBadRequest, `bad parameter "article": want an article ID`)
		return
	}
	a, err := u.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "article "+id+" not found")
		return
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	out := Copies{Article: id, Original: id, Family: []CopyRef{}}
	if a.Dedup != nil && a.Dedup.Original != "" {
		out.Original = a.Dedup.Original
	}
	ids, err := u.families.of(r.Context(), u.cache, out.Original)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if out.Original != id && !slices.Contains(ids, out.Original) {
		ids = append([]string{out.Original}, ids...)
	}
	ids = slices.DeleteFunc(ids, func(s string) bool { return s == id })
	if len(ids) > maxCopies {
		out.More = len(ids) - maxCopies
		ids = ids[:maxCopies]
	}
	for _, cid := range ids {
		c, err := u.st.Article(r.Context(), cid)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			u.fail(w, r, err)
			return
		}
		ref := CopyRef{ID: cid, Title: c.Meta.Title, Source: c.Meta.Source, Date: c.Meta.Date, Relation: "related"}
		switch d := c.Dedup; {
		case cid == out.Original:
			ref.Relation = "original"
		case d == nil:
		case d.ExactOf != "":
			ref.Relation, ref.Of = "exact", d.ExactOf
		case d.NearOf != "":
			ref.Relation, ref.Of = "reprint", d.NearOf
		case d.Stitched:
			ref.Relation = "stitched"
		}
		out.Family = append(out.Family, ref)
	}
	writeJSON(w, out)
}
