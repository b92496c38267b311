package quote

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"sitrep/actor"
	"sitrep/nlp"
)

// A Quote is a statement of a parsed text: a direct quote, in quotation
// marks, or a reported clause ("Lavrov said Moscow was helping ...").
type Quote struct {
	// Span is the quoted text with its marks (for a quote that runs over
	// several paragraphs, from the first opening mark to the last closing
	// one), or the reported clause.
	nlp.Span
	// Text is the words quoted, without the marks: Parts joined by one
	// space.
	Text string
	// Parts are the pieces of Text in the doc, inside Span: one for each
	// paragraph a direct quote runs over, and for a reported clause one
	// for each stretch the attribution does not interrupt ("Five
	// civilians, the Observatory said, were killed" has two).
	Parts []nlp.Span
	// Direct is true for words in quotation marks.
	Direct bool
	// Sentences are the indexes of the first and last sentence Span
	// touches.
	Sentences [2]int
	// Speaker is who said it, nil when no speaker is found: an empty slot
	// rather than a guess.
	Speaker *Speaker
	// Verb is the verb of saying ("told", "said", "added") or the cue
	// ("according to") that attributes the quote; the zero Span when
	// there is none.
	Verb nlp.Span
}

// A Speaker is the noun phrase that says a quote and the actor it codes as.
type Speaker struct {
	// Span is the phrase: "United Nations deputy spokesman Farhan Haq",
	// "Safadi, Jordan's foreign minister", or a pronoun ("he").
	nlp.Span
	Text string
	// Code is the actor's CAMEO code from actor.Dictionary.Resolve
	// ("IGOUNO", "RUSGOV", or the role alone, "REB", when the phrase says
	// no country and there is no focus); "" when the dictionary does not
	// know the speaker. Country is the code's first segment ("IGO",
	// "RUS"; "" for a role alone) and Role its first role segment ("GOV",
	// "REB"; "" when it has none).
	Code, Country, Role string
	// Antecedent is, for an anaphoric speaker ("he", "the spokesman"),
	// the earlier mention it was resolved to, which gave the code; nil
	// when nothing fitted.
	Antecedent *nlp.Span
}

// Options are the story's context for coding speakers; see
// actor.Dictionary.Resolve.
type Options struct {
	// Date is the publication date: people are coded by the office they
	// held on it. The zero time takes each entry's default or latest code.
	Date time.Time
	// Focus is the story's country code ("SYR"), which phrases such as
	// "regime forces" take; "" for none.
	Focus string
}

// A Finder finds quotes and reported statements and codes their speakers.
// It is safe for concurrent use once set up.
type Finder struct {
	// Actors codes speakers.
	Actors *actor.Dictionary
	// Words are the verbs of saying, cues and anaphors.
	Words *Words
	// Window is how many sentences before a statement an anaphoric
	// speaker's antecedent is looked for; zero means 2. The search never
	// crosses more than one paragraph break either way.
	Window int
}

// DefaultWindow is the antecedent window Finder uses when Window is zero.
const DefaultWindow = 2

// New returns a Finder with the given dictionary and word lists.
func New(actors *actor.Dictionary, words *Words) *Finder {
	return &Finder{Actors: actors, Words: words}
}

// Default returns a Finder with actor.Default and the embedded word lists.
func Default() (*Finder, error) {
	a, err := actor.Default()
	if err != nil {
		return nil, fmt.Errorf("quote: %w", err)
	}
	w, err := DefaultWords()
	if err != nil {
		return nil, err
	}
	return New(a, w), nil
}

// Find returns the quotes and reported statements of doc, which must be
// segmented and tokenized (and, for speakers, tagged and parsed), in the
// order of their spans. Text that is not well formed (unbalanced marks,
// heads out of range) gives fewer quotes, never invented ones.
func (f *Finder) Find(doc *nlp.Doc, opt Options) []Quote {
	if doc == nil || doc.Text == "" || f == nil || f.Words == nil {
		return nil
	}
	fd := &finding{f: f, w: f.Words, doc: doc, opt: opt}
	fd.paras = paragraphs(doc.Text)
	fd.marks = pairMarks(doc.Text)
	fd.sents = newSents(doc, fd.paras, fd.marks)
	fd.direct()
	fd.reported()
	slices.SortStableFunc(fd.stmts, func(a, b *statement) int {
		if a.span.Start != b.span.Start {
			return a.span.Start - b.span.Start
		}
		return a.span.End - b.span.End
	})
	fd.inherit()
	fd.codeSpeakers()
	out := make([]Quote, 0, len(fd.stmts))
	for _, st := range fd.stmts {
		out = append(out, fd.quote(st))
	}
	return out
}

// A finding is the state of one Find call.
type finding struct {
	f     *Finder
	w     *Words
	doc   *nlp.Doc
	opt   Options
	paras []nlp.Span
	marks []marked
	sents []sent
	stmts []*statement
	// mentions caches the mentions of each sentence, for antecedents.
	mentions map[int][]mention
}

// A statement is a quote before its speaker is coded.
type statement struct {
	direct bool
	span   nlp.Span
	parts  []nlp.Span
	sents  [2]int
	verb   nlp.Span
	spk    *phrase // nil when there is no speaker
	// attributed is set when the statement's own sentence gave its verb
	// or speaker (not the quote before or after it).
	attributed bool
	// startsSentence is set for a direct quote whose opening mark starts
	// its sentence.
	startsSentence bool
}

// A phrase is a speaker's noun phrase, tokens [lo, hi) of sentence s with
// head token head, and once coded its Speaker.
type phrase struct {
	s, lo, hi, head int
	// origin is the byte an antecedent must come before: the start of
	// the phrase or of the quote it attributes, whichever is first.
	origin int
	coded  bool
	sp     Speaker
}

func (fd *finding) text(sp nlp.Span) string { return fd.doc.Text[sp.Start:sp.End] }

// quote builds the Quote of st.
func (fd *finding) quote(st *statement) Quote {
	q := Quote{Span: st.span, Parts: st.parts, Direct: st.direct, Sentences: st.sents, Verb: st.verb}
	texts := make([]string, len(st.parts))
	for i, p := range st.parts {
		texts[i] = fd.text(p)
	}
	q.Text = strings.Join(texts, " ")
	if st.spk != nil {
		sp := st.spk.sp
		if sp.Antecedent != nil {
			a := *sp.Antecedent
			sp.Antecedent = &a
		}
		q.Speaker = &sp
	}
	return q
}
