package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"

	"sitrep/article"
	"sitrep/enrich"
	"sitrep/event"
	"sitrep/nlp"
	"sitrep/quote"
	"sitrep/record"
)

// A pipeline codes articles: it annotates an article's body (nlp), reads
// its scene (enrich: places, dates, counts, quotes, and the story's
// country), codes the events in it by that country (event), and builds
// its record (record), each event set in the scene. Safe for concurrent
// use.
type pipeline struct {
	annotate nlp.Pipeline
	coder    *event.Coder
	enricher *enrich.Enricher // nil: no scene
	// timeout bounds the coding of one article; 0 means none. An article
	// that takes longer fails with errTimeout.
	timeout time.Duration
	// ahead bounds the articles in flight beyond two per worker: an emit
	// that sometimes takes long (ingest stores 64 articles at a time)
	// needs that many coded ahead for the workers not to wait on it.
	ahead int
}

// errTimeout is the error of an article that took longer than the
// pipeline's timeout to code.
var errTimeout = errors.New("coding took too long")

func newPipeline(m *nlp.Model, c *event.Coder, e *enrich.Enricher) *pipeline {
	return &pipeline{annotate: m.Pipeline(), coder: c, enricher: e}
}

// code runs the stages on one article. Its errors name the article's
// origin.
func (p *pipeline) code(ctx context.Context, a *article.Article) (*record.Article, int, error) {
	if p.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, p.timeout, fmt.Errorf("%w: more than %v", errTimeout, p.timeout))
		defer cancel()
	}
	r, n, err := p.stages(ctx, a)
	if err != nil {
		if cause := context.Cause(ctx); errors.Is(cause, errTimeout) {
			err = cause
		}
		return nil, 0, fmt.Errorf("%s: %w", a.Origin, err)
	}
	return r, n, nil
}

// stages runs the stages of code.
func (p *pipeline) stages(ctx context.Context, a *article.Article) (*record.Article, int, error) {
	doc := &nlp.Doc{Text: a.Body()}
	if err := p.annotate.Annotate(ctx, doc); err != nil {
		return nil, 0, err
	}
	opt := event.Options{Date: a.Date, Focus: p.coder.Focus(doc, a.Date)}
	var scene *enrich.Scene
	if p.enricher != nil {
		// The scene weighs the country the story's places lie in against
		// the one its actors name most, and codes by the winner.
		scene = p.enricher.Read(doc, enrich.Options{Date: a.Date, Focus: opt.Focus})
		opt.Focus = scene.Country
	}
	evs, err := p.coder.Code(ctx, doc, opt)
	if err != nil {
		return nil, 0, err
	}
	r, err := record.NewEnriched(a, doc, evs, p.coder.Ontology, scene)
	if err != nil {
		return nil, 0, err
	}
	return r, len(doc.Tokens), nil
}

// A codeInput is one article read, or the error that stood in its place:
// a bad line, a file that could not be read.
type codeInput struct {
	article *article.Article
	err     error
}

// A codeResult is the outcome of one input: the article and its record,
// or an error.
type codeResult struct {
	article *article.Article
	record  *record.Article
	tokens  int // tokens of the article's body
	err     error
}

// run codes the inputs on workers goroutines (one per core when workers
// is 0 or less) and calls emit with each result, one at a time, in the
// order of the inputs; an input with an error is passed on as it is. At
// most a few inputs per worker are read ahead. run returns when the inputs
// are exhausted, with the first error emit returns, or with ctx's error
// when ctx is done; it may then leave the goroutine reading inputs blocked
// in a read until the read returns.
func (p *pipeline) run(ctx context.Context, workers int, inputs iter.Seq[codeInput], emit func(codeResult) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()

	type job struct {
		article *article.Article
		out     chan<- codeResult
	}
	jobs := make(chan job)
	// pending holds a channel for each input in order, to be filled by
	// whoever finishes it; its capacity bounds the inputs in flight.
	pending := make(chan chan codeResult, 2*workers+p.ahead)
	go func() {
		defer close(pending)
		defer close(jobs)
		for in := range inputs {
			out := make(chan codeResult, 1)
			select {
			case pending <- out:
			case <-ctx.Done():
				return
			}
			if in.err != nil {
				out <- codeResult{article: in.article, err: in.err}
				continue
			}
			select {
			case jobs <- job{in.article, out}:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Go(func() {
			for {
				select {
				case j, ok := <-jobs:
					if !ok {
						return
					}
					r, n, err := p.code(ctx, j.article)
					j.out <- codeResult{article: j.article, record: r, tokens: n, err: err}
				case <-ctx.Done():
					return
				}
			}
		})
	}
	for out := range pending {
		select {
		case r := <-out:
			if err := emit(r); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return ctx.Err()
}

// loadEnricher returns the embedded enrichment stages, with quotes'
// speakers coded by the coder's actor dictionary (so that --dict applies
// to them too).
func loadEnricher(c *event.Coder) (*enrich.Enricher, error) {
	e, err := enrich.Default()
	if err != nil {
		return nil, err
	}
	words, err := quote.DefaultWords()
	if err != nil {
		return nil, err
	}
	e.Quotes = quote.New(c.Actors, words)
	e.Actors = c.Actors
	return e, nil
}

// loadStages loads the model, the coder (with the dictionaries of dict
// over the embedded ones, "" for none) and the enricher, and makes the
// pipeline that ingest and worker run.
func loadStages(dict string) (*pipeline, error) {
	m, _, err := loadModel("")
	if err != nil {
		return nil, err
	}
	coder, err := loadCoder(dict)
	if err != nil {
		return nil, err
	}
	en, err := loadEnricher(coder)
	if err != nil {
		return nil, err
	}
	return newPipeline(m, coder, en), nil
}
