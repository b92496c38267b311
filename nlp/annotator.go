package nlp

import "context"

// An Annotator adds one layer (sentences, tokens, tags, lemmas, heads) to doc
// and never changes earlier layers.
type Annotator interface {
	Annotate(ctx context.Context, doc *Doc) error
}

// A Pipeline runs its annotators in order, stopping at the first error or
// when ctx is cancelled.
type Pipeline []Annotator

// Annotate runs every annotator of p on doc.
func (p Pipeline) Annotate(ctx context.Context, doc *Doc) error {
	for _, a := range p {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := a.Annotate(ctx, doc); err != nil {
			return err
		}
	}
	return nil
}
