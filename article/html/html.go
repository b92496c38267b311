// Package html adapts go-readability to sitrep: it finds the main text of a
// news page and the metadata around it. It knows nothing of package
// article, which turns a [Page] into an article.
package html

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	xhtml "golang.org/x/net/html"
)

// A Page is what [Extract] finds in an HTML document.
type Page struct {
	Title string
	// Text is the main text: paragraphs separated by a blank line, white
	// space inside a paragraph collapsed to single spaces.
	Text string
	// Published is the publication time given by the page's metadata
	// (meta tags, JSON-LD), zero when it gives none.
	Published time.Time
	// Canonical is the page's canonical URL (link rel=canonical, else
	// og:url), resolved against the page's own URL; "" when it names none.
	Canonical string
	// SiteName is the publisher's name (og:site_name), "" when not given.
	SiteName string
}

// ErrNoText is returned for a page in which no main text was found.
var ErrNoText = errors.New("html: no main text found")

// Extract reads an HTML document and returns its main text and metadata.
// pageURL, when not empty, is the page's address, against which relative
// links resolve.
func Extract(r io.Reader, pageURL string) (Page, error) {
	doc, err := xhtml.Parse(r)
	if err != nil {
		return Page{}, fmt.Errorf("html: %w", err)
	}
	var base *url.URL
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
			base = u
		}
	}
	var p Page
	p.Canonical = canonical(doc, base)
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return Page{}, fmt.Errorf("html: %w", err)
	}
	p.Title = collapse(art.Title())
	p.SiteName = collapse(art.SiteName())
	if t, err := art.PublishedTime(); err == nil {
		p.Published = t.UTC()
	}
	if art.Node != nil {
		p.Text = Paragraphs(render.InnerText(art.Node))
	}
	if p.Text == "" {
		return p, ErrNoText
	}
	return p, nil
}

// Text returns the text of an HTML fragment, such as a feed item's
// description, as paragraphs separated by blank lines. Text that holds no
// markup comes back with its white space tidied.
func Text(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return Paragraphs(fragment)
	}
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body"}
	nodes, err := xhtml.ParseFragment(strings.NewReader(fragment), body)
	if err != nil {
		return Paragraphs(fragment)
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	return Paragraphs(render.InnerText(body))
}

// Paragraphs tidies extracted text: each non-blank line becomes a
// paragraph with its white space collapsed, and paragraphs are separated by
// one blank line.
func Paragraphs(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		line = collapse(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(line)
	}
	return b.String()
}

// collapse trims s and turns every run of white space in it into a space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// canonical returns the canonical URL that doc names, made absolute
// against base.
func canonical(doc *xhtml.Node, base *url.URL) string {
	var link, og string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "link":
				if link == "" && hasToken(attr(n, "rel"), "canonical") {
					link = attr(n, "href")
				}
			case "meta":
				if og == "" && (attr(n, "property") == "og:url" || attr(n, "name") == "og:url") {
					og = attr(n, "content")
				}
			case "body":
				return // the head is where these live
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, raw := range []string{link, og} {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") {
			return u.String()
		}
	}
	return ""
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// LooksLikeHTML reports whether data begins like an HTML document: a
// doctype or an <html>, <head> or <body> tag after optional white space
// and comments.
func LooksLikeHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimLeft(data[:min(len(data), 1024)], " \t\r\n\ufeff"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return p != "<!--" || bytes.Contains(head, []byte("<html"))
		}
	}
	return false
}
