package article

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"sitrep/article/feed"
	"sitrep/article/html"
)

// readURL reads a feed or a page by URL.
func (r *reader) readURL(ctx context.Context, src string, yield yielder) bool {
	data, err := r.fetch(ctx, src)
	if err != nil {
		return yield(nil, &Error{Name: src, Err: err})
	}
	if isUTF16(data) || isBinary(data[:min(len(data), sniffLen)]) {
		return yield(nil, &Error{Name: src, Err: ErrBinary})
	}
	text, note := toUTF8(data)
	if note != "" && !yield(nil, &Error{Name: src, Warning: true, Err: errors.New(note)}) {
		return false
	}
	switch sniffFormat(data) {
	case formatFeed:
		return r.readFeed(ctx, text, src, true, yield)
	case formatJSON, formatJSONL:
		return r.readJSON(text, src, yield)
	case formatText:
		a, err := textArticle(text)
		if err != nil {
			return yield(nil, &Error{Name: src, Err: err})
		}
		a.Origin, a.URL = src, src
		r.settleDate(a, time.Time{})
		return yield(a, nil)
	}
	a, err := htmlArticle(text, src)
	if err != nil {
		return yield(nil, &Error{Name: src, Err: err})
	}
	a.Origin = src
	r.settleDate(a, time.Time{})
	return yield(a, nil)
}

// fetch GETs an http(s) URL: with the User-Agent, within the timeout, and
// no more than MaxSize bytes. A status other than 2xx is an error.
func (r *reader) fetch(ctx context.Context, src string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, err
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, fmt.Errorf("not an http(s) URL")
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5")
	resp, err := r.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("unreachable: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > r.opts.MaxSize {
		return nil, &SizeError{Size: resp.ContentLength, Limit: r.opts.MaxSize}
	}
	data, err := readLimited(resp.Body, r.opts.MaxSize)
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	return data, nil
}

// readFeed reads the items of an RSS or Atom feed. Items in Options.Seen
// are skipped; the others are yielded and then added to it. When byURL
// (and not Options.NoPages), each item's page is fetched and its main text
// extracted; when that fails, a warning says so and the item's content or
// description stands in.
func (r *reader) readFeed(ctx context.Context, text, name string, byURL bool, yield yielder) bool {
	f, err := feed.Parse(strings.NewReader(text))
	if err != nil {
		return yield(nil, &Error{Name: name, Err: err})
	}
	for i, it := range f.Items {
		if ctx.Err() != nil {
			return yield(nil, ctx.Err())
		}
		key := it.Key()
		if r.opts.Seen != nil && key != "" && r.opts.Seen.Has(key) {
			continue
		}
		item := fmt.Sprintf("item %d", i+1)
		if it.Link != "" {
			item += " (" + it.Link + ")"
		}
		a, warn := r.feedItem(ctx, f, it, byURL)
		if warn != nil && !yield(nil, &Error{Name: name, Item: item, Warning: true, Err: warn}) {
			return false
		}
		if a == nil {
			if !yield(nil, &Error{Name: name, Item: item, Err: fmt.Errorf("%w: no title or text", ErrEmpty)}) {
				return false
			}
			continue
		}
		a.Origin = name + "#" + fmt.Sprint(i+1)
		if !yield(a, nil) {
			return false
		}
		if r.opts.Seen != nil && key != "" {
			if err := r.opts.Seen.Add(key); err != nil && !yield(nil, &Error{Name: name, Item: item, Err: err}) {
				return false
			}
		}
	}
	return true
}

// feedItem makes the article of one feed item, and a warning when its
// page could not be read.
func (r *reader) feedItem(ctx context.Context, f *feed.Feed, it feed.Item, byURL bool) (*Article, error) {
	title := html.Text(it.Title)
	text := html.Text(it.Content)
	if text == "" {
		text = html.Text(it.Description)
	}
	a := &Article{Title: title, URL: it.Link, Source: f.Title}
	var warn error
	if byURL && !r.opts.NoPages && isURL(it.Link) {
		page, err := r.fetchPage(ctx, it.Link)
		switch {
		case err != nil:
			warn = fmt.Errorf("page: %w; using the feed's text", err)
		default:
			text = page.Text
			if page.Canonical != "" {
				a.URL = page.Canonical
			}
			if a.Title == "" {
				a.Title = page.Title
			}
			if !page.Published.IsZero() {
				a.Date, a.DateFrom = page.Published, DateMetadata
			}
		}
	}
	if !it.Published.IsZero() {
		a.Date, a.DateFrom = it.Published, DateMetadata
	}
	if strings.TrimSpace(text) == "" && a.Title == "" {
		return nil, warn
	}
	a.Text = text
	a.ID = ContentID(a.Title, a.Text)
	r.settleDate(a, time.Time{})
	return a, warn
}

// fetchPage fetches and extracts one item's page.
func (r *reader) fetchPage(ctx context.Context, link string) (html.Page, error) {
	data, err := r.fetch(ctx, link)
	if err != nil {
		return html.Page{}, err
	}
	if isUTF16(data) || isBinary(data[:min(len(data), sniffLen)]) {
		return html.Page{}, ErrBinary
	}
	text, _ := toUTF8(data)
	return html.Extract(strings.NewReader(text), link)
}
