package nlp

// A Span is the half-open byte range [Start, End) of Doc.Text.
type Span struct{ Start, End int }

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// A Doc is one text and the layers annotators have added to it.
type Doc struct {
	// Text is the original text. Annotators never change it.
	Text string
	// Sentences in document order. Set by a Segmenter.
	Sentences []Sentence
	// Tokens of all sentences in document order. Set by a Tokenizer;
	// Sentence.First and Sentence.Limit index into it.
	Tokens []Token
}

// A Sentence is a span of the text and the range of its tokens.
type Sentence struct {
	Span
	// First and Limit delimit the sentence's tokens: Doc.Tokens[First:Limit].
	First, Limit int
	// MultiWords lists the surface tokens that were split into several
	// syntactic words ("don't" = "do" + "n't"), as CoNLL-U multiword tokens.
	MultiWords []MultiWord
}

// A MultiWord is one surface token split into the syntactic words
// Doc.Tokens[First:Limit] (indices into Doc.Tokens).
type MultiWord struct {
	Span
	First, Limit int
	// Form is the surface form as written in the text.
	Form string
}

// A Token is one syntactic word.
type Token struct {
	Span
	// Form is Doc.Text[Start:End].
	Form string
	// Lemma is the dictionary form ("retake" for "retaking"). Set by a Lemmatizer.
	Lemma string
	// UPOS is the Universal POS tag (NOUN, VERB, PROPN, ...). Set by a Tagger.
	UPOS string
	// XPOS is the Penn Treebank tag (NN, VBD, NNP, ...). Set by a Tagger.
	XPOS string
	// Head is the index within the sentence (0 for the sentence's first token)
	// of this token's syntactic head, or -1 for the root. Set by a Parser.
	Head int
	// Deprel is the Universal Dependencies relation to the head, with its
	// subtype ("nsubj", "obl:tmod"); "" until a Parser has run.
	Deprel string
}

// SentenceTokens returns the tokens of sentence i. The slice aliases d.Tokens.
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Limit]
}

// Clone returns a copy of d whose sentences and tokens can be changed
// without changing d's. The text is shared; strings are immutable.
func (d *Doc) Clone() *Doc {
	c := *d
	c.Tokens = append([]Token(nil), d.Tokens...)
	c.Sentences = append([]Sentence(nil), d.Sentences...)
	for i := range c.Sentences {
		c.Sentences[i].MultiWords = append([]MultiWord(nil), d.Sentences[i].MultiWords...)
	}
	return &c
}
