package enrich

import (
	"sync"
	"time"

	"sitrep/actor"
	"sitrep/count"
	"sitrep/geo"
	"sitrep/nlp"
	"sitrep/quote"
	"sitrep/timex"
)

// An Enricher reads the scene of parsed stories. Its fields are the
// stages it runs; a nil stage is skipped (its part of the Scene stays
// empty). It is safe for concurrent use.
type Enricher struct {
	Places *geo.Resolver
	// Gazetteer gives the focus country's place when no place of the story
	// resolves.
	Gazetteer *geo.Gazetteer
	Times     *timex.Resolver
	Counts    *count.Finder
	Quotes    *quote.Finder
	// Actors names the actors whose names hide a town's ("the Rapid
	// Support Forces"); nil vets no place mention by them.
	Actors *actor.Dictionary
	// Words tells verbs of saying, whose clauses date the saying rather
	// than the events they report; nil treats no verb as one.
	Words *quote.Words

	capitalsOnce sync.Once
	capitalSet   map[string]bool // folded capital names, for vet
}

// Default returns an Enricher with every stage's embedded defaults, the
// quotes' speakers coded by the default actor dictionary.
func Default() (*Enricher, error) {
	g, err := geo.Default()
	if err != nil {
		return nil, err
	}
	t, err := timex.Default()
	if err != nil {
		return nil, err
	}
	c, err := count.Default()
	if err != nil {
		return nil, err
	}
	q, err := quote.Default()
	if err != nil {
		return nil, err
	}
	w, err := quote.DefaultWords()
	if err != nil {
		return nil, err
	}
	a, err := actor.Default()
	if err != nil {
		return nil, err
	}
	return &Enricher{Places: geo.NewResolver(g), Gazetteer: g, Times: t, Counts: c, Quotes: q, Words: w, Actors: a}, nil
}

// Options are what the caller knows of a story beyond its words.
type Options struct {
	// Date is the publication date; the zero time leaves relative dates
	// unresolved and events undated.
	Date time.Time
	// Focus is the story's focus country, an ISO 3166-1 alpha-3 code
	// (event.Coder.Focus), or "".
	Focus string
}

// A Scene is what the stages found in one story.
type Scene struct {
	Doc    *nlp.Doc
	Date   time.Time
	Places []geo.Mention
	Times  []timex.Expr
	Counts []count.Count
	Quotes []quote.Quote
	// Country is the story's country, ISO 3166-1 alpha-3: the country
	// its places lie in, weighed against the one its actors name most
	// (Options.Focus); see Read. "" when neither is known.
	Country string
	// Focus is the story's focus place: the place it names most, else its
	// focus country; nil when neither is known. FocusMention indexes the
	// first mention of it in Places, -1 when it comes from the country.
	Focus        *geo.Place
	FocusMention int

	words    *quote.Words
	capitals map[string]bool
	placeAt  map[int]int // token index → index in Places of the mention whose head it is
	timeAt   map[int]int // token index → index in Times of the expression whose head it is
}

// Read runs the stages on doc, which must be segmented, tagged and parsed.
func (e *Enricher) Read(doc *nlp.Doc, opt Options) *Scene {
	s := &Scene{Doc: doc, Date: opt.Date, FocusMention: -1, words: e.Words}
	var focus []string
	if opt.Focus != "" {
		focus = []string{opt.Focus}
	}
	if e.Places != nil {
		var countries []string
		s.Places, countries = e.Places.ResolveFocus(doc, geo.ResolveOptions{Focus: focus})
		s.capitals = e.capitals()
		s.vet(e.Gazetteer, e.Actors, countries)
	}
	s.Country = s.storyCountry(opt.Focus)
	if e.Times != nil && !opt.Date.IsZero() {
		s.Times = e.Times.Find(doc, opt.Date)
	}
	if e.Counts != nil {
		s.Counts = e.Counts.Find(doc)
	}
	if e.Quotes != nil {
		s.Quotes = e.Quotes.Find(doc, quote.Options{Date: opt.Date, Focus: s.Country})
	}
	s.index()
	s.Focus, s.FocusMention = s.focus(e.Gazetteer, s.Country)
	return s
}

func (s *Scene) index() {
	s.placeAt = make(map[int]int, len(s.Places))
	for i, m := range s.Places {
		if _, ok := s.placeAt[m.Head]; !ok {
			s.placeAt[m.Head] = i
		}
	}
	s.timeAt = make(map[int]int, len(s.Times))
	for i, x := range s.Times {
		if _, ok := s.timeAt[x.Head]; !ok {
			s.timeAt[x.Head] = i
		}
	}
}

// focus picks the story's focus place: of the places that may locate
// events, the one named most often (a region also counting the mentions of
// its cities, half), earlier first among equals, preferring places in the
// focus country when it has any; else the focus country itself.
func (s *Scene) focus(g *geo.Gazetteer, country string) (*geo.Place, int) {
	type tally struct {
		place *geo.Place
		first int
		score float64
	}
	var tallies []*tally
	byID := map[*geo.Place]*tally{}
	add := func(p *geo.Place, first int, w float64) {
		t := byID[p]
		if t == nil {
			t = &tally{place: p, first: first}
			byID[p] = t
			tallies = append(tallies, t)
		}
		t.score += w
	}
	inFocus := false
	for i, m := range s.Places {
		if !locates(m) {
			continue
		}
		if country != "" && m.Place.Country == country {
			inFocus = true
		}
		add(m.Place, i, weight(m))
	}
	if len(tallies) > 0 {
		// A region gains half a point for each mention of a place inside it.
		for i, m := range s.Places {
			if !locates(m) || m.Place.Admin1 == "" {
				continue
			}
			for _, t := range tallies {
				if t.place != m.Place && t.place.Kind == geo.KindRegion && t.place.Country == m.Place.Country && t.place.Admin1 == m.Place.Admin1 {
					add(t.place, i, 0.5)
				}
			}
		}
		var best *tally
		for _, t := range tallies {
			if inFocus && t.place.Country != country {
				continue
			}
			if best == nil || t.score > best.score {
				best = t
			}
		}
		if best != nil {
			return best.place, best.first
		}
	}
	if g != nil && country != "" {
		if c, ok := g.Country(country); ok && c.Place != nil {
			return c.Place, -1
		}
	}
	return nil, -1
}

// locates reports whether a mention may be an event's location: it is
// resolved, and it neither acts nor is an actor's base ("UK-based").
func locates(m geo.Mention) bool {
	if m.Place == nil || m.Role == geo.RoleActor {
		return false
	}
	switch m.Cue {
	case "-based", "-backed", "-led", "-born", "-linked", "-allied", "-supported", "-funded", "-affiliated":
		return false
	}
	return true
}

// MentionAt returns the index in Places of the mention that holds token
// tok (a doc index), -1 for none.
func (s *Scene) MentionAt(tok int) int {
	if i, ok := s.placeAt[tok]; ok {
		return i
	}
	for i, m := range s.Places {
		if tok >= m.First && tok < m.Limit {
			return i
		}
	}
	return -1
}

// weight is what one mention adds to its place's claim to be the story's
// focus: a country, named in passing in most stories, weighs less than a
// place inside one.
func weight(m geo.Mention) float64 {
	if m.Precision <= geo.PrecisionCountry {
		return 0.3
	}
	return 1
}

// storyCountry weighs the countries the story's places lie in: a place
// inside a country counts 1, a country named as a place 0.5, and actors'
// country (the caller's focus, the country the story's actors name most)
// 1.5, so that a story on Daraa whose actors are mostly Russian is Syria's,
// while a story naming its country's places once and a foreign capital
// twice stays with its actors' country.
func (s *Scene) storyCountry(actors string) string {
	score := map[string]float64{}
	var order []string
	add := func(c string, w float64) {
		if c == "" {
			return
		}
		if _, ok := score[c]; !ok {
			order = append(order, c)
		}
		score[c] += w
	}
	add(actors, 1.5)
	for _, m := range s.Places {
		if !locates(m) {
			continue
		}
		if m.Precision <= geo.PrecisionCountry {
			add(m.Place.Country, 0.5)
		} else {
			add(m.Place.Country, 1)
		}
	}
	best := ""
	for _, c := range order {
		if best == "" || score[c] > score[best] {
			best = c
		}
	}
	return best
}
