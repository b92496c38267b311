package geo

import (
	"cmp"
	"slices"
	"sync"

	"sitrep/nlp"
)

// A Resolver finds the place mentions of a parsed text and resolves each to
// a place of its gazetteer. The zero value of every tunable field is a
// usable default. A Resolver is safe for concurrent use; do not change its
// fields while it is in use.
type Resolver struct {
	g *Gazetteer

	// MaxCandidates bounds the candidates of one name that are scored, in
	// the gazetteer's order, most likely first; candidates in the story's
	// countries are scored even beyond it. 0 means 40.
	MaxCandidates int
	// NearKm is the distance scale, in km, of the bonus a candidate gets for
	// lying near the other places of the story: exp(-d/NearKm). 0 means 150.
	NearKm float64
	// BorderKm is how close, in km, populated places of two countries must
	// be for the land between them to count as their border area; where no
	// pair is that close, twice and four times the distance are tried. 0
	// means 25.
	BorderKm float64
	// DropUnknown drops capitalised names after a locative preposition
	// ("in Xyzzy") that the gazetteer lacks, instead of reporting them as
	// mentions without a Place.
	DropUnknown bool

	derived *derivedCache
}

// NewResolver returns a resolver over g with the default tunables.
func NewResolver(g *Gazetteer) *Resolver {
	return &Resolver{g: g, derived: newDerivedCache()}
}

// ResolveOptions is what the caller knows about a text beyond its words.
type ResolveOptions struct {
	// Focus lists the ISO 3166-1 alpha-3 codes of the countries the story is
	// about, most prominent first. It may be empty: the countries are then
	// inferred from the text (country names, demonyms and the countries of
	// unambiguous places, earlier ones weighing more).
	Focus []string
}

// A Precision says how finely a Place locates a mention.
type Precision uint8

const (
	// PrecisionNone: the mention is unresolved.
	PrecisionNone Precision = iota
	// PrecisionCountry: a country, or an area at least as large (a
	// continent, a sea, an area of 1,000 km radius or more).
	PrecisionCountry
	// PrecisionRegion: a first-level region, a curated area, a part of a
	// country or region ("southern Syria"), a border area.
	PrecisionRegion
	// PrecisionCity: a populated place.
	PrecisionCity
	// PrecisionSubCity: a part of a populated place ("eastern Aleppo").
	PrecisionSubCity
)

var precisionNames = [...]string{"none", "country", "region", "city", "subcity"}

// String returns "none", "country", "region", "city" or "subcity".
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "precision?"
}

// A Role is what a place mention does in its sentence.
type Role uint8

const (
	// RoleOther: neither of the others: a place named as a container
	// ("Syria's Daraa Governorate"), a modifier ("the Daraa offensive"), a
	// complement ("a victory for Syria").
	RoleOther Role = iota
	// RoleLocation: where something happens, or where it goes or comes
	// from: the mention follows a locative preposition ("in Daraa", "near
	// the border with Jordan", "toward northern Syria") or a locative noun
	// ("on the outskirts of Damascus"), or is the place of an "X-based".
	RoleLocation
	// RoleActor: a country or capital that acts or is acted on, by its
	// grammar: a subject, object, possessor or agent, or a conjunct of one,
	// and not under a locative preposition ("Jordan is delivering aid",
	// "Jordan's foreign minister", "agreed by the US, Jordan and Russia",
	// "Moscow was helping", "Russia-backed forces").
	RoleActor
)

var roleNames = [...]string{"other", "location", "actor"}

// String returns "other", "location" or "actor".
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "role?"
}

// A Mention is a place named in the text.
type Mention struct {
	// Span is the mention's bytes in doc.Text: the place's words without a
	// leading article ("Daraa province", "southern Syria", "border with
	// Jordan", "southwest"). For "X-based" and the like it is the X part of
	// the hyphenated token.
	nlp.Span
	// Sentence indexes doc.Sentences.
	Sentence int
	// First and Limit delimit the mention's tokens, doc.Tokens[First:Limit]:
	// the tokens the span overlaps.
	First, Limit int
	// Head is the mention's syntactic head, an index into doc.Tokens: the
	// token of [First, Limit) whose head lies outside the mention (the last
	// token when the text is not parsed).
	Head int
	// Text is doc.Text[Start:End].
	Text string
	// Place is the place the mention resolves to; nil when it is unresolved
	// (a name the gazetteer lacks, a border of unknown countries). Places
	// with ID 0 are derived by the resolver: a part of a place ("southern
	// Syria": Kind area, Feature RGN) or the border area of two countries
	// (Kind area, Feature BDLN, Country one side and Also the other); they
	// are shared like the gazetteer's and must not be changed.
	Place *Place
	// Base lists the places a derived Place was derived from: the place a
	// direction applies to, or the two countries of a border.
	Base []*Place
	// Precision says how finely Place locates the mention.
	Precision Precision
	// Role is what the mention does in its sentence.
	Role Role
	// Cue is the word that introduced the mention, folded: a preposition
	// of data/phrases.txt's cues ("in", "near", "close to", "north of",
	// "by"), a locative noun ("outskirts"), a hyphenated suffix ("-based",
	// "-backed"), or "" (no word, or a preposition that is no cue: "for
	// Syria").
	Cue string
	// Confidence is how sure the resolver is of Place, from 0 to 1: the
	// share of the chosen candidate in a softmax over the candidates'
	// scores; 0 for an unresolved mention.
	Confidence float64
	// Why says how Place was chosen: "only candidate", "in focus country
	// SYR", "near Dar‘ā", "in Texas", "population", "country", "type word",
	// "southern part of Syria", "border of Syria and Jordan", ...
	Why string
}

// Resolve finds and resolves every place mention of doc, which must be
// segmented and tokenized and should be tagged and parsed (without tags and
// heads, roles and cues come from the words around each name alone). The
// mentions are in text order and never overlap. A name the gazetteer lacks,
// or a border it cannot place, gives a mention without a Place and changes
// nothing for the others. Resolve never panics, whatever doc holds:
// sentences or tokens outside the text are skipped.
func (r *Resolver) Resolve(doc *nlp.Doc, opt ResolveOptions) []Mention {
	ms, _ := r.ResolveFocus(doc, opt)
	return ms
}

// ResolveFocus is Resolve that also returns the story's countries, the
// focus the mentions were resolved by: ISO 3166-1 alpha-3 codes, those of
// opt.Focus first, then those the text makes prominent (places in them,
// their names after locative prepositions, their names and demonyms,
// earlier sentences weighing more), most prominent first. focus[0] is the
// country to code a story's unnamed actors by ("regime forces"); focus is
// empty when the text names no place and opt.Focus none.
func (r *Resolver) ResolveFocus(doc *nlp.Doc, opt ResolveOptions) (ms []Mention, focus []string) {
	if r == nil || r.g == nil || doc == nil {
		return nil, nil
	}
	st := &state{r: r, g: r.g, w: r.g.words, doc: doc}
	for si := range doc.Sentences {
		if !st.validSentence(si) {
			continue
		}
		st.findSentence(si)
	}
	st.resolve(opt)
	out := make([]Mention, 0, len(st.ms))
	for _, m := range st.ms {
		if m.drop {
			continue
		}
		out = append(out, m.Mention)
	}
	slices.SortFunc(out, func(a, b Mention) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.End, b.End)
	})
	// Drop overlaps (a longer phrase found later in a sentence wins over
	// nothing it covers: phrases consume the names inside them, so overlaps
	// are rare and come from odd token spans).
	k := 0
	for _, m := range out {
		if k > 0 && m.Start < out[k-1].End {
			continue
		}
		out[k] = m
		k++
	}
	return out[:k], st.focus
}

// validSentence reports whether sentence si and its tokens lie inside the
// text, in order.
func (st *state) validSentence(si int) bool {
	d := st.doc
	s := d.Sentences[si]
	if s.First < 0 || s.Limit > len(d.Tokens) || s.First > s.Limit {
		return false
	}
	prev := 0
	if s.First > 0 {
		prev = d.Tokens[s.First-1].End
	}
	for _, t := range d.Tokens[s.First:s.Limit] {
		if t.Start < prev || t.End < t.Start || t.End > len(d.Text) || t.Start < s.Start || t.End > s.End {
			return false
		}
		prev = t.End
	}
	return s.Start >= 0 && s.End <= len(d.Text) && s.Start <= s.End
}

// A derivedCache keeps the places the resolver derives (parts of places,
// border areas), so that each is computed once and shared.
type derivedCache struct {
	mu      sync.Mutex
	parts   map[partKey]*Place
	borders map[[2]string]*borderArea // by (own country, other country)
}

type partKey struct {
	base *Place
	dir  direction
}

func newDerivedCache() *derivedCache {
	return &derivedCache{parts: map[partKey]*Place{}, borders: map[[2]string]*borderArea{}}
}
