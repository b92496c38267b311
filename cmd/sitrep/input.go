package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"sitrep/nlp"
)

// sniffLen is how much of an input is checked for binary data.
const sniffLen = 8 << 10

// errBinary and errUTF16 are the errors for an input that is not UTF-8 text.
var (
	errBinary = errors.New("binary data, not text")
	errUTF16  = errors.New("UTF-16 text; convert it to UTF-8")
)

// A textFile reads a text input as valid UTF-8: every byte that is not part
// of a valid UTF-8 sequence reads as U+FFFD, and Invalid counts them. A
// leading UTF-8 byte order mark is dropped.
type textFile struct {
	// Name is the path as given, or "stdin"; errors and warnings use it.
	Name string
	// Invalid counts the bytes replaced by U+FFFD so far.
	Invalid int

	br      *bufio.Reader
	closer  io.Closer
	pending []byte // the rest of a rune that did not fit the last Read
	err     error  // the error that ended reading, returned once pending is empty
}

// openText opens path for reading text, or stdin when path is "-". Its
// errors name the path: a missing file, a directory, and binary data (a NUL
// byte or more than one control character in ten within the first 8 KiB)
// are refused.
func openText(path string, stdin io.Reader) (*textFile, error) {
	t := &textFile{Name: path}
	var r io.Reader
	if path == "-" {
		t.Name = "stdin"
		if stdin == nil {
			stdin = strings.NewReader("")
		}
		r = stdin
	} else {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, pathError(path, err)
		}
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: %w", path, syscall.EISDIR)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, pathError(path, err)
		}
		r, t.closer = f, f
	}
	t.br = bufio.NewReaderSize(r, 64<<10)
	sample, err := t.br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		t.Close()
		return nil, pathError(t.Name, err)
	}
	if err := sniff(t.Name, sample); err != nil {
		t.Close()
		return nil, err
	}
	if bytes.HasPrefix(sample, []byte("\uFEFF")) {
		t.br.Discard(len("\uFEFF"))
	}
	return t, nil
}

// sniff refuses the input named name whose first bytes are sample when it
// is UTF-16 or binary data.
func sniff(name string, sample []byte) error {
	if err := notText(sample); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// notText returns errUTF16 or errBinary when data, of which the first
// sniffLen bytes are looked at, is not UTF-8 text, else nil.
func notText(data []byte) error {
	sample := data[:min(len(data), sniffLen)]
	switch {
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}) || bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return errUTF16
	case isBinary(sample):
		return errBinary
	}
	return nil
}

// pathError returns err with the path in front, without the operation
// ("x.txt: no such file or directory", not "open x.txt: ...").
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", path, err)
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

// Read reads valid UTF-8.
func (t *textFile) Read(p []byte) (int, error) {
	n := copy(p, t.pending)
	t.pending = t.pending[n:]
	for n < len(p) && t.err == nil {
		r, size, err := t.br.ReadRune()
		if err != nil {
			t.err = err
			break
		}
		if r == utf8.RuneError && size == 1 {
			t.Invalid++
		}
		if n+utf8.UTFMax <= len(p) {
			n += utf8.EncodeRune(p[n:], r)
			continue
		}
		// Near the end of p: keep what does not fit for the next Read.
		var buf [utf8.UTFMax]byte
		k := utf8.EncodeRune(buf[:], r)
		c := copy(p[n:], buf[:k])
		n += c
		t.pending = append(t.pending, buf[c:k]...)
	}
	switch {
	case n > 0 || len(p) == 0:
		return n, nil
	case t.err == io.EOF:
		return 0, io.EOF
	default:
		return 0, pathError(t.Name, t.err)
	}
}

// ReadRaw reads the rest of the input as it is, without replacing invalid
// UTF-8, for readers that decode other encodings themselves; Invalid stays
// 0. It must not be mixed with Read.
func (t *textFile) ReadRaw() ([]byte, error) {
	data, err := io.ReadAll(t.br)
	if err != nil {
		return nil, pathError(t.Name, err)
	}
	return data, nil
}

// Close closes the file; it does not close stdin.
func (t *textFile) Close() error {
	if t.closer == nil {
		return nil
	}
	return t.closer.Close()
}

// warnInvalid warns when t held invalid UTF-8.
func warnInvalid(e *env, t *textFile) {
	if t.Invalid > 0 {
		e.warnf(t.Name, "replaced %d invalid UTF-8 %s with U+FFFD", t.Invalid, plural(t.Invalid, "byte", "bytes"))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// loadModel returns the model in path, or the embedded model when path is
// empty, and how long loading took.
func loadModel(path string) (*nlp.Model, time.Duration, error) {
	start := time.Now()
	if path == "" {
		m, err := nlp.DefaultModel()
		if err != nil {
			return nil, 0, fmt.Errorf("embedded model: %w", err)
		}
		return m, time.Since(start), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("model %w", pathError(path, err))
	}
	defer f.Close()
	m, err := nlp.ReadModel(bufio.NewReader(f))
	if err != nil {
		return nil, 0, fmt.Errorf("model %s: %w", path, err)
	}
	return m, time.Since(start), nil
}

// moduleRoot returns the root of the sitrep module: the nearest directory at
// or above the working directory whose go.mod declares module sitrep.
// Defaults that point into the source tree or at ../shared start there.
func moduleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && modulePath(data) == "sitrep" {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod of module sitrep at or above %s", wd)
		}
		dir = parent
	}
}

// modulePath returns the module path declared in a go.mod file.
func modulePath(gomod []byte) string {
	for line := range strings.Lines(string(gomod)) {
		line, _, _ = strings.Cut(line, "//")
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// sharedDefault returns rel (slash-separated) inside ../shared beside the
// module root, for flags whose default lies in the shared data.
func sharedDefault(rel string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "..", "shared", filepath.FromSlash(rel)), nil
}
