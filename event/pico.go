package event

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/linefile"
)

// DefaultPICO returns the embedded PICO table (event/data/pico.txt), read
// once.
func DefaultPICO() (*PICO, error) { return defaultPICO() }

var defaultPICO = sync.OnceValues(func() (*PICO, error) {
	return ReadPICO(bytes.NewReader(embedded("pico.txt")), "pico.txt")
})

// A PICO table is PETRARCH's internal coding ontology: every CAMEO code
// mapped to a number whose hexadecimal digits stand for the kind of act
// (say, appeal, intend, demand, threaten, ...), its object (aid, military,
// rights, ...) and a negation of 0xFFFF. Adding two codes' numbers
// combines them ("threaten" 0x6000 + "fight" 0x00A0 = 0x60A0, "threaten
// with military force", 138); subtracting 0xFFFF negates one ("wire tap",
// 170 = 0x0087+0xFFFF, not done is 057). sitrep uses it the same way.
//
// The file format is PETRARCH's: "CODE:VALUE[#VALUE...][#label]" a line,
// where a VALUE is a sum of hexadecimal terms ("-0xFFFF+0x0070"); the first
// value is the code's own, the others only lead back to it.
type PICO struct {
	value map[string]int
	code  map[int]string
}

// ReadPICO reads a PICO table; every bad line is reported.
func ReadPICO(r io.Reader, name string) (*PICO, error) {
	p := &PICO{value: map[string]int{}, code: map[int]string{}}
	var errs linefile.List
	// Not a linefile: '#' separates a code's values here.
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, linefile.MaxLine)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || code == "" {
			errs.Add(name, lineNo, "want CODE:VALUE, got %q", line)
			continue
		}
		if code == "---" {
			continue
		}
		first, bad := true, false
		for _, term := range strings.Split(rest, "#") {
			term = strings.TrimSpace(term)
			if term == "" || !strings.ContainsAny(term[:1], "-+0") {
				continue // a label
			}
			v, err := hexSum(term)
			if err != nil {
				errs.Add(name, lineNo, "code %s: %v", code, err)
				bad = true
				break
			}
			if first {
				if _, dup := p.value[code]; dup {
					errs.Add(name, lineNo, "code %s listed twice", code)
				}
				p.value[code] = v
				first = false
			}
			if _, taken := p.code[v]; !taken {
				p.code[v] = code
			}
		}
		if first && !bad {
			errs.Add(name, lineNo, "code %s has no value", code)
		}
	}
	if err := sc.Err(); err != nil {
		errs.Add(name, lineNo+1, "%v", err)
	}
	return p, errs.Err()
}

// hexSum evaluates "-0xFFFF+0x2040+0x300".
func hexSum(s string) (int, error) {
	total, sign, start := 0, 1, 0
	flush := func(end int) error {
		t := strings.TrimSpace(s[start:end])
		if t == "" {
			return nil
		}
		n, err := strconv.ParseInt(strings.TrimPrefix(strings.ToLower(t), "0x"), 16, 32)
		if err != nil || !strings.HasPrefix(strings.ToLower(t), "0x") {
			return fmt.Errorf("bad term %q in %q", t, s)
		}
		total += sign * int(n)
		return nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '+' || s[i] == '-' {
			if err := flush(i); err != nil {
				return 0, err
			}
			sign, start = 1, i+1
			if s[i] == '-' {
				sign = -1
			}
		}
	}
	if err := flush(len(s)); err != nil {
		return 0, err
	}
	return total, nil
}

const negation = 0xFFFF

// lookup returns the code of value v, else of v with its lowest digits
// cleared one at a time ("0x1080", a statement about diplomatic
// cooperation, is read as 0x1000, a statement).
func (p *PICO) lookup(v int) (string, bool) {
	neg := 0
	if v < 0 {
		neg, v = -negation, v+negation
	} else if v >= negation {
		neg, v = negation, v-negation
	}
	for _, mask := range []int{^0, ^0xF, ^0xFF, ^0xFFF, 0} {
		if c, ok := p.code[neg+(v&mask)]; ok {
			return c, true
		}
	}
	return "", false
}

// Negate returns the code for not doing code's act, or false.
func (p *PICO) Negate(code string) (string, bool) {
	v, ok := p.value[code]
	if !ok {
		return "", false
	}
	// The table writes a negation either way: 110 is 0xFFFF+0x0080 (not
	// cooperating diplomatically is disapproving), 121 is -0xFFFF+0x0070.
	if v >= negation {
		return p.lookup(v - negation)
	}
	if c, ok := p.code[v+negation]; ok {
		return c, true
	}
	return p.lookup(v - negation)
}

// Combine returns the code of act outer taking act inner as its object
// ("threaten" + "fight" = 138), or false when the table has none or inner
// is a negation (a rejection is not the object of a statement: "was seen
// to break into a parade" is the breaking in).
func (p *PICO) Combine(outer, inner string) (string, bool) {
	a, ok1 := p.value[outer]
	b, ok2 := p.value[inner]
	if !ok1 || !ok2 || b < 0 || b >= negation {
		return "", false
	}
	return p.lookup(a + b)
}

// General reports whether code is a bare kind of act (its value has no
// object digits: say, appeal, intend, demand, threaten), which combines
// with an act it governs.
func (p *PICO) General(code string) bool {
	v, ok := p.value[code]
	return ok && v != 0 && v&0xFFF == 0 && v > 0 && v < negation
}
