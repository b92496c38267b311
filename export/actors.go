package export

import (
	"sitrep/actor"
	"sitrep/record"
)

// actorParts is a CAMEO actor code split the way GDELT's actor columns
// split it.
type actorParts struct {
	// Country is the leading country, historic state or region segment.
	Country string
	// KnownGroup is the first organization segment (UNO in IGOUNO).
	KnownGroup string
	Ethnic     string
	Religion   [2]string
	// Types are the role and organization-type segments in order (GOV,
	// MIL, REB; IGO, NGO).
	Types [3]string
}

const (
	placeKinds = actor.KindCountry | actor.KindState | actor.KindRegion
	typeKinds  = actor.KindType | actor.KindRole
)

// split splits a CAMEO actor code into three-character segments and sorts
// them into GDELT's columns by what the code tables say each is. A segment
// with several meanings (MUS: Mauritius and Muslim) is read by its place:
// first a country, state, region or organization type; later a role, an
// organization, a religion or an ethnic group. A trailing piece shorter
// than three characters is ignored.
func (t *Tables) split(a *record.Actor) actorParts {
	var p actorParts
	if a == nil {
		return p
	}
	types, rels := 0, 0
	for i := 0; i+3 <= len(a.Code); i += 3 {
		seg := a.Code[i : i+3]
		k := t.segments[seg]
		if actor.IsISOCountry(seg) {
			k |= actor.KindCountry
		}
		switch {
		case i == 0 && k&placeKinds != 0:
			p.Country = seg
		case k&typeKinds != 0:
			if types < len(p.Types) {
				p.Types[types] = seg
				types++
			}
		case k&actor.KindOrg != 0:
			if p.KnownGroup == "" {
				p.KnownGroup = seg
			}
		case k&actor.KindReligion != 0:
			if rels < len(p.Religion) {
				p.Religion[rels] = seg
				rels++
			}
		case k&actor.KindEthnic != 0:
			if p.Ethnic == "" {
				p.Ethnic = seg
			}
		}
	}
	if p.Country == "" && a.Country != nil {
		p.Country = *a.Country
	}
	return p
}

// Roles that make an actor a state force (ACLED inter code 1).
func stateRole(seg string) bool {
	switch seg {
	case "GOV", "MIL", "COP", "SPY", "JUD":
		return true
	}
	return false
}

// has reports whether the actor's types include seg.
func (p *actorParts) has(seg string) bool {
	for _, s := range p.Types {
		if s == seg {
			return true
		}
	}
	return false
}

// state reports whether the actor is a state force.
func (p *actorParts) state() bool {
	for _, s := range p.Types {
		if stateRole(s) {
			return true
		}
	}
	return false
}
