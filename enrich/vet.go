package enrich

import (
	"slices"
	"strings"
	"unicode"

	"sitrep/actor"
	"sitrep/geo"
	"sitrep/nlp"
)

// vet corrects the place mentions that other names of the story explain
// better, before any event is located by them:
//
//   - "the Lebanese Republic", "the Syrian Arab Republic": the words a
//     spinner puts for a country's name are that country, not a town
//     called Republic;
//   - a town named by a word of a longer actor name ("Rapid" in the Rapid
//     Support Forces, "Antonio" in António Guterres, "Secretary" in US
//     Secretary of State) or by the whole of an actor's name outside the
//     story's countries is the actor, and no place;
//   - a lone word that names a small town outside the story's main
//     country and is no location by its grammar is a name or an
//     adjective, not that town, when the town's country is none of the
//     story's or the word reads as part of a name ("Western governments",
//     "Ariel Henry", "the Wagner Group").
//
// Vetted mentions keep their span with a nil Place and Why saying why.
func (s *Scene) vet(g *geo.Gazetteer, actors *actor.Dictionary, countries []string) {
	if len(s.Places) == 0 {
		return
	}
	type sentMatches struct {
		done    bool
		matches []actor.Match
	}
	bySent := map[int]*sentMatches{}
	matchesOf := func(si int) []actor.Match {
		sm := bySent[si]
		if sm == nil {
			sm = &sentMatches{}
			bySent[si] = sm
		}
		if !sm.done && actors != nil {
			sm.done = true
			sm.matches = actors.Match(s.Doc.SentenceTokens(si))
		}
		return sm.matches
	}
	for i := range s.Places {
		m := &s.Places[i]
		if m.Place == nil || (m.Place.Kind != geo.KindCity && m.Place.Kind != geo.KindRegion) {
			continue
		}
		if g != nil && m.Place.Kind == geo.KindCity {
			if c := s.republic(g, m); c != nil {
				m.Place, m.Base, m.Precision, m.Why = c, nil, geo.PrecisionCountry, "a country's long form"
				continue
			}
		}
		if m.Role == geo.RoleActor {
			continue
		}
		if s.capitalSubject(m) {
			m.Role = geo.RoleActor
			m.Why += "; a capital as the subject of its verb"
			continue
		}
		if m.Place.Kind != geo.KindCity {
			continue
		}
		far := !slices.Contains(countries, m.Place.Country)
		outside := len(countries) == 0 || m.Place.Country != countries[0]
		if m.Role != geo.RoleLocation && m.Limit-m.First == 1 && outside && m.Place.Population < smallTown && (far || s.nameWord(m)) {
			m.Place, m.Base, m.Precision, m.Confidence = nil, nil, geo.PrecisionNone, 0
			m.Why = "a lone word, a small town far from the story"
			continue
		}
		if actors == nil {
			continue
		}
		first := s.Doc.Sentences[m.Sentence].First
		for _, am := range matchesOf(m.Sentence) {
			lo, hi := first+am.First, first+am.Limit
			if hi-lo > 1 && nlp.Fold(s.Doc.Tokens[lo].Form) == "the" {
				lo++ // "the Rafah" is Rafah
			}
			if m.First < lo || m.Limit > hi {
				continue
			}
			longer := hi-lo > m.Limit-m.First
			if longer || (!geographic(am.Entry) && far && m.Place.Population < 100000) {
				m.Place, m.Base, m.Precision, m.Confidence = nil, nil, geo.PrecisionNone, 0
				m.Why = "a word of the actor name " + s.Doc.Text[am.Start:am.End]
				break
			}
		}
	}
}

// smallTown is the population below which a lone word outside the
// story's countries is taken for a word rather than the town.
const smallTown = 50000

// republic returns the country of a "Republic" mention written after its
// demonym ("the Lebanese Republic", "the Syrian Arab Republic"), nil for
// any other mention.
func (s *Scene) republic(g *geo.Gazetteer, m *geo.Mention) *geo.Place {
	if m.Limit-m.First != 1 || nlp.Fold(m.Text) != "republic" {
		return nil
	}
	sent := s.Doc.Sentences[m.Sentence]
	for k := m.First - 1; k >= sent.First && k >= m.First-3; k-- {
		if iso, ok := g.Demonym(s.Doc.Tokens[k].Form); ok {
			if c, ok := g.Country(iso); ok {
				return c.Place
			}
		}
	}
	return nil
}

// geographic reports whether an actor entry names a country, a capital or
// a region (the countries and capitals files: "Rafah" codes PSEGZA), whose
// names are places as well as actors.
func geographic(e *actor.Entry) bool {
	if e == nil {
		return false
	}
	f := e.File
	return strings.Contains(f, "countries") || strings.Contains(f, "capitals")
}

// nameWord reports whether a one-word mention reads as a word of a name or
// an adjective rather than a place: it is tagged an adjective, follows a
// capitalised proper noun ("Ariel Henry"), or modifies a noun as a
// compound ("Wagner Group"), or is the subject of a verb ("Henry said").
func (s *Scene) nameWord(m *geo.Mention) bool {
	t := s.Doc.Tokens[m.First]
	sent := s.Doc.Sentences[m.Sentence]
	if t.UPOS == "ADJ" || t.Deprel == "amod" || strings.HasPrefix(t.Deprel, "nsubj") {
		return true // "Western governments"; "Henry said": a small town says nothing
	}
	if t.Deprel == "compound" && t.Head >= 0 && s.MentionAt(sent.First+t.Head) < 0 {
		if h := s.Doc.Tokens[sent.First+t.Head].Form; h != "" && unicode.IsUpper([]rune(h)[0]) {
			return true // "Wagner Group", but not "Mocimboa da Praia"
		}
	}
	if m.First > sent.First {
		p := s.Doc.Tokens[m.First-1]
		if p.UPOS == "PROPN" && p.End == t.Start-1 {
			return true
		}
	}
	return false
}

// capitalSubject reports whether a mention names a country's capital and
// is the subject of its verb ("Washington warned", "Moscow said"): the
// government, whichever place of that name the resolver chose (the US
// state for "Washington").
func (s *Scene) capitalSubject(m *geo.Mention) bool {
	if m.Head < 0 || m.Head >= len(s.Doc.Tokens) {
		return false
	}
	t := s.Doc.Tokens[m.Head]
	if t.Deprel == "conj" && t.Head >= 0 { // "Kyiv and Moscow blamed each other"
		first := s.Doc.Sentences[m.Sentence].First
		if h := first + t.Head; h < len(s.Doc.Tokens) {
			t = s.Doc.Tokens[h]
		}
	}
	if !strings.HasPrefix(t.Deprel, "nsubj") {
		return false
	}
	return s.capitals[nlp.Fold(m.Text)]
}

// capitals returns the folded names of the countries' capitals, worked
// out once per Enricher.
func (e *Enricher) capitals() map[string]bool {
	e.capitalsOnce.Do(func() {
		e.capitalSet = map[string]bool{}
		if e.Gazetteer == nil {
			return
		}
		for _, c := range e.Gazetteer.Countries() {
			if c.Capital != "" {
				e.capitalSet[nlp.Fold(c.Capital)] = true
			}
		}
	})
	return e.capitalSet
}
