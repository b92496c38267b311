package petrarch

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// A Suite is a validation file: its environment and records.
type Suite struct {
	// Path is the file the suite was read from.
	Path string
	// Files maps an environment element (Verbfile, Actorfile, Agentfile,
	// Discardfile, PICOfile) to the path of that dictionary, resolved
	// against the suite's directory.
	Files map[string]string
	// Include lists the categories the suite's <Include> asks to run.
	Include []string
	// Records in file order.
	Records []*Record
}

// A Record is one <Sentence> with its gold codings.
type Record struct {
	ID       string
	Category string
	Date     time.Time
	// Evaluate is false for records the suite marks evaluate="false".
	Evaluate bool
	// Gold holds the expected events; NoEvents marks a record that must
	// code nothing.
	Gold     []Coding
	NoEvents bool
	// Text is the sentence, entities decoded and white space collapsed.
	Text string
	// Parse is the CoNLL-U parse when the suite has one ("" for Penn
	// Treebank parses).
	Parse string
	// Line is the 1-based line of the <Sentence> tag.
	Line int
}

// A Coding is one event: CAMEO event code and source and target actor codes.
type Coding struct {
	Event, Source, Target string
}

func (c Coding) String() string { return c.Source + " " + c.Target + " " + c.Event }

var (
	reSentence = regexp.MustCompile(`(?s)<Sentence\b([^>]*)>(.*?)</Sentence>`)
	reAttr     = regexp.MustCompile(`(\w+)\s*=\s*"([^"]*)"`)
	reCoding   = regexp.MustCompile(`<EventCoding\b([^>]*?)/?>`)
	reText     = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	reParse    = regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`)
	reEnv      = regexp.MustCompile(`(?s)<Environment>(.*?)</Environment>`)
	reEnvItem  = regexp.MustCompile(`<(\w+)>([^<]*)</\w+>`)
	reComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// ReadSuite reads the validation file at path.
func ReadSuite(path string) (*Suite, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseSuite(data, path)
}

// ParseSuite parses a validation file's contents; name is used in errors
// and to resolve the environment's dictionaries.
func ParseSuite(data []byte, name string) (*Suite, error) {
	s := &Suite{Path: name, Files: map[string]string{}}
	// Blank out comments, keeping their newlines so that line numbers hold.
	clean := reComment.ReplaceAllFunc(data, func(c []byte) []byte {
		out := bytes.Repeat([]byte{' '}, len(c))
		for i, b := range c {
			if b == '\n' {
				out[i] = '\n'
			}
		}
		return out
	})
	if m := reEnv.FindSubmatch(clean); m != nil {
		for _, it := range reEnvItem.FindAllSubmatch(m[1], -1) {
			key, val := string(it[1]), strings.TrimSpace(string(it[2]))
			switch key {
			case "Include":
				s.Include = strings.Fields(val)
			case "Errorfile", "Pause", "Config":
			default:
				if val != "" {
					s.Files[key] = dictionaryPath(name, val)
				}
			}
		}
	}
	var errs []string
	for _, loc := range reSentence.FindAllSubmatchIndex(clean, -1) {
		line := 1 + bytes.Count(clean[:loc[0]], []byte{'\n'})
		attrs := attributes(clean[loc[2]:loc[3]])
		body := clean[loc[4]:loc[5]]
		if attrs["id"] == "" && attrs["date"] == "" {
			continue // the "<Sentence ... evaluate=...>" of the header's prose
		}
		r := &Record{ID: attrs["id"], Category: attrs["category"], Line: line,
			Evaluate: attrs["evaluate"] != "false"}
		d, err := time.Parse("20060102", attrs["date"])
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: record %s: bad date %q", name, line, r.ID, attrs["date"]))
			continue
		}
		r.Date = d
		for _, c := range reCoding.FindAllSubmatch(body, -1) {
			a := attributes(c[1])
			// "noevents" and an expected error ("bad_input_parse") both
			// mean that nothing should be coded; so does an empty coding.
			if strings.EqualFold(a["noevents"], "true") || a["error"] != "" ||
				a["eventcode"] == "" && a["sourcecode"] == "" && a["targetcode"] == "" {
				r.NoEvents = true
				continue
			}
			r.Gold = append(r.Gold, Coding{Event: a["eventcode"], Source: a["sourcecode"], Target: a["targetcode"]})
		}
		m := reText.FindSubmatch(body)
		if m == nil {
			errs = append(errs, fmt.Sprintf("%s:%d: record %s has no <Text>", name, line, r.ID))
			continue
		}
		r.Text = strings.Join(strings.Fields(html.UnescapeString(string(m[1]))), " ")
		if p := reParse.FindSubmatch(body); p != nil && looksLikeCoNLLU(p[1]) {
			r.Parse = strings.Trim(string(p[1]), "\n ") + "\n"
		}
		s.Records = append(s.Records, r)
	}
	if len(errs) > 0 {
		return s, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	if len(s.Records) == 0 {
		return s, fmt.Errorf("%s: no <Sentence> records", name)
	}
	return s, nil
}

// dictionaryPath resolves a file the environment of the suite at name
// names: next to the suite, or, in PETRARCH2's own layout, in the
// dictionaries folder beside the suite's folder. A file found in neither
// place keeps the first path, which the loader's error will name.
func dictionaryPath(name, file string) string {
	near := filepath.Join(filepath.Dir(name), file)
	if _, err := os.Stat(near); err == nil {
		return near
	}
	sibling := filepath.Join(filepath.Dir(name), "..", "dictionaries", file)
	if _, err := os.Stat(sibling); err == nil {
		return sibling
	}
	return near
}

func attributes(b []byte) map[string]string {
	a := map[string]string{}
	for _, m := range reAttr.FindAllSubmatch(b, -1) {
		a[string(m[1])] = html.UnescapeString(string(m[2]))
	}
	return a
}

// looksLikeCoNLLU reports whether a parse is tab-separated CoNLL-U rather
// than a bracketed Penn Treebank tree.
func looksLikeCoNLLU(b []byte) bool {
	t := bytes.TrimSpace(b)
	return len(t) > 0 && t[0] != '(' && bytes.Contains(t, []byte{'\t'})
}
