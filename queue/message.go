package queue

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"sitrep/article"
	"sitrep/dedup"
	"sitrep/store"
)

// ErrMalformed is returned by Decode for a message that is not an article
// message of this version: retrying cannot help, and the consumer moves
// it to the dead-letter stream at once.
var ErrMalformed = errors.New("queue: malformed message")

// version is the message format; Decode refuses any other.
const version = 1

// A Message is one article on its way from the producer to a worker: the
// article as it was read, and what deduplication found for it in the
// producer, which sees the articles in input order.
type Message struct {
	Article *article.Article `json:"article"`
	Dedup   *Dedup           `json:"dedup"`
}

// wire is a Message's JSON form.
type wire struct {
	Version int `json:"v"`
	*Message
}

// Encode returns m's JSON form.
func Encode(m *Message) ([]byte, error) {
	return json.Marshal(wire{Version: version, Message: m})
}

// Decode reads a message Encode made and checks it: the article's ID must
// be its content's, and the dedup facts must fit its body. Its errors wrap
// ErrMalformed.
func Decode(data []byte) (*Message, error) {
	w := wire{Message: &Message{}}
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if w.Version != version {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrMalformed, w.Version, version)
	}
	m := w.Message
	a := m.Article
	if a == nil {
		return nil, fmt.Errorf("%w: no article", ErrMalformed)
	}
	if id := article.ContentID(a.Title, a.Text); a.ID != id {
		return nil, fmt.Errorf("%w: article ID %q is not its content's (%s)", ErrMalformed, a.ID, id)
	}
	if m.Dedup == nil {
		return nil, fmt.Errorf("%w: article %s: no dedup facts", ErrMalformed, a.ID)
	}
	n, end := len(a.Body()), 0
	for _, s := range m.Dedup.Sentences {
		if s.Start < end || s.End < s.Start || s.End > n || s.Article == "" {
			return nil, fmt.Errorf("%w: article %s: copied sentence %d [%d,%d) out of order or outside the body (%d bytes)", ErrMalformed, a.ID, s.Sentence, s.Start, s.End, n)
		}
		end = s.End
	}
	return m, nil
}

// Dedup is what a dedup.Index found for one article, in a form that
// travels: the article-level facts, the sentences copied from earlier
// articles, and the fingerprint the store keeps.
type Dedup struct {
	ExactOf    string   `json:"exact_of,omitempty"`
	NearOf     string   `json:"near_of,omitempty"`
	Similarity float64  `json:"similarity,omitempty"`
	Original   string   `json:"original"`
	Stitched   bool     `json:"stitched,omitempty"`
	Copied     float64  `json:"copied,omitempty"`
	Sources    []string `json:"sources,omitempty"`
	// Sentences are the copied sentences, in order; the others copy
	// nothing.
	Sentences []Sentence `json:"sentences,omitempty"`
	// Fingerprint is dedup.Fingerprint.MarshalBinary's bytes (base64 in
	// JSON); nil for none.
	Fingerprint []byte `json:"fingerprint,omitempty"`
}

// A Sentence is one copied sentence of an article.
type Sentence struct {
	// Index is the sentence's number in the body as nlp.Segmenter splits
	// it (record.Sentence.Index); Start and End its byte span.
	Index int `json:"index"`
	Start int `json:"start"`
	End   int `json:"end"`
	// Article and Sentence name the sentence it copies; Original is
	// Article's family (dedup.SentenceOrigin).
	Article  string `json:"article"`
	Sentence int    `json:"sentence"`
	Original string `json:"original"`
}

// NewDedup keeps of res what a worker needs. res must come from an Index
// that segmented the text itself (dedup.Doc.Sentences nil), so that
// sentence numbers are nlp.Segmenter's, as in the record.
func NewDedup(res *dedup.Result) (*Dedup, error) {
	d := &Dedup{ExactOf: res.ExactOf, NearOf: res.NearOf, Similarity: res.Similarity, Original: res.Original,
		Stitched: res.Stitched, Copied: res.Copied, Sources: res.Sources}
	for i, s := range res.Sentences {
		if s.Article != "" {
			d.Sentences = append(d.Sentences, Sentence{Index: i, Start: s.Start, End: s.End,
				Article: s.Article, Sentence: s.Sentence, Original: s.Original})
		}
	}
	if fp := res.Record.Fingerprint; fp != nil {
		b, err := fp.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", res.ID, err)
		}
		d.Fingerprint = b
	}
	return d, nil
}

// Story returns the article that a mention at byte offset pos of article
// id counts under, as dedup.Result.Story does.
func (d *Dedup) Story(id string, pos int) string {
	if d.NearOf != "" {
		return d.Original
	}
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > pos })
	if i < len(d.Sentences) && d.Sentences[i].Start <= pos {
		return d.Sentences[i].Original
	}
	return id
}

// Store returns the facts in the store's form.
func (d *Dedup) Store() *store.Dedup {
	out := &store.Dedup{ExactOf: d.ExactOf, NearOf: d.NearOf, Similarity: d.Similarity, Original: d.Original,
		Stitched: d.Stitched, Copied: d.Copied, Sources: d.Sources, Fingerprint: d.Fingerprint}
	for _, s := range d.Sentences {
		out.Sentences = append(out.Sentences, store.SentenceOrigin{Sentence: s.Index, Article: s.Article, ArticleSentence: s.Sentence})
	}
	return out
}
