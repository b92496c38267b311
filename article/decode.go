package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DefaultMaxSize is the size limit of [Options.MaxSize] when it is zero:
// 10 MiB.
const DefaultMaxSize = 10 << 20

// sniffLen is how much of an input is looked at to tell its format and
// whether it is text.
const sniffLen = 8 << 10

// ErrBinary is the error for an input that holds binary data, not text.
var ErrBinary = errors.New("article: binary data, not text")

// A SizeError is the error for an input or a line larger than the limit.
type SizeError struct {
	// Size is the input's size in bytes, or -1 when it was not read to
	// the end.
	Size  int64
	Limit int64
}

func (e *SizeError) Error() string {
	size := "more than " + mib(e.Limit)
	if e.Size >= 0 {
		size = mib(e.Size)
	}
	return fmt.Sprintf("article: too large: %s, over the limit of %s (Options.MaxSize)", size, mib(e.Limit))
}

func mib(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// isBinary reports whether sample looks like binary data: it holds a NUL
// byte, or more than one byte in ten is a control character other than
// white space.
func isBinary(sample []byte) bool {
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, b := range sample {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' || b == 0x7F {
			ctl++
		}
	}
	return ctl*10 > len(sample)
}

// isUTF16 reports whether data starts with a UTF-16 byte order mark.
func isUTF16(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
}

// utf16Reader decodes UTF-16 with a byte order mark to UTF-8.
func utf16Reader(r io.Reader) io.Reader {
	return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
}

// toUTF8 returns data as valid UTF-8 without a byte order mark, and a note
// saying what had to be done, "" when nothing. Data that is not UTF-8 and
// holds no valid multi-byte sequence is read as Windows-1252 (a superset of
// Latin-1's printable characters); otherwise each invalid byte becomes
// U+FFFD.
func toUTF8(data []byte) (string, string) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return string(data), ""
	}
	invalid, multi := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			multi++
		}
		i += size
	}
	if multi == 0 {
		s, err := charmap.Windows1252.NewDecoder().String(string(data))
		if err == nil && utf8.ValidString(s) {
			return s, "not UTF-8: read as Windows-1252"
		}
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"),
		fmt.Sprintf("replaced %d invalid UTF-8 %s with U+FFFD", invalid, plural(invalid, "byte", "bytes"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// readLimited reads all of r, or fails with a *SizeError when it holds
// more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &SizeError{Size: -1, Limit: limit}
	}
	return data, nil
}
