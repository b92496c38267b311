package actor

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

// A Kind says what a three-character CAMEO code stands for. A code may have
// several kinds: MUS is Mauritius and Muslim, SUN the Soviet Union and Sunni.
type Kind uint16

const (
	// KindCountry is an ISO 3166-1 alpha-3 country. Country codes are not
	// listed in the code tables: they are the codes of the entries of the
	// countries*.txt files.
	KindCountry Kind = 1 << iota
	// KindState is a state or territory without a current ISO alpha-3 code
	// that CAMEO and the Phoenix dictionaries use (SUN, YUG, KSV, ...).
	KindState
	// KindRegion is a region or bloc (AFR, MEA, WST, ...).
	KindRegion
	// KindType is an organization type that leads a code (IGO, NGO, IMG,
	// MNC, ...).
	KindType
	// KindRole is a role or sector code that follows the country (GOV,
	// MIL, REB, CVL, ...).
	KindRole
	// KindOrg names one organization inside a code (UNO in IGOUNO, NAT in
	// IGOWSTNAT, ALQ, HMS, ...).
	KindOrg
	// KindReligion is a religion or denomination (MUS, SHI, CHR, ...).
	KindReligion
	// KindEthnic is an ethnic or national group without a state (KUR,
	// TAM, ...).
	KindEthnic
)

var kindNames = []struct {
	k    Kind
	name string
}{
	{KindCountry, "country"}, {KindState, "state"}, {KindRegion, "region"},
	{KindType, "type"}, {KindRole, "role"}, {KindOrg, "org"},
	{KindReligion, "religion"}, {KindEthnic, "ethnic"},
}

// String returns the kinds' names joined by "|".
func (k Kind) String() string {
	var parts []string
	for _, kn := range kindNames {
		if k&kn.k != 0 {
			parts = append(parts, kn.name)
		}
	}
	if len(parts) == 0 {
		return fmt.Sprintf("Kind(%d)", uint16(k))
	}
	return strings.Join(parts, "|")
}

// IsISOCountry reports whether code is an ISO 3166-1 alpha-3 country code:
// one of the codes of the embedded countries.txt, which is generated
// from the ISO lists. Historic states (SUN, KSV), regions, organization
// types and roles are not, and neither is a code a user's dictionary
// declares as a country. Safe for concurrent use.
func IsISOCountry(code string) bool { return isoCountries()[code] }

// isoCountries reads the codes of the embedded countries.txt once. Its
// errors are ignored: TestDefault loads the file without one.
var isoCountries = sync.OnceValue(func() map[string]bool {
	data, _ := fs.ReadFile(dataFS, "data/countries.txt")
	entries, _ := ReadEntries(bytes.NewReader(data), "countries.txt")
	codes := make(map[string]bool, len(entries))
	for _, e := range entries {
		if len(e.Codings) == 1 {
			codes[e.Codings[0].Code] = true
		}
	}
	return codes
})

// leading are the kinds a code may start with: everything but an
// organization, which only follows its type or region (IGOUNO, not UNO).
const leading = KindCountry | KindState | KindRegion | KindType | KindRole | KindReligion | KindEthnic

// A CodeInfo is one line of a code table (roles.txt, codes.txt): a
// three-character code, its kind and what it means.
type CodeInfo struct {
	Code string
	Kind Kind
	Desc string
	File string
	Line int
}

// ReadCodes reads a code table. Each line holds a code (three upper-case
// letters or digits), its kind (state, region, type, role, org, religion
// or ethnic) and a description, separated by white space:
//
//	GOV   role    Government: the executive, its ministers, officials and agencies
//
// Every bad line is reported, as a [linefile.List].
func ReadCodes(r io.Reader, file string) ([]CodeInfo, error) {
	var (
		out  []CodeInfo
		errs linefile.List
		seen = map[string]int{} // code+kind → line
	)
	sc := linefile.NewScanner(r, file)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		line := sc.Line()
		if len(f) < 3 {
			errs.Add(file, line, "want CODE KIND DESCRIPTION, got %q", sc.Text())
			continue
		}
		code, kindName := f[0], f[1]
		if !isSegment(code) {
			errs.Add(file, line, "bad code %q: want three upper-case letters or digits", code)
			continue
		}
		var kind Kind
		for _, kn := range kindNames {
			if kn.name == kindName && kn.k != KindCountry {
				kind = kn.k
			}
		}
		if kind == 0 {
			errs.Add(file, line, "unknown kind %q for %s: want state, region, type, role, org, religion or ethnic", kindName, code)
			continue
		}
		key := code + " " + kindName
		if prev, ok := seen[key]; ok {
			errs.Add(file, line, "%s %s already defined at line %d", code, kindName, prev)
			continue
		}
		seen[key] = line
		desc := strings.TrimSpace(sc.Text()[len(code):])
		desc = strings.TrimSpace(desc[len(kindName):])
		out = append(out, CodeInfo{Code: code, Kind: kind, Desc: desc, File: file, Line: line})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err.(*linefile.Error))
	}
	return out, errs.Err()
}

// isSegment reports whether s is one code segment: three upper-case ASCII
// letters or digits.
func isSegment(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// NullCode is the code of an entry that names something that is not an
// actor ("Indian Ocean"): it is matched, so that its words are not read
// as shorter names ("Indian"), and resolves to no actor.
const NullCode = "---"

// FocusCode is the code of an entry that names the story's own country by
// a description ("the war-torn country"): it resolves to the focus country
// Resolve is given, and to no actor without one.
const FocusCode = "***"

// checkSyntax reports whether code is a well-formed actor code: NullCode or
// one or more segments.
func checkSyntax(code string) error {
	if code == NullCode || code == FocusCode {
		return nil
	}
	if code == "" || len(code)%3 != 0 {
		return fmt.Errorf("bad code %q: want upper-case letters or digits in groups of three", code)
	}
	for i := 0; i < len(code); i += 3 {
		if !isSegment(code[i : i+3]) {
			return fmt.Errorf("bad code %q: want upper-case letters or digits in groups of three", code)
		}
	}
	return nil
}

// segments splits a well-formed code into its three-character segments.
func segments(code string) []string {
	segs := make([]string, 0, len(code)/3)
	for i := 0; i+3 <= len(code); i += 3 {
		segs = append(segs, code[i:i+3])
	}
	return segs
}

// vocab is the set of known codes: the code tables and the country codes.
type vocab struct {
	kinds map[string]Kind
	info  map[string][]CodeInfo
}

func newVocab() *vocab {
	return &vocab{kinds: map[string]Kind{}, info: map[string][]CodeInfo{}}
}

func (v *vocab) add(ci CodeInfo) {
	v.kinds[ci.Code] |= ci.Kind
	v.info[ci.Code] = append(v.info[ci.Code], ci)
}

// check reports whether code is well formed and made of known segments.
func (v *vocab) check(code string) error {
	if err := checkSyntax(code); err != nil {
		return err
	}
	if code == NullCode || code == FocusCode {
		return nil
	}
	segs := segments(code)
	k := v.kinds[segs[0]]
	switch {
	case k == 0 && len(segs) == 1:
		return fmt.Errorf("unknown country code %q", code)
	case k == 0:
		return fmt.Errorf("unknown country code %q in %q", segs[0], code)
	case k&leading == 0:
		return fmt.Errorf("code %q starts with %q, which only follows a type or region (it is %s)", code, segs[0], k)
	}
	for _, s := range segs[1:] {
		if v.kinds[s] == 0 {
			return fmt.Errorf("unknown code %q in %q", s, code)
		}
	}
	return nil
}

// checkAgent reports whether code is a well-formed agent code: "~" alone,
// "~" followed by segments (added after the actor's code) or segments
// followed by "~" (put before it).
func (v *vocab) checkAgent(code string) error {
	body, ok := agentBody(code)
	if !ok {
		return fmt.Errorf("bad agent code %q: want ~CODE, CODE~ or ~", code)
	}
	if body == "" {
		return nil
	}
	if err := checkSyntax(body); err != nil || body == NullCode {
		return fmt.Errorf("bad agent code %q: want upper-case letters or digits in groups of three after or before ~", code)
	}
	for _, s := range segments(body) {
		if v.kinds[s] == 0 {
			return fmt.Errorf("unknown code %q in agent code %q", s, code)
		}
	}
	return nil
}

// agentBody returns the code of an agent code without its tilde.
func agentBody(code string) (string, bool) {
	switch {
	case code == "~":
		return "", true
	case strings.Count(code, "~") != 1:
		return "", false
	case strings.HasPrefix(code, "~"):
		return code[1:], true
	case strings.HasSuffix(code, "~"):
		return code[:len(code)-1], true
	}
	return "", false
}
