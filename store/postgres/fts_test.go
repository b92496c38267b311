package postgres

import (
	"errors"
	"testing"

	"sitrep/store"
)

func TestTsquery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Daraa", `('daraa')`},
		{"shell*", `('shell':*)`},
		{`"rebel positions"`, `('rebel' <-> 'positions')`},
		{`"rebel pos"*`, `('rebel' <-> 'pos':*)`},
		{"a b", `(('a') & ('b'))`},
		{"a AND b OR c", `((('a') & ('b')) | ('c'))`},
		{"a OR b c", `(('a') | (('b') & ('c')))`},
		{"a NOT b", `(('a') & !('b'))`},
		{"a NOT b c", `((('a') & !('b')) & ('c'))`},
		{"(a OR b) NOT c", `((('a') | ('b')) & !('c'))`},
		{"Zürich", `('zürich')`},
		{`"it's"`, `('it' <-> 's')`},
	}
	for _, tc := range tests {
		got, err := tsquery(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("tsquery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "AND", `"unbalanced`, "a OR", "(a", "a)", "NOT a", `""`, "title:x", "*", "a-b", "it's"} {
		if got, err := tsquery(bad); !errors.Is(err, store.ErrQuery) {
			t.Errorf("tsquery(%q) = %q, %v; want ErrQuery", bad, got, err)
		}
	}
}

func TestTsvector(t *testing.T) {
	got := tsvector("Kyiv & <grain> exports, grain; Suva's")
	want := `'kyiv':1 'grain':2,4 'exports':3 'suva':5 's':6`
	if got != want {
		t.Errorf("tsvector = %q, want %q", got, want)
	}
}

func FuzzTsquery(f *testing.F) {
	for _, s := range []string{"a b", `"x y"*`, "(a OR b) NOT c", `"a""b"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		out, err := tsquery(q)
		if err != nil {
			if !errors.Is(err, store.ErrQuery) {
				t.Fatalf("tsquery(%q): %v, not ErrQuery", q, err)
			}
			return
		}
		if out == "" {
			t.Fatalf("tsquery(%q) is empty", q)
		}
	})
}
