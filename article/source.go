package article

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sitrep/article/feed"
	"sitrep/article/html"
)

// Options tune how [Open] and [Walk] read. The zero value is ready to use.
type Options struct {
	// MaxSize is the largest input read, in bytes: a file read whole (text,
	// HTML, JSON, a feed), a JSON Lines line, a fetched page or feed. A
	// larger one is refused with a *SizeError. Zero means DefaultMaxSize
	// (10 MiB).
	MaxSize int64
	// Stdin is what "-" reads; nil reads nothing.
	Stdin io.Reader
	// Client fetches feeds and pages; nil means a client with Timeout.
	Client *http.Client
	// Timeout bounds each HTTP request of the default client; zero means
	// 30 seconds.
	Timeout time.Duration
	// UserAgent is sent with each HTTP request; "" means DefaultUserAgent.
	UserAgent string
	// Date is the date of articles whose input and opening give none
	// (DateDefault); it comes before the file's modification time. Zero
	// means none.
	Date time.Time
	// NoFileTime keeps the modification time of a file from dating its
	// article.
	NoFileTime bool
	// Now returns the time that dates without a year are read against when
	// the input has no modification time; nil means time.Now.
	Now func() time.Time
	// Seen, when not nil, holds the keys of feed items already read: they
	// are skipped, and each item read is added after it was yielded.
	Seen Seen
	// NoPages keeps the items of feeds read by URL from fetching their
	// pages; their text is then the item's content or description.
	NoPages bool
}

// DefaultUserAgent is the User-Agent of HTTP requests unless
// Options.UserAgent says otherwise.
const DefaultUserAgent = "sitrep/1 (news event coder; polite: one fetch per item)"

// A format is a kind of input.
type format int

const (
	formatUnknown format = iota
	formatText
	formatHTML
	formatJSON // a JSON object or array, or JSON Lines in a .json file
	formatJSONL
	formatFeed
)

// formatOf returns the format a file name's extension says.
func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return formatText
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".json":
		return formatJSON
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".xml", ".rss", ".atom":
		return formatFeed
	}
	return formatUnknown
}

// sniffFormat tells the format of a text from its first bytes.
func sniffFormat(head []byte) format {
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case len(trimmed) == 0:
		return formatText
	case trimmed[0] == '{':
		if line, _, ok := bytes.Cut(trimmed, []byte("\n")); ok && jsonValid(line) {
			return formatJSONL
		}
		return formatJSON
	case trimmed[0] == '[':
		return formatJSON
	case feed.LooksLikeFeed(trimmed):
		return formatFeed
	case html.LooksLikeHTML(trimmed):
		return formatHTML
	}
	return formatText
}

// Open reads the articles of one input: a file, a directory (every file in
// it and below whose extension names a format, in lexical order; hidden
// files and folders are skipped), "-" for Options.Stdin, or an http(s) URL
// of a feed or a page.
//
// Formats go by extension: .txt (plain text, the first line the title),
// .html and .htm (the main text is extracted), .json (an object, an array
// of them, or JSON Lines), .jsonl and .ndjson (JSON Lines), .xml, .rss and
// .atom (RSS or Atom feeds). A file named on its own with another
// extension, stdin and URLs are told by their content.
//
// The sequence yields each article, or an error for each input, line or
// item that failed, as an *Error naming it; an error never ends the
// sequence. Warnings (see [IsWarning]) come before the article they
// concern. Each article without a date from its input gets one from its
// opening (FindDateline), else Options.Date, else the file's modification
// time, and DateFrom says which.
func Open(ctx context.Context, src string, opts *Options) iter.Seq2[*Article, error] {
	return Walk(ctx, []string{src}, opts)
}

// Walk is Open for several inputs, one after another.
func Walk(ctx context.Context, srcs []string, opts *Options) iter.Seq2[*Article, error] {
	r := newReader(opts)
	return func(yield func(*Article, error) bool) {
		for _, src := range srcs {
			if ctx.Err() != nil {
				yield(nil, ctx.Err())
				return
			}
			if !r.open(ctx, src, yield) {
				return
			}
		}
	}
}

// A reader holds the options of one Open or Walk.
type reader struct {
	opts   Options
	client *http.Client
}

func newReader(opts *Options) *reader {
	r := &reader{}
	if opts != nil {
		r.opts = *opts
	}
	if r.opts.MaxSize <= 0 {
		r.opts.MaxSize = DefaultMaxSize
	}
	if r.opts.Timeout <= 0 {
		r.opts.Timeout = 30 * time.Second
	}
	if r.opts.UserAgent == "" {
		r.opts.UserAgent = DefaultUserAgent
	}
	if r.opts.Now == nil {
		r.opts.Now = time.Now
	}
	r.client = r.opts.Client
	if r.client == nil {
		r.client = &http.Client{Timeout: r.opts.Timeout}
	}
	return r
}

// yielder is the yield function of an article sequence.
type yielder = func(*Article, error) bool

func (r *reader) open(ctx context.Context, src string, yield yielder) bool {
	switch {
	case src == "-":
		in := r.opts.Stdin
		if in == nil {
			in = strings.NewReader("")
		}
		return r.readStream(ctx, in, "stdin", formatUnknown, time.Time{}, yield)
	case isURL(src):
		return r.readURL(ctx, src, yield)
	}
	fi, err := os.Stat(src)
	if err != nil {
		return yield(nil, &Error{Name: src, Err: unwrapPath(err)})
	}
	if fi.IsDir() {
		return r.readDir(ctx, src, yield)
	}
	return r.readFile(ctx, src, fi, formatOf(src), yield)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// unwrapPath drops the operation and path of a *fs.PathError, which the
// caller names itself.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readDir reads every file below dir whose extension names a format.
func (r *reader) readDir(ctx context.Context, dir string, yield yielder) bool {
	ok := true
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if ok = yield(nil, &Error{Name: path, Err: unwrapPath(err)}); !ok {
				return filepath.SkipAll
			}
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		f := formatOf(path)
		if d.IsDir() || f == formatUnknown || !d.Type().IsRegular() {
			return nil
		}
		if ctx.Err() != nil {
			ok = yield(nil, ctx.Err())
			return filepath.SkipAll
		}
		fi, err := d.Info()
		if err != nil {
			ok = yield(nil, &Error{Name: path, Err: unwrapPath(err)})
		} else {
			ok = r.readFile(ctx, path, fi, f, yield)
		}
		if !ok {
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		return yield(nil, &Error{Name: dir, Err: err})
	}
	return ok
}

// readFile reads one file of format f (formatUnknown: tell by content).
func (r *reader) readFile(ctx context.Context, path string, fi fs.FileInfo, f format, yield yielder) bool {
	if f != formatJSONL && fi.Size() > r.opts.MaxSize {
		return yield(nil, &Error{Name: path, Err: &SizeError{Size: fi.Size(), Limit: r.opts.MaxSize}})
	}
	file, err := os.Open(path)
	if err != nil {
		return yield(nil, &Error{Name: path, Err: unwrapPath(err)})
	}
	defer file.Close()
	return r.readStream(ctx, file, path, f, fi.ModTime(), yield)
}

// readStream reads one input of format f from in; mtime, when not zero,
// is its modification time.
func (r *reader) readStream(ctx context.Context, in io.Reader, name string, f format, mtime time.Time, yield yielder) bool {
	br := bufio.NewReaderSize(in, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return yield(nil, &Error{Name: name, Err: unwrapPath(err)})
	}
	var src io.Reader = br
	var note string
	if isUTF16(head) {
		src, note = bufio.NewReaderSize(utf16Reader(br), 64<<10), "decoded from UTF-16"
		head, _ = src.(*bufio.Reader).Peek(sniffLen)
	} else if isBinary(head) {
		return yield(nil, &Error{Name: name, Err: ErrBinary})
	}
	if f == formatUnknown {
		f = sniffFormat(head)
	}
	if f == formatJSONL {
		return r.readJSONL(src, name, note, yield)
	}
	data, err := readLimited(src, r.opts.MaxSize)
	if err != nil {
		return yield(nil, &Error{Name: name, Err: unwrapPath(err)})
	}
	if isBinary(data[:min(len(data), sniffLen)]) {
		return yield(nil, &Error{Name: name, Err: ErrBinary})
	}
	text, fix := toUTF8(data)
	if fix != "" {
		note = fix
	}
	if note != "" && !yield(nil, &Error{Name: name, Warning: true, Err: errors.New(note)}) {
		return false
	}
	if strings.TrimSpace(text) == "" {
		return yield(nil, &Error{Name: name, Err: ErrEmpty})
	}
	switch f {
	case formatJSON:
		return r.readJSON(text, name, yield)
	case formatFeed:
		return r.readFeed(ctx, text, name, false, yield)
	case formatHTML:
		a, err := htmlArticle(text, "")
		if err != nil {
			return yield(nil, &Error{Name: name, Err: err})
		}
		a.Origin = name
		r.settleDate(a, mtime)
		return yield(a, nil)
	}
	a, err := textArticle(text)
	if err != nil {
		return yield(nil, &Error{Name: name, Err: err})
	}
	a.Origin = name
	r.settleDate(a, mtime)
	return yield(a, nil)
}

// readJSONL streams JSON Lines; note, when not "", is a warning for the
// whole input.
func (r *reader) readJSONL(in io.Reader, name, note string, yield yielder) bool {
	if note != "" && !yield(nil, &Error{Name: name, Warning: true, Err: errors.New(note)}) {
		return false
	}
	j := NewJSONLReader(in, name)
	j.MaxLine = r.opts.MaxSize
	for {
		a, err := j.Read()
		if err == io.EOF {
			break
		}
		if a != nil {
			r.settleDate(a, time.Time{})
		}
		if !yield(a, err) {
			return false
		}
	}
	if j.Recoded > 0 {
		return yield(nil, &Error{Name: name, Warning: true,
			Err: fmt.Errorf("%d %s not UTF-8: repaired", j.Recoded, plural(j.Recoded, "line was", "lines were"))})
	}
	return true
}

// settleDate dates an article that its input left undated: from its
// opening, else Options.Date, else mtime (unless Options.NoFileTime).
// Datelines without a year are read against mtime, else Options.Now.
func (r *reader) settleDate(a *Article, mtime time.Time) {
	if !a.Date.IsZero() {
		return
	}
	ref := mtime
	if ref.IsZero() {
		ref = r.opts.Now()
	}
	if d, ok := FindDateline(a.Body(), ref); ok {
		a.Date, a.DateFrom = d.Date, DateDateline
		return
	}
	if !r.opts.Date.IsZero() {
		a.Date, a.DateFrom = r.opts.Date, DateDefault
		return
	}
	if !mtime.IsZero() && !r.opts.NoFileTime {
		a.Date, a.DateFrom = mtime.UTC(), DateFileTime
	}
}

// htmlArticle makes an article of an HTML page found at pageURL ("" when
// unknown).
func htmlArticle(text, pageURL string) (*Article, error) {
	p, err := html.Extract(strings.NewReader(text), pageURL)
	if err != nil {
		return nil, err
	}
	title := p.Title
	a := &Article{ID: ContentID(title, p.Text), Title: title, Text: p.Text, URL: p.Canonical, Source: p.SiteName}
	if a.URL == "" {
		a.URL = pageURL
	}
	if !p.Published.IsZero() {
		a.Date, a.DateFrom = p.Published, DateMetadata
	}
	return a, nil
}
