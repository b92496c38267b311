// Package feed adapts gofeed to sitrep: it reads an RSS, Atom or JSON
// feed into a [Feed] of [Item]s. It knows nothing of package article,
// which turns items into articles.
package feed

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// A Feed is a parsed news feed.
type Feed struct {
	Title string
	Link  string
	Items []Item
}

// An Item is one entry of a feed.
type Item struct {
	// GUID is the item's id (RSS guid, Atom id); "" when it has none.
	GUID  string
	Link  string
	Title string
	// Content is the item's full content (content:encoded, Atom content)
	// and Description its summary, both as given: usually HTML.
	Content     string
	Description string
	// Published is the item's publication time, else its update time,
	// zero when it gives neither.
	Published time.Time
}

// Key returns what identifies the item across polls: its GUID, else its
// link, else its title.
func (it Item) Key() string {
	for _, k := range []string{it.GUID, it.Link, it.Title} {
		if k = strings.TrimSpace(k); k != "" {
			return k
		}
	}
	return ""
}

// Parse reads a feed.
func Parse(r io.Reader) (*Feed, error) {
	f, err := gofeed.NewParser().Parse(r)
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	out := &Feed{Title: strings.TrimSpace(f.Title), Link: f.Link, Items: make([]Item, 0, len(f.Items))}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{GUID: strings.TrimSpace(it.GUID), Link: strings.TrimSpace(it.Link), Title: strings.TrimSpace(it.Title),
			Content: it.Content, Description: it.Description}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.UTC()
		}
		if item.Link == "" && len(it.Links) > 0 {
			item.Link = strings.TrimSpace(it.Links[0])
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// LooksLikeFeed reports whether data begins like an RSS, RDF or Atom
// document: an XML root element named rss, rdf:RDF or feed within its
// first 2 KiB.
func LooksLikeFeed(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 2048)])
	if !bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("<")) {
		return false
	}
	for _, root := range []string{"<rss", "<rdf:rdf", "<feed"} {
		if i := bytes.Index(head, []byte(root)); i >= 0 {
			next := head[i+len(root):]
			if len(next) == 0 || next[0] == ' ' || next[0] == '>' || next[0] == '\n' || next[0] == '\r' || next[0] == '\t' {
				return true
			}
		}
	}
	return false
}
