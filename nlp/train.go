package nlp

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
)

// TrainOptions tune Train.
type TrainOptions struct {
	Tagger TaggerOptions
	Parser ParserOptions
	// Folds is the number of jackknife folds used to give the parser's
	// training data realistic, predicted tags: each fold is tagged by a
	// tagger trained on the others. 0 means 10; 1 trains the parser on gold
	// tags.
	Folds int
	// Workers bounds the taggers trained at once; 0 means GOMAXPROCS.
	Workers int
	// News is the number of synthetic news sentences (NewsSentences from
	// DefaultNewsLexicon, seeded with Tagger.Seed) added to the training
	// sentences; 0 adds none. They go through the jackknife like the
	// others, so the parser also learns from predicted tags on them.
	// 'sitrep train' adds DefaultNews unless told otherwise.
	News int
	// Info is stored in the model.
	Info string
	// Logger receives progress; nil discards.
	Logger *slog.Logger
}

// DefaultNews is the number of synthetic news sentences 'sitrep train'
// mixes into UD English EWT train: the size that helped the news gold set
// most without costing EWT (see docs/ARCHITECTURE.md).
const DefaultNews = 6000

// WithDefaults returns o with every zero field replaced by the value Train
// uses for it, so that callers can record exactly how a model was trained.
// The tagger and parser inherit o.Logger when they have none.
func (o TrainOptions) WithDefaults() TrainOptions {
	o.Folds = cmp0(o.Folds, 10)
	o.Workers = cmp0(o.Workers, runtime.GOMAXPROCS(0))
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Tagger.Logger == nil {
		o.Tagger.Logger = o.Logger
	}
	if o.Parser.Logger == nil {
		o.Parser.Logger = o.Logger
	}
	o.Tagger = o.Tagger.withDefaults()
	o.Parser = o.Parser.withDefaults()
	return o
}

// Train trains a full model on docs, whose tokens carry gold tags, lemmas,
// heads and relations.
func Train(ctx context.Context, docs []*Doc, opt TrainOptions) (*Model, error) {
	opt = opt.WithDefaults()
	folds, workers, log := opt.Folds, opt.Workers, opt.Logger
	if opt.News > 0 {
		docs = append(docs[:len(docs):len(docs)], NewsSentences(DefaultNewsLexicon(), opt.News, opt.Tagger.Seed)...)
	}
	sents := goldSentences(docs)
	if len(sents) < folds {
		return nil, fmt.Errorf("nlp: train: %d sentences for %d folds", len(sents), folds)
	}
	// Each training sentence becomes its own document, so that folds can
	// be cut at sentence boundaries and the gold docs are never modified.
	gold := make([]*Doc, len(sents))
	for i, toks := range sents {
		gold[i] = sentenceDoc(toks)
	}
	lem := TrainLemmatizer(gold, 0)

	type result struct {
		fold   int
		tagger *Tagger
		err    error
	}
	// Job -1 is the final tagger on all data; jobs 0..folds-1 jackknife.
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for fold := range jobs {
				var train []*Doc
				for i, d := range gold {
					if fold < 0 || folds == 1 || i%folds != fold {
						train = append(train, d)
					}
				}
				topt := opt.Tagger
				if fold >= 0 {
					topt.Logger = nil
				}
				t, err := TrainTagger(ctx, train, topt)
				results <- result{fold, t, err}
			}
		})
	}
	go func() {
		defer close(jobs)
		n := folds
		if folds == 1 {
			n = 0
		}
		for fold := -1; fold < n; fold++ {
			select {
			case jobs <- fold:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	predicted := make([]*Doc, len(gold))
	for i, d := range gold {
		predicted[i] = d.Clone()
	}
	var final *Tagger
	var firstErr error
	for r := range results {
		if r.err != nil {
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		if r.fold < 0 {
			final = r.tagger
			log.Info("tagger trained on all sentences")
			continue
		}
		for i, d := range predicted {
			if i%folds == r.fold {
				if err := r.tagger.Annotate(ctx, d); err != nil && firstErr == nil {
					firstErr = err
				}
			}
		}
		log.Info("jackknife fold tagged", "fold", r.fold+1, "of", folds)
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if folds == 1 {
		predicted = gold
	}
	parser, err := TrainParser(ctx, predicted, opt.Parser)
	if err != nil {
		return nil, err
	}
	return &Model{Tagger: final, Lemmatizer: lem, Parser: parser, Info: opt.Info}, nil
}

// sentenceDoc returns a one-sentence document holding copies of toks, with
// spans into a text rebuilt from the forms.
func sentenceDoc(toks []Token) *Doc {
	d := &Doc{Tokens: make([]Token, len(toks))}
	var text []byte
	for i, t := range toks {
		if i > 0 {
			text = append(text, ' ')
		}
		start := len(text)
		text = append(text, t.Form...)
		t.Span = Span{start, len(text)}
		d.Tokens[i] = t
	}
	d.Text = string(text)
	for i := range d.Tokens {
		d.Tokens[i].Form = d.Text[d.Tokens[i].Start:d.Tokens[i].End]
	}
	d.Sentences = []Sentence{{Span: Span{0, len(d.Text)}, First: 0, Limit: len(toks)}}
	return d
}
