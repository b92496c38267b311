package geo

import (
	"slices"
	"testing"

	"sitrep/internal/enrichcorpus"
	"sitrep/nlp"
)

// TestResolveEnrichCorpus measures the resolver on the places of the
// enrichment corpus (../testdata/enrich/corpus.txt), whose gold was
// written apart from the resolver: the gold mentions found (a mention
// overlapping the gold span), resolved to the gold place (its GeoNames id,
// or within 161 km of a derived area's centre), to its country, at its
// precision and with its role (actor or not); and the traps ("Nots" of
// kind place) taken for places.
func TestResolveEnrichCorpus(t *testing.T) {
	cases, err := enrichcorpus.Read("../" + enrichcorpus.File)
	if err != nil {
		t.Fatal(err)
	}
	r := NewResolver(defaultGaz(t))
	logf := func(format string, args ...any) {
		if testing.Verbose() {
			t.Logf(format, args...)
		}
	}
	var gold, found, right, country, precision, role, traps, trapped int
	for _, c := range cases {
		doc := parse(t, c.Text)
		ms := r.Resolve(doc, ResolveOptions{})
		checkMentions(t, doc, ms)
		at := func(s nlp.Span) *Mention {
			for i := range ms {
				if ms[i].Start < s.End && s.Start < ms[i].End {
					return &ms[i]
				}
			}
			return nil
		}
		for _, g := range c.Places {
			gold++
			m := at(g.Span)
			if m == nil {
				logf("corpus.txt:%d: %q: not found", g.Line, g.Mention)
				continue
			}
			found++
			p := m.Place
			ok := p != nil && (g.GeoNameID != 0 && p.ID == int64(g.GeoNameID) ||
				g.Derived && Haversine(p.Lat, p.Lon, g.Lat, g.Lon) <= 161)
			if ok {
				right++
			}
			if p != nil && (p.Country == g.Country || slices.Contains(p.Also, g.Country)) {
				country++
			}
			if m.Precision.String() == string(g.Precision) {
				precision++
			}
			if g.Actor == (m.Role == RoleActor) {
				role++
			}
			if !ok || g.Actor != (m.Role == RoleActor) {
				logf("corpus.txt:%d: %q (gold %s %s %s actor=%v): got %s", g.Line, g.Mention, g.Name, g.Country, g.Precision, g.Actor, describe(*m))
			}
		}
		for _, n := range c.Nots {
			if n.Kind != "place" {
				continue
			}
			traps++
			if m := at(n.Span); m != nil && m.Place != nil {
				trapped++
				logf("corpus.txt:%d: trap %q taken for %s", n.Line, n.Mention, describe(*m))
			}
		}
	}
	pct := func(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }
	t.Logf("enrich corpus: %d texts, %d gold places; found %d (%.1f%%); right place %d (%.1f%% of found); right country %d (%.1f%%); right precision %d (%.1f%%); right role %d (%.1f%%); traps taken %d of %d",
		len(cases), gold, found, pct(found, gold), right, pct(right, found), country, pct(country, found),
		precision, pct(precision, found), role, pct(role, found), trapped, traps)
	// Floors, a little under the figures measured when they were set.
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"found", pct(found, gold), 95},
		{"place", pct(right, found), 87},
		{"country", pct(country, found), 95},
		{"precision", pct(precision, found), 89},
		{"role", pct(role, found), 92},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.1f%%, floor %.1f%%", f.name, f.got, f.floor)
		}
	}
}
