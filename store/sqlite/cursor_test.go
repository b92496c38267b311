package sqlite

import (
	"errors"
	"testing"

	"sitrep/store"
)

// FuzzCursor checks that a cursor decodes to what made it and that any
// other string is ErrCursor or a cursor that encodes the same values.
func FuzzCursor(f *testing.F) {
	f.Add("2024-03-06", "5107a66419c4-9b28b562", "")
	f.Add("", "x", "MQAyMDI0LTAzLTA2ADUxMDd")
	f.Add("2024-01-01", "syn-1-000001", "garbage!")
	f.Fuzz(func(t *testing.T, date, id, raw string) {
		c := encodeCursor(date, id)
		d, i, err := decodeCursor(c)
		if ok := id != "" && !hasNUL(date) && !hasNUL(id); ok != (err == nil) || ok && (d != date || i != id) {
			t.Errorf("cursor of (%q, %q) decodes to (%q, %q), %v", date, id, d, i, err)
		}
		d, i, err = decodeCursor(raw)
		if err != nil && !errors.Is(err, store.ErrCursor) {
			t.Errorf("decodeCursor(%q): %v, want ErrCursor", raw, err)
		}
		if err == nil {
			if d2, i2, err := decodeCursor(encodeCursor(d, i)); err != nil || d2 != d || i2 != i {
				t.Errorf("decodeCursor(%q) = (%q, %q), which does not encode back", raw, d, i)
			}
		}
	})
}

func hasNUL(s string) bool {
	for i := range len(s) {
		if s[i] == 0 {
			return true
		}
	}
	return false
}
