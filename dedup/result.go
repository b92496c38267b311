package dedup

import (
	"sort"

	"sitrep/nlp"
)

// A Result says what Index.Add found for one article.
type Result struct {
	// ID is the article's ID.
	ID string
	// ExactOf is the first earlier article with the same words after
	// folding (case, diacritics, punctuation and white space aside, and a
	// line repeated inside the article counted once); "" for none.
	ExactOf string
	// NearOf is the earlier article this one is a near-duplicate (a
	// reprint, an update, a spun copy) of: the most similar one at or
	// above Options.Threshold, the oldest among equals; ExactOf when that
	// is set; "" for none.
	NearOf string
	// Similarity is the estimated Jaccard similarity of NearOf's word
	// trigrams and this article's, after synonyms: 1 for an exact
	// duplicate, 0 when NearOf is "".
	Similarity float64
	// SameSource says that NearOf has this article's Source (not ""): the
	// publisher updated or re-sent its own story.
	SameSource bool
	// Original is the first article of the family this one belongs to:
	// NearOf's Original, else the article itself. Reports that share an
	// Original count as one article (see Mention.Original).
	Original string
	// Sentences holds one entry a sentence of the article, in order.
	Sentences []SentenceOrigin
	// Sources lists the earlier articles that gave at least
	// Options.MinSourceShare of this article's words, in the order their
	// first sentence appears.
	Sources []string
	// Copied is the share of the article's words (in sentences) that lie
	// in sentences copied from earlier articles, whatever the source.
	Copied float64
	// Stitched says that the article is a patchwork: at least half of its
	// words come from two or more Sources. A near-duplicate of an earlier
	// patchwork is one too, as its sentences trace back to the articles
	// the patchwork took them from.
	Stitched bool
	// Record is what a store keeps to Restore the index.
	Record Record
}

// A SentenceOrigin says where one sentence of an added article came from.
type SentenceOrigin struct {
	// Span is the sentence in Doc.Text.
	nlp.Span
	// Words counts its words, after synonyms.
	Words int
	// Article and Sentence (an index into that article's sentences) name
	// the first sentence this one copies, following copies of copies back
	// to the first article that had the text; Article is "" when it
	// copies none, which is always so for sentences of fewer than
	// MinSentenceWords words.
	Article  string
	Sentence int
	// Original is Article's Original.
	Original string
	// Exact says the words are the same after folding and synonyms; else
	// Similarity (in [SentenceThreshold, 1]) estimates the Jaccard
	// similarity of word pairs with the nearest copy found.
	Exact      bool
	Similarity float64
	// Repeats is the index of an earlier sentence of the same article with
	// the same words (a duplicated title), or -1. A repeat has the origin
	// of the sentence it repeats.
	Repeats int
}

// result builds the Result of an article about to be inserted.
func (x *Index) result(id, source string, nearOf, exactOf int32, sim float64, canon int32, origins []origin, meta []sentMeta) *Result {
	res := &Result{ID: id, Original: id, Sentences: make([]SentenceOrigin, len(meta))}
	if nearOf >= 0 {
		res.NearOf, res.Similarity = x.arts[nearOf].id, sim
		res.SameSource = source != "" && x.arts[nearOf].source == source
		res.Original = x.arts[canon].id
	}
	if exactOf >= 0 {
		res.ExactOf = x.arts[exactOf].id
	}
	type share struct {
		art   int32
		words int
	}
	var shares []share
	total, copied := 0, 0
	for i, m := range meta {
		o := origins[i]
		so := SentenceOrigin{Span: m.span, Words: m.words, Repeats: o.repeats}
		total += m.words
		if o.sent >= 0 {
			a := x.articleOf(o.sent)
			so.Article, so.Sentence = x.arts[a].id, int(o.sent-x.arts[a].first)
			so.Original = x.arts[x.arts[a].canon].id
			so.Exact, so.Similarity = o.exact, sketchSimilarity(o.equal)
			copied += m.words
			j := 0
			for j < len(shares) && shares[j].art != a {
				j++
			}
			if j == len(shares) {
				shares = append(shares, share{art: a})
			}
			shares[j].words += m.words
		}
		res.Sentences[i] = so
	}
	if total == 0 {
		return res
	}
	res.Copied = float64(copied) / float64(total)
	fromSources := 0
	for _, s := range shares {
		if float64(s.words)/float64(total) >= x.opt.MinSourceShare {
			res.Sources = append(res.Sources, x.arts[s.art].id)
			fromSources += s.words
		}
	}
	res.Stitched = len(res.Sources) >= 2 && 2*fromSources >= total
	return res
}

// Story returns the article that a mention at byte offset pos of the added
// article should be counted under (Mention.Original): the Original of the
// whole article when it is a copy, else the Original of the article its
// sentence came from, else the article itself.
func (r *Result) Story(pos int) string {
	if r.NearOf != "" {
		return r.Original
	}
	i := sort.Search(len(r.Sentences), func(i int) bool { return r.Sentences[i].End > pos })
	if i < len(r.Sentences) && r.Sentences[i].Start <= pos && r.Sentences[i].Article != "" {
		return r.Sentences[i].Original
	}
	return r.ID
}
