package geogen

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/nlp"
)

// Why an alternate name of a populated place was dropped.
const (
	dropNonLatin = iota // a letter outside the Latin script (Arabic, Cyrillic, CJK, ...)
	dropLower           // no capital letter: GeoNames' romanizations of non-Latin names ("yi er bi de", "arbd")
	dropCode            // an airport or other code: digits, or all capitals of up to five letters ("DAM", "QIR")
	dropLong            // over 50 bytes or 6 words: descriptions rather than names
	dropNonASCII        // letters that folding leaves outside ASCII ("Dəməşq")
	dropDup             // the same as another name of the place after nlp.Fold
	dropReasons
)

var dropNames = [dropReasons]string{"non-Latin script", "no capital letter (romanization)", "code", "long", "not ASCII after folding", "duplicate after folding"}

// altVerdict says whether an alternate name is kept, and if not, why.
func altVerdict(a string) (keep bool, reason int) {
	upper, digit, letters := false, false, 0
	allUpper := true
	for _, r := range a {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false, dropNonLatin
			}
			letters++
			if unicode.IsUpper(r) {
				upper = true
			} else {
				allUpper = false
			}
		case unicode.IsDigit(r):
			digit = true
		}
	}
	switch {
	case !upper:
		return false, dropLower
	case digit, allUpper && letters <= 5:
		return false, dropCode
	case len(a) > 50 || len(strings.Fields(a)) > 6:
		return false, dropLong
	}
	return true, 0
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// clean makes a name safe for the data files: no tabs, no field separators,
// no comment marks.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', ';', '#':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// fold is nlp.Fold after clean.
func fold(s string) string { return nlp.Fold(clean(s)) }

// levenshtein returns the edit distance between a and b in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// closeSpelling reports whether b is a transliteration variant of a: the
// same first letter, or two vowels ("arbil", "erbil"), and at most one edit
// in five letters ("daraa", "deraa", "dara"), ignoring spaces and hyphens.
func closeSpelling(a, b string) bool {
	squash := func(s string) string { return strings.NewReplacer(" ", "", "-", "").Replace(s) }
	a, b = squash(a), squash(b)
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	if a == "" || b == "" || a[0] != b[0] && !(vowel(a[0]) && vowel(b[0])) {
		return false
	}
	n := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	return levenshtein(a, b) <= max(1, n/5)
}

// arabicArticle returns s without a leading Arabic article ("Al Anbar" →
// "Anbar", "Ar-Raqqah" → "Raqqah", "As-Suwayda" → "Suwayda"), or "" when
// there is none or less than four letters would be left ("Al Ain").
func arabicArticle(s string) string {
	for _, art := range []string{"al", "el", "ar", "as", "ad", "an", "ash", "at", "az", "ath", "adh"} {
		if len(s) > len(art)+4 && strings.EqualFold(s[:len(art)], art) && (s[len(art)] == ' ' || s[len(art)] == '-') {
			return s[len(art)+1:]
		}
	}
	return ""
}

// typeWords are the English words for first-level subdivisions that
// iso3166-2-db's English names end in, lower case.
var typeWords = map[string]bool{
	"governorate": true, "province": true, "oblast": true, "state": true, "region": true,
	"district": true, "county": true, "department": true, "prefecture": true, "municipality": true,
	"parish": true, "division": true, "emirate": true, "voivodeship": true, "canton": true,
	"krai": true, "territory": true, "republic": true, "wilaya": true, "commune": true,
}

// typeSuffix returns the subdivision type word a name ends in, and the name
// without it ("Daraa Governorate" → "governorate", "Daraa").
func typeSuffix(name string) (typ, base string) {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return "", name
	}
	w := strings.ToLower(name[i+1:])
	if !typeWords[w] {
		return "", name
	}
	return w, strings.TrimSpace(name[:i])
}

// generic words name no place on their own: a base made only of them
// ("Northern" of "Northern District") gets no forms of its own.
var generic = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "north-east": true, "north-west": true,
	"south-east": true, "south-west": true, "northeast": true, "northwest": true, "southeast": true,
	"southwest": true, "north-eastern": true, "north-western": true, "south-eastern": true,
	"south-western": true, "northeastern": true, "northwestern": true, "southeastern": true,
	"southwestern": true, "upper": true, "lower": true, "middle": true, "capital": true,
	"federal": true, "greater": true, "inner": true, "outer": true, "city": true, "the": true,
	"of": true, "and": true, "autonomous": true, "national": true, "special": true, "coast": true,
	"coastal": true, "islands": true, "island": true, "mountain": true, "lakes": true,
}

// isGeneric reports whether every word of the folded name s is generic.
func isGeneric(s string) bool {
	for _, w := range strings.Fields(s) {
		if !generic[w] {
			return false
		}
	}
	return true
}

// articles are the spellings of the Arabic article "al-" in GeoNames'
// transliterations, sun letters assimilated ("ash Shām", "ar Raqqah").
var articles = map[string]bool{
	"al": true, "el": true, "ar": true, "as": true, "ash": true, "ad": true, "adh": true,
	"an": true, "at": true, "ath": true, "az": true, "ed": true, "es": true, "er": true, "et": true,
	"ez": true, "ech": true, "esh": true,
}

// arabicVariants returns the spellings news uses for a folded Arabic place
// name: the article joined by a hyphen or a space, written "al" whatever
// the next letter, and dropped at the start when what is left is long
// enough ("ar raqqah" → "ar-raqqah", "al raqqah", "al-raqqah", "raqqah";
// "jisr ash shughur" → "jisr al-shughur", ...).
func arabicVariants(key string) []string {
	// Split into words, each with the separator after it.
	var words, seps []string
	start := 0
	for i := 0; i <= len(key); i++ {
		if i == len(key) || key[i] == ' ' || key[i] == '-' {
			words = append(words, key[start:i])
			if i < len(key) {
				seps = append(seps, key[i:i+1])
			} else {
				seps = append(seps, "")
			}
			start = i + 1
		}
	}
	art := make([]bool, len(words))
	any := false
	for i := 0; i+1 < len(words); i++ {
		if articles[words[i]] && words[i+1] != "" && (i == 0 || seps[i-1] == " ") {
			art[i], any = true, true
		}
	}
	if !any {
		return nil
	}
	render := func(al bool, sep string, from int) string {
		var b strings.Builder
		for i := from; i < len(words); i++ {
			switch {
			case art[i] && al:
				b.WriteString("al" + sep)
			case art[i]:
				b.WriteString(words[i] + sep)
			default:
				b.WriteString(words[i] + seps[i])
			}
		}
		return b.String()
	}
	out := []string{render(false, " ", 0), render(false, "-", 0), render(true, " ", 0), render(true, "-", 0)}
	if art[0] {
		if rest := render(false, " ", 1); utf8.RuneCountInString(rest) >= 4 {
			out = append(out, rest)
		}
	}
	return out
}
