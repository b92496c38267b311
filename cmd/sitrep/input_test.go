package main

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

func TestTextFileRepairsUTF8(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		invalid        int
	}{
		{"ascii", "Rebels attacked.", "Rebels attacked.", 0},
		{"valid UTF-8", "Şam’da çatışma — 3 ölü", "Şam’da çatışma — 3 ölü", 0},
		{"latin-1 byte", "\xe9vacuation", "\uFFFDvacuation", 1},
		{"truncated rune at the end", "Daraa \xe2\x80", "Daraa \uFFFD\uFFFD", 2},
		{"literal U+FFFD is not counted", "a\uFFFDb", "a\uFFFDb", 0},
		{"byte order mark dropped", "\uFEFFRebels", "Rebels", 0},
		{"empty", "", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// One-byte reads force runes across Read calls.
			for _, oneByte := range []bool{false, true} {
				f, err := openText("-", strings.NewReader(tc.in))
				if err != nil {
					t.Fatal(err)
				}
				var r io.Reader = f
				if oneByte {
					r = iotest.OneByteReader(f)
				}
				got, err := io.ReadAll(r)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != tc.want || f.Invalid != tc.invalid || !utf8.Valid(got) {
					t.Errorf("oneByte=%v: got %q with %d invalid, want %q with %d", oneByte, got, f.Invalid, tc.want, tc.invalid)
				}
			}
		})
	}
}

func TestIsBinary(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want bool
	}{
		{"text", "Rebels attacked the town.\n\tIndented line.\r\n", false},
		{"empty", "", false},
		{"NUL", "Rebels\x00attacked", true},
		{"control characters", "\x01\x02\x03\x04abc", true},
		{"one control character in a line", "Rebels \x1b[1mattacked\x1b[0m the town on Monday.", false},
		{"invalid UTF-8 is text", "\xe9vacuation \xff", false},
	} {
		if got := isBinary([]byte(tc.in)); got != tc.want {
			t.Errorf("%s: isBinary(%q) = %v, want %v", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestParseVmHWM(t *testing.T) {
	status := "Name:\tsitrep\nVmPeak:\t  900000 kB\nVmHWM:\t  194048 kB\nVmRSS:\t  100000 kB\n"
	if n, ok := parseVmHWM([]byte(status)); !ok || n != 194048<<10 {
		t.Errorf("parseVmHWM = %d, %v; want %d, true", n, ok, 194048<<10)
	}
	for _, bad := range []string{"", "VmHWM:\tlots\n", "VmHWM:\t12 MB\n"} {
		if n, ok := parseVmHWM([]byte(bad)); ok {
			t.Errorf("parseVmHWM(%q) = %d, true; want false", bad, n)
		}
	}
}

func TestModulePath(t *testing.T) {
	for in, want := range map[string]string{
		"module sitrep\n\ngo 1.26\n":  "sitrep",
		"// c\nmodule \"sitrep\"\n":   "sitrep",
		"go 1.26\n":                   "",
		"module example.com/x // c\n": "example.com/x",
		"modules x\n":                 "",
	} {
		if got := modulePath([]byte(in)); got != want {
			t.Errorf("modulePath(%q) = %q, want %q", in, got, want)
		}
	}
}
