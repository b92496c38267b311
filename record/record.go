package record

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"sitrep/actor"
	"sitrep/article"
	"sitrep/event"
	"sitrep/nlp"
)

// An Article is the record of one coded article. Its JSON form is the
// output contract described in the package documentation.
type Article struct {
	Meta      Meta       `json:"article"`
	Sentences []Sentence `json:"sentences"`
	Events    []Event    `json:"events"`
	Quotes    []Quote    `json:"quotes"`
	Counts    []Count    `json:"counts"`
	Places    []Place    `json:"places"`
}

// Meta is what the input said of an article.
type Meta struct {
	// ID is the article's content hash (article.ContentID).
	ID    string `json:"id"`
	Title string `json:"title"`
	// Date is the publication date, YYYY-MM-DD; nil when unknown.
	Date   *string `json:"date"`
	Source string  `json:"source"` // "" when the input named none
	URL    string  `json:"url"`    // "" when the input gave none
}

// A Sentence is one sentence of the body.
type Sentence struct {
	// Index is the sentence's number in the body, from 0; events refer to
	// it. Sentences without a token (there are none in practice) are left
	// out, so indexes may skip.
	Index int    `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// A Span is a stretch of the body and its text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// An Event is one coded event: who did what to whom, with its evidence.
type Event struct {
	// ID identifies the event stably; see EventID.
	ID string `json:"id"`
	// Sentence is the index of the sentence it was coded from, and
	// Evidence that whole sentence.
	Sentence int    `json:"sentence"`
	Evidence Span   `json:"evidence"`
	Source   *Actor `json:"source"` // nil: no actor fills the slot
	Target   *Actor `json:"target"`
	// Verb is the word that carries the event: a verb ("shelled"), or an
	// event noun ("offensive").
	Verb Span `json:"verb"`
	// CAMEO is the event code, Root its first two digits ("190", "19").
	CAMEO string `json:"cameo"`
	Root  string `json:"root"`
	// Plover is the PLOVER event type ("ASSAULT"); "" for codes without
	// one (CAMEO 01).
	Plover string `json:"plover"`
	// Quad is GDELT's quad class: 1 verbal cooperation, 2 material
	// cooperation, 3 verbal conflict, 4 material conflict; 0 when unknown.
	Quad int `json:"quad_class"`
	// Goldstein is the code's weight, -10 (most conflictual) to +10.
	Goldstein float64 `json:"goldstein"`
	// Date is when the event happened, YYYY-MM-DD (for a week, month or
	// year its first day), and DatePrecision how precisely it is known
	// ("day", "week", "month", "year", or "publication" when the text
	// gives no date and the article's is used); both nil when neither the
	// text nor the article has a date. DateText is the words that gave
	// the date ("on Monday"); nil when none did.
	Date          *string `json:"date"`
	DatePrecision *string `json:"date_precision"`
	DateText      *string `json:"date_text"`
	// Location is where the event happened; nil when no place is known.
	Location *Location `json:"location"`
	// Negated is set for an event coded from a negated predicate ("will
	// not open their borders").
	Negated bool `json:"negated"`
	// Mode is the PLOVER mode, the how of the event ("firearms"), or "".
	Mode string `json:"mode"`
	// Confidence is the coder's rough 0–1 estimate.
	Confidence float64 `json:"confidence"`
	// Rule names the dictionary line that decided the code
	// ("verbs.txt:812"), with any change made to it ("negated").
	Rule string `json:"rule"`
}

// An Actor fills an event's source or target slot.
type Actor struct {
	// Code is the CAMEO actor code ("SYRGOV", "IGOUNO"); for an actor of
	// unknown country, the role alone ("REB").
	Code string `json:"code"`
	// Text is the words that named the actor: a name, a noun phrase or a
	// pronoun, body[Start:End].
	Text string `json:"text"`
	// Country is the ISO 3166-1 alpha-3 code the actor code starts with;
	// nil when it starts with anything else (a region, an organization
	// type, a historic state) or with nothing.
	Country *string `json:"country"`
	// Role is the code's role segments, joined ("GOV", "MILREB"); "" for
	// none.
	Role  string `json:"role"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// A Location is a place an event happened in, as the gazetteer knows it.
type Location struct {
	Name string `json:"name"`
	// GeonamesID is the GeoNames id; 0 for a place sitrep derived (a part
	// of a region, "southern Syria", or a border area).
	GeonamesID int     `json:"geonames_id"`
	Country    string  `json:"country"` // ISO 3166-1 alpha-3
	Admin1     string  `json:"admin1"`  // first-level region's name, "" for none
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Feature    string  `json:"feature"` // GeoNames feature code ("PPL", "ADM1", "PCLI")
	// Text is the words that named it, body[Start:End]; Start and End are
	// 0 and Text "" for a location taken from the article's focus.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Precision is how finely the place is known: "country", "region",
	// "city" or "sub-city".
	Precision string `json:"precision"`
	// How says how it was chosen: "clause" (a place phrase of the event's
	// own clause), "sentence" (the nearest place in the sentence) or
	// "article" (the article's focus).
	How string `json:"how"`
}

// A Quote is a statement the article quotes: words in quotation marks
// (Direct) or a reported clause ("Lavrov said Moscow was helping ...").
type Quote struct {
	// Sentence is the index of the sentence the quote starts in.
	Sentence int `json:"sentence"`
	// Start and End delimit the quote with its marks; Text is the words
	// quoted, without the marks (a quote over several paragraphs is joined
	// by single spaces, so Text may differ from body[Start:End]).
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Direct bool   `json:"direct"`
	// Speaker is who said it; nil when no speaker is found. Its Code is ""
	// when the dictionaries do not know the speaker.
	Speaker *Actor `json:"speaker"`
	// Verb is the verb of saying or the cue ("according to"); nil when
	// there is none.
	Verb *Span `json:"verb"`
}

// A Count is a number of people the article reports killed, wounded,
// displaced, and so on, in the manner of GDELT's GKG counts.
type Count struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	// Type is what happened to them: "killed", "wounded", "displaced",
	// "refugees", "arrested", "abducted", "missing", ...
	Type string `json:"type"`
	// Number is the value (the lower end of a range or a vague quantity),
	// Qualifier the bound or hedge before it ("more than", "at least"),
	// Approx whether it is an estimate.
	Number    int64  `json:"number"`
	Qualifier string `json:"qualifier"`
	Approx    bool   `json:"approx"`
	// Object is the group counted as written ("displaced Syrians"); "".
	Object string `json:"object"`
	// Location is where, when the count's phrase names a place; nil.
	Location *Location `json:"location"`
	// Event is the ID of the event the count belongs to, "" when the
	// grammar links it to none.
	Event string `json:"event"`
}

// A Place is a place the article names, resolved or not.
type Place struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	// Role is what the mention does in its sentence: "location" (where
	// something happens), "actor" (a country or capital acting: "Jordan
	// is delivering aid"), "origin" ("Damascus-based"), "modifier", ...
	Role string `json:"role"`
	// Location is the gazetteer's place; nil when the name is unresolved.
	Location *Location `json:"location"`
	// Confidence is the resolver's 0–1 certainty of Location.
	Confidence float64 `json:"confidence"`
}

// Date precisions. An event's date is known to the day, the week, the
// month or the year the text says; DatePrecisionPublication marks an
// event dated by the article's publication date because the text gives no
// date for it.
const (
	DatePrecisionDay         = "day"
	DatePrecisionWeek        = "week"
	DatePrecisionMonth       = "month"
	DatePrecisionYear        = "year"
	DatePrecisionPublication = "publication"
)

// ErrBody is returned by New when the document is not the article's body.
var ErrBody = errors.New("record: the document's text is not the article's body")

// New builds the record of article a from doc, its body annotated with
// sentences and tokens, the events coded in doc, and the ontology that
// describes their codes (nil: codes are described by their digits alone,
// without PLOVER type, mode or Goldstein weight). It fails when doc.Text
// is not a.Body() or when a span of doc or of an event lies outside it.
func New(a *article.Article, doc *nlp.Doc, evs []event.Event, onto *event.Ontology) (*Article, error) {
	r, _, err := build(a, doc, evs, onto)
	return r, err
}

// build makes New's record and returns with it the events in the order
// of its Events.
func build(a *article.Article, doc *nlp.Doc, evs []event.Event, onto *event.Ontology) (*Article, []event.Event, error) {
	body := a.Body()
	if doc.Text != body {
		return nil, nil, ErrBody
	}
	r := &Article{
		Meta:      Meta{ID: a.ID, Title: a.Title, Date: day(a.Date), Source: a.Source, URL: a.URL},
		Sentences: make([]Sentence, 0, len(doc.Sentences)),
		Events:    make([]Event, 0, len(evs)),
		Quotes:    []Quote{},
		Counts:    []Count{},
		Places:    []Place{},
	}
	for i, s := range doc.Sentences {
		if s.Limit <= s.First {
			continue
		}
		if !inside(s.Span, body) {
			return nil, nil, fmt.Errorf("record: article %s: sentence %d [%d,%d) outside the body (%d bytes)", a.ID, i, s.Start, s.End, len(body))
		}
		r.Sentences = append(r.Sentences, Sentence{Index: i, Start: s.Start, End: s.End, Text: body[s.Start:s.End]})
	}
	evs = slices.Clone(evs)
	slices.SortStableFunc(evs, func(x, y event.Event) int {
		if x.Sentence != y.Sentence {
			return x.Sentence - y.Sentence
		}
		return x.Verb.Start - y.Verb.Start
	})
	seen := map[string]int{}
	for _, e := range evs {
		if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
			return nil, nil, fmt.Errorf("record: article %s: event %s in sentence %d of %d", a.ID, e, e.Sentence, len(doc.Sentences))
		}
		sent := doc.Sentences[e.Sentence].Span
		for _, sp := range []nlp.Span{sent, e.Verb, actorSpan(e.Source), actorSpan(e.Target)} {
			if !inside(sp, body) {
				return nil, nil, fmt.Errorf("record: article %s: event %s: span [%d,%d) outside the body (%d bytes)", a.ID, e, sp.Start, sp.End, len(body))
			}
		}
		rec := Event{
			ID:         EventID(a.ID, e),
			Sentence:   e.Sentence,
			Evidence:   span(body, sent),
			Source:     newActor(body, e.Source),
			Target:     newActor(body, e.Target),
			Verb:       span(body, e.Verb),
			CAMEO:      e.Code,
			Negated:    e.Negated,
			Confidence: e.Confidence,
			Rule:       e.Rule,
		}
		if !a.Date.IsZero() {
			rec.Date, rec.DatePrecision = day(a.Date), ptr(DatePrecisionPublication)
		}
		describe(&rec, onto)
		// Two events that hash alike (the coder never makes two with the
		// same sentence, verb, code and actors) still get distinct IDs.
		if n := seen[rec.ID]; n > 0 {
			seen[rec.ID]++
			rec.ID += "-" + strconv.Itoa(n+1)
		} else {
			seen[rec.ID] = 1
		}
		r.Events = append(r.Events, rec)
	}
	return r, evs, nil
}

// describe fills in what the ontology knows of the event's code.
func describe(rec *Event, onto *event.Ontology) {
	if onto != nil {
		if c, ok := onto.Code(rec.CAMEO); ok {
			rec.Root, rec.Plover, rec.Quad, rec.Goldstein, rec.Mode = c.Root, c.Plover, int(c.Quad), c.Goldstein, c.Mode
			return
		}
	}
	if len(rec.CAMEO) >= 2 {
		rec.Root = rec.CAMEO[:2]
		rec.Quad = int(event.QuadClass(rec.CAMEO))
	}
}

// EventID returns the ID of event e of the article whose ID is articleID:
// the first 12 hex digits of the article's ID, a hyphen, and the first 8
// hex digits of SHA-256 over the article's ID, the sentence index, the
// verb's span, the CAMEO code and the source and target codes. The same
// event of the same article gets the same ID in every run, however many
// other events are coded around it; the article's part lets a reader group
// events by article at a glance.
func EventID(articleID string, e event.Event) string {
	key := fmt.Sprintf("%s|%d|%d|%d|%s|%s|%s", articleID, e.Sentence, e.Verb.Start, e.Verb.End, e.Code,
		actorCode(e.Source), actorCode(e.Target))
	sum := sha256.Sum256([]byte(key))
	prefix := articleID
	if len(prefix) > 12 {
		prefix = prefix[:12]
	}
	return prefix + "-" + hex.EncodeToString(sum[:4])
}

func actorCode(a *event.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

func actorSpan(a *event.Actor) nlp.Span {
	if a == nil {
		return nlp.Span{}
	}
	return a.Span
}

func newActor(body string, a *event.Actor) *Actor {
	if a == nil {
		return nil
	}
	out := &Actor{Code: a.Code, Text: body[a.Start:a.End], Role: a.Role, Start: a.Start, End: a.End}
	if actor.IsISOCountry(a.Country) {
		out.Country = ptr(a.Country)
	}
	return out
}

func span(body string, s nlp.Span) Span {
	return Span{Start: s.Start, End: s.End, Text: body[s.Start:s.End]}
}

func inside(s nlp.Span, body string) bool {
	return 0 <= s.Start && s.Start <= s.End && s.End <= len(body)
}

// day formats a date as YYYY-MM-DD; nil for the zero time.
func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	return ptr(t.Format(time.DateOnly))
}

func ptr(s string) *string { return &s }

// MarshalJSON writes the record with [] for every empty array, also when
// the Article was built by hand with nil slices. It does not escape "<",
// ">" and "&" itself, so that an Encoder with SetEscapeHTML(false) writes
// the text as it is.
func (r Article) MarshalJSON() ([]byte, error) {
	type plain Article // without this method
	p := plain(r)
	p.Sentences = nonNil(p.Sentences)
	p.Events = nonNil(p.Events)
	p.Quotes = nonNil(p.Quotes)
	p.Counts = nonNil(p.Counts)
	p.Places = nonNil(p.Places)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
