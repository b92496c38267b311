package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"sitrep/actor"
	"sitrep/nlp"
)

// readCountries reads the ISO codes and names, the countries list, the
// GeoNames country table and the demonyms.
func (g *generator) readCountries() error {
	var codes [][]string
	if err := g.readJSON(sources.ISOCodes, &codes); err != nil {
		return err
	}
	g.countries = map[string]*country{}
	g.a2to3 = map[string]string{}
	g.claims = map[string][]string{}
	for _, c := range codes {
		if len(c) < 2 || skipCountries[c[1]] != "" {
			continue
		}
		g.a2to3[c[0]] = c[1]
		g.countries[c[1]] = &country{code: c[1]}
		g.codes = append(g.codes, c[1])
	}
	slices.Sort(g.codes)

	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := g.readJSON(sources.ISONames, &en); err != nil {
		return err
	}
	for _, a2 := range sortedKeys(en.Countries) {
		raw := en.Countries[a2]
		var names []string
		if err := json.Unmarshal(raw, &names); err != nil {
			var one string
			if err := json.Unmarshal(raw, &one); err != nil {
				return fmt.Errorf("gen: %s: country %s: %w", sources.ISONames, a2, err)
			}
			names = []string{one}
		}
		for _, n := range names {
			g.addName(g.a2to3[a2], n, "ISO")
		}
	}

	var list map[string]struct {
		Name    string   `json:"name"`
		Alias   []string `json:"alias"`
		Capital string   `json:"capital"`
	}
	if err := g.readJSON(sources.CountriesList, &list); err != nil {
		return err
	}
	for _, a2 := range sortedKeys(list) {
		c := list[a2]
		code := g.a2to3[a2]
		g.addName(code, c.Name, "countries-list")
		for _, n := range c.Alias {
			g.addName(code, n, "countries-list")
		}
		if c.Capital != "" && g.countries[code] != nil {
			g.addCapital(code, c.Capital)
		}
	}

	info, err := g.readFile(sources.CountryInfo)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(info), "\n") {
		f := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(f) < 6 {
			continue
		}
		code := f[1]
		if g.countries[code] == nil {
			g.rep.add("countryInfo.txt: countries without an ISO code in codes.json, skipped", code+" "+f[4])
			continue
		}
		g.addName(code, f[4], "GeoNames")
		if f[5] != "" {
			g.addCapital(code, f[5])
		}
	}

	dem, err := g.readFile(sources.Demonyms)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(strings.TrimSpace(string(dem)), "\n") {
		if i == 0 {
			continue // header
		}
		name, code, ok := strings.Cut(line, ",")
		name, code = strings.TrimSpace(name), strings.TrimSpace(code)
		if !ok || g.countries[code] == nil {
			g.rep.add("nat_df.csv: demonym rows skipped, not NAME,ISO3", fmt.Sprintf("line %d %q", i+1, line))
			continue
		}
		g.addName(code, name, "demonym")
		if p := demonymPlural(name); p != "" {
			g.addName(code, p, "demonym")
		}
	}
	g.sourceClaims = map[string][]string{}
	for k, codes := range g.claims {
		g.sourceClaims[k] = slices.Clone(codes)
	}
	return nil
}

// skipCountries are codes of the ISO lists that are not ISO 3166-1 codes.
var skipCountries = map[string]string{
	"XKK": "user-assigned, not ISO; CAMEO and Phoenix code Kosovo KSV (codes.txt)",
}

func (g *generator) readJSON(rel string, v any) error {
	b, err := g.readFile(rel)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("gen: %s: %w", rel, err)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// addName adds a country name, cleaned, unless the country has it.
func (g *generator) addName(code, name, source string) {
	c := g.countries[code]
	if c == nil {
		return
	}
	name = cleanCountryName(name)
	if name == "" {
		return
	}
	k := simpleKey(name)
	for _, n := range c.names {
		if simpleKey(n) == k {
			return
		}
	}
	c.names = append(c.names, name)
	if source == "Phoenix" {
		return
	}
	if c.title == "" {
		c.title = name
	}
	if !slices.Contains(g.claims[k], code) {
		g.claims[k] = append(g.claims[k], code)
	}
}

func (g *generator) addCapital(code, name string) {
	c := g.countries[code]
	name = strings.TrimSpace(name)
	k := simpleKey(name)
	for _, n := range c.capitals {
		if simpleKey(n) == k {
			return
		}
	}
	c.capitals = append(c.capitals, name)
}

// cleanCountryName turns list forms into running-text names: "Korea,
// Republic of" → "Republic of Korea", "Virgin Islands, British" → "British
// Virgin Islands", "Cocos (Keeling) Islands" → "Cocos Islands"; other
// names with a comma ("Bonaire, Sint Eustatius and Saba") are dropped.
func cleanCountryName(n string) string {
	for {
		i := strings.IndexByte(n, '(')
		j := strings.IndexByte(n, ')')
		if i < 0 || j < i {
			break
		}
		n = n[:i] + n[j+1:]
	}
	n = strings.Join(strings.Fields(n), " ")
	if a, b, ok := strings.Cut(n, ", "); ok {
		switch {
		case strings.HasSuffix(b, " of") || strings.HasSuffix(b, " of the"):
			n = b + " " + a
		case !strings.Contains(b, " "):
			n = b + " " + a
		default:
			return ""
		}
	}
	return n
}

// demonymPlural gives the plural of a demonym used as a noun ("Syrians"),
// or "" for those that have none ("Chinese", "Swiss", "British").
func demonymPlural(d string) string {
	ld := strings.ToLower(d)
	for _, suf := range []string{"ese", "s", "sh", "ch", "x", "z", "i-kiribati"} {
		if strings.HasSuffix(ld, suf) {
			return ""
		}
	}
	if strings.Contains(d, " ") || !unicode.IsUpper([]rune(d)[0]) {
		return ""
	}
	return d + "s"
}

// simpleKey is a quick stand-in for actor.NameKeys used to compare with
// GeoNames: folded, hyphens and underscores as spaces, no periods,
// parentheses or commas, no leading "the".
func simpleKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	f := s
	if !ascii {
		f = nlp.Fold(s)
	}
	var b strings.Builder
	b.Grow(len(f))
	space := true
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '-' || c == '_' || c == ' ' || c == '\t':
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		case c == '.' || c == '(' || c == ')' || c == ',' || c == '\'' || c == '`':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
		space = false
	}
	k := strings.TrimSuffix(b.String(), " ")
	return strings.TrimPrefix(k, "the ")
}

// articles are left out of skeletons: "Deir ez-Zor" and "Deir el Zour"
// have one.
var articles = map[string]bool{"al": true, "el": true, "ez": true, "ad": true, "ar": true, "as": true,
	"ash": true, "at": true, "az": true, "an": true, "ul": true, "the": true, "de": true, "of": true, "di": true}

// skeleton reduces a simple key to its consonants, without articles,
// h, w or y and without doubled letters, so that transliterations of one
// place meet: "Deir Ezzor", "Deir el Zour" and "Dayr az Zawr" are all
// "drzr".
func skeleton(key string) string {
	var b []byte
	for _, w := range strings.Fields(key) {
		if articles[w] {
			continue
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c < 'a' || c > 'z' || strings.IndexByte("aeiouyhw", c) >= 0 {
				continue
			}
			if len(b) > 0 && b[len(b)-1] == c {
				continue
			}
			b = append(b, c)
		}
	}
	return string(b)
}

// designators are the words admin division names carry that a bare name
// does not: "Adygeya Republic", "Daraa Governorate".
var designators = map[string]bool{"oblast": true, "oblast'": true, "krai": true, "kray": true,
	"respublika": true, "republic": true, "governorate": true, "muhafazat": true, "province": true,
	"provincia": true, "region": true, "district": true, "okrug": true, "autonomous": true,
	"avtonomnyy": true, "state": true, "territory": true, "county": true, "prefecture": true,
	"department": true, "municipality": true, "wilayah": true, "velayat": true, "ostan": true}

// bareName strips an admin name of its designators and anything after a
// comma.
func bareName(name string) string {
	name, _, _ = strings.Cut(name, ",")
	var words []string
	for _, w := range strings.Fields(simpleKey(name)) {
		if !designators[w] && !articles[w] {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// readPhoenix converts the Phoenix dictionaries and sets the country blocks
// aside.
func (g *generator) readPhoenix() error {
	g.phoenix = map[string][]*actor.Entry{}
	for _, src := range []string{sources.PhoenixCountries, sources.PhoenixInternational, sources.PhoenixNonState, sources.PhoenixAgents} {
		data, err := g.readFile(src)
		if err != nil {
			return err
		}
		entries, err := actor.ParsePetrarch(bytes.NewReader(data), base(src))
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				g.rep.add(base(src)+": lines not converted", line)
			}
		}
		var kept []*actor.Entry
		for _, e := range entries {
			g.checkCodings(e, src)
			if len(e.Codings) == 0 {
				g.rep.add(base(src)+": entries dropped, no known code left", e.Names[0])
				continue
			}
			if src == sources.PhoenixAgents {
				g.agents = append(g.agents, e)
				continue
			}
			if len(g.blockCountries(e)) > 0 {
				g.blocks = append(g.blocks, e)
				if g.isCountry(e) {
					continue // its names go to countries.txt and capitals.txt
				}
			}
			kept = append(kept, e)
		}
		g.phoenix[src] = kept
	}
	return nil
}

// isCountry reports whether e is an ISO country's block: one undated bare
// ISO code.
func (g *generator) isCountry(e *actor.Entry) bool {
	return len(e.Codings) == 1 && e.Codings[0].Default() && g.countries[e.Codings[0].Code] != nil
}

// blockCountries returns, for a country block, the ISO countries its codes
// mention ("Armenia => USRARM ..1990-08-23 ; ARM 1991-12-21.." gives ARM);
// nil for other entries. A country block has a code that is a bare ISO
// country or historic state.
func (g *generator) blockCountries(e *actor.Entry) []string {
	block := false
	for _, c := range e.Codings {
		if len(c.Code) == 3 && (g.countries[c.Code] != nil || g.kinds[c.Code]&actor.KindState != 0) {
			block = true
		}
	}
	if !block {
		return nil
	}
	var codes []string
	for _, c := range e.Codings {
		for i := 0; i+3 <= len(c.Code); i += 3 {
			seg := c.Code[i : i+3]
			if g.countries[seg] != nil && !slices.Contains(codes, seg) {
				codes = append(codes, seg)
			}
		}
	}
	if len(codes) == 0 {
		codes = []string{e.Codings[0].Code} // a state: SUN
	}
	return codes
}

// readPlaces reads the GeoNames cities and divisions and the ISO 3166-2
// regions: the block names they list exactly (anywhere), the consonant
// skeletons of place names by country, and the spellings GeoNames gives
// each country's capital.
func (g *generator) readPlaces() error {
	cand := map[string]bool{}
	candCountry := map[string]bool{}
	for _, e := range g.blocks {
		for _, n := range e.Names {
			cand[simpleKey(n)] = true
		}
		for _, c := range g.blockCountries(e) {
			candCountry[c] = true
		}
	}
	g.places = map[string]bool{}
	g.skeletons = map[string]map[string]bool{}
	g.capitals = map[string]map[string]bool{}
	addSkel := func(code, name string, min int) {
		if !candCountry[code] || !latin(name) {
			return
		}
		sk := skeleton(bareName(name))
		if len(sk) < min {
			return
		}
		if g.skeletons[code] == nil {
			g.skeletons[code] = map[string]bool{}
		}
		g.skeletons[code][sk] = true
	}
	f, err := os.Open(g.path(sources.Cities))
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 9 {
			continue
		}
		code := g.a2to3[cols[8]]
		names := append([]string{cols[1], cols[2]}, strings.Split(cols[3], ",")...)
		for j, n := range names {
			if n == "" || !latin(n) {
				continue
			}
			k := simpleKey(n)
			if cand[k] {
				g.places[k] = true
				if cols[7] == "PPLC" {
					if g.capitals[code] == nil {
						g.capitals[code] = map[string]bool{}
					}
					g.capitals[code][k] = true
				}
			}
			if j < 2 {
				addSkel(code, n, 4)
			} else {
				addSkel(code, n, 5)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gen: %s: %w", sources.Cities, err)
	}
	for _, rel := range []string{sources.Admin1, sources.Admin2} {
		data, err := g.readFile(rel)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			cols := strings.Split(line, "\t")
			if len(cols) < 3 {
				continue
			}
			a2, _, _ := strings.Cut(cols[0], ".")
			for _, n := range cols[1:3] {
				if k := simpleKey(n); cand[k] {
					g.places[k] = true
				}
				if k := bareName(n); cand[k] {
					g.places[k] = true
				}
				addSkel(g.a2to3[a2], n, 2)
			}
		}
	}
	var regions map[string]struct {
		Regions []struct {
			Name  string            `json:"name"`
			Names map[string]string `json:"names"`
		} `json:"regions"`
	}
	if err := g.readJSON(sources.Regions, &regions); err != nil {
		return err
	}
	for _, a2 := range sortedKeys(regions) {
		code := g.a2to3[a2]
		for _, r := range regions[a2].Regions {
			names := []string{r.Name}
			for _, lang := range []string{"en", "geonames", "de", "fr", "es", "it", "pt"} {
				if n := r.Names[lang]; n != "" {
					names = append(names, n)
				}
			}
			for _, n := range names {
				if k := bareName(n); cand[k] {
					g.places[k] = true
				}
				addSkel(code, n, 2)
			}
		}
	}
	return nil
}

// latin reports whether s starts with a Latin letter: other scripts cannot
// match the ASCII Phoenix names and are not worth folding.
func latin(s string) bool {
	for _, r := range s {
		return r < 0x80 || unicode.Is(unicode.Latin, r)
	}
	return false
}

// placeWords mark a name as a place whatever GeoNames says.
var placeWords = map[string]bool{
	"province": true, "governorate": true, "region": true, "oblast": true, "krai": true,
	"kray": true, "okrug": true, "district": true, "county": true, "city": true,
	"river": true, "lake": true, "mountain": true, "mountains": true, "island": true,
	"islands": true, "isle": true, "peninsula": true, "heights": true, "valley": true,
	"desert": true, "gulf": true, "sea": true, "bay": true, "strait": true,
	"square": true, "airport": true, "canal": true, "plateau": true, "prefecture": true,
	"state": true, "falls": true,
}

// missedPlaces are country synonyms the rules above miss, found by reading the
// kept synonyms of the countries of the seed stories: regions, rivers and
// places GeoNames spells otherwise.
var missedPlaces = map[string]bool{
	"al Ladhiqiya": true, "Ghouta": true, "Wadi Deif": true, "Qalamoun": true, "Bustan al Qusr": true,
	"Radwaniyeh": true, "Jdaidet al-Fadl": true, // Syria
	"Bashkorostan": true, "Komi Republic": true, "Yakutia": true, "North Ossetia-Alania": true,
	"Tyva Republic": true, "Chechen Republic": true, "Kostromas": true, "Novaya Zemlya": true,
	"Nova Zembla": true, "Ilmen": true, "Neva": true, "Urals": true, // Russia
	"Athens on the Kaw": true, "Heart of Dixie": true, "D.C.": true, "Louisiana Purchase": true,
	"Old Dominion": true, // United States
}

func hasPlaceWord(name string) bool {
	for _, w := range strings.Fields(simpleKey(name)) {
		if placeWords[w] {
			return true
		}
	}
	return false
}

// sortBlocks sorts the names of the country blocks: the country's own
// names, capitals, places (dropped) and other synonyms (kept). Then names
// that several countries' lists claim go to the one Phoenix puts them
// under, or to none.
func (g *generator) sortBlocks() {
	blockOf := map[string]string{} // name key → code of the ISO block listing it
	for _, e := range g.blocks {
		codes := g.blockCountries(e)
		country := g.isCountry(e)
		code := codes[0]
		c := g.countries[code]
		own := map[string]bool{}
		ownSkel := map[string]bool{}
		capKeys := map[string]bool{}
		if country {
			for _, n := range c.names {
				own[simpleKey(n)] = true
				ownSkel[skeleton(simpleKey(n))] = true
			}
			for _, n := range c.capitals {
				capKeys[simpleKey(n)] = true
			}
		}
		var kept []string
		for _, n := range e.Names {
			k := simpleKey(n)
			if _, ok := blockOf[k]; !ok && country {
				blockOf[k] = code
			}
			claimed := g.sourceClaims[k]
			other := len(claimed) > 0 && !slices.Contains(claimed, code)
			sk := skeleton(k)
			skel := false
			for _, cc := range codes {
				if ownSkel[sk] {
					break // a spelling of the country's name: "Algerie"
				}
				skel = skel || len(sk) >= 2 && g.skeletons[cc][sk]
			}
			switch {
			case own[k]:
				// Already one of the country's names.
			case country && slices.Contains(claimed, code):
				kept = append(kept, n) // one of several claimants; resolved below
			case country && (capKeys[k] || g.capitals[code][k]):
				g.addCapital(code, n)
				g.rep.add("phoenix: country synonyms moved to capitals.txt (capital spellings GeoNames knows)", n)
			case other:
				g.rep.add("phoenix: country synonyms dropped, the name of another country", n+" ("+code+" vs "+strings.Join(claimed, " ")+")")
			case !country && len(claimed) > 0:
				kept = append(kept, n) // a dated block's own country name; countries.txt has it
			case g.places[k]:
				g.rep.add("phoenix: country synonyms dropped, a GeoNames place (exact name)", n+" ("+code+")")
			case skel:
				g.rep.add("phoenix: country synonyms dropped, a GeoNames or ISO 3166-2 place of the country (same consonants)", n+" ("+code+")")
			case missedPlaces[n]:
				g.rep.add("phoenix: country synonyms dropped, listed in missedPlaces", n+" ("+code+")")
			case hasPlaceWord(n):
				g.rep.add("phoenix: country synonyms dropped, a place word (province, river, ...)", n+" ("+code+")")
			default:
				kept = append(kept, n)
				g.rep.add("phoenix: country synonyms kept (spellings, other languages, former names)", n+" ("+code+")")
			}
		}
		if !country {
			e.Names = kept
			continue
		}
		for _, n := range kept {
			g.addName(code, n, "Phoenix")
		}
	}
	// Names several countries' lists claim.
	for _, k := range sortedKeys(g.sourceClaims) {
		codes := g.sourceClaims[k]
		if len(codes) < 2 {
			continue
		}
		winner := ""
		if b, ok := blockOf[k]; ok && slices.Contains(codes, b) {
			winner = b
		}
		for _, code := range codes {
			if code == winner {
				continue
			}
			c := g.countries[code]
			c.names = slices.DeleteFunc(c.names, func(n string) bool { return simpleKey(n) == k })
		}
		losers := slices.DeleteFunc(slices.Clone(codes), func(c string) bool { return c == winner })
		if winner != "" {
			g.rep.add("countries: names several countries claim, given to the one Phoenix lists them under", k+" → "+winner+" (not "+strings.Join(losers, " ")+")")
		} else {
			g.rep.add("countries: names several countries claim, dropped", k+" ("+strings.Join(codes, " ")+")")
		}
	}
}
